/**
 * encode-nlri args for `l2vpn/evpn` (evpn.md §8), and the tokens that give a route back.
 *
 * Ze's grammar, exactly, for `type2`, `type3`, `type5`: `<route-type> key value …`; keys are read
 * left to right and each value is parsed at once (unknown key, missing value, bad value win in
 * that order), then `rd required for EVPN`, then `unsupported EVPN route type: X`. Repeated keys:
 * the last wins, except `label` (and `vni`), which append.
 *
 * ze-nlri's additions, in the same style (docs/families/evpn.md):
 * - `type1` (RFC 7432 §7.1), `type4` (§7.4), `type6`-`type10` (RFC 9251 §9, RFC 9572 §3.1-3.2),
 *   `type11` (RFC 9572 §3.3), `type<N>` for types without a layout (`payload <hex>`), and
 *   `raw <hex>` (one whole route, kept as it is).
 * - keys `vni` (RFC 8365 §5.1.3: a 24-bit value written as the whole 3-octet field), `source`,
 *   `group`, `originator`, `flags`, `leave-group-sync`, `max-response-time`, `region-id`,
 *   `route-key`, `payload`.
 *
 * Deliberate differences (docs/ze-compat.md, section evpn): an explicit RD type is honoured
 * (`2:65000:1` is a type-2 RD); a label above 2^20-1 is refused, not truncated; `type5` needs a
 * prefix and takes at most one label, and writes a zero label field when given none.
 */
import { esiToString, macToString, parseUintDec } from '../../src/core/bgp.js';
import { argsError, NlriError } from '../../src/core/errors.js';
import { fromHex, toHex } from '../../src/core/hex.js';
import { ipv4ToString, ipv6ToString, parseAddr, parsePrefix } from '../../src/core/ip.js';
import { parseRd, rdToString } from '../../src/core/rd.js';
import { Reader } from '../../src/core/reader.js';
import {
  buildEthernetAd,
  buildEthernetSegment,
  buildInclusiveMulticast,
  buildIpPrefix,
  buildLeafAd,
  buildMacIp,
  buildMulticast,
  buildPerRegionIpmsi,
  buildRaw,
} from './build.js';
import { labelArgs, type LabelSpec } from './labels.js';
import type { EvpnRoute } from './model.js';
import { decodeRoute, recoverRoute } from './wire.js';

const FAMILY = 'l2vpn/evpn';

const KEYS = new Set([
  // Ze's keys
  'rd', 'esi', 'ethernet-tag', 'mac', 'ip', 'prefix', 'gateway', 'label',
  // ze-nlri's
  'vni', 'source', 'group', 'originator', 'flags', 'leave-group-sync', 'max-response-time', 'region-id', 'route-key', 'payload',
]);

/**
 * The values read so far. A class with every field set in its constructor, so every Params has
 * one shape whatever keys the args hold (a plain object would change shape with each new key).
 */
class Params {
  rd: Uint8Array | undefined = undefined;
  esi: Uint8Array | undefined = undefined;
  ethernetTag: number | undefined = undefined;
  mac: Uint8Array | undefined = undefined;
  ip: Uint8Array | undefined = undefined;
  prefix: { v6: boolean; len: number; addr: Uint8Array } | undefined = undefined;
  gateway: Uint8Array | undefined = undefined;
  labels: LabelSpec[] = [];
  source: Uint8Array | undefined = undefined;
  group: Uint8Array | undefined = undefined;
  originator: Uint8Array | undefined = undefined;
  flags: number | undefined = undefined;
  leaveGroupSync: number | undefined = undefined;
  maxResponseTime: number | undefined = undefined;
  regionId: Uint8Array | undefined = undefined;
  routeKey: Uint8Array | undefined = undefined;
  payload: Uint8Array | undefined = undefined;
}

function fail(message: string): never {
  return argsError(message, FAMILY);
}

/** Ze's `ParseESIString`: `0` or empty → zero; 10 colon-separated hex bytes; or 20 hex digits. */
export function parseEsi(s: string): Uint8Array {
  const esi = new Uint8Array(10);
  if (s === '0' || s === '') return esi;
  const ok = s.includes(':') ? colonBytesInto(s, esi) : s.length === 20 && hexDigitsInto(s, esi);
  return ok ? esi : esiError(s);
}

/** The error `parseEsi` gives for `s` (called only when `s` is not a valid ESI; messages as Ze's). */
function esiError(s: string): never {
  if (s.includes(':')) {
    const parts = s.split(':');
    if (parts.length !== 10) throw new Error(`invalid ESI format: expected 10 parts, got ${parts.length}`);
    const i = parts.findIndex((p) => hexByte(p) === undefined);
    throw new Error(`invalid ESI byte ${i}: ${parts[i]}`);
  }
  if (s.length === 20) {
    try {
      fromHex(s);
    } catch (e) {
      throw new Error(`invalid ESI hex: ${(e as Error).message.replace(/^invalid hex: /, '')}`);
    }
  }
  throw new Error(`invalid ESI format: ${s}`);
}

