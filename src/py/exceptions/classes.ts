// CPython 3.11's built-in exception hierarchy. An exception is a PyExceptionObject (the Python
// value, with args and attributes); raising one throws a PyException (a JS Error carrying it).
import { PyObject, PyType, type Kwargs, type TypeHooks } from '../objects/object';
import { None } from '../objects/none';
import { newTuple } from '../objects/tuple';
import { newStr } from '../objects/str';
import { repr, str } from '../ops/repr';

export class PyExceptionObject extends PyObject {
  args: PyObject[];
  /** Attributes CPython keeps in C slots (errno, strerror, name, obj, encoding ...). */
  readonly slots = new Map<string, PyObject>();

  constructor(type: PyType, args: PyObject[]) {
    super(type);
    this.args = args;
    this.dict = new Map();
  }

  slot(name: string): PyObject {
    return this.slots.get(name) ?? None;
  }
}

/** A raised Python exception travelling through JS code. */
export class PyException extends Error {
  readonly exc: PyExceptionObject;
  constructor(exc: PyExceptionObject) {
    // No message argument: Error would store it as an own property, hiding the getter below.
    super();
    this.name = 'PyException';
    this.exc = exc;
  }

  /** The traceback's last line, computed when asked: 'ValueError: ...'. */
  override get message(): string {
    return exceptionLine(this.exc);
  }
}

/** Type-specific setup after the generic constructor stored args (OSError's errno, ...). */
export type ExceptionInit = (exc: PyExceptionObject) => void;
const inits = new Map<PyType, ExceptionInit>();
/** Replaces the class being instantiated (OSError(98, ...) picks a subclass by errno). */
export type ExceptionClassPicker = (cls: PyType, args: PyObject[]) => PyType;
const pickers = new Map<PyType, ExceptionClassPicker>();

export function setExceptionInit(type: PyType, init: ExceptionInit): void {
  inits.set(type, init);
}

export function setExceptionClassPicker(type: PyType, picker: ExceptionClassPicker): void {
  pickers.set(type, picker);
}

/** Builds an exception the way calling its class does (without checking keyword arguments). */
export function instantiateException(cls: PyType, args: PyObject[]): PyExceptionObject {
  const picker = pickers.get(cls);
  const actual = picker ? picker(cls, args) : cls;
  const exc = new PyExceptionObject(actual, args);
  for (const t of [...actual.mro].reverse()) inits.get(t)?.(exc);
  return exc;
}

function constructException(cls: PyType, args: PyObject[], kwargs: Kwargs): PyObject {
  if (kwargs.size > 0) {
    throw new PyException(instantiateException(TypeError_, [newStr(`${cls.name}() takes no keyword arguments`)]));
  }
  return instantiateException(cls, args);
}

/** str(e) for the exception kinds whose text is not just their args. */
const strHooks = new Map<PyType, (exc: PyExceptionObject) => string>();
export function setExceptionStr(type: PyType, fn: (exc: PyExceptionObject) => string): void {
  strHooks.set(type, fn);
}

function exceptionStr(obj: PyObject): string {
  const exc = obj as PyExceptionObject;
  for (const t of exc.type.mro) {
    const hook = strHooks.get(t);
    if (hook) return hook(exc);
  }
  return baseExceptionStr(exc);
}

export function baseExceptionStr(exc: PyExceptionObject): string {
  if (exc.args.length === 0) return '';
  if (exc.args.length === 1) return str(exc.args[0] as PyObject);
  return repr(newTuple(exc.args));
}

function exceptionRepr(obj: PyObject): string {
  const exc = obj as PyExceptionObject;
  if (exc.args.length === 1) return `${exc.type.name}(${repr(exc.args[0] as PyObject)})`;
  return `${exc.type.name}(${exc.args.map((a) => repr(a)).join(', ')})`;
}

const baseHooks: TypeHooks = { construct: constructException, repr: exceptionRepr, str: exceptionStr };

function exceptionType(name: string, base: PyType | null, doc: string, module = 'builtins'): PyType {
  return new PyType({
    name,
    module,
    bases: base ? [base] : undefined,
    doc,
    instanceDict: true,
    hooks: base ? {} : baseHooks,
  });
}

/** Defines an exception class of another module (socket.gaierror): its name prints qualified. */
export function defineExceptionClass(name: string, module: string, base: PyType, doc: string): PyType {
  return exceptionType(name, base, doc, module);
}

