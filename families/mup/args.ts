/**
 * encode-nlri arguments for BGP-MUP, exactly Ze's grammar (`docs/families/mup.md`):
 *
 *   token: route-type V | rd V | prefix V | address V | teid V | qfi V | endpoint V | source V
 *        | ipv6 V | <anything else, skipped alone>
 *   route-type: mup-isd | mup-dsd | mup-t1st | mup-t2st     (draft-ietf-bess-mup-safi-00 §3.1)
 *
 * with Ze's lenient TEID text (`V`, `V/B`), its defaults (no `rd` → no RD bytes; T1ST without
 * `teid` → no TEID field; no `endpoint`/`source` → neither field nor its length octet) and its
 * error texts. Two extensions, both in args that Ze refuses (so no args Ze accepts changes
 * meaning): `source none` writes a T1ST source length of 0 (the draft's "no source"), and a
 * numeric `route-type N` gives any route as it is: `route-type N [arch-type A] [raw HEX]`.
 * Ze's other differences: the RD text honours its explicit type (see docs/ze-compat.md), and a
 * T2ST TEID length that would not fit the endpoint length octet is an error instead of wrapping.
 */
import { argsError } from '../../src/core/errors.js';
import { parseUintDec } from '../../src/core/bgp.js';
import { digits } from '../../src/core/digits.js';
import { fromHex, toHex } from '../../src/core/hex.js';
import { parseAddr, parsePrefix } from '../../src/core/ip.js';
import { prefixToString, type Prefix } from '../../src/core/prefix.js';
import { parseRd, rdToString } from '../../src/core/rd.js';
import type { MupNlri, MupRoute } from './model.js';
import { mupAddrToString } from './json.js';

/** Route type names as Ze's encode-nlri takes them (draft §3.1), or 0 for any other text. */
function typeOfName(s: string): number {
  switch (s) {
    case 'mup-isd':
      return 1;
    case 'mup-dsd':
      return 2;
    case 'mup-t1st':
      return 3;
    case 'mup-t2st':
      return 4;
    default:
      return 0;
  }
}

/** Go's `strconv.ParseUint(t, 10, 32)`, 0 when it fails (Ze ignores the error). */
function u32OrZero(t: string): number {
  const v = digits(t);
  return v >= 0 && v <= 0xffffffff ? v : 0;
}

/** Go's `strconv.Atoi` (optional sign, decimal digits, 64-bit range), 32 when it fails. */
function atoiOr32(b: string): number {
  const n = b.length;
  const c0 = b.charCodeAt(0);
  let i = c0 === 43 || c0 === 45 ? 1 : 0; // '+' '-'
  if (i >= n) return 32;
  for (; i < n; i++) {
    const c = b.charCodeAt(i);
    if (c < 48 || c > 57) return 32;
  }
  const v = Number(b);
  return Math.abs(v) < 2 ** 63 ? v : 32;
}

/** Ze's TEID text: `V` (32 bits) or `V/B`; parse failures give 0 (value) or 32 (bits). */
function parseTeid(s: string): { value: number; bits: number } {
  if (s === '') return { value: 0, bits: 0 };
  const slash = s.indexOf('/');
  // Go's strings.Split: exactly one '/' makes `V/B`; none or several is a value alone.
  if (slash < 0 || s.indexOf('/', slash + 1) >= 0) return { value: u32OrZero(s), bits: 32 };
  return { value: u32OrZero(s.slice(0, slash)), bits: atoiOr32(s.slice(slash + 1)) };
}

function prefixArg(kind: string, v: string): Prefix {
  const p = parsePrefix(v);
  if (typeof p === 'string') argsError(`invalid ${kind} prefix "${v}": ${p}`);
  return { v6: p.v6, len: p.len, addr: p.bytes };
}

function addrArg(what: string, v: string): Uint8Array {
  const a = parseAddr(v);
  if (typeof a === 'string') argsError(`invalid ${what} "${v}": ${a}`);
  return a.bytes;
}

/** `route-type N [arch-type A] [raw HEX]`: any route, data as given. */
function rawFromArgs(args: readonly string[]): MupNlri {
  let archType = 1;
  let routeType = 0;
  let raw: Uint8Array = new Uint8Array(0);
  for (let i = 0; i < args.length; i += 2) {
    const k = args[i]!;
    const v = args[i + 1];
    if (v === undefined) argsError(`${k} requires value`);
    if (k === 'route-type') {
      const n = parseUintDec(v, 16);
      if (typeof n === 'string') argsError(`unknown MUP route type: ${v}`);
      routeType = n;
    } else if (k === 'arch-type') {
      const n = parseUintDec(v, 8);
      if (typeof n === 'string') argsError(`invalid arch-type: ${n}`);
      archType = n;
    } else if (k === 'raw') {
      try {
        raw = fromHex(v);
      } catch (e) {
        argsError(`invalid raw "${v}": ${(e as Error).message}`);
      }
      if (raw.length > 255) argsError(`invalid raw: ${raw.length} bytes exceed 255`);
    } else {
      argsError(`MUP route-type ${args[args.indexOf('route-type') + 1]} takes only arch-type and raw, not ${k}`);
    }
  }
  return { kind: 'raw', archType, routeType, raw };
}

/** The value after the key at `i - 1`: `args[i]`, or Ze's `<key> requires value`. */
function valueAt(args: readonly string[], i: number, key: string): string {
  if (i >= args.length) argsError(`${key} requires value`);
  return args[i]!;
}

