/**
 * The FlowSpec typed model (RFC 8955 §4, RFC 8956 §3): one NLRI = an optional Route
 * Distinguisher (RFC 8955 §8, SAFI 134) and a list of components in wire order.
 *
 * The model is lossless: every byte of a decoded NLRI is kept, so `encode(decode(b))` gives `b`
 * back even for inputs Ze tolerates but the RFC would not produce (components out of order or
 * repeated, non-minimal value sizes, reserved bits, a missing end-of-list bit, the 2-octet
 * length form for a short NLRI).
 *
 * - A prefix component (types 1, 2) keeps `len`, `offset` (RFC 8956 §3.1; always 0 for IPv4,
 *   which has no offset octet) and `pattern`, exactly the octets on the wire.
 * - An operator component (types 3..13) keeps its {operator, value} pairs as two parallel
 *   arrays: `ops[i]` is the operator octet as on the wire (end, AND, length and comparison bits,
 *   RFC 8955 §4.2.1.1 and §4.2.1.2) and `values[i]` its value: a `number` for 1-, 2- and 4-octet
 *   values, a `bigint` for 8-octet values (len bits 11). The value length is the one in `ops[i]`,
 *   so a non-minimal encoding re-encodes byte for byte.
 *
 * `buildOps` makes the pairs from readable terms with the RFC's encoding rules (end bit on the
 * last pair only, smallest value length that holds the value).
 */
import type { NlriBase } from '../../src/registry/family.js';
import { INSPECT, inspectPlain, plainJson } from '../../src/registry/plain.js';

/** RFC 8955 §4.2.2 component type codes (13 is RFC 8956 §3.7). */
export const FLOW_DESTINATION = 1;
export const FLOW_SOURCE = 2;
export const FLOW_PROTOCOL = 3;
export const FLOW_PORT = 4;
export const FLOW_DESTINATION_PORT = 5;
export const FLOW_SOURCE_PORT = 6;
export const FLOW_ICMP_TYPE = 7;
export const FLOW_ICMP_CODE = 8;
export const FLOW_TCP_FLAGS = 9;
export const FLOW_PACKET_LENGTH = 10;
export const FLOW_DSCP = 11;
export const FLOW_FRAGMENT = 12;
export const FLOW_FLOW_LABEL = 13;

/** Operator octet bits (RFC 8955 §4.2.1.1 numeric_op, §4.2.1.2 bitmask_op). */
export const OP_END = 0x80;
export const OP_AND = 0x40;
export const OP_LEN_MASK = 0x30;
/** Numeric operator: reserved bit (MUST be 0 on encoding, ignored on decoding). */
export const OP_NUMERIC_RESERVED = 0x08;
export const OP_LT = 0x04;
export const OP_GT = 0x02;
export const OP_EQ = 0x01;
/** Bitmask operator: the two reserved bits. */
export const OP_BITMASK_RESERVED = 0x0c;
export const OP_NOT = 0x02;
export const OP_MATCH = 0x01;

/** Value length in octets (1, 2, 4 or 8) coded by the len bits of an operator octet. */
export function opValueLength(op: number): number {
  return 1 << ((op >> 4) & 3);
}

/** Types 1 and 2: a prefix (RFC 8955 §4.2.2.1-2; IPv6 with offset, RFC 8956 §3.1-2). */
export interface FlowPrefixComponent<T extends 1 | 2 = 1 | 2> {
  readonly type: T;
  /** Prefix length in bits (the bit where matching stops). */
  readonly len: number;
  /** Bits skipped before matching starts (IPv6 only; 0 for IPv4). */
  readonly offset: number;
  /**
   * The pattern octets as on the wire: ceil(len/8) address octets for IPv4 and for IPv6 with
   * offset 0; for IPv6 with an offset, ceil((len - offset)/8) octets holding bits offset..len-1
   * of the address (RFC 8956 §3.1). Fewer octets are zero-filled on encoding.
   */
  readonly pattern: Uint8Array;
}

/** Numeric component types (RFC 8955 §4.2.2.3-8, .10-11; RFC 8956 §3.7 flow label). */
export type FlowNumericType = 3 | 4 | 5 | 6 | 7 | 8 | 10 | 11 | 13;
/** Bitmask component types: TCP flags and fragment (RFC 8955 §4.2.2.9, §4.2.2.12). */
export type FlowBitmaskType = 9 | 12;

/** Octets of one operator value (the len bits of RFC 8955 §4.2.1). */
export type FlowValueOctets = 1 | 2 | 4 | 8;

/**
 * One numeric term, read from an operator octet and its value (RFC 8955 §4.2.1.1): the
 * comparison of the lt/gt/eq bits (all eight of Table 1, `'false'` = 000, `'true'` = 111), the
 * value, whether it is AND-ed with the term before it (else OR-ed), and the value's size.
 */
export interface NumericTerm {
  readonly op: NumericOpText;
  readonly value: number | bigint;
  readonly and: boolean;
  readonly octets: FlowValueOctets;
}

