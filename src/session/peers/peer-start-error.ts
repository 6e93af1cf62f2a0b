/** A server peer could not start: which one, and why (the port is taken, the lesson lacks it ...). */
export class PeerStartError extends Error {
  constructor(
    readonly peer: string,
    message: string,
  ) {
    super(message);
    this.name = 'PeerStartError';
  }
}
