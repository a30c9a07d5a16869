/**
 * Ze's encode-nlri args for FlowSpec (Ze `bgp-nlri-flowspec`, spec §6) -> model, and back.
 *
 * RFC 8955 §4.2.2 component keywords (one token each, matched case-insensitively), values up to
 * the next keyword; RFC 8955 §4.2.1.1 numeric terms `[>=|<=|!=|>|<|=]NUM` (the first OR-ed, the
 * following ones ANDed, as Ze does); RFC 8955 §4.2.1.2 bitmask terms `[&][!][=]flag&flag`;
 * RFC 8955 §8 `rd <RD>` first for the VPN families. Components are written in type order, each
 * type once (RFC 8955 §4.2): a repeated keyword (Ze's way to OR ranges) is OR-ed into the same
 * component (canonical.ts; Ze writes a second component of the type, which is malformed), a
 * repeated prefix keyword is an error. Error texts are Ze's.
 *
 * The RD text honours an explicit type (`2:65000:1` is a type-2 RD; docs/ze-compat.md, general
 * rules). Where Ze crashes (`rd` anywhere but first) ze-nlri returns an error.
 */
import { argsError, modelError, NlriError } from '../../src/core/errors.js';
import { ipToString, parsePrefix } from '../../src/core/ip.js';
import { fromHex, toHex } from '../../src/core/hex.js';
import { Reader } from '../../src/core/reader.js';
import { parseRd, rdToString } from '../../src/core/rd.js';
import { COMPONENTS, FRAGMENT_FLAG_ARGS, FRAGMENT_FLAG_NAMES, PROTOCOL_NAMES, TCP_FLAG_ARGS, TCP_FLAG_NAMES } from './components.js';
import {
  FLOW_PROTOCOL,
  FLOW_TCP_FLAGS,
  OP_AND,
  OP_END,
  OP_MATCH,
  OP_NOT,
  flowOps,
  isPrefixComponent,
  minimalLenBits,
  type FlowComponent,
  type FlowOpComponent,
  type FlowPrefixComponent,
  type FlowSpecNlri,
} from './model.js';
import { canonicalComponents } from './canonical.js';
import { decodeFlowSpec, encodeFlowSpec, flowEncodingLength, patternOctets, type FlowShape } from './wire.js';
import { Writer } from '../../src/core/writer.js';

/** Component types by lower-case keyword (RFC 8955 §4.2.2, RFC 8956 §3.7), and 0 for `rd`. */
const KEYWORDS: ReadonlyMap<string, number> = new Map([
  ['destination', 1],
  ['destination-ipv6', 1],
  ['source', 2],
  ['source-ipv6', 2],
  ['protocol', 3],
  ['next-header', 3],
  ['port', 4],
  ['destination-port', 5],
  ['source-port', 6],
  ['icmp-type', 7],
  ['icmp-code', 8],
  ['tcp-flags', 9],
  ['packet-length', 10],
  ['dscp', 11],
  ['fragment', 12],
  ['flow-label', 13],
  ['rd', 0],
]);

/** The component type of a lower-case keyword, 0 for `rd`, -1 for anything else. */
function keyword(t: string): number {
  return KEYWORDS.get(t) ?? -1;
}

/** An ASCII letter, either case. */
function isLetter(c: number): boolean {
  return (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a);
}

/**
 * The component type of a keyword token matched case-insensitively (1..13), 0 for `rd`, -1 for
 * any other token. Every keyword starts with a letter, and lower-casing keeps an ASCII
 * non-letter, so a value (`=80`, `10.0.0.0/24`) is told apart by its first character.
 */
function keywordType(token: string): number {
  const c = token.charCodeAt(0);
  if (c < 0x80 && !isLetter(c)) return -1;
  const type = keyword(token);
  if (type >= 0) return type;
  const l = lower(token);
  return l === token ? -1 : keyword(l);
}

function isKeyword(token: string): boolean {
  return keywordType(token) >= 0;
}

