// Takes a lesson on the screen: starts the run, hands it the learner's statements, answers the lesson
// commands, and keeps the lesson pane and the console's notes in step with the run.
import { findLesson, type Curriculum, type Lesson } from '../../lesson/model';
import type { LessonRun, LessonRunEvent } from '../../session/lesson/lesson-run';
import type { RunHooks } from '../../session/session';
import { followLessonRun, recordStarted } from '../../session/transcript/lesson-recording';
import type { TranscriptRecorder } from '../../session/transcript/recorder';
import type { StatementResult } from '../../session/types';
import type { Command } from '../commands/parse-command';
import type { Action, NoteTone } from '../state/types';
import {
  atLessonEnd,
  definedNames,
  earlierStepsRun,
  lessonHeadline,
  lessonView,
  plainProse,
  rewindNote,
  shownStepIndex,
  stepDoneNote,
  stepHeading,
} from './lesson-view';

/** Where the screen goes when the learner leaves this lesson. */
export type Navigation = { kind: 'menu' } | { kind: 'lesson'; lesson: Lesson };

export interface LessonDriverContext {
  dispatch(action: Action): void;
  navigate(to: Navigation): void;
  /** Every lesson, for :next at the end and :lessons; null while they are still being read. */
  curriculum(): Curriculum | null;
  /** A peer acted: the table should show it. */
  peersActed(): void;
  /** --record: the transcript of this lesson, and socklab's version for its header. */
  recording?: { recorder: TranscriptRecorder; socklab: string } | null;
}

/** The intro's prose as one paragraph: no heading (the title says it), no code (it runs by itself). */
export function introText(markdown: string): string {
  const prose: string[] = [];
  let inCode = false;
  for (const line of markdown.split('\n')) {
    if (line.trimStart().startsWith('```')) {
      inCode = !inCode;
      continue;
    }
    if (!inCode && !line.trimStart().startsWith('#')) prose.push(line.trim());
  }
  return plainProse(prose.filter((l) => l !== '').join(' '));
}

export class LessonDriver {
  /** The step the pane shows: the run's, or one just done that the learner has not gone on from. */
  private shown = 0;
  private toldHowToGoOn = false;
  private passedByPeer = false;
  private readonly unsubscribe: (() => void)[];
  private readonly recorder: TranscriptRecorder | null;

  constructor(
    private readonly run: LessonRun,
    private readonly context: LessonDriverContext,
  ) {
    this.recorder = context.recording?.recorder ?? null;
    this.unsubscribe = [run.onEvent((event) => this.onEvent(event))];
    if (this.recorder) this.unsubscribe.push(followLessonRun(this.recorder, run));
  }

  get lesson(): Lesson {
    return this.run.lesson;
  }

  get nextLesson(): Lesson | null {
    const lessons = this.context.curriculum()?.lessons ?? [];
    const index = lessons.findIndex((l) => l.id === this.lesson.id);
    return index < 0 ? null : (lessons[index + 1] ?? null);
  }

  /** Starts the run at `fromStep` (earlier steps run again for the learner, and are shown). */
  async begin(fromStep: number): Promise<void> {
    this.note(lessonHeadline(this.lesson));
    const intro = introText(this.lesson.intro);
    if (intro !== '') this.note(intro);
    if (fromStep > 0) this.note(`resuming at step ${fromStep + 1}: ${earlierStepsRun(fromStep)} again for you, on fresh sockets`);
    const started = await this.run.start(fromStep);
    const recording = this.context.recording;
    if (recording) {
      recording.recorder.begin({ mode: 'lesson', lesson: this.lesson, ports: this.run.ports, startStep: fromStep + 1, socklab: recording.socklab });
      this.note(`recording to ${recording.recorder.path}`);
    }
    this.recordStarted(started);
    this.showRun(started);
    this.names();
    this.stepNote();
    this.update();
  }

