/**
 * FlowSpec model -> Ze's decode-nlri JSON (Ze `bgp-nlri-flowspec`, spec §5), written straight
 * from the model with `JsonWriter`: keys in Go map order (byte-wise sorted), every component an
 * array of groups (outer = OR, inner = AND) of strings, operators HTML-escaped as Go does
 * (`>=80` is written `\u003e=80`). Every bit of meaning in the bytes is printed; where Ze prints
 * two different encodings alike, ze-nlri follows the RFC (docs/ze-compat.md, flowspec):
 *
 * RFC 8955 §4.2.1.1 numeric terms `<op><value>`: op from the lt/gt/eq bits, all eight of Table 1:
 *   `=` `>` `>=` `<` `<=` `!=`, and `false:` (000) / `true:` (111) followed by the value the pair
 *   carries (Ze prints `=` for both). The reserved bit is ignored as the RFC requires. An AND bit
 *   on a later pair joins the group of the previous pair; an AND bit on the FIRST pair (no term
 *   before it) is printed as a `&` before its term. Values print in full at every size (1, 2, 4,
 *   8 octets); protocol names (type 3) only for values 0..255 (Ze names 0x0106 `tcp`).
 * RFC 8955 §4.2.1.2 bitmask terms: each pair its own group, the first member starting with `&`
 *   when the AND bit is set (Ze's own text form), then `!` for not and `=` for match; a pair with
 *   neither (m = 0, "any of the bits") has no operator (Ze prints `=`, as for m = 1). Then the
 *   names of the set bits (RFC 8955 §4.2.2.9, §4.2.2.12) and, as one more member, the value of the
 *   bits that have no name (the high octet of a 2-octet TCP flags value, fragment bits 0x10..,
 *   anything above), in decimal: `["=syn","256"]` for 0x0102 (Ze keeps the low octet only).
 * RFC 8955 §4.2.2.1-2, RFC 8956 §3.1: prefixes `<address>/<length>/<offset>`; with an offset the
 *   address is the pattern shifted right by `offset` bits (RFC 8956 §3.1 note); a length above
 *   the address size prints its pattern octets, `0x<hex>/<length>/<offset>` (Ze: `invalid Prefix`).
 */
import { ipv4ToString, ipv6ToString } from '../../src/core/ip.js';
import type { JsonWriter } from '../../src/core/json.js';
import { rdToString } from '../../src/core/rd.js';
import { COMPONENTS, FRAGMENT_FLAG_NAMES, JSON_ORDER_V4, JSON_ORDER_V6, PROTOCOL_NAMES, TCP_FLAG_NAMES } from './components.js';
import { FLOW_PROTOCOL, FLOW_TCP_FLAGS, OP_AND, OP_END, OP_MATCH, OP_NOT, isPrefixComponent, type FlowComponent, type FlowOpComponent, type FlowPrefixComponent, type FlowSpecNlri } from './model.js';
import { FlowView, VIEW_V6, valueAt } from './view.js';
import { WirePrefix, patternOctets } from './wire-prefix.js';

/** Numeric operator text by the lt/gt/eq bits (RFC 8955 §4.2.1.1 Table 1). */
export const NUMERIC_OP_TEXT = ['false:', '=', '>', '>=', '<', '<=', '!=', 'true:'];
/** The same, as Go's json.Marshal escapes it, with the opening quote. */
const NUMERIC_OP_JSON = NUMERIC_OP_TEXT.map((t) => '"' + t.replace(/>/g, '\\u003e').replace(/</g, '\\u003c'));
/** The same with the `&` of an AND bit on the first pair. */
const NUMERIC_AND_OP_JSON = NUMERIC_OP_TEXT.map((t) => '"\\u0026' + t.replace(/>/g, '\\u003e').replace(/</g, '\\u003c'));

const SCRATCH = new Uint8Array(16);

/** Lower-case hex of `have` octets at `at`, zero-filled to `size` octets. */
function lowerHex(buf: Uint8Array, at: number, have: number, size: number): string {
  let h = '';
  for (let i = 0; i < have; i++) h += (buf[at + i]! < 16 ? '0' : '') + buf[at + i]!.toString(16);
  return h + '00'.repeat(size - have);
}

/**
 * The prefix text of `len`/`offset` whose pattern is the `have` octets at `buf[at]` (fewer than
 * the wire's octets only for a hand-built pattern, zero-filled as encoded).
 */