export const BaseException = exceptionType('BaseException', null, 'Common base class for all exceptions.');
export const SystemExit = exceptionType('SystemExit', BaseException, 'Request to exit from the interpreter.');
export const KeyboardInterrupt = exceptionType('KeyboardInterrupt', BaseException, 'Program interrupted by user (Ctrl-C).');
export const GeneratorExit = exceptionType('GeneratorExit', BaseException, 'Request that a generator exit.');
export const Exception = exceptionType('Exception', BaseException, 'Common base class for all non-exit exceptions.');
export const ArithmeticError = exceptionType('ArithmeticError', Exception, 'Base class for arithmetic errors.');
export const FloatingPointError = exceptionType('FloatingPointError', ArithmeticError, 'Floating point operation failed.');
export const OverflowError = exceptionType('OverflowError', ArithmeticError, 'Result too large to be represented.');
export const ZeroDivisionError = exceptionType('ZeroDivisionError', ArithmeticError, 'Second argument to a division or modulo operation was zero.');
export const AssertionError = exceptionType('AssertionError', Exception, 'Assertion failed.');
export const AttributeError = exceptionType('AttributeError', Exception, 'Attribute not found.');
export const BufferError = exceptionType('BufferError', Exception, 'Buffer error.');
export const EOFError = exceptionType('EOFError', Exception, 'Read beyond end of file.');
export const ImportError = exceptionType('ImportError', Exception, "Import can't find module, or can't find name in module.");
export const ModuleNotFoundError = exceptionType('ModuleNotFoundError', ImportError, 'Module not found.');
export const LookupError = exceptionType('LookupError', Exception, 'Base class for lookup errors.');
export const IndexError = exceptionType('IndexError', LookupError, 'Sequence index out of range.');
export const KeyError = exceptionType('KeyError', LookupError, 'Mapping key not found.');
export const MemoryError = exceptionType('MemoryError', Exception, 'Out of memory.');
export const NameError = exceptionType('NameError', Exception, 'Name not found globally.');
export const UnboundLocalError = exceptionType('UnboundLocalError', NameError, 'Local name referenced but not bound to a value.');
export const OSError = exceptionType('OSError', Exception, 'Base class for I/O related errors: a failed system call, with errno and strerror.');
export const BlockingIOError = exceptionType('BlockingIOError', OSError, 'I/O operation would block (EAGAIN, EINPROGRESS).');
export const ChildProcessError = exceptionType('ChildProcessError', OSError, 'Child process error.');
export const ConnectionError = exceptionType('ConnectionError', OSError, 'Connection error.');
export const BrokenPipeError = exceptionType('BrokenPipeError', ConnectionError, 'Broken pipe (EPIPE): the other end closed.');
export const ConnectionAbortedError = exceptionType('ConnectionAbortedError', ConnectionError, 'Connection aborted (ECONNABORTED).');
export const ConnectionRefusedError = exceptionType('ConnectionRefusedError', ConnectionError, 'Connection refused (ECONNREFUSED): nobody listens on that port.');
export const ConnectionResetError = exceptionType('ConnectionResetError', ConnectionError, 'Connection reset (ECONNRESET): the other end aborted.');
export const FileExistsError = exceptionType('FileExistsError', OSError, 'File already exists.');
export const FileNotFoundError = exceptionType('FileNotFoundError', OSError, 'File not found.');
export const InterruptedError = exceptionType('InterruptedError', OSError, 'Interrupted by signal (EINTR).');
export const IsADirectoryError = exceptionType('IsADirectoryError', OSError, "Operation doesn't work on directories.");
export const NotADirectoryError = exceptionType('NotADirectoryError', OSError, 'Operation only works on directories.');
export const PermissionError = exceptionType('PermissionError', OSError, 'Not enough permissions (EACCES, EPERM).');
export const ProcessLookupError = exceptionType('ProcessLookupError', OSError, 'Process not found.');
export const TimeoutError = exceptionType('TimeoutError', OSError, 'Timeout expired: a socket timeout or ETIMEDOUT.');
export const ReferenceError = exceptionType('ReferenceError', Exception, 'Weak ref proxy used after referent went away.');
export const RuntimeError = exceptionType('RuntimeError', Exception, 'Unspecified run-time error.');
export const NotImplementedError = exceptionType('NotImplementedError', RuntimeError, "Method or function hasn't been implemented yet.");
export const RecursionError = exceptionType('RecursionError', RuntimeError, 'Recursion limit exceeded.');
export const StopIteration = exceptionType('StopIteration', Exception, 'Signal the end from iterator.__next__().');
export const SyntaxError = exceptionType('SyntaxError', Exception, 'Invalid syntax.');
export const IndentationError = exceptionType('IndentationError', SyntaxError, 'Improper indentation.');
export const TabError = exceptionType('TabError', IndentationError, 'Improper mixture of spaces and tabs.');
export const SystemError = exceptionType('SystemError', Exception, 'Internal error in the Python interpreter.');
export const TypeError_ = exceptionType('TypeError', Exception, 'Inappropriate argument type.');
export const ValueError = exceptionType('ValueError', Exception, 'Inappropriate argument value (of correct type).');
export const UnicodeError = exceptionType('UnicodeError', ValueError, 'Unicode related error.');
export const UnicodeDecodeError = exceptionType('UnicodeDecodeError', UnicodeError, 'Unicode decoding error: bytes that are not valid in the encoding.');
export const UnicodeEncodeError = exceptionType('UnicodeEncodeError', UnicodeError, 'Unicode encoding error: a character the encoding cannot represent.');
export const UnicodeTranslateError = exceptionType('UnicodeTranslateError', UnicodeError, 'Unicode translation error.');
export const Warning = exceptionType('Warning', Exception, 'Base class for warning categories.');
export const DeprecationWarning = exceptionType('DeprecationWarning', Warning, 'Base class for warnings about deprecated features.');
export const RuntimeWarning = exceptionType('RuntimeWarning', Warning, 'Base class for warnings about dubious runtime behavior.');
export const SyntaxWarning = exceptionType('SyntaxWarning', Warning, 'Base class for warnings about dubious syntax.');
export const UserWarning = exceptionType('UserWarning', Warning, 'Base class for warnings generated by user code.');
export const ResourceWarning = exceptionType('ResourceWarning', Warning, 'Base class for warnings about resource usage.');
export const BytesWarning = exceptionType('BytesWarning', Warning, 'Base class for warnings about bytes and buffer related problems.');
export const EncodingWarning = exceptionType('EncodingWarning', Warning, 'Base class for warnings about encodings.');
export const FutureWarning = exceptionType('FutureWarning', Warning, 'Base class for warnings about constructs that will change semantically in the future.');
export const ImportWarning = exceptionType('ImportWarning', Warning, 'Base class for warnings about probable mistakes in module imports.');
export const PendingDeprecationWarning = exceptionType('PendingDeprecationWarning', Warning, 'Base class for warnings about features which will be deprecated in the future.');
export const UnicodeWarning = exceptionType('UnicodeWarning', Warning, 'Base class for warnings about Unicode related problems.');
export const StopAsyncIteration = exceptionType('StopAsyncIteration', Exception, 'Signal the end from iterator.__anext__().');
export const BaseExceptionGroup = exceptionType('BaseExceptionGroup', BaseException, 'A combination of multiple unrelated exceptions.');
export const ExceptionGroup = new PyType({ name: 'ExceptionGroup', bases: [BaseExceptionGroup, Exception], doc: 'A combination of multiple unrelated exceptions.', instanceDict: true });

