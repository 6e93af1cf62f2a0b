// A transcript as the replay screen plays it, from records made by hand (no file, no clock): what is
// typed and what is shown at once, the recorded pauses, and the screen at any point as a fold.
import { describe, expect, it } from 'vitest';
import { parseTranscript } from '../../../src/session/transcript/reader';
import { statementRecord } from '../../../src/session/transcript/statement-record';
import type { Transcript } from '../../../src/session/transcript/format';
import { backTarget, beatActions, screenAt, transcriptBeats, type Beat } from '../../../src/ui/replay/transcript-beats';
import { MAX_GAP_MS, typingMs } from '../../../src/ui/replay/pace';
import { initialUiState } from '../../../src/ui/state/initial-state';
import { uiReducer } from '../../../src/ui/state/reducer';
import { result, row } from '../fixtures';

const header = (mode: 'sandbox' | 'lesson' | 'replay') => ({
  type: 'header',
  format: 'socklab-transcript',
  version: 1,
  socklab: 'dev',
  startedAt: '2025-01-01T00:00:00.000Z',
  mode,
  lesson: mode === 'sandbox' ? null : { id: 'greet', title: 'Greeting', summary: 'Greet a client.', file: 'greet.md', steps: 2 },
  ports: mode === 'sandbox' ? {} : { PORT: 31000 },
  startStep: 1,
});

function transcript(lines: object[]): Transcript {
  const read = parseTranscript(lines.map((l) => JSON.stringify(l)).join('\n') + '\n', 'run.jsonl');
  if (!read.ok) throw new Error(read.errors.join('\n'));
  return read.transcript;
}

const statement = (source: string, at: number, extra: Parameters<typeof statementRecord>[2] = {}, fields = {}) =>
  statementRecord(result(source, { startedAt: at, durationMs: 20, ...fields }), 0, extra);

const sandbox = () =>
  transcript([
    header('sandbox'),
    statement('import socket', 1000),
    statement('s = socket.socket()', 9_000, {}, { rows: [row({ key: 'L1', name: 's' })] }),
    statement('s.recv(-1)', 9_100, {}, { output: 'ValueError: negative buffersize in recv\n', error: { type: 'ValueError', message: 'negative buffersize in recv' } }),
    { type: 'end', at: 9_200, reason: 'quit', statements: 3 },
  ]);

const typed = (beats: Beat[]) => beats.filter((b) => b.kind === 'typed');

describe('transcriptBeats', () => {
  it('types every statement of a sandbox session, with the pause it had (less the typing, at most the cap)', () => {
    const beats = transcriptBeats(sandbox());
    expect(typed(beats).map((b) => b.source)).toEqual(['import socket', 's = socket.socket()', 's.recv(-1)']);
    const [first, second, third] = typed(beats);
    expect(first!.pauseMs).toBe(Math.max(0, 1000 - typingMs('import socket')));
    expect(second!.pauseMs).toBe(MAX_GAP_MS);
    expect(third!.pauseMs).toBe(0);
    const intro = beats[0]!;
    expect(intro.kind === 'shown' && intro.actions[0]).toMatchObject({ type: 'note', text: expect.stringContaining('replaying run.jsonl: a sandbox session') });
    const end = beats[beats.length - 1]!;
    expect(end.kind === 'shown' && end.actions[0]).toMatchObject({ text: 'the recording ends (quit): 3 statements' });
  });

  it('shows a lesson: its steps on the pane, peers as notes, statements run for the learner at once, steps done', () => {
    const beats = transcriptBeats(
      transcript([
        header('replay'),
        statement('import socket', 5, { by: 'lesson' }),
        { type: 'step', at: 10, number: 1, id: 'listen', title: 'Listen', prose: 'Make it **passive**.', calls: ['s.listen(5)'], check: 'True' },
        { type: 'peer', at: 12, seq: 1, peer: 'client', kind: 'connect', text: 'client connected', line: 3 },
        statement('s.listen(5)', 20, { step: 1, passed: true }),
        { type: 'step', at: 40, number: 2, id: 'accept', title: 'Accept', prose: '', calls: ['conn, addr = s.accept()'], check: 'True' },
        statement('conn, addr = s.accept()', 50, { step: 2, passed: false, checkError: 'greet.md:9: the check raised NameError' }),
        { type: 'end', at: 80, reason: 'finished', statements: 3, passed: false, failures: ['greet.md:9: the check raised NameError'] },
      ]),
    );
    const final = screenAt(beats, beats.length, initialUiState());
    const notes = final.console.filter((e) => e.kind === 'note').map((e) => (e.kind === 'note' ? e.text : ''));
    expect(notes).toContain('step 1 of 2: Listen');
    expect(notes).toContain('client connected');
    expect(notes).toContain('✓ step 1 done: Listen');
    expect(notes).toContain('greet.md:9: the check raised NameError');
    expect(notes[notes.length - 1]).toBe('the recording ends: 1 problem(s): greet.md:9: the check raised NameError');
    expect(final.console.filter((e) => e.kind === 'statement').map((e) => (e.kind === 'statement' ? e.source : ''))).toEqual([
      'import socket',
      's.listen(5)',
      'conn, addr = s.accept()',
    ]);
    expect(typed(beats).map((b) => b.source)).toEqual(['s.listen(5)', 'conn, addr = s.accept()']);
    expect(final.lesson).toMatchObject({ title: 'Greeting', stepIndex: 1, stepCount: 2, prose: 'Accept' });
    const listen = typed(beats)[0]!;
    const offered = listen.kind === 'typed' ? listen.before[0] : null;
    expect(offered).toMatchObject({ type: 'lesson-changed', lesson: { prose: 'Listen: Make it passive.', suggestion: 's.listen(5)' } });
  });
});

describe('screenAt and backTarget', () => {
  it('is the fold of every beat before it, as if each was played', () => {
    const beats = transcriptBeats(sandbox());
    let played = initialUiState();
    for (const beat of beats.slice(0, 3)) for (const action of beatActions(beat)) played = uiReducer(played, action);
    const folded = screenAt(beats, 3, initialUiState());
    expect(folded.console).toEqual(played.console);
    expect(folded.rows.map((r) => r.key)).toEqual(['L1']);
    expect(folded.running).toBe(false);
    expect(screenAt(beats, 0, initialUiState())).toEqual(initialUiState());
  });

  it('goes back to the statement before the one playing, or to the last one once all are played', () => {
    const beats = transcriptBeats(sandbox());
    const indices = beats.flatMap((b, i) => (b.kind === 'typed' ? [i] : []));
    const [a, b, c] = indices as [number, number, number];
    expect(backTarget(beats, c, true, 1)).toBe(b);
    expect(backTarget(beats, c, true, 2)).toBe(a);
    expect(backTarget(beats, c, true, 5)).toBe(0);
    expect(backTarget(beats, c, false, 1)).toBe(c);
    expect(backTarget(beats, c, false, 2)).toBe(b);
    expect(backTarget(beats, null, false, 1)).toBe(0);
  });
});
