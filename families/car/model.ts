/**
 * The BGP CAR model (RFC 9871, "BGP Color-Aware Routing"; layouts from draft-ietf-idr-bgp-car
 * §2.9, see docs/families/car.md): SAFI 83 (CAR) and SAFI 84 (VPN CAR), AFI 1 and 2.
 *
 * Every NLRI is `NLRI Length | Key Length | NLRI Type | key | non-key`. Known types:
 * - 1, Color-Aware Route (E, C): key = prefix length, prefix octets, color (4);
 * - 2, IP Prefix (E): key = prefix length, prefix octets;
 * VPN CAR adds an RD (8) to the key (after the prefix length octet, as the draft's figure draws it).
 * Other types keep their key octets raw. The non-key part is a list of TLVs (type octet R|T|code,
 * length octet, value), each kept as its type octet and value bytes, so every TLV, known or not,
 * is written back byte for byte; bytes after the last whole TLV are kept raw in `rest`.
 *
 * A decoded NLRI holds views of the input (`subarray`s), nothing copied.
 */
import type { Prefix } from '../../src/core/prefix.js';
import type { NlriBase } from '../../src/registry/family.js';

/** BGP CAR NLRI types (RFC 9871 IANA "BGP CAR NLRI Types"). */
export const CAR_TYPE_COLOR_AWARE = 1;
export const CAR_TYPE_IP_PREFIX = 2;

/** BGP CAR NLRI TLV type codes (the low 6 bits of the type octet; IANA "BGP CAR NLRI TLV Types"). */
export const TLV_LABEL = 1;
export const TLV_LABEL_INDEX = 2;
export const TLV_SRV6_SID = 3;

/** Type-octet flags: R (reserved, bit 0) and T (transitive, bit 1). */
export const TLV_R_BIT = 0x80;
export const TLV_T_BIT = 0x40;

export interface CarTlv {
  /** The whole type octet: R bit, T bit and the 6-bit type code. */
  readonly type: number;
  /** The value octets (0..255). */
  readonly value: Uint8Array;
}

export interface CarNlri extends NlriBase {
  /** Never set on a parsed route; `false` marks the lossless record (`isUnparsed`). */
  readonly parsed?: undefined;
  /** AFI 2 (IPv6 prefixes) rather than AFI 1. */
  readonly v6: boolean;
  /** SAFI 84 (VPN CAR: the key carries an RD) rather than SAFI 83. */
  readonly vpn: boolean;
  /** NLRI Type octet (1 Color-Aware Route, 2 IP Prefix, others kept raw). */
  readonly nlriType: number;
  /** VPN CAR, types 1 and 2: the Route Distinguisher, 8 octets (RFC 4364 §4.2). */
  readonly rd?: Uint8Array;
  /** Types 1 and 2: the IP prefix; `addr` holds its ceil(len/8) octets as on the wire. */
  readonly prefix?: Prefix;
  /** Type 1: the 32-bit color. */
  readonly color?: number;
  /** Other types: the key octets as they are. */
  readonly key?: Uint8Array;
  /** Non-key TLVs in wire order (types 1 and 2). */
  readonly tlvs: readonly CarTlv[];
  /**
   * Non-key octets that are not whole TLVs (a TLV overrunning the NLRI, a lone octet), and the
   * whole non-key part of an unknown NLRI type: kept and written back as they are.
   */
  readonly rest?: Uint8Array;
}

/** The lossless record for bytes that do not parse: the rest of the input. */
export interface CarUnparsed extends NlriBase {
  readonly parsed: false;
  readonly raw: Uint8Array;
}

export type CarRoute = CarNlri | CarUnparsed;

export function isUnparsed(m: CarRoute): m is CarUnparsed {
  return (m as CarUnparsed).parsed === false;
}

/** True for the NLRI types whose key ze-nlri reads (1 and 2). */
export function isKnownType(t: number): boolean {
  return t === CAR_TYPE_COLOR_AWARE || t === CAR_TYPE_IP_PREFIX;
}