function patternText(buf: Uint8Array, at: number, have: number, len: number, offset: number, v6: boolean): string {
  if (len > (v6 ? 128 : 32)) return '0x' + lowerHex(buf, at, have, patternOctets(len, offset)) + '/' + len + '/' + offset;
  if (!v6) return ipv4ToString(buf, at, have) + '/' + len + '/0';
  if (offset === 0) return ipv6ToString(buf, at, have) + '/' + len + '/0';
  // RFC 8956 §3.1: the pattern holds address bits offset..len-1 (plus padding).
  SCRATCH.fill(0);
  for (let i = 0; i < have * 8; i++) {
    const dst = offset + i;
    if (dst >= 128) break;
    if (buf[at + (i >> 3)]! & (0x80 >> (i & 7))) SCRATCH[dst >> 3]! |= 0x80 >> (dst & 7);
  }
  return ipv6ToString(SCRATCH, 0, 16) + '/' + len + '/' + offset;
}

/**
 * `<address>/<length>/<offset>`; when the length exceeds the address (malformed by RFC 8955
 * §4.2.2.1 / RFC 8956 §3.1, tolerated as Ze does) the pattern octets as they are,
 * `0x<hex>/<length>/<offset>` (Ze prints `invalid Prefix/<offset>`, losing length and pattern).
 */
export function prefixText(c: FlowPrefixComponent, v6: boolean): string {
  const { len, offset } = c;
  const size = patternOctets(len, offset);
  if (c instanceof WirePrefix) return patternText(c.src, c.at, size, len, offset, v6);
  const p = c.pattern;
  return patternText(p, 0, size > p.length ? p.length : size, len, offset, v6);
}

function valueText(type: number, v: number | bigint): string {
  if (type === FLOW_PROTOCOL && typeof v === 'number') {
    const name = PROTOCOL_NAMES.get(v);
    if (name !== undefined) return name;
  }
  return typeof v === 'bigint' ? v.toString() : String(v);
}

/** One numeric term as text (`>=1024`, `=tcp`, `true:0`); `first` adds the `&` of an AND bit. */
export function numericText(type: number, op: number, v: number | bigint, first = false): string {
  return (first && op & OP_AND ? '&' : '') + NUMERIC_OP_TEXT[op & 7]! + valueText(type, v);
}

/** One bitmask pair as a group: `["=fin","push"]`, `["&!rst"]`, `["syn"]`, `["=syn","256"]`. */
export function bitmaskGroup(type: number, op: number, v: number | bigint): string[] {
  let prefix = (op & OP_AND ? '&' : '') + (op & OP_NOT ? '!' : '') + (op & OP_MATCH ? '=' : '');
  const names = type === FLOW_TCP_FLAGS ? TCP_FLAG_NAMES : FRAGMENT_FLAG_NAMES;
  const named = typeof v === 'bigint' ? Number(v & 0xffn) & ((1 << names.length) - 1) : v & 0xff & ((1 << names.length) - 1);
  const out: string[] = [];
  for (let bit = 0; bit < names.length; bit++) {
    if (named & (1 << bit)) {
      out.push(prefix + names[bit]!);
      prefix = '';
    }
  }
  // The bits without a name, as one number (0 when the value is 0 and nothing else was printed).
  const rest = typeof v === 'bigint' ? v - BigInt(named) : v - named;
  if (out.length === 0 || rest !== 0 && rest !== 0n) out.push(prefix + String(rest));
  return out;
}

/** Ze's groups for one operator component (spec §5.3-5.4). */
export function componentGroups(c: FlowOpComponent): string[][] {
  const groups: string[][] = [];
  const { ops, values, type } = c;
  if (COMPONENTS[type]?.kind === 'bitmask') {
    for (let i = 0; i < ops.length; i++) groups.push(bitmaskGroup(type, ops[i]!, values[i]!));
    return groups;
  }
  for (let i = 0; i < ops.length; i++) {
    const t = numericText(type, ops[i]!, values[i]!, i === 0);
    if (i > 0 && ops[i]! & OP_AND) groups[groups.length - 1]!.push(t);
    else groups.push([t]);
  }
  return groups;
}

/** One numeric pair: a new group unless it is AND-ed to the one before; the caller closes the last. */
function numericPair(j: JsonWriter, type: number, i: number, op: number, v: number | bigint): void {
  if (i === 0) j.beginArray();
  else if (!(op & OP_AND)) j.endArray().beginArray();
  j.raw((i === 0 && op & OP_AND ? NUMERIC_AND_OP_JSON : NUMERIC_OP_JSON)[op & 7]! + valueText(type, v) + '"');
}

/** One bitmask pair: its own group. */
function bitmaskPair(j: JsonWriter, type: number, op: number, v: number | bigint): void {
  j.beginArray();
  for (const s of bitmaskGroup(type, op, v)) j.string(s);
  j.endArray();
}

function writeComponent(c: FlowComponent, v6: boolean, j: JsonWriter): void {
  if (isPrefixComponent(c)) {
    j.beginArray().stringRaw(prefixText(c, v6)).endArray();
    return;
  }
  const { ops, values, type } = c;
  if (COMPONENTS[type]!.kind === 'bitmask') {
    for (let i = 0; i < ops.length; i++) bitmaskPair(j, type, ops[i]!, values[i]!);
    return;
  }
  for (let i = 0; i < ops.length; i++) numericPair(j, type, i, ops[i]!, values[i]!);
  j.endArray();
}

