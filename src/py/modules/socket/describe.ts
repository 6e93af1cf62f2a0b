// What a blocked call is waiting for, in words a learner understands, for the `blocked` event:
// `accept()` waits for `a client on 127.0.0.1:9999` (try `nc 127.0.0.1 9999` in another terminal).
import { SYS, formatAddr, getpeernameOrNull, getsocknameOrNull, type SockAddr } from '../../../sys';
import type { PySocket } from './socket-object';

export interface BlockedWords {
  call: string;
  waitingFor: string;
  hint: string;
}

/**
 * `recv(1024)` from the source text of the call `conn.recv(1024)`: the method's name and the
 * argument list the learner typed (found by scanning the text, string literals skipped).
 */
export function callLabel(callText: string, name: string): string {
  let depth = 0;
  let argsAt = -1;
  for (let i = 0; i < callText.length; i++) {
    const c = callText[i];
    if (c === '"' || c === "'") {
      const triple = callText.startsWith(c.repeat(3), i);
      const close = triple ? c.repeat(3) : c;
      i += close.length;
      while (i < callText.length && !callText.startsWith(close, i)) i += callText[i] === '\\' ? 2 : 1;
      i += close.length - 1;
    } else if (c === '(' || c === '[' || c === '{') {
      if (depth === 0 && c === '(') argsAt = i;
      depth++;
    } else if (c === ')' || c === ']' || c === '}') {
      depth--;
    }
  }
  return argsAt < 0 ? `${name}()` : `${name}${callText.slice(argsAt)}`;
}

export function localOf(sock: PySocket): SockAddr | null {
  return sock.fd < 0 ? null : getsocknameOrNull(sock.fd);
}

export function peerOf(sock: PySocket): SockAddr | null {
  if (sock.peer !== null) return sock.peer;
  return sock.fd < 0 ? null : getpeernameOrNull(sock.fd);
}

/** The address a client would use: the wildcard addresses mean this machine. */
function reachable(addr: SockAddr): SockAddr {
  if (addr.family === 2 && addr.host === '0.0.0.0') return { ...addr, host: '127.0.0.1' };
  if (addr.family === 10 && addr.host === '::') return { ...addr, host: '::1' };
  return addr;
}

function ncCommand(addr: SockAddr | null, udp: boolean): string {
  if (addr === null || addr.family === 1) return '';
  const to = reachable(addr) as Exclude<SockAddr, { family: 1 }>;
  return `try nc ${udp ? '-u ' : ''}${to.host} ${to.port} in another terminal`;
}

function shown(addr: SockAddr | null, fallback: string): string {
  return addr === null ? fallback : formatAddr(addr) || fallback;
}

const isStream = (sock: PySocket): boolean => sock.sockType !== SYS.SOCK_DGRAM;

export function acceptWords(sock: PySocket, call: string): BlockedWords {
  const local = localOf(sock);
  return {
    call,
    waitingFor: `a client on ${shown(local, 'this socket')}`,
    hint: ncCommand(local, false),
  };
}

export function receiveWords(sock: PySocket, call: string): BlockedWords {
  if (!isStream(sock)) {
    const local = localOf(sock);
    return {
      call,
      waitingFor: `a datagram on ${shown(local, 'this socket')}`,
      hint: ncCommand(local, true),
    };
  }
  const peer = peerOf(sock);
  const from = shown(peer, 'the other side');
  return {
    call,
    waitingFor: `data from ${from}`,
    hint: `it returns as soon as ${from} sends something, or b'' once it closes the connection`,
  };
}

export function connectWords(to: SockAddr, call: string): BlockedWords {
  const target = shown(to, 'the server');
  return {
    call,
    waitingFor: `the handshake with ${target}`,
    hint: `the kernel is waiting for ${target} to answer (a server whose accept queue is full does not answer)`,
  };
}

export function sendWords(sock: PySocket, call: string): BlockedWords {
  const peer = peerOf(sock);
  const to = shown(peer, 'the other side');
  return {
    call,
    waitingFor: `room in the send buffer (${to} is not reading)`,
    hint: `the kernel sends more once ${to} calls recv() and frees its receive buffer`,
  };
}

export function resolveWords(host: string, call: string): BlockedWords {
  return {
    call,
    waitingFor: `the address of ${JSON.stringify(host)} (name resolution)`,
    hint: 'the resolver reads /etc/hosts and asks DNS; Ctrl-C gives up',
  };
}

/** For select(): what each watched socket waits for, at most a few of them. */
export function selectWords(call: string, reading: readonly (PySocket | number)[], writing: readonly (PySocket | number)[]): BlockedWords {
  const parts: string[] = [];
  for (const item of reading) {
    if (typeof item === 'number') parts.push(`fd ${item} to be readable`);
    else if (isListening(item)) parts.push(acceptWords(item, call).waitingFor);
    else parts.push(receiveWords(item, call).waitingFor);
  }
  for (const item of writing) {
    const where = typeof item === 'number' ? `fd ${item}` : shown(localOf(item), `fd ${item.fd}`);
    parts.push(`room to send on ${where}`);
  }
  const MAX_SHOWN = 4;
  const listed = parts.slice(0, MAX_SHOWN).join(', or ');
  const more = parts.length > MAX_SHOWN ? `, or ${parts.length - MAX_SHOWN} more` : '';
  return {
    call,
    waitingFor: parts.length === 0 ? 'the timeout (no socket is watched)' : `${listed}${more}`,
    hint: 'select() returns as soon as one of them is ready; each one it returns will not block',
  };
}

function isListening(sock: PySocket): boolean {
  return sock.entry.backlog !== null && isStream(sock);
}
