import { describe, expect, it } from 'vitest';
import {
  RequestHead,
  headEnd,
  headTooLargeResponse,
  httpResponse,
  requestLine,
  statusLine,
} from '../../src/session/peers/http-exchange';
import { bytesOf, httpServer } from './helpers';

const text = (bytes: Uint8Array) => Buffer.from(bytes).toString('latin1');

describe('headEnd', () => {
  it('finds the end of the blank line, with \\r\\n or bare \\n line ends', () => {
    expect(headEnd(bytesOf('GET / HTTP/1.1\r\nHost: a\r\n\r\nbody'))).toBe(27);
    expect(headEnd(bytesOf('GET / HTTP/1.0\n\n'))).toBe(16);
    expect(headEnd(bytesOf('GET / HTTP/1.0\r\n\n'))).toBe(17);
  });

  it('is -1 while the blank line has not come', () => {
    expect(headEnd(bytesOf('GET / HTTP/1.1\r\nHost: a\r\n'))).toBe(-1);
    expect(headEnd(bytesOf('GET / HTTP/1.1\r\n\r'))).toBe(-1);
    expect(headEnd(new Uint8Array(0))).toBe(-1);
  });
});

describe('RequestHead', () => {
  it('finds a blank line split across chunks, one byte at a time', () => {
    const head = new RequestHead(1000);
    const request = 'GET /x HTTP/1.1\r\nHost: a\r\n\r\n';
    const progress = [...request].map((ch) => head.push(bytesOf(ch)));
    expect(progress.slice(0, -1).every((p) => p === 'more')).toBe(true);
    expect(progress[progress.length - 1]).toBe('complete');
    expect(text(head.line)).toBe('GET /x HTTP/1.1');
    expect(head.length).toBe(request.length);
  });

  it('refuses a head longer than its limit', () => {
    const head = new RequestHead(10);
    expect(head.push(bytesOf('GET / HTTP'))).toBe('more');
    expect(head.push(bytesOf('/1.1'))).toBe('too-large');
  });
});

describe('responses', () => {
  it('answers with status line, Content-Type, Content-Length, Connection: close, extra headers, then the body', () => {
    const spec = httpServer({ headers: [['X-Lesson', 'socklab']], body: { bytes: bytesOf('<h1>Hi</h1>\n'), text: null, encoding: null, source: '' } });
    expect(text(httpResponse(spec))).toBe(
      'HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\nContent-Length: 12\r\nConnection: close\r\n' +
        'X-Lesson: socklab\r\n\r\n<h1>Hi</h1>\n',
    );
    expect(statusLine(spec)).toBe('HTTP/1.1 200 OK');
  });

  it('counts the body in bytes, not characters', () => {
    const spec = httpServer({ status: 404, reason: 'Not Found', body: { bytes: new TextEncoder().encode('你好'), text: '你好', encoding: 'utf-8', source: '' } });
    const response = text(httpResponse(spec));
    expect(response.startsWith('HTTP/1.1 404 Not Found\r\n')).toBe(true);
    expect(response).toContain('Content-Length: 6\r\n');
  });

  it('has a complete 431 answer for a head too large', () => {
    const response = text(headTooLargeResponse());
    expect(response.startsWith('HTTP/1.1 431 Request Header Fields Too Large\r\n')).toBe(true);
    const [head, body] = response.split('\r\n\r\n');
    expect(head).toContain(`Content-Length: ${body!.length}`);
  });

  it('takes the request line up to the first line end', () => {
    expect(text(requestLine(bytesOf('GET / HTTP/1.1\r\nHost: a')))).toBe('GET / HTTP/1.1');
    expect(text(requestLine(bytesOf('no line end')))).toBe('no line end');
  });
});
