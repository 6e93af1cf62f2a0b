// One learner's session: the interpreter and its names, the sockets it opened, the peers it talks to,
// and after every statement the kernel's view of every socket, what changed, and the bytes returned.
import { Interpreter, createModuleRegistry, type LineResult, type PyObject, type RuntimeEvent } from '../py';
import { createSocketModules } from '../py/modules/socket-modules';
import { SocketRegistry, type TrackedSocket } from '../py/modules/socket-registry';
import { defaultReactor, type Reactor } from '../sys';
import { diffRows } from './row-diff';
import { SocketTable, type ClosedSocket, type HeldSocket } from './socket-table';
import { socketNames } from './socket-names';
import type { BlockedInfo, BytesShown, RowChange, SocketRow, StatementResult } from './types';
import { errorMessage } from '../sys/error-text';

/** The other side of a lesson's conversations, as the session needs it (a PeerHost). */
export interface PeerSide {
  held(): HeldSocket[];
  takeClosed(): ClosedSocket[];
  /** Resolves once the peers have answered what the learner just did (bounded). */
  settle(maxMs?: number): Promise<void>;
}

export interface RunHooks {
  /** Aborting interrupts a waiting call: it raises KeyboardInterrupt (the learner's Ctrl+C). */
  signal?: AbortSignal;
  /** Output as it is printed (a print() before a blocking call shows at once). */
  onOutput?: (text: string) => void;
  /** The statement started waiting (info) or stopped waiting (null). */
  onBlocked?: (info: BlockedInfo | null) => void;
}

export interface SessionOptions {
  reactor?: Reactor;
  /** How many statement results the session keeps in its log. */
  logLimit?: number;
  /** Where open() starts relative paths (the directory socklab was started in by default). */
  cwd?: string;
}

/** States the kernel leaves within microseconds on loopback, unless something is wrong. */
const TRANSIENT = new Set(['SYN_SENT', 'SYN_RECV', 'FIN_WAIT1', 'LAST_ACK', 'CLOSING', 'NEW_SYN_RECV']);
// Long enough to cover a delayed ACK (40 ms on Linux), after which a close settles in FIN_WAIT2.
const TRANSIENT_RETRIES = 15;
const TRANSIENT_WAIT_MS = 4;

export interface TableUpdate {
  rows: SocketRow[];
  changes: RowChange[];
}

export class Session {
  readonly reactor: Reactor;
  private interp!: Interpreter;
  private registry!: SocketRegistry;
  private readonly table = new SocketTable();
  private readonly peers = new Set<PeerSide>();
  private readonly names = new Map<number, string>();
  private pendingClosed: ClosedSocket[] = [];
  private lastRows: SocketRow[] = [];
  private count = 0;
  private busy = false;
  private blockedNow: BlockedInfo | null = null;
  private closed = false;
  private lastValueNow: PyObject | null = null;
  private readonly logLimit: number;
  private readonly cwd: string;
  /** The statements run so far, oldest first (bounded): transcripts and replays read it. */
  readonly log: StatementResult[] = [];

  constructor(options: SessionOptions = {}) {
    this.reactor = options.reactor ?? defaultReactor();
    this.logLimit = options.logLimit ?? 10_000;
    this.cwd = options.cwd ?? process.cwd();
    this.fresh();
  }

  get interpreter(): Interpreter {
    return this.interp;
  }

  /** The value the last statement computed (lesson checks' result()), or null. */
  get lastValue(): PyObject | null {
    return this.lastValueNow;
  }

  /** Where a statement is waiting now, or null. */
  get blocked(): BlockedInfo | null {
    return this.blockedNow;
  }

  get running(): boolean {
    return this.busy;
  }

  /** The sockets table as the last statement or refresh left it. */
  get rows(): readonly SocketRow[] {
    return this.lastRows;
  }

  /** The registry's record of one of the learner's sockets, or undefined for any other object. */
  trackedOf(obj: PyObject): TrackedSocket | undefined {
    return this.registry.byObject(obj);
  }

  /** The sockets-table row of one of the learner's sockets as the last update left it, or null. */
  rowOf(obj: PyObject): SocketRow | null {
    const tracked = this.registry.byObject(obj);
    if (tracked === undefined) return null;
    const key = `L${tracked.serial}`;
    return this.lastRows.find((r) => r.key === key) ?? null;
  }

  /** Sets a name in the learner's namespace (PORT, HOST ...). */
  define(name: string, value: PyObject): void {
    this.interp.globals.set(name, value);
  }

  /** Shows a peer host's sockets in the table and waits for its answers after each statement. */
  attachPeers(peers: PeerSide): () => void {
    this.peers.add(peers);
    return () => {
      // Sockets the peers closed meanwhile still get their last row.
      this.pendingClosed.push(...peers.takeClosed());
      this.peers.delete(peers);
    };
  }

