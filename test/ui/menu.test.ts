// The lesson menu's rows, marks, resume point, keys and scrolling, without Ink.
import { describe, expect, it } from 'vitest';
import type { Curriculum, Lesson } from '../../src/lesson/model';
import { emptyProgress, markLessonCompleted, markStepDone, setPosition } from '../../src/lesson/progress-data';
import { entryStatus, menuEntries, preselectedIndex } from '../../src/ui/menu/menu-entries';
import { menuKey, menuScroll, movedSelection } from '../../src/ui/menu/menu-keys';

function lesson(id: string, steps: string[]): Lesson {
  return {
    id,
    title: `Lesson ${id}`,
    summary: `About ${id}`,
    order: null,
    level: null,
    tags: [],
    file: `${id}.md`,
    line: 1,
    intro: '',
    setup: [],
    steps: steps.map((s, i) => ({
      id: s,
      number: i + 1,
      title: s,
      line: i,
      prose: '',
      calls: [],
      check: { source: 'True', line: i },
      hints: [],
      errorHints: [],
      varies: null,
      peerActions: [],
    })),
    peers: [],
    settings: { ipv6: false, ports: 1, unix: false },
  };
}

const curriculum: Curriculum = { lessons: [lesson('a', ['a1', 'a2']), lesson('b', ['b1', 'b2', 'b3']), lesson('c', ['c1'])] };

describe('menu entries', () => {
  it('mark done, n/m and not started, and resume where the learner left off', () => {
    let progress = markLessonCompleted(markStepDone(emptyProgress(), 'a', 'a1'), 'a');
    progress = setPosition(markStepDone(progress, 'b', 'b1'), 'b', { id: 'b2', index: 1 });
    const entries = menuEntries(curriculum, progress);
    expect(entries.map((e) => [e.number, e.mark, e.resume, e.startStep])).toEqual([
      [1, 'done', false, 0],
      [2, '1/3', true, 1],
      [3, 'not started', false, 0],
    ]);
    expect(entries.map(entryStatus)).toEqual(['done', 'resume at step 2 · 1/3', 'not started']);
    expect(preselectedIndex(entries)).toBe(1);
  });

  it('without a resume point preselect the first lesson not done', () => {
    const progress = markLessonCompleted(emptyProgress(), 'a');
    expect(preselectedIndex(menuEntries(curriculum, progress))).toBe(1);
    expect(preselectedIndex(menuEntries(curriculum, null))).toBe(0);
    const allDone = ['a', 'b', 'c'].reduce((p, id) => markLessonCompleted(p, id), emptyProgress());
    expect(preselectedIndex(menuEntries(curriculum, allDone))).toBe(0);
    expect(preselectedIndex([])).toBe(0);
  });

  it('after a lesson finished last time, preselect the next one not done', () => {
    const finishedB = setPosition(markLessonCompleted(emptyProgress(), 'b'), 'b', null);
    const entries = menuEntries(curriculum, finishedB);
    expect(entries.map(entryStatus)).toEqual(['not started', 'done', 'not started']);
    expect(preselectedIndex(entries)).toBe(2);
    const finishedC = setPosition(markLessonCompleted(emptyProgress(), 'c'), 'c', null);
    expect(preselectedIndex(menuEntries(curriculum, finishedC))).toBe(0);
    const allDone = ['a', 'b', 'c'].reduce((p, id) => markLessonCompleted(p, id), setPosition(emptyProgress(), 'b', null));
    expect(preselectedIndex(menuEntries(curriculum, allDone))).toBe(1);
  });

  it('resume a lesson at its start when its position names no step', () => {
    const progress = setPosition(emptyProgress(), 'c', null);
    const entries = menuEntries(curriculum, progress);
    expect(entryStatus(entries[2]!)).toBe('resume');
    expect(entries[2]?.startStep).toBe(0);
  });
});

describe('menu keys', () => {
  it('map arrows, pages, digits, Enter and q', () => {
    expect(menuKey('', { downArrow: true }, 5)).toEqual({ type: 'move', by: 1 });
    expect(menuKey('k', {}, 5)).toEqual({ type: 'move', by: -1 });
    expect(menuKey('', { pageDown: true }, 5)).toEqual({ type: 'move', by: 5 });
    expect(menuKey('', { home: true }, 5)).toEqual({ type: 'first' });
    expect(menuKey('3', {}, 5)).toEqual({ type: 'number', number: 3 });
    expect(menuKey('\r', { return: true }, 5)).toEqual({ type: 'open' });
    expect(menuKey('q', {}, 5)).toEqual({ type: 'quit' });
    expect(menuKey('c', { ctrl: true }, 5)).toEqual({ type: 'quit' });
    expect(menuKey('x', {}, 5)).toEqual({ type: 'none' });
    expect(menuKey('', { escape: true }, 5)).toEqual({ type: 'none' });
  });

  it('move the selection within the list', () => {
    expect(movedSelection(0, 3, { type: 'move', by: -1 })).toBe(0);
    expect(movedSelection(2, 3, { type: 'move', by: 10 })).toBe(2);
    expect(movedSelection(0, 3, { type: 'last' })).toBe(2);
    expect(movedSelection(1, 3, { type: 'number', number: 3 })).toBe(2);
    expect(movedSelection(1, 3, { type: 'number', number: 9 })).toBe(1);
    expect(movedSelection(5, 0, { type: 'move', by: 1 })).toBe(0);
  });

  it('scroll just enough to keep the selection in view', () => {
    expect(menuScroll(0, 20, 5, 0)).toBe(0);
    expect(menuScroll(7, 20, 5, 0)).toBe(3);
    expect(menuScroll(5, 20, 5, 3)).toBe(3);
    expect(menuScroll(1, 20, 5, 3)).toBe(1);
    expect(menuScroll(19, 20, 5, 0)).toBe(15);
    expect(menuScroll(2, 3, 5, 4)).toBe(0);
  });
});
