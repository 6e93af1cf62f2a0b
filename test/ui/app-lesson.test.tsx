// The App taking lessons and showing the menu, on real sockets with the lessons' live peers: the
// suggestion, hints, foreseen mistakes, the step-done moment, :next, :back, the end of a lesson, and
// the menu's marks and resume point, with progress in a temporary directory.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { arrivingClientLesson } from '../support/arriving-client-lesson';
import type { Curriculum, Lesson } from '../../src/lesson/model';
import { ProgressStore } from '../../src/lesson/progress';
import { driveApp, keys, type AppDriver } from './app-harness';
import { lessonById, loadFixtureLessons } from '../support/fixture-lessons';

let curriculum: Curriculum;
let dir: string;
let app: AppDriver | null = null;

const lesson = (id: string): Lesson => lessonById(curriculum, id);

loadFixtureLessons((c) => (curriculum = c));

afterEach(async () => {
  await app?.unmount();
  expect(app?.services.openSessions ?? 0).toBe(0);
  app = null;
  if (dir) rmSync(dir, { recursive: true, force: true });
});

afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

async function freshStore(contents?: string): Promise<{ store: ProgressStore; warning: string | null }> {
  dir = mkdtempSync(join(tmpdir(), 'socklab-app-'));
  const file = join(dir, 'progress.json');
  if (contents !== undefined) writeFileSync(file, contents);
  return ProgressStore.open(file);
}

/** Lessons the App reads after its first frame, held back until the test releases them. */
function lessonsReadLater(warning: string | null): { loadCurriculum: () => Promise<{ curriculum: Curriculum; warning: string | null }>; release: () => void } {
  let release: () => void = () => {};
  const read = new Promise<void>((resolve) => (release = resolve));
  const loadCurriculum = async () => {
    await read;
    return { curriculum, warning };
  };
  return { loadCurriculum, release };
}

describe('App in a lesson', () => {
  it('offers the call, gives hints, explains a foreseen mistake, and pauses when a step is done', async () => {
    const { store } = await freshStore();
    app = await driveApp({ start: { kind: 'lesson', lesson: lesson('fetch-a-page'), fromStep: 0 }, curriculum, progress: store });
    const first = await app.until((f) => f.includes('defined for you: HOST') && f.includes('step 1 of 6: Connect to the server'));
    expect(first).toContain('Fetch a web page');
    expect(first).toContain('next: s = socket.socket(socket.AF_INET, socket.SOCK_STREAM)');
    expect(first).toMatch(/web server listening on 127\.0\.0\.1:\d+/);
    expect(first).toContain('>>> import socket');

    app.press(keys.tab);
    await app.until(() => app!.promptLine() === '>>> s = socket.socket(socket.AF_INET, socket.SOCK_STREAM)');
    app.press(keys.enter);
    await app.until(() => app!.promptLine().startsWith('>>>  s.connect((HOST, PORT))'));

    await app.enter(':hint');
    await app.until((f) => f.includes('hint 1 of 1: connect() takes one address tuple'));
    await app.run('s.connect((HOST, 1))');
    await app.until((f) => f.includes('ConnectionRefusedError: [Errno 111] Connection refused') && f.includes('hint: nothing listens on that port'));
    await app.run('s = socket.socket(socket.AF_INET, socket.SOCK_STREAM)');

    await app.enter(':solution');
    await app.until(() => app!.promptLine() === '>>> s.connect((HOST, PORT))');
    app.press(keys.enter);
    const done = await app.until((f) => f.includes('✓ step 1 done: Connect to the server'));
    expect(done).toContain('step 1 of 6 · done, :next to go on');
    expect(done).toMatch(/web server accepted a connection from 127\.0\.0\.1:\d+/);
    expect(done).toMatch(/[*+] s\s+\d+\s+TCP\s+127\.0\.0\.1:\d+\s+127\.0\.0\.1:\d+\s+ESTABLISHED/);
    expect(app.promptLine()).toBe('>>>  :next');
    expect(store.progress.lessons['fetch-a-page']?.doneSteps).toEqual(['connect-to-the-server']);

    await app.enter(':next');
    await app.until((f) => f.includes('step 2 of 6') && f.includes('Send the request'));
    await app.enter(':back');
    const back = await app.until((f) => f.includes('back to step 1, on fresh sockets') && /step 1 of 6\s*\n/.test(f));
    expect(back).toContain('next: s = socket.socket(socket.AF_INET, socket.SOCK_STREAM)');
    await app.enter(':lessons');
    const menu = await app.until((f) => f.includes('socklab · lessons'));
    expect(menu).toMatch(/>\s+1\s+Fetch a web page\s+resume · 1\/6/);
  });

  it('plays a lesson to its end with :solution and offers the next one', async () => {
    const { store } = await freshStore();
    app = await driveApp({ start: { kind: 'lesson', lesson: lesson('greeting-server'), fromStep: 0 }, curriculum, progress: store, columns: 160, rows: 40 });
    await app.until((f) => f.includes('step 1 of 7: Listen'));
    for (let i = 0; i < 40 && !app.frame().includes('lesson complete: A server that greets its clients'); i++) {
      if (app.promptLine().startsWith('>>>  :next')) {
        await app.enter(':next');
        await app.until((f) => !f.includes('done, :next to go on'));
        continue;
      }
      await app.enter(':solution');
      // the call replaces ':solution' on the prompt (Enter then runs it)
      await app.until(() => /^>>> [^: ]/.test(app!.promptLine()));
      const call = app.promptLine().slice(4);
      app.press(keys.enter);
      await app.until((f) => f.includes(`>>> ${call}`) && app!.promptLine() !== '' && app!.promptLine() !== `>>> ${call}`);
    }
    const end = await app.until((f) => f.includes('lesson complete: A server that greets its clients'));
    expect(end).toContain('step 7 of 7 · lesson complete');
    expect(end).toContain(':next starts the next lesson, "UDP, IPv6, AF_UNIX and a crowd of clients"');
    expect(end).toContain("b'Hi, server!'");
    expect(store.progress.lessons['greeting-server']?.completed).toBe(true);
    await app.enter(':next');
    await app.until((f) => f.includes('UDP, IPv6, AF_UNIX and a crowd of clients') && f.includes('step 1 of 8'));
  });
});

