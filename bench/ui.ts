// The screen as a learner meets it: the real bundled CLI in a real pseudo-terminal.
//  - start-up: from spawning `socklab sandbox` to its first frame with the prompt, and to the first
//    key echoed on the prompt, against a bare `node -e ''` spawned in the same way (target <= 3x), and
//    against the first frame of an Ink program that draws one line (what Ink alone costs);
//    the lesson menu's first frame and the frame that lists the lessons it reads after it; and the
//    first frame of a lesson opened by id and by number;
//  - Enter to the updated frame, over 1000 statements that do not block (target median < 5 ms,
//    p99 < 16 ms);
//  - frames with 1000 open (bound) sockets: scrolling the table a page, and a statement (target < 16 ms);
//    and the cost of one read of the table (the screen reads it while idle and while a call waits);
//  - resident memory when idle, and with 1000 open sockets.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Plugin } from 'esbuild';
import { bundleEntry } from './lib/bundle';
import { Session } from '../src/session/session';
import { percentile, residentMiB, startInPty, type PtyProgram } from './lib/pty-frames';

const ROOT = join(import.meta.dirname, '..');
const CLI = join(ROOT, 'dist', 'socklab.js');
const STARTS = 15;
const STATEMENTS = 1000;
const SCROLLS = 200;
const SOCKETS = 1000;

