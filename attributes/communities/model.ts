/**
 * Models of the community attributes:
 *   COMMUNITIES (type 8, RFC 1997), LARGE_COMMUNITY (type 32, RFC 8092 §3),
 *   EXTENDED_COMMUNITIES (type 16, RFC 4360 §2, RFC 7153), IPv6 Address Specific Extended
 *   Community (type 25, RFC 5701 §2).
 *
 * An extended community is a discriminated union on `kind`. Every typed kind accounts for every
 * bit of its 8 (or 20) octets: the decoder gives a typed kind only when the octets are canonical
 * for it (reserved bits zero, a finite float); anything else is `raw` (type, sub-type, value
 * octets) and is written back byte for byte.
 */

/** Type codes (IANA "BGP Path Attributes"). */
export const COMMUNITIES = 8;
export const EXTENDED_COMMUNITIES = 16;
export const IPV6_EXTENDED_COMMUNITIES = 25;
export const LARGE_COMMUNITY = 32;

/** COMMUNITIES: each community a 32-bit value, high 16 bits an AS by convention (RFC 1997). */
export interface Communities {
  readonly communities: readonly number[];
}

/** RFC 8092 §3: Global Administrator, Local Data Part 1, Local Data Part 2 (32 bits each). */
export interface LargeCommunity {
  readonly global: number;
  readonly local1: number;
  readonly local2: number;
}

export interface LargeCommunities {
  readonly communities: readonly LargeCommunity[];
}

/**
 * The administrator forms shared by route targets, route origins and FlowSpec redirects
 * (RFC 4360 §3.1-3.2, RFC 5668 §2): 2-octet AS + 4-octet number (type 0x00), IPv4 address +
 * 2-octet number (0x01), 4-octet AS + 2-octet number (0x02).
 */
export type AdminValue =
  | { readonly form: 'as2'; readonly asn: number; readonly local: number }
  | { readonly form: 'ipv4'; readonly ip: string; readonly local: number }
  | { readonly form: 'as4'; readonly asn: number; readonly local: number };

/** RFC 4360 §4 Route Target (sub-type 0x02) in types 0x00/0x01/0x02 and their non-transitive 0x40 variants. */
export type RouteTarget = { readonly kind: 'route-target'; readonly transitive: boolean } & AdminValue;
/** RFC 4360 §5 Route Origin (sub-type 0x03). */
export type RouteOrigin = { readonly kind: 'route-origin'; readonly transitive: boolean } & AdminValue;
/** RFC 8955 §7.4 rt-redirect: types 0x80 (AS-2), 0x81 (IPv4), 0x82 (AS-4), sub-type 0x08. */
export type Redirect = { readonly kind: 'redirect' } & AdminValue;

/** RFC 8955 §7.1 traffic-rate-bytes (0x8006) and §7.2 traffic-rate-packets (0x800c). */
export interface TrafficRate {
  readonly kind: 'traffic-rate-bytes' | 'traffic-rate-packets';
  /** The 2-octet id (informational, often an AS). */
  readonly id: number;
  /** IEEE 754 single-precision rate (bytes or packets per second); 0 = discard. */
  readonly rate: number;
}

/** RFC 8955 §7.3 traffic-action (0x8007): S (sample, bit 46) and T (terminal, bit 47). */
export interface TrafficAction {
  readonly kind: 'traffic-action';
  readonly sample: boolean;
  readonly terminal: boolean;
}

/** RFC 8955 §7.5 traffic-marking (0x8009): the 6-bit DSCP. */
export interface TrafficMarking {
  readonly kind: 'traffic-marking';
  readonly dscp: number;
}

/**
 * draft-ietf-idr-flowspec-redirect-ip: Redirect-to-IPv4 (IPv4-Address-Specific type 0x01,
 * sub-type 0x0c; local administrator bit 0 = C, copy). In the IPv6 attribute: type 0x000c.
 */
export interface RedirectIp {
  readonly kind: 'redirect-ip';
  readonly ip: string;
  readonly copy: boolean;
}

/** draft-simpson-idr-flowspec-redirect: redirect/mirror to the NEXT_HOP (type 0x08, sub-type 0x00, C bit). */
export interface RedirectNextHop {
  readonly kind: 'redirect-next-hop';
  readonly copy: boolean;
}

/** RFC 7432 §7.7 MAC Mobility (0x0600): sticky/static flag and sequence number. */
export interface MacMobility {
  readonly kind: 'mac-mobility';
  readonly sticky: boolean;
  readonly sequence: number;
}

/** RFC 7432 §7.5 ESI Label (0x0601): Single-Active flag, 20-bit label (high bits of the 3-octet field). */
export interface EsiLabel {
  readonly kind: 'esi-label';
  readonly singleActive: boolean;
  readonly label: number;
}

/** RFC 7432 §7.6 ES-Import Route Target (0x0602): a MAC address. */
export interface EsImportRt {
  readonly kind: 'es-import-rt';
  /** `aa:bb:cc:dd:ee:ff` */
  readonly mac: string;
}

/** RFC 9135 §8.1 Router's MAC (0x0603). */
export interface RouterMac {
  readonly kind: 'router-mac';
  readonly mac: string;
}

/** RFC 8214 §3.1 EVPN Layer 2 Attributes (0x0604): control flags B, P, C (+ F, flow label) and L2 MTU. */
export interface L2Attributes {
  readonly kind: 'l2-attributes';
  /** B (bit 15): backup PE. */
  readonly backup: boolean;
  /** P (bit 14): primary PE. */
  readonly primary: boolean;
  /** C (bit 13): control word required. */
  readonly controlWord: boolean;
  /** F (bit 12): send and receive flow label (draft-yu-bess-evpn-l2-attributes). */
  readonly flowLabel: boolean;
  readonly mtu: number;
}

