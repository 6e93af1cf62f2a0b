// What a lesson run plays on: its own free ports, its peers (started, attached to the session, and
// stopped), and the names the lesson gives the learner (PORT, HOST, HOST6, UNIX_PATH). Each rewind
// sets a fresh stage: new ports, since the old ones may sit in TIME_WAIT.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { newStr, toPy } from '../../py';
import { portNames, type Lesson, type PortName } from '../../lesson';
import { PeerHost, choosePorts, type PeerEvent, type PeerLimits } from '../peers';
import type { Session } from '../session';

export interface LessonStageOptions {
  /** Ports to use instead of choosing free ones (tests). */
  ports?: readonly number[];
  peerLimits?: Partial<PeerLimits>;
}

export class LessonStage {
  private readonly lesson: Lesson;
  private readonly session: Session;
  private readonly options: LessonStageOptions;
  private host: PeerHost | null = null;
  private detach: (() => void) | null = null;
  private unsubscribe: (() => void) | null = null;
  private portValues: Partial<Record<PortName, number>> = {};
  private unixDir: string | null = null;

  constructor(lesson: Lesson, session: Session, options: LessonStageOptions) {
    this.lesson = lesson;
    this.session = session;
    this.options = options;
  }

  get ports(): Readonly<Partial<Record<PortName, number>>> {
    return this.portValues;
  }

  /** The running peers; null before set() and after clear(). */
  get peers(): PeerHost | null {
    return this.host;
  }

  /**
   * Clears the stage and sets a fresh one: the learner's sockets closed (session reset), new ports,
   * the peers started and attached, the lesson's names defined. `onPeerEvent` hears the new peers.
   */
  async set(onPeerEvent: (event: PeerEvent) => void): Promise<void> {
    await this.clear();
    this.session.reset();
    const { settings } = this.lesson;
    const chosen = this.options.ports ?? (await choosePorts(settings.ports, { ipv6: settings.ipv6 }));
    this.portValues = {};
    portNames(settings).forEach((name, i) => (this.portValues[name] = chosen[i]!));
    const host = new PeerHost(this.lesson.peers, { reactor: this.session.reactor, ports: this.portValues, limits: this.options.peerLimits ?? {} });
    this.host = host;
    this.unsubscribe = host.onEvent(onPeerEvent);
    await host.start();
    this.detach = this.session.attachPeers(host);
    this.defineNames();
  }

  /** Stops the peers. The names stay defined until the next set(). */
  async clear(): Promise<void> {
    this.unsubscribe?.();
    this.unsubscribe = null;
    this.detach?.();
    this.detach = null;
    const host = this.host;
    this.host = null;
    if (host) await host.stop();
  }

  /** Clears the stage for good, the lesson's private directory with it. */
  async close(): Promise<void> {
    await this.clear();
    this.removeUnixDir();
  }

  private defineNames(): void {
    for (const [name, port] of Object.entries(this.portValues)) this.session.define(name, toPy(port));
    this.session.define('HOST', newStr('127.0.0.1'));
    if (this.lesson.settings.ipv6) this.session.define('HOST6', newStr('::1'));
    if (this.lesson.settings.unix) {
      // A private directory: nobody else can take the path, and no stale socket file from an earlier
      // run is in the way of bind().
      this.removeUnixDir();
      this.unixDir = mkdtempSync(join(tmpdir(), 'socklab-'));
      this.session.define('UNIX_PATH', newStr(join(this.unixDir, 'lesson.sock')));
    }
  }

  private removeUnixDir(): void {
    if (this.unixDir === null) return;
    try {
      rmSync(this.unixDir, { recursive: true, force: true });
    } catch {
      // Left in the temporary directory: harmless.
    }
    this.unixDir = null;
  }
}