/**
 * `s.toLowerCase()`, or `s` itself when no character of it would change: none in A-Z and none
 * outside ASCII (U+212A KELVIN SIGN lower-cases to `k`). On Node 20 `toLowerCase` costs ~70 ns a
 * token even when nothing changes; most tokens are lower case already.
 */
function lower(s: string): string {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if ((c >= 0x41 && c <= 0x5a) || c >= 0x80) return s.toLowerCase();
  }
  return s;
}

const U64_MAX = 0xffffffffffffffffn;

/** Go's `strconv.ParseUint` for `0x`-prefixed hex or decimal, to 64 bits; an error text on failure. */
export function parseNum(s: string): bigint | string {
  const hex = s.startsWith('0x') || s.startsWith('0X');
  const digits = hex ? s.slice(2) : s;
  if (!(hex ? /^[0-9a-fA-F]+$/ : /^[0-9]+$/).test(digits)) return `strconv.ParseUint: parsing ${JSON.stringify(digits)}: invalid syntax`;
  const v = BigInt(hex ? '0x' + digits : digits);
  if (v > U64_MAX) return `strconv.ParseUint: parsing ${JSON.stringify(digits)}: value out of range`;
  return v;
}

/**
 * `parseNum(s.slice(from))` with a fast path: 1 to 15 decimal digits (below 2^53, exact as a
 * number) give a number; anything else (hex, longer, not a number) is parseNum's answer.
 */
function parseNumAt(s: string, from: number): number | bigint | string {
  const n = s.length - from;
  if (n > 0 && n <= 15) {
    let v = 0;
    let i = from;
    for (; i < s.length; i++) {
      const d = s.charCodeAt(i) - 0x30;
      if (d < 0 || d > 9) break;
      v = v * 10 + d;
    }
    if (i === s.length) return v;
  }
  return parseNum(from === 0 ? s : s.slice(from));
}

/** Protocol names Ze's args accept for type 3, to their values (PROTOCOL_NAMES reversed). */
const PROTOCOL_VALUES: ReadonlyMap<string, number> = new Map([...PROTOCOL_NAMES].map(([v, name]) => [name, v]));

/**
 * What `splitNumericOp` found: the AND mark and the lt/gt/eq bits. Numeric operator prefixes in
 * the order Ze tries them, `>=` `<=` `!=` `>` `<` `=`, then ze-nlri's `true:` / `false:` for the
 * lt/gt/eq bits 111 and 000 (RFC 8955 §4.2.1.1 Table 1; Ze has no form for them); `=` when none.
 */
let termAnd = false;
let termOp = 0x01;

/** Split `[&][op]rest`: sets `termAnd` and `termOp`, returns the index where `rest` starts. */
function splitNumericOp(token: string): number {
  termAnd = token.charCodeAt(0) === 0x26; // &
  const i = termAnd ? 1 : 0;
  const c = token.charCodeAt(i);
  const eq = token.charCodeAt(i + 1) === 0x3d; // =
  termOp = 0x01;
  switch (c) {
    case 0x3e: // >
      termOp = eq ? 0x03 : 0x02;
      return i + (eq ? 2 : 1);
    case 0x3c: // <
      termOp = eq ? 0x05 : 0x04;
      return i + (eq ? 2 : 1);
    case 0x21: // !
      if (!eq) return i;
      termOp = 0x06;
      return i + 2;
    case 0x3d: // =
      return i + 1;
    case 0x74: // t
      if (!token.startsWith('true:', i)) return i;
      termOp = 0x07;
      return i + 5;
    case 0x66: // f
      if (!token.startsWith('false:', i)) return i;
      termOp = 0x00;
      return i + 6;
    default:
      return i;
  }
}

/**
 * The pairs of a component start as this (empty, never written to) and become array literals at
 * the first pair: `[op]` costs about a third of a push onto `[]`, which allocates room for 17.
 */
const NO_PAIRS: number[] = [];

/** Where the component parsed last stopped: the index of the next keyword or the end. */
let next = 0;

/**
 * One operator octet (RFC 8955 §4.2.1): the AND bit as given, the smallest value length that
 * holds `v` (every value from the args fits 4 octets), and the low operator bits. The caller
 * sets the end-of-list bit on the last one (`endList`).
 */
