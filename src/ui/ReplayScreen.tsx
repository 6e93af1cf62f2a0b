import { useCallback, useEffect, useState } from 'react';
import type { Key } from 'ink';
import type { Curriculum, Lesson } from '../lesson/model';
import type { Transcript } from '../session/transcript/format';
import type { LiveReplayHooks, LiveReplayReport } from '../session/transcript/live-replay';
import type { ScreenServices } from './app/services';
import { ErrorBoundary } from './components/ErrorBoundary';
import { ReplayFrame } from './components/ReplayFrame';
import { mapReplayKey } from './keys/replay-keys';
import { initialControls } from './replay/controls';
import { LessonPlayer } from './replay/lesson-player';
import { LivePlayer } from './replay/live-player';
import { Pacer } from './replay/pacer';
import type { ReplayPlayer, ReplaySink } from './replay/player';
import { initialReplayState } from './replay/replay-state';
import { TranscriptPlayer } from './replay/transcript-player';
import { useReplayState } from './replay/use-replay-state';
import { initialUiState } from './state/initial-state';
import type { TerminalSize } from './state/types';
import { useTerminalSize } from './use-terminal-size';

export type ReplayTarget =
  /** A lesson playing itself live; `fromStep` is 0-based. */
  | { kind: 'lesson'; lesson: Lesson; fromStep: number; speed: number; pauseEachStep: boolean }
  /** A transcript shown again as recorded (nothing runs). */
  | { kind: 'transcript'; transcript: Transcript; speed: number }
  /** A transcript run again live and compared with its recording. */
  | { kind: 'live'; transcript: Transcript; replay: (hooks: LiveReplayHooks) => Promise<LiveReplayReport> };

export interface ReplayScreenProps {
  target: ReplayTarget;
  services: ScreenServices;
  /** The lessons, to offer the next one at the end; null for none. */
  curriculum: Curriculum | null;
  colour: boolean;
  size: TerminalSize;
  /** q, Ctrl+C or Ctrl+D, with the exit status the replay ends with. */
  onQuit: (code: number) => void;
  onError: (error: Error) => void;
  now?: () => number;
  tickMs?: number;
}

function nextLessonOf(curriculum: Curriculum | null, lesson: Lesson): Lesson | null {
  const lessons = curriculum?.lessons ?? [];
  const index = lessons.findIndex((l) => l.id === lesson.id);
  return index < 0 ? null : (lessons[index + 1] ?? null);
}

interface PlayerProps extends Omit<ReplayScreenProps, 'onError'> {
  onNextLesson: (lesson: Lesson) => void;
}

function createPlayer(props: PlayerProps, pacer: Pacer, sink: ReplaySink): ReplayPlayer {
  const { target, services } = props;
  if (target.kind === 'transcript') return new TranscriptPlayer({ transcript: target.transcript, pacer, sink });
  if (target.kind === 'live') return new LivePlayer({ transcript: target.transcript, replay: target.replay, sink });
  const recording = services.recording ?? null;
  const recorder = recording?.claim() ?? null;
  return new LessonPlayer({
    lesson: target.lesson,
    fromStep: target.fromStep,
    pauseEachStep: target.pauseEachStep,
    services,
    pacer,
    sink,
    recording: recorder && recording ? { recorder, socklab: recording.socklab } : null,
    // A transcript holds one lesson: while recording, the replay ends with this one.
    nextLesson: recording ? null : nextLessonOf(props.curriculum, target.lesson),
    onNextLesson: props.onNextLesson,
  });
}

/** One replay, from its first frame to quitting (or to the next lesson, which gets a fresh one). */
function PlayerScreen(props: PlayerProps) {
  const { target, size, colour, onQuit, now, tickMs } = props;
  const speed = target.kind === 'live' ? 1 : target.speed;
  const unit = target.kind === 'lesson' ? 'step' : 'statement';
  const { state, getState, dispatch } = useReplayState(() => initialReplayState(initialUiState({ size }), speed, unit));
  const [pacer] = useState(() => new Pacer(initialControls(speed)));
  const [player] = useState(() =>
    createPlayer(props, pacer, {
      ui: (action) => dispatch({ type: 'ui', action }),
      replaceUi: (ui) => dispatch({ type: 'ui-replaced', ui }),
      status: (status) => dispatch({ type: 'status', status }),
      current: () => getState().ui,
    }),
  );
  useEffect(() => pacer.onChange((controls) => dispatch({ type: 'controls', controls })), [pacer, dispatch]);
  useEffect(() => {
    player.start();
    return () => {
      void player.dispose();
    };
  }, [player]);
  useEffect(() => {
    dispatch({ type: 'ui', action: { type: 'resized', size } });
  }, [dispatch, size]);
  const onKey = useCallback(
    (input: string, key: Key) => {
      const intent = mapReplayKey(input, key);
      switch (intent.type) {
        case 'quit':
          onQuit(player.exitCode());
          return;
        case 'scroll': {
          const scrolled = intent.target === 'table' ? 'table-scrolled' : 'console-scrolled';
          dispatch({ type: 'ui', action: { type: scrolled, step: intent.step, direction: intent.direction } });
          return;
        }
        case 'cycle-decoding':
          dispatch({ type: 'ui', action: { type: 'decoding-cycled' } });
          return;
        case 'clear-console':
          dispatch({ type: 'ui', action: { type: 'console-cleared' } });
          return;
        default:
          player.intent(intent);
      }
    },
    [player, dispatch, onQuit],
  );
  return <ReplayFrame state={state} colour={colour} onKey={onKey} now={now} tickMs={tickMs} />;
}

/** The replay screen: a lesson playing itself, or a transcript played back or checked live. */
export function ReplayScreen({ onError, size: initialSize, ...props }: ReplayScreenProps) {
  const size = useTerminalSize(initialSize);
  const [route, setRoute] = useState({ target: props.target, key: 0 });
  const onNextLesson = useCallback(
    (lesson: Lesson) =>
      setRoute((old) => (old.target.kind === 'lesson' ? { target: { ...old.target, lesson, fromStep: 0 }, key: old.key + 1 } : old)),
    [],
  );
  return (
    <ErrorBoundary onError={onError}>
      <PlayerScreen key={route.key} {...props} target={route.target} size={size} onNextLesson={onNextLesson} />
    </ErrorBoundary>
  );
}
