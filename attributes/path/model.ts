/**
 * Models of the basic path attributes: RFC 4271 §4.3 and §5.1 (ORIGIN, AS_PATH, NEXT_HOP,
 * MULTI_EXIT_DISC, LOCAL_PREF, ATOMIC_AGGREGATE, AGGREGATOR), RFC 5065 §3 (confederation
 * segments), RFC 4456 §8 (ORIGINATOR_ID, CLUSTER_LIST), RFC 6793 §3 (AS4_PATH, AS4_AGGREGATOR),
 * RFC 7311 §3 (AIGP), RFC 9234 §5 (OTC).
 *
 * IPv4 addresses and router ids are 4-octet views into the decoded input (or fresh arrays made
 * by `fromJson` / `fromArgs`); AS numbers are plain numbers (0..2^32-1).
 */

/** Type codes (IANA "BGP Path Attributes"). */
export const ORIGIN = 1;
export const AS_PATH = 2;
export const NEXT_HOP = 3;
export const MULTI_EXIT_DISC = 4;
export const LOCAL_PREF = 5;
export const ATOMIC_AGGREGATE = 6;
export const AGGREGATOR = 7;
export const ORIGINATOR_ID = 9;
export const CLUSTER_LIST = 10;
export const AS4_PATH = 17;
export const AS4_AGGREGATOR = 18;
export const AIGP = 26;
export const OTC = 35;

/** RFC 4271 §4.3 ORIGIN values; 3..255 are undefined (malformed, RFC 7606 §7.1). */
export const ORIGIN_IGP = 0;
export const ORIGIN_EGP = 1;
export const ORIGIN_INCOMPLETE = 2;

export interface Origin {
  /** The ORIGIN octet: 0 IGP, 1 EGP, 2 INCOMPLETE; any other value is kept to render it (RFC 7606 §7.1 malformed). */
  readonly value: number;
}

/** RFC 4271 §4.3 path segment types, RFC 5065 §3 confederation segment types. */
export const AS_SET = 1;
export const AS_SEQUENCE = 2;
export const AS_CONFED_SEQUENCE = 3;
export const AS_CONFED_SET = 4;

/** RFC 6793 §9: the reserved 2-octet AS that stands for a non-mappable 4-octet AS. */
export const AS_TRANS = 23456;

export interface AsPathSegment {
  /** AS_SET 1, AS_SEQUENCE 2, AS_CONFED_SEQUENCE 3, AS_CONFED_SET 4. */
  readonly type: number;
  /** 1..255 AS numbers (RFC 4271 §4.3 segment length counts ASNs, not octets). */
  readonly asns: readonly number[];
}

/** AS_PATH (2) and AS4_PATH (17): the segments in wire order; an empty list is an empty AS_PATH. */
export interface AsPath {
  readonly segments: readonly AsPathSegment[];
}

/** NEXT_HOP (3), RFC 4271 §5.1.3: an IPv4 address. */
export interface NextHop {
  /** 4 octets. */
  readonly address: Uint8Array;
}

/** MULTI_EXIT_DISC (4), RFC 4271 §5.1.4, and LOCAL_PREF (5), §5.1.5: one unsigned 32-bit value. */
export interface Med {
  readonly value: number;
}
export interface LocalPref {
  readonly value: number;
}

/** ATOMIC_AGGREGATE (6), RFC 4271 §5.1.6: length 0, no content. */
export type AtomicAggregate = Readonly<Record<string, never>>;

/** AGGREGATOR (7), RFC 4271 §5.1.7 / RFC 6793 §3, and AS4_AGGREGATOR (18). */
export interface Aggregator {
  /** The aggregating AS: 2 octets on the wire when the session is not 4-octet (AGGREGATOR only). */
  readonly asn: number;
  /** The aggregating speaker's BGP Identifier / IP address, 4 octets. */
  readonly address: Uint8Array;
}

/** ORIGINATOR_ID (9), RFC 4456 §8: the originator's BGP Identifier, 4 octets. */
export interface OriginatorId {
  readonly id: Uint8Array;
}

/** CLUSTER_LIST (10), RFC 4456 §8: CLUSTER_IDs (4 octets each), in wire order. */
export interface ClusterList {
  readonly ids: readonly Uint8Array[];
}

/** RFC 7311 §3: the AIGP TLV (type 1, length 11, an 8-octet metric). */
export const AIGP_TLV_METRIC = 1;

export interface AigpMetricTlv {
  readonly type: 1;
  /** Accumulated IGP metric, unsigned 64 bits. */
  readonly metric: bigint;
}

/** A TLV of another type, kept with its value octets (the 3-octet header is rebuilt). */
export interface AigpRawTlv {
  readonly type: number;
  readonly raw: Uint8Array;
}

export type AigpTlv = AigpMetricTlv | AigpRawTlv;

/** AIGP (26), RFC 7311 §3: TLVs in wire order. */
export interface Aigp {
  readonly tlvs: readonly AigpTlv[];
}

export function isAigpMetric(t: AigpTlv): t is AigpMetricTlv {
  return 'metric' in t;
}

/** OTC (35), RFC 9234 §5: Only to Customer, the 4-octet AS that set it. */
export interface Otc {
  readonly asn: number;
}
