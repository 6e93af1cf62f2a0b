import React, { useCallback, useEffect, useState } from 'react';
import { resumePoint } from '../lesson/progress-data';
import type { Curriculum, Lesson } from '../lesson/model';
import type { ScreenServices } from './app/services';
import { ErrorBoundary } from './components/ErrorBoundary';
import { LiveScreen } from './LiveScreen';
import type { Navigation } from './live/live-controller';
import type { MenuEntry } from './menu/menu-entries';
import { MenuScreen } from './MenuScreen';
import type { TerminalSize } from './state/types';
import { useTerminalSize } from './use-terminal-size';
import { errorMessage } from '../sys/error-text';

export type AppStart = { kind: 'sandbox' } | { kind: 'menu' } | { kind: 'lesson'; lesson: Lesson; fromStep: number };

export interface AppProps {
  start: AppStart;
  /** Every lesson, for the menu and for going from one lesson to the next; null in the sandbox. */
  curriculum: Curriculum | null;
  /** Reads the lessons after the first frame (the menu shows that it is reading them meanwhile). */
  loadCurriculum?: () => Promise<{ curriculum: Curriculum; warning: string | null }>;
  services: ScreenServices;
  /** Shown in the menu (the progress file was damaged). */
  warning?: string | null;
  colour: boolean;
  /** The terminal's size when the screen opens; resizes follow. */
  size: TerminalSize;
  onQuit: () => void;
  /** A component failed: the screen is blank and whoever opened it should end it. */
  onError: (error: Error) => void;
  /** Clock and redraw interval of the blocked banner's counter (tests). */
  now?: () => number;
  tickMs?: number;
}

/** Each place the screen goes gets a fresh key: a new lesson gets a new session and new peers. */
type Route = AppStart & { key: number };

/** Where to start a lesson: the step the learner left it at, if it is the one they were in. */
function startStep(services: ScreenServices, curriculum: Curriculum | null, lesson: Lesson): number {
  const progress = services.progress?.progress;
  if (!progress || curriculum === null) return 0;
  const resume = resumePoint(progress, curriculum);
  return resume !== null && resume.lesson.id === lesson.id ? resume.stepIndex : 0;
}

/** socklab's screen for the whole run: the lesson menu, a lesson, or the sandbox, one after another. */
export function App({ start, curriculum: given, loadCurriculum, services, warning = null, colour, size: initialSize, onQuit, onError, now, tickMs }: AppProps) {
  const size = useTerminalSize(initialSize);
  const [curriculum, setCurriculum] = useState(given);
  const [loadWarning, setLoadWarning] = useState<string | null>(null);
  useEffect(() => {
    if (given !== null || !loadCurriculum) return;
    let current = true;
    loadCurriculum().then(
      (loaded) => {
        if (!current) return;
        setCurriculum(loaded.curriculum);
        setLoadWarning(loaded.warning);
      },
      (error: unknown) => {
        if (!current) return;
        setCurriculum({ lessons: [] });
        setLoadWarning(`the lessons could not be read: ${errorMessage(error)}`);
      },
    );
    return () => {
      current = false;
    };
  }, [given, loadCurriculum]);
  const [route, setRoute] = useState<Route>({ ...start, key: 0 });
  const go = useCallback((next: AppStart) => setRoute((old) => ({ ...next, key: old.key + 1 })), []);

  const navigate = useCallback(
    (to: Navigation) => {
      if (to.kind === 'menu') go({ kind: 'menu' });
      else go({ kind: 'lesson', lesson: to.lesson, fromStep: startStep(services, curriculum, to.lesson) });
    },
    [go, services, curriculum],
  );
  const open = useCallback(
    (entry: MenuEntry) => {
      const lesson = curriculum?.lessons.find((l) => l.id === entry.id);
      if (lesson) go({ kind: 'lesson', lesson, fromStep: entry.startStep });
    },
    [go, curriculum],
  );

  let screen: React.ReactNode;
  if (route.kind === 'menu') {
    screen = (
      <MenuScreen
        key={route.key}
        curriculum={curriculum}
        progress={services.progress?.progress ?? null}
        warning={[warning, loadWarning].filter((w) => w !== null).join('\n') || null}
        size={size}
        colour={colour}
        onOpen={open}
        onQuit={onQuit}
      />
    );
  } else {
    const target = route.kind === 'lesson' ? { kind: 'lesson' as const, lesson: route.lesson, fromStep: route.fromStep } : { kind: 'sandbox' as const };
    screen = (
      <LiveScreen
        key={route.key}
        target={target}
        services={services}
        curriculum={curriculum}
        size={size}
        colour={colour}
        onNavigate={navigate}
        onQuit={onQuit}
        now={now}
        tickMs={tickMs}
      />
    );
  }
  return <ErrorBoundary onError={onError}>{screen}</ErrorBoundary>;
}
