import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  emptyProgress,
  markStepDone,
  progressFilePath,
  PROGRESS_VERSION,
  ProgressStore,
  setPosition,
  writeFileAtomic,
} from '../../src/lesson/progress';

const run = promisify(execFile);
const writer = fileURLToPath(new URL('./helpers/progress-writer.ts', import.meta.url));

let dir: string;
let file: string;

beforeEach(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'socklab-progress-'));
  file = path.join(dir, 'state', 'socklab', 'progress.json');
});

afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function leftovers(where: string): Promise<string[]> {
  return (await readdir(where)).filter((name) => name.endsWith('.tmp'));
}

describe('progressFilePath', () => {
  it('honours XDG_STATE_HOME', () => {
    expect(progressFilePath({ XDG_STATE_HOME: '/x/state' }, '/home/ann')).toBe('/x/state/socklab/progress.json');
  });

  it('falls back to ~/.local/state when XDG_STATE_HOME is unset, empty or relative', () => {
    const fallback = '/home/ann/.local/state/socklab/progress.json';
    expect(progressFilePath({}, '/home/ann')).toBe(fallback);
    expect(progressFilePath({ XDG_STATE_HOME: '' }, '/home/ann')).toBe(fallback);
    expect(progressFilePath({ XDG_STATE_HOME: 'relative/state' }, '/home/ann')).toBe(fallback);
  });
});

