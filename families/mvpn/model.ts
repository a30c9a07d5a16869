/**
 * The typed model of an MCAST-VPN NLRI (RFC 6514 §4; IPv6 addresses per RFC 6515 §2;
 * wildcards per RFC 6625 §4).
 *
 * One interface per route type, told apart by `kind`. Addresses are their wire bytes (views
 * into the input when decoded): 4 bytes for IPv4, 16 for IPv6, and 0 for an RFC 6625 wildcard
 * source or group. An RD is its 8 wire bytes (RFC 4364 §4.2). Route types this codec does not
 * know, and payloads that do not follow their type's layout, are kept whole as `MvpnRaw`, so
 * every NLRI re-encodes byte for byte.
 *
 * A decoded NLRI is an `MvpnView` (view.ts) with these fields read from the input when asked;
 * models built by hand or by `fromArgs` are plain objects with the same fields.
 */
import type { NlriBase } from '../../src/registry/family.js';

/** RFC 6514 §4 route type codes. */
export const MVPN_INTRA_AS_I_PMSI_AD = 1;
export const MVPN_INTER_AS_I_PMSI_AD = 2;
export const MVPN_S_PMSI_AD = 3;
export const MVPN_LEAF_AD = 4;
export const MVPN_SOURCE_ACTIVE_AD = 5;
export const MVPN_SHARED_TREE_JOIN = 6;
export const MVPN_SOURCE_TREE_JOIN = 7;

/**
 * Route type names, as Ze prints them in its text output (`type(N)` for others); they are also
 * the `name` key of the JSON and the first args token.
 */
export const MVPN_TYPE_NAMES: readonly (string | undefined)[] = [
  undefined,
  'intra-as-i-pmsi-ad',
  'inter-as-i-pmsi-ad',
  's-pmsi-ad',
  'leaf-ad',
  'source-active',
  'shared-tree-join',
  'source-tree-join',
];

/** RFC 6514 §4.1 Intra-AS I-PMSI A-D route: RD, Originating Router's IP Address. */
export interface MvpnIntraAsIPmsiAd {
  kind: 'intra-as-i-pmsi-ad';
  type: 1;
  rd: Uint8Array;
  /** 4 or 16 bytes; the size follows from the route length (RFC 6515 §2). */
  originator: Uint8Array;
}

/** RFC 6514 §4.2 Inter-AS I-PMSI A-D route: RD, Source AS (4 octets). */
export interface MvpnInterAsIPmsiAd {
  kind: 'inter-as-i-pmsi-ad';
  type: 2;
  rd: Uint8Array;
  sourceAs: number;
}

/** RFC 6514 §4.3 S-PMSI A-D route: RD, multicast source, multicast group, originator. */
export interface MvpnSPmsiAd {
  kind: 's-pmsi-ad';
  type: 3;
  rd: Uint8Array;
  /** 0 (wildcard, RFC 6625), 4 or 16 bytes. */
  source: Uint8Array;
  /** 0 (wildcard, RFC 6625), 4 or 16 bytes. */
  group: Uint8Array;
  /** 4 or 16 bytes. */
  originator: Uint8Array;
}

/** RFC 6514 §4.4 Leaf A-D route: Route Key (a whole MCAST-VPN NLRI), originator. */
export interface MvpnLeafAd {
  kind: 'leaf-ad';
  type: 4;
  /** The NLRI of the route this one answers (RFC 6514 §9.2.3.2.1, RFC 7524 §4). */
  routeKey: MvpnRoute;
  /** 4 or 16 bytes. */
  originator: Uint8Array;
}

/** RFC 6514 §4.5 Source Active A-D route: RD, multicast source, multicast group. */
export interface MvpnSourceActiveAd {
  kind: 'source-active';
  type: 5;
  rd: Uint8Array;
  source: Uint8Array;
  group: Uint8Array;
}

/**
 * RFC 6514 §4.6 C-multicast routes: RD, Source AS, multicast source, multicast group.
 * In a Shared Tree Join (type 6) the source field carries the C-RP address (§11.1.3).
 */
export interface MvpnCMulticast {
  kind: 'shared-tree-join' | 'source-tree-join';
  type: 6 | 7;
  rd: Uint8Array;
  sourceAs: number;
  source: Uint8Array;
  group: Uint8Array;
}

/** Any route type, with its payload kept whole (unknown types, payloads not in their type's layout). */
export interface MvpnRaw {
  kind: 'raw';
  /** 0-255. */
  type: number;
  /** The route-type-specific bytes (at most 255). */
  raw: Uint8Array;
}

export type MvpnRoute =
  | MvpnIntraAsIPmsiAd
  | MvpnInterAsIPmsiAd
  | MvpnSPmsiAd
  | MvpnLeafAd
  | MvpnSourceActiveAd
  | MvpnCMulticast
  | MvpnRaw;

/** One MCAST-VPN NLRI as decoded or to encode. */
export type MvpnNlri = MvpnRoute & NlriBase;
