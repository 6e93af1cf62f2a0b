"""Runs statements the way CPython's interactive console does, one line at a time.

Reads lines from stdin (blank lines and lines starting with '#' are skipped); for each prints
'>>> ' and the line, then exactly what the console prints: print() output, the repr of an
expression's value (compiled in 'single' mode), and for an exception only the last line of the
traceback, as traceback.format_exception_only gives it. In 3.11 that function leaves out the
"Did you mean" suggestion the console adds for NameError and AttributeError, so for those the
console's own display (sys.__excepthook__) supplies the line.
"""
import builtins
import io
import sys
import traceback

sys.stdout.reconfigure(errors='backslashreplace')


def last_error_line(exc_type, exc, tb):
    line = traceback.format_exception_only(exc_type, exc)[-1].rstrip('\n')
    captured = io.StringIO()
    saved = sys.stderr
    sys.stderr = captured
    try:
        sys.__excepthook__(exc_type, exc, tb)
    finally:
        sys.stderr = saved
    shown = [text for text in captured.getvalue().splitlines() if text.strip()]
    if shown and shown[-1].startswith(line):
        return shown[-1]
    return line


def main():
    namespace = {
        '__name__': '__main__',
        '__doc__': None,
        '__package__': None,
        '__loader__': None,
        '__spec__': None,
        '__annotations__': {},
        '__builtins__': builtins,
    }
    for raw in sys.stdin:
        line = raw.rstrip('\n')
        if line.strip() == '' or line.lstrip().startswith('#'):
            continue
        sys.stdout.write('>>> ' + line + '\n')
        sys.stdout.flush()
        try:
            code = compile(line, '<stdin>', 'single')
            exec(code, namespace)
        except SystemExit:
            pass
        except BaseException:
            exc_type, exc, tb = sys.exc_info()
            sys.stdout.flush()
            sys.stdout.write(last_error_line(exc_type, exc, tb) + '\n')
        sys.stdout.flush()


main()
