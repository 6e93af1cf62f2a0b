// The exported program's console: show() and 'with console:' print what CPython's interactive prompt
// prints (a traceback reduced to its last line, as socklab shows it), and the runtime that follows the
// program's own lines (sys.settrace) to let the peers answer between lines and to stop a line that
// waits forever. Python source, embedded as text.
export const PY_CONSOLE_RUNTIME = String.raw`def show(value):
    """Prints a value as Python's interactive prompt does: its repr, and nothing for None."""
    if value is not None:
        _builtins._ = value
        print(repr(value))


class _Stuck(BaseException):
    """A line waited far longer than any line of the lesson did: the program stops, not hangs."""


class _Console:
    """'with console: line' runs the line as Python's interactive prompt would: an exception it
    raises prints its last traceback line (as socklab showed it) and the program goes on."""

    def __init__(self):
        self._interrupt = False

    def __enter__(self):
        return self

    def __exit__(self, kind, error, _tb):
        if error is None or not isinstance(error, (Exception, KeyboardInterrupt)):
            return False
        print(_traceback.format_exception_only(kind, error)[-1], end='')
        return True

    def run(self, source):
        """Runs a line given as text, as the prompt would (a line that is not valid Python)."""
        try:
            code = compile(source, '<stdin>', 'single')
        except SyntaxError as error:
            print(_traceback.format_exception_only(type(error), error)[-1], end='')
            return
        with self:
            exec(code, _sys.modules['__main__'].__dict__)

    def interrupted_after(self, seconds):
        """The line is interrupted (KeyboardInterrupt) after the given seconds, as with Ctrl+C."""
        self._interrupt = True
        _signal.setitimer(_signal.ITIMER_REAL, max(seconds, 0.001))
        return self


console = _Console()


class _Runtime:
    """Follows the program's own lines (sys.settrace on this file's module frame): before each
    line the peers get to answer what the previous one did, and a line that waits too long stops
    the program."""

    def __init__(self, line_limit):
        self._line_limit = line_limit
        self._line = None
        self._ended = False
        self._frame = _sys._getframe(1)
        while self._frame.f_code.co_name != '<module>' and self._frame.f_back is not None:
            self._frame = self._frame.f_back
        _signal.signal(_signal.SIGALRM, self._alarm)
        previous = _sys.excepthook
        _sys.excepthook = lambda kind, error, tb: (
            None if issubclass(kind, _Stuck) else previous(kind, error, tb))
        _sys.settrace(lambda *_: None)
        self._frame.f_trace_lines = True
        self._frame.f_trace = self._on_line
        _atexit.register(self._cleanup)

    def _alarm(self, _signum, _frame):
        if console._interrupt:
            console._interrupt = False
            raise KeyboardInterrupt
        line = self._line[0] if self._line else '?'
        _sys.stderr.write(f'line {line} of this program has waited {self._line_limit} seconds '
                          'for something that does not come: stopping\n')
        raise _Stuck()

    def _on_line(self, frame, event, _arg):
        if event == 'line':
            _signal.setitimer(_signal.ITIMER_REAL, 0)
            console._interrupt = False
            # Between two lines nothing of the program's own waits (the peers may be answering).
            self._line = None
            self._before_line()
            self._line = (frame.f_lineno, _time.monotonic())
            if self._line_limit:
                _signal.setitimer(_signal.ITIMER_REAL, self._line_limit)
        return self._on_line

    def _before_line(self):
        pass

    def end(self):
        """The end of the program: every socket is closed, every thread stopped."""
        _signal.setitimer(_signal.ITIMER_REAL, 0)
        self._frame.f_trace = None
        _sys.settrace(None)
        self._cleanup()

    def _cleanup(self):
        if self._ended:
            return
        self._ended = True
        self._stop()
        _close_sockets(self._frame.f_globals)
        _sys.stdout.flush()

    def _stop(self):
        pass


def _close_sockets(names):
    """Closes every socket the program's names hold, as socklab does when a session ends."""
    seen = set()
    def visit(value, depth):
        if id(value) in seen or depth > 3:
            return
        seen.add(id(value))
        if isinstance(value, _socket.socket):
            value.close()
        elif isinstance(value, (list, tuple, set)):
            for item in value:
                visit(item, depth + 1)
        elif isinstance(value, dict):
            for item in value.values():
                visit(item, depth + 1)
    for value in list(names.values()):
        visit(value, 0)


class Session(_Runtime):
    """A socklab session without a lesson."""

    def __init__(self):
        super().__init__(None)
`;