const ansi = /\x1b\[[0-9;?]*[A-Za-z]/g;
const text = (frame: string) => frame.replace(ansi, '');
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

interface Spread {
  median: number;
  p99: number;
  max: number;
}

function spread(values: readonly number[]): Spread {
  return { median: percentile(values, 50), p99: percentile(values, 99), max: Math.max(...values) };
}

const ms = (v: number) => `${v.toFixed(1)} ms`;

async function sandbox(stateDir: string): Promise<{ program: PtyProgram; started: number; firstFrame: number }> {
  const started = performance.now();
  const program = startInPty(process.execPath, [CLI, 'sandbox'], { env: { XDG_STATE_HOME: stateDir } });
  const firstFrame = await program.nextFrame((f) => text(f).includes('>>> '));
  return { program, started, firstFrame };
}

// What any Ink program pays before its first frame: one Text, bundled and minified like the CLI.
const INK_FLOOR = `
import React from 'react';
import { render, Text } from 'ink';
render(React.createElement(Text, null, '── socklab ── >>>'), { exitOnCtrlC: false });
setTimeout(() => process.exit(0), 2000);
`;

async function buildInkFloor(): Promise<string> {
  return bundleEntry('ink-floor.mjs', INK_FLOOR, ROOT, {
    plugins: [noDevtools],
    define: { 'process.env.NODE_ENV': '"production"' },
    banner: { js: "import { createRequire as __require } from 'node:module'; const require = __require(import.meta.url);" },
  });
}

// As scripts/build.mjs does: Ink imports react-devtools-core only in development.
const noDevtools: Plugin = {
  name: 'no-devtools',
  setup(b) {
    b.onResolve({ filter: /^react-devtools-core$/ }, () => ({ path: 'devtools', namespace: 'stub' }));
    b.onLoad({ filter: /.*/, namespace: 'stub' }, () => ({ contents: 'export default {};', loader: 'js' }));
  },
};

async function startup(stateDir: string, inkFloor: string): Promise<{ bare: number[]; ink: number[]; frame: number[]; key: number[] }> {
  const bare: number[] = [];
  const ink: number[] = [];
  const frame: number[] = [];
  const key: number[] = [];
  for (let i = 0; i < STARTS; i++) {
    const t0 = performance.now();
    const node = startInPty(process.execPath, ['-e', '']);
    bare.push((await node.exited) - t0);

    const t1 = performance.now();
    const floor = startInPty(process.execPath, [inkFloor]);
    ink.push((await floor.nextFrame((f) => text(f).includes('>>>'))) - t1);
    floor.kill();
    await floor.exited;

    const { program, started, firstFrame } = await sandbox(stateDir);
    frame.push(firstFrame - started);
    const echoed = program.nextFrame((f) => text(f).includes('>>> z'));
    program.write('z');
    key.push((await echoed) - started);
    program.kill();
    await program.exited;
  }
  return { bare, ink, frame, key };
}

/** The menu draws before it reads the lessons: its first frame, and the frame that lists them. */
async function menuStartup(stateDir: string): Promise<{ frame: number[]; listed: number[] }> {
  const frame: number[] = [];
  const listed: number[] = [];
  for (let i = 0; i < 5; i++) {
    const started = performance.now();
    const program = startInPty(process.execPath, [CLI], { env: { XDG_STATE_HOME: stateDir } });
    frame.push((await program.nextFrame((f) => text(f).includes('socklab · lessons'))) - started);
    listed.push((await program.nextFrame((f) => / 1 {2}\S/.test(text(f)))) - started);
    program.kill();
    await program.exited;
  }
  return { frame, listed };
}

/**
 * `socklab <lesson>`: to the first frame of the lesson (its first step shown). By id only that lesson
 * is read first; by number every lesson is (the number counts the lessons that load).
 */
async function lessonStartup(stateDir: string, lesson: string): Promise<number[]> {
  const frame: number[] = [];
  for (let i = 0; i < 5; i++) {
    const started = performance.now();
    const program = startInPty(process.execPath, [CLI, lesson], { env: { XDG_STATE_HOME: stateDir } });
    frame.push((await program.nextFrame((f) => text(f).includes('step 1 of'))) - started);
    program.kill();
    await program.exited;
  }
  return frame;
}

/** Types a statement, waits for it on the prompt, then times Enter until the frame after it. */
async function timedStatement(program: PtyProgram, statement: string, timeoutMs?: number): Promise<number> {
  const typed = program.nextFrame((f) => text(f).includes(`>>> ${statement}`));
  program.write(statement);
  await typed;
  const done = program.nextFrame((f) => {
    const t = text(f);
    return t.includes('Enter runs') && t.includes(`>>> ${statement}`);
  }, timeoutMs);
  const t0 = performance.now();
  program.write('\r');
  return (await done) - t0;
}

async function statements(program: PtyProgram): Promise<number[]> {
  await timedStatement(program, 'import socket');
  await timedStatement(program, 's = socket.socket()');
  const kinds = [(i: number) => `x = ${i}`, (i: number) => `s.getsockname(), ${i}`, (i: number) => `len(b'${i}')`];
  const times: number[] = [];
  for (let i = 0; i < STATEMENTS; i++) times.push(await timedStatement(program, kinds[i % kinds.length]!(i)));
  return times;
}

async function withManySockets(program: PtyProgram): Promise<{ scroll: number[]; statement: number[] }> {
  await timedStatement(program, `socks = [socket.socket() for i in range(${SOCKETS})]`, 60_000);
  // bound, so that each has an address to read and to show (a fresh socket costs the kernel view less)
  await timedStatement(program, `bound = [s.bind(('127.0.0.1', 0)) for s in socks]`, 60_000);
  const scroll: number[] = [];
  for (let i = 0; i < SCROLLS; i++) {
    const down = i % 20 < 10;
    const before = performance.now();
    const moved = program.nextFrame((f) => /sockets \d+-\d+ of \d+/.test(text(f)));
    program.write(down ? '\x1b[6~' : '\x1b[5~');
    scroll.push((await moved) - before);
  }
  const statement: number[] = [];
  for (let i = 0; i < 50; i++) statement.push(await timedStatement(program, `y = ${i}`));
  return { scroll, statement };
}

/** One read of the whole table by a session holding that many sockets (what the idle screen does): fresh, then bound. */
async function tableRead(): Promise<{ fresh: Spread; bound: Spread }> {
  const session = new Session();
  const reads = (): Spread => {
    const times: number[] = [];
    for (let i = 0; i < 30; i++) {
      const t0 = performance.now();
      session.refresh();
      times.push(performance.now() - t0);
    }
    return spread(times);
  };
  try {
    await session.run('import socket');
    await session.run(`socks = [socket.socket() for i in range(${SOCKETS})]`);
    const fresh = reads();
    await session.run(`bound = [s.bind(('127.0.0.1', 0)) for s in socks]`);
    return { fresh, bound: reads() };
  } finally {
    session.close();
  }
}

function machine(): string {
  const cpu = execFileSync('sh', ['-c', "grep -m1 'model name' /proc/cpuinfo | cut -d: -f2"]).toString().trim();
  const cores = execFileSync('nproc').toString().trim();
  return `${cpu}, ${cores} cores, Node ${process.version}, ${new Date().toISOString().slice(0, 10)}`;
}

export default async function main(): Promise<void> {
  execFileSync(process.execPath, [join(ROOT, 'scripts', 'build.mjs'), '--if-needed'], { cwd: ROOT, stdio: 'inherit' });
  const stateDir = mkdtempSync(join(tmpdir(), 'socklab-bench-'));
  try {
    console.log(`ui, the bundled CLI in an 80x24 pseudo-terminal; ${machine()}`);
    const start = await startup(stateDir, await buildInkFloor());
    const bare = percentile(start.bare, 50);
    const ink = percentile(start.ink, 50);
    const frame = percentile(start.frame, 50);
    const key = percentile(start.key, 50);
    const times = (v: number) => `${ms(v)} (${(v / bare).toFixed(2)}x)`;
    console.log(`start-up (median of ${STARTS}): bare node ${ms(bare)}; an Ink program's first frame ${times(ink)}`);
    console.log(`  socklab sandbox: first frame ${times(frame)}; first key echoed ${times(key)}`);

    const menu = await menuStartup(stateDir);
    console.log(`lesson menu (median of 5): first frame ${ms(percentile(menu.frame, 50))}; the lessons listed ${ms(percentile(menu.listed, 50))}`);
    const byId = percentile(await lessonStartup(stateDir, 'byte-stream'), 50);
    const byNumber = percentile(await lessonStartup(stateDir, '9'), 50);
    console.log(`socklab <lesson> (median of 5), first frame: by id ${ms(byId)}; by number ${ms(byNumber)}`);

    const { program } = await sandbox(stateDir);
    await sleep(1500);
    const idle = residentMiB(program.pid);
    const enter = spread(await statements(program));
    console.log(`Enter to the updated frame, ${STATEMENTS} statements: median ${ms(enter.median)}, p99 ${ms(enter.p99)}, max ${ms(enter.max)}`);
    const many = await withManySockets(program);
    const scroll = spread(many.scroll);
    const statement = spread(many.statement);
    await sleep(1500);
    const busy = residentMiB(program.pid);
    console.log(`with ${SOCKETS} open sockets: PgUp/PgDn to its frame median ${ms(scroll.median)}, p99 ${ms(scroll.p99)}; Enter to frame median ${ms(statement.median)}, p99 ${ms(statement.p99)}`);
    const read = await tableRead();
    console.log(
      `one read of a ${SOCKETS}-socket table: fresh sockets median ${ms(read.fresh.median)}, p99 ${ms(read.fresh.p99)}; bound median ${ms(read.bound.median)}, p99 ${ms(read.bound.p99)}`,
    );
    console.log(`resident memory: ${idle.toFixed(0)} MiB idle after start-up, ${busy.toFixed(0)} MiB with ${SOCKETS} sockets`);
    program.kill();
    await program.exited;
  } finally {
    rmSync(stateDir, { recursive: true, force: true });
  }
}
