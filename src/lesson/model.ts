// The Lesson model: what a lesson file means once it has been parsed and validated. The engine that
// runs lessons live, the screen, replay and export all read these shapes. Every item keeps the line
// of the lesson file it came from, so that anything going wrong later can still point at the file.

/** A line of Python as written in the lesson: one statement (or, for a check, one expression). */
export interface SourceLine {
  source: string;
  /** 1-based line in the lesson file. */
  line: number;
}

export type LessonLevel = 'beginner' | 'intermediate' | 'advanced';

/** A loopback address a peer listens on or connects to (HOST or HOST6). */
export type LoopbackHost = '127.0.0.1' | '::1';

/** The lesson's own free ports, chosen when the lesson starts (`settings.ports` says how many). */
export type PortName = 'PORT' | 'PORT2' | 'PORT3' | 'PORT4';

export interface LessonSettings {
  /** The lesson uses IPv6 (HOST6 = '::1'); it cannot run where IPv6 loopback is missing. */
  ipv6: boolean;
  /** How many free ports the lesson reserves: 1 gives PORT, 2 adds PORT2, up to 4. */
  ports: number;
  /** The lesson uses AF_UNIX: UNIX_PATH is a fresh socket path in a private temporary directory. */
  unix: boolean;
}

export interface Hint {
  text: string;
  line: number;
}

/**
 * A hint for a foreseen mistake, shown when the learner's statement raised a matching exception.
 * matchKind 'class': `match` is an exception class as CPython prints it ('OSError', 'socket.gaierror')
 * and matches that class exactly. matchKind 'text': `match` is found anywhere in the exception line as
 * the console prints it ('OSError: [Errno 98] Address already in use').
 */
export interface ErrorHint {
  match: string;
  matchKind: 'class' | 'text';
  text: string;
  line: number;
}

/**
 * When a step's peer actions run.
 * start: when the step starts. blocked: the first time a learner's statement in this step blocks
 * (accept() or recv() waiting), so the class sees the wait and then its release.
 * done: when the step's check holds, before the next step starts.
 */
export type PeerTrigger = 'start' | 'blocked' | 'done';

/** Bytes a peer sends: from a bytes literal, or a str literal encoded (`'你好'.encode('gbk')`). */
export interface Payload {
  bytes: Uint8Array;
  /** The text and its encoding when the lesson wrote it as text; null for a bytes literal. */
  text: string | null;
  encoding: string | null;
  /** As written in the lesson: "b'Michael'", "'你好'.encode('gbk')". */
  source: string;
}

interface ActionBase {
  /** The whole action line as written: "client.connect(PORT, count=6)". */
  source: string;
  line: number;
}

/** Open `count` connections from a tcp-client peer (all at once, e.g. to fill an accept queue). */
export interface ConnectAction extends ActionBase {
  type: 'connect';
  peer: string;
  host: LoopbackHost;
  port: PortName;
  count: number;
}
/** One send() per connection (may be partial: the count sent is recorded); sendall sends it all. */
export interface SendAction extends ActionBase {
  type: 'send' | 'sendall';
  peer: string;
  data: Payload;
}
/** Wait for the next data (or end of stream) on each connection and read up to `max` bytes. */
export interface RecvAction extends ActionBase {
  type: 'recv';
  peer: string;
  max: number;
}
export interface ShutdownAction extends ActionBase {
  type: 'shutdown';
  peer: string;
  how: 'read' | 'write' | 'both';
}
/** close: close the peer's connections. reset: close them with an RST (SO_LINGER 0). stop: a server stops listening. */
export interface CloseAction extends ActionBase {
  type: 'close' | 'reset' | 'stop';
  peer: string;
}
/** Send `count` bytes of b'x' without waiting for the learner to read them (fills the buffers). */
export interface FloodAction extends ActionBase {
  type: 'flood';
  peer: string;
  count: number;
}
export interface SendToAction extends ActionBase {
  type: 'sendto';
  peer: string;
  data: Payload;
  host: LoopbackHost;
  port: PortName;
}
/** Pause the actions of this block (the learner's session goes on meanwhile). */
export interface WaitAction extends ActionBase {
  type: 'wait';
  ms: number;
}

export type PeerAction =
  | ConnectAction
  | SendAction
  | RecvAction
  | ShutdownAction
  | CloseAction
  | FloodAction
  | SendToAction
  | WaitAction;

export type PeerActionType = PeerAction['type'];

/** One ```peer block: its actions run in order when its trigger fires, once per step. */
export interface PeerActionBlock {
  trigger: PeerTrigger;
  actions: PeerAction[];
  line: number;
}

export type PeerKind = 'http-server' | 'tcp-server' | 'udp-server' | 'tcp-client' | 'udp-client';

