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
import { fromHex, toHex } from '../../src/core/hex.js';
import { parseAddr, parsePrefix } from '../../src/core/ip.js';
import { prefixToString, type Prefix } from '../../src/core/prefix.js';
import { parseRd, rdToString } from '../../src/core/rd.js';
import type { MupNlri, MupRoute } from './model.js';
import { mupAddrToString } from './json.js';

const VALUE_TOKENS = new Set(['route-type', 'rd', 'prefix', 'address', 'teid', 'qfi', 'endpoint', 'source', 'ipv6']);

const TYPE_NAMES: Record<string, number> = { 'mup-isd': 1, 'mup-dsd': 2, 'mup-t1st': 3, 'mup-t2st': 4 };

/** Ze's TEID text: `V` (32 bits) or `V/B`; parse failures give 0 (value) or 32 (bits). */
function parseTeid(s: string): { value: number; bits: number } {
  if (s === '') return { value: 0, bits: 0 };
  const u32 = (t: string): number => {
    const v = parseUintDec(t, 32);
    return typeof v === 'number' ? v : 0;
  };
  const parts = s.split('/');
  if (parts.length !== 2) return { value: u32(s), bits: 32 };
  const b = parts[1]!;
  // Go strconv.Atoi: optional sign, decimal digits, 64-bit range.
  const bits = /^[+-]?[0-9]+$/.test(b) && Math.abs(Number(b)) < 2 ** 63 ? Number(b) : 32;
  return { value: u32(parts[0]!), bits };
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

export function mupFromArgs(args: readonly string[]): MupNlri {
  const v = new Map<string, string>();
  let qfi = 0;
  for (let i = 0; i < args.length; i++) {
    const t = args[i]!;
    if (!VALUE_TOKENS.has(t)) continue; // Ze skips unknown tokens one at a time
    i++;
    if (i >= args.length) argsError(`${t} requires value`);
    const val = args[i]!;
    if (t === 'qfi') {
      const n = parseUintDec(val, 8);
      if (typeof n === 'string') argsError(`invalid qfi: ${n}`);
      qfi = n;
    }
    v.set(t, val);
  }
  const rt = v.get('route-type') ?? '';
  if (rt === '') argsError('route-type required for MUP');
  if (/^[0-9]+$/.test(rt)) return rawFromArgs(args);
  const routeType = TYPE_NAMES[rt];
  if (routeType === undefined) argsError(`unknown MUP route type: ${rt}`);
  const get = (k: string): string => v.get(k) ?? '';
  let rd: Uint8Array | undefined;
  if (get('rd') !== '') {
    try {
      rd = parseRd(get('rd'));
    } catch (e) {
      argsError(`invalid RD "${get('rd')}": ${(e as Error).message}`);
    }
  }
  const teid = parseTeid(get('teid'));
  switch (routeType) {
    case 1: {
      if (get('prefix') === '') argsError('MUP ISD requires prefix');
      return { kind: 'isd', archType: 1, routeType: 1, rd, prefix: prefixArg('ISD', get('prefix')) };
    }
    case 2: {
      if (get('address') === '') argsError('MUP DSD requires address');
      return { kind: 'dsd', archType: 1, routeType: 2, rd, address: addrArg('DSD address', get('address')) };
    }
    case 3: {
      if (get('prefix') === '') argsError('MUP T1ST requires prefix');
      const m: MupNlri = { kind: 't1st', archType: 1, routeType: 3, rd, prefix: prefixArg('T1ST', get('prefix')), qfi };
      if (teid.bits > 0) m.teid = teid.value;
      if (get('endpoint') !== '') m.endpoint = addrArg('T1ST endpoint', get('endpoint'));
      if (get('source') === 'none') m.source = new Uint8Array(0);
      else if (get('source') !== '') m.source = addrArg('T1ST source', get('source'));
      return m;
    }
    default: {
      if (get('address') === '') argsError('MUP T2ST requires address');
      const endpoint = addrArg('T2ST endpoint', get('address'));
      const size = endpoint.length * 8;
      if (teid.bits < -size || size + teid.bits > 255) argsError(`invalid T2ST teid "${get('teid')}": endpoint length ${size + teid.bits} does not fit one octet`);
      const octets = teid.bits > 0 ? Math.ceil(teid.bits / 8) : 0;
      // Ze writes the low-order octets of the value: keep what reaches the wire.
      const value = octets >= 4 ? teid.value : teid.value % 2 ** (8 * octets);
      return { kind: 't2st', archType: 1, routeType: 4, rd, endpoint, teidLength: teid.bits, teid: value };
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
