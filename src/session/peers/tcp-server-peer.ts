// A tcp-server peer, exactly as the lesson model documents it: on each connection it sends the
// greeting (and closes at once after it if close_after_greeting); then each chunk recv(recv_size)
// returns is answered with the reply template; b'' or the exit message ends the conversation.
import type { PeerContext } from './peer-context';
import type { TcpServerSpec } from '../../lesson/model';
import { fillReply, isExitMessage } from './fill-reply';
import { ListeningPeer } from './listening-peer';
import { receive } from './stream-io';
import type { StreamConn } from './stream-peer';
import { shownBytes } from './shown-bytes';
import { yieldTurn } from './waits';

/** Chunks handled in a row before other work gets a turn (a learner may send 100 MB). */
const BURST = 64;

export class TcpServerPeer extends ListeningPeer {
  readonly kind = 'tcp-server';

  constructor(
    private readonly spec: TcpServerSpec,
    ctx: PeerContext,
  ) {
    super(spec, ctx);
  }

  protected async converse(conn: StreamConn): Promise<void> {
    const { spec } = this;
    if (spec.greeting !== null) {
      if (!(await this.write(conn, spec.greeting.bytes, shownBytes(spec.greeting.bytes)))) return;
      if (spec.closeAfterGreeting) return this.retire(conn);
    }
    let burst = 0;
    for (;;) {
      // A server waits for its client as long as the lesson runs: the learner may type slowly.
      const got = await receive(this.ctx.reactor, conn.sock, spec.recvSize, null, this.ctx.lifetime);
      if (!got.ok) {
        if (got.why === 'error') {
          this.note('error', `${this.display} lost the connection from ${conn.other}: ${got.error.message}`);
          this.closeConn(conn, false, null);
        }
        return;
      }
      const data = got.data;
      if (data.length === 0) {
        this.note('recv', `${this.display} received b'' from ${conn.other}: the client closed its end`);
        return this.retire(conn);
      }
      this.record(data);
      if (spec.exit !== null && isExitMessage(data, spec.exit.bytes)) {
        this.note('recv', `${this.display} received ${shownBytes(data)} from ${conn.other}: the exit message ends the conversation`);
        return this.retire(conn);
      }
      this.note('recv', `${this.display} received ${shownBytes(data)} from ${conn.other}`);
      if (spec.reply !== null) {
        const reply = fillReply(spec.reply, data, spec.encoding);
        if (!(await this.write(conn, reply, shownBytes(reply)))) return;
      }
      if (++burst >= BURST) {
        burst = 0;
        await yieldTurn();
      }
    }
  }
}
