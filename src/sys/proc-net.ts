// The kernel's table of every TCP and UDP socket in this network namespace, from /proc/net. It is the
// only place to see sockets that no fd holds any more (TIME_WAIT, an orphaned FIN_WAIT2) and the
// other end of a connection owned by another program.
import { readFileSync } from 'node:fs';
import { formatIPv6, type SockAddr } from './sockaddr';
import { tcpStateName, type TcpStateName } from './tcp-states';

export type ProcNetProto = 'tcp' | 'tcp6' | 'udp' | 'udp6';

export interface ProcSocket {
  proto: ProcNetProto;
  local: SockAddr;
  remote: SockAddr;
  /** TCP: the kernel's state. UDP: 'UNCONN' (no default peer) or 'ESTABLISHED' (after connect). */
  state: TcpStateName | 'UNCONN';
  /**
   * Connected TCP: bytes sent and not yet acknowledged. UDP: send memory. LISTEN: 0 here (write_seq -
   * snd_una); the backlog is not in /proc (`ss` gets it by netlink): read it with probeFd (TCP_INFO).
   */
  txQueue: number;
  /** Connected TCP: bytes not yet read. LISTEN: connections waiting for accept(). UDP: receive memory. */
  rxQueue: number;
  /** The socket's inode (0 for a socket no fd holds, like TIME_WAIT); compare with socketInode(fd). */
  inode: number;
  uid: number;
}

export const PROC_NET_PROTOS: readonly ProcNetProto[] = ['tcp', 'tcp6', 'udp', 'udp6'];

const UDP_UNCONNECTED = 7;

/** '0100007F:1F90' -> 127.0.0.1:8080 (the address is the raw in-memory bytes, printed per 32-bit word). */
function parseEndpoint(text: string, v6: boolean): SockAddr | null {
  const colon = text.indexOf(':');
  if (colon < 0) return null;
  const hex = text.slice(0, colon);
  const port = parseInt(text.slice(colon + 1), 16);
  if (!Number.isInteger(port) || hex.length !== (v6 ? 32 : 8)) return null;
  const bytes = Buffer.allocUnsafe(hex.length / 2);
  for (let word = 0; word < hex.length / 8; word++) {
    const value = parseInt(hex.slice(word * 8, word * 8 + 8), 16);
    if (!Number.isFinite(value)) return null;
    bytes.writeUInt32LE(value >>> 0, word * 4);
  }
  if (!v6) return { family: 2, host: `${bytes[0]}.${bytes[1]}.${bytes[2]}.${bytes[3]}`, port };
  return { family: 10, host: formatIPv6(bytes), port, flowinfo: 0, scopeId: 0 };
}

/** The rows of one /proc/net file's text; lines that do not parse are skipped. */
export function parseProcNet(proto: ProcNetProto, text: string): ProcSocket[] {
  const v6 = proto.endsWith('6');
  const udp = proto.startsWith('udp');
  const rows: ProcSocket[] = [];
  const lines = text.split('\n');
  // Line 0 is the column header.
  for (let i = 1; i < lines.length; i++) {
    const f = lines[i]!.trim().split(/\s+/);
    if (f.length < 10) continue;
    const local = parseEndpoint(f[1]!, v6);
    const remote = parseEndpoint(f[2]!, v6);
    const st = parseInt(f[3]!, 16);
    const queues = f[4]!.split(':');
    const name = udp && st === UDP_UNCONNECTED ? 'UNCONN' : tcpStateName(st);
    if (local === null || remote === null || name === undefined || queues.length !== 2) continue;
    rows.push({
      proto,
      local,
      remote,
      state: name,
      txQueue: parseInt(queues[0]!, 16),
      rxQueue: parseInt(queues[1]!, 16),
      uid: Number(f[7]),
      inode: Number(f[9]),
    });
  }
  return rows;
}

/**
 * Every socket in /proc/net/tcp, tcp6, udp, udp6 (or only the `protos` asked for). A file that does
 * not exist (a kernel without IPv6) or cannot be read counts as empty.
 */
export function readProcNet(protos: readonly ProcNetProto[] = PROC_NET_PROTOS): ProcSocket[] {
  const rows: ProcSocket[] = [];
  for (const proto of protos) {
    let text: string;
    try {
      text = readFileSync(`/proc/net/${proto}`, 'latin1');
    } catch {
      continue;
    }
    for (const row of parseProcNet(proto, text)) rows.push(row);
  }
  return rows;
}
