// The `peers:` section of the front matter -> PeerSpec, checked against the whitelist of kinds.

import { ALL_LESSON_NAMES, CHECK_HELPERS, definedLessonNames, missingNameAdvice } from './check-helpers';
import { didYouMean } from './closest-name';
import { shown, type DiagnosticSink } from './diagnostics';
import { canonicalEncoding, encodeText, ENCODING_NAMES } from './encodings';
import type { LessonSettings, LoopbackHost, Payload, PeerSpec, PortName, ReplyTemplate } from './model';
import { HTTP_REASONS, PEER_KIND_NAMES, peerKind, type ParamSpec } from './peer-kinds';
import { payloadFromYaml } from './payload';
import { PYTHON_KEYWORDS } from './python-syntax';
import { parseReplyTemplate } from './reply-template';
import { scalarValue, type YamlEntry, type YamlReader } from './yaml-nodes';

const MAX_PEERS = 16;
const IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_]{0,31}$/;
const HEADER_NAME = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;
const AUTOMATIC_HEADERS = ['content-length', 'connection', 'content-type'];
const RESERVED_NAMES = new Set([...ALL_LESSON_NAMES, ...CHECK_HELPERS.map((h) => h.name), 'socket', 'select', 'time', 'wait']);

/** A port parameter or argument given as a number: lessons must use PORT so learners never collide. */
export function fixedPortMessage(port: number | bigint): string {
  return `fixed port ${port}: use PORT (or PORT2 ...), the lesson's own free port chosen when it starts, so that two learners on one machine never collide`;
}

/** A port name the settings define, or a message saying what is wrong. */
export function portFromName(name: string, settings: LessonSettings): { ok: true; port: PortName } | { ok: false; message: string } {
  if (!/^PORT[234]?$/.test(name)) return { ok: false, message: `${shown(name)} is not a port: use PORT (or PORT2 ...)` };
  if (!definedLessonNames(settings).has(name)) return { ok: false, message: missingNameAdvice(name) };
  return { ok: true, port: name as PortName };
}

/** HOST / HOST6 or the loopback address itself. */
export function hostFromText(text: string, settings: LessonSettings): { ok: true; host: LoopbackHost } | { ok: false; message: string } {
  if (text === 'HOST' || text === '127.0.0.1') return { ok: true, host: '127.0.0.1' };
  if (text === 'HOST6' || text === '::1') {
    return settings.ipv6 ? { ok: true, host: '::1' } : { ok: false, message: missingNameAdvice('HOST6') };
  }
  return { ok: false, message: `${shown(text)}: peers only use the loopback: HOST ('127.0.0.1') or HOST6 ('::1')` };
}

type Values = Map<string, { value: unknown; line: number }>;

class PeerReader {
  constructor(
    private readonly settings: LessonSettings,
    private readonly sink: DiagnosticSink,
    private readonly values: Values,
    private readonly encoding: string,
  ) {}

  private fail(key: string, message: string): null {
    this.sink.error(this.values.get(key)!.line, message);
    return null;
  }

  has(key: string): boolean {
    return this.values.has(key);
  }

  port(): PortName {
    const entry = this.values.get('port');
    if (!entry) return 'PORT';
    const value = scalarValue(entry.value);
    if (typeof value === 'number') return this.fail('port', fixedPortMessage(value)) ?? 'PORT';
    const named = portFromName(String(value), this.settings);
    return named.ok ? named.port : (this.fail('port', named.message) ?? 'PORT');
  }

  host(): LoopbackHost {
    const entry = this.values.get('host');
    if (!entry) return '127.0.0.1';
    const found = hostFromText(String(scalarValue(entry.value)), this.settings);
    return found.ok ? found.host : (this.fail('host', found.message) ?? '127.0.0.1');
  }

