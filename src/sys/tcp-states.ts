// The kernel's TCP states, numbered as in include/net/tcp_states.h (the byte in TCP_INFO and the
// `st` column of /proc/net/tcp). One table; everything else looks names up here.

export type TcpStateName =
  | 'ESTABLISHED'
  | 'SYN_SENT'
  | 'SYN_RECV'
  | 'FIN_WAIT1'
  | 'FIN_WAIT2'
  | 'TIME_WAIT'
  | 'CLOSE'
  | 'CLOSE_WAIT'
  | 'LAST_ACK'
  | 'LISTEN'
  | 'CLOSING'
  | 'NEW_SYN_RECV';

export const TCP_STATE_NUMBERS: Readonly<Record<TcpStateName, number>> = Object.freeze({
  ESTABLISHED: 1,
  SYN_SENT: 2,
  SYN_RECV: 3,
  FIN_WAIT1: 4,
  FIN_WAIT2: 5,
  TIME_WAIT: 6,
  CLOSE: 7,
  CLOSE_WAIT: 8,
  LAST_ACK: 9,
  LISTEN: 10,
  CLOSING: 11,
  NEW_SYN_RECV: 12,
});

const NAMES: readonly (TcpStateName | undefined)[] = (() => {
  const names: (TcpStateName | undefined)[] = [];
  for (const [name, n] of Object.entries(TCP_STATE_NUMBERS) as [TcpStateName, number][]) names[n] = name;
  return names;
})();

/** 'LISTEN' for 10; undefined for a number the kernel does not use. */
export function tcpStateName(n: number): TcpStateName | undefined {
  return NAMES[n];
}
