/**
 * Models of the TUNNEL_ENCAPSULATION path attribute (type 23).
 *
 * - RFC 9012 §2: the attribute is a list of Tunnel TLVs (Tunnel Type u16, Length u16), each a
 *   list of sub-TLVs (Type u8; types 0-127 have a 1-octet Length, 128-255 a 2-octet Length).
 * - RFC 9012 §3: the sub-TLVs of the attribute: Tunnel Egress Endpoint §3.1, Encapsulation per
 *   tunnel type §3.2 (VXLAN §3.2.1, NVGRE §3.2.2, L2TPv3, GRE §3.2.4, MPLS-in-GRE §3.2.5, VXLAN-GPE),
 *   DS Field §3.3.1, UDP Destination Port §3.3.2, Protocol Type §3.4.1, Color §3.4.2, Embedded
 *   Label Handling §3.5, MPLS Label Stack §3.6, Prefix-SID §3.7.
 * - RFC 9830 §2.4: the SR Policy (tunnel type 15) sub-TLVs and the Segment List sub-TLVs;
 *   RFC 9831 §2: segment types C..K.
 *
 * Every unknown or not-decoded part is kept `{ kind: 'raw', type, value }` (a view) and written
 * back byte for byte. Flags and Reserved fields are kept exactly.
 */

/** A decoded attribute: the Tunnel TLVs in wire order. */
export interface TunnelEncap {
  readonly tunnels: readonly Tunnel[];
}

/** One Tunnel TLV (RFC 9012 §2). */
export interface Tunnel {
  /** Tunnel Type (IANA "BGP Tunnel Encapsulation Attribute Tunnel Types"): 8 VXLAN, 15 SR Policy, ... */
  readonly type: number;
  readonly subTlvs: readonly SubTlv[];
}

/** A sub-TLV this codec does not decode (or whose value does not fit its layout): the value bytes. */
export interface RawTlv {
  readonly kind: 'raw';
  readonly type: number;
  /** The value (view), without type and length. */
  readonly value: Uint8Array;
}

/** An MPLS label stack entry (RFC 3032 §2.1): Label 20 bits, TC 3 bits, S 1 bit, TTL 8 bits. */
export interface LabelEntry {
  readonly label: number;
  readonly tc: number;
  readonly s: boolean;
  readonly ttl: number;
}

/** RFC 9830 §2.4.4.2.4: SRv6 Endpoint Behavior and SID Structure (8 octets). */
export interface SidStructure {
  readonly endpointBehavior: number;
  /** The 2 Reserved octets after the behavior. */
  readonly reserved: number;
  readonly locBlockLen: number;
  readonly locNodeLen: number;
  readonly funcLen: number;
  readonly argLen: number;
}

// ---- RFC 9012 §3.2: Encapsulation sub-TLV (type 1), by tunnel type -------------------------

/** VXLAN (tunnel type 8, RFC 9012 §3.2.1) and NVGRE (9, §3.2.2): 12 octets. */
export interface VxlanEncap {
  readonly kind: 'vxlan';
  readonly type: 1;
  /** The whole flags octet: V (0x80: VN-ID valid), M (0x40: MAC valid), 6 reserved bits. */
  readonly flags: number;
  /** VN-ID (VXLAN VNI / NVGRE VSID), 24 bits. */
  readonly vnId: number;
  /** 6 octets. */
  readonly mac: Uint8Array;
  /** The 2 Reserved octets. */
  readonly reserved: number;
}

/** VXLAN-GPE (tunnel type 12, RFC 9012 §3.2): 8 octets. */
export interface VxlanGpeEncap {
  readonly kind: 'vxlan-gpe';
  readonly type: 1;
  /** The flags octet: Ver (0x30), V (0x08), reserved bits. */
  readonly flags: number;
  /** The 3 Reserved octets after the flags. */
  readonly reserved: number;
  readonly vnId: number;
  /** The last Reserved octet. */
  readonly reserved2: number;
}

/** L2TPv3 (tunnel type 1, RFC 9012 §3.2): Session ID + 0..8 octets of Cookie. */
export interface L2tpv3Encap {
  readonly kind: 'l2tpv3';
  readonly type: 1;
  readonly sessionId: number;
  readonly cookie: Uint8Array;
}

/** GRE (tunnel type 2, RFC 9012 §3.2.4) and MPLS-in-GRE (11, §3.2.5): the 4-octet GRE Key. */
export interface GreKeyEncap {
  readonly kind: 'gre-key';
  readonly type: 1;
  readonly key: number;
}

// ---- RFC 9012 §3.1, §3.3-§3.7 -----------------------------------------------------------------

export interface ProtocolType {
  readonly kind: 'protocol-type';
  readonly type: 2;
  readonly ethertype: number;
}

