import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts', 'test/**/*.test.tsx'],
    // Real sockets and real pseudo-terminals: give slow, shared machines room without hiding hangs.
    testTimeout: 20_000,
    hookTimeout: 20_000,
    pool: 'forks',
    globalSetup: ['test/support/global-setup.ts'],
    // Progress written by tests (and the CLI they start) goes here, never into the user's own state.
    env: { XDG_STATE_HOME: join(tmpdir(), `socklab-test-state-${process.pid}`) },
  },
});
