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
export interface FlowPrefixComponent {
  readonly type: 1 | 2;
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

/** Types 3..13: a list of {operator, value} pairs (RFC 8955 §4.2.1). */
export interface FlowOpComponent {
  readonly type: number;
  /** Operator octets exactly as on the wire. */
  readonly ops: number[];
  /** Values: number for 1/2/4-octet values, bigint for 8-octet ones. */
  readonly values: (number | bigint)[];
}

export type FlowComponent = FlowPrefixComponent | FlowOpComponent;

export interface FlowSpecNlri extends NlriBase {
  /** Route Distinguisher (8 octets), FlowSpec-VPN only (RFC 8955 §8). */
  rd?: Uint8Array;
  /** Components in wire order. */
  components: FlowComponent[];
  /**
   * The NLRI length was sent in the 2-octet form although it is below 240 (RFC 8955 §4.1 allows
   * it; Ze accepts it). Kept so such an input re-encodes byte for byte.
   */
  longLength?: boolean;
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

/** One readable term for `buildOps`. */
export interface FlowTerm {
  /** The comparison/bitmask bits (low 3 bits of the operator), or a numeric name. */
  op: number | NumericOpText;
  value: number | bigint;
  /** AND with the previous term (else OR). */
  and?: boolean;
}

/** The smallest RFC 8955 value length (len bits) that holds `v`. */
export function minimalLenBits(v: number | bigint): number {
  if (typeof v === 'bigint') return v <= 0xffn ? 0 : v <= 0xffffn ? 1 : v <= 0xffffffffn ? 2 : 3;
  return v <= 0xff ? 0 : v <= 0xffff ? 1 : v <= 0xffffffff ? 2 : 3;
}

/**
 * Make an operator component from readable terms: end bit on the last pair, AND bit as given,
 * minimal value length (8-octet values become bigint).
 */
export function buildOps(type: number, terms: readonly FlowTerm[]): FlowOpComponent {
  const ops: number[] = [];
  const values: (number | bigint)[] = [];
  for (let i = 0; i < terms.length; i++) {
    const t = terms[i]!;
    const bits = typeof t.op === 'number' ? t.op & 0x0f : NUMERIC_OP_BITS[t.op];
    const len = minimalLenBits(t.value);
    ops.push((i === terms.length - 1 ? OP_END : 0) | (t.and ? OP_AND : 0) | (len << 4) | bits);
    values.push(len === 3 ? BigInt(t.value) : Number(t.value));
  }
  return { type, ops, values };
}