describe('App in a lesson whose peer finishes a step', () => {
  it('shows the step done, as when a statement finishes it', async () => {
    // the second step is done by a peer alone: a client connects once the server listens
    const arriving = arrivingClientLesson({ id: 'client-arrives', doneBlock: 'wait(100)\nclient.connect(PORT)' });
    app = await driveApp({ start: { kind: 'lesson', lesson: arriving, fromStep: 0 }, curriculum: { lessons: [arriving] } });
    for (let i = 0; i < 4; i++) {
      await app.until(() => app!.promptLine().startsWith('>>>  '));
      const call = app.promptLine().slice(5);
      app.press(keys.tab);
      await app.until(() => app!.promptLine() === `>>> ${call}`);
      app.press(keys.enter);
      await app.until((f) => f.includes(`>>> ${call}`) && app!.promptLine().startsWith('>>>  '));
    }
    // the peer finishes step 2 at once; the pane stays on step 1 until the learner goes on
    const both = await app.until((f) => f.includes('✓ step 1 done: Listen') && f.includes('✓ step 2 done: Watch the queue'));
    expect(both).toContain('step 1 of 3 · done, :next to go on');
    expect(both).toMatch(/client connected to 127\.0\.0\.1:\d+/);
    expect(both).toMatch(/LISTEN\s+1 waiting/);
    await app.enter(':next');
    const second = await app.until((f) => f.includes('step 2 of 3: Watch the queue (done meanwhile)'));
    expect(second).toContain('step 2 of 3 · done, :next to go on');
    expect(app.promptLine()).toBe('>>>  :next');
    await app.enter(':next');
    await app.until((f) => f.includes('step 3 of 3: Accept it') && app!.promptLine() === '>>>  conn, addr = s.accept()');
  });
});

