import { describe, expect, it } from 'vitest';
import { parseLessonText } from '../../src/lesson/load';
import type { Lesson } from '../../src/lesson/model';

/** A lesson whose front matter ends at line `4 + extra.length` and whose body follows. */
function lesson(extraFrontMatter: string[], body: string[]): string {
  return ['---', 'id: rules', 'title: Rules', 'summary: One rule at a time.', ...extraFrontMatter, '---', ...body, ''].join('\n');
}

function step(calls: string[], check: string, more: string[] = []): string[] {
  return ['## A step', '```python', ...calls, '```', '```check', check, '```', ...more];
}

/** Diagnostics as 'line: [warning: ]message'. */
function problems(text: string): string[] {
  return parseLessonText(text, 'rules.md').diagnostics.map((d) => `${d.line}: ${d.severity === 'warning' ? 'warning: ' : ''}${d.message}`);
}

function parsed(text: string): Lesson {
  const result = parseLessonText(text, 'rules.md');
  expect(result.diagnostics).toEqual([]);
  return result.lesson!;
}

describe('names the lesson defines', () => {
  it('reports a check that uses a name no call up to its step defines, suggesting a close one', () => {
    // Front matter: lines 1-5; the step heading is line 6, the calls 8-9, the check line 12.
    expect(problems(lesson([], step(['import socket', 'ss = socket.socket()'], "state(s) == 'CLOSE'")))).toEqual([
      "12: the check uses 's', which no suggested call up to this step defines (did you mean 'ss'?)",
    ]);
  });

  it('warns about a call that uses a name before any line defines it (it may be on purpose)', () => {
    expect(problems(lesson([], step(['s = socket.socket()'], 'True')))).toEqual([
      "8: warning: 'socket' is used before any line of the lesson defines it: this line raises NameError when followed as written",
    ]);
  });

  it('knows names from the setup, earlier steps, unpacking, imports, comprehensions and the console', () => {
    const body = [
      '```python',
      'import socket as so, select',
      'from time import sleep',
      '```',
      ...step(['s = so.socket()', 'pair = [so.socket(), so.socket()]', 'a, (b, *rest) = 1, (2, 3, 4)', 'total = sum(n for n in rest)'], 'total == 7 and a + b == 3'),
      '## Later',
      '```python',
      '1 + 1',
      'x = _',
      'del x',
      '```',
      '```check',
      'all(isinstance(p, so.socket) for p in pair) and callable(sleep) and select is not None',
      '```',
    ];
    expect(problems(lesson([], body))).toEqual([]);
  });

  it('stops judging names after a star import', () => {
    expect(problems(lesson([], step(['from socket import *', 's = socket(AF_INET, SOCK_STREAM)'], "state(s) == 'CLOSE' and anything")))).toEqual([]);
  });

  it('looks at the calls before the check, wherever the check block stands', () => {
    const body = ['## Check first', '```check', 'x == 1', '```', '```python', 'x = 1', '```'];
    expect(parsed(lesson([], body)).steps[0]!.check).toEqual({ source: 'x == 1', line: 8 });
  });

  it('reports lesson names used without their setting, in calls and checks', () => {
    expect(problems(lesson([], step(['x = UNIX_PATH'], 'PORT3 > 0')))).toEqual([
      "8: UNIX_PATH needs 'unix: true' under settings in the front matter",
      "11: PORT3 needs 'ports: 3' under settings in the front matter",
    ]);
    expect(problems(lesson(['settings:', '  unix: true', '  ports: 3'], step(['x = UNIX_PATH'], 'PORT3 > 0')))).toEqual([]);
  });
});

describe('fixed ports', () => {
  it('is an error from 1024 up, a warning below, and fine for 0 and past 65535', () => {
    const calls = ['import socket', 's = socket.socket()', "s.bind(('', 0))", "s.bind(('127.0.0.1', 70000))", "s.bind(('localhost', 22))", "s.connect(('127.0.0.1', 8080))"];
    expect(problems(lesson([], step(calls, 'True')))).toEqual([
      '12: warning: fixed port 22: a port below 1024 shows PermissionError only to a learner who is not root; use PORT unless that is the point',
      "13: fixed port 8080: use PORT (or PORT2 ...), the lesson's own free port chosen when it starts, so that two learners on one machine never collide",
    ]);
  });

  it('does not take other pairs for addresses', () => {
    expect(problems(lesson([], step(['data = (b"x", 2000)', 'n = (2000, 3000)'], 'len(data) == 2')))).toEqual([]);
  });
});

