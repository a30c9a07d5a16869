/**
 * The typed model of a BGP-LS NLRI (RFC 9552 §5.2, RFC 9514 §6).
 *
 * A decoded NLRI keeps every TLV in wire order, so it re-encodes to the same bytes. A TLV whose
 * value has the length the RFC gives becomes a typed item; any other TLV (unknown code, or a
 * known code with another length) is kept as `{ kind: 'tlv', type, value }`. Bytes after the last
 * whole TLV of a section (a TLV running past its container, which Ze tolerates in some places,
 * or a 1-3 byte tail) are kept in `trailing`. Byte fields are views into the input (no copies).
 */
import type { NlriBase } from '../../src/registry/family.js';

/**
 * RFC 9552 §5.2 Table 1, RFC 9857 §4 (type 5) and RFC 9514 §6 (type 6): the NLRI types ze-nlri
 * decodes.
 */
export type LsNlriKind = 'node' | 'link' | 'prefix-v4' | 'prefix-v6' | 'sr-policy-cp' | 'srv6-sid';

/** An undecoded TLV: unknown code, or a known code whose value length is not the RFC's. */
export interface RawTlv {
  readonly kind: 'tlv';
  /** TLV type code (2 octets). */
  readonly type: number;
  readonly value: Uint8Array;
}

/** Node Descriptor sub-TLVs (RFC 9552 §5.2.1.4, RFC 9086 §4, inside TLV 256/257). */
export type NodeDescriptor =
  /** 512 Autonomous System, 4 octets. */
  | { readonly kind: 'as'; readonly asn: number }
  /** 513 BGP-LS Identifier, 4 octets (deprecated by RFC 9552 but still sent). */
  | { readonly kind: 'bgp-ls-id'; readonly id: number }
  /** 514 OSPF Area-ID, 4 octets. */
  | { readonly kind: 'ospf-area-id'; readonly area: number }
  /**
   * 515 IGP Router-ID: 4 (OSPF router-id), 6 (IS-IS system-id), 7 (IS-IS pseudonode: system-id
   * + PSN) or 8 octets (OSPF pseudonode: DR router-id + DR interface address).
   */
  | { readonly kind: 'igp-router-id'; readonly id: Uint8Array }
  /** 516 BGP Router-ID, 4 octets (RFC 9086 §4.1). */
  | { readonly kind: 'bgp-router-id'; readonly id: Uint8Array }
  /** 517 BGP Confederation Member ASN, 4 octets (RFC 9086 §4.1). */
  | { readonly kind: 'member-asn'; readonly asn: number }
  /** 518 SRv6 SID inside a node descriptor (not standard; GoBGP and Ze write it), 16 octets. */
  | { readonly kind: 'srv6-sid'; readonly sid: Uint8Array }
  | RawTlv;

/** TLV 256 (Local Node Descriptors) or 257 (Remote Node Descriptors), RFC 9552 §5.2.1. */
export interface NodeDescriptors {
  readonly kind: 'local-node' | 'remote-node';
  readonly descriptors: readonly NodeDescriptor[];
  /** Bytes after the last whole sub-TLV (see the module comment). */
  readonly trailing?: Uint8Array;
}

/** The top-level TLVs of an NLRI (RFC 9552 §5.2.2, §5.2.3; RFC 9514 §6.1). */
export type LsTlv =
  | NodeDescriptors
  /** 258 Link Local/Remote Identifiers, 4 + 4 octets. */
  | { readonly kind: 'link-id'; readonly local: number; readonly remote: number }
  /** 259 IPv4 interface address / 260 IPv4 neighbor address, 4 octets. */
  | { readonly kind: 'ipv4-interface' | 'ipv4-neighbor'; readonly addr: Uint8Array }
  /** 261 IPv6 interface address / 262 IPv6 neighbor address, 16 octets. */
  | { readonly kind: 'ipv6-interface' | 'ipv6-neighbor'; readonly addr: Uint8Array }
  /** 263 Multi-Topology Identifiers: 2-octet words as on the wire (4 reserved bits + 12-bit MT-ID). */
  | { readonly kind: 'mt-id'; readonly ids: readonly number[] }
  /** 264 OSPF Route Type, 1 octet. */
  | { readonly kind: 'ospf-route-type'; readonly routeType: number }
  /** 265 IP Reachability Information: prefix length + exactly ceil(length/8) octets. */
  | { readonly kind: 'ip-reachability'; readonly length: number; readonly addr: Uint8Array }
  /** 518 SRv6 SID Information (RFC 9514 §6.1), 16 octets. */
  | { readonly kind: 'srv6-sid'; readonly sid: Uint8Array }
  | SrPolicyCpDescriptor
  /**
   * 1185 Address Family Link Descriptor (RFC 9815 §5.2.2.1, BGP-LS-SPF Link NLRIs), 1 octet:
   * 1 IPv4, 2 IPv6 (0 and 255 reserved; any value is kept).
   */
  | { readonly kind: 'af-link'; readonly af: number }
  | RawTlv;

