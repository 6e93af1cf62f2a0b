// module objects: a namespace with a name, made by a module's builder in the registry.
import { PyObject, PyType } from './object';

export const moduleType = new PyType({ name: 'module', doc: 'A module: a namespace of functions, classes and constants.' });

export class PyModule extends PyObject {
  readonly name: string;
  /** What the repr shows after the name: '(built-in)' or "from '/usr/lib/python3.11/socket.py'". */
  readonly origin: string;
  readonly doc: string;
  override dict: Map<string, PyObject> = new Map();

  /**
   * `file`: the module's source path as CPython shows it (`<module 'socket' from '/usr/lib/...'>`);
   * without one the module is built in (`<module 'time' (built-in)>`).
   */
  constructor(name: string, options: { file?: string; doc?: string } = {}) {
    super(moduleType);
    this.name = name;
    this.origin = options.file === undefined ? '(built-in)' : `from '${options.file}'`;
    this.doc = options.doc ?? '';
  }

  set(name: string, value: PyObject): this {
    this.dict.set(name, value);
    return this;
  }

  get(name: string): PyObject | undefined {
    return this.dict.get(name);
  }
}

moduleType.hooks.repr = (obj) => {
  const m = obj as PyModule;
  return `<module '${m.name}' ${m.origin}>`;
};