describe('checks', () => {
  it('checks helper arguments', () => {
    const check = "defined(conn) and peer_state() == 'X' and state(s, 1) == 'X' and received(1) == 2";
    expect(problems(lesson(['peers:', '  client:', '    kind: tcp-client'], step(['import socket', 's = socket.socket()'], check)))).toEqual([
      "15: defined() takes a variable name in quotes: defined('conn')",
      "15: peer_state() takes one argument: peer_state('client')",
      '15: state() takes one argument: state(s)',
      '15: received() takes no arguments: received()',
      "15: the check uses 'conn', which no suggested call up to this step defines",
    ]);
  });

  it('says when the lesson declares no peers', () => {
    expect(problems(lesson([], step(['x = 1'], "peer_received('client') == b''")))).toEqual([
      "11: unknown peer 'client' in peer_received(); this lesson declares no peers",
    ]);
  });

  it('allows pure methods and builtins, and rejects what acts', () => {
    expect(problems(lesson([], step(['x = [1]'], "received() is not None and received().startswith(b'HTTP') and len(x) == 1")))).toEqual([]);
    expect(problems(lesson([], step(['x = [1]'], 'x.append(2) or input()')))).toEqual([
      '11: a check must only look, and .append() would act (the check runs after every statement)',
      '11: a check must only look, and input() would act (the check runs after every statement)',
    ]);
  });

  it('reports an empty check and a check that does not parse', () => {
    expect(problems(lesson([], ['## S', '```python', 'x = 1', '```', '```check', '', '```']))).toEqual([
      "10: this check is empty: write one expression, like state(s) == 'LISTEN'",
    ]);
    expect(problems(lesson([], step(['x = 1'], 'x ==')))).toEqual(['11: SyntaxError: invalid syntax (column 5)']);
    expect(problems(lesson([], step(['x = 1'], '  x == 1')))).toEqual([]);
  });
});

describe('varies', () => {
  it("reads why a step's numbers vary, over several quote lines, apart from its hints", () => {
    const more = ['> hint: send more.', '', "> varies: the count depends on the kernel's", '> buffers.'];
    const step1 = parsed(lesson([], step(['x = 1'], 'True', more))).steps[0]!;
    expect(step1.varies).toBe("the count depends on the kernel's buffers.");
    expect(step1.hints.map((h) => h.text)).toEqual(['send more.']);
    expect(step1.prose).toBe('');
    expect(parsed(lesson([], step(['x = 1'], 'True'))).steps[0]!.varies).toBeNull();
  });

  it('reports an empty one, a second one, one before the first step, and a misspelt one', () => {
    expect(problems(lesson([], step(['x = 1'], 'True', ['> varies:', '', '> varies: once.', '', '> varies: twice.'])))).toEqual([
      "13: say why the numbers vary: > varies: the count depends on the kernel's buffers",
      '17: a step says once why its numbers vary; it says so already at line 15',
    ]);
    expect(problems(lesson([], ['> varies: too early.', '', ...step(['x = 1'], 'True')]))).toEqual([
      "6: a 'varies:' belongs to a step: start the step with a '## ' heading above it",
    ]);
    expect(problems(lesson([], step(['x = 1'], 'True', ['> varie: the count.'])))).toEqual([
      "13: unknown directive 'varie:' (did you mean 'varies:'?)",
    ]);
  });
});

