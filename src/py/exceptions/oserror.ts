// OSError: its errno -> subclass map, its attributes and its `[Errno N] text` form, as CPython 3.11.
import type { PyObject, PyType } from '../objects/object';
import { None } from '../objects/none';
import { PyInt, newInt } from '../objects/int';
import { newStr } from '../objects/str';
import { defineProperty } from '../objects/function';
import { repr, str } from '../ops/repr';
import { ERRNO, strerror as libcStrerror } from '../../sys/errno';
import {
  BlockingIOError,
  BrokenPipeError,
  ChildProcessError,
  ConnectionAbortedError,
  ConnectionRefusedError,
  ConnectionResetError,
  FileExistsError,
  FileNotFoundError,
  InterruptedError,
  IsADirectoryError,
  NotADirectoryError,
  OSError,
  PermissionError,
  ProcessLookupError,
  PyException,
  TimeoutError,
  baseExceptionStr,
  instantiateException,
  setExceptionClassPicker,
  setExceptionInit,
  setExceptionStr,
  type PyExceptionObject,
} from './classes';

// Objects/exceptions.c, _PyExc_InitState: the errno values that select an OSError subclass.
const SUBCLASS_BY_ERRNO = new Map<number, PyType>([
  [ERRNO.EAGAIN, BlockingIOError],
  [ERRNO.EALREADY, BlockingIOError],
  [ERRNO.EINPROGRESS, BlockingIOError],
  [ERRNO.EWOULDBLOCK, BlockingIOError],
  [ERRNO.EPIPE, BrokenPipeError],
  [ERRNO.ESHUTDOWN, BrokenPipeError],
  [ERRNO.ECHILD, ChildProcessError],
  [ERRNO.ECONNABORTED, ConnectionAbortedError],
  [ERRNO.ECONNREFUSED, ConnectionRefusedError],
  [ERRNO.ECONNRESET, ConnectionResetError],
  [ERRNO.EEXIST, FileExistsError],
  [ERRNO.ENOENT, FileNotFoundError],
  [ERRNO.EISDIR, IsADirectoryError],
  [ERRNO.ENOTDIR, NotADirectoryError],
  [ERRNO.EINTR, InterruptedError],
  [ERRNO.EACCES, PermissionError],
  [ERRNO.EPERM, PermissionError],
  [ERRNO.ESRCH, ProcessLookupError],
  [ERRNO.ETIMEDOUT, TimeoutError],
]);

/** The class CPython raises for an errno: OSError or the subclass its map names. */
export function osErrorClassFor(errno: number): PyType {
  return SUBCLASS_BY_ERRNO.get(errno) ?? OSError;
}

setExceptionClassPicker(OSError, (cls, args) => {
  const first = args[0];
  if (args.length >= 2 && args.length <= 5 && first instanceof PyInt) {
    const n = first.value;
    if (n >= -0x80000000n && n <= 0x7fffffffn) return osErrorClassFor(Number(n));
  }
  return cls;
});

setExceptionInit(OSError, (exc) => {
  const args = exc.args;
  if (args.length < 2 || args.length > 5) return;
  exc.slots.set('errno', args[0] as PyObject);
  exc.slots.set('strerror', args[1] as PyObject);
  const filename = args[2];
  if (filename !== undefined && filename !== None) {
    exc.slots.set('filename', filename);
    const filename2 = args[4];
    if (filename2 !== undefined && filename2 !== None) exc.slots.set('filename2', filename2);
    // CPython keeps only (errno, strerror) in args once a filename is given.
    exc.args = args.slice(0, 2);
  }
});

setExceptionStr(OSError, (exc) => {
  const errno = exc.slot('errno');
  const text = exc.slot('strerror');
  const filename = exc.slot('filename');
  if (filename !== None) {
    const filename2 = exc.slot('filename2');
    const second = filename2 !== None ? ` -> ${repr(filename2)}` : '';
    return `[Errno ${str(errno)}] ${str(text)}: ${repr(filename)}${second}`;
  }
  if (errno !== None && text !== None) return `[Errno ${str(errno)}] ${str(text)}`;
  return baseExceptionStr(exc);
});

for (const name of ['errno', 'strerror', 'filename', 'filename2']) {
  defineProperty(OSError, {
    name,
    doc: `The ${name} of the failed call (None when not known).`,
    flavor: 'member',
    get: (self) => (self as PyExceptionObject).slot(name),
    set: (self, value) => void (self as PyExceptionObject).slots.set(name, value),
  });
}

/**
 * The exception CPython raises for a failed system call: `OSError: [Errno 98] Address already in use`,
 * of the subclass the errno selects (ECONNREFUSED -> ConnectionRefusedError ...).
 */
export function osError(errno: number, text: string = libcStrerror(errno)): PyException {
  return new PyException(instantiateException(OSError, [newInt(errno), newStr(text)]));
}

/** An exception of a given OSError class with `(errno, text)` args (socket.gaierror, TimeoutError ...). */
export function osErrorOfClass(cls: PyType, errno: number | null, text: string): PyException {
  const args = errno === null ? [newStr(text)] : [newInt(errno), newStr(text)];
  return new PyException(instantiateException(cls, args));
}
