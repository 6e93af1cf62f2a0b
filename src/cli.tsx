// socklab's entry point.
import { main } from './cli/main';

// A reader that stops reading (`socklab list | head`) ends socklab quietly, as it ends any program in
// a pipeline; the process's sockets close with it. The screen watches its terminal itself.
if (!process.stdout.isTTY) {
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(0);
    process.stderr.write(`socklab: cannot write the output: ${error.message}\n`);
    process.exit(74);
  });
}

main(process.argv.slice(2), { stdin: process.stdin, stdout: process.stdout, stderr: process.stderr, env: process.env }).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`socklab: internal error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exitCode = 70;
  },
);
