/**
 * Label stacks inside an NLRI whose length is known (RFC 8277 §2.2-2.4, RFC 4364 §4.3.4), read
 * without allocating: the VPN and labeled-unicast decoders keep only the count and the offset
 * and build the label array when asked.
 *
 * - RFC 8277 §2.3: each entry is 3 octets (20-bit label, 3-bit Rsrv ignored on receipt, S); the
 *   stack ends at the first entry with S = 1 and never runs past the NLRI's own length.
 * - RFC 8277 §2.1: without the Multiple Labels Capability one label; with it, at most its Count.
 * - RFC 8277 §2.4: in a withdrawal the label field is a 3-octet Compatibility field, normally
 *   0x800000 (RFC 3107) or 0x000000, which has no S bit and MUST be ignored on receipt.
 *   Some speakers instead echo the advertised stack; that still reads as a stack.
 */
import { argsError } from './errors.js';
import { parseUintDec } from './bgp.js';
import { MAX_LABEL, WITHDRAW_LABEL_3107, WITHDRAW_LABEL_ZERO } from './labels.js';

/**
 * Number of entries of the stack starting at `p` that ends (S = 1) at or before `end`;
 * 0 when no entry before `end` has the S bit.
 */
export function scanLabelStack(b: Uint8Array, p: number, end: number): number {
  let n = 0;
  while (p + 3 <= end) {
    n++;
    if ((b[p + 2]! & 1) === 1) return n;
    p += 3;
  }
  return 0;
}

/** True when the 3 octets at `p` are an RFC 8277 §2.4 Compatibility value (0x800000 or 0x000000). */
export function isCompatibilityValue(b: Uint8Array, p: number): boolean {
  return (b[p] === 0x80 || b[p] === 0) && b[p + 1] === 0 && b[p + 2] === 0;
}

/** The 20-bit labels of `n` entries starting at `p`. */
export function labelsAt(b: Uint8Array, p: number, n: number): number[] {
  const out = new Array<number>(n);
  for (let i = 0; i < n; i++, p += 3) out[i] = (b[p]! << 12) | (b[p + 1]! << 4) | (b[p + 2]! >> 4);
  return out;
}

/**
 * How a decoder treats a first label entry of 0x800000 / 0x000000 (RFC 8277 §2.4):
 * `true` the NLRI comes from MP_UNREACH (always the Compatibility field), `false` from MP_REACH
 * (always a label), undefined unknown: the Compatibility field when the rest of the NLRI then
 * has a valid prefix length, a label otherwise.
 */
export interface LabelDecodeOptions {
  /** RFC 8277 §2.1 Multiple Labels Capability Count for this AFI/SAFI (1 = the capability was not exchanged). */
  maxLabels?: number;
  /** Where the NLRI comes from; see above. */
  withdraw?: boolean;
}

/** The Compatibility value a decoded withdrawal carried, as `withdraw` args text. */
export function compatibilityText(label: number): string {
  return label === 0 ? '0x000000' : '0x800000';
}

/** `label` argument: Go 32-bit decimal, then the 20-bit range (Ze's engine wording). */
export function labelArg(s: string, family: string): number {
  const v = parseUintDec(s, 32);
  if (typeof v === 'string') argsError(`invalid label: ${v}`, family);
  if (v > MAX_LABEL) argsError(`label out of range: ${v} (max ${MAX_LABEL})`, family);
  return v;
}

/** `withdraw` argument: the 3-octet Compatibility field, `0x800000` or `0x000000`; returns its 20-bit label. */
export function withdrawArg(s: string, family: string): number {
  const v = s.toLowerCase();
  if (v === '0x800000') return WITHDRAW_LABEL_3107 >>> 4;
  if (v === '0x000000') return WITHDRAW_LABEL_ZERO >>> 4;
  return argsError(`invalid withdraw: ${s} (the RFC 8277 §2.4 Compatibility field is 0x800000 or 0x000000)`, family);
}
