// The modules a program can import. Each is registered by name with a builder run on first import;
// `socket`, `select` and `time` register themselves here. Importing a name that is not registered
// gives CPython's ModuleNotFoundError, or socklab's note when it is a standard-library module
// socklab does not provide.
import type { PyModule } from '../objects/module';
import { pyError } from '../exceptions/raise';
import { ModuleNotFoundError } from '../exceptions/classes';
import { newStr } from '../objects/str';
import { STDLIB_MODULE_NAMES } from './stdlib-names';
import { SocklabNote } from '../note';

export type ModuleBuilder = (registry: ModuleRegistry) => PyModule | Promise<PyModule>;

export class ModuleRegistry {
  private readonly builders = new Map<string, ModuleBuilder>();
  private readonly loaded = new Map<string, Promise<PyModule>>();

  /** Makes `import name` build the module with `build` (once per registry). */
  register(name: string, build: ModuleBuilder): this {
    this.builders.set(name, build);
    this.loaded.delete(name);
    return this;
  }

  has(name: string): boolean {
    return this.builders.has(name);
  }

  names(): string[] {
    return [...this.builders.keys()].sort();
  }

  /** The module object, built on first use. */
  load(name: string): Promise<PyModule> {
    const cached = this.loaded.get(name);
    if (cached) return cached;
    const build = this.builders.get(name);
    if (!build) return Promise.reject(notFound(name, this.builders.has(name.split('.')[0] as string)));
    const module = Promise.resolve().then(() => build(this));
    this.loaded.set(name, module);
    module.catch(() => this.loaded.delete(name));
    return module;
  }

  /** A module already built, or undefined (completion uses this: it must not build anything). */
  peek(name: string): Promise<PyModule> | undefined {
    return this.loaded.get(name);
  }
}

function notFound(name: string, topRegistered: boolean): Error {
  const top = name.split('.')[0] as string;
  if (!topRegistered && STDLIB_MODULE_NAMES.has(top)) {
    return new SocklabNote(
      `The ${top} module is not part of socklab's Python: socklab runs one statement per line, each on a real socket, with the socket, select and time modules, so use those.`,
    );
  }
  // `import a.b` fails on `a` first when there is no package `a` at all.
  const missing = name.includes('.') && !topRegistered ? top : name;
  const notPackage = name.includes('.') && topRegistered ? `; '${top}' is not a package` : '';
  const error = pyError(ModuleNotFoundError, `No module named '${missing}'${notPackage}`);
  error.exc.slots.set('name', newStr(missing));
  return error;
}
