// Socket addresses cut to a column: the port is what a learner compares, so the host gives way first
// ('127.0…:51968', '[fe80::…]:9999').
import { displayWidth, truncateEnd } from './text-width';

export function truncateAddress(address: string, width: number): string {
  if (displayWidth(address) <= width) return address;
  const colon = address.lastIndexOf(':');
  const port = colon > 0 ? address.slice(colon) : '';
  const host = colon > 0 ? address.slice(0, colon) : address;
  if (!/^:\d+$/.test(port) || width < port.length + 2) return truncateEnd(address, width);
  const room = width - port.length;
  if (host.startsWith('[') && host.endsWith(']') && room >= 3) {
    return `${truncateEnd(host.slice(0, -1), room - 1)}]${port}`;
  }
  return `${truncateEnd(host, room)}${port}`;
}