/** Ze's MAC parser: exactly 6 colon-separated hex bytes. */
function parseMac(s: string): Uint8Array {
  const mac = new Uint8Array(6);
  return colonBytesInto(s, mac) ? mac : macError(s);
}

/** The error `parseMac` gives for `s` (called only when `s` is not a valid MAC). */
function macError(s: string): never {
  const parts = s.split(':');
  if (parts.length !== 6) throw new Error(`invalid MAC format: ${s}`);
  const p = parts.find((x) => hexByte(x) === undefined)!;
  throw new Error(`invalid MAC byte ${JSON.stringify(p)}: ${goHexByteError(p)}`);
}

/** The value of the hex digit with char code `c` (either case), -1 for any other character. */
function hexDigit(c: number): number {
  if (c >= 48 && c <= 57) return c - 48;
  const l = c | 32;
  return l >= 97 && l <= 102 ? l - 87 : -1;
}

/**
 * Exactly `out.length` colon-separated parts of `s`, each `strconv.ParseUint(p, 16, 8)` (1+ hex
 * digits, leading zeros allowed, value at most 255), into `out`, in one pass over the char codes.
 * False for anything else (`out` may then be partly written).
 */
function colonBytesInto(s: string, out: Uint8Array): boolean {
  const last = out.length - 1;
  let k = 0;
  let v = 0;
  let digits = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === 58) {
      if (digits === 0 || k === last) return false;
      out[k++] = v;
      v = 0;
      digits = 0;
      continue;
    }
    const d = hexDigit(c);
    if (d < 0) return false;
    v = v * 16 + d;
    if (v > 255) return false;
    digits++;
  }
  if (digits === 0 || k !== last) return false;
  out[k] = v;
  return true;
}

/** `2 * out.length` hex digits of `s` (either case) into `out`; false when one is not a hex digit. */
function hexDigitsInto(s: string, out: Uint8Array): boolean {
  for (let k = 0; k < out.length; k++) {
    const hi = hexDigit(s.charCodeAt(2 * k));
    const lo = hexDigit(s.charCodeAt(2 * k + 1));
    if ((hi | lo) < 0) return false;
    out[k] = (hi << 4) | lo;
  }
  return true;
}

/** `strconv.ParseUint(p, 16, 8)`: 1+ hex digits, value at most 255 (error paths only). */
function hexByte(p: string): number | undefined {
  if (!/^[0-9a-fA-F]+$/.test(p)) return undefined;
  const v = parseInt(p, 16);
  return v <= 255 ? v : undefined;
}

function goHexByteError(p: string): string {
  const why = /^[0-9a-fA-F]+$/.test(p) ? 'value out of range' : 'invalid syntax';
  return `strconv.ParseUint: parsing ${JSON.stringify(p)}: ${why}`;
}

function uint(s: string, bits: number): number {
  const v = parseUintDec(s, bits);
  if (typeof v === 'string') throw new Error(v);
  return v;
}

function addr(s: string): Uint8Array {
  const a = parseAddr(s);
  if (typeof a === 'string') throw new Error(a);
  return a.bytes;
}

function hexValue(s: string): Uint8Array {
  try {
    return fromHex(s);
  } catch (e) {
    throw new Error((e as Error).message);
  }
}

/** Set `key` from its value text; false when `key` is not an EVPN key (nothing is read then). */
function setField(p: Params, key: string, value: string): boolean {
  switch (key) {
    case 'rd':
      try {
        p.rd = parseRd(value, FAMILY);
      } catch (e) {
        throw new Error((e as Error).message);
      }
      return true;
    case 'esi':
      p.esi = parseEsi(value);
      return true;
    case 'ethernet-tag':
      p.ethernetTag = uint(value, 32);
      return true;
    case 'mac':
      p.mac = parseMac(value);
      return true;
    case 'ip':
      p.ip = addr(value);
      return true;
    case 'prefix': {
      const pr = parsePrefix(value);
      if (typeof pr === 'string') throw new Error(pr);
      p.prefix = { v6: pr.v6, len: pr.len, addr: pr.bytes };
      return true;
    }
    case 'gateway':
      p.gateway = addr(value);
      return true;
    case 'label': {
      const v = uint(value, 32);
      if (v > 0xfffff) throw new Error(`${v} exceeds the 20-bit MPLS label range (use vni for a 24-bit VNI)`);
      p.labels.push(v);
      return true;
    }
    case 'vni':
      p.labels.push({ vni: uint(value, 24) });
      return true;
    case 'source':
      p.source = addr(value);
      return true;
    case 'group':
      p.group = addr(value);
      return true;
    case 'originator':
      p.originator = addr(value);
      return true;
    case 'flags':
      p.flags = uint(value, 8);
      return true;
    case 'leave-group-sync':
      p.leaveGroupSync = uint(value, 32);
      return true;
    case 'max-response-time':
      p.maxResponseTime = uint(value, 8);
      return true;
    case 'region-id': {
      if (!/^[0-9a-fA-F]{16}$/.test(value)) throw new Error(`expected 16 hex digits, got ${JSON.stringify(value)}`);
      p.regionId = fromHex(value);
      return true;
    }
    case 'route-key':
      p.routeKey = hexValue(value);
      return true;
    case 'payload':
      p.payload = hexValue(value);
      return true;
  }
  return false;
}

