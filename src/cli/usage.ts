// The text of `socklab --help` and of each command's --help.

const MAIN = `socklab: learn socket programming live. Every call runs on a real socket, and you
see what the kernel did.

Usage:
  socklab                       open the lesson menu (resumes where you left off)
  socklab <lesson>              start a lesson, by id or number
  socklab sandbox               a free session with no lesson
  socklab list                  the lessons: number, id, title, progress
  socklab validate [PATH...]    check lesson files; errors as file:line: message
  socklab replay <lesson|FILE>  play a lesson (or a recorded transcript) by itself
  socklab export <lesson|FILE>  write the lesson as a runnable Python 3 program

Options:
  --plain              plain text instead of the screen: statements from stdin, results on stdout
  --no-state           with --plain: leave out the '# ' socket-state lines
  --record FILE        record the session as a transcript (newline-delimited JSON)
  --lessons DIR        also load the lessons in DIR (repeatable)
  --no-builtin         with --lessons: use only those lessons
  -h, --help           this help; 'socklab <command> --help' for a command
  -V, --version        the version

In a session type Python, as the tutorials write it:  s = socket.socket()
Commands start with a colon: :help :next :back :hint :solution :reset :lessons :quit`;

const TOPICS: Record<string, string> = {
  sandbox: `Usage: socklab sandbox [--plain] [--no-state] [--record FILE]

A session with no lesson: type any statement; it runs on real sockets.
With --plain, statements are read from standard input one line at a time (blank lines and lines
starting with # are skipped). For each, socklab prints '>>> ' and the statement, then what CPython
3.11's console prints for it (a traceback reduced to its last line), then lines starting with '# '
for every socket whose kernel state changed and the bytes a call returned (--no-state leaves those
out). At the end of input every socket is closed and socklab exits 0.`,
  list: `Usage: socklab list [--lessons DIR] [--no-builtin]

Lists the lessons: number, id, title and your progress.`,
  validate: `Usage: socklab validate [PATH...] [--lessons DIR]

Checks lesson files (or every lesson file in a directory). With no PATH, checks the built-in lessons
and any --lessons directories. Every problem is printed as file:line: message; the exit status is 1
if there is any.`,
  replay: `Usage: socklab replay <lesson|FILE> [options]

Plays a lesson by itself on the screen: each suggested call is typed at a readable pace and runs
live. A transcript FILE is played back as it was recorded (nothing runs).
Keys: space pause/resume, Right finish the step now, Left back a step, + and - speed (0.5x to 4x),
Enter goes on after a step (--pause-each-step), Right at the end plays the next lesson, q quits.
  --step N            start at step N (earlier steps run quickly first)
  --speed X           pace, 0.1 to 20 (default 1)
  --pause-each-step   wait for a key after every step
  --plain             print the transcript instead; exit 0 when every check passed, 1 otherwise
  --live              with a transcript FILE: re-run it on real sockets and report differences
                      (exit 0 when none, 1 otherwise)
  --record FILE       record a lesson's replay as a transcript`,
  export: `Usage: socklab export <lesson|FILE> [-o OUT.py]

Writes a runnable Python 3 program with the learner's side of the lesson (or the statements of a
transcript), the peers included so that it runs alone, and the lesson's prose as comments.
Without -o it is written to standard output.`,
};

export function usage(topic: string | null): string {
  return (topic && TOPICS[topic]) ?? MAIN;
}
