// socklab's Python-subset language: the public API for the session, lessons, and the socket and
// select modules built on this object model.

// Running code.
export { Interpreter, type LineResult, type RunOptions, type PyErrorInfo } from './interpreter';
export type { RuntimeEvent, CallContext } from './events';
export { parseLine, PySyntaxError } from './parser';
export type { Statement, Stmt, Expr, Span } from './syntax/ast';
export type { Completion } from './completion';

// Modules.
export { ModuleRegistry, type ModuleBuilder } from './modules/registry';
export { createModuleRegistry } from './modules/default-registry';
export { interruptibleDelay } from './modules/time';
export { SocklabNote } from './note';

// The object model.
export { PyObject, PyType, NO_KWARGS, isInstance, typeName, hexAddress, type Kwargs, type NativeResult, type TypeHooks, type PyIterator } from './objects/object';
export { None, NotImplemented, Ellipsis } from './objects/none';
export { PyInt, newInt, newBool, True, False, intType, boolType } from './objects/int';
export { PyFloat, newFloat, floatType } from './objects/float';
export { PyStr, newStr, strType } from './objects/str';
export { PyBytes, PyByteArray, newBytes, isBytesLike, bytesType, bytearrayType } from './objects/bytes';
export { PyTuple, newTuple, tupleType } from './objects/tuple';
export { PyList, newList, listType } from './objects/list';
export { PyDict, PySet, dictType, setType } from './objects/dict';
export { PyModule } from './objects/module';
export { PyIteratorObject } from './objects/iterator';
export {
  PyNativeFunction,
  PyMethodDescriptor,
  PyBoundMethod,
  PyProperty,
  newFunction,
  defineMethod,
  defineProperty,
  defineClassMethod,
  type MethodSpec,
  type PropertySpec,
  type FunctionSpec,
  type Flavor,
} from './objects/function';
export { makeIntEnum, isEnumMember, type IntEnum, type IntEnumSpec } from './objects/int-enum';

// Defining native functions, methods and classes.
export { parseArgs, sig, type ArgStyle, type Param, type Signature } from './native/args';
export { checkedFunction, defineCheckedMethods, type CheckedFunctionSpec, type CheckedMethodSpec, type Slots } from './native/define';
export { defineNativeClass, type NativeClassSpec } from './native/native-class';
export { asIndex, asCInt, asCLong, asParsedInt, asSsize, asUnsigned, asBytesLike, asStrArg, asSeconds, orNone } from './native/convert';

// Exceptions.
export * as exceptions from './exceptions/classes';
export { PyException, PyExceptionObject, defineExceptionClass, exceptionLine, exceptionTypeName, instantiateException } from './exceptions/classes';
export { pyError, typeError, valueError, indexError, overflowError, zeroDivisionError, lookupError, runtimeError, memoryError, keyError, nameError, attributeError, isPyException } from './exceptions/raise';
export { osError, osErrorOfClass, osErrorClassFor } from './exceptions/oserror';
export { keyboardInterrupt } from './ops/interrupt';

// Operations on values.
export { isTruthy, length, contains } from './ops/basic';
export { repr, str } from './ops/repr';
export { getAttr, setAttr, findAttr, dirOf } from './ops/attr';
export { callObject, isCallable } from './ops/call';
export { getIterator, collect, iterObject } from './ops/iter';
export { getItem } from './ops/subscript';
export { equals, compare } from './ops/compare';
export { hashValue } from './ops/hash';
export { encodeText, decodeBytes, codecName } from './codecs/index';
export { strRepr } from './format/str-repr';
export { bytesRepr } from './format/bytes-repr';
export { toPy, fromPy, pyTuple } from './convert';
