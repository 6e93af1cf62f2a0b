// What the peers did, in words for the screen, so a class sees the other side act. Bytes appear only
// as Python bytes reprs (see shown-bytes.ts). The log keeps the latest events: a hostile learner can
// make a peer act thousands of times.

export type PeerEventKind =
  | 'listen'
  | 'accept'
  | 'connect'
  | 'send'
  | 'recv'
  | 'shutdown'
  | 'close'
  | 'reset'
  | 'stop'
  | 'timeout'
  | 'error';

export interface PeerEvent {
  /** 1-based, increasing: tells events apart after old ones have been dropped. */
  seq: number;
  /** Date.now() when it happened. */
  time: number;
  /** The lesson's name for the peer ('client', 'web'). */
  peer: string;
  kind: PeerEventKind;
  /** One sentence: "client connected to 127.0.0.1:40123", "web server got a request: GET / HTTP/1.1". */
  text: string;
  /** The line of the lesson's peer action that made it happen; null for what a server does on its own. */
  line: number | null;
}

export type PeerEventListener = (event: PeerEvent) => void;

export const DEFAULT_LOG_SIZE = 1000;

export class PeerLog {
  private readonly events: PeerEvent[] = [];
  private readonly listeners = new Set<PeerEventListener>();
  private seq = 0;

  constructor(private readonly size = DEFAULT_LOG_SIZE) {}

  add(peer: string, kind: PeerEventKind, text: string, line: number | null = null): PeerEvent {
    const event: PeerEvent = { seq: ++this.seq, time: Date.now(), peer, kind, text, line };
    this.events.push(event);
    if (this.events.length > this.size) this.events.splice(0, this.events.length - this.size);
    for (const listener of [...this.listeners]) {
      try {
        listener(event);
      } catch {
        // A failing listener (the screen) must not stop a peer in the middle of a conversation.
      }
    }
    return event;
  }

  /** The latest events, oldest first. */
  all(): PeerEvent[] {
    return [...this.events];
  }

  /** Calls `listener` for every new event; returns the function that unsubscribes. */
  subscribe(listener: PeerEventListener): () => void {
    this.listeners.add(listener);
    return () => {
      this.listeners.delete(listener);
    };
  }
}
