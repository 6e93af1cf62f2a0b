// A ```peer block -> PeerActionBlock. Each line is one action in Python-call form, parsed with the
// interpreter's parser and checked against the whitelist: literals and lesson names only.

import { didYouMean } from './closest-name';
import { shown, type DiagnosticSink } from './diagnostics';
import type { FenceBlock, NumberedLine } from './markdown-blocks';
import type { LessonSettings, LoopbackHost, Payload, PeerAction, PeerActionBlock, PeerSpec, PeerTrigger, PortName } from './model';
import { PEER_ACTION_NAMES, PEER_TRIGGERS, peerAction, SHUTDOWN_HOWS, type ActionParam, type ActionSpec } from './peer-action-specs';
import { peerKind } from './peer-kinds';
import { fixedPortMessage, hostFromText, portFromName } from './peer-specs';
import { payloadFromExpr } from './payload';
import { describeParseFailure, parsePython } from './python-syntax';
import type { PyExpr } from './python-tree';

export interface PeerBlockContext {
  sink: DiagnosticSink;
  settings: LessonSettings;
  peers: PeerSpec[];
}

type Arg = { ok: true; value: unknown } | { ok: false; message: string };

const TRIGGERS = PEER_TRIGGERS.map((t) => t.trigger);

function triggerOf(fence: FenceBlock, sink: DiagnosticSink): PeerTrigger {
  let trigger: PeerTrigger = 'start';
  for (const param of fence.params) {
    const match = /^when=(.*)$/.exec(param);
    if (match && (TRIGGERS as string[]).includes(match[1]!)) {
      trigger = match[1] as PeerTrigger;
    } else {
      const given = match ? match[1]! : param;
      sink.error(fence.line, `unknown peer block option ${shown(param)}${match ? didYouMean(given, TRIGGERS) : ''}: write when=start, when=blocked or when=done`);
    }
  }
  return trigger;
}

function address(expr: PyExpr, settings: LessonSettings): Arg {
  let hostExpr: PyExpr | null = null;
  let portExpr = expr;
  if (expr.kind === 'tuple') {
    if (expr.items.length !== 2) return { ok: false, message: 'an address is (HOST, PORT)' };
    hostExpr = expr.items[0]!;
    portExpr = expr.items[1]!;
  }
  let host: LoopbackHost = '127.0.0.1';
  if (hostExpr) {
    const text = hostExpr.kind === 'name' || hostExpr.kind === 'str' ? (hostExpr.kind === 'name' ? hostExpr.id : hostExpr.value) : null;
    if (text === null) return { ok: false, message: 'the host must be HOST or HOST6' };
    const found = hostFromText(text, settings);
    if (!found.ok) return found;
    host = found.host;
  }
  if (portExpr.kind === 'int') return { ok: false, message: fixedPortMessage(portExpr.value) };
  if (portExpr.kind !== 'name') return { ok: false, message: 'the port must be PORT (or PORT2 ...)' };
  const port = portFromName(portExpr.id, settings);
  if (!port.ok) return port;
  return { ok: true, value: { host, port: port.port } };
}

function argument(param: ActionParam, expr: PyExpr, settings: LessonSettings): Arg {
  switch (param.kind) {
    case 'address':
      return address(expr, settings);
    case 'payload': {
      const result = payloadFromExpr(expr);
      return result.ok ? { ok: true, value: result.payload } : result;
    }
    case 'int': {
      const range = `a whole number from ${param.min} to ${param.max}`;
      if (expr.kind !== 'int' || expr.value < BigInt(param.min!) || expr.value > BigInt(param.max!)) {
        return { ok: false, message: `${param.name} must be ${range}, written as a number` };
      }
      return { ok: true, value: Number(expr.value) };
    }
    case 'how':
      if (expr.kind !== 'str' || !(SHUTDOWN_HOWS as readonly string[]).includes(expr.value)) {
        return { ok: false, message: `shutdown takes 'read', 'write' or 'both'` };
      }
      return { ok: true, value: expr.value };
  }
}

/** Positional then keyword arguments -> values by parameter name, or the first problem. */
function bindArguments(
  spec: ActionSpec,
  call: Extract<PyExpr, { kind: 'call' }>,
  settings: LessonSettings,
): { ok: true; values: Map<string, unknown> } | { ok: false; message: string } {
  const name = `${spec.type}()`;
  if (call.spread) return { ok: false, message: `${name} takes literal arguments, not *args or **kwargs` };
  if (call.args.length > spec.params.length) {
    return { ok: false, message: `${name} takes ${spec.params.length === 0 ? 'no' : `at most ${spec.params.length}`} argument${spec.params.length === 1 ? '' : 's'} (${call.args.length} given)` };
  }
  const given = new Map<string, PyExpr>();
  call.args.forEach((arg, index) => given.set(spec.params[index]!.name, arg));
  for (const keyword of call.keywords) {
    const param = spec.params.find((p) => p.name === keyword.name);
    if (!param) {
      const names = spec.params.map((p) => p.name);
      return { ok: false, message: `${name} has no argument ${shown(keyword.name)}${didYouMean(keyword.name, names)}` };
    }
    if (given.has(param.name)) return { ok: false, message: `${name} got ${param.name} twice` };
    given.set(param.name, keyword.value);
  }
  const values = new Map<string, unknown>();
  for (const param of spec.params) {
    const expr = given.get(param.name);
    if (!expr) {
      if (param.default === null) return { ok: false, message: `${name} needs ${param.name}: ${spec.example}` };
      continue;
    }
    const arg = argument(param, expr, settings);
    if (!arg.ok) return arg;
    values.set(param.name, arg.value);
  }
  return { ok: true, values };
}