/**
 * A bitmask match (RFC 8955 §4.2.1.2, the `not` and `m` bits): `'any'` = some bit of the value
 * is set in the data, `'none'` = none is (not), `'all'` = all are (m), `'not-all'` = not all are.
 */
export type BitmaskOpText = 'any' | 'none' | 'all' | 'not-all';

/** One bitmask term (RFC 8955 §4.2.1.2). */
export interface BitmaskTerm {
  readonly op: BitmaskOpText;
  readonly value: number | bigint;
  readonly and: boolean;
  readonly octets: FlowValueOctets;
}

/**
 * Types 3..13: a list of {operator, value} pairs (RFC 8955 §4.2.1). `ops`/`values` are the wire
 * form (every bit kept, reserved ones too); `terms` is the same list read as typed terms.
 */
export interface FlowNumericComponent {
  readonly type: FlowNumericType;
  /** Operator octets exactly as on the wire. */
  readonly ops: number[];
  /** Values: number for 1/2/4-octet values, bigint for 8-octet ones. */
  readonly values: (number | bigint)[];
  /** The pairs as typed terms (computed when read). */
  readonly terms: readonly NumericTerm[];
}

/** A TCP flags or fragment component: like the numeric one, with bitmask terms. */
export interface FlowBitmaskComponent<T extends FlowBitmaskType = FlowBitmaskType> {
  readonly type: T;
  readonly ops: number[];
  readonly values: (number | bigint)[];
  readonly terms: readonly BitmaskTerm[];
}

/** Any operator component (types 3..13). */
export type FlowOpComponent = FlowNumericComponent | FlowBitmaskComponent;

/**
 * A component; narrows on `type` (1-2 prefix, 9 and 12 bitmask, the rest numeric). The prefix and
 * bitmask members are listed per type so that ruling out both (`c.type !== 1 && c.type !== 2`)
 * narrows too.
 */
export type FlowComponent =
  | FlowPrefixComponent<1>
  | FlowPrefixComponent<2>
  | FlowNumericComponent
  | FlowBitmaskComponent<9>
  | FlowBitmaskComponent<12>;

/** Numeric comparison names by the lt/gt/eq bits (RFC 8955 §4.2.1.1 Table 1). */
const NUMERIC_OPS: readonly NumericOpText[] = ['false', '=', '>', '>=', '<', '<=', '!=', 'true'];
/** Bitmask names by the not/m bits (RFC 8955 §4.2.1.2). */
const BITMASK_OPS: readonly BitmaskOpText[] = ['any', 'all', 'none', 'not-all'];

/** Whether a type is a bitmask one (9, 12). */
export function isBitmaskType(type: number): type is FlowBitmaskType {
  return type === FLOW_TCP_FLAGS || type === FLOW_FRAGMENT;
}

/**
 * An operator component of `type` from wire-form operators and values (what the decoder and the
 * builders make): its `terms` are read from `ops` when asked, and `toJSON`/`util.inspect` show them.
 */
export class FlowOps {
  readonly type: FlowNumericType | FlowBitmaskType;
  readonly ops: number[];
  readonly values: (number | bigint)[];

  constructor(type: number, ops: number[], values: (number | bigint)[]) {
    this.type = type as FlowNumericType;
    this.ops = ops;
    this.values = values;
  }

  get terms(): readonly (NumericTerm | BitmaskTerm)[] {
    const out: (NumericTerm | BitmaskTerm)[] = [];
    const bitmask = isBitmaskType(this.type);
    for (let i = 0; i < this.ops.length; i++) {
      const op = this.ops[i]!;
      out.push({
        op: bitmask ? BITMASK_OPS[op & 3]! : NUMERIC_OPS[op & 7]!,
        value: this.values[i]!,
        and: (op & OP_AND) !== 0,
        octets: (1 << ((op >> 4) & 3)) as FlowValueOctets,
      } as NumericTerm);
    }
    return out;
  }

  /** The plain object: type, wire form and terms (8-octet values as decimal strings). */
  toJSON(): Record<string, unknown> {
    return plainJson(this);
  }

  /** `console.log` / `util.inspect`: the plain object with its terms. */
  [INSPECT](depth: number, options: object, inspect: (v: unknown, o: object) => string): string {
    return inspectPlain(this, depth, options, inspect);
  }
}

/** An operator component from wire-form operators and values, typed by its `type`. */
export function flowOps(type: FlowNumericType, ops: number[], values: (number | bigint)[]): FlowNumericComponent;
export function flowOps(type: FlowBitmaskType, ops: number[], values: (number | bigint)[]): FlowBitmaskComponent;
export function flowOps(type: number, ops: number[], values: (number | bigint)[]): FlowOpComponent;
export function flowOps(type: number, ops: number[], values: (number | bigint)[]): FlowOpComponent {
  return new FlowOps(type, ops, values) as FlowOpComponent;
}

