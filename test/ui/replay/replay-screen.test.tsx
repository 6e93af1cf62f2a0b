// The replay screen with a real LessonRun on loopback sockets (the services the CLI gives it) and a
// transcript played back, through ink-testing-library: keys in through stdin, frames out.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { render } from 'ink-testing-library';
import { afterAll, afterEach, describe, expect, it, vi } from 'vitest';
import { screenServices, type ScreenResources } from '../../../src/cli/screen-services';
import { ScreenRecordingFile } from '../../../src/cli/screen-recording';
import type { Curriculum, Lesson } from '../../../src/lesson/model';
import { replayLive } from '../../../src/session/transcript/live-replay';
import { parseTranscript } from '../../../src/session/transcript/reader';
import { TranscriptRecorder } from '../../../src/session/transcript/recorder';
import { ReplayScreen, type ReplayTarget } from '../../../src/ui/ReplayScreen';
import { tempDir } from '../../transcript/helpers';
import { lessonById, loadFixtureLessons } from '../../support/fixture-lessons';
import { loadBytesCodec } from '../../../src/ui/components/use-bytes-codec';

const keys = { right: '\x1b[C', left: '\x1b[D', enter: '\r', ctrlC: '\x03' };

let curriculum: Curriculum;
let screen: Driven | null = null;
const dir = tempDir();

loadFixtureLessons((c) => (curriculum = c));
afterEach(async () => {
  await screen?.unmount();
  expect(screen?.services.openSessions ?? 0).toBe(0);
  screen = null;
});
afterAll(() => dir.remove());

const lesson = (id: string): Lesson => lessonById(curriculum, id);

interface Driven {
  frame(): string;
  press(input: string): void;
  until(check: (frame: string) => boolean, timeout?: number): Promise<string>;
  quits: number[];
  services: ScreenResources;
  unmount(): Promise<void>;
}

async function drive(target: ReplayTarget, services: ScreenResources = screenServices(null)): Promise<Driven> {
  // loaded before the screen renders, so that no import is still running when the test ends
  await loadBytesCodec();
  const quits: number[] = [];
  const instance = render(
    <ReplayScreen
      target={target}
      services={services}
      curriculum={curriculum}
      colour={false}
      size={{ columns: 100, rows: 34 }}
      onQuit={(code) => quits.push(code)}
      onError={(error) => {
        throw error;
      }}
    />,
  );
  const frame = () => instance.lastFrame() ?? '';
  const until = async (check: (f: string) => boolean, timeout = 15_000) => {
    await vi.waitFor(
      () => {
        if (!check(frame())) throw new Error(`frame not as expected yet:\n${frame()}`);
      },
      { timeout, interval: 10 },
    );
    return frame();
  };
  await until((f) => f.includes('q quits'));
  return {
    frame,
    press: (input) => instance.stdin.write(input),
    until,
    quits,
    services,
    unmount: async () => {
      instance.unmount();
      instance.cleanup();
      await services.closeAll();
    },
  };
}

const statements = (frame: string) => frame.split('\n').filter((l) => l.startsWith('>>> ') && l.trim() !== '>>>').length;

