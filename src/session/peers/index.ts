// The live peers of a lesson: the other end of every conversation, on real sockets in this process.
export { PeerHost } from './peer-host';
export type { PeerHostEnv } from './peer-host';
export { PeerStartError } from './peer-start-error';
export { DEFAULT_PEER_LIMITS } from './peer-context';
export type { PeerLimits } from './peer-context';
export type { PeerEvent, PeerEventKind, PeerEventListener } from './peer-log';
export { PortChoiceError, choosePorts } from './choose-ports';