/** Color sub-TLV: a Color Extended Community (0x03 0x0B, 2 octets flags, 4 octets color). */
export interface ColorTlv {
  readonly kind: 'color';
  readonly type: 4;
  /** The 2 octets after type/sub-type (RFC 9830 §3 puts the CO bits here). */
  readonly flags: number;
  readonly color: number;
}

/** Tunnel Egress Endpoint (RFC 9012 §3.1): Reserved (4), AFI (2), Address (0/4/16 by AFI 0/1/2). */
export interface EgressEndpoint {
  readonly kind: 'egress-endpoint';
  readonly type: 6;
  readonly reserved: number;
  readonly afi: number;
  /** 0, 4 or 16 octets. */
  readonly address: Uint8Array;
}

/** One-octet values: DS Field (7, RFC 9012 §3.3.1), Embedded Label Handling (9, §3.5: 1 or 2). */
export interface OctetTlv {
  readonly kind: 'ds-field' | 'embedded-label-handling';
  readonly type: 7 | 9;
  readonly value: number;
}

export interface UdpPort {
  readonly kind: 'udp-port';
  readonly type: 8;
  readonly port: number;
}

export interface LabelStackTlv {
  readonly kind: 'label-stack';
  readonly type: 10;
  readonly entries: readonly LabelEntry[];
}

/** RFC 8669 §3.1 Label-Index TLV (type 1, length 7) inside the Prefix-SID sub-TLV. */
export interface LabelIndexTlv {
  readonly kind: 'label-index';
  readonly type: 1;
  readonly reserved: number;
  readonly flags: number;
  readonly labelIndex: number;
}

/** Prefix-SID sub-TLV (RFC 9012 §3.7): RFC 8669 TLVs (type u8, length u16). */
export interface PrefixSidTlv {
  readonly kind: 'prefix-sid';
  readonly type: 11;
  readonly tlvs: readonly (LabelIndexTlv | RawTlv)[];
}

// ---- RFC 9830 §2.4: SR Policy sub-TLVs ----------------------------------------------------------

/** Preference (12, RFC 9830 §2.4.1): Flags, Reserved, Preference u32. */
export interface PreferenceTlv {
  readonly kind: 'preference';
  readonly type: 12;
  readonly flags: number;
  readonly reserved: number;
  readonly preference: number;
}

/** Binding SID (13, RFC 9830 §2.4.2): Flags, Reserved, then no SID (length 2), a label (6) or an SRv6 BSID (18). */
export interface BindingSidTlv {
  readonly kind: 'binding-sid';
  readonly type: 13;
  /** S (0x80, Specified-BSID-only), I (0x40, Drop Upon Invalid), the rest reserved. */
  readonly flags: number;
  readonly reserved: number;
  /** Length 6: the label. */
  readonly label?: LabelEntry | undefined;
  /** Length 18: an SRv6 BSID (RFC 9830 §2.4.2; §2.4.3's SRv6 Binding SID sub-TLV is RECOMMENDED instead). */
  readonly sid?: Uint8Array | undefined;
}

/** SRv6 Binding SID (20, RFC 9830 §2.4.3): Flags, Reserved, SID (16), optional structure (8). */
export interface Srv6BindingSidTlv {
  readonly kind: 'srv6-binding-sid';
  readonly type: 20;
  /** S (0x80), I (0x40), B (0x20: structure present). */
  readonly flags: number;
  readonly reserved: number;
  readonly sid: Uint8Array;
  readonly structure?: SidStructure | undefined;
}

/** Explicit NULL Label Policy (14, RFC 9830 §2.4.5): Flags, Reserved, ENLP. */
export interface EnlpTlv {
  readonly kind: 'enlp';
  readonly type: 14;
  readonly flags: number;
  readonly reserved: number;
  readonly enlp: number;
}

/** Priority (15, RFC 9830 §2.4.6): Priority, Reserved. */
export interface PriorityTlv {
  readonly kind: 'priority';
  readonly type: 15;
  readonly priority: number;
  readonly reserved: number;
}

/** Policy Candidate Path Name (129, RFC 9830 §2.4.7), Policy Name (130, §2.4.8): Reserved, text. */
export interface NameTlv {
  readonly kind: 'name';
  readonly type: 129 | 130;
  readonly reserved: number;
  /** The name (valid UTF-8 on the wire; other bytes keep the sub-TLV raw). */
  readonly name: string;
}

/** Segment List (128, RFC 9830 §2.4.4): Reserved, then Weight and Segment sub-TLVs. */
export interface SegmentListTlv {
  readonly kind: 'segment-list';
  readonly type: 128;
  readonly reserved: number;
  readonly subTlvs: readonly SegmentListSubTlv[];
}

/** Weight (9, RFC 9830 §2.4.4.1): Flags, Reserved, Weight u32. */
export interface WeightTlv {
  readonly kind: 'weight';
  readonly type: 9;
  readonly flags: number;
  readonly reserved: number;
  readonly weight: number;
}

