// The whitelist of peers a lesson may declare: each kind, its parameters and the actions a step may
// ask of it. Peers are declarative on purpose: a lesson file never carries code to run.

import type { PeerActionType, PeerKind } from './model';

export type ParamType =
  | { type: 'port' }
  | { type: 'host' }
  | { type: 'int'; min: number; max: number }
  | { type: 'bool' }
  | { type: 'text' }
  | { type: 'payload' }
  | { type: 'template' }
  | { type: 'encoding' }
  | { type: 'headers' };

export interface ParamSpec {
  /** The front-matter key (snake_case). */
  key: string;
  spec: ParamType;
  /** The default as documented, or null when the parameter is required. */
  default: string | null;
  doc: string;
}

export interface PeerKindSpec {
  kind: PeerKind;
  role: 'server' | 'client';
  transport: 'tcp' | 'udp';
  params: readonly ParamSpec[];
  actions: readonly PeerActionType[];
  doc: string;
}

const port: ParamSpec = {
  key: 'port',
  spec: { type: 'port' },
  default: 'PORT',
  doc: 'The port it listens on: PORT, or PORT2 ... when settings.ports reserves more.',
};
const host: ParamSpec = {
  key: 'host',
  spec: { type: 'host' },
  default: 'HOST',
  doc: "The address it listens on: HOST ('127.0.0.1') or HOST6 ('::1', needs settings.ipv6).",
};
const backlog: ParamSpec = {
  key: 'backlog',
  spec: { type: 'int', min: 0, max: 4096 },
  default: '5',
  doc: "listen()'s backlog.",
};
const maxClients: ParamSpec = {
  key: 'max_clients',
  spec: { type: 'int', min: 1, max: 64 },
  default: '5',
  doc: 'How many connections it serves at the same time; while that many are open it accepts no more, so later clients wait in its accept queue.',
};
const encoding: ParamSpec = {
  key: 'encoding',
  spec: { type: 'encoding' },
  default: 'utf-8',
  doc: 'How text parameters are encoded, and how received bytes are decoded for {data}.',
};
const reply: ParamSpec = {
  key: 'reply',
  spec: { type: 'template' },
  default: 'none',
  doc: "The answer to each message: text with placeholders {data}, {upper}, {lower}, {length}, e.g. 'Hello, {data}!'. Without it the peer only reads.",
};
const recvSize = (what: string): ParamSpec => ({
  key: 'recv_size',
  spec: { type: 'int', min: 1, max: 65536 },
  default: '1024',
  doc: `The buffer size of each ${what}.`,
});

export const PEER_KINDS: readonly PeerKindSpec[] = [
  {
    kind: 'http-server',
    role: 'server',
    transport: 'tcp',
    doc:
      'Serves one page: reads each request up to the blank line, answers with a status line, Content-Type, ' +
      'Content-Length, Connection: close and any extra headers, then the body, and closes the connection.',
    params: [
      port,
      host,
      { key: 'body', spec: { type: 'payload' }, default: null, doc: 'The page: text (encoded with encoding) or a bytes literal.' },
      { key: 'content_type', spec: { type: 'text' }, default: 'text/html; charset=utf-8', doc: 'The Content-Type header.' },
      { key: 'status', spec: { type: 'int', min: 100, max: 599 }, default: '200', doc: 'The status code.' },
      { key: 'reason', spec: { type: 'text' }, default: "the code's standard phrase ('OK')", doc: 'The reason phrase of the status line.' },
      { key: 'headers', spec: { type: 'headers' }, default: 'none', doc: 'More headers, as a map of name to value.' },
      encoding,
      backlog,
      maxClients,
    ],
    actions: ['close', 'reset', 'stop'],
  },
  {
    kind: 'tcp-server',
    role: 'server',
    transport: 'tcp',
    doc:
      'A scripted TCP server. On each connection it sends the greeting (if any) and closes at once if ' +
      'close_after_greeting; then it reads with recv(recv_size) and answers each chunk with reply (if any); it ' +
      "closes the connection when a chunk equals exit (ignoring a trailing '\\r\\n' or '\\n') or when recv returns b''.",
    params: [
      port,
      host,
      { key: 'greeting', spec: { type: 'payload' }, default: 'none', doc: "Sent as soon as a client connects: b'Welcome!' or text." },
      {
        key: 'close_after_greeting',
        spec: { type: 'bool' },
        default: 'false',
        doc: 'Close the connection right after the greeting (needs greeting).',
      },
      reply,
      { key: 'exit', spec: { type: 'payload' }, default: 'none', doc: "The message that ends the conversation: b'exit'." },
      encoding,
      recvSize('recv()'),
      backlog,
      maxClients,
    ],
    actions: ['send', 'sendall', 'shutdown', 'close', 'reset', 'flood', 'stop'],
  },
  {
    kind: 'udp-server',
    role: 'server',
    transport: 'udp',
    doc: "Answers each datagram with reply (if any), sent back to the datagram's sender with sendto().",
    params: [port, host, reply, encoding, recvSize('recvfrom() (a longer datagram is truncated, as UDP does)')],
    actions: ['sendto', 'stop'],
  },
  {
    kind: 'tcp-client',
    role: 'client',
    transport: 'tcp',
    doc: "Does nothing until a step's peer actions drive it; may hold several connections (connect with count=N).",
    params: [],
    actions: ['connect', 'send', 'sendall', 'recv', 'shutdown', 'close', 'reset', 'flood'],
  },
  {
    kind: 'udp-client',
    role: 'client',
    transport: 'udp',
    doc: "Does nothing until a step's peer actions drive it.",
    params: [],
    actions: ['sendto', 'recv', 'close'],
  },
];

export const PEER_KIND_NAMES: readonly string[] = PEER_KINDS.map((k) => k.kind);

export function peerKind(kind: string): PeerKindSpec | undefined {
  return PEER_KINDS.find((k) => k.kind === kind);
}

/** Standard reason phrases for the status codes a lesson is likely to serve. */
export const HTTP_REASONS: Readonly<Record<number, string>> = {
  200: 'OK',
  201: 'Created',
  204: 'No Content',
  301: 'Moved Permanently',
  302: 'Found',
  304: 'Not Modified',
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  405: 'Method Not Allowed',
  500: 'Internal Server Error',
  501: 'Not Implemented',
  503: 'Service Unavailable',
};