/**
 * 554 SR Policy Candidate Path Descriptor (RFC 9857 §4.1), in an SR Policy Candidate Path NLRI
 * (type 5): Protocol-Origin (1), Flags (1: E = endpoint is IPv6, O = originator is IPv6),
 * Reserved (2), Endpoint (4/16), Policy Color (4), Originator ASN (4), Originator Address (4/16),
 * Discriminator (4). Typed only when the length is the one the E and O flags give (24, 36 or 48).
 */
export interface SrPolicyCpDescriptor {
  readonly kind: 'sr-policy-cp';
  readonly protocolOrigin: number;
  /** The whole flags octet (E 0x80, O 0x40, the other bits as received). */
  readonly flags: number;
  /** The 2 reserved octets, kept for a byte-exact re-encode. */
  readonly reserved: number;
  readonly endpoint: Uint8Array;
  readonly color: number;
  readonly originatorAsn: number;
  readonly originator: Uint8Array;
  readonly discriminator: number;
}

/** A decoded BGP-LS NLRI of a known type. */
export interface BgpLsNlri extends NlriBase {
  readonly kind: LsNlriKind;
  /** RFC 9552 §5.2 Table 2 Protocol-ID (1 IS-IS L1 … 7 BGP), any 0-255. */
  readonly protocolId: number;
  /** The 64-bit Identifier (Ze calls it `l3-routing-topology`). */
  readonly identifier: bigint;
  /**
   * Route Distinguisher, 8 octets: present exactly for `bgp-ls/bgp-ls-vpn` (RFC 9552 §5.2).
   * `| undefined`: the decoded view's getter (view.ts) implements it under exactOptionalPropertyTypes.
   */
  readonly rd?: Uint8Array | undefined;
  /** The TLVs after Protocol-ID and Identifier, in wire order. */
  readonly tlvs: readonly LsTlv[];
  /** Bytes after the last whole TLV (`| undefined`: as `rd`). */
  readonly trailing?: Uint8Array | undefined;
}

/**
 * An NLRI that is kept as bytes: an unknown NLRI type (RFC 9552 §5.2 asks to keep it), or bytes
 * that cannot be framed or that Ze refuses (Ze's `{"parsed":false,"raw":…}`). `raw` covers the
 * whole NLRI, header included.
 */
export interface BgpLsUnparsed extends NlriBase {
  readonly kind: 'unparsed';
  readonly raw: Uint8Array;
}

export type BgpLsModel = BgpLsNlri | BgpLsUnparsed;

/** NLRI type codes (RFC 9552 §5.2 Table 1, RFC 9514 §6). */
export const NLRI_TYPE: Readonly<Record<LsNlriKind, number>> = {
  node: 1,
  link: 2,
  'prefix-v4': 3,
  'prefix-v6': 4,
  'sr-policy-cp': 5,
  'srv6-sid': 6,
};

export const KIND_BY_TYPE: readonly (LsNlriKind | undefined)[] = [undefined, 'node', 'link', 'prefix-v4', 'prefix-v6', 'sr-policy-cp', 'srv6-sid'];

/** Ze's `ls-nlri-type` names. */
export const ZE_TYPE_NAME: Readonly<Record<LsNlriKind, string>> = {
  node: 'bgpls-node',
  link: 'bgpls-link',
  'prefix-v4': 'bgpls-prefix-v4',
  'prefix-v6': 'bgpls-prefix-v6',
  // Ze has no name for type 5 (it keeps it as parsed:false); this one follows its pattern.
  'sr-policy-cp': 'bgpls-sr-policy-cp',
  'srv6-sid': 'bgpls-srv6-sid',
};

/** TLV codes used in NLRIs. */
export const TLV = {
  LOCAL_NODE: 256,
  REMOTE_NODE: 257,
  LINK_ID: 258,
  IPV4_INTERFACE: 259,
  IPV4_NEIGHBOR: 260,
  IPV6_INTERFACE: 261,
  IPV6_NEIGHBOR: 262,
  MT_ID: 263,
  OSPF_ROUTE_TYPE: 264,
  IP_REACHABILITY: 265,
  AS: 512,
  BGP_LS_ID: 513,
  OSPF_AREA_ID: 514,
  IGP_ROUTER_ID: 515,
  BGP_ROUTER_ID: 516,
  MEMBER_ASN: 517,
  SRV6_SID: 518,
  SR_POLICY_CP: 554,
  AF_LINK: 1185,
} as const;

/** Protocol-ID 9 Segment Routing (RFC 9857 §4): the SR Policy Candidate Path NLRI's source. */
export const PROTOCOL_SEGMENT_ROUTING = 9;

/** Protocol-ID names (RFC 9552 §5.2 Table 2, RFC 9086 §4 for 7), as Ze prints them. */
export const PROTOCOL_NAMES: readonly string[] = ['', 'isis-l1', 'isis-l2', 'ospfv2', 'direct', 'static', 'ospfv3', 'bgp'];