/** Segment sub-TLV type codes (RFC 9830 §2.4.4.2.1-2, RFC 9831 §2.1-2.9). */
export const SEGMENT_TYPES = { a: 1, b: 13, c: 3, d: 4, e: 5, f: 6, g: 7, h: 8, i: 14, j: 15, k: 16 } as const;
export type SegmentLetter = keyof typeof SEGMENT_TYPES;

/**
 * A segment of any type A..K. The fields present are those of its type (`segment-layout.ts`);
 * the optional SID (label for SR-MPLS types, `sid` for SRv6) and structure follow the length.
 */
export interface Segment {
  readonly kind: 'segment';
  readonly type: number;
  /** V (0x80), A (0x40), S (0x20), B (0x10), the rest reserved: kept exact. */
  readonly flags: number;
  /** SR Algorithm (types C, D, I, J, K). */
  readonly algorithm?: number | undefined;
  /** The Reserved octet after the flags (types A, B, E, F, G, H). */
  readonly reserved?: number | undefined;
  readonly localInterfaceId?: number | undefined;
  readonly remoteInterfaceId?: number | undefined;
  /** Types C (4 octets), D, E (4), I. */
  readonly nodeAddress?: Uint8Array | undefined;
  /** Types G, J. */
  readonly localNodeAddress?: Uint8Array | undefined;
  readonly remoteNodeAddress?: Uint8Array | undefined;
  /** Types F (4 octets), H, K. */
  readonly localAddress?: Uint8Array | undefined;
  readonly remoteAddress?: Uint8Array | undefined;
  /** SR-MPLS SID: type A (always), C..H (optional). */
  readonly label?: LabelEntry | undefined;
  /** SRv6 SID: type B (always), I..K (optional). */
  readonly sid?: Uint8Array | undefined;
  /** Types B, I, J, K (optional). */
  readonly structure?: SidStructure | undefined;
}

export type SegmentListSubTlv = WeightTlv | Segment | RawTlv;

export type EncapsulationTlv = VxlanEncap | VxlanGpeEncap | L2tpv3Encap | GreKeyEncap;

export type SubTlv =
  | RawTlv
  | EncapsulationTlv
  | ProtocolType
  | ColorTlv
  | EgressEndpoint
  | OctetTlv
  | UdpPort
  | LabelStackTlv
  | PrefixSidTlv
  | PreferenceTlv
  | BindingSidTlv
  | Srv6BindingSidTlv
  | EnlpTlv
  | PriorityTlv
  | NameTlv
  | SegmentListTlv;

/** Tunnel types (IANA registry; RFC 9012 §3.2, RFC 9830 §2.1). */
export const TUNNEL_TYPE = {
  L2TPV3: 1,
  GRE: 2,
  IP_IN_IP: 7,
  VXLAN: 8,
  NVGRE: 9,
  MPLS: 10,
  MPLS_IN_GRE: 11,
  VXLAN_GPE: 12,
  MPLS_IN_UDP: 13,
  SR_POLICY: 15,
} as const;

export const TUNNEL_TYPE_NAMES: Readonly<Record<number, string>> = {
  1: 'l2tpv3',
  2: 'gre',
  7: 'ip-in-ip',
  8: 'vxlan',
  9: 'nvgre',
  10: 'mpls',
  11: 'mpls-in-gre',
  12: 'vxlan-gpe',
  13: 'mpls-in-udp',
  15: 'sr-policy',
};

/** Sub-TLV types (IANA "BGP Tunnel Encapsulation Attribute Sub-TLVs"; RFC 9012 §3, RFC 9830 §2.4). */
export const SUB_TLV_NAMES: Readonly<Record<number, string>> = {
  1: 'encapsulation',
  2: 'protocol-type',
  4: 'color',
  5: 'load-balancing-block',
  6: 'tunnel-egress-endpoint',
  7: 'ds-field',
  8: 'udp-destination-port',
  9: 'embedded-label-handling',
  10: 'mpls-label-stack',
  11: 'prefix-sid',
  12: 'preference',
  13: 'binding-sid',
  14: 'enlp',
  15: 'priority',
  20: 'srv6-binding-sid',
  128: 'segment-list',
  129: 'candidate-path-name',
  130: 'policy-name',
};

/** Segment List sub-TLV types (RFC 9830 §2.4.4, RFC 9831 §2). */
export const SEGMENT_SUB_TLV_NAMES: Readonly<Record<number, string>> = {
  1: 'type-a',
  3: 'type-c',
  4: 'type-d',
  5: 'type-e',
  6: 'type-f',
  7: 'type-g',
  8: 'type-h',
  9: 'weight',
  13: 'type-b',
  14: 'type-i',
  15: 'type-j',
  16: 'type-k',
};
