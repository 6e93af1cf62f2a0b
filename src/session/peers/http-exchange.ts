// The HTTP server's side of one exchange, without I/O: collecting a request head up to its blank line
// (bounded), and the bytes of the answer.
import type { HttpServerSpec } from '../../lesson/model';

const LF = 0x0a;
const CR = 0x0d;

/**
 * Where the head ends: the index just past the blank line, or -1. Bare '\n' line ends are accepted
 * as well as '\r\n', as Python's http.server does. `from` lets a caller search only new bytes.
 */
export function headEnd(data: Uint8Array, from = 0): number {
  for (let i = Math.max(0, from); i < data.length; i++) {
    if (data[i] !== LF) continue;
    if (data[i + 1] === LF) return i + 2;
    if (data[i + 1] === CR && data[i + 2] === LF) return i + 3;
  }
  return -1;
}

/** The request line: everything before the first line end. */
export function requestLine(head: Uint8Array): Uint8Array {
  for (let i = 0; i < head.length; i++) if (head[i] === CR || head[i] === LF) return head.subarray(0, i);
  return head;
}

export type HeadProgress = 'more' | 'complete' | 'too-large';

/** Collects a request's bytes until the blank line, refusing a head longer than `limit` bytes. */
export class RequestHead {
  private chunks: Uint8Array[] = [];
  private size = 0;
  private end = -1;

  constructor(private readonly limit: number) {}

  push(chunk: Uint8Array): HeadProgress {
    if (this.end >= 0) return 'complete';
    const before = this.size;
    this.chunks.push(chunk);
    this.size += chunk.length;
    const all = this.bytes();
    // A blank line may straddle two chunks: look again from just before the new bytes.
    this.end = headEnd(all, before - 2);
    if (this.end >= 0) return 'complete';
    return this.size > this.limit ? 'too-large' : 'more';
  }

  /** Everything received so far (the head, and whatever followed it in the same reads). */
  bytes(): Uint8Array {
    if (this.chunks.length !== 1) {
      const joined = Buffer.concat(this.chunks);
      this.chunks = [joined];
    }
    return this.chunks[0] ?? new Uint8Array(0);
  }

  get length(): number {
    return this.size;
  }

  get line(): Uint8Array {
    return requestLine(this.bytes());
  }
}

const encoder = new TextEncoder();

function head(status: number, reason: string, headers: [string, string][]): string {
  return `HTTP/1.1 ${status} ${reason}\r\n${headers.map(([name, value]) => `${name}: ${value}\r\n`).join('')}\r\n`;
}

/** Status line, Content-Type, Content-Length, Connection: close, the extra headers, a blank line, the body. */
export function httpResponse(spec: Pick<HttpServerSpec, 'status' | 'reason' | 'contentType' | 'headers' | 'body'>): Uint8Array {
  const body = spec.body.bytes;
  const headers: [string, string][] = [
    ['Content-Type', spec.contentType],
    ['Content-Length', String(body.length)],
    ['Connection', 'close'],
    ...spec.headers,
  ];
  return Buffer.concat([encoder.encode(head(spec.status, spec.reason, headers)), body]);
}

/** The answer to a request head over the limit (what http.server's 431 says, in short). */
export function headTooLargeResponse(): Uint8Array {
  const body = encoder.encode('Request header fields too large\n');
  const headers: [string, string][] = [
    ['Content-Type', 'text/plain; charset=utf-8'],
    ['Content-Length', String(body.length)],
    ['Connection', 'close'],
  ];
  return Buffer.concat([encoder.encode(head(431, 'Request Header Fields Too Large', headers)), body]);
}

/** 'HTTP/1.1 200 OK' for the log. */
export function statusLine(spec: Pick<HttpServerSpec, 'status' | 'reason'>): string {
  return `HTTP/1.1 ${spec.status} ${spec.reason}`;
}