export interface FlowSpecNlri extends NlriBase {
  /** Route Distinguisher (8 octets), FlowSpec-VPN only (RFC 8955 §8). A decoded view's is undefined outside flow-vpn. */
  rd?: Uint8Array | undefined;
  /** Components in wire order. */
  components: FlowComponent[];
  /**
   * The NLRI length was sent in the 2-octet form although it is below 240 (RFC 8955 §4.1 allows
   * it; Ze accepts it). Kept so such an input re-encodes byte for byte.
   */
  longLength?: boolean | undefined;
}

export function isPrefixComponent(c: FlowComponent): c is FlowPrefixComponent {
  return c.type === FLOW_DESTINATION || c.type === FLOW_SOURCE;
}

/** Numeric comparison names (RFC 8955 §4.2.1.1 lt/gt/eq bits). */
export type NumericOpText = '=' | '>' | '>=' | '<' | '<=' | '!=' | 'true' | 'false';

export const NUMERIC_OP_BITS: Readonly<Record<NumericOpText, number>> = {
  false: 0,
  '=': OP_EQ,
  '>': OP_GT,
  '>=': OP_GT | OP_EQ,
  '<': OP_LT,
  '<=': OP_LT | OP_EQ,
  '!=': OP_LT | OP_GT,
  true: OP_LT | OP_GT | OP_EQ,
};

/** One readable term for `buildOps` (a `NumericTerm` or `BitmaskTerm` is one). */
export interface FlowTerm {
  /** A numeric or bitmask name, or the comparison/bitmask bits (low 3 bits of the operator). */
  op: number | NumericOpText | BitmaskOpText;
  value: number | bigint;
  /** AND with the previous term (else OR). */
  and?: boolean;
  /** Value size; the smallest that holds the value when left out. */
  octets?: FlowValueOctets;
}

/** The smallest RFC 8955 value length (len bits) that holds `v`. */
export function minimalLenBits(v: number | bigint): number {
  if (typeof v === 'bigint') return v <= 0xffn ? 0 : v <= 0xffffn ? 1 : v <= 0xffffffffn ? 2 : 3;
  return v <= 0xff ? 0 : v <= 0xffff ? 1 : v <= 0xffffffff ? 2 : 3;
}

const OCTETS_LEN_BITS: Readonly<Record<FlowValueOctets, number>> = { 1: 0, 2: 1, 4: 2, 8: 3 };
const BITMASK_OP_BITS: Readonly<Record<BitmaskOpText, number>> = { any: 0, all: OP_MATCH, none: OP_NOT, 'not-all': OP_NOT | OP_MATCH };

/** The low operator bits of a term; a name of the other kind (`'all'` on a port) is refused. */
function opBits(type: number, op: FlowTerm['op']): number {
  if (typeof op === 'number') return op & 0x0f;
  const names = (isBitmaskType(type) ? BITMASK_OP_BITS : NUMERIC_OP_BITS) as Record<string, number | undefined>;
  const bits = Object.hasOwn(names, op) ? names[op] : undefined;
  if (bits === undefined) throw new TypeError(`FlowSpec component ${type}: unknown ${isBitmaskType(type) ? 'bitmask' : 'numeric'} operator ${JSON.stringify(op)}`);
  return bits;
}

/**
 * Make an operator component from readable terms: end bit on the last pair, AND bit as given,
 * the value size as given or else the smallest (8-octet values become bigint). A component's
 * own `terms` give it back: `buildOps(c.type, c.terms)` has the bytes of `c` when `c` ends its
 * list on the last pair and sets no reserved bit.
 */
export function buildOps(type: FlowNumericType, terms: readonly FlowTerm[]): FlowNumericComponent;
export function buildOps(type: FlowBitmaskType, terms: readonly FlowTerm[]): FlowBitmaskComponent;
export function buildOps(type: number, terms: readonly FlowTerm[]): FlowOpComponent;
export function buildOps(type: number, terms: readonly FlowTerm[]): FlowOpComponent {
  const ops: number[] = [];
  const values: (number | bigint)[] = [];
  for (let i = 0; i < terms.length; i++) {
    const t = terms[i]!;
    const bits = opBits(type, t.op);
    const len = t.octets !== undefined ? OCTETS_LEN_BITS[t.octets] : minimalLenBits(t.value);
    if (len === undefined) throw new TypeError(`FlowSpec component ${type}: value size ${String(t.octets)} is not 1, 2, 4 or 8 octets`);
    if (minimalLenBits(t.value) > len || t.value < 0) throw new TypeError(`FlowSpec component ${type}: value ${String(t.value)} does not fit in ${String(t.octets)} octet(s)`);
    ops.push((i === terms.length - 1 ? OP_END : 0) | (t.and ? OP_AND : 0) | (len << 4) | bits);
    values.push(len === 3 ? BigInt(t.value) : Number(t.value));
  }
  return flowOps(type, ops, values);
}
