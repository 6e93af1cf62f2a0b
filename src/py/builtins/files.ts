// open(): real files, so a lesson's program can save what it received (`open('page.html',
// 'wb').write(body)`). Paths are relative to the interpreter's working directory. Writes go straight
// to the file (no buffer to lose if the learner never closes it); the session closes what is left open.
import { closeSync, openSync, readSync, statSync, writeSync } from 'node:fs';
import { isAbsolute, resolve } from 'node:path';
import type { CallContext } from '../events';
import { PyObject, PyType } from '../objects/object';
import { None } from '../objects/none';
import { newInt, newBool } from '../objects/int';
import { PyStr, newStr } from '../objects/str';
import { PyBytes } from '../objects/bytes';
import { isTruthy } from '../ops/basic';
import { valueError, typeError, memoryError } from '../exceptions/raise';
import { OSError, PyException, defineExceptionClass, instantiateException } from '../exceptions/classes';
import { ERRNO, strerror } from '../../sys/errno';
import { checkedFunction, defineCheckedMethods } from '../native/define';
import { defineProperty } from '../objects/function';
import { asBytesLike, asIndex } from '../native/convert';
import { strRepr } from '../format/str-repr';
import { decodeBytes, encodeText } from '../codecs';
import { MAX_TEXT_LENGTH } from '../objects/limits';

const UnsupportedOperation = defineExceptionClass('UnsupportedOperation', 'io', OSError, 'The file does not support this operation.');

/** What the interpreter keeps for open(): where relative paths start, and which files are open. */
export interface FileHost {
  cwd: string;
  openFiles: Set<PyFile>;
}

export class PyFile extends PyObject {
  fd: number;
  constructor(
    type: PyType,
    fd: number,
    readonly name: string,
    readonly mode: string,
    readonly binary: boolean,
    readonly readable: boolean,
    readonly writable: boolean,
    private readonly host: FileHost,
  ) {
    super(type);
    this.fd = fd;
  }

  get closed(): boolean {
    return this.fd < 0;
  }

  close(): void {
    if (this.fd < 0) return;
    try {
      closeSync(this.fd);
    } finally {
      this.fd = -1;
      this.host.openFiles.delete(this);
    }
  }
}

const textType = new PyType({ name: 'TextIOWrapper', module: '_io', doc: 'A text file opened by open().' });
const writerType = new PyType({ name: 'BufferedWriter', module: '_io', doc: 'A binary file opened for writing by open().' });
const readerType = new PyType({ name: 'BufferedReader', module: '_io', doc: 'A binary file opened for reading by open().' });

textType.hooks.repr = (obj) => {
  const f = obj as PyFile;
  return f.closed ? '<_io.TextIOWrapper [closed]>' : `<_io.TextIOWrapper name=${strRepr(f.name)} mode=${strRepr(f.mode)} encoding='UTF-8'>`;
};
writerType.hooks.repr = (obj) => `<_io.BufferedWriter name=${strRepr((obj as PyFile).name)}>`;
readerType.hooks.repr = (obj) => `<_io.BufferedReader name=${strRepr((obj as PyFile).name)}>`;

function openFile(self: PyObject, action: string): PyFile {
  const f = self as PyFile;
  if (f.closed) throw valueError('I/O operation on closed file.');
  if (action === 'read' && !f.readable) throw unsupported('not readable');
  if (action === 'write' && !f.writable) throw unsupported('not writable');
  return f;
}

function unsupported(what: string): PyException {
  return new PyException(instantiateException(UnsupportedOperation, [newStr(what)]));
}

/** CPython's error for a path: `FileNotFoundError: [Errno 2] No such file or directory: 'x'`. */
function pathError(errno: number, path: string): PyException {
  return new PyException(instantiateException(OSError, [newInt(errno), newStr(strerror(errno)), newStr(path)]));
}

function readAll(fd: number, limit: number): Buffer {
  const chunks: Buffer[] = [];
  let total = 0;
  for (;;) {
    const chunk = Buffer.alloc(Math.min(65536, limit - total));
    if (chunk.length === 0) break;
    const n = readSync(fd, chunk, 0, chunk.length, null);
    if (n === 0) break;
    chunks.push(chunk.subarray(0, n));
    total += n;
  }
  return Buffer.concat(chunks);
}