describe('App lesson menu', () => {
  it('marks progress, preselects the resume point, warns of a damaged file, and resumes there', async () => {
    const { store } = await freshStore(
      JSON.stringify({
        version: 2,
        lessons: {
          'fetch-a-page': { doneSteps: [], completed: true, completedAt: null },
          'greeting-server': { doneSteps: ['listen', 'see-the-queue'], completed: false, completedAt: null },
        },
        position: { lesson: 'greeting-server', step: 'accept-the-first-client', stepIndex: 2 },
        updatedAt: null,
      }),
    );
    app = await driveApp({ start: { kind: 'menu' }, curriculum, progress: store, warning: 'your progress file is damaged (a test)' });
    const menu = await app.until((f) => f.includes('socklab · lessons'));
    expect(menu).toContain('your progress file is damaged (a test)');
    expect(menu).toMatch(/ {3}1 {2}Fetch a web page\s+done\n/);
    expect(menu).toMatch(/> {2}2 {2}A server that greets its clients\s+resume at step 3 · 2\/7\n/);
    expect(menu).toMatch(/ {3}3 {2}UDP, IPv6, AF_UNIX and a crowd of clients\s+not started\n/);
    expect(menu).toContain('Listen, accept a client that waits in the queue');

    app.press(keys.down);
    await app.until((f) => /> {2}3 {2}UDP/.test(f));
    app.press(keys.up);
    await app.until((f) => /> {2}2 {2}A server/.test(f));
    app.press(keys.enter);
    const resumed = await app.until((f) => f.includes('step 3 of 7: Accept the first client'), 15_000);
    expect(resumed).toContain('resuming at step 3: steps 1-2 run again for you, on fresh sockets');
    expect(resumed).toContain('>>> s.listen(5)');
    expect(resumed).toMatch(/s\s+\d+\s+TCP\s+127\.0\.0\.1:\d+\s+-\s+LISTEN\s+2 waiting/);

    await app.enter(':lessons');
    await app.until((f) => f.includes('socklab · lessons'));
    // the lesson's session closes as its screen goes away
    await app.until(() => app!.services.openSessions === 0);
    app.press('q');
    await app.until(() => app!.quits === 1);
  });

  it('is drawn before the lessons are read, then lists them where the learner left off', async () => {
    const { store } = await freshStore(
      JSON.stringify({ version: 2, lessons: {}, position: { lesson: 'greeting-server', step: 'listen', stepIndex: 0 }, updatedAt: null }),
    );
    const { loadCurriculum, release } = lessonsReadLater('a lesson file has errors and is left out');
    app = await driveApp({ start: { kind: 'menu' }, loadCurriculum, progress: store });
    await app.until((f) => f.includes('Reading the lessons…') && f.includes('q quits'));
    release();
    const menu = await app.until((f) => f.includes('Fetch a web page'));
    expect(menu).toContain('a lesson file has errors and is left out');
    expect(menu).toMatch(/> {2}2 {2}A server that greets its clients\s+resume\n/);
    app.press('3');
    await app.until((f) => /> {2}3 {2}UDP/.test(f));
    app.press(keys.enter);
    await app.until((f) => f.includes('step 1 of 8'), 15_000);
  });

  it('opens a lesson before the lessons are read; :lessons with a name waits for them, the menu does not', async () => {
    const { store } = await freshStore();
    const { loadCurriculum, release } = lessonsReadLater(null);
    app = await driveApp({ start: { kind: 'lesson', lesson: lesson('greeting-server'), fromStep: 0 }, loadCurriculum, progress: store });
    await app.until((f) => f.includes('step 1 of 7: Listen') && app!.promptLine().startsWith('>>>'));
    await app.enter(':lessons 1');
    await app.until((f) => f.includes('the lessons are still being read: try again in a moment'));
    release();
    await app.enter(':lessons 1');
    await app.until((f) => f.includes('Fetch a web page') && f.includes('step 1 of 6'), 15_000);
  });

  it('goes to the menu from a lesson before the lessons are read, and lists them once they are', async () => {
    const { store } = await freshStore();
    const { loadCurriculum, release } = lessonsReadLater(null);
    app = await driveApp({ start: { kind: 'lesson', lesson: lesson('greeting-server'), fromStep: 0 }, loadCurriculum, progress: store });
    await app.until((f) => f.includes('step 1 of 7: Listen') && app!.promptLine().startsWith('>>>'));
    await app.enter(':lessons');
    await app.until((f) => f.includes('Reading the lessons…'));
    release();
    await app.until((f) => /1 {2}Fetch a web page/.test(f) && f.includes('A server that greets its clients'));
  });

  it('quits from an empty menu', async () => {
    await freshStore();
    app = await driveApp({ start: { kind: 'menu' }, curriculum: { lessons: [] } });
    await app.until((f) => f.includes('No lessons were found.'));
    app.press('q');
    await app.until(() => app!.quits === 1);
  });
});
