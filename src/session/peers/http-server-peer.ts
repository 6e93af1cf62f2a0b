// An http-server peer: reads each request up to its blank line (a head too large is answered 431),
// answers with the status line, Content-Type, Content-Length, Connection: close, the lesson's extra
// headers and the body, then closes the connection.
import type { HttpServerSpec } from '../../lesson/model';
import { RequestHead, headTooLargeResponse, httpResponse, statusLine } from './http-exchange';
import { ListeningPeer } from './listening-peer';
import type { PeerContext } from './peer-context';
import { receive } from './stream-io';
import type { StreamConn } from './stream-peer';
import { byteCount, shownLine } from './shown-bytes';

const READ_SIZE = 4096;

export class HttpServerPeer extends ListeningPeer {
  readonly kind = 'http-server';
  private readonly response: Uint8Array;

  constructor(
    private readonly spec: HttpServerSpec,
    ctx: PeerContext,
  ) {
    super(spec, ctx);
    this.response = httpResponse(spec);
  }

  protected async converse(conn: StreamConn): Promise<void> {
    const head = new RequestHead(this.ctx.limits.requestHeadBytes);
    for (;;) {
      const got = await receive(this.ctx.reactor, conn.sock, READ_SIZE, null, this.ctx.lifetime);
      if (!got.ok) {
        if (got.why === 'error') {
          this.note('error', `${this.display} lost the connection from ${conn.other}: ${got.error.message}`);
          this.closeConn(conn, false, null);
        }
        return;
      }
      if (got.data.length === 0) {
        if (head.length === 0) {
          this.note('recv', `${this.display} received b'' from ${conn.other}: the client closed without a request`);
          return this.retire(conn);
        }
        // The client ended its side after a head without its blank line: answer what came, as
        // Python's http.server does.
        break;
      }
      this.record(got.data);
      const progress = head.push(got.data);
      if (progress === 'complete') break;
      if (progress === 'too-large') {
        this.note(
          'error',
          `${this.display} got a request head over ${byteCount(this.ctx.limits.requestHeadBytes)} from ${conn.other} without its blank line`,
        );
        if (await this.write(conn, headTooLargeResponse(), 'HTTP/1.1 431 Request Header Fields Too Large')) this.retire(conn);
        return;
      }
    }
    this.note('recv', `${this.display} got a request: ${shownLine(head.line)}`);
    const body = byteCount(this.spec.body.bytes.length);
    if (await this.write(conn, this.response, `${statusLine(this.spec)} with ${body} of body`)) this.retire(conn);
  }
}
