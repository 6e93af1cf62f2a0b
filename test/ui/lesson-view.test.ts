// The lesson pane as a function of the run's position and the step the pane shows, and the prose.
import { describe, expect, it } from 'vitest';
import type { Lesson, Step } from '../../src/lesson/model';
import { introText } from '../../src/ui/live/lesson-driver';
import { atLessonEnd, continueCommand, earlierStepsRun, lessonView, plainProse, shownStepIndex } from '../../src/ui/live/lesson-view';

function step(number: number, title: string, prose = ''): Step {
  return {
    id: title.toLowerCase().replace(/ /g, '-'),
    number,
    title,
    line: number * 10,
    prose,
    calls: [{ source: `call${number}()`, line: number * 10 + 1 }],
    check: { source: 'True', line: number * 10 + 2 },
    hints: [],
    errorHints: [],
    varies: null,
    peerActions: [],
  };
}

const lesson: Lesson = {
  id: 'three-steps',
  title: 'Three steps',
  summary: 'One, two, three.',
  order: 1,
  level: null,
  tags: [],
  file: 'three.md',
  line: 1,
  intro: '',
  setup: [],
  steps: [step(1, 'Create', 'Make a socket.'), step(2, 'Bind'), step(3, 'Listen', 'Turn it passive.')],
  peers: [],
  settings: { ipv6: false, ports: 1, unix: false },
};

const at = (stepIndex: number, shownIndex = stepIndex, hasNextLesson = true) =>
  lessonView({ lesson, stepIndex, shownIndex, hintsShown: 1, solution: lesson.steps[stepIndex]?.calls[0]?.source ?? null, hasNextLesson });

describe('the lesson pane', () => {
  it('shows the current step, its call and the hints shown', () => {
    expect(at(0)).toEqual({
      title: 'Three steps',
      stepIndex: 0,
      stepCount: 3,
      prose: 'Create: Make a socket.',
      suggestion: 'call1()',
      hintsShown: 1,
      done: false,
    });
    expect(at(1).prose).toBe('Bind');
  });

  it('keeps showing a step just done, with :next to go on', () => {
    // the run has moved on to step 3; the pane still shows step 2, done
    expect(at(2, 1)).toMatchObject({ stepIndex: 1, prose: 'Bind', suggestion: ':next', hintsShown: 0, done: true });
    // a peer finished step 2 too while the pane showed step 1
    expect(at(2, 0)).toMatchObject({ stepIndex: 0, suggestion: ':next', done: true });
  });

  it('at the end offers the next lesson, or the menu after the last one', () => {
    expect(at(3, 2)).toMatchObject({ stepIndex: 2, suggestion: ':next', done: true });
    expect(at(3, 2, false).suggestion).toBe(':lessons');
    expect(atLessonEnd({ lesson, stepIndex: 3, shownIndex: 2 })).toBe(true);
    // finished, but an earlier step is still on the pane: :next goes on to the next step first
    expect(atLessonEnd({ lesson, stepIndex: 3, shownIndex: 1 })).toBe(false);
    expect(at(3, 1, false).suggestion).toBe(':next');
  });

  it('never points outside the steps', () => {
    expect(shownStepIndex(lesson, -1)).toBe(0);
    expect(shownStepIndex(lesson, 99)).toBe(2);
    expect(continueCommand(false, false)).toBe(':next');
    const empty = lessonView({ lesson: { ...lesson, steps: [] }, stepIndex: 0, shownIndex: 0, hintsShown: 0, solution: null, hasNextLesson: false });
    expect(empty).toMatchObject({ stepIndex: 0, stepCount: 0, prose: 'One, two, three.', done: true });
  });
});

describe('prose', () => {
  it('loses Markdown emphasis marks but keeps code quotes and arithmetic', () => {
    expect(plainProse('the **accept queue** and __backlog__, *really*')).toBe('the accept queue and backlog, really');
    expect(plainProse('`s.listen(5)` and 2 * 3 * 4')).toBe('`s.listen(5)` and 2 * 3 * 4');
    expect(plainProse('a ** b')).toBe('a ** b');
  });

  it('names the earlier steps a rewind runs again', () => {
    expect(earlierStepsRun(1)).toBe('step 1 runs');
    expect(earlierStepsRun(4)).toBe('steps 1-4 run');
  });
});

describe('the intro', () => {
  it('is its prose in one paragraph, without the heading or code', () => {
    const intro = '# Fetch a page\n\nA **browser** is a client:\nit connects.\n\n```python\nimport socket\n# a comment\n```\n\nThen it reads.';
    expect(introText(intro)).toBe('A browser is a client: it connects. Then it reads.');
    expect(introText('')).toBe('');
  });
});