/** RFC 7432 §7.8 Default Gateway (opaque 0x030d), value reserved. */
export interface DefaultGateway {
  readonly kind: 'default-gateway';
}

/** RFC 9012 §4.1 Encapsulation (opaque 0x030c): the tunnel type. */
export interface Encapsulation {
  readonly kind: 'encapsulation';
  readonly tunnelType: number;
}

/** RFC 9012 §4.3 Color (opaque 0x030b), with the CO bits of RFC 9256 §8.8.1 (flags bits 0-1). */
export interface Color {
  readonly kind: 'color';
  /** 0..3 */
  readonly colorOnly: number;
  readonly color: number;
}

/** draft-ietf-bess-mup-safi §3.2 Direct-Type Segment Identifier (type 0x0c, sub-type 0x00): 6 octets, as 2 + 4. */
export interface MupSegment {
  readonly kind: 'mup-segment-id';
  readonly global: number;
  readonly local: number;
}

/** draft-ietf-idr-link-bandwidth (0x4004): 2-octet AS, IEEE float bytes per second. */
export interface LinkBandwidth {
  readonly kind: 'link-bandwidth';
  readonly asn: number;
  readonly bandwidth: number;
}

/** RFC 4761 §3.2.4 Layer2 Info (0x800a): encapsulation type, control flags, MTU, preference. */
export interface L2Info {
  readonly kind: 'l2-info';
  readonly encaps: number;
  readonly control: number;
  readonly mtu: number;
  readonly preference: number;
}

/** Anything else: type, sub-type and the 6 value octets (a view when decoded). */
export interface RawExtended {
  readonly kind: 'raw';
  readonly type: number;
  readonly subType: number;
  readonly value: Uint8Array;
}

export type ExtendedCommunity =
  | RouteTarget
  | RouteOrigin
  | Redirect
  | TrafficRate
  | TrafficAction
  | TrafficMarking
  | RedirectIp
  | RedirectNextHop
  | MacMobility
  | EsiLabel
  | EsImportRt
  | RouterMac
  | L2Attributes
  | DefaultGateway
  | Encapsulation
  | Color
  | MupSegment
  | LinkBandwidth
  | L2Info
  | RawExtended;

export interface ExtendedCommunities {
  readonly communities: readonly ExtendedCommunity[];
}

/** RFC 5701 §2 route target (0x0002) / route origin (0x0003), 0x40xx non-transitive. */
export interface Ipv6RouteTarget {
  readonly kind: 'route-target' | 'route-origin';
  readonly form: 'ipv6';
  readonly ip: string;
  readonly local: number;
  readonly transitive: boolean;
}

/** RFC 8956 §6.1 rt-redirect-ipv6 (0x000d): redirect to the VRF importing this IPv6 route target. */
export interface Ipv6Redirect {
  readonly kind: 'redirect';
  readonly form: 'ipv6';
  readonly ip: string;
  readonly local: number;
}

/** Anything else in the IPv6 attribute: type, sub-type and the 18 value octets. */
export interface RawIpv6Extended {
  readonly kind: 'raw';
  readonly type: number;
  readonly subType: number;
  readonly value: Uint8Array;
}

export type Ipv6ExtendedCommunity = Ipv6RouteTarget | Ipv6Redirect | RedirectIp | RawIpv6Extended;

export interface Ipv6ExtendedCommunities {
  readonly communities: readonly Ipv6ExtendedCommunity[];
}

/** RFC 1997, RFC 3765, RFC 7611, RFC 7999, RFC 8326, RFC 9494 well-known communities, Ze's spelling first. */
export const WELL_KNOWN: ReadonlyMap<number, string> = new Map([
  [0xffff0000, 'graceful-shutdown'],
  [0xffff0001, 'accept-own'],
  [0xffff0006, 'llgr-stale'],
  [0xffff0007, 'no-llgr'],
  [0xffff029a, 'blackhole'],
  [0xffffff01, 'no-export'],
  [0xffffff02, 'no-advertise'],
  [0xffffff03, 'no-export-subconfed'],
  [0xffffff04, 'nopeer'],
]);

/** Names accepted on input (lower-cased): Ze's and the RFCs' spellings. */
export const WELL_KNOWN_NAMES: ReadonlyMap<string, number> = new Map([
  ...[...WELL_KNOWN].map(([v, n]) => [n, v] as [string, number]),
  ['planned-shut', 0xffff0000],
  ['graceful_shutdown', 0xffff0000],
  ['accept_own', 0xffff0001],
  ['llgr_stale', 0xffff0006],
  ['no_llgr', 0xffff0007],
  ['no_export', 0xffffff01],
  ['no_advertise', 0xffffff02],
  ['no_export_subconfed', 0xffffff03],
  ['no-peer', 0xffffff04],
  ['no_peer', 0xffffff04],
]);

/** IANA BGP Tunnel Encapsulation Attribute Tunnel Types (RFC 9012 §14.3) with a text name. */
export const TUNNEL_TYPES: ReadonlyMap<number, string> = new Map([
  [1, 'l2tpv3'],
  [2, 'gre'],
  [7, 'ip-in-ip'],
  [8, 'vxlan'],
  [9, 'nvgre'],
  [10, 'mpls'],
  [11, 'mpls-in-gre'],
  [12, 'vxlan-gpe'],
  [13, 'mpls-in-udp'],
  [15, 'sr-policy'],
  [19, 'geneve'],
]);
