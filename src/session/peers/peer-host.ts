// The peers of one lesson run: the other end of every conversation, on real sockets in this process.
// Servers listen when the lesson starts; a step's action blocks drive them; the sockets table lists
// their sockets beside the learner's; the log says in words what each did. Nothing here throws
// through the engine once started: a failed or timed-out action is an event in the log.
import type { PeerAction, PeerActionBlock, PeerSpec, PortName } from '../../lesson/model';
import type { Reactor } from '../../sys';
import type { ClosedSocket, HeldSocket } from '../socket-table';
import { HttpServerPeer } from './http-server-peer';
import type { Peer } from './peer';
import { DEFAULT_PEER_LIMITS, ReceivedRecords, type PeerContext, type PeerLimits } from './peer-context';
import { PeerLog, type PeerEvent, type PeerEventKind, type PeerEventListener } from './peer-log';
import { SocketBook } from './socket-book';
import { TcpClientPeer } from './tcp-client-peer';
import { TcpServerPeer } from './tcp-server-peer';
import { UdpClientPeer } from './udp-client-peer';
import { UdpServerPeer } from './udp-server-peer';
import { pause, peersHaveWork, yieldTurn } from './waits';
import { errorMessage } from '../../sys/error-text';

export interface PeerHostEnv {
  reactor: Reactor;
  /** The lesson's ports (choosePorts); a peer naming a port the lesson lacks fails to start. */
  ports: Partial<Record<PortName, number>>;
  /** Shorter limits for tests; the defaults suit a learner typing. */
  limits?: Partial<PeerLimits>;
}


function createPeer(spec: PeerSpec, ctx: PeerContext): Peer {
  switch (spec.kind) {
    case 'http-server':
      return new HttpServerPeer(spec, ctx);
    case 'tcp-server':
      return new TcpServerPeer(spec, ctx);
    case 'udp-server':
      return new UdpServerPeer(spec, ctx);
    case 'tcp-client':
      return new TcpClientPeer(spec.name, ctx);
    case 'udp-client':
      return new UdpClientPeer(spec.name, ctx);
    default:
      throw new TypeError(`unknown peer kind ${JSON.stringify((spec as { kind: unknown }).kind)}`);
  }
}

export class PeerHost {
  private readonly peers = new Map<string, Peer>();
  private readonly book = new SocketBook('P');
  private readonly events: PeerLog;
  private readonly records: ReceivedRecords;
  private readonly lifetime = new AbortController();
  private readonly tasks = new Set<Promise<void>>();
  private started = false;
  private stopping: Promise<void> | null = null;
  private readonly reactor: Reactor;
  private pauses = 0;

  constructor(specs: readonly PeerSpec[], env: PeerHostEnv) {
    if (!Array.isArray(specs)) throw new TypeError('the peers must be an array of peer specs');
    if (env === null || typeof env !== 'object' || typeof env.reactor?.wait !== 'function') {
      throw new TypeError('the peers need a reactor to wait on');
    }
    this.reactor = env.reactor;
    const limits: PeerLimits = { ...DEFAULT_PEER_LIMITS, ...env.limits };
    this.events = new PeerLog(limits.logEvents);
    this.records = new ReceivedRecords(limits.recordBytes);
    const ctx: PeerContext = {
      reactor: env.reactor,
      book: this.book,
      log: this.events,
      records: this.records,
      limits,
      ports: { ...env.ports },
      lifetime: this.lifetime.signal,
      spawn: (peer, task) => this.spawn(peer, task),
      note: (peer, kind, text, line = null) => this.note(peer, kind, text, line),
    };
    for (const spec of specs) {
      if (spec === null || typeof spec !== 'object' || typeof spec.name !== 'string' || spec.name === '') {
        throw new TypeError('every peer needs a name');
      }
      if (this.peers.has(spec.name)) throw new TypeError(`two peers are named '${spec.name}'`);
      this.peers.set(spec.name, createPeer(spec, ctx));
    }
  }

  /**
   * Starts every server (bind and listen with SO_REUSEADDR). On failure every socket opened so far is
   * closed and a PeerStartError says which peer and why (start may then be tried again). Once
   * started, a second call does nothing.
   */
  async start(): Promise<void> {
    if (this.stopping) throw new Error('these peers have been stopped: a new lesson run needs a new PeerHost');
    if (this.started) return;
    this.started = true;
    try {
      for (const peer of this.peers.values()) peer.start();
    } catch (e) {
      for (const peer of this.peers.values()) peer.closeAll();
      this.started = false;
      throw e;
    }
  }

