// A small lesson whose second step is done by a peer alone: once the learner's server listens, a
// client connects by itself and the accept queue shows it. The engine, the screen and autoplay tests
// share it, each choosing when the client connects and how the queue is checked.
import { parseLessonText, type Lesson } from '../../src/lesson';

export interface ArrivingClientOptions {
  id: string;
  /** The peer block run once the listen step is done, e.g. `wait(150)\nclient.connect(PORT)`. */
  doneBlock: string;
  /** The second step's check. */
  queueCheck?: string;
  /** Put `import socket` in a preamble that runs at the start, rather than in the first step. */
  importInPreamble?: boolean;
}

const FENCE = '```';

export function arrivingClientLessonText(o: ArrivingClientOptions): string {
  const preamble = o.importInPreamble ? `${FENCE}python\nimport socket\n${FENCE}\n\n` : '';
  const importLine = o.importInPreamble ? '' : 'import socket\n';
  return `---
id: ${o.id}
title: A client arrives by itself
summary: The second step is done when a client connects, without a statement.
peers:
  client:
    kind: tcp-client
---

${preamble}## Listen

Make a listening socket.

${FENCE}python
${importLine}s = socket.socket()
s.bind((HOST, PORT))
s.listen(5)
${FENCE}

${FENCE}check
state(s) == 'LISTEN'
${FENCE}

> hint: bind, then listen.
> hint: Type the three calls.

${FENCE}peer when=done
${o.doneBlock}
${FENCE}

## Watch the queue

Do nothing: a client connects by itself, and the queue shows it.

${FENCE}python
s
${FENCE}

${FENCE}check
${o.queueCheck ?? 'accept_queue(s) == 1'}
${FENCE}

## Accept it

${FENCE}python
conn, addr = s.accept()
${FENCE}

${FENCE}check
defined('conn') and state(conn) == 'ESTABLISHED'
${FENCE}
`;
}

/** Parses a lesson written in a test, failing with its diagnostics when it does not parse. */
export function parseLessonOrThrow(text: string, file: string): Lesson {
  const parsed = parseLessonText(text, file);
  if (!parsed.lesson) throw new Error(parsed.diagnostics.map((d) => `${file}:${d.line}: ${d.message}`).join('\n'));
  return parsed.lesson;
}

export function arrivingClientLesson(o: ArrivingClientOptions): Lesson {
  return parseLessonOrThrow(arrivingClientLessonText(o), `${o.id}.md`);
}