function opOctet(and: boolean, v: number, bits: number): number {
  return (and ? OP_AND : 0) | (minimalLenBits(v) << 4) | bits;
}

/** The end-of-list bit on the last pair, and the component. */
function endList(type: number, ops: number[], values: number[]): FlowOpComponent {
  ops[ops.length - 1] = ops[ops.length - 1]! | OP_END;
  return flowOps(type, ops, values);
}

function prefixComponent(args: readonly string[], i: number, type: 1 | 2, v6: boolean, family: string): FlowPrefixComponent {
  if (i + 1 >= args.length) argsError(`${args[i]} requires prefix`, family);
  const p = parsePrefix(args[i + 1]!);
  if (typeof p === 'string') argsError(`invalid prefix: ${p}`, family);
  if (!p.v6 && v6) argsError('IPv4 prefix for IPv6 flowspec', family);
  if (p.v6 && !v6) argsError('IPv6 prefix for IPv4 flowspec', family);
  // ceil(len/8) octets (RFC 8955 §4.2.2.1), copied: a subarray of the fresh address costs more.
  const size = patternOctets(p.len, 0);
  const pattern = new Uint8Array(size);
  for (let k = 0; k < size; k++) pattern[k] = p.bytes[k]!;
  next = i + 2;
  return { type, len: p.len, offset: 0, pattern };
}

/**
 * Protocol values: Ze's plain `tcp` / `6` (=, each OR-ed), and ze-nlri's operator forms for the
 * rest of RFC 8955 §4.2.1.1: `[&][op]value` with the numeric operators, `&` for AND with the
 * previous term (on the first term: the AND bit on the first pair).
 */
function protocolComponent(args: readonly string[], i: number, family: string): FlowOpComponent {
  let ops = NO_PAIRS;
  let values = NO_PAIRS;
  let j = i + 1;
  for (; j < args.length; j++) {
    // A plain lower-case name, the usual form: no keyword is one, and it has no operator.
    let v = PROTOCOL_VALUES.get(args[j]!);
    if (v !== undefined) {
      termAnd = false;
      termOp = 0x01;
    } else {
      const token = lower(args[j]!);
      if (keyword(token) >= 0) break;
      v = protocolTerm(token);
      if (v === undefined) {
        if (ops.length === 0) argsError(`invalid protocol: ${token}`, family);
        break;
      }
    }
    const op = opOctet(termAnd, v, termOp);
    if (ops === NO_PAIRS) {
      ops = [op];
      values = [v];
    } else {
      ops.push(op);
      values.push(v);
    }
  }
  if (ops.length === 0) argsError('protocol requires value', family);
  next = j;
  return endList(FLOW_PROTOCOL, ops, values);
}

/** `[&][op]value` of a lower-case protocol token: its value (a name or a number up to 255, setting `termAnd`/`termOp`), or undefined. */
function protocolTerm(token: string): number | undefined {
  const at = splitNumericOp(token);
  const c = token.charCodeAt(at);
  const v = c >= 0x61 && c <= 0x7a ? PROTOCOL_VALUES.get(token.slice(at)) : parseNumAt(token, at);
  return v === undefined || typeof v === 'string' || v > 255 ? undefined : Number(v);
}

function numericComponent(args: readonly string[], i: number, type: number, family: string): FlowOpComponent {
  const info = COMPONENTS[type]!;
  let ops = NO_PAIRS;
  let values = NO_PAIRS;
  let j = i + 1;
  for (; j < args.length; j++) {
    const token = args[j]!;
    if (isKeyword(token)) break;
    const v = parseNumAt(token, splitNumericOp(token));
    if (typeof v === 'string') {
      if (ops.length === 0) argsError(`invalid ${info.name} value: ${v}`, family);
      break;
    }
    if (v > info.max) argsError(`${info.name} value ${v} exceeds max ${info.max}`, family);
    // The values after the first are ANDed (Ze); a repeated keyword ORs (canonical.ts).
    const op = opOctet(ops.length > 0 || termAnd, Number(v), termOp);
    if (ops === NO_PAIRS) {
      ops = [op];
      values = [Number(v)];
    } else {
      ops.push(op);
      values.push(Number(v));
    }
  }
  if (ops.length === 0) argsError(`${info.name} requires value`, family);
  next = j;
  return endList(type, ops, values);
}