  /**
   * Resolves once no peer has anything ready to act on (each waits for something that has not
   * happened yet), or after `maxMs`: a learner's statement is answered by the peers before the session
   * reads the kernel's view. Peers pausing in a `wait` action are not waited for.
   */
  async settle(maxMs = 250): Promise<void> {
    const deadline = Date.now() + maxMs;
    while (Date.now() < deadline) {
      await yieldTurn();
      if (!peersHaveWork(this.reactor)) {
        // One more turn: a peer that just woke may still be between two of its steps.
        await yieldTurn();
        if (!peersHaveWork(this.reactor)) return;
      }
      await pause(1, this.lifetime.signal);
    }
  }

  /** True while a block is in a `wait` action: it will act again soon. */
  get pausing(): boolean {
    return this.pauses > 0;
  }

  /**
   * Runs a block's actions in order. Resolves when they are done, timed out or cancelled (by
   * `signal` or stop()); never rejects: failures and timeouts are in the log.
   */
  run(block: PeerActionBlock, signal?: AbortSignal): Promise<void> {
    return this.track(this.runBlock(block, signal));
  }

  private async runBlock(block: PeerActionBlock, signal?: AbortSignal): Promise<void> {
    if (this.stopping) return;
    if (block === null || typeof block !== 'object' || !Array.isArray(block.actions)) {
      this.note('', 'error', 'a peer block must list its actions', null);
      return;
    }
    const combined = signal instanceof AbortSignal ? AbortSignal.any([this.lifetime.signal, signal]) : this.lifetime.signal;
    for (const action of block.actions) {
      if (combined.aborted) return;
      if (action === null || typeof action !== 'object') {
        this.note('', 'error', 'a peer block holds something that is not an action', block.line ?? null);
        continue;
      }
      try {
        await this.runAction(action, combined);
      } catch (e) {
        const peer = action.type === 'wait' ? '' : String(action.peer);
        this.note(peer, 'error', `${action.source} failed: ${errorMessage(e)}`, action.line);
      }
    }
  }

  private async runAction(action: PeerAction, signal: AbortSignal): Promise<void> {
    if (action.type === 'wait') {
      this.pauses++;
      try {
        await pause(action.ms, signal);
      } finally {
        this.pauses--;
      }
      return;
    }
    const peer = this.peers.get(action.peer);
    if (peer === undefined) {
      this.note(String(action.peer), 'error', `this lesson has no peer named '${String(action.peer)}'`, action.line);
      return;
    }
    await peer.act(action, signal);
  }

  /** The peers' open sockets, for the sockets table. */
  held(): HeldSocket[] {
    return this.book.held();
  }

  /** The peers' sockets closed since the last call, with the addresses they had. */
  takeClosed(): ClosedSocket[] {
    return this.book.takeClosed();
  }

  /** Every byte the peer has read so far, over all its connections (empty for an unknown name). */
  received(name: string): Uint8Array {
    return this.records.bytes(name);
  }

  /** peer_state(): see lessons/README.md; null for an unknown name. */
  state(name: string): string | null {
    return this.peers.get(name)?.state() ?? null;
  }

  /** peer_connections(): the connections the peer has open now; null for an unknown name. */
  connections(name: string): number | null {
    return this.peers.get(name)?.connections() ?? null;
  }

  log(): PeerEvent[] {
    return this.events.all();
  }

  /** Calls `listener` for each new event; returns the function that unsubscribes. */
  onEvent(listener: PeerEventListener): () => void {
    return this.events.subscribe(listener);
  }

  /** Closes every socket the peers opened and ends every wait. Idempotent; never throws. */
  stop(): Promise<void> {
    this.stopping ??= this.stopAll();
    return this.stopping;
  }

  private async stopAll(): Promise<void> {
    this.lifetime.abort();
    for (const peer of this.peers.values()) {
      try {
        peer.closeAll();
      } catch {
        // The book below closes whatever this peer could not.
      }
    }
    try {
      this.book.seal();
    } catch {
      // Never thrown by design: close() releases the fd whatever it reports.
    }
    await Promise.allSettled([...this.tasks]);
  }

  private spawn(peer: string, task: () => Promise<void>): void {
    void this.track(
      (async () => {
        try {
          await task();
        } catch (e) {
          this.note(peer, 'error', `${peer} failed: ${errorMessage(e)}`, null);
        }
      })(),
    );
  }

  /** Keeps the task until it settles, so stop() can wait for it; the result never rejects. */
  private track(task: Promise<void>): Promise<void> {
    const settled = task.catch((e: unknown) => this.note('', 'error', errorMessage(e), null));
    this.tasks.add(settled);
    void settled.finally(() => this.tasks.delete(settled));
    return settled;
  }

  private note(peer: string, kind: PeerEventKind, text: string, line: number | null): void {
    // Once stopped, what the peers say about their own teardown is noise.
    if (this.lifetime.signal.aborted) return;
    this.events.add(peer, kind, text, line);
  }
}
