// --record on the screen: a sandbox and a lesson taken on the screen are recorded with the same
// records as plain mode, and a lesson's recording (with :next and :back on the screen) replays live
// with no difference. Only the first session of a screen run is recorded.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { ScreenRecordingFile } from '../../src/cli/screen-recording';
import type { Curriculum, Lesson } from '../../src/lesson/model';
import { replayLive } from '../../src/session/transcript/live-replay';
import { parseTranscript } from '../../src/session/transcript/reader';
import { TranscriptRecorder } from '../../src/session/transcript/recorder';
import type { Transcript } from '../../src/session/transcript/format';
import { tempDir } from '../transcript/helpers';
import { driveApp, type AppDriver } from './app-harness';
import { lessonById, loadFixtureLessons } from '../support/fixture-lessons';

let curriculum: Curriculum;
let app: AppDriver | null = null;
const dir = tempDir();

loadFixtureLessons((c) => (curriculum = c));
afterEach(async () => {
  await app?.unmount();
  expect(app?.services.openSessions ?? 0).toBe(0);
  app = null;
});
afterAll(() => dir.remove());

const lesson = (id: string): Lesson => lessonById(curriculum, id);

function recording(name: string): { file: string; recording: ScreenRecordingFile } {
  const file = join(dir.path, name);
  return { file, recording: new ScreenRecordingFile(TranscriptRecorder.open(file)) };
}

function read(file: string): Transcript {
  const result = parseTranscript(readFileSync(file, 'utf8'), file);
  if (!result.ok) throw new Error(result.errors.join('\n'));
  return result.transcript;
}

describe('--record on the screen', () => {
  it('records the sandbox: each statement, :reset, and how it ended', async () => {
    const { file, recording: rec } = recording('sandbox.jsonl');
    app = await driveApp({ start: { kind: 'sandbox' }, recording: rec });
    await app.until((f) => f.includes(`recording to ${file}`));
    await app.run('import socket');
    await app.run('s = socket.socket()');
    await app.enter(':reset');
    await app.until((f) => f.includes('a fresh start'));
    await app.run('s');
    await app.unmount();
    const t = read(file);
    expect(t.header).toMatchObject({ mode: 'sandbox', lesson: null });
    expect(t.records.map(({ record }) => (record.type === 'statement' ? record.source : record.type === 'command' ? record.source : record.type))).toEqual([
      'import socket',
      's = socket.socket()',
      ':reset',
      's',
    ]);
    expect(t.end?.record).toMatchObject({ reason: 'quit', statements: 3 });
    expect((await replayLive(t, null)).differences).toEqual([]);
  });

  it('records a lesson taken on the screen, with :next and :back, so that it replays live the same', async () => {
    const { file, recording: rec } = recording('lesson.jsonl');
    app = await driveApp({ start: { kind: 'lesson', lesson: lesson('greeting-server'), fromStep: 0 }, curriculum, recording: rec });
    await app.until((f) => f.includes(`recording to ${file}`) && f.includes('step 1 of 7: Listen'));
    for (const call of lesson('greeting-server').steps[0]!.calls) await app.run(call.source, 10_000);
    await app.until((f) => f.includes('✓ step 1 done: Listen'));
    await app.enter(':next');
    await app.until((f) => f.includes('step 2 of 7: See the queue'));
    await app.run('s');
    await app.until((f) => f.includes('✓ step 2 done: See the queue'));
    // back from a step shown done: the run goes back past its own step
    await app.enter(':back');
    await app.until((f) => f.includes('back to step 1'));
    await app.enter(':hint');
    await app.until((f) => f.includes('hint 1 of 1'));
    await app.unmount();
    const t = read(file);
    expect(t.header).toMatchObject({ mode: 'lesson', startStep: 1, lesson: { id: 'greeting-server' } });
    const commands = t.records.flatMap(({ record }) => (record.type === 'command' ? [record.source] : []));
    expect(commands).toEqual([':back', ':hint']);
    expect(t.records.filter(({ record }) => record.type === 'step').map(({ record }) => (record.type === 'step' ? record.number : 0))).toEqual([1, 2, 3, 1]);
    expect(t.records.some(({ record }) => record.type === 'peer')).toBe(true);
    const report = await replayLive(t, lesson('greeting-server'));
    expect(report.differences).toEqual([]);
  });

  it('records only the first session: a lesson after it says it is not recorded', async () => {
    const { file, recording: rec } = recording('first.jsonl');
    expect(rec.claim()).not.toBeNull();
    app = await driveApp({ start: { kind: 'sandbox' }, recording: rec });
    await app.until((f) => f.includes(`not recorded: ${file} already holds an earlier session`));
    rec.finish('quit');
  });
});