  /**
   * Runs one line (one or more statements separated by ';') on real sockets and returns what the
   * console printed, the sockets table after it, what changed and the bytes the calls returned.
   */
  async run(source: string, hooks: RunHooks = {}): Promise<StatementResult> {
    if (this.closed) throw new Error('this session has ended');
    if (this.busy) throw new Error('a statement is already running in this session');
    this.busy = true;
    const startedAt = Date.now();
    const bytes: BytesShown[] = [];
    const emit = (event: RuntimeEvent): void => {
      if (event.type === 'bytes') {
        const shown: BytesShown = { label: event.label, data: event.data };
        if (event.from !== undefined) shown.from = event.from;
        bytes.push(shown);
      } else if (event.type === 'blocked') {
        this.blockedNow = { call: event.call, waitingFor: event.waitingFor, hint: event.hint, since: Date.now(), timeoutMs: event.timeoutMs };
        hooks.onBlocked?.(this.blockedNow);
      } else if (this.blockedNow !== null) {
        this.blockedNow = null;
        hooks.onBlocked?.(null);
      }
    };
    try {
      const options: Parameters<Interpreter['runLine']>[1] = { emit };
      if (hooks.signal) options.signal = hooks.signal;
      if (hooks.onOutput) options.write = hooks.onOutput;
      const line = await this.runGuarded(source, options);
      this.lastValueNow = line.value;
      if (this.blockedNow !== null) {
        this.blockedNow = null;
        hooks.onBlocked?.(null);
      }
      await this.settle();
      const { rows, changes } = await this.settledSnapshot();
      const result: StatementResult = {
        index: ++this.count,
        source,
        output: line.output,
        error: line.error,
        rows,
        changes,
        bytes,
        startedAt,
        durationMs: Date.now() - startedAt,
      };
      if (line.exit) result.exit = true;
      this.log.push(result);
      if (this.log.length > this.logLimit) this.log.splice(0, this.log.length - this.logLimit);
      return result;
    } finally {
      this.busy = false;
    }
  }

  /**
   * The table now, without running anything: while a statement waits (a class watches the accept
   * queue fill) or when a peer acted between statements. Changes are relative to the last update.
   */
  refresh(): TableUpdate {
    return this.takeSnapshot(false);
  }

  /** Completion for the prompt: names, attributes and constants (no side effects). */
  complete(line: string, cursor: number): { start: number; candidates: string[] } {
    return this.interp.complete(line, cursor);
  }

  /**
   * Closes every socket the learner opened and starts over with empty names (peers stay attached: the
   * lesson decides about them). The closed sockets get their last row in the next update.
   */
  reset(): void {
    this.closeLearnerSockets();
    this.fresh();
  }

  /** Ends the session: every socket the learner opened is closed. Idempotent, never throws. */
  close(): void {
    if (this.closed) return;
    this.closed = true;
    this.closeLearnerSockets();
    this.peers.clear();
    this.table.clear();
  }

  private fresh(): void {
    this.registry = new SocketRegistry();
    const modules = createSocketModules(createModuleRegistry(), { reactor: this.reactor, registry: this.registry });
    this.interp = new Interpreter({ modules, cwd: this.cwd });
    this.names.clear();
  }

  private closeLearnerSockets(): void {
    this.interp.closeFiles();
    try {
      this.registry.closeAll();
    } catch {
      // closeAll never throws by contract; a session must end even if it did.
    }
    this.pendingClosed.push(...this.registry.takeClosed().map((t) => this.closedRow(t)));
  }

  private async runGuarded(source: string, options: Parameters<Interpreter['runLine']>[1]): Promise<LineResult> {
    try {
      return await this.interp.runLine(source, options);
    } catch (error) {
      // The interpreter answers everything a line can do; anything else is socklab's own fault, and the
      // learner still gets a line saying so instead of a crashed screen.
      const message = `socklab could not run this statement (${errorMessage(error)})`;
      options?.write?.(`${message}\n`);
      return { output: `${message}\n`, error: { type: 'socklab', message }, value: null };
    }
  }

  private async settle(): Promise<void> {
    await this.reactor.settle();
    for (const peers of this.peers) await peers.settle();
  }

  private takeSnapshot(endOfStatement: boolean): TableUpdate {
    return this.commit(this.readRows(), endOfStatement);
  }

  /**
   * After a statement the kernel may still be in the middle of a handshake or a close on loopback (the
   * ACK of a FIN not processed yet): look again, briefly, so the table shows where it settles.
   */
  private async settledSnapshot(): Promise<TableUpdate> {
    let rows = this.readRows();
    for (let i = 0; i < TRANSIENT_RETRIES && rows.some((r) => TRANSIENT.has(r.state)); i++) {
      await new Promise((resolve) => setTimeout(resolve, TRANSIENT_WAIT_MS));
      rows = this.readRows();
    }
    return this.commit(rows, true);
  }

  private readRows(): SocketRow[] {
    const named = socketNames(this.interp.globals, (obj) => this.registry.byObject(obj)?.serial);
    const held: HeldSocket[] = [];
    for (const t of this.registry.live()) {
      const name = named.get(t.serial) ?? this.names.get(t.serial) ?? '';
      this.names.set(t.serial, name);
      held.push({ key: `L${t.serial}`, name, owner: 'learner', fd: t.fd, type: t.type });
    }
    this.pendingClosed.push(...this.registry.takeClosed().map((t) => this.closedRow(t, named.get(t.serial))));
    for (const peers of this.peers) {
      held.push(...peers.held());
      this.pendingClosed.push(...peers.takeClosed());
    }
    return this.table.snapshot(held, this.pendingClosed);
  }

  private commit(rows: SocketRow[], endOfStatement: boolean): TableUpdate {
    if (endOfStatement) this.pendingClosed = [];
    const changes = diffRows(this.lastRows, rows);
    this.lastRows = rows;
    return { rows, changes };
  }

  private closedRow(t: TrackedSocket, name?: string): ClosedSocket {
    return {
      key: `L${t.serial}`,
      name: name ?? this.names.get(t.serial) ?? '',
      owner: 'learner',
      family: t.family,
      type: t.type,
      local: t.lastLocal,
      remote: t.lastRemote,
    };
  }
}
