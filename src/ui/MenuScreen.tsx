import { useMemo, useRef, useState } from 'react';
import type { Key } from 'ink';
import type { Curriculum } from '../lesson/model';
import type { Progress } from '../lesson/progress-data';
import { KeyListener } from './components/KeyListener';
import { LessonMenu, visibleEntries, warningLines } from './components/LessonMenu';
import { menuEntries, preselectedIndex, type MenuEntry } from './menu/menu-entries';
import { menuKey, menuScroll, movedSelection } from './menu/menu-keys';
import type { TerminalSize } from './state/types';

export interface MenuScreenProps {
  /** null while the lessons are being read. */
  curriculum: Curriculum | null;
  /** The learner's progress now (read again each time the menu opens). */
  progress: Progress | null;
  warning: string | null;
  size: TerminalSize;
  colour: boolean;
  onOpen: (entry: MenuEntry) => void;
  onQuit: () => void;
}

/** The lesson menu: arrows and Enter, q to quit; opens where the learner left off. */
export function MenuScreen({ curriculum, progress, warning, size, colour, onOpen, onQuit }: MenuScreenProps) {
  const entries = useMemo(() => (curriculum ? menuEntries(curriculum, progress) : []), [curriculum, progress]);
  // Until the learner moves, the selection is where they left off (known once the lessons are read).
  const [chosen, setChosen] = useState<number | null>(null);
  const selected = chosen ?? preselectedIndex(entries);
  const room = visibleEntries(size.rows, warningLines(warning, size.columns).length);
  const [scroll, setScroll] = useState(0);
  // Keys can arrive faster than React renders: they move this selection, which is ahead of `chosen`.
  const moved = useRef<number | null>(null);
  const latest = useRef({ entries, room });
  latest.current = { entries, room };
  const left = useRef(false);

  const onKey = (input: string, key: Key) => {
    if (left.current) return;
    const { entries: shown, room: page } = latest.current;
    const current = moved.current ?? preselectedIndex(shown);
    const intent = menuKey(input, key, page);
    if (intent.type === 'quit') {
      left.current = true;
      onQuit();
    } else if (intent.type === 'open') {
      const entry = shown[current];
      if (entry) {
        left.current = true;
        onOpen(entry);
      }
    } else if (shown.length > 0) {
      const next = movedSelection(current, shown.length, intent);
      moved.current = next;
      setChosen(next);
      setScroll((s) => menuScroll(next, shown.length, page, s));
    }
  };

  return (
    <>
      <KeyListener onKey={onKey} />
      <LessonMenu
        entries={entries}
        selected={selected}
        scroll={menuScroll(selected, entries.length, room, scroll)}
        width={size.columns}
        height={size.rows}
        warning={warning}
        loading={curriculum === null}
        colour={colour}
      />
    </>
  );
}
