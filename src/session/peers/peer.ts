// What every kind of peer is to the host: started, driven by actions, asked for its state, stopped.
import type { PeerAction, PeerKind } from '../../lesson/model';
import type { PeerContext } from './peer-context';
import type { PeerEventKind } from './peer-log';
import { byteCount } from './shown-bytes';

export abstract class Peer {
  abstract readonly kind: PeerKind;
  private recordFullNoted = false;

  constructor(
    /** The lesson's name: `peer_received('client')`. */
    readonly name: string,
    /** The name the screen shows: 'web server', 'client'. */
    readonly display: string,
    protected readonly ctx: PeerContext,
  ) {}

  /** Servers listen here (throwing a PeerStartError); clients do nothing until an action drives them. */
  start(): void {}

  /** Runs one action to its end; never throws (what went wrong is in the log). */
  abstract act(action: PeerAction, signal: AbortSignal): Promise<void>;

  /** peer_state(): the kernel's state of the peer's socket, as lessons/README.md documents it. */
  abstract state(): string;

  /** peer_connections(): the connections it has open now. */
  abstract connections(): number;

  /** Closes every socket it holds (the lesson is over). */
  abstract closeAll(): void;

  protected note(kind: PeerEventKind, text: string, line: number | null = null): void {
    this.ctx.note(this.name, kind, text, line);
  }

  /** Adds received bytes to the peer's record (what peer_received() returns). */
  protected record(data: Uint8Array): void {
    if (this.ctx.records.add(this.name, data) || this.recordFullNoted) return;
    this.recordFullNoted = true;
    this.note(
      'error',
      `${this.display} has received more than ${byteCount(this.ctx.limits.recordBytes)}: the rest is read but not kept`,
    );
  }

  /** An action this kind of peer does not have (the validator rejects it; a hand-made lesson may not). */
  protected cannot(action: PeerAction): void {
    this.note('error', `${this.display} cannot ${action.type}(): a ${this.kind} peer has no such action`, action.line);
  }
}

/** A server's screen name: 'web' -> 'web server'; a name that says server already stays as it is. */
export function serverDisplayName(name: string): string {
  return /server/i.test(name) ? name : `${name} server`;
}
