// The UDP peers of the exported program, mirroring socklab's udp-server and udp-client. Python
// source, embedded as text.
export const PY_DATAGRAM_PEERS = String.raw`def _receive_from(act, sock, size, timeout=None):
    """The next datagram and its sender, or None when the wait ended first."""
    return _read_when_ready(act, sock, lambda: sock.recvfrom(size), timeout)


class UdpServer:
    """Answers each datagram with its reply template, sent back to the datagram's sender."""

    def __init__(self, spec, lesson):
        self.name = spec['name']
        self.spec = spec
        self.lesson = lesson
        self.act = lesson._act
        self.sock = None

    def start(self):
        spec = self.spec
        sock, port = _bound_socket(self.lesson, spec, _socket.SOCK_DGRAM)
        sock.setblocking(False)
        self.sock = sock
        self.act.note(f'{self.name} waiting for datagrams on {_address(spec["host"], port)}')
        self.act.spawn(self._serve, sock)

    def _serve(self, sock):
        while sock.fileno() >= 0:
            try:
                got = _receive_from(self.act, sock, self.spec['recv_size'])
            except OSError as error:
                self.act.note(f'{self.name} recvfrom() failed: {error}')
                continue
            if got is None:
                return
            data, sender = got
            self.act.note(f'{self.name} received {data[:80]!r} from {_address(*sender[:2])}')
            if self.spec['reply'] is not None:
                self._send(_fill(self.spec['reply'], data, self.spec['encoding']), sender)

    def _send(self, data, to):
        try:
            self.sock.sendto(data, to)
            self.act.note(f'{self.name} sent {data[:80]!r} to {_address(to[0], to[1])}')
        except OSError as error:
            self.act.note(f'{self.name} could not send to {_address(to[0], to[1])}: {error}')

    def act_on(self, action):
        if action['do'] == 'sendto' and self.sock is not None:
            self._send(action['data'], (action['host'], self.lesson.ports[action['port']]))
        elif action['do'] == 'stop' and self.sock is not None:
            _close(self.sock)
            self.sock = None
            self.act.note(f'{self.name} closed its socket')

    def close_all(self):
        if self.sock is not None:
            _close(self.sock)


class UdpClient:
    """Does nothing until an action drives it; its socket is made by its first sendto()."""

    RECV_WAIT = 300

    def __init__(self, spec, lesson):
        self.name = spec['name']
        self.lesson = lesson
        self.act = lesson._act
        self.socks = []

    def start(self):
        pass

    def act_on(self, action):
        do = action['do']
        if do == 'sendto':
            family = _family(action['host'])
            sock = next((s for s in self.socks if s.family == family), None)
            if sock is None:
                sock = _socket.socket(family, _socket.SOCK_DGRAM)
                sock.setblocking(False)
                self.socks.append(sock)
            to = (action['host'], self.lesson.ports[action['port']])
            try:
                sock.sendto(action['data'], to)
                self.act.note(f'{self.name} sent {action["data"][:80]!r} to {_address(*to)}')
            except OSError as error:
                self.act.note(f'{self.name} could not send to {_address(to[0], to[1])}: {error}')
        elif do == 'recv':
            self.act.join([self.act.spawn(self._recv, s, action['max']) for s in self.socks])
        elif do == 'close':
            self.close_all()
            self.socks = []

    def _recv(self, sock, size):
        try:
            got = _receive_from(self.act, sock, size, self.RECV_WAIT)
        except OSError as error:
            self.act.note(f'{self.name} could not recv: {error}')
            return
        if got is not None:
            self.act.note(f'{self.name} received {got[0][:80]!r}')

    def close_all(self):
        for sock in self.socks:
            _close(sock)
`;
