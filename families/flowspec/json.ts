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
import { FLOW_PROTOCOL, FLOW_TCP_FLAGS, OP_AND, OP_MATCH, OP_NOT, isPrefixComponent, type FlowComponent, type FlowOpComponent, type FlowPrefixComponent, type FlowSpecNlri } from './model.js';
import { WirePrefix, patternOctets } from './wire.js';

/** Numeric operator text by the lt/gt/eq bits (RFC 8955 §4.2.1.1 Table 1). */
export const NUMERIC_OP_TEXT = ['false:', '=', '>', '>=', '<', '<=', '!=', 'true:'];
/** The same, as Go's json.Marshal escapes it, with the opening quote. */
const NUMERIC_OP_JSON = NUMERIC_OP_TEXT.map((t) => '"' + t.replace(/>/g, '\\u003e').replace(/</g, '\\u003c'));
/** The same with the `&` of an AND bit on the first pair. */
const NUMERIC_AND_OP_JSON = NUMERIC_OP_TEXT.map((t) => '"\\u0026' + t.replace(/>/g, '\\u003e').replace(/</g, '\\u003c'));

const SCRATCH = new Uint8Array(16);

/** The pattern octets as encoded (a hand-built pattern shorter than its length is zero-filled). */
function lowerHex(c: FlowPrefixComponent): string {
  const size = patternOctets(c.len, c.offset);
  const p = c instanceof WirePrefix ? c.src.subarray(c.at, c.at + c.size) : c.pattern.subarray(0, size);
  let h = '';
  for (let i = 0; i < p.length; i++) h += (p[i]! < 16 ? '0' : '') + p[i]!.toString(16);
  return h + '00'.repeat(size - p.length);
}

/**
 * `<address>/<length>/<offset>`; when the length exceeds the address (malformed by RFC 8955
 * §4.2.2.1 / RFC 8956 §3.1, tolerated as Ze does) the pattern octets as they are,
 * `0x<hex>/<length>/<offset>` (Ze prints `invalid Prefix/<offset>`, losing length and pattern).
 */
export function prefixText(c: FlowPrefixComponent, v6: boolean): string {
  const { len, offset } = c;
  if (len > (v6 ? 128 : 32)) return '0x' + lowerHex(c) + '/' + len + '/' + offset;
  let buf: Uint8Array;
  let at: number;
  let size = patternOctets(len, offset);
  if (c instanceof WirePrefix) {
    buf = c.src;
    at = c.at;
  } else {
    buf = c.pattern;
    at = 0;
    if (size > buf.length) size = buf.length;
  }
  if (!v6) return ipv4ToString(buf, at, size) + '/' + len + '/0';
  if (offset === 0) return ipv6ToString(buf, at, size) + '/' + len + '/0';
  // RFC 8956 §3.1: the pattern holds address bits offset..len-1 (plus padding).
  SCRATCH.fill(0);
  for (let i = 0; i < size * 8; i++) {
    const dst = offset + i;
    if (dst >= 128) break;
    if (buf[at + (i >> 3)]! & (0x80 >> (i & 7))) SCRATCH[dst >> 3]! |= 0x80 >> (dst & 7);
  }
  return ipv6ToString(SCRATCH, 0, 16) + '/' + len + '/' + offset;
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

function writeComponent(c: FlowComponent, v6: boolean, j: JsonWriter): void {
  if (isPrefixComponent(c)) {
    j.beginArray().stringRaw(prefixText(c, v6)).endArray();
    return;
  }
  const { ops, values, type } = c;
  if (COMPONENTS[type]!.kind === 'bitmask') {
    for (let i = 0; i < ops.length; i++) {
      j.beginArray();
      for (const s of bitmaskGroup(type, ops[i]!, values[i]!)) j.string(s);
      j.endArray();
    }
    return;
  }
  for (let i = 0; i < ops.length; i++) {
    const op = ops[i]!;
    if (i === 0) j.beginArray();
    else if (!(op & OP_AND)) j.endArray().beginArray();
    j.raw((i === 0 && op & OP_AND ? NUMERIC_AND_OP_JSON : NUMERIC_OP_JSON)[op & 7]! + valueText(type, values[i]!) + '"');
  }
  j.endArray();
}

/** Write Ze's JSON object for one FlowSpec NLRI. */
export function writeFlowJson(m: FlowSpecNlri, v6: boolean, j: JsonWriter): void {
  const cs = m.components;
  let present = 0;
  for (let i = 0; i < cs.length; i++) present |= 1 << cs[i]!.type;
  const order = v6 ? JSON_ORDER_V6 : JSON_ORDER_V4;
  j.beginObject();
  let rdDone = m.rd === undefined;
  for (let k = 0; k < order.length; k++) {
    const t = order[k]!;
    const info = COMPONENTS[t]!;
    const key = v6 ? info.keyV6 : info.keyV4;
    if (!rdDone && key > 'rd') {
      j.keyRaw('rd').stringRaw(rdToString(m.rd!));
      rdDone = true;
    }
    if (!(present & (1 << t))) continue;
    j.keyRaw(key).beginArray();
    for (let i = 0; i < cs.length; i++) if (cs[i]!.type === t) writeComponent(cs[i]!, v6, j);
    j.endArray();
  }
  if (!rdDone) j.keyRaw('rd').stringRaw(rdToString(m.rd!));
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