/** The flags of `s` (`flag&flag`, names or numbers up to `max`), or an error text. */
function bitmaskFlags(s: string, names: ReadonlyMap<string, number>, max: number): number | string {
  // One name alone: the usual case, without the split.
  const one = s.indexOf('&') < 0 ? names.get(s) : undefined;
  if (one !== undefined) return one;
  let flags = 0;
  for (const raw of s.split('&')) {
    const part = raw.trim();
    if (part === '') continue;
    const named = names.get(part);
    if (named !== undefined) {
      flags |= named;
      continue;
    }
    // A number names bits directly: up to 8 bits (Ze), 16 for TCP flags (RFC 8955 §4.2.2.9).
    const n = parseNum(part);
    if (typeof n === 'string' || n > BigInt(max)) return `unknown flag: ${part}`;
    flags |= Number(n);
  }
  return flags;
}

function bitmaskComponent(args: readonly string[], i: number, type: number, family: string): FlowOpComponent {
  const name = COMPONENTS[type]!.name;
  const names = type === FLOW_TCP_FLAGS ? TCP_FLAG_ARGS : FRAGMENT_FLAG_ARGS;
  const max = COMPONENTS[type]!.max;
  let ops = NO_PAIRS;
  let values = NO_PAIRS;
  let j = i + 1;
  for (; j < args.length; j++) {
    // A plain flag name, the usual form: no keyword is one, and it has no operator.
    let flags: number | string | undefined = names.get(args[j]!);
    let op = 0;
    if (flags === undefined) {
      const token = lower(args[j]!);
      if (keyword(token) >= 0) break;
      op = bitmaskOp(token);
      flags = bitmaskFlags(bitmaskAt === 0 ? token : token.slice(bitmaskAt), names, max);
      if (typeof flags === 'string') {
        if (ops.length === 0) argsError(`invalid ${name}: ${flags}`, family);
        break;
      }
    }
    op |= opOctet(false, flags, 0);
    if (ops === NO_PAIRS) {
      ops = [op];
      values = [flags];
    } else {
      ops.push(op);
      values.push(flags);
    }
  }
  if (ops.length === 0) argsError(`${name} requires value`, family);
  next = j;
  return endList(type, ops, values);
}

/** Where the flags of the token `bitmaskOp` read start. */
let bitmaskAt = 0;

/**
 * `[&][!][=]` of a bitmask token (RFC 8955 §4.2.1.2): the AND bit and the not and m bits of its
 * operator; sets `bitmaskAt` to where the flags start.
 */
function bitmaskOp(token: string): number {
  let k = 0;
  let op = 0;
  if (token.charCodeAt(k) === 0x26) { // &
    op |= OP_AND;
    k++;
  }
  if (token.charCodeAt(k) === 0x21) { // !
    op |= OP_NOT;
    k++;
  }
  if (token.charCodeAt(k) === 0x3d) { // =
    op |= OP_MATCH;
    k++;
  }
  bitmaskAt = k;
  return op;
}

/** The component whose keyword is `args[i]`; sets `next` to the index after its values. */
function parseComponent(args: readonly string[], i: number, shape: FlowShape, family: string): FlowComponent {
  const type = keywordType(args[i]!);
  if (type <= 0) {
    if (type === 0) argsError(shape.vpn ? 'rd must be the first argument' : `rd not allowed for ${family}`, family);
    argsError(`unknown component: ${lower(args[i]!)}`, family);
  }
  if (type <= 2) return prefixComponent(args, i, type as 1 | 2, shape.v6, family) as FlowComponent;
  if (type === FLOW_PROTOCOL) return protocolComponent(args, i, family);
  if (COMPONENTS[type]!.kind === 'bitmask') return bitmaskComponent(args, i, type, family);
  return numericComponent(args, i, type, family);
}

