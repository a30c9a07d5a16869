/**
 * Readings of the CAR non-key TLV values (draft-ietf-idr-bgp-car §2.9.2.1-2.9.2.3, RFC 9871):
 *
 * - Label TLV (code 1): one or more 3-octet label entries `Label(20) | Rsrv(3) | S(1)` (RFC 8277
 *   §2.2-2.3 encoding); length a multiple of 3.
 * - Label Index TLV (code 2): `Reserved(1) | Flags(2) | Label Index(4)`, length 7 (the RFC 8669
 *   Label-Index TLV fields).
 * - SRv6 SID TLV (code 3): one or more 128-bit SIDs (length a multiple of 16), or the transposed
 *   part of a SID (length 1..15, RFC 9252 §4 transposition).
 *
 * `tlvProblem` says why a TLV breaks its type's length rules (strict mode refuses it; the
 * default keeps it and renders its value raw). The readings below return undefined for values
 * that are not in the canonical form, so that the JSON never hides a bit of the value.
 */
import { TLV_LABEL, TLV_LABEL_INDEX, TLV_SRV6_SID, type CarTlv } from './model.js';

export function typeCode(t: CarTlv): number {
  return t.type & 0x3f;
}

/** Why the TLV's length breaks its type's rule, or undefined. */
export function tlvProblem(t: CarTlv): string | undefined {
  const n = t.value.length;
  switch (typeCode(t)) {
    case TLV_LABEL:
      if (n === 0 || n % 3 !== 0) return `Label TLV length ${n} is not a positive multiple of 3`;
      for (let i = 0; i < n; i += 3) {
        const bottom = (t.value[i + 2]! & 1) === 1;
        if (bottom !== (i === n - 3)) return 'Label TLV: the bottom-of-stack bit must be set on the last label only';
      }
      return undefined;
    case TLV_LABEL_INDEX:
      return n === 7 ? undefined : `Label Index TLV length ${n}, must be 7`;
    case TLV_SRV6_SID:
      return n > 0 && (n < 16 || n % 16 === 0) ? undefined : `SRv6 SID TLV length ${n} is neither 1..15 (transposition) nor a multiple of 16`;
    default:
      return undefined;
  }
}

/** Labels of a Label TLV whose entries are canonical (S only on the last, Rsrv 0), else undefined. */
export function labelsOf(t: CarTlv): number[] | undefined {
  if (typeCode(t) !== TLV_LABEL || tlvProblem(t) !== undefined) return undefined;
  const v = t.value;
  const out: number[] = [];
  for (let i = 0; i < v.length; i += 3) {
    if ((v[i + 2]! & 0x0e) !== 0) return undefined;
    out.push((v[i]! << 12) | (v[i + 1]! << 4) | (v[i + 2]! >>> 4));
  }
  return out;
}

export interface LabelIndex {
  reserved: number;
  flags: number;
  index: number;
}

export function labelIndexOf(t: CarTlv): LabelIndex | undefined {
  if (typeCode(t) !== TLV_LABEL_INDEX || t.value.length !== 7) return undefined;
  const v = t.value;
  return { reserved: v[0]!, flags: (v[1]! << 8) | v[2]!, index: v[3]! * 0x1000000 + ((v[4]! << 16) | (v[5]! << 8) | v[6]!) };
}

/** `sids` (multiple of 16 octets) or `transposition` (1..15 octets) of an SRv6 SID TLV. */
export function srv6Of(t: CarTlv): { sids?: Uint8Array[]; transposition?: Uint8Array } | undefined {
  if (typeCode(t) !== TLV_SRV6_SID || tlvProblem(t) !== undefined) return undefined;
  const v = t.value;
  if (v.length < 16) return { transposition: v };
  const sids: Uint8Array[] = [];
  for (let i = 0; i < v.length; i += 16) sids.push(v.subarray(i, i + 16));
  return { sids };
}
