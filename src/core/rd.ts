/**
 * Route Distinguisher (RFC 4364 §4.2): 2-octet type + 6-octet value.
 *   type 0: 2-octet ASN + 4-octet number      text `0:<asn>:<number>`
 *   type 1: IPv4 address + 2-octet number     text `1:<a.b.c.d>:<number>`
 *   type 2: 4-octet ASN + 2-octet number      text `2:<asn>:<number>`
 *   other:                                    text `rd-type<T>:<12 lower-case hex digits>`
 *
 * An RD is kept as its 8 wire bytes (a view when decoded), which makes every type lossless.
 *
 * Text parsing has two modes. `parseRd` honours an explicit type (`2:65000:1` is a type-2 RD),
 * so every RD ze-nlri prints parses back to the same bytes. `parseRdZe` reproduces Ze's
 * `nlri.ParseRDString`, which ignores the explicit type and re-derives it from the
 * administrator field (`2:65000:1` becomes type 0); see docs/ze-compat.md.
 */
import { digits } from './digits.js';
import { NlriError } from './errors.js';
import type { Reader } from './reader.js';
import { ipv4ToString } from './ip.js';

export const RD_LENGTH = 8;

/** Read an RD: a view of its 8 bytes. */
export function readRd(r: Reader): Uint8Array {
  return r.bytes(RD_LENGTH, 'route distinguisher');
}

/** Ze's text of the RD whose 8 bytes start at `off`. */
export function rdToString(b: Uint8Array, off = 0): string {
  const t = (b[off]! << 8) | b[off + 1]!;
  switch (t) {
    case 0:
      return '0:' + ((b[off + 2]! << 8) | b[off + 3]!) + ':' + u32(b, off + 4);
    case 1:
      return '1:' + ipv4ToString(b, off + 2) + ':' + ((b[off + 6]! << 8) | b[off + 7]!);
    case 2:
      return '2:' + u32(b, off + 2) + ':' + ((b[off + 6]! << 8) | b[off + 7]!);
    default: {
      let h = '';
      for (let i = 2; i < 8; i++) h += b[off + i]!.toString(16).padStart(2, '0');
      return 'rd-type' + t + ':' + h;
    }
  }
}

function u32(b: Uint8Array, o: number): number {
  return ((b[o]! << 24) >>> 0) + ((b[o + 1]! << 16) | (b[o + 2]! << 8) | b[o + 3]!);
}

function rdError(message: string, family: string): never {
  throw new NlriError('invalid-args', message, family, -1);
}

/** Decimal as Go's `strconv.ParseUint(s, 10, bits)` accepts it (digits only). */
function decimal(s: string, max: number): number | undefined {
  const v = digits(s);
  return v >= 0 && v <= max ? v : undefined;
}

function parseIpv4Strict(s: string): Uint8Array | undefined {
  const parts = s.split('.');
  if (parts.length !== 4) return undefined;
  const out = new Uint8Array(4);
  for (let i = 0; i < 4; i++) {
    const p = parts[i]!;
    if (!/^[0-9]{1,3}$/.test(p) || (p.length > 1 && p[0] === '0')) return undefined;
    const v = Number(p);
    if (v > 255) return undefined;
    out[i] = v;
  }
  return out;
}

/**
 * The 8 RD octets (RFC 4364 §4.2), written byte by byte: a `DataView` over a fresh small array
 * reads its `.buffer`, which moves the bytes off the heap and costs more than the whole parse.
 */
function build(type: number, admin: Uint8Array | number, assigned: number): Uint8Array {
  const b = new Uint8Array(8);
  b[1] = type; // types 0-2 here: the high octet stays 0
  if (type === 1) {
    const ip = admin as Uint8Array;
    b[2] = ip[0]!;
    b[3] = ip[1]!;
    b[4] = ip[2]!;
    b[5] = ip[3]!;
  } else if (type === 0) {
    const a = admin as number;
    b[2] = a >>> 8;
    b[3] = a & 0xff;
    b[4] = assigned >>> 24;
    b[5] = (assigned >>> 16) & 0xff;
  } else {
    const a = admin as number;
    b[2] = a >>> 24;
    b[3] = (a >>> 16) & 0xff;
    b[4] = (a >>> 8) & 0xff;
    b[5] = a & 0xff;
  }
  b[6] = (assigned >>> 8) & 0xff;
  b[7] = assigned & 0xff;
  return b;
}

