// The actions a step may ask of its peers, with their arguments: the whitelist the validator
// enforces and lessons/README.md documents. Arguments are literals and lesson names only.

import type { PeerActionType, PeerTrigger } from './model';

export type ActionArgKind =
  /** PORT, or (HOST, PORT) / (HOST6, PORT): where to connect or send. */
  | 'address'
  /** b'...' or '...'.encode('gbk'). */
  | 'payload'
  /** A whole-number literal within [min, max]. */
  | 'int'
  /** 'read', 'write' or 'both'. */
  | 'how';

export interface ActionParam {
  name: string;
  kind: ActionArgKind;
  /** The default as documented, or null when the argument is required. */
  default: string | null;
  min?: number;
  max?: number;
}

export interface ActionSpec {
  type: PeerActionType;
  params: readonly ActionParam[];
  example: string;
  doc: string;
}

export const SHUTDOWN_HOWS = ['read', 'write', 'both'] as const;

export const PEER_ACTIONS: readonly ActionSpec[] = [
  {
    type: 'connect',
    params: [
      { name: 'address', kind: 'address', default: null },
      { name: 'count', kind: 'int', default: '1', min: 1, max: 128 },
    ],
    example: 'clients.connect(PORT, count=6)',
    doc: 'Open count connections at once (HOST unless the address says HOST6); each waits for the handshake or its failure.',
  },
  {
    type: 'send',
    params: [{ name: 'data', kind: 'payload', default: null }],
    example: "client.send(b'Michael')",
    doc: 'One send() on each open connection; it may send only part, as send() does (the count is recorded).',
  },
  {
    type: 'sendall',
    params: [{ name: 'data', kind: 'payload', default: null }],
    example: "client.sendall('你好'.encode('gbk'))",
    doc: 'Send all the bytes on each open connection.',
  },
  {
    type: 'recv',
    params: [{ name: 'max', kind: 'int', default: '65536', min: 1, max: 1 << 20 }],
    example: 'client.recv(1024)',
    doc:
      "On each open connection (or the UDP socket), wait for the next data or the end of the stream, then read up to max bytes into the peer's record (peer_received). " +
      'The wait runs beside the lesson: it never holds up the learner.',
  },
  {
    type: 'shutdown',
    params: [{ name: 'how', kind: 'how', default: null }],
    example: "client.shutdown('write')",
    doc: "shutdown() each open connection: 'write' (half-close: the learner's recv() returns b''), 'read' or 'both'.",
  },
  {
    type: 'close',
    params: [],
    example: 'client.close()',
    doc: "Close the peer's connections (a server keeps listening).",
  },
  {
    type: 'reset',
    params: [],
    example: 'client.reset()',
    doc: "Close the peer's connections with an RST (SO_LINGER 0): the learner's next call gets ConnectionResetError.",
  },
  {
    type: 'flood',
    params: [{ name: 'count', kind: 'int', default: null, min: 1, max: 64 << 20 }],
    example: 'client.flood(1000000)',
    doc: "Send count bytes of b'x' on each open connection, as fast as the kernel takes them, without waiting for the learner to read (fills the buffers).",
  },
  {
    type: 'sendto',
    params: [
      { name: 'data', kind: 'payload', default: null },
      { name: 'address', kind: 'address', default: null },
    ],
    example: "udp_client.sendto(b'Michael', PORT)",
    doc: 'Send one datagram to the address.',
  },
  {
    type: 'stop',
    params: [],
    example: 'server.stop()',
    doc: 'A server closes its listening socket: new clients are refused; open connections go on.',
  },
  {
    type: 'wait',
    params: [{ name: 'ms', kind: 'int', default: null, min: 1, max: 10_000 }],
    example: 'wait(500)',
    doc: "Pause this block's actions for ms milliseconds (the learner's session goes on). Written without a peer.",
  },
];

export const PEER_ACTION_NAMES: readonly string[] = PEER_ACTIONS.map((a) => a.type);

export function peerAction(name: string): ActionSpec | undefined {
  return PEER_ACTIONS.find((a) => a.type === name);
}

export const PEER_TRIGGERS: readonly { trigger: PeerTrigger; info: string; doc: string }[] = [
  { trigger: 'start', info: '```peer', doc: 'When the step starts (the default).' },
  {
    trigger: 'blocked',
    info: '```peer when=blocked',
    doc: "The first time a learner's statement in this step blocks (accept() or recv() waiting), so the wait is seen, then released.",
  },
  { trigger: 'done', info: '```peer when=done', doc: "When the step's check holds, before the next step starts." },
];
