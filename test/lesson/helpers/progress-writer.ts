// Run as a separate process by the progress tests: opens the store at argv[2] and applies
// argv[3] updates; with argv[4] = 'big', one update that makes the file large (for the
// file-size-limit failure test). Prints one JSON line: the warnings it got.
import { markStepDone, ProgressStore, setPosition } from '../../../src/lesson/progress';

const [file, countText, mode] = process.argv.slice(2);
const count = Number(countText ?? '1');
const warnings: string[] = [];
const { store, warning } = await ProgressStore.open(file!);
if (warning) warnings.push(warning);
for (let i = 0; i < count; i++) {
  const w = await store.update((p) => {
    let next = setPosition(markStepDone(p, `lesson-${process.pid}`, `step-${i}`), `lesson-${process.pid}`, { id: `step-${i}`, index: i });
    if (mode === 'big') {
      for (let k = 0; k < 2000; k++) next = markStepDone(next, `a-rather-long-lesson-id-number-${k}`, 'the-first-step-of-it');
    }
    return next;
  });
  if (w) warnings.push(w);
}
process.stdout.write(`${JSON.stringify(warnings)}\n`);