  int(key: string, fallback: number, min: number, max: number): number {
    const entry = this.values.get(key);
    if (!entry) return fallback;
    const value = scalarValue(entry.value);
    if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) {
      return this.fail(key, `${key} must be a whole number from ${min} to ${max}`) ?? fallback;
    }
    return value;
  }

  bool(key: string): boolean {
    const entry = this.values.get(key);
    if (!entry) return false;
    const value = scalarValue(entry.value);
    if (typeof value !== 'boolean') return this.fail(key, `${key} must be true or false`) ?? false;
    return value;
  }

  text(key: string, fallback: string): string {
    const entry = this.values.get(key);
    if (!entry) return fallback;
    const value = scalarValue(entry.value);
    if (typeof value !== 'string' || /[\r\n]/.test(value) || value.trim() === '') {
      return this.fail(key, `${key} must be one line of text`) ?? fallback;
    }
    return value;
  }

  payload(key: string): Payload | null {
    const entry = this.values.get(key);
    if (!entry) return null;
    const value = scalarValue(entry.value);
    if (typeof value !== 'string') return this.fail(key, `${key} must be text or a bytes literal like b'Welcome!'`);
    const result = payloadFromYaml(value, this.encoding);
    return result.ok ? result.payload : this.fail(key, `${key}: ${result.message}`);
  }

  template(key: string): ReplyTemplate | null {
    const entry = this.values.get(key);
    if (!entry) return null;
    const value = scalarValue(entry.value);
    if (typeof value !== 'string') return this.fail(key, `${key} must be text, like 'Hello, {data}!'`);
    const result = parseReplyTemplate(value);
    if (!result.ok) return this.fail(key, result.message);
    for (const part of result.template.parts) {
      if ('text' in part) {
        const encoded = encodeText(part.text, this.encoding);
        if (!encoded.ok) return this.fail(key, `${key}: ${encoded.message}`);
      }
    }
    return result.template;
  }

  headers(reader: YamlReader): [string, string][] {
    const entry = this.values.get('headers');
    if (!entry) return [];
    const out: [string, string][] = [];
    for (const header of reader.entries(entry.value, entry.line, 'header', null)) {
      const value = scalarValue(header.value);
      if (!HEADER_NAME.test(header.key)) {
        this.sink.error(header.keyLine, `${shown(header.key)} is not a valid header name`);
      } else if (AUTOMATIC_HEADERS.includes(header.key.toLowerCase())) {
        this.sink.error(header.keyLine, `${header.key} is set by the server itself (Content-Type with content_type)`);
      } else if ((typeof value !== 'string' && typeof value !== 'number') || /[\r\n]/.test(String(value))) {
        this.sink.error(header.valueLine, `the value of header ${header.key} must be one line of text`);
      } else {
        out.push([header.key, String(value)]);
      }
    }
    return out;
  }
}

function peerEncoding(values: Values, sink: DiagnosticSink): string {
  const entry = values.get('encoding');
  if (!entry) return 'utf-8';
  const value = scalarValue(entry.value);
  const canonical = typeof value === 'string' ? canonicalEncoding(value) : null;
  if (canonical === null) {
    sink.error(entry.line, `unknown encoding${typeof value === 'string' ? ` ${shown(value)}` : ''}: use one of ${ENCODING_NAMES.join(', ')}`);
    return 'utf-8';
  }
  return canonical;
}