function qfiArg(v: string): number {
  const n = digits(v);
  if (n >= 0 && n <= 0xff) return n;
  return argsError(`invalid qfi: ${parseUintDec(v, 8) as string}`);
}

function rdArg(v: string): Uint8Array {
  try {
    return parseRd(v);
  } catch (e) {
    return argsError(`invalid RD "${v}": ${(e as Error).message}`);
  }
}

/** 2^(8·n) for n = 0..3 (a table: `2 ** x` with a variable exponent is a slow call on Node 20). */
const OCTETS_RANGE = [1, 0x100, 0x10000, 0x1000000];

/**
 * One pass over the tokens into locals, the last of a key winning (an empty value is as good as
 * none, as Ze's map lookups give ""); only `qfi` is checked where it stands. Then the route of
 * the type asked for, its fields parsed in Ze's order.
 */
export function mupFromArgs(args: readonly string[]): MupNlri {
  let rt = '';
  let rdText = '';
  let prefix = '';
  let address = '';
  let teidText = '';
  let endpoint = '';
  let source = '';
  let qfi = 0;
  for (let i = 0; i < args.length; i++) {
    const t = args[i]!;
    switch (t) {
      case 'route-type':
        rt = valueAt(args, ++i, t);
        break;
      case 'rd':
        rdText = valueAt(args, ++i, t);
        break;
      case 'prefix':
        prefix = valueAt(args, ++i, t);
        break;
      case 'address':
        address = valueAt(args, ++i, t);
        break;
      case 'teid':
        teidText = valueAt(args, ++i, t);
        break;
      case 'qfi':
        qfi = qfiArg(valueAt(args, ++i, t));
        break;
      case 'endpoint':
        endpoint = valueAt(args, ++i, t);
        break;
      case 'source':
        source = valueAt(args, ++i, t);
        break;
      case 'ipv6':
        valueAt(args, ++i, t); // takes a value, which Ze ignores
        break;
      default:
        break; // Ze skips unknown tokens one at a time
    }
  }
  if (rt === '') argsError('route-type required for MUP');
  const routeType = typeOfName(rt);
  if (routeType === 0) {
    if (digits(rt) >= 0) return rawFromArgs(args);
    argsError(`unknown MUP route type: ${rt}`);
  }
  const rd = rdText === '' ? undefined : rdArg(rdText);
  switch (routeType) {
    case 1: {
      if (prefix === '') argsError('MUP ISD requires prefix');
      return { kind: 'isd', archType: 1, routeType: 1, rd, prefix: prefixArg('ISD', prefix) };
    }
    case 2: {
      if (address === '') argsError('MUP DSD requires address');
      return { kind: 'dsd', archType: 1, routeType: 2, rd, address: addrArg('DSD address', address) };
    }
    case 3: {
      if (prefix === '') argsError('MUP T1ST requires prefix');
      const m: MupNlri = { kind: 't1st', archType: 1, routeType: 3, rd, prefix: prefixArg('T1ST', prefix), qfi };
      const teid = parseTeid(teidText);
      if (teid.bits > 0) m.teid = teid.value;
      if (endpoint !== '') m.endpoint = addrArg('T1ST endpoint', endpoint);
      if (source === 'none') m.source = new Uint8Array(0);
      else if (source !== '') m.source = addrArg('T1ST source', source);
      return m;
    }
    default: {
      if (address === '') argsError('MUP T2ST requires address');
      const ep = addrArg('T2ST endpoint', address);
      const teid = parseTeid(teidText);
      const size = ep.length * 8;
      if (teid.bits < -size || size + teid.bits > 255) argsError(`invalid T2ST teid "${teidText}": endpoint length ${size + teid.bits} does not fit one octet`);
      const octets = teid.bits > 0 ? Math.ceil(teid.bits / 8) : 0;
      // Ze writes the low-order octets of the value: keep what reaches the wire.
      const value = octets >= 4 ? teid.value : teid.value % OCTETS_RANGE[octets]!;
      return { kind: 't2st', archType: 1, routeType: 4, rd, endpoint: ep, teidLength: teid.bits, teid: value };
    }
  }
}

/** Tokens that `mupFromArgs` turns back into `m`: Ze's own order (its config loader's). */
export function mupToArgs(m: MupRoute): string[] {
  if (m.kind === 'raw') return ['route-type', String(m.routeType), 'arch-type', String(m.archType), 'raw', toHex(m.raw)];
  const out = ['route-type', `mup-${m.kind}`];
  if (m.rd !== undefined) out.push('rd', rdToString(m.rd));
  switch (m.kind) {
    case 'isd':
      out.push('prefix', prefixToString(m.prefix));
      break;
    case 'dsd':
      out.push('address', mupAddrToString(m.address));
      break;
    case 't1st':
      out.push('prefix', prefixToString(m.prefix));
      if (m.teid !== undefined) out.push('teid', String(m.teid));
      if (m.qfi !== 0) out.push('qfi', String(m.qfi));
      if (m.endpoint !== undefined) out.push('endpoint', mupAddrToString(m.endpoint));
      if (m.source !== undefined) out.push('source', m.source.length === 0 ? 'none' : mupAddrToString(m.source));
      break;
    case 't2st':
      out.push('address', mupAddrToString(m.endpoint));
      if (m.teidLength !== 0) out.push('teid', `${m.teid}/${m.teidLength}`);
      break;
  }
  return out;
}
