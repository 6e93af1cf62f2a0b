// The object model as the socket module will use it: a native class with built-in and Python-level
// methods, IntEnum/IntFlag constants, exception classes of a module, OSError by errno.
import { describe, it, expect } from 'vitest';
import {
  ModuleRegistry,
  PyModule,
  PyObject,
  None,
  newInt,
  newStr,
  newTuple,
  makeIntEnum,
  defineNativeClass,
  defineExceptionClass,
  checkedFunction,
  exceptions,
  osError,
  osErrorOfClass,
  asCInt,
  asParsedInt,
  asSsize,
  asBytesLike,
  asUnsigned,
  fromPy,
  type CheckedMethodSpec,
} from '../../src/py/index';
import { createModuleRegistry } from '../../src/py/modules/default-registry';
import { newInterpreter, pyErrorText } from './helpers';

class FakeSocket extends PyObject {
  fd = 3;
  sent: Uint8Array[] = [];
}

function buildModule(): { registry: ModuleRegistry; builds: () => number } {
  let builds = 0;
  const family = makeIntEnum({ name: 'AddressFamily', module: 'socket', doc: 'Address families.', members: { AF_UNIX: 1, AF_INET: 2, AF_INET6: 10 } });
  const kind = makeIntEnum({ name: 'SocketKind', module: 'socket', doc: 'Socket types.', members: { SOCK_STREAM: 1, SOCK_DGRAM: 2, SOCK_NONBLOCK: 2048 } });
  const flags = makeIntEnum({
    name: 'MsgFlag',
    module: 'socket',
    doc: 'recv and send flags.',
    flag: true,
    members: { MSG_OOB: 1, MSG_PEEK: 2, MSG_DONTWAIT: 64, MSG_WAITALL: 256 },
  });
  const gaierror = defineExceptionClass('gaierror', 'socket', exceptions.OSError, 'Address lookup failed.');
  const methods: CheckedMethodSpec[] = [
    { name: 'bind', style: 'one', params: ['address'], doc: 'bind(address): binds the socket.', call: () => None },
    { name: 'fileno', style: 'noargs', doc: 'fileno(): the file descriptor.', call: (self) => newInt((self as FakeSocket).fd) },
    {
      name: 'recv',
      style: 'tuple',
      params: ['bufsize', 'flags?'],
      doc: 'recv(bufsize[, flags]): receive.',
      call: (_self, [size]) => {
        const n = asSsize(size as PyObject);
        if (n < 0) throw exceptions.ValueError && osError(22);
        return newStr('x');
      },
    },
    { name: 'setsockopt', style: 'tuple', params: ['level', 'option', 'value'], doc: 'setsockopt(level, option, value).', call: () => None },
    {
      name: 'send',
      style: 'tuple',
      params: ['data', 'flags?'],
      doc: 'send(data[, flags]): sends bytes.',
      call: (self, [data]) => {
        (self as FakeSocket).sent.push(asBytesLike(data as PyObject));
        return newInt(asBytesLike(data as PyObject).length);
      },
    },
    { name: 'accept', style: 'python', params: [], flavor: 'python', doc: 'accept() -> (socket, address).', call: () => newTuple([None, None]) },
    { name: 'listen', style: 'tuple', params: ['backlog?'], doc: 'listen([backlog]).', call: (_s, [b]) => newInt(b === undefined ? 128 : asParsedInt(b)) },
  ];
  const socketType = defineNativeClass({
    name: 'socket',
    module: 'socket',
    doc: 'socket(family=AF_INET, type=SOCK_STREAM): a network endpoint.',
    construct: (cls) => new FakeSocket(cls),
    repr: (obj) => `<socket.socket fd=${(obj as FakeSocket).fd}, family=2, type=1, proto=0>`,
    methods: methods.map((m) => (m.name === 'bind' || m.name === 'recv' || m.name === 'send' || m.name === 'setsockopt' || m.name === 'fileno' || m.name === 'listen' ? { ...m, ownerCName: '_socket.socket' } : m)),
    properties: [{ name: 'family', doc: 'The address family.', get: () => family.of(2) }],
  });
  const registry = createModuleRegistry().register('socket', () => {
    builds++;
    const module = new PyModule('socket', { file: '/usr/lib/python3.11/socket.py', doc: 'Low-level networking.' });
    module.set('socket', socketType).set('gaierror', gaierror).set('error', exceptions.OSError).set('timeout', exceptions.TimeoutError);
    module.set('AddressFamily', family.type).set('MsgFlag', flags.type);
    for (const e of [family, kind, flags]) for (const [name, member] of e.members) module.set(name, member);
    module.set(
      'getaddrinfo',
      checkedFunction({
        name: 'getaddrinfo',
        doc: 'getaddrinfo(host, port): resolve.',
        style: 'python',
        params: ['host', 'port'],
        flavor: 'python',
        module: 'socket',
        call: () => {
          throw osErrorOfClass(gaierror, -2, 'Name or service not known');
        },
      }),
    );
    module.set('__all__', newTuple(['socket', 'AF_INET', 'SOCK_STREAM'].map(newStr)));
    module.set('_private', newInt(1));
    return module;
  });
  return { registry, builds: () => builds };
}

