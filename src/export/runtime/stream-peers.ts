// The TCP peers of the exported program, mirroring socklab's: http-server, tcp-server (greeting,
// reply, exit) and the stream actions every TCP peer has. Python source, embedded as text.
export const PY_STREAM_PEERS = String.raw`class _Conn:
    def __init__(self, sock, who, other):
        self.sock = sock
        self.who = who
        self.other = other
        self.open = True


class _StreamPeer:
    """What every TCP peer can do on its connections, each on all of them at once."""

    SEND_STALL = 300
    RECV_WAIT = 300

    def __init__(self, name, lesson):
        self.name = name
        self.lesson = lesson
        self.act = lesson._act
        # The connections it opened (a client) or accepted (a server), open or not yet forgotten.
        self.connections = []

    def conns(self):
        return list(self.connections)

    def forget(self, c):
        if c in self.connections:
            self.connections.remove(c)

    def live(self):
        return [c for c in self.conns() if c.open and c.sock.fileno() >= 0]

    def held(self):
        return [c for c in self.conns() if c.sock.fileno() >= 0]

    def act_on(self, action):
        do = action['do']
        if do in ('send', 'sendall'):
            data, everything = action['data'], do == 'sendall'
            return self._each(action, self.live(), lambda c: self._send(c, data, everything))
        if do == 'recv':
            return self._each(action, self.live(), lambda c: self._recv(c, action['max']))
        if do == 'flood':
            return self._each(action, self.live(), lambda c: self._flood(c, action['count']))
        if do == 'shutdown':
            return self._each(action, self.held(), lambda c: self._shutdown(c, action['how']))
        if do in ('close', 'reset'):
            return self._each(action, self.held(), lambda c: self.close_conn(c, do == 'reset'))
        self.act.note(f'{self.name} cannot {do}()')

    def _each(self, action, conns, work):
        if not conns:
            self.act.note(f'{self.name} has no open connection to {action["do"]}() on')
        elif len(conns) == 1:
            work(conns[0])
        else:
            self.act.join([self.act.spawn(work, c) for c in conns])

    def _send(self, c, data, everything):
        try:
            if everything:
                sent, done = _send_all(self.act, c.sock, data, self.SEND_STALL)
            else:
                sent = _send_once(self.act, c.sock, data, self.SEND_STALL)
                done = sent is not None
            if done:
                self.act.note(f'{c.who} sent {data[:sent]!r} to {c.other}')
            else:
                self.act.note(f'{c.who} timed out sending to {c.other}')
        except OSError as error:
            self.act.note(f'{c.who} could not send to {c.other}: {error}')

    def _recv(self, c, size):
        try:
            data = _receive(self.act, c.sock, size, self.RECV_WAIT)
        except OSError as error:
            self.act.note(f'{c.who} could not recv: {error}')
            return
        if data is not None:
            self.act.note(f'{c.who} received {data!r} from {c.other}')

    def _flood(self, c, count):
        sent = 0
        chunk = b'x' * 65536
        while sent < count and c.sock.fileno() >= 0:
            try:
                sent += c.sock.send(chunk[:min(len(chunk), count - sent)])
            except BlockingIOError:
                break
            except OSError as error:
                self.act.note(f'{c.who} could not flood {c.other}: {error}')
                return
        self.act.note(f'{c.who} flooded {sent} bytes of b\'x\' to {c.other}')

    def _shutdown(self, c, how):
        hows = {'read': _socket.SHUT_RD, 'write': _socket.SHUT_WR, 'both': _socket.SHUT_RDWR}
        try:
            c.sock.shutdown(hows[how])
            self.act.note(f'{c.who} shut down {how} on its connection to {c.other}')
        except OSError as error:
            self.act.note(f'{c.who} could not shut down: {error}')

    def close_all(self):
        for c in self.conns():
            _close(c.sock)

    def close_conn(self, c, reset=False):
        _close(c.sock, reset)
        c.open = False
        self.forget(c)
        self.act.note(f'{c.who} {"reset" if reset else "closed"} its connection to {c.other}')


class _Server(_StreamPeer):
    """A TCP server peer: listens from the start (SO_REUSEADDR), serves each client in its own
    thread, at most max_clients at once (later ones wait in the kernel's accept queue)."""

    def __init__(self, spec, lesson):
        super().__init__(spec['name'], lesson)
        self.spec = spec
        self.listener = None

    def start(self):
        spec = self.spec
        sock, port = _bound_socket(self.lesson, spec, _socket.SOCK_STREAM)
        sock.listen(spec['backlog'])
        sock.setblocking(False)
        self.listener = sock
        self.act.note(f'{self.name} listening on {_address(spec["host"], port)}')
        self.act.spawn(self._accept_loop, sock)

    def close_all(self):
        if self.listener is not None:
            _close(self.listener)
        super().close_all()

    def act_on(self, action):
        if action['do'] != 'stop':
            return super().act_on(action)
        if self.listener is not None:
            _close(self.listener)
            self.listener = None
            self.act.note(f'{self.name} stopped listening')

    def _accept_loop(self, listener):
        while listener.fileno() >= 0 and not self.act.stopping.is_set():
            if len(self.connections) >= self.spec['max_clients']:
                self.act.pause(0.01)
                continue
            if self.act.wait(listener) != 'ready':
                continue
            try:
                sock, addr = listener.accept()
            except (BlockingIOError, InterruptedError, ConnectionAbortedError):
                continue
            except OSError:
                return
            sock.setblocking(False)
            c = _Conn(sock, self.name, _address(addr[0], addr[1]))
            self.connections.append(c)
            self.act.note(f'{self.name} accepted a connection from {c.other}')
            self.act.spawn(self._serve, c)

    def _serve(self, c):
        try:
            self.converse(c)
        finally:
            if c.sock.fileno() >= 0 and not self.act.stopping.is_set():
                self.close_conn(c)

    def write(self, c, data):
        """Sends all of data; on failure the conversation is over."""
        try:
            sent, done = _send_all(self.act, c.sock, data, self.SEND_STALL)
        except OSError as error:
            self.act.note(f'{self.name} could not send to {c.other}: {error}')
            done = False
        if done:
            self.act.note(f'{self.name} sent {data[:80]!r} to {c.other}')
        elif c.sock.fileno() >= 0:
            self.close_conn(c)
        return done

    def retire(self, c):
        """The server ends the conversation: reads what waits, then closes."""
        if c.sock.fileno() >= 0:
            _drain(c.sock)
            self.close_conn(c)

    def read(self, c, size):
        """The next chunk; None when the conversation is over (the connection failed or closed)."""
        try:
            data = _receive(self.act, c.sock, size)
        except OSError as error:
            self.act.note(f'{self.name} lost the connection from {c.other}: {error}')
            self.close_conn(c)
            return None
        if data is not None:
            self.act.note(f'{self.name} received {data[:80]!r} from {c.other}')
        return data


class TcpServer(_Server):
    def converse(self, c):
        spec = self.spec
        if spec['greeting'] is not None:
            if not self.write(c, spec['greeting']):
                return
            if spec['close_after_greeting']:
                return self.retire(c)
        while True:
            data = self.read(c, spec['recv_size'])
            if data is None:
                return
            ends = spec['exit'] is not None and data in (spec['exit'], spec['exit'] + b'\r\n',
                                                          spec['exit'] + b'\n')
            if not data or ends:
                return self.retire(c)
            if spec['reply'] is not None:
                if not self.write(c, _fill(spec['reply'], data, spec['encoding'])):
                    return


class HttpServer(_Server):
    def converse(self, c):
        head = b''
        while True:
            data = self.read(c, 4096)
            if data is None:
                return
            if not data:
                if not head:
                    return self.retire(c)
                break
            head += data
            if b'\n\n' in head or b'\n\r\n' in head:
                break
            if len(head) > 65536:
                if self.write(c, _HEAD_TOO_LARGE):
                    self.retire(c)
                return
        if self.write(c, self.spec['response']):
            self.retire(c)


_HEAD_TOO_LARGE = (b'HTTP/1.1 431 Request Header Fields Too Large\r\n'
                   b'Content-Type: text/plain; charset=utf-8\r\nContent-Length: 32\r\n'
                   b'Connection: close\r\n\r\nRequest header fields too large\n')


def _fill(template, data, encoding):
    """A reply template filled in: {data}, {upper}, {lower}, {length}; bad bytes replaced."""
    text = data.decode(encoding, 'replace')
    values = {'data': text, 'upper': text.upper(), 'lower': text.lower(), 'length': str(len(data))}
    text = ''.join(values[value] if kind == 'placeholder' else value for kind, value in template)
    return text.encode(encoding, 'replace')
`;
