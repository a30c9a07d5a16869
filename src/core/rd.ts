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
import { digits, digitsIn } from './digits.js';
import { NlriError } from './errors.js';
import type { Reader } from './reader.js';
import { ipv4StrictIn, ipv4ToString } from './ip.js';

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

/** Decimal in `s[start, end)` as Go's `strconv.ParseUint(s, 10, bits)` accepts it (digits only), or -1. */
function decimal(s: string, start: number, end: number, max: number): number {
  const v = digitsIn(s, start, end);
  return v <= max ? v : -1;
}

/**
 * The 8 RD octets (RFC 4364 §4.2), written byte by byte: a `DataView` over a fresh small array
 * reads its `.buffer`, which moves the bytes off the heap and costs more than the whole parse.
 * `admin` is the ASN, or for type 1 the IPv4 address as a 32-bit number.
 */
function build(type: number, admin: number, assigned: number): Uint8Array {
  const b = new Uint8Array(8);
  b[1] = type; // types 0-2 here: the high octet stays 0
  if (type === 0) {
    b[2] = admin >>> 8;
    b[3] = admin & 0xff;
    b[4] = assigned >>> 24;
    b[5] = (assigned >>> 16) & 0xff;
  } else {
    b[2] = admin >>> 24;
    b[3] = (admin >>> 16) & 0xff;
    b[4] = (admin >>> 8) & 0xff;
    b[5] = admin & 0xff;
  }
  b[6] = (assigned >>> 8) & 0xff;
  b[7] = assigned & 0xff;
  return b;
}

/** True when `s[start, end)` holds a `.`. */
function hasDot(s: string, start: number, end: number): boolean {
  const i = s.indexOf('.', start);
  return i >= 0 && i < end;
}

/**
 * Build an RD from the admin field `s[a, c)` and the assigned field `s[c + 1, end)` (c is the
 * colon between them), the type following from the admin field (Ze's rule).
 */
function derive(s: string, a: number, c: number, family: string): Uint8Array {
  const end = s.length;
  if (hasDot(s, a, c)) {
    const ip = ipv4StrictIn(s, a, c);
    if (ip < 0) rdError(`invalid IP in RD: ${s.slice(a, c)}`, family);
    const n = decimal(s, c + 1, end, 0xffff);
    if (n < 0) rdError(`invalid RD value: ${s.slice(c + 1)}`, family);
    return build(1, ip, n);
  }
  const asn = decimal(s, a, c, 0xffffffff);
  if (asn < 0) rdError(`invalid ASN in RD: ${s.slice(a, c)}`, family);
  if (asn <= 0xffff) {
    const n = decimal(s, c + 1, end, 0xffffffff);
    if (n < 0) rdError(`invalid RD value: ${s.slice(c + 1)}`, family);
    return build(0, asn, n);
  }
  const n = decimal(s, c + 1, end, 0xffff);
  if (n < 0) rdError(`invalid RD value: ${s.slice(c + 1)}`, family);
  return build(2, asn, n);
}

/** The second colon found by the last `firstColon` call, -1 for `A:B` text. */
let secondColon = -1;

/**
 * Where the RD text's first colon is (`A:B` or `T:A:B`); the second one is left in
 * `secondColon`. Any other number of colons is an error.
 */
function firstColon(s: string, family: string): number {
  const c1 = s.indexOf(':');
  const c2 = c1 < 0 ? -1 : s.indexOf(':', c1 + 1);
  if (c1 < 0 || (c2 >= 0 && s.indexOf(':', c2 + 1) >= 0)) {
    rdError(`invalid RD format: ${s} (expected ASN:value or IP:value)`, family);
  }
  secondColon = c2;
  return c1;
}

/**
 * The explicit type of `T:A:B` text (0..2; its colons at `c1` and `c2`), with Ze's consistency
 * check against the administrator field A.
 */
function explicitType(s: string, c1: number, c2: number, family: string): number {
  const t = decimal(s, 0, c1, 2);
  if (t < 0) rdError(`invalid RD type: ${s.slice(0, c1)}`, family);
  const dot = hasDot(s, c1 + 1, c2);
  if (t === 1 && !dot) rdError(`invalid RD format: type 1 requires IP address, got ${s.slice(c1 + 1, c2)}`, family);
  if (t !== 1 && dot) rdError(`invalid RD format: type ${t} requires ASN, got IP ${s.slice(c1 + 1, c2)}`, family);
  return t;
}

/**
 * Ze's `ParseRDString`: `A:B` or `T:A:B`; the type is always derived from A (IPv4 → 1,
 * ASN ≤ 65535 → 0, larger ASN → 2); an explicit T is only checked for consistency.
 */
export function parseRdZe(s: string, family = ''): Uint8Array {
  const c1 = firstColon(s, family);
  const c2 = secondColon;
  if (c2 < 0) return derive(s, 0, c1, family);
  explicitType(s, c1, c2, family);
  return derive(s, c1 + 1, c2, family);
}

const RAW_RD = /^rd-type([0-9]+):([0-9a-fA-F]{12})$/;

/**
 * RD text with the explicit type honoured: `T:A:B` gives type T exactly (type 0 needs A ≤ 65535
 * and B < 2^32; type 1 an IPv4 A and B ≤ 65535; type 2 A < 2^32 and B ≤ 65535), `A:B` derives
 * the type like Ze, and `rd-typeN:<12 hex>` gives any other type. The common forms are read in
 * place (no split, no regular expression, no substrings unless there is an error to name).
 */
export function parseRd(s: string, family = ''): Uint8Array {
  const raw = s.charCodeAt(0) === 114 /* r */ ? RAW_RD.exec(s) : null;
  if (raw) {
    const t = digits(raw[1]!);
    if (t < 0 || t > 0xffff) rdError(`invalid RD type: ${raw[1]}`, family);
    const b = new Uint8Array(8);
    b[0] = t >> 8;
    b[1] = t & 0xff;
    for (let i = 0; i < 6; i++) b[2 + i] = parseInt(raw[2]!.slice(i * 2, i * 2 + 2), 16);
    return b;
  }
  const c1 = firstColon(s, family);
  const c2 = secondColon;
  if (c2 < 0) return derive(s, 0, c1, family);
  const t = explicitType(s, c1, c2, family);
  const end = s.length;
  if (t === 1) {
    const ip = ipv4StrictIn(s, c1 + 1, c2);
    if (ip < 0) rdError(`invalid IP in RD: ${s.slice(c1 + 1, c2)}`, family);
    const n = decimal(s, c2 + 1, end, 0xffff);
    if (n < 0) rdError(`invalid RD value: ${s.slice(c2 + 1)}`, family);
    return build(1, ip, n);
  }
  const asn = decimal(s, c1 + 1, c2, t === 0 ? 0xffff : 0xffffffff);
  if (asn < 0) rdError(`invalid ASN in RD: ${s.slice(c1 + 1, c2)}`, family);
  const n = decimal(s, c2 + 1, end, t === 0 ? 0xffffffff : 0xffff);
  if (n < 0) rdError(`invalid RD value: ${s.slice(c2 + 1)}`, family);
  return build(t, asn, n);
}
