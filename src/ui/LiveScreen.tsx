import { useEffect, useRef } from 'react';
import type { Curriculum } from '../lesson/model';
import type { ScreenServices } from './app/services';
import { Screen } from './components/Screen';
import type { LiveController, LiveTarget, Navigation } from './live/live-controller';
import { lessonView } from './live/lesson-view';
import { useLiveController } from './live/use-live-controller';
import type { LessonView, TerminalSize } from './state/types';
import { useUiState } from './state/use-ui-state';

export interface LiveScreenProps {
  target: LiveTarget;
  services: ScreenServices;
  curriculum: Curriculum | null;
  size: TerminalSize;
  colour: boolean;
  onNavigate: (to: Navigation) => void;
  onQuit: () => void;
  /** Clock and redraw interval of the blocked banner's counter (tests). */
  now?: () => number;
  tickMs?: number;
}

/** The lesson pane before the run has started: the step it will start at, its first call. */
function firstView(target: LiveTarget, hasNextLesson: boolean): LessonView | null {
  if (target.kind !== 'lesson') return null;
  const step = target.lesson.steps[target.fromStep];
  return lessonView({
    lesson: target.lesson,
    stepIndex: target.fromStep,
    shownIndex: target.fromStep,
    hintsShown: 0,
    solution: step?.calls[0]?.source ?? null,
    hasNextLesson,
  });
}

/** The sandbox or a lesson: the screen, wired to a live session. */
export function LiveScreen({ target, services, curriculum, size, colour, onNavigate, onQuit, now, tickMs }: LiveScreenProps) {
  const controller = useRef<LiveController | null>(null);
  const ui = useUiState({
    initial: { size, lesson: firstView(target, false) },
    complete: (line, cursor) => controller.current?.complete(line, cursor) ?? { start: cursor, candidates: [] },
    onStatement: (source) => controller.current?.statement(source),
    onCommand: (command) => controller.current?.command(command),
    onInterrupt: () => controller.current?.interrupt(),
    onQuit,
  });
  controller.current = useLiveController({
    target,
    services,
    curriculum,
    dispatch: ui.dispatch,
    navigate: onNavigate,
    quit: onQuit,
  });
  const { dispatch } = ui;
  useEffect(() => {
    dispatch({ type: 'resized', size });
  }, [dispatch, size]);
  return <Screen state={ui.state} colour={colour} onKey={ui.handleKey} onLineChange={ui.handleLineChange} now={now} tickMs={tickMs} />;
}