describe('ReplayScreen playing a lesson', () => {
  it('types each suggested call, runs it live with the peers, and ends saying so', async () => {
    const target: ReplayTarget = { kind: 'lesson', lesson: lesson('greeting-server'), fromStep: 0, speed: 20, pauseEachStep: false };
    screen = await drive(target);
    const end = await screen.until((f) => f.includes('replay done: all 7 steps passed'), 30_000);
    expect(end).toContain('step 7 of 7 · lesson complete');
    expect(end).toContain('✓ step 7 done: Close both sockets');
    expect(end).toContain('■ done · q quits · ← back · → the next lesson, "UDP, IPv6, AF_UNIX and a crowd of clients"');
    expect(end).toMatch(/>>> s\.close\(\)/);
    screen.press('q');
    await screen.until(() => screen!.quits.length === 1);
    expect(screen.quits).toEqual([0]);
  });

  it('pauses and resumes with space, finishes a step with Right, and goes back a step with Left', async () => {
    const target: ReplayTarget = { kind: 'lesson', lesson: lesson('greeting-server'), fromStep: 0, speed: 4, pauseEachStep: false };
    screen = await drive(target);
    await screen.until((f) => f.includes('step 1 of 7: Listen') && f.includes('>>> import socket'));
    screen.press(' ');
    const paused = await screen.until((f) => f.includes('❚❚ PAUSED 4x'));
    screen.press('+');
    await screen.until((f) => f.includes('❚❚ PAUSED 4x'));
    screen.press('-');
    await screen.until((f) => f.includes('❚❚ PAUSED 3x'));
    // paused: nothing more is typed or run
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(statements(screen.frame())).toBe(statements(paused));

    // Right while paused: step 1 finishes at once, and the replay stays paused at step 2
    screen.press(keys.right);
    const skipped = await screen.until((f) => f.includes('✓ step 1 done: Listen') && f.includes('step 2 of 7: See the queue'));
    expect(skipped).toContain('❚❚ PAUSED 3x');
    expect(skipped).toMatch(/s\s+\d+\s+TCP\s+127\.0\.0\.1:\d+\s+-\s+LISTEN/);

    screen.press(keys.left);
    const back = await screen.until((f) => f.includes('back to step 1, on fresh sockets') && f.includes('step 1 of 7: Listen'));
    expect(back).toContain('step 1 of 7');
    screen.press(' ');
    await screen.until((f) => f.includes('▶ 3x'));
    await screen.until((f) => f.includes('✓ step 1 done: Listen'));
    screen.press('q');
    await screen.until(() => screen!.quits.length === 1);
  });

  it('waits after each step with --pause-each-step, and says which key goes on', async () => {
    const target: ReplayTarget = { kind: 'lesson', lesson: lesson('greeting-server'), fromStep: 0, speed: 20, pauseEachStep: true };
    screen = await drive(target);
    const held = await screen.until((f) => f.includes('step 1 done · space, Enter or → goes on'));
    expect(held).not.toContain('step 2 of 7: See the queue');
    screen.press(keys.enter);
    await screen.until((f) => f.includes('step 2 done · space, Enter or → goes on'));
    screen.press(keys.ctrlC);
    await screen.until(() => screen!.quits.length === 1);
  });

  it('starts at --step N with the earlier steps run at once, and records a replay that replays live with no difference', async () => {
    const file = join(dir.path, 'replay.jsonl');
    const services = screenServices(null, new ScreenRecordingFile(TranscriptRecorder.open(file)));
    const target: ReplayTarget = { kind: 'lesson', lesson: lesson('greeting-server'), fromStep: 2, speed: 20, pauseEachStep: false };
    screen = await drive(target, services);
    const started = await screen.until((f) => f.includes('step 3 of 7: Accept the first client'));
    expect(started).toContain('starting at step 3: steps 1-2 run first, at once, on fresh sockets');
    expect(started).toContain('>>> s.listen(5)');
    // while recording, the replay ends with this lesson: no next lesson is offered
    screen.press(keys.left);
    await screen.until((f) => f.includes('back to step 2'));
    const end = await screen.until((f) => f.includes('replay done: all 7 steps passed'), 30_000);
    expect(end).toContain('■ done · q quits · ← back');
    expect(end).not.toContain('next lesson');
    await screen.unmount();
    const read = parseTranscript(readFileSync(file, 'utf8'), file);
    if (!read.ok) throw new Error(read.errors.join('\n'));
    const t = read.transcript;
    expect(t.header).toMatchObject({ mode: 'replay', startStep: 3, lesson: { id: 'greeting-server' } });
    expect(t.records.some(({ record }) => record.type === 'command' && record.source === ':back')).toBe(true);
    expect(t.end?.record).toMatchObject({ reason: 'finished', passed: true });
    const report = await replayLive(t, lesson('greeting-server'));
    expect(report.differences).toEqual([]);
    expect(report.ran).toBeGreaterThan(10);
  });
});

describe('ReplayScreen playing a transcript', () => {
  it('types the recorded statements with their outputs, and Left shows an earlier point again', async () => {
    const file = join(dir.path, 'sandbox.jsonl');
    const recorder = TranscriptRecorder.open(file);
    recorder.begin({ mode: 'sandbox', socklab: 'dev' });
    const { Session } = await import('../../../src/session/session');
    const session = new Session();
    try {
      for (const line of ['import socket', 's = socket.socket()', "s.bind(('127.0.0.1', 0))", 's.recv(-1)']) recorder.statement(await session.run(line));
    } finally {
      session.close();
    }
    recorder.end({ reason: 'end-of-input' });
    const read = parseTranscript(readFileSync(file, 'utf8'), file);
    if (!read.ok) throw new Error(read.errors.join('\n'));
    screen = await drive({ kind: 'transcript', transcript: read.transcript, speed: 20 });
    const end = await screen.until((f) => f.includes('the recording ends (end-of-input): 4 statements'));
    expect(end).toContain('ValueError: negative buffersize in recv');
    expect(end).toMatch(/s\s+\d+\s+TCP\s+127\.0\.0\.1:\d+/);
    expect(end).toContain('■ done · q quits · ← back');
    screen.press(keys.left);
    const again = await screen.until((f) => !f.includes('the recording ends') && f.includes(">>> s.bind(('127.0.0.1', 0))"));
    expect(again).not.toContain('ValueError');
    await screen.until((f) => f.includes('the recording ends (end-of-input): 4 statements'));
    expect(screen.services.openSessions).toBe(0);
  });
});