describe('ProgressStore', () => {
  it('uses $XDG_STATE_HOME/socklab/progress.json when no file is given', async () => {
    const saved = process.env['XDG_STATE_HOME'];
    process.env['XDG_STATE_HOME'] = path.join(dir, 'xdg');
    try {
      const { store, warning } = await ProgressStore.open();
      expect(warning).toBeNull();
      expect(store.file).toBe(path.join(dir, 'xdg', 'socklab', 'progress.json'));
      await store.update((p) => markStepDone(p, 'a', 'one'));
      expect(JSON.parse(await readFile(path.join(dir, 'xdg', 'socklab', 'progress.json'), 'utf8')).lessons.a.doneSteps).toEqual(['one']);
    } finally {
      if (saved === undefined) delete process.env['XDG_STATE_HOME'];
      else process.env['XDG_STATE_HOME'] = saved;
    }
  });

  it('starts fresh without a warning when there is no file, and creates the missing directories on save', async () => {
    const { store, warning } = await ProgressStore.open(file);
    expect(warning).toBeNull();
    expect(store.progress).toEqual(emptyProgress());
    expect(await store.update((p) => markStepDone(p, 'hello-server', 'listen'))).toBeNull();
    const saved = JSON.parse(await readFile(file, 'utf8'));
    expect(saved.version).toBe(PROGRESS_VERSION);
    expect(saved.lessons['hello-server'].doneSteps).toEqual(['listen']);
    expect((await stat(path.dirname(file))).isDirectory()).toBe(true);
  });

  it('reads back what it saved', async () => {
    const first = (await ProgressStore.open(file)).store;
    await first.update((p) => setPosition(markStepDone(p, 'a', 'one'), 'a', { id: 'two', index: 1 }));
    const again = await ProgressStore.open(file);
    expect(again.warning).toBeNull();
    expect(again.store.progress).toEqual(first.progress);
  });

  it('gives a warning and a fresh start for a damaged file, and keeps the damaged file aside', async () => {
    await mkdir(path.dirname(file), { recursive: true });
    await writeFile(file, '{"version": 2, "lessons": {');
    const { store, warning } = await ProgressStore.open(file);
    expect(warning).toMatch(/damaged \(not valid JSON/);
    expect(warning).toContain(`${file}.damaged`);
    expect(store.progress).toEqual(emptyProgress());
    expect(await readFile(`${file}.damaged`, 'utf8')).toBe('{"version": 2, "lessons": {');
    await store.update((p) => markStepDone(p, 'a', 'one'));
    expect(JSON.parse(await readFile(file, 'utf8')).lessons.a.doneSteps).toEqual(['one']);
  });

  it('treats valid JSON of the wrong shape as damaged', async () => {
    await mkdir(path.dirname(file), { recursive: true });
    for (const text of ['[]', '{"lessons": {}}', '{"version": 2, "lessons": 5}', '{"version": 2, "lessons": {"a": {"doneSteps": "x", "completed": false, "completedAt": null}}}']) {
      await writeFile(file, text);
      const { store, warning } = await ProgressStore.open(file);
      expect(warning).toMatch(/damaged/);
      expect(store.progress).toEqual(emptyProgress());
    }
  });

  it('leaves a file from a newer version untouched and does not save over it', async () => {
    await mkdir(path.dirname(file), { recursive: true });
    const newer = JSON.stringify({ version: PROGRESS_VERSION + 1, somethingNew: [1, 2, 3] });
    await writeFile(file, newer);
    const { store, warning } = await ProgressStore.open(file);
    expect(warning).toMatch(/newer socklab \(format 3\)/);
    expect(store.progress).toEqual(emptyProgress());
    expect(store.writable).toBe(false);
    expect(await store.update((p) => markStepDone(p, 'a', 'one'))).toBeNull();
    expect(store.progress.lessons['a']?.doneSteps).toEqual(['one']);
    expect(await readFile(file, 'utf8')).toBe(newer);
  });

  it('migrates version 1 (finished lessons only) and saves the current version', async () => {
    await mkdir(path.dirname(file), { recursive: true });
    await writeFile(file, JSON.stringify({ version: 1, done: ['fetch-a-page'], current: 'hello-server' }));
    const { store, warning } = await ProgressStore.open(file);
    expect(warning).toBeNull();
    expect(store.progress.lessons['fetch-a-page']).toEqual({ doneSteps: [], completed: true, completedAt: null });
    expect(store.progress.position).toEqual({ lesson: 'hello-server', step: null, stepIndex: 0 });
    await store.update((p) => markStepDone(p, 'hello-server', 'listen'));
    const saved = JSON.parse(await readFile(file, 'utf8'));
    expect(saved.version).toBe(PROGRESS_VERSION);
    expect(saved.lessons['fetch-a-page'].completed).toBe(true);
  });

  it('reports an unreadable path (a directory) as a warning, never a crash', async () => {
    await mkdir(file, { recursive: true });
    const { store, warning } = await ProgressStore.open(file);
    expect(warning).toMatch(/could not read your progress .* \(it is a directory\)/);
    const saveWarning = await store.update((p) => markStepDone(p, 'a', 'one'));
    expect(saveWarning).toMatch(/could not save your progress/);
    expect(await leftovers(path.dirname(file))).toEqual([]);
  });

  it('reports a save under a path whose parent is a file', async () => {
    await writeFile(path.join(dir, 'plain-file'), 'x');
    const blocked = path.join(dir, 'plain-file', 'socklab', 'progress.json');
    const { store, warning } = await ProgressStore.open(blocked);
    expect(warning).toMatch(/could not read/);
    expect(await store.update((p) => markStepDone(p, 'a', 'one'))).toMatch(/could not save your progress/);
  });

  it('saves in order: the file ends with the latest state even when updates are not awaited', async () => {
    const { store } = await ProgressStore.open(file);
    const pending: Promise<string | null>[] = [];
    for (let i = 0; i < 20; i++) pending.push(store.update((p) => markStepDone(p, 'a', `step-${i}`)));
    expect(await Promise.all(pending)).toEqual(Array(20).fill(null));
    const saved = JSON.parse(await readFile(file, 'utf8'));
    expect(saved.lessons.a.doneSteps).toHaveLength(20);
    expect(await leftovers(path.dirname(file))).toEqual([]);
  });
});

describe('writeFileAtomic', () => {
  it('replaces the file whole', async () => {
    const target = path.join(dir, 'sub', 'f.json');
    await writeFileAtomic(target, 'first');
    await writeFileAtomic(target, 'second');
    expect(await readFile(target, 'utf8')).toBe('second');
    expect(await leftovers(path.dirname(target))).toEqual([]);
  });

  it('leaves no temp file and keeps the target when the rename fails', async () => {
    const target = path.join(dir, 'target');
    await mkdir(path.join(target, 'inside'), { recursive: true });
    await expect(writeFileAtomic(target, 'data')).rejects.toThrow();
    expect(await leftovers(dir)).toEqual([]);
    expect((await stat(path.join(target, 'inside'))).isDirectory()).toBe(true);
  });
});

describe('progress across processes', () => {
  it('keeps the old file whole when a write fails part way (file size limit), leaving no temp file', async () => {
    const first = (await ProgressStore.open(file)).store;
    await first.update((p) => markStepDone(p, 'kept', 'one'));
    const before = await readFile(file, 'utf8');
    // A 64 KiB file size limit makes the big write fail with EFBIG after part of it is written.
    const script = `trap '' XFSZ; ulimit -f 64; exec "${process.execPath}" --import tsx "${writer}" "${file}" 1 big`;
    const { stdout } = await run('bash', ['-c', script], { cwd: process.cwd() });
    const warnings = JSON.parse(stdout.trim().split('\n').pop()!) as string[];
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(/could not save your progress/);
    expect(await readFile(file, 'utf8')).toBe(before);
    expect(await leftovers(path.dirname(file))).toEqual([]);
  });

  it('stays valid JSON while two processes write at the same time', async () => {
    await mkdir(path.dirname(file), { recursive: true });
    const writers = [1, 2].map(() => run(process.execPath, ['--import', 'tsx', writer, file, '40'], { cwd: process.cwd() }));
    let finished = false;
    const all = Promise.all(writers).finally(() => {
      finished = true;
    });
    for (let i = 0; i < 2000 && !finished; i++) {
      const text = await readFile(file, 'utf8').catch((err: NodeJS.ErrnoException) => {
        if (err.code === 'ENOENT') return null;
        throw err;
      });
      if (text !== null) {
        expect(() => JSON.parse(text)).not.toThrow();
      }
      await new Promise((resolve) => setTimeout(resolve, 2));
    }
    const results = await all;
    for (const { stdout } of results) expect(JSON.parse(stdout.trim())).toEqual([]);
    const final = JSON.parse(await readFile(file, 'utf8'));
    expect(final.version).toBe(PROGRESS_VERSION);
    // Last writer wins: the file is one writer's whole state (which may include the other's first steps).
    const lessons = Object.keys(final.lessons);
    expect(lessons.length === 1 || lessons.length === 2).toBe(true);
    for (const id of lessons) expect(id).toMatch(/^lesson-\d+$/);
    expect(final.lessons[final.position.lesson].doneSteps).toHaveLength(40);
    expect(await leftovers(path.dirname(file))).toEqual([]);
  });
});
