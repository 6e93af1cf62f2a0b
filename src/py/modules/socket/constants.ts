// The socket module's constants, read from sys/'s platform table (never typed again here): the IntEnum
// and IntFlag types CPython 3.11 wraps some of them in, and the plain ints for the rest.
import { SYS } from '../../../sys';
import type { PyObject } from '../../objects/object';
import { newInt } from '../../objects/int';
import { makeIntEnum, type IntEnum } from '../../objects/int-enum';

type SysName = keyof typeof SYS;

function membersWith(prefix: string, except: readonly string[] = []): Record<string, number> {
  const members: Record<string, number> = {};
  for (const name of Object.keys(SYS) as SysName[]) {
    if (name.startsWith(prefix) && !except.includes(name)) members[name] = SYS[name];
  }
  return members;
}

export const AddressFamily: IntEnum = makeIntEnum({
  name: 'AddressFamily',
  module: 'socket',
  doc: 'The address families: AF_INET (IPv4), AF_INET6 (IPv6), AF_UNIX (a path on this machine).',
  members: membersWith('AF_'),
});

export const SocketKind: IntEnum = makeIntEnum({
  name: 'SocketKind',
  module: 'socket',
  doc: 'The socket types: SOCK_STREAM (TCP, a reliable byte stream), SOCK_DGRAM (UDP, separate datagrams).',
  members: membersWith('SOCK_'),
});

export const MsgFlag: IntEnum = makeIntEnum({
  name: 'MsgFlag',
  module: 'socket',
  doc: 'Flags for send and recv, combined with |: MSG_PEEK looks at data without taking it, MSG_WAITALL waits for the whole size.',
  members: membersWith('MSG_'),
  flag: true,
});

export const AddressInfo: IntEnum = makeIntEnum({
  name: 'AddressInfo',
  module: 'socket',
  doc: "Flags for getaddrinfo, combined with |: AI_PASSIVE asks for an address to bind to, AI_CANONNAME for the host's canonical name.",
  members: membersWith('AI_'),
  flag: true,
});

// SOCK_ is the SocketKind enum and MSG_/AI_ are flags; AF_ likewise. Everything else is a plain int.
const PLAIN_PREFIXES = ['SOL_', 'SO_', 'IPPROTO_', 'IP_', 'IPV6_', 'TCP_', 'SHUT_', 'NI_', 'EAI_', 'INADDR_'];

/** Every constant the module exports, by name, in the platform table's order. */
export function socketConstants(): Map<string, PyObject> {
  const out = new Map<string, PyObject>();
  for (const e of [AddressFamily, SocketKind, MsgFlag, AddressInfo]) {
    for (const [name, member] of e.members) out.set(name, member);
  }
  for (const name of Object.keys(SYS) as SysName[]) {
    if (PLAIN_PREFIXES.some((p) => name.startsWith(p))) out.set(name, newInt(SYS[name]));
  }
  out.set('SOMAXCONN', newInt(SYS.SOMAXCONN));
  return out;
}

/** The member for a value of an enum, or the plain int when the enum has no such member (CPython's _intenum_converter). */
export function enumOrInt(e: IntEnum, value: number): PyObject {
  const wanted = BigInt(value);
  for (const member of e.members.values()) if (member.value === wanted) return member;
  return newInt(value);
}