/** Parse Ze's encode-nlri tokens for one FlowSpec NLRI. */
export function flowFromArgs(args: readonly string[], shape: FlowShape, family: string): FlowSpecNlri {
  let rd: Uint8Array | undefined;
  let i = 0;
  if (shape.vpn) {
    // Ze takes the first `rd` that has a value after it; only the first position works.
    let at = -1;
    for (let k = 0; k < args.length - 1; k++) {
      if (args[k] === 'rd') {
        at = k;
        break;
      }
    }
    if (at < 0) argsError('rd required for VPN family', family);
    try {
      rd = parseRd(args[at + 1]!, family);
    } catch (e) {
      if (e instanceof NlriError) argsError(`invalid rd: ${e.message}`, family);
      throw e;
    }
    if (at !== 0) argsError('rd must be the first argument', family);
    i = 2;
  }
  if (i < args.length && keywordType(args[i]!) < 0 && lower(args[i]!) === 'raw') return rawArgs(args, i, rd, shape, family);
  if (i >= args.length) argsError('flowspec requires at least one component', family);
  let c = parseComponent(args, i, shape, family);
  const components: FlowComponent[] = [c];
  let ordered = true;
  for (i = next; i < args.length; i = next) {
    const type = c.type;
    c = parseComponent(args, i, shape, family);
    if (c.type <= type) ordered = false;
    components.push(c);
  }
  // RFC 8955 §4.2: type order, each type once; a repeated keyword's values are OR-ed into one component.
  const merged = ordered
    ? components
    : canonicalComponents(components, (_, name) =>
        argsError(`${name} given twice: RFC 8955 §4.2 allows one ${name} prefix per FlowSpec NLRI (each component type at most once)`, family),
      );
  return rd !== undefined ? { components: merged, rd } : { components: merged };
}

/**
 * ze-nlri's extension for what Ze's grammar cannot say: `raw <HEX>`, the whole NLRI as on the wire
 * (length octets, RD, components), decoded like decode-nlri (Ze-tolerant). On the VPN families
 * the engine's leading `rd <RD>` must name the RD inside the bytes.
 */
function rawArgs(args: readonly string[], i: number, rd: Uint8Array | undefined, shape: FlowShape, family: string): FlowSpecNlri {
  if (i + 1 >= args.length) argsError('raw requires hex', family);
  if (i + 2 !== args.length) argsError('raw must be the last argument, alone with its value', family);
  let m: FlowSpecNlri;
  try {
    const bytes = fromHex(args[i + 1]!, family);
    const r = new Reader(bytes, family);
    m = decodeFlowSpec(r, shape, false);
    if (r.pos !== r.end) r.fail('trailing-bytes', `${r.end - r.pos} bytes after the NLRI`);
  } catch (e) {
    if (e instanceof NlriError) argsError(`invalid raw: ${e.message}`, family);
    throw e;
  }
  if (rd !== undefined && toHex(rd) !== toHex(m.rd!)) argsError('rd does not match the raw NLRI', family);
  return m;
}

// ---- model -> args -------------------------------------------------------------------------

const NUMERIC_ARG_TEXT = ['false:', '=', '>', '>=', '<', '<=', '!=', 'true:'];

const NOT_EXPRESSIBLE = "not expressible in Ze's encode-nlri args";

function notExpressible(why: string, family: string): never {
  modelError(`${NOT_EXPRESSIBLE}: ${why}`, family);
}

/** The end bit on the last pair only, the AND bit as `and(i)` requires, a minimal value length. */
function checkPairShape(c: FlowOpComponent, i: number, family: string): void {
  const op = c.ops[i]!;
  const v = c.values[i]!;
  if (((op & OP_END) !== 0) !== (i === c.ops.length - 1)) notExpressible(`component ${c.type}: end-of-list bit`, family);
  if (((op >> 4) & 3) !== minimalLenBits(v)) notExpressible(`component ${c.type}: non-minimal value length`, family);
}

