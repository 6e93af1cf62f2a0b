// The exported program's tcp-client peer, mirroring socklab's: inert until an action drives it, it
// may open several connections at once (one waits in SYN_SENT while the server's accept queue is full).
// Python source, embedded as text.
export const PY_TCP_CLIENT_PEER = String.raw`class TcpClient(_StreamPeer):
    """Does nothing until an action drives it; may hold several connections."""

    CONNECT_WAIT = 3

    def __init__(self, spec, lesson):
        super().__init__(spec['name'], lesson)

    def start(self):
        pass

    def act_on(self, action):
        if action['do'] != 'connect':
            return super().act_on(action)
        host, port = action['host'], self.lesson.ports[action['port']]
        pending = []
        for _ in range(action['count']):
            used = {c.slot for c in self.connections}
            slot = next(n for n in range(1, len(used) + 2) if n not in used)
            sock = _socket.socket(_family(host), _socket.SOCK_STREAM)
            sock.setblocking(False)
            who = self.name if slot == 1 else f'{self.name} #{slot}'
            c = _Conn(sock, who, _address(host, port))
            c.slot, c.open = slot, False
            self.connections.append(c)
            code = sock.connect_ex((host, port))
            if code == _errno.EINPROGRESS:
                pending.append(c)
            else:
                self._settle(c, code)
        deadline = _time.monotonic() + self.CONNECT_WAIT
        for c in pending:
            outcome = self.act.wait(c.sock, True, max(0, deadline - _time.monotonic()))
            if outcome == 'ready':
                self._settle(c, c.sock.getsockopt(_socket.SOL_SOCKET, _socket.SO_ERROR))
            elif outcome == 'timeout':
                self.act.note(f'{c.who} is still connecting to {c.other} (a full accept queue)')
                self.act.spawn(self._handshake, c)

    def _handshake(self, c):
        if self.act.wait(c.sock, True) == 'ready':
            self._settle(c, c.sock.getsockopt(_socket.SOL_SOCKET, _socket.SO_ERROR))

    def _settle(self, c, code):
        if code == 0:
            c.open = True
            self.act.note(f'{c.who} connected to {c.other}')
        else:
            self.act.note(f'{c.who} could not connect to {c.other}: {_os.strerror(code)}')
            _close(c.sock)
            self.forget(c)
`;