async function transcript(lines: string[]): Promise<string> {
  const it = newInterpreter(buildModule().registry);
  let out = '';
  for (const line of lines) out += (await it.runLine(line)).output;
  return out;
}

describe('a native class', () => {
  it("prints like CPython's socket.socket and its methods", async () => {
    expect(
      await transcript([
        'import socket',
        'socket',
        'socket.socket',
        's = socket.socket()',
        's',
        's.bind',
        's.accept',
        'socket.socket.bind',
        'socket.getaddrinfo',
        'type(s)',
        's.fileno()',
      ]).then((t) => t.replace(/0x[0-9a-f]+/g, '0x…')),
    ).toBe(
      [
        "<module 'socket' from '/usr/lib/python3.11/socket.py'>",
        "<class 'socket.socket'>",
        '<socket.socket fd=3, family=2, type=1, proto=0>',
        '<built-in method bind of socket object at 0x…>',
        '<bound method socket.accept of <socket.socket fd=3, family=2, type=1, proto=0>>',
        "<method 'bind' of '_socket.socket' objects>",
        '<function getaddrinfo at 0x…>',
        "<class 'socket.socket'>",
        '3',
        '',
      ].join('\n'),
    );
  });

  it("checks arguments with each CPython style's exact text", async () => {
    const lines = ['import socket', 's = socket.socket()', 's.bind()', 's.bind(1, 2)', 's.accept(1)', 's.recv()', 's.recv(1, 2, 3)', 's.recv(x=1)', "s.recv('a')", 's.recv(2**70)', 's.setsockopt(1)', 's.fileno(1)', "s.send('hi')", "s.listen('a')", 's.listen(2**31)', 's.listen(2**63)', 's.family = 1', 's.recvv', 'socket.getaddrinfo()'];
    expect(await transcript(lines)).toBe(
      [
        'TypeError: socket.bind() takes exactly one argument (0 given)',
        'TypeError: socket.bind() takes exactly one argument (2 given)',
        'TypeError: socket.accept() takes 1 positional argument but 2 were given',
        'TypeError: recv() takes at least 1 argument (0 given)',
        'TypeError: recv() takes at most 2 arguments (3 given)',
        'TypeError: socket.recv() takes no keyword arguments',
        "TypeError: 'str' object cannot be interpreted as an integer",
        'OverflowError: Python int too large to convert to C ssize_t',
        'TypeError: setsockopt() takes exactly 3 arguments (1 given)',
        'TypeError: socket.fileno() takes no arguments (1 given)',
        "TypeError: a bytes-like object is required, not 'str'",
        "TypeError: 'str' object cannot be interpreted as an integer",
        'OverflowError: signed integer is greater than maximum',
        'OverflowError: Python int too large to convert to C long',
        "AttributeError: property 'family' of 'socket' object has no setter",
        "AttributeError: 'socket' object has no attribute 'recvv'. Did you mean: 'recv'?",
        "TypeError: getaddrinfo() missing 2 required positional arguments: 'host' and 'port'",
        '',
      ].join('\n'),
    );
  });

  it('builds each module once per registry and honours __all__ in from-import *', async () => {
    const { registry, builds } = buildModule();
    const it = newInterpreter(registry);
    await it.runLine('import socket; import socket as so; from socket import *');
    expect(builds()).toBe(1);
    expect(it.globals.has('AF_INET')).toBe(true);
    expect(it.globals.has('AF_UNIX')).toBe(false);
    expect((await it.runLine('from socket import nothing')).output).toBe(
      "ImportError: cannot import name 'nothing' from 'socket' (/usr/lib/python3.11/socket.py)\n",
    );
  });
});

describe('IntEnum and IntFlag constants', () => {
  it('behave as ints and print as enum members', async () => {
    expect(
      await transcript([
        'import socket',
        'socket.AF_INET',
        'str(socket.AF_INET), int(socket.AF_INET)',
        "'%d %s %r' % (socket.AF_INET, socket.AF_INET, socket.AF_INET)",
        "f'{socket.AF_INET} {socket.AF_INET!r} {socket.AF_INET:>3}'",
        'socket.AF_INET == 2, socket.AF_INET + 1, hash(socket.AF_INET)',
        '{socket.AF_INET: 1}[2]',
        'socket.SOCK_STREAM | socket.SOCK_NONBLOCK',
        'socket.MSG_PEEK | socket.MSG_WAITALL',
        'socket.MSG_PEEK | 1',
        'socket.MSG_PEEK & socket.MSG_OOB',
        'socket.AF_INET.name, socket.AF_INET.value',
        'socket.AddressFamily',
        'socket.MsgFlag',
        'socket.AddressFamily(10)',
        'socket.AddressFamily(99)',
        'isinstance(socket.AF_INET, int)',
      ]),
    ).toBe(
      [
        '<AddressFamily.AF_INET: 2>',
        "('2', 2)",
        "'2 2 <AddressFamily.AF_INET: 2>'",
        "'2 <AddressFamily.AF_INET: 2>   2'",
        '(True, 3, 2)',
        '1',
        '2049',
        '<MsgFlag.MSG_PEEK|MSG_WAITALL: 258>',
        '<MsgFlag.MSG_OOB|MSG_PEEK: 3>',
        '<MsgFlag: 0>',
        "('AF_INET', 2)",
        "<enum 'AddressFamily'>",
        "<flag 'MsgFlag'>",
        '<AddressFamily.AF_INET6: 10>',
        'ValueError: 99 is not a valid AddressFamily',
        'True',
        '',
      ].join('\n'),
    );
  });
});

