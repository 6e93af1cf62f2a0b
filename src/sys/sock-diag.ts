// The kernel's socket tables through netlink sock_diag (what `ss` uses): the same rows as /proc/net,
// several times cheaper, and an exact lookup of one connection by its four values in microseconds.
// Reading /proc/net/tcp walks the whole established hash table on every read (a few ms each here).
import { ERRNO, SysError } from './errno';
import { close, socket } from './calls';
import { recvInto, send } from './transfer';
import { SYS } from './platform';
import { formatIPv6, parseNumericHost, sameAddr, type SockAddr } from './sockaddr';
import { tcpStateName } from './tcp-states';
import { PROC_NET_PROTOS, type ProcNetProto, type ProcSocket } from './proc-net';

const AF_NETLINK = 16;
const NETLINK_SOCK_DIAG = 4;
const SOCK_DIAG_BY_FAMILY = 20;
const NLMSG_ERROR = 2;
const NLMSG_DONE = 3;
const NLM_F_REQUEST = 0x1;
const NLM_F_DUMP = 0x300;
const NLMSG_HDRLEN = 16;
const REQ_LEN = 56;
const MSG_LEN = 72;
const ALL_STATES = 0xffffffff;
const UDP_UNCONNECTED = 7;
// Bounds on one answer: every recv ends a batch; a dump cannot be longer than the kernel's table.
const MAX_BATCHES = 100_000;

let netlinkFd: number | null = null;
let seq = 0;
const reply = Buffer.alloc(256 * 1024);

function netlink(): number {
  netlinkFd ??= socket(AF_NETLINK, SYS.SOCK_DGRAM, NETLINK_SOCK_DIAG);
  return netlinkFd;
}

/** Closes the netlink socket (it is opened again on the next query). */
export function closeSockDiag(): void {
  if (netlinkFd !== null) close(netlinkFd);
  netlinkFd = null;
}

function writeAddr(buf: Buffer, at: number, addr: SockAddr | null, family: number): void {
  if (addr === null || addr.family === 1) return;
  const bytes = parseNumericHost(family, addr.host);
  if (bytes === null) throw new TypeError(`not a numeric ${family === SYS.AF_INET ? 'IPv4' : 'IPv6'} address: ${addr.host}`);
  bytes.copy(buf, at);
}

function request(family: number, protocol: number, flags: number, local: SockAddr | null, remote: SockAddr | null): Buffer {
  const buf = Buffer.alloc(NLMSG_HDRLEN + REQ_LEN);
  buf.writeUInt32LE(buf.length, 0);
  buf.writeUInt16LE(SOCK_DIAG_BY_FAMILY, 4);
  buf.writeUInt16LE(flags, 6);
  buf.writeUInt32LE((seq = (seq + 1) >>> 0), 8);
  const r = NLMSG_HDRLEN;
  buf.writeUInt8(family, r);
  buf.writeUInt8(protocol, r + 1);
  buf.writeUInt32LE(ALL_STATES, r + 4);
  const id = r + 8;
  if (local !== null && local.family !== 1) buf.writeUInt16BE(local.port, id);
  if (remote !== null && remote.family !== 1) buf.writeUInt16BE(remote.port, id + 2);
  writeAddr(buf, id + 4, local, family);
  writeAddr(buf, id + 20, remote, family);
  buf.writeUInt32LE(local !== null && local.family === 10 ? local.scopeId : 0, id + 36);
  // INET_DIAG_NOCOOKIE: match by address, not by a cookie we do not have.
  buf.writeUInt32LE(0xffffffff, id + 40);
  buf.writeUInt32LE(0xffffffff, id + 44);
  return buf;
}

function endpoint(buf: Buffer, portAt: number, addrAt: number, family: number): SockAddr {
  const port = buf.readUInt16BE(portAt);
  if (family === SYS.AF_INET) {
    return { family: 2, host: `${buf[addrAt]}.${buf[addrAt + 1]}.${buf[addrAt + 2]}.${buf[addrAt + 3]}`, port };
  }
  return { family: 10, host: formatIPv6(buf.subarray(addrAt, addrAt + 16)), port, flowinfo: 0, scopeId: 0 };
}

