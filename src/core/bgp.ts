/**
 * Small shared BGP values: ADD-PATH path identifiers (RFC 7911), MAC addresses, Ethernet
 * Segment Identifiers (RFC 7432 §5), and route-target extended communities (RFC 4360 §4,
 * RFC 5668). Families choose their own text forms where Ze's differ; these are the building blocks.
 */
import { digits } from './digits.js';
import { NIBBLE_BYTE as NIBBLE } from './hex.js';
import { NlriError } from './errors.js';
import { ipv4ToString } from './ip.js';
import type { Reader } from './reader.js';

/** RFC 7911 §3: a 4-octet path identifier in front of each NLRI. */
export function readPathId(r: Reader): number {
  return r.u32('ADD-PATH path identifier');
}

export const MAC_LENGTH = 6;
export const ESI_LENGTH = 10;

/** Six bytes as `aa:bb:cc:dd:ee:ff` (lower case) or upper case with `upper`. */
export function macToString(b: Uint8Array, off = 0, upper = false): string {
  let s = '';
  for (let i = 0; i < 6; i++) {
    if (i) s += ':';
    s += b[off + i]!.toString(16).padStart(2, '0');
  }
  return upper ? s.toUpperCase() : s;
}

/**
 * `aa:bb:cc:dd:ee:ff` (or `-` separated, or mixed; one or two hex digits per group) to 6 bytes;
 * undefined when malformed. One pass over the char codes.
 */
export function macFromString(s: string): Uint8Array | undefined {
  const out = new Uint8Array(6);
  let k = 0; // groups done
  let n = 0; // digits in this group
  let v = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === 58 /* : */ || c === 45 /* - */) {
      if (n === 0 || k === 5) return undefined;
      out[k++] = v;
      n = 0;
      v = 0;
      continue;
    }
    const d = c < 128 ? NIBBLE[c]! : -1;
    if (d < 0 || n === 2) return undefined;
    v = (v << 4) | d;
    n++;
  }
  if (n === 0 || k !== 5) return undefined;
  out[5] = v;
  return out;
}

/** Ten bytes as colon-separated lower-case hex (`00:11:…`), or `-` when all zero if `dashIfZero`. */
export function esiToString(b: Uint8Array, off = 0, dashIfZero = false): string {
  let zero = true;
  let s = '';
  for (let i = 0; i < 10; i++) {
    const v = b[off + i]!;
    if (v) zero = false;
    if (i) s += ':';
    s += v.toString(16).padStart(2, '0');
  }
  return zero && dashIfZero ? '-' : s;
}

/** The route-target sub-type of the extended community types 0x00, 0x01, 0x02 (RFC 4360, 5668). */
export const RT_SUBTYPE = 0x02;

/**
 * A route-target extended community (8 bytes at `off`) as `asn:number` (types 0x00 and 0x02)
 * or `a.b.c.d:number` (type 0x01); undefined for other types.
 */
export function routeTargetToString(b: Uint8Array, off = 0): string | undefined {
  const type = b[off]! & 0x3f; // the IANA bit (0x40) and transitive bit do not change the layout
  const dv = new DataView(b.buffer, b.byteOffset + off, 8);
  if (b[off + 1] !== RT_SUBTYPE) return undefined;
  switch (type) {
    case 0x00: return dv.getUint16(2) + ':' + dv.getUint32(4);
    case 0x01: return ipv4ToString(b, off + 2) + ':' + dv.getUint16(6);
    case 0x02: return dv.getUint32(2) + ':' + dv.getUint16(6);
    default: return undefined;
  }
}

/**
 * 2^bits - 1 for bits 0..52 (larger sizes are bounded by 2^53 - 1, the exact numbers): a table,
 * because `2 ** bits` with a variable exponent costs about 50 ns a call on Node 20.
 */
const UINT_MAX: readonly number[] = Array.from({ length: 53 }, (_, b) => 2 ** b - 1);

/**
 * Parse Go-style unsigned decimal (`strconv.ParseUint(s, 10, bits)`): digits only, fits `bits`.
 * Returns the number, or a Go-style error text.
 */
export function parseUintDec(s: string, bits: number): number | string {
  if (s === '') return `strconv.ParseUint: parsing "": invalid syntax`;
  const v = digits(s);
  if (v < 0) return `strconv.ParseUint: parsing ${JSON.stringify(s)}: invalid syntax`;
  if (v > (UINT_MAX[bits] ?? Number.MAX_SAFE_INTEGER)) return `strconv.ParseUint: parsing ${JSON.stringify(s)}: value out of range`;
  return v;
}

/** Like `parseUintDec` but throws an args error prefixed with `what`. */
export function uintArg(s: string, bits: number, what: string, family = ''): number {
  const v = parseUintDec(s, bits);
  if (typeof v === 'string') throw new NlriError('invalid-args', `invalid ${what}: ${v}`, family, -1);
  return v;
}