  async submit(source: string, hooks: RunHooks): Promise<StatementResult> {
    this.goOn();
    const before = this.run.stepIndex;
    const outcome = await this.run.submit(source, hooks);
    this.context.dispatch({ type: 'statement-finished', result: outcome.result });
    const inStep = before < this.lesson.steps.length;
    this.recorder?.statement(outcome.result, {
      step: inStep ? before + 1 : null,
      passed: inStep ? outcome.passed : null,
      errorHint: outcome.errorHint,
      checkError: outcome.checkError,
    });
    if (this.run.stepIndex !== before) this.recordPosition();
    if (outcome.errorHint) this.note(`hint: ${outcome.errorHint}`, 'hint');
    if (outcome.passed) this.stepDone();
    this.update();
    return outcome.result;
  }

  async command(command: Command): Promise<void> {
    switch (command.name) {
      case 'hint':
        this.hint();
        break;
      case 'solution':
        this.solution();
        break;
      case 'next':
        await this.next();
        break;
      case 'back':
        await this.back();
        break;
      case 'reset':
        this.note('starting the lesson over, on fresh sockets');
        this.recorder?.command(':reset', '');
        this.restarted(await this.run.restart());
        break;
      case 'lessons':
        this.lessons(command.args[0]);
        break;
      default:
        break;
    }
    this.update();
  }

  dispose(): void {
    for (const off of this.unsubscribe.splice(0)) off();
  }

  /** The lesson pane, for where the run is and the step the pane shows. */
  update(): void {
    const view = lessonView({
      lesson: this.lesson,
      stepIndex: this.run.stepIndex,
      shownIndex: this.shown,
      hintsShown: this.run.hintsRevealed,
      solution: this.run.finished ? null : this.run.solution(),
      hasNextLesson: this.nextLesson !== null,
    });
    this.context.dispatch({ type: 'lesson-changed', lesson: view });
  }

  /** The pane shows a step the run has left (it is done). */
  private get behind(): boolean {
    return this.shown < this.run.stepIndex && !this.run.finished;
  }

  /** From a step shown done to the step the run is on. */
  private goOn(): void {
    if (!this.behind) return;
    this.shown = this.run.stepIndex;
    this.stepNote();
  }

  private hint(): void {
    this.goOn();
    const step = this.run.step;
    if (step === null) {
      this.note('the lesson is done: there are no more hints', 'hint');
      return;
    }
    const hint = this.run.nextHint();
    const text = hint === null ? 'no more hints for this step: :solution puts the call on the prompt' : `hint ${this.run.hintsRevealed} of ${step.hints.length}: ${hint}`;
    this.recorder?.command(':hint', `${text}\n`);
    this.note(text, 'hint');
  }

  private solution(): void {
    this.goOn();
    const call = this.run.finished ? null : this.run.solution();
    if (call === null) this.note('the lesson is done: there is nothing left to type', 'hint');
    else this.context.dispatch({ type: 'line-restored', line: call });
  }

  private async next(): Promise<void> {
    if (atLessonEnd({ lesson: this.lesson, stepIndex: this.run.stepIndex, shownIndex: this.shown })) {
      const next = this.nextLesson;
      if (next) this.context.navigate({ kind: 'lesson', lesson: next });
      else this.lessons(undefined);
      return;
    }
    if (this.shown < this.run.stepIndex) {
      // one step on: the run's step, or another one a peer has finished meanwhile
      this.shown++;
      if (this.shown === this.run.stepIndex) this.stepNote();
      else this.note(`${stepHeading({ number: this.shown + 1, title: this.lesson.steps[this.shown]?.title ?? '' }, this.lesson.steps.length)} (done meanwhile)`);
      return;
    }
    const skipped = this.run.step;
    this.recorder?.command(':next', '');
    await this.run.skip();
    this.recordPosition();
    this.shown = this.run.finished ? this.lesson.steps.length - 1 : this.run.stepIndex;
    if (skipped) this.note(`step ${skipped.number} skipped (it is not marked done)`);
    if (this.run.finished) this.endNote();
    else this.stepNote();
  }

