// dir(), help(), exit() and quit().
import { PyObject, PyType, type Kwargs } from '../objects/object';
import { None } from '../objects/none';
import { newStr } from '../objects/str';
import { PyList } from '../objects/list';
import { PyModule } from '../objects/module';
import { PyBoundMethod, PyClassMethodDescriptor, PyMethodDescriptor, PyNativeFunction, PyProperty } from '../objects/function';
import { dirOf, compareNames } from '../ops/attr';
import { pyError, typeError } from '../exceptions/raise';
import { SystemExit } from '../exceptions/classes';
import { checkedFunction } from '../native/define';
import { SocklabNote } from '../note';
import { unsupportedBuiltinNote, unsupportedNote } from '../syntax/unsupported';
import { newFunction } from '../objects/function';

export const dir = checkedFunction({
  name: 'dir',
  doc: "dir() lists the names you have defined; dir(obj) lists the object's attributes.",
  style: 'positional',
  params: ['object?'],
  call: ([obj], ctx) => {
    const names = obj === undefined ? [...ctx.interpreter.globals.keys()].sort(compareNames) : dirOf(obj);
    return new PyList(names.map(newStr));
  },
});

const GENERAL_HELP = [
  'socklab runs the Python you type one statement at a time, each on a real socket, and prints what',
  "Python's console would print. It has the socket, select and time modules, the built-in functions",
  'and the str, bytes, list and dict methods. help(obj) explains a function, method, class or module',
  '(for example help(socket.socket.recv) or help(str.encode)); dir(obj) lists its attributes; ↑ recalls',
  'a line you typed. Loops, if statements and function definitions do not run here: type the calls one',
  'at a time instead.',
].join('\n');

function docOf(obj: PyObject): string {
  if (obj instanceof PyNativeFunction || obj instanceof PyMethodDescriptor || obj instanceof PyClassMethodDescriptor || obj instanceof PyProperty) {
    return obj.doc;
  }
  if (obj instanceof PyBoundMethod) return obj.descriptor.doc;
  if (obj instanceof PyType) return obj.doc;
  if (obj instanceof PyModule) return obj.doc;
  return obj.type.doc;
}

function titleOf(obj: PyObject): string {
  if (obj instanceof PyNativeFunction) {
    if (obj.boundSelf !== null && !(obj.boundSelf instanceof PyModule)) {
      const owner = obj.boundSelf instanceof PyType ? 'type' : obj.boundSelf.type.name;
      return `built-in method ${obj.name} of ${owner} object`;
    }
    return obj.flavor === 'python' ? `function ${obj.name}` : `built-in function ${obj.name}`;
  }
  if (obj instanceof PyBoundMethod) return `method ${obj.descriptor.name} of ${obj.self.type.name} object`;
  if (obj instanceof PyMethodDescriptor) return `method ${obj.name} of ${obj.owner.name} objects`;
  if (obj instanceof PyClassMethodDescriptor) return `class method ${obj.name} of ${obj.owner.name}`;
  if (obj instanceof PyProperty) return `attribute ${obj.name} of ${obj.owner.name} objects`;
  if (obj instanceof PyType) return `class ${obj.name} in module ${obj.module}`;
  if (obj instanceof PyModule) return `module ${obj.name}`;
  return `${obj.type.name} object`;
}

function publicNames(obj: PyObject): string[] {
  return dirOf(obj).filter((n) => !n.startsWith('_'));
}

const helpFunction = checkedFunction({
  name: 'help',
  doc: 'help() says what socklab runs and how to get help; help(obj) explains an object.',
  style: 'positional',
  params: ['request?'],
  call: ([obj], ctx) => {
    if (obj === undefined) {
      ctx.write(`${GENERAL_HELP}\n`);
      return None;
    }
    const doc = docOf(obj) || `No documentation for ${titleOf(obj)}.`;
    let text = `Help on ${titleOf(obj)}:\n\n${doc}\n`;
    if (obj instanceof PyType || obj instanceof PyModule) {
      const names = publicNames(obj);
      if (names.length > 0) text += `\n${obj instanceof PyModule ? 'Names' : 'Attributes'}: ${names.join(', ')}\n`;
    }
    ctx.write(text);
    return None;
  },
});

// help is an object whose repr explains how to use it, as in CPython (a _Helper instance).
const helperType = new PyType({
  name: '_Helper',
  module: '_sitebuiltins',
  doc: helpFunction.doc,
  hooks: {
    repr: () => 'Type help() for interactive help, or help(object) for help about object.',
    call: (_obj, args, kwargs, ctx) => helpFunction.impl(args, kwargs, ctx),
  },
});

export const help = new PyObject(helperType);

class Quitter extends PyObject {
  constructor(readonly name: string) {
    super(quitterType);
  }
}

const quitterType: PyType = new PyType({
  name: 'Quitter',
  module: '_sitebuiltins',
  doc: 'exit() or quit(): leaves socklab (Ctrl-D does too).',
  hooks: {
    repr: (obj) => `Use ${(obj as Quitter).name}() or Ctrl-D (i.e. EOF) to exit`,
    call: (_obj: PyObject, args: PyObject[], kwargs: Kwargs) => {
      if (args.length > 1 || kwargs.size > 0) {
        throw typeError(`Quitter.__call__() takes from 1 to 2 positional arguments but ${args.length + 1} were given`);
      }
      throw pyError(SystemExit, ...(args.length === 1 ? [args[0] as PyObject] : []));
    },
  },
});

export const exit = new Quitter('exit');
export const quit = new Quitter('quit');

const NOTED = ['open', 'eval', 'exec', 'compile', 'globals', 'locals', 'vars'];
const TYPES = ['memoryview', 'classmethod', 'complex', 'property', 'staticmethod', 'super'];

const unavailableObjects = new WeakSet<PyObject>();

/** A built-in CPython has and socklab does not run: calling it gives socklab's note. */
export function unavailable(name: string): PyObject {
  const note = (): never => {
    throw new SocklabNote(NOTED.includes(name) ? unsupportedNote(name) : unsupportedBuiltinNote(name));
  };
  const obj = TYPES.includes(name)
    ? new PyType({ name, doc: `${name}: not available in socklab.`, hooks: { construct: note } })
    : newFunction({ name, doc: `${name}(): not available in socklab.`, call: note });
  unavailableObjects.add(obj);
  return obj;
}

/** Whether a built-in is one of those (completion does not offer them). */
export function isUnavailable(obj: PyObject): boolean {
  return unavailableObjects.has(obj);
}
