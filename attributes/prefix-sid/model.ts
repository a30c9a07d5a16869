/**
 * Model of the BGP Prefix-SID path attribute (type 40): RFC 8669 §3 (TLVs: Type 1 octet,
 * Length 2 octets, Value), §3.1 Label-Index TLV, §3.2 Originator SRGB TLV; RFC 9252 §2 SRv6
 * Service TLVs (5 L3, 6 L2), §3 SRv6 Service Sub-TLVs, §3.1 SRv6 SID Information Sub-TLV,
 * §3.2 SRv6 Service Data Sub-Sub-TLVs, §3.2.1 SRv6 SID Structure Sub-Sub-TLV.
 *
 * TLVs, sub-TLVs and sub-sub-TLVs of other types are kept as `{ type, raw }` (the value bytes)
 * and written back byte for byte, in their order.
 *
 * RFC 9252 §4 transposition: with a non-zero Transposition Length, part of the SID (the
 * function and/or argument bits) travels in the NLRI's label field and the SID here has those
 * bits zero. This model does not merge the two: the SID is what the attribute carries.
 */

export const PREFIX_SID = 40;

export const TLV_LABEL_INDEX = 1;
export const TLV_ORIGINATOR_SRGB = 3;
export const TLV_SRV6_L3_SERVICE = 5;
export const TLV_SRV6_L2_SERVICE = 6;
export const SUBTLV_SRV6_SID_INFORMATION = 1;
export const SUBSUBTLV_SRV6_SID_STRUCTURE = 1;

/** RFC 8669 §3.1: Type 1, Length 7: RESERVED (1), Flags (2), Label Index (4). */
export interface LabelIndexTlv {
  readonly type: 1;
  readonly reserved: number;
  readonly flags: number;
  readonly labelIndex: number;
}

/** One SRGB of the Originator SRGB TLV: first label (3 octets) and number of labels (3 octets). */
export interface SrgbRange {
  readonly base: number;
  readonly range: number;
}

/** RFC 8669 §3.2: Type 3: Flags (2), then one or more SRGBs of 6 octets (none is malformed, §6). */
export interface OriginatorSrgbTlv {
  readonly type: 3;
  readonly flags: number;
  readonly srgb: readonly SrgbRange[];
}

/** RFC 9252 §3.2.1: the six lengths (bits) of the SID structure. */
export interface SidStructure {
  readonly type: 1;
  readonly locatorBlockLength: number;
  readonly locatorNodeLength: number;
  readonly functionLength: number;
  readonly argumentLength: number;
  readonly transpositionLength: number;
  readonly transpositionOffset: number;
}

export interface RawTlv {
  readonly type: number;
  /** The value bytes (after the length field). */
  readonly raw: Uint8Array;
}

export type Srv6SubSubTlv = SidStructure | RawTlv;

/**
 * RFC 9252 §3.1: Type 1: RESERVED1 (1), SRv6 SID Value (16), SRv6 SID Flags (1), SRv6 Endpoint
 * Behavior (2, RFC 8986 §10.2 registry), RESERVED2 (1), SRv6 Service Data Sub-Sub-TLVs.
 */
export interface SidInformation {
  readonly type: 1;
  readonly reserved1: number;
  readonly sid: Uint8Array;
  readonly sidFlags: number;
  readonly behavior: number;
  readonly reserved2: number;
  readonly subSubTlvs: readonly Srv6SubSubTlv[];
}

export type Srv6SubTlv = SidInformation | RawTlv;

/** RFC 9252 §2: Type 5 (L3) / 6 (L2): RESERVED (1), SRv6 Service Sub-TLVs. */
export interface Srv6ServiceTlv {
  readonly type: 5 | 6;
  readonly reserved: number;
  readonly subTlvs: readonly Srv6SubTlv[];
}

export type PrefixSidTlv = LabelIndexTlv | OriginatorSrgbTlv | Srv6ServiceTlv | RawTlv;

export interface PrefixSid {
  readonly tlvs: readonly PrefixSidTlv[];
}

export const isRaw = (t: { readonly type: number }): t is RawTlv => (t as RawTlv).raw instanceof Uint8Array;