function flagsText(type: number, v: number): string {
  const names = type === FLOW_TCP_FLAGS ? TCP_FLAG_NAMES : FRAGMENT_FLAG_NAMES;
  if (v === 0 || v >> names.length !== 0) return String(v);
  const parts: string[] = [];
  for (let b = 0; b < names.length; b++) if (v & (1 << b)) parts.push(names[b]!);
  return parts.join('&');
}

function componentArgs(c: FlowComponent, v6: boolean, family: string): string[] {
  const info = COMPONENTS[c.type]!;
  const keyword = info.name;
  if (isPrefixComponent(c)) {
    if (c.offset !== 0) notExpressible('IPv6 prefix offset', family);
    const size = patternOctets(c.len, 0);
    if (c.len > (v6 ? 128 : 32)) notExpressible(`prefix length ${c.len}`, family);
    const p = c.pattern;
    return [keyword, ipToString(v6, p, 0, Math.min(p.length, size)) + '/' + c.len];
  }
  const out = [keyword];
  for (let i = 0; i < c.ops.length; i++) {
    checkPairShape(c, i, family);
    const op = c.ops[i]!;
    const v = c.values[i]!;
    if (typeof v !== 'number' || v > info.max) notExpressible(`component ${c.type}: value ${v}`, family);
    if (info.kind === 'bitmask') {
      if (op & 0x0c) notExpressible(`component ${c.type}: reserved operator bits`, family);
      out.push((op & OP_AND ? '&' : '') + (op & OP_NOT ? '!' : '') + (op & OP_MATCH ? '=' : '') + flagsText(c.type, v));
      continue;
    }
    const and = (op & OP_AND) !== 0;
    const bits = op & 0x0f;
    if (bits > 7) notExpressible(`component ${c.type}: reserved operator bit`, family);
    if (c.type === FLOW_PROTOCOL) {
      // Ze's plain form for `=` OR-ed; the operator forms (`&` = AND) for the rest.
      const name = PROTOCOL_NAMES.get(v) ?? String(v);
      out.push(bits === 0x01 && !and ? name : (and ? '&' : '') + NUMERIC_ARG_TEXT[bits]! + name);
      continue;
    }
    // A keyword ANDs its values; an OR-ed pair starts the keyword again (merged back on parsing).
    if (i > 0 && !and) out.push(keyword);
    out.push((i === 0 && and ? '&' : '') + NUMERIC_ARG_TEXT[bits]! + v);
  }
  return out;
}

/**
 * Tokens that `flowFromArgs` turns back into exactly the bytes of `m`: Ze's grammar when it can
 * say it (an OR inside a numeric component repeats the keyword), else `raw <HEX>` (offsets,
 * false/true operators, non-minimal sizes, components out of type order or repeated, the 2-octet
 * length form for a short NLRI).
 */
export function flowToArgs(m: FlowSpecNlri, shape: FlowShape, family: string): string[] {
  try {
    return zeArgs(m, shape, family);
  } catch (e) {
    if (!(e instanceof NlriError) || !e.message.startsWith(NOT_EXPRESSIBLE)) throw e;
  }
  const w = new Writer(flowEncodingLength(m, shape, family));
  encodeFlowSpec(m, w, shape);
  const raw = ['raw', toHex(w.finish())];
  return shape.vpn ? ['rd', rdToString(m.rd!), ...raw] : raw;
}

/** Ze's own tokens for `m`, or an `invalid-model` error starting with NOT_EXPRESSIBLE. */
export function zeArgs(m: FlowSpecNlri, shape: FlowShape, family: string): string[] {
  const out: string[] = [];
  if (shape.vpn) out.push('rd', rdToString(m.rd!));
  if (m.longLength) notExpressible('2-octet length form', family);
  let last = 0;
  for (const c of m.components) {
    if (c.type <= last) notExpressible('components out of type order or repeated', family);
    last = c.type;
    out.push(...componentArgs(c, shape.v6, family));
  }
  if (m.components.length === 0) notExpressible('no components', family);
  return out;
}