function parseActionLine(line: NumberedLine, ctx: PeerBlockContext): PeerAction | null {
  const { sink, settings, peers } = ctx;
  const source = line.text.trim();
  const parsed = parsePython(source);
  if (!parsed.ok) {
    sink.error(line.line, describeParseFailure(parsed));
    return null;
  }
  const statement = parsed.statements.length === 1 ? parsed.statements[0]! : null;
  const call = statement?.kind === 'expression' && statement.expr.kind === 'call' ? statement.expr : null;
  if (!call) {
    sink.error(line.line, 'a peer action is one call per line, like client.connect(PORT) or wait(100)');
    return null;
  }

  let peer: PeerSpec | null = null;
  let actionName: string;
  if (call.func.kind === 'name') {
    actionName = call.func.id;
    if (actionName !== 'wait') {
      const able = peers.find((p) => peerKind(p.kind)!.actions.some((a) => a === actionName));
      const hint = able ? `: write ${able.name}.${actionName}(...)` : '';
      sink.error(line.line, `${shown(actionName)} needs a peer${hint || didYouMean(actionName, ['wait'])}; a peer action is peer.action(...), like client.connect(PORT)`);
      return null;
    }
  } else if (call.func.kind === 'attribute' && call.func.object.kind === 'name') {
    const peerName = call.func.object.id;
    actionName = call.func.attr;
    peer = peers.find((p) => p.name === peerName) ?? null;
    if (!peer) {
      const names = peers.map((p) => p.name);
      const declared = names.length > 0 ? `; the peers are ${names.join(', ')}` : '; this lesson declares no peers';
      sink.error(line.line, `unknown peer ${shown(peerName)}${didYouMean(peerName, names)}${declared}`);
      return null;
    }
    if (actionName === 'wait') {
      sink.error(line.line, 'wait is not done by a peer: write wait(100) on its own');
      return null;
    }
  } else {
    sink.error(line.line, 'a peer action is peer.action(...), like client.connect(PORT)');
    return null;
  }

  const spec = peerAction(actionName);
  if (!spec) {
    sink.error(line.line, `unknown peer action ${shown(actionName)}${didYouMean(actionName, PEER_ACTION_NAMES)}; the actions are ${PEER_ACTION_NAMES.join(', ')}`);
    return null;
  }
  if (peer) {
    const kind = peerKind(peer.kind)!;
    if (!kind.actions.includes(spec.type)) {
      sink.error(line.line, `${peer.kind} '${peer.name}' cannot ${spec.type}; it can ${kind.actions.join(', ')}`);
      return null;
    }
  }
  const bound = bindArguments(spec, call, settings);
  if (!bound.ok) {
    sink.error(line.line, bound.message);
    return null;
  }
  return buildAction(spec, peer?.name ?? '', bound.values, source, line.line);
}

function buildAction(spec: ActionSpec, peer: string, values: Map<string, unknown>, source: string, line: number): PeerAction {
  const base = { source, line };
  const where = values.get('address') as { host: LoopbackHost; port: PortName } | undefined;
  switch (spec.type) {
    case 'connect':
      return { ...base, type: 'connect', peer, host: where!.host, port: where!.port, count: (values.get('count') as number | undefined) ?? 1 };
    case 'send':
    case 'sendall':
      return { ...base, type: spec.type, peer, data: values.get('data') as Payload };
    case 'recv':
      return { ...base, type: 'recv', peer, max: (values.get('max') as number | undefined) ?? 65536 };
    case 'shutdown':
      return { ...base, type: 'shutdown', peer, how: values.get('how') as 'read' | 'write' | 'both' };
    case 'close':
    case 'reset':
    case 'stop':
      return { ...base, type: spec.type, peer };
    case 'flood':
      return { ...base, type: 'flood', peer, count: values.get('count') as number };
    case 'sendto':
      return { ...base, type: 'sendto', peer, data: values.get('data') as Payload, host: where!.host, port: where!.port };
    case 'wait':
      return { ...base, type: 'wait', ms: values.get('ms') as number };
  }
}

export function parsePeerBlock(fence: FenceBlock, ctx: PeerBlockContext): PeerActionBlock | null {
  const trigger = triggerOf(fence, ctx.sink);
  const lines = fence.body.filter((l) => l.text.trim() !== '' && !l.text.trim().startsWith('#'));
  if (lines.length === 0) {
    ctx.sink.error(fence.line, 'this peer block has no action');
    return null;
  }
  const actions: PeerAction[] = [];
  for (const line of lines) {
    const action = parseActionLine(line, ctx);
    if (action) actions.push(action);
  }
  return actions.length === lines.length ? { trigger, actions, line: fence.line } : null;
}