interface PeerBase {
  /** The name the lesson uses for it: `client.connect(PORT)`, `peer_received('client')`. */
  name: string;
  line: number;
}

interface ServerBase extends PeerBase {
  host: LoopbackHost;
  port: PortName;
}

/**
 * Reads each request up to the blank line, answers with a status line, Content-Type,
 * Content-Length, Connection: close and any extra headers, sends the body, then closes.
 */
export interface HttpServerSpec extends ServerBase {
  kind: 'http-server';
  status: number;
  reason: string;
  contentType: string;
  headers: [string, string][];
  body: Payload;
  backlog: number;
  maxClients: number;
}

/**
 * A scripted TCP server. On each connection: send `greeting` (if any), close at once if
 * `closeAfterGreeting`; then for each chunk recv(recvSize) returns: end the conversation (close) on
 * b'' or on the `exit` message, otherwise send `reply` with its placeholders filled in (if any).
 */
export interface TcpServerSpec extends ServerBase {
  kind: 'tcp-server';
  greeting: Payload | null;
  closeAfterGreeting: boolean;
  reply: ReplyTemplate | null;
  exit: Payload | null;
  encoding: string;
  recvSize: number;
  backlog: number;
  maxClients: number;
}

/** Answers each datagram with `reply` (if any), sent back to the datagram's sender. */
export interface UdpServerSpec extends ServerBase {
  kind: 'udp-server';
  reply: ReplyTemplate | null;
  encoding: string;
  recvSize: number;
}

/** Inert until a step's peer actions drive it. */
export interface TcpClientSpec extends PeerBase {
  kind: 'tcp-client';
}
export interface UdpClientSpec extends PeerBase {
  kind: 'udp-client';
}

export type PeerSpec = HttpServerSpec | TcpServerSpec | UdpServerSpec | TcpClientSpec | UdpClientSpec;

/** Placeholders a reply template may use. The received bytes are decoded with the peer's encoding. */
export type TemplatePlaceholder = 'data' | 'upper' | 'lower' | 'length';

export type TemplatePart = { text: string } | { placeholder: TemplatePlaceholder };

/** 'Hello, {data}!' as parts; the filled-in text is encoded with the peer's encoding. */
export interface ReplyTemplate {
  source: string;
  parts: TemplatePart[];
}

export interface Step {
  /** Stable within the lesson: the title as a slug ('bind-to-an-address'); progress records it. */
  id: string;
  /** 1-based position in the lesson. */
  number: number;
  title: string;
  line: number;
  /** Markdown: what to do and what to notice in the sockets table. */
  prose: string;
  /** The suggested statements, exactly as the learner would type them, one per line. */
  calls: SourceLine[];
  /** One expression; the step is done once it holds after a learner statement. */
  check: SourceLine;
  /** Shown one at a time, in this order. */
  hints: Hint[];
  errorHints: ErrorHint[];
  /**
   * Why the numbers this step's statements print differ from run to run (the count a non-blocking
   * send() takes depends on the kernel's buffers); null when they do not. Replaying a transcript live
   * compares that step's output with its numbers left out.
   */
  varies: string | null;
  peerActions: PeerActionBlock[];
}

export interface Lesson {
  id: string;
  title: string;
  summary: string;
  /** Sort key in the curriculum; null sorts after every numbered lesson. */
  order: number | null;
  level: LessonLevel | null;
  tags: string[];
  /** The lesson file, as given to the loader. */
  file: string;
  /** The line of `id:` in the file. */
  line: number;
  /** Markdown before the first step. */
  intro: string;
  /** Statements the lesson runs for the learner before step 1 (the intro's python block). */
  setup: SourceLine[];
  steps: Step[];
  peers: PeerSpec[];
  settings: LessonSettings;
}

export interface Curriculum {
  /** Sorted by order, then id. Lesson number n (1-based) is lessons[n - 1]. */
  lessons: Lesson[];
}

/**
 * A lesson by id, or by its 1-based number in the curriculum ('3'), as the command line names it.
 * The two cannot be confused: the validator rejects ids made of digits only.
 */
export function findLesson(curriculum: Curriculum, idOrNumber: string): Lesson | null {
  const wanted = idOrNumber.trim();
  const byId = curriculum.lessons.find((lesson) => lesson.id === wanted);
  if (byId) return byId;
  if (!/^[0-9]{1,6}$/.test(wanted)) return null;
  const number = Number(wanted);
  return curriculum.lessons[number - 1] ?? null;
}

/** The port names a lesson with these settings defines: PORT, then PORT2 ... up to settings.ports. */
export function portNames(settings: LessonSettings): PortName[] {
  const all: PortName[] = ['PORT', 'PORT2', 'PORT3', 'PORT4'];
  return all.slice(0, settings.ports);
}
