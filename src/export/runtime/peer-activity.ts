// The peers' bookkeeping in the exported program: which threads are busy and which sockets they wait
// for, so the program can wait after each line until the peers have answered (socklab's settle), the
// non-blocking I/O helpers they share, and the free-port choice. Python source, embedded as text.
export const PY_PEER_ACTIVITY = String.raw`class _Activity:
    """What the peers' threads are doing. A thread is busy while it works and idle while it waits
    for a socket, a pause or another thread; the peers have settled once none is busy and no socket
    one of them waits for is ready. The program waits for that after each line, as socklab does, so
    a line sees the other side's answer to the line before it."""

    SLICE = 0.05

    def __init__(self, verbose):
        self._lock = _threading.Lock()
        self._busy = 0
        self._waits = {}
        self._threads = []
        self.stopping = _threading.Event()
        self.verbose = verbose

    def note(self, text):
        if self.verbose and not self.stopping.is_set():
            _sys.stderr.write(f'[peers] {text}\n')

    def spawn(self, work, *args):
        """Runs work(*args) in a thread, busy from now on (so nothing settles before it starts)."""
        with self._lock:
            self._busy += 1
        def body():
            try:
                work(*args)
            except Exception as error:
                self.note(f'failed: {error}')
            finally:
                with self._lock:
                    self._busy -= 1
        thread = _threading.Thread(target=body, daemon=True)
        self._threads.append(thread)
        thread.start()
        return thread

    def _idle(self, delta):
        with self._lock:
            self._busy -= delta

    def wait(self, sock, write=False, timeout=None):
        """Waits until sock is readable (or writable): 'ready', 'timeout' or 'gone' (closed)."""
        deadline = None if timeout is None else _time.monotonic() + timeout
        token = object()
        with self._lock:
            self._waits[token] = (sock, write)
            self._busy -= 1
        try:
            while not self.stopping.is_set():
                if sock.fileno() < 0:
                    return 'gone'
                left = self.SLICE
                if deadline is not None:
                    left = min(left, deadline - _time.monotonic())
                if left <= 0:
                    return 'timeout'
                try:
                    if write:
                        ready = _select.select([], [sock], [], left)
                    else:
                        ready = _select.select([sock], [], [], left)
                except (OSError, ValueError):
                    return 'gone'
                if ready[0] or ready[1]:
                    return 'ready'
            return 'gone'
        finally:
            with self._lock:
                del self._waits[token]
                self._busy += 1

    def pause(self, seconds):
        """Sleeps without counting as busy; False when the program is stopping."""
        self._idle(1)
        try:
            return not self.stopping.wait(seconds)
        finally:
            self._idle(-1)

    def join(self, threads):
        self._idle(1)
        try:
            for thread in threads:
                while thread.is_alive() and not self.stopping.is_set():
                    thread.join(self.SLICE)
        finally:
            self._idle(-1)

    def settled(self):
        with self._lock:
            if self._busy > 0:
                return False
            waits = list(self._waits.values())
        readers = [s for s, w in waits if not w and s.fileno() >= 0]
        writers = [s for s, w in waits if w and s.fileno() >= 0]
        if not readers and not writers:
            return True
        try:
            ready = _select.select(readers, writers, [], 0)
        except (OSError, ValueError):
            return False
        return not ready[0] and not ready[1]

    def settle(self, limit=0.25):
        deadline = _time.monotonic() + limit
        while _time.monotonic() < deadline:
            # Twice in a row: a thread that just woke may be between two of its steps.
            if self.settled():
                _time.sleep(0.001)
                if self.settled():
                    return
            _time.sleep(0.001)

    def stop(self):
        self.stopping.set()
        for thread in self._threads:
            thread.join(1)


def _read_when_ready(act, sock, read, timeout=None):
    """What read() returns once sock has something, or None when the wait ended first."""
    deadline = None if timeout is None else _time.monotonic() + timeout
    while True:
        try:
            return read()
        except BlockingIOError:
            pass
        left = None if deadline is None else max(0, deadline - _time.monotonic())
        if act.wait(sock, False, left) != 'ready':
            return None


def _receive(act, sock, size, timeout=None):
    """The next data (b'' at the end of the stream), or None when the wait ended first."""
    return _read_when_ready(act, sock, lambda: sock.recv(size), timeout)


def _send_once(act, sock, data, stall):
    """One send(): how many bytes the kernel took, or None when it took none for stall seconds."""
    while True:
        try:
            return sock.send(data)
        except BlockingIOError:
            pass
        if act.wait(sock, True, stall) != 'ready':
            return None


def _send_all(act, sock, data, stall):
    """(bytes sent, whether all went out)."""
    sent = 0
    view = memoryview(data)
    while sent < len(data):
        count = _send_once(act, sock, view[sent:], stall)
        if count is None:
            return sent, False
        sent += count
    return sent, True


def _drain(sock, limit=16 << 20):
    """Reads what waits unread: closing with unread bytes would reset the connection."""
    total = 0
    while total < limit and sock.fileno() >= 0:
        try:
            data = sock.recv(65536)
        except OSError:
            return
        if not data:
            return
        total += len(data)


def _close(sock, reset=False):
    if sock.fileno() < 0:
        return
    if reset:
        try:
            sock.setsockopt(_socket.SOL_SOCKET, _socket.SO_LINGER, _struct.pack('ii', 1, 0))
        except OSError:
            pass
    sock.close()


def _address(host, port):
    return f'[{host}]:{port}' if ':' in host else f'{host}:{port}'


def _family(host):
    return _socket.AF_INET6 if host == '::1' else _socket.AF_INET


def _bound_socket(lesson, spec, kind):
    """A server peer's socket on the lesson's port, bound the way socklab binds it."""
    port = lesson.ports[spec['port']]
    sock = _socket.socket(_family(spec['host']), kind)
    sock.setsockopt(_socket.SOL_SOCKET, _socket.SO_REUSEADDR, 1)
    sock.bind((spec['host'], port))
    return sock, port


def _free_ports(count, ipv6):
    """Free ports outside the kernel's ephemeral range (no outgoing connection can take one
    meanwhile), each checked by binding it for TCP and UDP, as socklab chooses a lesson's ports."""
    try:
        with open('/proc/sys/net/ipv4/ip_local_port_range') as f:
            low, high = (int(x) for x in f.read().split())
    except (OSError, ValueError):
        low, high = 32768, 60999
    pool = [p for p in range(10000, 65536) if p < low or p > high]
    pool = pool or [p for p in range(1024, 65536) if p < low or p > high]
    hosts = [(_socket.AF_INET, '127.0.0.1'), (_socket.AF_INET, '0.0.0.0')]
    if ipv6:
        hosts.append((_socket.AF_INET6, '::1'))

    def free(port):
        for family, host in hosts:
            for kind in (_socket.SOCK_STREAM, _socket.SOCK_DGRAM):
                with _socket.socket(family, kind) as probe:
                    try:
                        probe.bind((host, port))
                    except OSError as error:
                        if error.errno in (_errno.EADDRINUSE, _errno.EACCES):
                            return False
                        raise
        return True

    chosen = []
    for port in _random.sample(pool, min(len(pool), 200)):
        if len(chosen) == count:
            break
        if free(port):
            chosen.append(port)
    if len(chosen) < count:
        raise SystemExit(f'found no {count} free ports for the lesson: '
                         'close some programs that listen and try again')
    return chosen
`;
