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
  buildOps,
  isPrefixComponent,
  minimalLenBits,
  type FlowComponent,
  type FlowOpComponent,
  type FlowPrefixComponent,
  type FlowSpecNlri,
  type FlowTerm,
} from './model.js';
import { canonicalComponents } from './canonical.js';
import { decodeFlowSpec, encodeFlowSpec, flowEncodingLength, patternOctets, type FlowShape } from './wire.js';
import { Writer } from '../../src/core/writer.js';

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
]);

function isKeyword(lower: string): boolean {
  return lower === 'rd' || KEYWORDS.has(lower);
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

function parseU8(s: string): number | string {
  const v = parseNum(s);
  if (typeof v === 'string') return v;
  if (v > 255n) return `value ${v} exceeds uint8`;
  return Number(v);
}

/**
 * Numeric operator prefixes in the order Ze tries them, then ze-nlri's `true:` / `false:` for
 * the lt/gt/eq bits 111 and 000 (RFC 8955 §4.2.1.1 Table 1; Ze has no form for them).
 */
const NUMERIC_PREFIXES: readonly [string, number][] = [
  ['>=', 0x03],
  ['<=', 0x05],
  ['!=', 0x06],
  ['>', 0x02],
  ['<', 0x04],
  ['=', 0x01],
  ['true:', 0x07],
  ['false:', 0x00],
];

/** Split `[&][op]rest`: the AND mark, the lt/gt/eq bits (`=` when none) and the rest. */
function splitNumericOp(token: string): { and: boolean; op: number; rest: string } {
  const and = token.startsWith('&');
  let s = and ? token.slice(1) : token;
  let op = 0x01;
  for (const [p, bits] of NUMERIC_PREFIXES) {
    if (s.startsWith(p)) {
      op = bits;
      s = s.slice(p.length);
      break;
    }
  }
  return { and, op, rest: s };
}

function parseOperatorValue(token: string): { op: number; value: bigint; and: boolean } | string {
  const { and, op, rest } = splitNumericOp(token);
  const value = parseNum(rest);
  return typeof value === 'string' ? value : { op, value, and };
}

function parseBitmask(token: string, names: ReadonlyMap<string, number>, max: number): FlowTerm | string {
  let s = token;
  const and = s.startsWith('&');
  if (and) s = s.slice(1);
  let op = 0;
  if (s.startsWith('!')) {
    op |= OP_NOT;
    s = s.slice(1);
  }
  if (s.startsWith('=')) {
    op |= OP_MATCH;
    s = s.slice(1);
  }
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
  return { op, value: flags, and };
}

interface Parsed {
  component: FlowComponent;
  next: number;
}

function prefixComponent(args: readonly string[], i: number, type: 1 | 2, v6: boolean, family: string): Parsed {
  if (i + 1 >= args.length) argsError(`${args[i]} requires prefix`, family);
  const p = parsePrefix(args[i + 1]!);
  if (typeof p === 'string') argsError(`invalid prefix: ${p}`, family);
  if (!p.v6 && v6) argsError('IPv4 prefix for IPv6 flowspec', family);
  if (p.v6 && !v6) argsError('IPv6 prefix for IPv4 flowspec', family);
  const component: FlowPrefixComponent = { type, len: p.len, offset: 0, pattern: p.bytes.subarray(0, patternOctets(p.len, 0)) };
  return { component, next: i + 2 };
}

/**
 * Protocol values: Ze's plain `tcp` / `6` (=, each OR-ed), and ze-nlri's operator forms for the
 * rest of RFC 8955 §4.2.1.1: `[&][op]value` with the numeric operators, `&` for AND with the
 * previous term (on the first term: the AND bit on the first pair).
 */
function protocolComponent(args: readonly string[], i: number, family: string): Parsed {
  const terms: FlowTerm[] = [];
  let j = i + 1;
  for (; j < args.length; j++) {
    const token = args[j]!.toLowerCase();
    if (isKeyword(token)) break;
    const { and, op, rest } = splitNumericOp(token);
    let v: number | string | undefined;
    for (const [num, name] of PROTOCOL_NAMES) if (name === rest) v = num;
    if (v === undefined) v = parseU8(rest);
    if (typeof v === 'string') {
      if (terms.length === 0) argsError(`invalid protocol: ${token}`, family);
      break;
    }
    terms.push({ op, value: v, and });
  }
  if (terms.length === 0) argsError('protocol requires value', family);
  return { component: buildOps(FLOW_PROTOCOL, terms), next: j };
}

function numericComponent(args: readonly string[], i: number, type: number, family: string): Parsed {
  const info = COMPONENTS[type]!;
  const terms: FlowTerm[] = [];
  let j = i + 1;
  for (; j < args.length; j++) {
    const token = args[j]!;
    if (isKeyword(token.toLowerCase())) break;
    const t = parseOperatorValue(token);
    if (typeof t === 'string') {
      if (terms.length === 0) argsError(`invalid ${info.name} value: ${t}`, family);
      break;
    }
    if (t.value > BigInt(info.max)) argsError(`${info.name} value ${t.value} exceeds max ${info.max}`, family);
    terms.push({ op: t.op, value: Number(t.value), and: terms.length > 0 || t.and });
  }
  if (terms.length === 0) argsError(`${info.name} requires value`, family);
  return { component: buildOps(type, terms), next: j };
}

function bitmaskComponent(args: readonly string[], i: number, type: number, family: string): Parsed {
  const name = COMPONENTS[type]!.name;
  const names = type === FLOW_TCP_FLAGS ? TCP_FLAG_ARGS : FRAGMENT_FLAG_ARGS;
  const max = COMPONENTS[type]!.max;
  const terms: FlowTerm[] = [];
  let j = i + 1;
  for (; j < args.length; j++) {
    const token = args[j]!.toLowerCase();
    if (isKeyword(token)) break;
    const t = parseBitmask(token, names, max);
    if (typeof t === 'string') {
      if (terms.length === 0) argsError(`invalid ${name}: ${t}`, family);
      break;
    }
    terms.push(t);
  }
  if (terms.length === 0) argsError(`${name} requires value`, family);
  return { component: buildOps(type, terms), next: j };
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
  if (args[i]?.toLowerCase() === 'raw') return rawArgs(args, i, rd, shape, family);
  const components: FlowComponent[] = [];
  while (i < args.length) {
    const keyword = args[i]!.toLowerCase();
    const type = KEYWORDS.get(keyword);
    let p: Parsed;
    if (type === undefined) {
      if (keyword === 'rd') argsError(shape.vpn ? 'rd must be the first argument' : `rd not allowed for ${family}`, family);
      argsError(`unknown component: ${keyword}`, family);
    } else if (type <= 2) {
      p = prefixComponent(args, i, type as 1 | 2, shape.v6, family);
    } else if (type === FLOW_PROTOCOL) {
      p = protocolComponent(args, i, family);
    } else if (COMPONENTS[type]!.kind === 'bitmask') {
      p = bitmaskComponent(args, i, type, family);
    } else {
      p = numericComponent(args, i, type, family);
    }
    components.push(p.component);
    i = p.next;
  }
  if (components.length === 0) argsError('flowspec requires at least one component', family);
  // RFC 8955 §4.2: type order, each type once; a repeated keyword's values are OR-ed into one component.
  const merged = canonicalComponents(components, (_, name) =>
    argsError(`${name} given twice: RFC 8955 §4.2 allows one ${name} prefix per FlowSpec NLRI (each component type at most once)`, family),
  );
  const m: FlowSpecNlri = { components: merged };
  if (rd !== undefined) m.rd = rd;
  return m;
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
