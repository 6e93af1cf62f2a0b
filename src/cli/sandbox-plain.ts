// `socklab sandbox --plain`: a session with no lesson, statements from stdin, results on stdout.
import { Session } from '../session/session';
import type { Io } from './main';
import { runPlain } from './plain-session';
import { onTermination } from './termination';
import { Interrupts } from './interrupts';
import { openRecording, reportRecording } from './recording';
import { version } from './version';

export async function sandboxPlain(command: { noState: boolean; record: string | null }, io: Io): Promise<number> {
  const recorder = openRecording(command.record, io);
  if (recorder === false) return 1;
  recorder?.begin({ mode: 'sandbox', socklab: version });
  const session = new Session();
  const interrupts = new Interrupts();
  const stop = new AbortController();
  const release = onTermination({
    interrupt: () => (session.running ? interrupts.interrupt() : false),
    terminate: () => {
      stop.abort();
      session.close();
      recorder?.end({ reason: 'stopped' });
    },
  });
  try {
    const { exited } = await runPlain({
      input: io.stdin,
      write: (text) => io.stdout.write(text),
      session,
      options: { noState: command.noState, escape: io.stdout.isTTY === true },
      interrupts,
      stop: stop.signal,
      onResult: (result) => recorder?.statement(result),
    });
    recorder?.end({ reason: exited ? 'exit' : 'end-of-input' });
    return 0;
  } finally {
    session.close();
    recorder?.close();
    reportRecording(recorder, io);
    release();
  }
}