describe('hints', () => {
  it('keeps quotes that are not directives as prose, and reports an exception match without backticks', () => {
    const more = ['> On Linux, recv() returns b\'\'.', '', '> On error, the call raises.', '', '> On ConnectionResetError: try again', '', '> hint:', '> on `OSError`:'];
    expect(problems(lesson([], step(['x = 1'], 'True', more)))).toEqual([
      '17: put the exception to match in backticks: > on `OSError: [Errno 98]`: the port is still taken ...',
      '19: this hint has no text',
      '20: this hint has no text',
    ]);
    const prose = parseLessonText(lesson([], step(['x = 1'], 'True', more.slice(0, 4))), 'rules.md').lesson!.steps[0]!.prose;
    expect(prose).toBe("> On Linux, recv() returns b''.\n\n> On error, the call raises.");
  });
});

describe('python lines', () => {
  it('reports the parser message for indentation and deep nesting', () => {
    const deep = `x = ${'('.repeat(300)}1${')'.repeat(300)}`;
    const found = problems(lesson([], step(['  x = 1', deep], 'True')));
    expect(found).toHaveLength(2);
    expect(found[0]).toMatch(/^8: IndentationError: unexpected indent \(column \d+\)$/);
    expect(found[1]).toMatch(/^9: SyntaxError: too many nested parentheses \(column \d+\)$/);
  });

  it('skips comments and blank lines, and reports an empty python block', () => {
    expect(parsed(lesson([], step(['# a comment', '', 'x = 1  # trailing'], 'x == 1'))).steps[0]!.calls).toEqual([{ source: 'x = 1  # trailing', line: 10 }]);
    expect(problems(lesson([], step(['# only a comment'], 'True')))).toEqual(['7: this python block has no statement']);
  });
});

describe('peers in the front matter', () => {
  function peers(lines: string[]): string[] {
    return problems(lesson(['peers:', ...lines], step(['x = 1'], 'True')));
  }

  it('requires a reason for a status without a standard phrase', () => {
    expect(peers(['  web:', '    kind: http-server', '    body: hi', '    status: 299'])).toEqual(['9: status 299 has no standard reason phrase here: give one with reason']);
    expect(peers(['  web:', '    kind: http-server', '    body: hi', '    status: 299', '    reason: Fine'])).toEqual([]);
  });

  it('refuses headers the server sets itself, bad header names and HOST6 without ipv6', () => {
    expect(peers(['  web:', '    kind: http-server', '    body: hi', '    host: HOST6', '    headers:', '      Content-Length: 3', '      bad name: x'])).toEqual([
      "9: HOST6 needs 'ipv6: true' under settings in the front matter",
      '11: Content-Length is set by the server itself (Content-Type with content_type)',
      "12: 'bad name' is not a valid header name",
    ]);
  });

  it('refuses peer names that are keywords or not Python names, and parameters for clients', () => {
    expect(peers(['  class:', '    kind: tcp-client', '  two-words:', '    kind: tcp-client', '  c:', '    kind: tcp-client', '    port: PORT'])).toEqual([
      "6: peer name 'class' must be a Python name (letters, digits, _), like 'client'",
      "8: peer name 'two-words' must be a Python name (letters, digits, _), like 'client'",
      "12: unknown parameter 'port' for tcp-client 'c'; it takes no parameters",
    ]);
  });

  it('checks value types', () => {
    expect(peers(['  s:', '    kind: tcp-server', '    greeting: 5', '    close_after_greeting: "yes"', '    recv_size: 0', '    reply: [1]'])).toEqual([
      "8: greeting must be text or a bytes literal like b'Welcome!'",
      '9: close_after_greeting must be true or false',
      '10: recv_size must be a whole number from 1 to 65536',
      "11: reply must be text, like 'Hello, {data}!'",
    ]);
  });

  it('reads a bad bytes literal as an error', () => {
    expect(peers(['  s:', '    kind: tcp-server', "    greeting: b'caf\u00e9'"])).toEqual([
      '8: greeting: bad bytes literal: bytes can only contain ASCII literal characters',
    ]);
  });

  it('rejects a YAML alias', () => {
    expect(problems(lesson(['tags: &t [a]', 'order: *t'], step(['x = 1'], 'True')))).toEqual([
      '6: YAML aliases (*name) are not supported in lesson files: write the value out',
    ]);
  });
});
