// Builds the CLI bundle before the tests that run it (a no-op when dist/ is newer than the sources),
// and removes the progress the tests saved (vitest.config.ts points XDG_STATE_HOME there).
import { execFileSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export default function setup(): () => void {
  execFileSync(process.execPath, [join(import.meta.dirname, '..', '..', 'scripts', 'build.mjs'), '--if-needed'], { stdio: 'inherit' });
  return () => rmSync(join(tmpdir(), `socklab-test-state-${process.pid}`), { recursive: true, force: true });
}