function parseOnePeer(reader: YamlReader, entry: YamlEntry, settings: LessonSettings, sink: DiagnosticSink): PeerSpec | null {
  const name = entry.key;
  const line = entry.keyLine;
  let nameOk = true;
  if (!IDENTIFIER.test(name) || PYTHON_KEYWORDS.has(name)) {
    sink.error(line, `peer name ${shown(name)} must be a Python name (letters, digits, _), like 'client'`);
    nameOk = false;
  } else if (RESERVED_NAMES.has(name)) {
    sink.error(line, `peer name '${name}' is taken by socklab (a lesson name, check helper or module): choose another`);
    nameOk = false;
  }
  const fields = reader.entries(entry.value, line, 'peer parameter', null);
  const kindEntry = fields.find((f) => f.key === 'kind');
  if (!kindEntry) {
    sink.error(line, `peer '${name}' has no kind: one of ${PEER_KIND_NAMES.join(', ')}`);
    return null;
  }
  const kindValue = scalarValue(kindEntry.value);
  const spec = typeof kindValue === 'string' ? peerKind(kindValue) : undefined;
  if (!spec) {
    const text = typeof kindValue === 'string' ? kindValue : '';
    sink.error(kindEntry.valueLine, `unknown peer kind ${shown(text)}${didYouMean(text, PEER_KIND_NAMES)}; the kinds are ${PEER_KIND_NAMES.join(', ')}`);
    return null;
  }
  const keys = spec.params.map((p: ParamSpec) => p.key);
  const values: Values = new Map();
  for (const field of fields) {
    if (field.key === 'kind') continue;
    if (!keys.includes(field.key)) {
      const known = keys.length > 0 ? `; its parameters are ${keys.join(', ')}` : '; it takes no parameters';
      sink.error(field.keyLine, `unknown parameter ${shown(field.key)} for ${spec.kind} '${name}'${didYouMean(field.key, keys)}${known}`);
      continue;
    }
    values.set(field.key, { value: field.value, line: field.valueLine });
  }
  const encoding = peerEncoding(values, sink);
  const p = new PeerReader(settings, sink, values, encoding);
  if (!nameOk) return null;
  const base = { name, line };

  switch (spec.kind) {
    case 'http-server': {
      const status = p.int('status', 200, 100, 599);
      const knownReason = HTTP_REASONS[status];
      if (!p.has('reason') && knownReason === undefined) {
        sink.error(values.get('status')?.line ?? line, `status ${status} has no standard reason phrase here: give one with reason`);
      }
      const body = p.payload('body');
      if (!p.has('body')) sink.error(line, `http-server '${name}' needs a body (the page it serves)`);
      return {
        ...base,
        kind: 'http-server',
        host: p.host(),
        port: p.port(),
        status,
        reason: p.text('reason', knownReason ?? ''),
        contentType: p.text('content_type', 'text/html; charset=utf-8'),
        headers: p.headers(reader),
        body: body ?? { bytes: new Uint8Array(), text: '', encoding, source: "''" },
        backlog: p.int('backlog', 5, 0, 4096),
        maxClients: p.int('max_clients', 5, 1, 64),
      };
    }
    case 'tcp-server': {
      const greeting = p.payload('greeting');
      const closeAfterGreeting = p.bool('close_after_greeting');
      if (closeAfterGreeting && !p.has('greeting')) {
        sink.error(values.get('close_after_greeting')!.line, 'close_after_greeting needs a greeting to send first');
      }
      return {
        ...base,
        kind: 'tcp-server',
        host: p.host(),
        port: p.port(),
        greeting,
        closeAfterGreeting,
        reply: p.template('reply'),
        exit: p.payload('exit'),
        encoding,
        recvSize: p.int('recv_size', 1024, 1, 65536),
        backlog: p.int('backlog', 5, 0, 4096),
        maxClients: p.int('max_clients', 5, 1, 64),
      };
    }
    case 'udp-server':
      return {
        ...base,
        kind: 'udp-server',
        host: p.host(),
        port: p.port(),
        reply: p.template('reply'),
        encoding,
        recvSize: p.int('recv_size', 1024, 1, 65536),
      };
    case 'tcp-client':
      return { ...base, kind: 'tcp-client' };
    case 'udp-client':
      return { ...base, kind: 'udp-client' };
  }
}

export function parsePeers(reader: YamlReader, node: unknown, line: number, settings: LessonSettings, sink: DiagnosticSink): PeerSpec[] {
  const peers: PeerSpec[] = [];
  const entries = reader.entries(node, line, 'peer', null);
  if (entries.length > MAX_PEERS) sink.error(line, `a lesson has at most ${MAX_PEERS} peers`);
  for (const entry of entries.slice(0, MAX_PEERS)) {
    const peer = parseOnePeer(reader, entry, settings, sink);
    if (peer) peers.push(peer);
  }
  // Two servers on one address could never both listen.
  const listening = new Map<string, string>();
  for (const peer of peers) {
    if (!('port' in peer)) continue;
    const transport = peer.kind === 'udp-server' ? 'udp' : 'tcp';
    const where = `${transport} ${peer.host} ${peer.port}`;
    const other = listening.get(where);
    if (other) sink.error(peer.line, `peers '${other}' and '${peer.name}' would both listen on ${peer.port}: give one of them another port (PORT2, with ports: 2 under settings)`);
    else listening.set(where, peer.name);
  }
  return peers;
}