  private async back(): Promise<void> {
    const shown = shownStepIndex(this.lesson, this.shown);
    if (shown === 0) {
      this.note('this is the first step: :reset starts the lesson over');
      return;
    }
    const target = shown - 1;
    this.note(rewindNote(target, 'again for you'));
    this.recorder?.command(':back', '');
    this.restarted(await this.run.start(target));
  }

  private restarted(ran: StatementResult[]): void {
    this.recordStarted(ran);
    this.showRun(ran);
    this.names();
    this.stepNote();
  }

  private lessons(wanted: string | undefined): void {
    const curriculum = this.context.curriculum();
    if (curriculum !== null && curriculum.lessons.length === 0) {
      this.note('no lessons are loaded: start socklab with no argument for the lesson menu', 'error');
      return;
    }
    if (wanted === undefined) {
      // The menu lists the lessons as soon as they are read, if they are not yet.
      this.context.navigate({ kind: 'menu' });
      return;
    }
    if (curriculum === null) {
      this.note('the lessons are still being read: try again in a moment', 'error');
      return;
    }
    const lesson = findLesson(curriculum, wanted);
    if (lesson === null) {
      const names = curriculum.lessons.map((l, i) => `${i + 1} ${l.id}`).join(', ');
      this.note(`no lesson '${wanted}'. Lessons: ${names}`, 'error');
      return;
    }
    this.context.navigate({ kind: 'lesson', lesson });
  }

  /** After the run (re)started: the statements it ran for the learner, and its step on the pane. */
  private showRun(results: StatementResult[]): void {
    this.shown = this.run.stepIndex;
    if (results.length > 0) this.context.dispatch({ type: 'statements-shown', results });
  }

  private names(): void {
    this.note(definedNames(this.run.ports, this.lesson.settings));
  }

  /** Records what a (re)start ran, then the step the run is at, as plain mode records them. */
  private recordStarted(ran: StatementResult[]): void {
    if (this.recorder === null) return;
    recordStarted(this.recorder, this.run, ran);
    this.recordPosition();
  }

  private recordPosition(): void {
    const step = this.run.step;
    if (step) this.recorder?.step(step);
    else this.recorder?.finished();
  }

  private stepNote(): void {
    const step = this.run.step;
    if (step) this.note(stepHeading(step, this.lesson.steps.length));
  }

  private endNote(): void {
    const next = this.nextLesson;
    const offer = next ? `:next starts the next lesson, "${next.title}"; :lessons lists them all` : 'that was the last lesson: :lessons lists them all';
    this.note(`lesson complete: ${this.lesson.title}. ${offer}`, 'success');
  }

  private onEvent(event: LessonRunEvent): void {
    if (event.type === 'peer') {
      this.note(event.event.text);
      this.context.peersActed();
    } else if (event.type === 'note') {
      this.note(event.text, 'warning');
    } else if (event.type === 'passed') {
      // A peer's act finished the step, with no statement: the run moves on next ('step' or 'finished').
      this.passedByPeer = true;
    } else if (this.passedByPeer) {
      this.passedByPeer = false;
      this.recordPosition();
      // the table shows the evidence along with the news
      this.context.peersActed();
      this.stepDone();
      this.update();
    }
  }

  /** The step the run just finished: say so, and how to go on (the pane stays where it is). */
  private stepDone(): void {
    const done = this.lesson.steps[this.run.stepIndex - 1];
    if (done) this.note(stepDoneNote(done), 'success');
    if (this.run.finished) this.endNote();
    else if (!this.toldHowToGoOn) this.note(':next (Tab, then Enter) goes on to the next step');
    this.toldHowToGoOn = true;
  }

  private note(text: string, tone: NoteTone = 'info'): void {
    this.context.dispatch({ type: 'note', text, tone });
  }
}
