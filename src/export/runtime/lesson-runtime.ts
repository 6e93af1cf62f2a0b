// The exported program's lesson: its peers started on free ports, and each step's peer actions run
// when the step starts (held until done or waiting), when one of its lines waits ('blocked'), and when
// it is done, as socklab's LessonRun runs them. Python source, embedded as text.
export const PY_LESSON_RUNTIME = String.raw`def _main_thread_waits():
    """Whether the main thread sleeps in the kernel, not on a lock (None when /proc cannot say)."""
    try:
        task = f'/proc/self/task/{_threading.main_thread().native_id}'
        with open(f'{task}/stat') as f:
            state = f.read().rsplit(')', 1)[1].split()[0]
        with open(f'{task}/wchan') as f:
            channel = f.read().strip()
    except (OSError, AttributeError, IndexError):
        return None
    if channel in ('', '0'):
        return None
    return state == 'S' and 'futex' not in channel


_PEER_KINDS = {
    'http-server': HttpServer,
    'tcp-server': TcpServer,
    'udp-server': UdpServer,
    'tcp-client': TcpClient,
    'udp-client': UdpClient,
}


class Lesson(_Runtime):
    """A socklab lesson's other side: its peers on free ports, and each step's peer actions, run
    when the step starts, when one of its lines waits, and when it is done, as socklab runs them."""

    HOLD = 3
    # A line waits once it has run this long and sleeps in the kernel; without /proc, once it has
    # run the second figure; in any case once it has run the third.
    WAITING = 0.02
    UNKNOWN_WAITING = 0.5
    SURELY_WAITING = 2

    def __init__(self, spec):
        self._spec = spec
        self._act = None
        self._peers = {}
        self._step = None
        self._watchers = []
        self._unix_dir = None
        self.ports = {}
        super().__init__(spec['line_limit'])
        self._start_peers()

    def _start_peers(self):
        self._act = _Activity('--peers' in _sys.argv[1:])
        chosen = _free_ports(len(self._spec['ports']), self._spec['ipv6'])
        self.ports = dict(zip(self._spec['ports'], chosen))
        self._peers = {p['name']: _PEER_KINDS[p['kind']](p, self) for p in self._spec['peers']}
        for peer in self._peers.values():
            peer.start()

    def port(self, name):
        """One of the lesson's ports: PORT, PORT2 ... chosen free when the program started."""
        return self.ports[name]

    def unix_path(self):
        """A path for an AF_UNIX socket in a private temporary directory, removed at the end."""
        if self._unix_dir is None:
            self._unix_dir = _tempfile.mkdtemp(prefix='socklab-')
        return _os.path.join(self._unix_dir, 'lesson.sock')

    def step(self, number):
        """A step begins: the previous step's 'done' actions run, then this one's 'start' ones."""
        self.finish()
        self._step = number
        blocks = self._spec['steps'].get(number, {})
        self._run_blocks(blocks.get('start', []), hold=True)
        waiting = blocks.get('blocked', [])
        self._line = None
        if waiting:
            watcher = _threading.Thread(target=self._when_blocked, args=(number, waiting))
            watcher.daemon = True
            watcher.start()
            self._watchers.append(watcher)

    def finish(self):
        """The current step is done: its 'done' actions run."""
        if self._step is not None:
            blocks = self._spec['steps'].get(self._step, {})
            self._step = None
            self._run_blocks(blocks.get('done', []), hold=True)

    def restart(self):
        """As socklab's :back and :reset: every socket closed, the peers started on new ports."""
        self._step = None
        self._stop()
        _close_sockets(self._frame.f_globals)
        self._start_peers()

    def _run_blocks(self, blocks, hold):
        for actions in blocks:
            done = _threading.Event()
            def run(actions=actions, done=done):
                try:
                    self._run_actions(actions)
                finally:
                    done.set()
            self._act.spawn(run)
            if hold:
                # Until the block is done, or waits for something the program has not done yet.
                deadline = _time.monotonic() + self.HOLD
                while not done.is_set() and _time.monotonic() < deadline:
                    if self._act.settled():
                        _time.sleep(0.001)
                        if self._act.settled():
                            break
                    _time.sleep(0.001)

    def _run_actions(self, actions):
        for action in actions:
            if self._act.stopping.is_set():
                return
            if action['do'] == 'wait':
                if not self._act.pause(action['ms'] / 1000):
                    return
                continue
            try:
                self._peers[action['peer']].act_on(action)
            except Exception as error:
                self._act.note(f'{action["source"]} failed: {error}')

    def _when_blocked(self, number, blocks):
        """The first time a line of this step waits, its 'blocked' actions run. Linux's /proc tells
        when the program sleeps in the kernel (accept, recv, sleep ...); where it cannot, a line
        that has run a while is taken to wait."""
        seen = 0
        while self._step == number and not self._act.stopping.is_set():
            line = self._line
            ran = 0 if line is None else _time.monotonic() - line[1]
            waits = _main_thread_waits() if line is not None else False
            seen = seen + 1 if waits else 0
            sleeping = ran >= self.WAITING and seen >= 3
            unknown = waits is None and ran >= self.UNKNOWN_WAITING
            if sleeping or unknown or ran >= self.SURELY_WAITING:
                self._run_blocks(blocks, hold=False)
                return
            _time.sleep(0.002)

    def _before_line(self):
        self._act.settle()

    def end(self):
        self.finish()
        self._act.settle()
        super().end()

    def _stop(self):
        self._step = None
        for watcher in self._watchers:
            watcher.join(1)
        if self._act is not None:
            self._act.stop()
        for peer in self._peers.values():
            peer.close_all()
        if self._unix_dir is not None:
            _shutil.rmtree(self._unix_dir, ignore_errors=True)
            self._unix_dir = None
`;
