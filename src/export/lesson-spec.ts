// A lesson's peers and each step's peer actions as the Python data the exported program's runtime
// reads: the same parameters socklab's peers take, with bytes as bytes and ports by name.
import { portNames, type Lesson, type PeerAction, type PeerActionBlock, type PeerSpec, type ReplyTemplate } from '../lesson/model';
import { httpResponse } from '../session/peers/http-exchange';
import { PyIntKeyed, type PyValue } from './python-literals';

/** How long a line of an exported lesson may wait before the program gives up (a lesson's peers never take this long). */
export const LESSON_LINE_LIMIT_S = 30;

function template(reply: ReplyTemplate | null): PyValue {
  if (reply === null) return null;
  return reply.parts.map((part) => ('text' in part ? ['text', part.text] : ['placeholder', part.placeholder]));
}

function peerSpec(spec: PeerSpec): PyValue {
  const base = { name: spec.name, kind: spec.kind };
  switch (spec.kind) {
    case 'http-server':
      return { ...base, host: spec.host, port: spec.port, backlog: spec.backlog, max_clients: spec.maxClients, response: httpResponse(spec) };
    case 'tcp-server':
      return {
        ...base,
        host: spec.host,
        port: spec.port,
        backlog: spec.backlog,
        max_clients: spec.maxClients,
        greeting: spec.greeting?.bytes ?? null,
        close_after_greeting: spec.closeAfterGreeting,
        reply: template(spec.reply),
        exit: spec.exit?.bytes ?? null,
        encoding: spec.encoding,
        recv_size: spec.recvSize,
      };
    case 'udp-server':
      return { ...base, host: spec.host, port: spec.port, reply: template(spec.reply), encoding: spec.encoding, recv_size: spec.recvSize };
    default:
      return base;
  }
}

function action(a: PeerAction): PyValue {
  const base = { do: a.type, source: a.source };
  switch (a.type) {
    case 'wait':
      return { ...base, ms: a.ms };
    case 'connect':
      return { ...base, peer: a.peer, host: a.host, port: a.port, count: a.count };
    case 'send':
    case 'sendall':
      return { ...base, peer: a.peer, data: a.data.bytes };
    case 'recv':
      return { ...base, peer: a.peer, max: a.max };
    case 'shutdown':
      return { ...base, peer: a.peer, how: a.how };
    case 'flood':
      return { ...base, peer: a.peer, count: a.count };
    case 'sendto':
      return { ...base, peer: a.peer, data: a.data.bytes, host: a.host, port: a.port };
    default:
      return { ...base, peer: a.peer };
  }
}

function blocks(all: readonly PeerActionBlock[]): Record<string, PyValue> {
  const byTrigger: Record<string, PyValue[]> = {};
  for (const block of all) (byTrigger[block.trigger] ??= []).push(block.actions.map(action));
  return byTrigger;
}

/** The LESSON dict of the exported program. */
export function lessonSpec(lesson: Lesson): PyValue {
  const steps = lesson.steps.filter((s) => s.peerActions.length > 0).map((s): [number, PyValue] => [s.number, blocks(s.peerActions)]);
  return {
    id: lesson.id,
    line_limit: LESSON_LINE_LIMIT_S,
    ipv6: lesson.settings.ipv6,
    ports: portNames(lesson.settings),
    peers: lesson.peers.map(peerSpec),
    steps: new PyIntKeyed(steps),
  };
}

/** A step's peer actions in words, for the comments above the step. */
export function peerActionWords(block: PeerActionBlock): string {
  const when = { start: 'when the step starts', blocked: 'as soon as a line of this step waits', done: 'when the step is done' }[block.trigger];
  return `The peers, ${when}: ${block.actions.map((a) => a.source).join('; ')}`;
}
