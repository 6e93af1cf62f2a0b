// The root of the object model: every Python value is a PyObject whose `type` is a PyType.
// Behaviour of built-in kinds lives in the operations modules; a type adds or overrides behaviour
// through hooks (repr, construct, iterate ...) and attributes (methods, properties) looked up along
// its method resolution order, as CPython does.
import type { CallContext } from '../events';

export type Kwargs = ReadonlyMap<string, PyObject>;
export const NO_KWARGS: Kwargs = new Map();
/** What a native function returns: a value, or a promise of one when it waits for something. */
export type NativeResult = PyObject | Promise<PyObject>;

/** One step of an iteration: the next value, or undefined at the end. */
export type IterStep = PyObject | undefined | Promise<PyObject | undefined>;
export interface PyIterator {
  next(): IterStep;
}

// Addresses look like CPython's heap addresses in reprs (`at 0x7f...`) and id(); each object gets one
// on first use, never reused.
const ADDRESS_BASE = 0x7f3a5c100000;
let addressCount = 0;
// Kept apart from the objects: few ever need one, and every field costs each of millions of ints.
const addresses = new WeakMap<PyObject, number>();

export class PyObject {
  // `declare`: assigned in the constructor only. A field definition here would run in an initializer
  // that every kind of object shares, which V8 then handles on its slow generic path.
  declare type: PyType;
  /** Instance attributes, for kinds of objects that accept them (exceptions, modules ...). */
  declare dict: Map<string, PyObject> | null;

  constructor(type: PyType) {
    this.type = type;
    // `type` is undefined only while the first types are bootstrapped.
    this.dict = type?.instanceDict ? new Map() : null;
  }

  get address(): number {
    let address = addresses.get(this);
    if (address === undefined) {
      address = ADDRESS_BASE + ++addressCount * 0x40;
      addresses.set(this, address);
    }
    return address;
  }
}

export interface TypeHooks {
  repr?(obj: PyObject): string;
  str?(obj: PyObject): string;
  /** Calling the type: builds (and returns) a new object, or any object the type decides. */
  construct?(cls: PyType, args: PyObject[], kwargs: Kwargs, ctx: CallContext): NativeResult;
  /** Calling an instance. */
  call?(obj: PyObject, args: PyObject[], kwargs: Kwargs, ctx: CallContext): NativeResult;
  hash?(obj: PyObject): bigint;
  /** Equality with another object; undefined when this type does not know how to compare. */
  equals?(a: PyObject, b: PyObject): boolean | undefined;
  truthy?(obj: PyObject): boolean;
  length?(obj: PyObject): number;
  iterate?(obj: PyObject): PyIterator;
  /** `a op b` when a or b has this type (tried before the built-in rules); undefined to decline. */
  binary?(op: string, a: PyObject, b: PyObject): PyObject | undefined;
  /** `op a` ('-', '+', '~'); undefined to decline. */
  unary?(op: string, a: PyObject): PyObject | undefined;
  /** obj[key] for a type that supports subscripts. */
  getItem?(obj: PyObject, key: PyObject): PyObject;
  /** Asked when the normal attribute lookup finds nothing. */
  getAttribute?(obj: PyObject, name: string): PyObject | undefined;
  /** Extra names for dir() (instance attributes that are not in the type's table). */
  dir?(obj: PyObject): string[];
}

export interface TypeOptions {
  name: string;
  /** 'builtins' for built-in types (their repr omits it). */
  module?: string;
  qualname?: string;
  bases?: PyType[];
  doc?: string;
  hooks?: TypeHooks;
  /** Instances accept arbitrary attributes (`e.note = 1`). */
  instanceDict?: boolean;
  /** Shown as `<enum 'AddressFamily'>` or `<flag 'MsgFlag'>` instead of `<class '...'>`. */
  metaKind?: 'class' | 'enum' | 'flag';
}

let typeTypeRef: PyType | undefined;

export class PyType extends PyObject {
  readonly name: string;
  readonly module: string;
  readonly qualname: string;
  readonly bases: PyType[];
  readonly mro: PyType[];
  readonly attrs = new Map<string, PyObject>();
  doc: string;
  readonly hooks: TypeHooks;
  readonly instanceDict: boolean;
  readonly metaKind: 'class' | 'enum' | 'flag';

  constructor(options: TypeOptions) {
    // The very first types are made before `type` exists; bootstrap() below fixes their `type`.
    super(typeTypeRef as PyType);
    this.name = options.name;
    this.module = options.module ?? 'builtins';
    this.qualname = options.qualname ?? options.name;
    this.bases = options.bases ?? (objectTypeRef ? [objectTypeRef] : []);
    this.mro = [this, ...linearize(this.bases)];
    this.doc = options.doc ?? '';
    this.hooks = options.hooks ?? {};
    this.instanceDict = options.instanceDict ?? false;
    this.metaKind = options.metaKind ?? 'class';
  }

  /** `socket.socket`, or just `int` for built-ins. */
  get fullName(): string {
    return this.module === 'builtins' ? this.qualname : `${this.module}.${this.qualname}`;
  }

  isSubtypeOf(other: PyType): boolean {
    return this === other || this.mro.includes(other);
  }

  /** The first definition of `name` along the MRO. */
  lookup(name: string): PyObject | undefined {
    for (const t of this.mro) {
      const found = t.attrs.get(name);
      if (found !== undefined) return found;
    }
    return undefined;
  }

  /** The first hook of this kind along the MRO. */
  hook<K extends keyof TypeHooks>(kind: K): TypeHooks[K] | undefined {
    for (const t of this.mro) {
      const found = t.hooks[kind];
      if (found !== undefined) return found;
    }
    return undefined;
  }
}

// C3 linearization of the bases (CPython's MRO), so multiple bases resolve the way Python's do.
function linearize(bases: PyType[]): PyType[] {
  const sequences = [...bases.map((b) => [...b.mro]), [...bases]].filter((s) => s.length > 0);
  const result: PyType[] = [];
  while (sequences.some((s) => s.length > 0)) {
    let head: PyType | undefined;
    for (const seq of sequences) {
      const candidate = seq[0];
      if (candidate === undefined) continue;
      if (!sequences.some((s) => s.indexOf(candidate) > 0)) {
        head = candidate;
        break;
      }
    }
    if (head === undefined) throw new Error('inconsistent method resolution order');
    result.push(head);
    for (const seq of sequences) if (seq[0] === head) seq.shift();
  }
  return result;
}

let objectTypeRef: PyType | undefined;

export const objectType: PyType = new PyType({ name: 'object', bases: [], doc: 'The base class of the class hierarchy.' });
objectTypeRef = objectType;
export const typeType: PyType = new PyType({
  name: 'type',
  doc: "type(object) -> the object's type",
});
typeTypeRef = typeType;
objectType.type = typeType;
typeType.type = typeType;

export function isInstance(obj: PyObject, cls: PyType): boolean {
  return obj.type === cls || obj.type.mro.includes(cls);
}

export function typeName(obj: PyObject): string {
  return obj.type.name;
}

/** `<class 'int'>`, `<class 'socket.gaierror'>`, `<enum 'AddressFamily'>` (enums show their bare name). */
export function typeRepr(t: PyType): string {
  return `<${t.metaKind} '${t.metaKind === 'class' ? t.fullName : t.qualname}'>`;
}

export function hexAddress(obj: PyObject): string {
  return `0x${obj.address.toString(16)}`;
}
