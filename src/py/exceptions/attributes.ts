// The attributes and texts of the built-in exceptions other than OSError (see oserror.ts).
import type { PyObject } from '../objects/object';
import { None } from '../objects/none';
import { PyInt } from '../objects/int';
import { PyStr } from '../objects/str';
import { isBytesLike } from '../objects/bytes';
import { newTuple, PyTuple } from '../objects/tuple';
import { defineProperty } from '../objects/function';
import { repr, str } from '../ops/repr';
import { typeError } from './raise';
import {
  AttributeError,
  BaseException,
  ImportError,
  KeyError,
  NameError,
  StopIteration,
  SyntaxError,
  SystemExit,
  UnicodeDecodeError,
  UnicodeEncodeError,
  baseExceptionStr,
  setExceptionInit,
  setExceptionStr,
  type PyExceptionObject,
} from './classes';

defineProperty(BaseException, {
  name: 'args',
  doc: 'The arguments the exception was created with, as a tuple.',
  get: (self) => newTuple((self as PyExceptionObject).args),
  set: (self, value) => {
    if (!(value instanceof PyTuple)) throw typeError('args must be a tuple');
    (self as PyExceptionObject).args = [...value.items];
  },
});

function slotProperty(type: typeof BaseException, name: string, doc: string): void {
  defineProperty(type, {
    name,
    doc,
    flavor: 'member',
    get: (self) => (self as PyExceptionObject).slot(name),
    set: (self, value) => void (self as PyExceptionObject).slots.set(name, value),
  });
}

slotProperty(NameError, 'name', 'The name that was not found.');
slotProperty(AttributeError, 'name', 'The attribute name that was not found.');
slotProperty(AttributeError, 'obj', 'The object whose attribute was not found.');
slotProperty(ImportError, 'name', 'The name of the module that was not found.');
slotProperty(ImportError, 'path', 'The path of the module, if known.');
slotProperty(StopIteration, 'value', "The iterator's return value.");
slotProperty(SystemExit, 'code', 'The exit status or message.');
for (const name of ['msg', 'filename', 'lineno', 'offset', 'text']) {
  slotProperty(SyntaxError, name, `The ${name} of the syntax error.`);
}
for (const type of [UnicodeDecodeError, UnicodeEncodeError]) {
  for (const name of ['encoding', 'object', 'start', 'end', 'reason']) {
    slotProperty(type, name, `The ${name} of the codec error.`);
  }
}

setExceptionInit(StopIteration, (exc) => exc.slots.set('value', exc.args[0] ?? None));
setExceptionInit(SystemExit, (exc) => {
  const code = exc.args.length === 0 ? None : exc.args.length === 1 ? (exc.args[0] as PyObject) : newTuple(exc.args);
  exc.slots.set('code', code);
});
setExceptionInit(SyntaxError, (exc) => {
  if (exc.args.length >= 1) exc.slots.set('msg', exc.args[0] as PyObject);
  const details = exc.args[1];
  if (exc.args.length === 2 && details instanceof PyTuple) {
    const names = ['filename', 'lineno', 'offset', 'text'];
    names.forEach((n, i) => exc.slots.set(n, details.items[i] ?? None));
  }
});
setExceptionStr(SyntaxError, (exc) => {
  const msg = exc.slot('msg');
  return msg === None ? baseExceptionStr(exc) : str(msg);
});

setExceptionStr(KeyError, (exc) => (exc.args.length === 1 ? repr(exc.args[0] as PyObject) : baseExceptionStr(exc)));

function initCodecError(exc: PyExceptionObject, objectCheck: (o: PyObject) => boolean): void {
  const [encoding, object, start, end, reason] = exc.args;
  const ok =
    exc.args.length === 5 &&
    encoding instanceof PyStr &&
    object !== undefined &&
    objectCheck(object) &&
    start instanceof PyInt &&
    end instanceof PyInt &&
    reason instanceof PyStr;
  if (!ok) {
    throw typeError(`function takes exactly 5 arguments (${exc.args.length} given)`);
  }
  const names = ['encoding', 'object', 'start', 'end', 'reason'];
  names.forEach((n, i) => exc.slots.set(n, exc.args[i] as PyObject));
}

setExceptionInit(UnicodeDecodeError, (exc) => initCodecError(exc, isBytesLike));
setExceptionInit(UnicodeEncodeError, (exc) => initCodecError(exc, (o) => o instanceof PyStr));

function intSlot(exc: PyExceptionObject, name: string): number {
  const v = exc.slot(name);
  return v instanceof PyInt ? Number(v.value) : 0;
}

setExceptionStr(UnicodeDecodeError, (exc) => {
  const encoding = str(exc.slot('encoding'));
  const reason = str(exc.slot('reason'));
  const start = intSlot(exc, 'start');
  const end = intSlot(exc, 'end');
  const object = exc.slot('object');
  const data = isBytesLike(object) ? object.data : new Uint8Array();
  if (start < data.length && end === start + 1) {
    const byte = (data[start] as number).toString(16).padStart(2, '0');
    return `'${encoding}' codec can't decode byte 0x${byte} in position ${start}: ${reason}`;
  }
  return `'${encoding}' codec can't decode bytes in position ${start}-${end - 1}: ${reason}`;
});

setExceptionStr(UnicodeEncodeError, (exc) => {
  const encoding = str(exc.slot('encoding'));
  const reason = str(exc.slot('reason'));
  const start = intSlot(exc, 'start');
  const end = intSlot(exc, 'end');
  const object = exc.slot('object');
  if (object instanceof PyStr && start < object.length && end === start + 1) {
    const cp = object.codePointAt(start);
    const escaped =
      cp <= 0xff
        ? `\\x${cp.toString(16).padStart(2, '0')}`
        : cp <= 0xffff
          ? `\\u${cp.toString(16).padStart(4, '0')}`
          : `\\U${cp.toString(16).padStart(8, '0')}`;
    return `'${encoding}' codec can't encode character '${escaped}' in position ${start}: ${reason}`;
  }
  return `'${encoding}' codec can't encode characters in position ${start}-${end - 1}: ${reason}`;
});