/** Index past the component at `p` of checked bytes ending at `e` (view.ts reads them alike). */
function componentEnd(b: Uint8Array, p: number, e: number, v6: boolean): number {
  if (b[p]! <= 2) {
    const offset = v6 ? b[p + 2]! : 0;
    return p + (v6 ? 3 : 2) + patternOctets(b[p + 1]!, offset);
  }
  let q = p + 1;
  let op: number;
  do {
    op = b[q]!;
    q += 1 + (1 << ((op >> 4) & 3));
  } while (!(op & OP_END) && q < e);
  return q;
}

/** `writeComponent` for the component at `p` of a view's checked bytes, read in place. */
function writeComponentAt(b: Uint8Array, p: number, e: number, v6: boolean, j: JsonWriter): void {
  const type = b[p]!;
  if (type <= 2) {
    const len = b[p + 1]!;
    const offset = v6 ? b[p + 2]! : 0;
    j.beginArray().stringRaw(patternText(b, p + (v6 ? 3 : 2), patternOctets(len, offset), len, offset, v6)).endArray();
    return;
  }
  const bitmask = COMPONENTS[type]!.kind === 'bitmask';
  let q = p + 1;
  let op: number;
  let i = 0;
  do {
    op = b[q]!;
    const lb = (op >> 4) & 3;
    const v = valueAt(b, q + 1, lb);
    if (bitmask) bitmaskPair(j, type, op, v);
    else numericPair(j, type, i++, op, v);
    q += 1 + (1 << lb);
  } while (!(op & OP_END) && q < e);
  if (!bitmask) j.endArray();
}

/** Where each component of the view being written starts, relative to its first (at most 2048 in 4095 octets). */
const STARTS = new Uint16Array(2048);

/**
 * Write Ze's JSON object for one FlowSpec NLRI: the component keys in Go map order, the rd in its
 * sorted place among them. A view whose components were never made (so are as decoded), decoded
 * for this address family, is read from its bytes.
 */
export function writeFlowJson(m: FlowSpecNlri, v6: boolean, j: JsonWriter): void {
  const bytes = m instanceof FlowView && m._c === undefined && ((m._f & VIEW_V6) !== 0) === v6;
  let b: Uint8Array | undefined;
  let base = 0;
  let e = 0;
  let n = 0;
  let present = 0;
  let cs: FlowComponent[] | undefined;
  if (bytes) {
    b = m._b;
    base = m._componentsAt;
    e = m._e;
    for (let p = base; p < e; p = componentEnd(b, p, e, v6)) {
      STARTS[n++] = p - base;
      present |= 1 << b[p]!;
    }
  } else {
    cs = m.components;
    for (let i = 0; i < cs.length; i++) present |= 1 << cs[i]!.type;
  }
  const order = v6 ? JSON_ORDER_V6 : JSON_ORDER_V4;
  const rd = m.rd;
  j.beginObject();
  let rdDone = rd === undefined;
  for (let k = 0; k < order.length; k++) {
    const t = order[k]!;
    const info = COMPONENTS[t]!;
    const key = v6 ? info.keyV6 : info.keyV4;
    if (!rdDone && key > 'rd') {
      j.keyRaw('rd').stringRaw(rdToString(rd!));
      rdDone = true;
    }
    if (!(present & (1 << t))) continue;
    j.keyRaw(key).beginArray();
    if (b !== undefined) {
      for (let i = 0; i < n; i++) {
        const p = base + STARTS[i]!;
        if (b[p] === t) writeComponentAt(b, p, e, v6, j);
      }
    } else {
      for (let i = 0; i < cs!.length; i++) if (cs![i]!.type === t) writeComponent(cs![i]!, v6, j);
    }
    j.endArray();
  }
  if (!rdDone) j.keyRaw('rd').stringRaw(rdToString(rd!));
  j.endObject();
}

/** The same JSON as a plain value (keys as Ze's, strings unescaped): the slow path, for tests and users. */
export function flowSpecToObject(m: FlowSpecNlri, v6: boolean): Record<string, unknown> {
  const o: Record<string, unknown> = {};
  if (m.rd !== undefined) o.rd = rdToString(m.rd);
  for (const c of m.components) {
    const info = COMPONENTS[c.type]!;
    const key = v6 ? info.keyV6 : info.keyV4;
    const list = (o[key] ??= []) as string[][];
    if (isPrefixComponent(c)) list.push([prefixText(c, v6)]);
    else list.push(...componentGroups(c));
  }
  return o;
}