function row(buf: Buffer, at: number, proto: ProcNetProto): ProcSocket | null {
  const family = buf[at]!;
  const st = buf[at + 1]!;
  const state = proto.startsWith('udp') && st === UDP_UNCONNECTED ? 'UNCONN' : tcpStateName(st);
  if (state === undefined) return null;
  return {
    proto,
    local: endpoint(buf, at + 4, at + 8, family),
    remote: endpoint(buf, at + 6, at + 24, family),
    state,
    // For a listener these are the accept queue and the backlog (sk_max_ack_backlog).
    rxQueue: buf.readUInt32LE(at + 56),
    txQueue: buf.readUInt32LE(at + 60),
    uid: buf.readUInt32LE(at + 64),
    inode: buf.readUInt32LE(at + 68),
  };
}

/**
 * Sends one request and collects the rows of its answer; a kernel error becomes a SysError. The
 * kernel writes each batch before recv returns (during send, then during the previous recv), so the
 * non-blocking socket never has to wait; messages of an earlier, abandoned query are skipped by seq.
 */
function query(req: Buffer, proto: ProcNetProto, dump: boolean): ProcSocket[] {
  const fd = netlink();
  const wanted = req.readUInt32LE(8);
  send(fd, req);
  const rows: ProcSocket[] = [];
  for (let batch = 0; batch < MAX_BATCHES; batch++) {
    const n = recvInto(fd, reply);
    let answered = false;
    for (let at = 0; at + NLMSG_HDRLEN <= n; ) {
      const len = reply.readUInt32LE(at);
      const type = reply.readUInt16LE(at + 4);
      if (len < NLMSG_HDRLEN || at + len > n) throw new SysError(ERRNO.EPROTO, 'recv');
      if (reply.readUInt32LE(at + 8) === wanted) {
        answered = true;
        if (type === NLMSG_DONE) return rows;
        if (type === NLMSG_ERROR) {
          const errno = -reply.readInt32LE(at + NLMSG_HDRLEN);
          if (errno === 0) return rows;
          throw new SysError(errno, 'sock_diag');
        }
        if (type === SOCK_DIAG_BY_FAMILY && len >= NLMSG_HDRLEN + MSG_LEN) {
          const found = row(reply, at + NLMSG_HDRLEN, proto);
          if (found !== null) rows.push(found);
        }
      }
      at += (len + 3) & ~3;
    }
    if (answered && !dump) return rows;
  }
  throw new SysError(ERRNO.EPROTO, 'sock_diag');
}

const PROTO_PARAMS: Record<ProcNetProto, [number, number]> = {
  tcp: [SYS.AF_INET, SYS.IPPROTO_TCP],
  tcp6: [SYS.AF_INET6, SYS.IPPROTO_TCP],
  udp: [SYS.AF_INET, SYS.IPPROTO_UDP],
  udp6: [SYS.AF_INET6, SYS.IPPROTO_UDP],
};

/** The same rows as readProcNet (LISTEN rows carry accept queue and backlog), by netlink. */
export function listSockets(protos: readonly ProcNetProto[] = PROC_NET_PROTOS): ProcSocket[] {
  const rows: ProcSocket[] = [];
  for (const proto of protos) {
    const [family, protocol] = PROTO_PARAMS[proto];
    for (const r of query(request(family, protocol, NLM_F_REQUEST | NLM_F_DUMP, null, null), proto, true)) rows.push(r);
  }
  return rows;
}

/**
 * The kernel's socket for one TCP connection, by its local and remote address (both of one inet
 * family), whether or not an fd still holds it: how to follow a closed connection through FIN_WAIT2
 * and TIME_WAIT. Null when the kernel has no such connection (any more). A listener is found by its
 * address with the wildcard remote (0.0.0.0:0 or [::]:0).
 */
export function findTcpConnection(local: SockAddr, remote: SockAddr): ProcSocket | null {
  if (local.family === 1 || local.family !== remote.family) {
    throw new TypeError('a TCP connection has two inet addresses of the same family');
  }
  const proto: ProcNetProto = local.family === SYS.AF_INET ? 'tcp' : 'tcp6';
  try {
    const found = query(request(local.family, SYS.IPPROTO_TCP, NLM_F_REQUEST, local, remote), proto, false)[0];
    // The kernel's lookup falls back to a listener on the local address: that is not this connection.
    return found !== undefined && sameAddr(found.local, local) && sameAddr(found.remote, remote) ? found : null;
  } catch (e) {
    if (e instanceof SysError && e.errno === ERRNO.ENOENT) return null;
    throw e;
  }
}
