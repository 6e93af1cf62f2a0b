// IntEnum and IntFlag constant types, as the socket module's AddressFamily, SocketKind and MsgFlag:
// members are ints (arithmetic, comparison, hashing, %d and format work as on int; str() is the
// number, as in 3.11), their repr is `<AddressFamily.AF_INET: 2>`; flags combine with | & ^ ~ into
// `<MsgFlag.MSG_OOB|MSG_PEEK: 3>`.
import { PyObject, PyType, type Kwargs } from './object';
import { PyInt, intType, newInt } from './int';
import { newStr } from './str';
import { None } from './none';
import { defineProperty } from './function';
import { parseArgs, sig } from '../native/args';
import { asIndex } from '../native/convert';
import { valueError } from '../exceptions/raise';

export interface IntEnumSpec {
  name: string;
  /** The defining module ('socket'): reprs show `<enum 'AddressFamily'>`. */
  module: string;
  doc: string;
  /** Member names and values, in definition order. */
  members: Readonly<Record<string, number | bigint>>;
  /** IntFlag semantics: | & ^ ~ give members of this type. */
  flag?: boolean;
}

export interface IntEnum {
  readonly type: PyType;
  /** Members by name. */
  readonly members: ReadonlyMap<string, PyInt>;
  /** The member (or, for a flag, the combination) of a value; ValueError for an unknown IntEnum value. */
  of(value: bigint | number): PyInt;
}

class EnumMember extends PyInt {
  readonly memberName: string | null;
  constructor(value: bigint, type: PyType, name: string | null) {
    super(value, type);
    this.memberName = name;
  }
}

export function makeIntEnum(spec: IntEnumSpec): IntEnum {
  const type = new PyType({ name: spec.name, module: spec.module, bases: [intType], doc: spec.doc, metaKind: spec.flag ? 'flag' : 'enum' });
  const byName = new Map<string, PyInt>();
  const byValue = new Map<bigint, EnumMember>();
  for (const [name, raw] of Object.entries(spec.members)) {
    const value = BigInt(raw);
    const existing = byValue.get(value);
    const member = existing ?? new EnumMember(value, type, name);
    if (!existing) byValue.set(value, member);
    byName.set(name, member);
    type.attrs.set(name, member);
  }
  const singleBits = [...byValue.values()].filter((m) => m.value > 0n && (m.value & (m.value - 1n)) === 0n).sort((a, b) => (a.value < b.value ? -1 : 1));
  const allBits = (() => {
    let mask = 0n;
    for (const m of byValue.values()) if (m.value > 0n) mask |= m.value;
    return mask === 0n ? 0n : (1n << BigInt(mask.toString(2).length)) - 1n;
  })();

  // A flag value's name: its members' names in value order, unknown bits last as a number.
  // With no member bits at all the value has no name (`<MsgFlag: 0>`).
  const flagName = (value: bigint): string | null => {
    const names: string[] = [];
    let rest = value;
    for (const m of singleBits) {
      if ((value & m.value) !== 0n) {
        names.push(m.memberName as string);
        rest &= ~m.value;
      }
    }
    if (names.length === 0) return null;
    if (rest !== 0n) names.push(String(rest));
    return names.join('|');
  };

  const of = (raw: bigint | number): PyInt => {
    const value = BigInt(raw);
    const member = byValue.get(value);
    if (member) return member;
    if (!spec.flag) throw valueError(`${value} is not a valid ${spec.name}`);
    return new EnumMember(value, type, flagName(value));
  };

  type.hooks.repr = (obj) => {
    const m = obj as EnumMember;
    return m.memberName === null ? `<${spec.name}: ${m.value}>` : `<${spec.name}.${m.memberName}: ${m.value}>`;
  };
  type.hooks.construct = (_cls: PyType, args: PyObject[], kwargs: Kwargs) => {
    const [value] = parseArgs(sig(spec.name, 'positional', ['value']), args, kwargs);
    return of(asIndex(value as PyObject));
  };
  if (spec.flag) {
    type.hooks.binary = (op, a, b) => {
      if (op !== '|' && op !== '&' && op !== '^') return undefined;
      if (!(a instanceof PyInt) || !(b instanceof PyInt)) return undefined;
      const x = a.value;
      const y = b.value;
      return of(op === '|' ? x | y : op === '&' ? x & y : x ^ y);
    };
    type.hooks.unary = (op, a) => (op === '~' ? of((a as PyInt).value ^ allBits) : undefined);
  }
  defineProperty(type, {
    name: 'name',
    doc: "The member's name ('AF_INET').",
    get: (self) => {
      const n = (self as EnumMember).memberName;
      return n === null ? None : newStr(n);
    },
  });
  defineProperty(type, { name: 'value', doc: "The member's integer value.", get: (self) => newInt((self as PyInt).value) });
  return { type, members: byName, of };
}

/** Whether an object is a member of some IntEnum or IntFlag type. */
export function isEnumMember(obj: PyObject): boolean {
  return obj instanceof EnumMember;
}
