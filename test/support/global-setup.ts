// Builds the CLI bundle before the tests that run it (a no-op when dist/ is newer than the sources).
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';

export default function setup(): void {
  execFileSync(process.execPath, [join(import.meta.dirname, '..', '..', 'scripts', 'build.mjs'), '--if-needed'], { stdio: 'inherit' });
}