/** `type<N>` for a route type without a layout of its own (0, 12-255); else undefined. */
function rawType(token: string): number | undefined {
  const m = /^type([0-9]{1,3})$/.exec(token);
  if (!m) return undefined;
  const n = Number(m[1]);
  return n <= 255 && (n === 0 || n > 11) && String(n) === m[1] ? n : undefined;
}

/** One whole route from its hex, decoded the lossless way (a raw record when it does not parse). */
function fromRawHex(hex: string): EvpnRoute {
  let bytes: Uint8Array;
  try {
    bytes = fromHex(hex);
  } catch (e) {
    return fail(`invalid raw: ${(e as Error).message}`);
  }
  const r = new Reader(bytes, FAMILY);
  let m: EvpnRoute | undefined;
  try {
    m = decodeRoute(r, {});
  } catch {
    r.pos = 0;
    r.end = bytes.length;
    m = recoverRoute(r, 0);
  }
  if (m === undefined || r.pos !== bytes.length) fail('invalid raw: must hold exactly one EVPN route');
  return m;
}

export function evpnFromArgs(args: readonly string[]): EvpnRoute {
  if (args.length === 0) fail('empty args');
  const routeType = args[0]!;
  if (routeType === 'raw') {
    if (args.length !== 2) fail('raw takes one value: the hex of one whole route');
    return fromRawHex(args[1]!);
  }
  const p = new Params();
  for (let i = 1; i < args.length; i += 2) {
    const key = args[i]!;
    // An unknown key is refused before a missing value (Ze's order).
    if (i + 1 === args.length) fail(KEYS.has(key) ? `key ${JSON.stringify(key)} requires value` : `unknown EVPN key: ${key}`);
    let known: boolean;
    try {
      known = setField(p, key, args[i + 1]!);
    } catch (e) {
      if (e instanceof NlriError) throw e;
      fail(`invalid ${key}: ${(e as Error).message}`);
    }
    if (!known) fail(`unknown EVPN key: ${key}`);
  }
  // `type<N>` (a type without a layout) needs no rd either; its regex runs only when it matters.
  let raw: number | undefined;
  if (p.rd === undefined && routeType !== 'type11' && (raw = rawType(routeType)) === undefined) fail('rd required for EVPN');
  const rd = p.rd!;
  switch (routeType) {
    case 'type1':
      return buildEthernetAd({ rd, esi: p.esi, ethernetTag: p.ethernetTag, labels: p.labels });
    case 'type2':
      return buildMacIp({ rd, esi: p.esi, ethernetTag: p.ethernetTag, mac: p.mac, ip: p.ip, labels: p.labels });
    case 'type3':
      return buildInclusiveMulticast({ rd, ethernetTag: p.ethernetTag, originator: p.ip });
    case 'type4':
      return buildEthernetSegment({ rd, esi: p.esi, originator: p.ip });
    case 'type5': {
      if (p.labels.length > 1) fail(`EVPN type5 takes one label field, got ${p.labels.length}`);
      const prefix = need(p.prefix, 'prefix', routeType);
      return buildIpPrefix({ rd, esi: p.esi, ethernetTag: p.ethernetTag, prefix, gateway: p.gateway, label: p.labels[0] });
    }
    case 'type6':
    case 'type7':
    case 'type8':
    case 'type10':
      return buildMulticast(Number(routeType.slice(4)) as 6 | 7 | 8 | 10, {
        rd,
        esi: p.esi,
        ethernetTag: p.ethernetTag,
        source: p.source,
        group: need(p.group, 'group', routeType),
        originator: need(p.originator, 'originator', routeType),
        flags: p.flags,
        leaveGroupSync: p.leaveGroupSync,
        maxResponseTime: p.maxResponseTime,
      });
    case 'type9':
      return buildPerRegionIpmsi({ rd, ethernetTag: p.ethernetTag, regionId: p.regionId });
    case 'type11':
      return buildLeafAd({ routeKey: need(p.routeKey, 'route-key', routeType), originator: need(p.originator, 'originator', routeType) });
  }
  raw ??= rawType(routeType);
  if (raw !== undefined) return buildRaw(raw, p.payload ?? new Uint8Array(0));
  return fail(`unsupported EVPN route type: ${routeType}`);
}