for (const type of [textType, writerType, readerType]) {
  defineCheckedMethods(type, [
    {
      name: 'write',
      doc: 'write(data): writes data (str for a text file, bytes for a binary one) and returns how much was written.',
      style: 'one',
      params: ['data'],
      call: (self, [data]) => {
        const f = openFile(self, 'write');
        if (f.binary) {
          if (data instanceof PyStr) throw typeError("a bytes-like object is required, not 'str'");
          const bytes = asBytesLike(data!);
          writeSync(f.fd, bytes);
          return newInt(bytes.length);
        }
        if (!(data instanceof PyStr)) throw typeError(`write() argument must be str, not ${data!.type.name}`);
        writeSync(f.fd, encodeText(data.value, 'utf-8'));
        return newInt([...data.value].length);
      },
    },
    {
      name: 'read',
      doc: 'read(size=-1): reads up to size bytes (or characters), or everything when size is left out.',
      style: 'positional',
      params: ['size?'],
      call: (self, [size]) => {
        const f = openFile(self, 'read');
        const wanted = size === undefined || size === None ? -1 : Number(asIndex(size));
        const data = readAll(f.fd, wanted < 0 ? MAX_TEXT_LENGTH : Math.min(wanted, MAX_TEXT_LENGTH));
        if (wanted < 0 && data.length >= MAX_TEXT_LENGTH) throw memoryError();
        return f.binary ? new PyBytes(new Uint8Array(data)) : newStr(decodeBytes(data, 'utf-8'));
      },
    },
    {
      name: 'close',
      doc: 'close(): closes the file; a second close does nothing.',
      style: 'noargs',
      call: (self) => {
        (self as PyFile).close();
        return None;
      },
    },
  ]);
  defineProperty(type, { name: 'closed', doc: 'True once the file is closed.', get: (obj) => newBool((obj as PyFile).closed) });
  defineProperty(type, { name: 'name', doc: 'The path given to open().', get: (obj) => newStr((obj as PyFile).name) });
  defineProperty(type, { name: 'mode', doc: 'The mode given to open().', get: (obj) => newStr((obj as PyFile).mode) });
}

const MODE_CHARS = /^(?!.*([rwaxbt+]).*\1)[rwaxbt+]+$/;

function flagsOf(mode: string): { flags: string; readable: boolean; writable: boolean } {
  const plus = mode.includes('+');
  if (mode.includes('r')) return { flags: plus ? 'r+' : 'r', readable: true, writable: plus };
  if (mode.includes('w')) return { flags: plus ? 'w+' : 'w', readable: plus, writable: true };
  if (mode.includes('a')) return { flags: plus ? 'a+' : 'a', readable: plus, writable: true };
  return { flags: plus ? 'wx+' : 'wx', readable: plus, writable: true };
}

/** The open() builtin of an interpreter whose files start at `host.cwd`. */
export function openBuiltin(host: () => FileHost): PyObject {
  return checkedFunction({
    name: 'open',
    doc:
      "open(file, mode='r'): opens a real file, relative to the directory socklab was started in. " +
      "'w' writes text, 'wb' writes bytes (what recv() returns), 'r'/'rb' read. Example: " +
      "open('page.html', 'wb').write(body) saves a page you received.",
    style: 'python',
    params: ['file', 'mode?', 'buffering?', 'encoding?'],
    call: ([file, modeArg, , encoding]: (PyObject | undefined)[], _ctx: CallContext) => {
      if (!(file instanceof PyStr)) throw typeError(`expected str, bytes or os.PathLike object, not ${file!.type.name}`);
      const mode = modeArg === undefined ? 'r' : modeArg instanceof PyStr ? modeArg.value : null;
      if (mode === null) throw typeError(`open() argument 'mode' must be str, not ${modeArg!.type.name}`);
      if (!MODE_CHARS.test(mode)) throw valueError(`invalid mode: ${strRepr(mode)}`);
      if ([...'rwax'].filter((c) => mode.includes(c)).length !== 1) {
        throw valueError('must have exactly one of create/read/write/append mode');
      }
      if (mode.includes('b') && mode.includes('t')) throw valueError("can't have text and binary mode at once");
      const binary = mode.includes('b');
      if (binary && encoding !== undefined && encoding !== None && isTruthy(encoding)) {
        throw valueError("binary mode doesn't take an encoding argument");
      }
      const h = host();
      const path = isAbsolute(file.value) ? file.value : resolve(h.cwd, file.value);
      const { flags, readable, writable } = flagsOf(mode);
      let fd: number;
      try {
        if (readable && !writable && statSync(path).isDirectory()) throw Object.assign(new Error(), { code: 'EISDIR' });
        fd = openSync(path, flags);
      } catch (e) {
        const code = (e as NodeJS.ErrnoException).code ?? 'EIO';
        const errno = (ERRNO as Record<string, number>)[code] ?? ERRNO.EIO;
        throw pathError(errno, file.value);
      }
      const type = !binary ? textType : readable && !writable ? readerType : writerType;
      const f = new PyFile(type, fd, file.value, mode, binary, readable, writable, h);
      h.openFiles.add(f);
      return f;
    },
  });
}