/** Build an RD from admin/assigned parts whose type follows from the admin field (Ze's rule). */
function derive(admin: string, assigned: string, family: string): Uint8Array {
  if (admin.includes('.')) {
    const ip = parseIpv4Strict(admin);
    if (!ip) rdError(`invalid IP in RD: ${admin}`, family);
    const n = decimal(assigned, 0xffff);
    if (n === undefined) rdError(`invalid RD value: ${assigned}`, family);
    return build(1, ip, n);
  }
  const asn = decimal(admin, 0xffffffff);
  if (asn === undefined) rdError(`invalid ASN in RD: ${admin}`, family);
  if (asn <= 0xffff) {
    const n = decimal(assigned, 0xffffffff);
    if (n === undefined) rdError(`invalid RD value: ${assigned}`, family);
    return build(0, asn, n);
  }
  const n = decimal(assigned, 0xffff);
  if (n === undefined) rdError(`invalid RD value: ${assigned}`, family);
  return build(2, asn, n);
}

function split(s: string, family: string): string[] {
  const parts = s.split(':');
  if (parts.length !== 2 && parts.length !== 3) rdError(`invalid RD format: ${s} (expected ASN:value or IP:value)`, family);
  return parts;
}

/** Ze's consistency check of an explicit type against the administrator field. */
function typeMatchesAdmin(t: number, admin: string, family: string): void {
  const hasDot = admin.includes('.');
  if (t === 1 && !hasDot) rdError(`invalid RD format: type 1 requires IP address, got ${admin}`, family);
  if (t !== 1 && hasDot) rdError(`invalid RD format: type ${t} requires ASN, got IP ${admin}`, family);
}

/**
 * Ze's `ParseRDString`: `A:B` or `T:A:B`; the type is always derived from A (IPv4 → 1,
 * ASN ≤ 65535 → 0, larger ASN → 2); an explicit T is only checked for consistency.
 */
export function parseRdZe(s: string, family = ''): Uint8Array {
  const parts = split(s, family);
  if (parts.length === 3) {
    const t = decimal(parts[0]!, 2);
    if (t === undefined) rdError(`invalid RD type: ${parts[0]}`, family);
    typeMatchesAdmin(t, parts[1]!, family);
    return derive(parts[1]!, parts[2]!, family);
  }
  return derive(parts[0]!, parts[1]!, family);
}

/**
 * RD text with the explicit type honoured: `T:A:B` gives type T exactly (type 0 needs A ≤ 65535
 * and B < 2^32; type 1 an IPv4 A and B ≤ 65535; type 2 A < 2^32 and B ≤ 65535), `A:B` derives
 * the type like Ze, and `rd-typeN:<12 hex>` gives any other type.
 */
export function parseRd(s: string, family = ''): Uint8Array {
  const raw = /^rd-type([0-9]+):([0-9a-fA-F]{12})$/.exec(s);
  if (raw) {
    const t = decimal(raw[1]!, 0xffff);
    if (t === undefined) rdError(`invalid RD type: ${raw[1]}`, family);
    const b = new Uint8Array(8);
    b[0] = t >> 8;
    b[1] = t & 0xff;
    for (let i = 0; i < 6; i++) b[2 + i] = parseInt(raw[2]!.slice(i * 2, i * 2 + 2), 16);
    return b;
  }
  const parts = split(s, family);
  if (parts.length === 2) return derive(parts[0]!, parts[1]!, family);
  const [ts, admin, assigned] = parts as [string, string, string];
  const t = decimal(ts, 2);
  if (t === undefined) rdError(`invalid RD type: ${ts}`, family);
  typeMatchesAdmin(t, admin, family);
  if (t === 1) {
    const ip = parseIpv4Strict(admin);
    if (!ip) rdError(`invalid IP in RD: ${admin}`, family);
    const n = decimal(assigned, 0xffff);
    if (n === undefined) rdError(`invalid RD value: ${assigned}`, family);
    return build(1, ip, n);
  }
  const asn = decimal(admin, t === 0 ? 0xffff : 0xffffffff);
  if (asn === undefined) rdError(`invalid ASN in RD: ${admin}`, family);
  const n = decimal(assigned, t === 0 ? 0xffffffff : 0xffff);
  if (n === undefined) rdError(`invalid RD value: ${assigned}`, family);
  return build(t, asn, n);
}
