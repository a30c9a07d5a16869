/**
 * Label stacks inside an NLRI whose length is known (RFC 8277 §2.2-2.4, RFC 4364 §4.3.4), read
 * without allocating: the VPN and labeled-unicast decoders keep only the count and the offset
 * and build the label array when asked.
 *
 * - RFC 8277 §2.3: each entry is 3 octets (20-bit label, 3-bit Rsrv ignored on receipt, S); the
 *   stack ends at the first entry with S = 1 and never runs past the NLRI's own length.
 * - RFC 8277 §2.1: without the Multiple Labels Capability one label; with it, at most its Count.
 * - RFC 8277 §2.4: in a withdrawal (MP_UNREACH_NLRI) the label field is ONE 3-octet
 *   Compatibility field, whatever the Multiple Labels Capability: SHOULD be 0x800000 on
 *   transmission, its value MUST be ignored on receipt. So from MP_UNREACH it is always exactly
 *   3 octets, whatever they hold (0x800000, 0x000000, an echoed label such as 0x000641, or
 *   anything else); decoders keep the 24-bit value so the NLRI re-encodes byte for byte.
 *   Only where the direction is unknown (decode-nlri) is it guessed: see `LabelDecodeOptions`.
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
 * The JSON text of the 20-bit labels of `n` entries at `p`, read straight from the bytes (no
 * array): `[100,200]`, or with `nested` one array per label, `[[100],[200]]` (Ze's VPN form).
 */
export function labelsJsonAt(b: Uint8Array, p: number, n: number, nested: boolean): string {
  let s = '[';
  for (let i = 0; i < n; i++, p += 3) {
    const v = (b[p]! << 12) | (b[p + 1]! << 4) | (b[p + 2]! >> 4);
    s += nested ? (i ? ',[' : '[') + v + ']' : (i ? ',' : '') + v;
  }
  return s + ']';
}

/**
 * How a decoder reads the label field (RFC 8277 §2.4), by `withdraw`:
 * - `true`, the NLRI comes from MP_UNREACH: always one 3-octet Compatibility field, whatever its
 *   value (its exact 24 bits are kept; `labels` shows their label reading, `value >>> 4`);
 * - `false`, from MP_REACH: always a label stack up to the S bit (§2.2-2.3);
 * - undefined, unknown (decode-nlri, Ze's contract): a first entry of exactly 0x800000 or
 *   0x000000 is the Compatibility field when the rest of the NLRI then has a valid prefix
 *   length, anything else a label stack.
 */
export interface LabelDecodeOptions {
  /** RFC 8277 §2.1 Multiple Labels Capability Count for this AFI/SAFI (1 = the capability was not exchanged). */
  maxLabels?: number;
  /** Where the NLRI comes from; see above. */
  withdraw?: boolean;
}

/** The 24-bit Compatibility value at `p`. */
export function compatibilityAt(b: Uint8Array, p: number): number {
  return (b[p]! << 16) | (b[p + 1]! << 8) | b[p + 2]!;
}

/** True for the two values RFC 8277 §2.4 names (0x800000, RFC 3107's; 0x000000). */
export function isCanonicalCompatibility(v: number): boolean {
  return v === WITHDRAW_LABEL_3107 || v === WITHDRAW_LABEL_ZERO;
}

/** A 24-bit Compatibility value as text and `withdraw` args: `0x` and 6 lower-case hex digits. */
export function compatibilityText(value: number): string {
  return '0x' + value.toString(16).padStart(6, '0');
}

/**
 * The 24-bit Compatibility value a withdrawal model writes, or why it has none: its
 * `compatibility` (0..0xFFFFFF, and `labels` must then be its label reading `[value >>> 4]`),
 * else from its one label, 524288 (0x800000) or 0 (0x000000).
 */
export function withdrawValue(labels: readonly number[], compatibility: number | undefined): number | string {
  if (compatibility !== undefined) {
    if (!Number.isInteger(compatibility) || compatibility < 0 || compatibility > 0xffffff) return `Compatibility field ${compatibility} is not a 24-bit value`;
    if (labels.length !== 1 || labels[0] !== compatibility >>> 4) {
      return `labels of a withdrawal must be the Compatibility field's label reading [${compatibility >>> 4}]`;
    }
    return compatibility;
  }
  if (labels.length === 1 && (labels[0] === WITHDRAW_LABEL_3107 >>> 4 || labels[0] === WITHDRAW_LABEL_ZERO >>> 4)) return labels[0] << 4;
  return 'a withdrawal Compatibility field is one entry, 0x800000 (label 524288) or 0x000000 (label 0), or give its 24-bit `compatibility`';
}

/** `label` argument: Go 32-bit decimal, then the 20-bit range (Ze's engine wording). */
export function labelArg(s: string, family: string): number {
  const v = parseUintDec(s, 32);
  if (typeof v === 'string') argsError(`invalid label: ${v}`, family);
  if (v > MAX_LABEL) argsError(`label out of range: ${v} (max ${MAX_LABEL})`, family);
  return v;
}

/**
 * `withdraw` argument: the 3-octet Compatibility field as `0x` and 6 hex digits (`0x800000` as
 * RFC 8277 §2.4 recommends, `0x000000`, or any other value a decoded withdrawal carried);
 * returns the 24-bit value.
 */
export function withdrawArg(s: string, family: string): number {
  if (/^0[xX][0-9a-fA-F]{6}$/.test(s)) return parseInt(s.slice(2), 16);
  return argsError(`invalid withdraw: ${s} (the RFC 8277 §2.4 Compatibility field is 3 octets in hex, e.g. 0x800000)`, family);
}