describe('exceptions of a module and OSError by errno', () => {
  it('prints module exception classes qualified', async () => {
    const it = newInterpreter(buildModule().registry);
    await it.runLine('import socket');
    expect((await it.runLine('socket.gaierror, socket.error, socket.timeout')).output).toBe("(<class 'socket.gaierror'>, <class 'OSError'>, <class 'TimeoutError'>)\n");
    const failed = await it.runLine("socket.getaddrinfo('no-such-host.invalid', 80)");
    expect(failed).toMatchObject({
      output: 'socket.gaierror: [Errno -2] Name or service not known\n',
      error: { type: 'socket.gaierror', message: '[Errno -2] Name or service not known' },
    });
    expect((await it.runLine("socket.gaierror(-2, 'x')")).output).toBe("gaierror(-2, 'x')\n");
    expect((await it.runLine('isinstance(socket.gaierror(), OSError)')).output).toBe('True\n');
  });

  it('picks the OSError subclass CPython picks, with the libc text', () => {
    const cases: [number, string][] = [
      [98, 'OSError: [Errno 98] Address already in use'],
      [111, 'ConnectionRefusedError: [Errno 111] Connection refused'],
      [104, 'ConnectionResetError: [Errno 104] Connection reset by peer'],
      [32, 'BrokenPipeError: [Errno 32] Broken pipe'],
      [11, 'BlockingIOError: [Errno 11] Resource temporarily unavailable'],
      [115, 'BlockingIOError: [Errno 115] Operation now in progress'],
      [110, 'TimeoutError: [Errno 110] Connection timed out'],
      [103, 'ConnectionAbortedError: [Errno 103] Software caused connection abort'],
      [13, 'PermissionError: [Errno 13] Permission denied'],
      [9, 'OSError: [Errno 9] Bad file descriptor'],
    ];
    for (const [errno, line] of cases) expect(osError(errno).message).toBe(line);
    const e = osError(98);
    expect(fromPy(e.exc.slot('errno'))).toBe(98);
    expect(osErrorOfClass(exceptions.TimeoutError, null, 'timed out').message).toBe('TimeoutError: timed out');
  });
});

describe('argument conversions', () => {
  it('give the C-level errors', () => {
    expect(pyErrorText(() => asCInt(newInt(2n ** 40n)))).toBe('OverflowError: Python int too large to convert to C int');
    expect(pyErrorText(() => asCInt(newStr('1')))).toBe("TypeError: 'str' object cannot be interpreted as an integer");
    expect(pyErrorText(() => asUnsigned(newInt(70000), 16, 'htons'))).toBe('OverflowError: htons: Python int too large to convert to C 16-bit unsigned integer');
    expect(pyErrorText(() => asUnsigned(newInt(-1), 16, 'htons'))).toBe("OverflowError: htons: can't convert negative Python int to C 16-bit unsigned integer");
    expect(pyErrorText(() => asParsedInt(newInt(-(2n ** 31n) - 1n)))).toBe('OverflowError: signed integer is less than minimum');
    expect(asCInt(newInt(-5))).toBe(-5);
  });
});

describe('instance attributes', () => {
  it('are accepted only by classes that declare them', async () => {
    const open = defineNativeClass({ name: 'Open', module: 'demo', doc: 'Accepts attributes.', instanceDict: true, construct: (cls) => new PyObject(cls) });
    const closed = defineNativeClass({ name: 'Closed', module: 'demo', doc: 'Does not.', construct: (cls) => new PyObject(cls) });
    const registry = createModuleRegistry().register('demo', () => new PyModule('demo').set('Open', open).set('Closed', closed));
    const it = newInterpreter(registry);
    await it.runLine('import demo; o = demo.Open(); c = demo.Closed()');
    expect((await it.runLine('o.note = 1; o.note')).output).toBe('1\n');
    expect((await it.runLine('c.note = 1')).output).toBe("AttributeError: 'Closed' object has no attribute 'note'\n");
    expect((await it.runLine('demo.Open')).output).toBe("<class 'demo.Open'>\n");
  });
});
