/**
 * IP prefixes as NLRI carry them (RFC 4271 §4.3, RFC 4760 §5): a length in bits, then the
 * first ceil(bits/8) octets of the address. The model keeps those octets as a view of the input
 * (no copy, no padding); text conversion pads with zeros as it prints.
 *
 * Host bits are kept as they are on the wire (Ze does not mask them either); `masked` is there
 * for callers that want the canonical form.
 */
import { NlriError } from './errors.js';
import { ipToString, parsePrefix } from './ip.js';
import type { Reader } from './reader.js';
import type { Writer } from './writer.js';

export interface Prefix {
  /** IPv6 (16-byte address) or IPv4 (4-byte address). */
  readonly v6: boolean;
  /** Length in bits. */
  readonly len: number;
  /** The significant octets: at least ceil(len/8) of them (a view when decoded). */
  readonly addr: Uint8Array;
}

export function prefixOctets(bits: number): number {
  return (bits + 7) >>> 3;
}

/** Read `len` + octets; a length above the address size is an error ('bad-length'). */
export function readPrefix(r: Reader, v6: boolean, what = 'prefix'): Prefix {
  const at = r.pos;
  const len = r.u8(`${what} length`);
  if (len > (v6 ? 128 : 32)) r.fail('bad-length', `${what} length ${len} exceeds ${v6 ? 128 : 32}`, at);
  return { v6, len, addr: r.bytes(prefixOctets(len), what) };
}

export function prefixEncodingLength(p: Prefix): number {
  return 1 + prefixOctets(p.len);
}

/** Write `len` + ceil(len/8) octets of the address. */
export function writePrefix(w: Writer, p: Prefix): void {
  w.u8(p.len);
  writePrefixOctets(w, p);
}

/** Write only the ceil(len/8) significant octets (zero-filled if the model holds fewer). */
export function writePrefixOctets(w: Writer, p: Prefix): void {
  const n = prefixOctets(p.len);
  if (p.addr.length >= n) w.range(p.addr, 0, n);
  else {
    w.bytes(p.addr);
    w.zeros(n - p.addr.length);
  }
}

/** `addr/len` with the address printed the Go way (unmasked). */
export function prefixToString(p: Prefix): string {
  return ipToString(p.v6, p.addr, 0, Math.min(p.addr.length, p.v6 ? 16 : 4)) + '/' + p.len;
}

/** The address part alone (zero-filled). */
export function prefixAddrString(p: Prefix): string {
  return ipToString(p.v6, p.addr, 0, Math.min(p.addr.length, p.v6 ? 16 : 4));
}

/** The same prefix with the host bits cleared (a new array). */
export function masked(p: Prefix): Prefix {
  const n = prefixOctets(p.len);
  const a = new Uint8Array(n);
  a.set(p.addr.subarray(0, n));
  const rem = p.len & 7;
  if (rem !== 0) a[n - 1]! &= 0xff << (8 - rem);
  return { v6: p.v6, len: p.len, addr: a };
}

/** True when a bit after `len` is set. */
export function hasHostBits(p: Prefix): boolean {
  const n = prefixOctets(p.len);
  const rem = p.len & 7;
  if (rem !== 0 && (p.addr[n - 1]! & (0xff >> rem)) !== 0) return true;
  for (let i = n; i < p.addr.length; i++) if (p.addr[i] !== 0) return true;
  return false;
}

/**
 * Parse prefix text (Go `netip.ParsePrefix` rules). Throws `NlriError('invalid-args')` with
 * Go's message. The returned address is the full 4/16 bytes, unmasked.
 */
export function prefixFromString(s: string, family = ''): Prefix {
  const p = parsePrefix(s);
  if (typeof p === 'string') throw new NlriError('invalid-args', p, family, -1);
  return { v6: p.v6, len: p.len, addr: p.bytes };
}