/** Every built-in exception class by the name Python's builtins give it (aliases included). */
export const BUILTIN_EXCEPTIONS: ReadonlyMap<string, PyType> = new Map<string, PyType>([
  // CPython's builtins order (the suggestions depend on it).
  ...[
    BaseException, BaseExceptionGroup, Exception, GeneratorExit, KeyboardInterrupt, SystemExit, ArithmeticError,
    AssertionError, AttributeError, BufferError, EOFError, ImportError, LookupError, MemoryError, NameError,
    OSError, ReferenceError, RuntimeError, StopAsyncIteration, StopIteration, SyntaxError, SystemError,
    TypeError_, ValueError, Warning, FloatingPointError, OverflowError, ZeroDivisionError, BytesWarning,
    DeprecationWarning, EncodingWarning, FutureWarning, ImportWarning, PendingDeprecationWarning,
    ResourceWarning, RuntimeWarning, SyntaxWarning, UnicodeWarning, UserWarning, BlockingIOError,
    ChildProcessError, ConnectionError, FileExistsError, FileNotFoundError, InterruptedError,
    IsADirectoryError, NotADirectoryError, PermissionError, ProcessLookupError, TimeoutError,
    IndentationError, IndexError, KeyError, ModuleNotFoundError, NotImplementedError, RecursionError,
    UnboundLocalError, UnicodeError, BrokenPipeError, ConnectionAbortedError, ConnectionRefusedError,
    ConnectionResetError, TabError, UnicodeDecodeError, UnicodeEncodeError, UnicodeTranslateError,
    ExceptionGroup,
  ].map((t): [string, PyType] => [t.name, t]),
  ['EnvironmentError', OSError],
  ['IOError', OSError],
]);

/** The exception's class as format_exception_only prints it: 'OSError', 'socket.gaierror'. */
export function exceptionTypeName(exc: PyExceptionObject): string {
  const t = exc.type;
  return t.module === 'builtins' || t.module === '__main__' ? t.qualname : `${t.module}.${t.qualname}`;
}

/** The traceback's last line, without a trailing newline: 'OSError: [Errno 98] Address already in use'. */
export function exceptionLine(exc: PyExceptionObject): string {
  let text: string;
  try {
    text = str(exc);
  } catch {
    text = '<exception str() failed>';
  }
  const name = exceptionTypeName(exc);
  return text === '' ? name : `${name}: ${text}`;
}