/** The value of a key the route type needs, or `<key> required for EVPN <type>`. */
function need<T>(v: T | undefined, key: string, routeType: string): T {
  return v === undefined ? fail(`${key} required for EVPN ${routeType}`) : v;
}

function addrText(b: Uint8Array, lenOff: number): string | undefined {
  const bits = b[lenOff];
  if (bits === 32) return ipv4ToString(b, lenOff + 1);
  if (bits === 128) return ipv6ToString(b, lenOff + 1);
  return undefined;
}

function allZero(b: Uint8Array, off: number, n: number): boolean {
  for (let i = 0; i < n; i++) if (b[off + i] !== 0) return false;
  return true;
}

/** Tokens that `evpnFromArgs` turns back into exactly the bytes of `m`. */
export function evpnToArgs(m: EvpnRoute): string[] {
  const raw = (): string[] => ['raw', m.rawHex];
  const b = m.buf;
  const p = m.start + 2;
  const rd = (): string[] => ['rd', rdToString(b, p)];
  const esi = (off: number): string[] => ['esi', esiToString(b, off)];
  const tag = (off: number): string[] => ['ethernet-tag', String(m.kind === 'raw' ? 0 : u32(b, off))];
  switch (m.kind) {
    case 'ethernet-ad': {
      const l = m.labelMode === 'none' ? [] : labelArgs(b, m.labelStart, m.end);
      return l ? ['type1', ...rd(), ...esi(p + 8), ...tag(p + 18), ...l] : raw();
    }
    case 'mac-ip': {
      const l = m.labelMode === 'none' ? [] : labelArgs(b, m.labelStart, m.end);
      if (!l) return raw();
      const ip = m.ip;
      return ['type2', ...rd(), ...esi(p + 8), ...tag(p + 18), 'mac', macToString(b, p + 23), ...(ip ? ['ip', ip] : []), ...l];
    }
    case 'inclusive-multicast':
      return m.extra === 0 ? ['type3', ...rd(), ...tag(p + 8), 'ip', m.originator] : raw();
    case 'ethernet-segment':
      return m.extra === 0 ? ['type4', ...rd(), ...esi(p + 8), 'ip', m.originator] : raw();
    case 'ip-prefix': {
      const v6 = m.v6;
      const n = v6 ? 16 : 4;
      const text = (off: number): string => (v6 ? ipv6ToString(b, off) : ipv4ToString(b, off));
      const gw = p + 23 + n;
      return [
        'type5', ...rd(), ...esi(p + 8), ...tag(p + 18),
        'prefix', `${text(p + 23)}/${b[p + 22]}`,
        ...(allZero(b, gw, n) ? [] : ['gateway', text(gw)]),
        ...labelArgs(b, m.end - 3, m.end)!,
      ];
    }
    case 'smet':
    case 'join-synch':
    case 'leave-synch':
    case 'spmsi': {
      const group = addrText(b, m.groupOff);
      if (group === undefined) return raw();
      const source = addrText(b, m.tagOff + 4);
      const out = [`type${m.code}`, ...rd()];
      if (m.kind === 'join-synch' || m.kind === 'leave-synch') out.push(...esi(p + 8));
      out.push(...tag(m.tagOff), ...(source ? ['source', source] : []), 'group', group, 'originator', m.originator);
      if (m.kind === 'leave-synch') out.push('leave-group-sync', String(m.leaveGroupSync), 'max-response-time', String(m.maxResponseTime));
      if (m.kind !== 'spmsi') out.push('flags', String(b[m.end - 1]));
      return out;
    }
    case 'per-region-ipmsi':
      return ['type9', ...rd(), ...tag(p + 8), 'region-id', toHex(b, p + 12, p + 20)];
    case 'leaf-ad':
      return ['type11', 'route-key', toHex(b, p, m.routeKeyEnd), 'originator', m.originator];
    case 'raw':
      return raw();
  }
}

function u32(b: Uint8Array, o: number): number {
  return ((b[o]! << 24) >>> 0) + ((b[o + 1]! << 16) | (b[o + 2]! << 8) | b[o + 3]!);
}
