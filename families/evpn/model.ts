/**
 * The EVPN route model: one class per route type, each a lazy view over the NLRI's own bytes.
 *
 * RFC 7432 §7 (route types 1-4), RFC 9136 §3.1 (type 5), RFC 9251 §9 (types 6-8), RFC 9572 §3
 * (types 9-11). Every route is `type (1) | length (1) | payload`. A decoded route keeps the input
 * buffer and the offsets `wire.ts` validated; the getters read fields when asked, so decoding
 * allocates one small object per route and copies nothing. Encoding a route writes its bytes back
 * as they are: every model is lossless by construction (builders in `build.ts` make new routes).
 *
 * Label fields (RFC 7432 §7.1/7.2, RFC 9136 §3.1, RFC 8365 §5.1.3): a 3-octet field that carries
 * either an MPLS label (high 20 bits) or, with a VXLAN/NVGRE/GENEVE encapsulation, a 24-bit VNI.
 * The NLRI alone does not say which (the BGP Encapsulation extended community does), so the model
 * offers both readings: `labels` (20-bit, what the JSON shows, as Ze does) and `vnis` (24-bit).
 */
import { macToString } from '../../src/core/bgp.js';
import { toHex } from '../../src/core/hex.js';
import { ipv4ToString, ipv6ToString } from '../../src/core/ip.js';
import { rdToString } from '../../src/core/rd.js';
import { LABEL_MODES, labelFieldValues, labelsOf, type LabelMode } from './labels.js';
import { INSPECT, inspectPlain, plainJson } from '../../src/registry/plain.js';

export const ROUTE_ETHERNET_AD = 1;
export const ROUTE_MAC_IP = 2;
export const ROUTE_INCLUSIVE_MULTICAST = 3;
export const ROUTE_ETHERNET_SEGMENT = 4;
export const ROUTE_IP_PREFIX = 5;
export const ROUTE_SMET = 6;
export const ROUTE_JOIN_SYNCH = 7;
export const ROUTE_LEAVE_SYNCH = 8;
export const ROUTE_PER_REGION_IPMSI = 9;
export const ROUTE_SPMSI = 10;
export const ROUTE_LEAF_AD = 11;

/** An address field given by its length in bits (0, 32 or 128) and its offset. */
function addrText(buf: Uint8Array, lenOff: number): string | undefined {
  const bits = buf[lenOff]!;
  if (bits === 32) return ipv4ToString(buf, lenOff + 1);
  if (bits === 128) return ipv6ToString(buf, lenOff + 1);
  return undefined;
}

function u32(buf: Uint8Array, o: number): number {
  return ((buf[o]! << 24) >>> 0) + ((buf[o + 1]! << 16) | (buf[o + 2]! << 8) | buf[o + 3]!);
}

/**
 * What every EVPN route has: its bytes [start, end) in `buf`, header included, and two offsets or
 * codes the decoder validated (`a`, `b`; their meaning depends on the type). Every class has the
 * same fields, assigned once here, so creating a route is one small monomorphic allocation.
 */
export abstract class EvpnRouteBase {
  /** ADD-PATH path identifier (RFC 7911), set by the core. */
  declare pathId?: number;
  /** The input buffer (not a copy). */
  declare readonly buf: Uint8Array;
  /** Offset of the route type octet. */
  declare readonly start: number;
  /** One past the last octet of the route. */
  declare readonly end: number;
  /** Decoder-validated data: label mode (types 1, 2) or the group length offset (6, 7, 8, 10). */
  declare protected readonly a: number;
  /** Decoder-validated data: the originator length offset (types 6, 7, 8, 10). */
  declare protected readonly b: number;
  constructor(buf: Uint8Array, start: number, end: number, a = 0, b = 0) {
    this.pathId = undefined;
    this.buf = buf;
    this.start = start;
    this.end = end;
    this.a = a;
    this.b = b;
  }
  /** The route type octet (RFC 7432 §7). */
  get code(): number {
    return this.buf[this.start]!;
  }
  /** The whole route, header included (a view). */
  get bytes(): Uint8Array {
    return this.buf.subarray(this.start, this.end);
  }
  /** Upper-case hex of the whole route (Ze's `raw`). */
  get rawHex(): string {
    return toHex(this.buf, this.start, this.end);
  }
  /** Offset of the payload (after type and length). */
  protected get p(): number {
    return this.start + 2;
  }

  /** The plain object of the public fields and getters, byte fields as hex (issue 17 §3). */
  toJSON(): Record<string, unknown> {
    return plainJson(this);
  }

  /** `console.log` / `util.inspect`: the plain object, not the buffer and offsets. */
  [INSPECT](depth: number, options: object, inspect: (v: unknown, o: object) => string): string {
    return inspectPlain(this, depth, options, inspect);
  }
}

/** Routes that start with a Route Distinguisher (types 1-10). */
abstract class RdRoute extends EvpnRouteBase {
  /** RFC 4364 §4.2 Route Distinguisher, 8 octets (a view). */
  get rd(): Uint8Array {
    return this.buf.subarray(this.p, this.p + 8);
  }
  /** The RD as Ze prints it (`0:65000:100`, `1:192.0.2.1:7`, `2:4200000000:7`, `rd-typeN:…`). */
  get rdText(): string {
    return rdToString(this.buf, this.p);
  }
}

/** Type 1, Ethernet Auto-Discovery (RFC 7432 §7.1): RD, ESI, Ethernet Tag, MPLS label. */
export class EthernetAdRoute extends RdRoute {
  /** How the label octets are read (`labels.ts`). */
  get labelMode(): LabelMode {
    return LABEL_MODES[this.a]!;
  }
  get kind(): 'ethernet-ad' {
    return 'ethernet-ad';
  }
  /** RFC 7432 §5: 10-octet Ethernet Segment Identifier (a view). */
  get esi(): Uint8Array {
    return this.buf.subarray(this.p + 8, this.p + 18);
  }
  get ethernetTag(): number {
    return u32(this.buf, this.p + 18);
  }
  /** Offset of the label field(s). */
  get labelStart(): number {
    return this.p + 22;
  }
  /** MPLS reading (20-bit), as Ze's JSON shows it; `[0]` when there are no label octets. */
  get labels(): number[] {
    return labelsOf(this.buf, this.labelStart, this.end, this.labelMode);
  }
  /** The raw 3-octet field values (24-bit: the VNI reading of RFC 8365 §5.1.3). */
  get vnis(): number[] {
    return labelFieldValues(this.buf, this.labelStart, this.end);
  }
}

/** Type 2, MAC/IP Advertisement (RFC 7432 §7.2). */
export class MacIpRoute extends RdRoute {
  /** How the label octets are read (`labels.ts`). */
  get labelMode(): LabelMode {
    return LABEL_MODES[this.a]!;
  }
  get kind(): 'mac-ip' {
    return 'mac-ip';
  }
  get esi(): Uint8Array {
    return this.buf.subarray(this.p + 8, this.p + 18);
  }
  get ethernetTag(): number {
    return u32(this.buf, this.p + 18);
  }
  /** The 6-octet MAC address (a view); its length octet is always 48. */
  get mac(): Uint8Array {
    return this.buf.subarray(this.p + 23, this.p + 29);
  }
  get macText(): string {
    return macToString(this.buf, this.p + 23, true);
  }
  /** IP address length in bits: 0, 32 or 128. */
  get ipLength(): number {
    return this.buf[this.p + 29]!;
  }
  /** The IP address text, or undefined when the route carries none. */
  get ip(): string | undefined {
    return addrText(this.buf, this.p + 29);
  }
  get labelStart(): number {
    return this.p + 30 + (this.buf[this.p + 29]! >>> 3);
  }
  /** MPLS Label1 and, when present, Label2 (20-bit reading). */
  get labels(): number[] {
    return labelsOf(this.buf, this.labelStart, this.end, this.labelMode);
  }
  /** The raw 3-octet values (VNI reading: L2 VNI, then L3 VNI). */
  get vnis(): number[] {
    return labelFieldValues(this.buf, this.labelStart, this.end);
  }
}

/** Type 3, Inclusive Multicast Ethernet Tag (RFC 7432 §7.3). */
export class InclusiveMulticastRoute extends RdRoute {
  get kind(): 'inclusive-multicast' {
    return 'inclusive-multicast';
  }
  get ethernetTag(): number {
    return u32(this.buf, this.p + 8);
  }
  /** Originating router's IP address. */
  get originator(): string {
    return addrText(this.buf, this.p + 12)!;
  }
  /** Octets after the address (RFC: none; Ze ignores them; kept so the route re-encodes). */
  get extra(): number {
    return this.end - (this.p + 13 + (this.buf[this.p + 12]! >>> 3));
  }
}

/** Type 4, Ethernet Segment (RFC 7432 §7.4). */
export class EthernetSegmentRoute extends RdRoute {
  get kind(): 'ethernet-segment' {
    return 'ethernet-segment';
  }
  get esi(): Uint8Array {
    return this.buf.subarray(this.p + 8, this.p + 18);
  }
  get originator(): string {
    return addrText(this.buf, this.p + 18)!;
  }
  get extra(): number {
    return this.end - (this.p + 19 + (this.buf[this.p + 18]! >>> 3));
  }
}

/** Type 5, IP Prefix (RFC 9136 §3.1): payload of 34 (IPv4) or 58 (IPv6) octets. */
export class IpPrefixRoute extends RdRoute {
  get kind(): 'ip-prefix' {
    return 'ip-prefix';
  }
  get v6(): boolean {
    return this.end - this.p === 58;
  }
  get esi(): Uint8Array {
    return this.buf.subarray(this.p + 8, this.p + 18);
  }
  get ethernetTag(): number {
    return u32(this.buf, this.p + 18);
  }
  get prefixLength(): number {
    return this.buf[this.p + 22]!;
  }
  /** The prefix address octets as sent (host bits kept; a view). */
  get prefixAddr(): Uint8Array {
    return this.buf.subarray(this.p + 23, this.p + 23 + (this.v6 ? 16 : 4));
  }
  /** The gateway IP address octets (all zero: none). */
  get gateway(): Uint8Array {
    const o = this.p + 23 + (this.v6 ? 16 : 4);
    return this.buf.subarray(o, o + (this.v6 ? 16 : 4));
  }
  get labelStart(): number {
    return this.end - 3;
  }
  get labels(): number[] {
    return labelsOf(this.buf, this.end - 3, this.end, 'fields');
  }
  get vnis(): number[] {
    return labelFieldValues(this.buf, this.end - 3, this.end);
  }
}

/**
 * Types 6, 7, 8, 10: the multicast routes of RFC 9251 §9.1-9.3 and RFC 9572 §3.2. They share
 * `[ESI] Ethernet Tag, Source len+addr, Group len+addr, Originator len+addr` and differ in the
 * octets after the originator.
 */
abstract class MulticastRoute extends RdRoute {
  /** Offset of the Multicast Group Length octet. */
  get groupOff(): number {
    return this.a;
  }
  /** Offset of the Originator Router Length octet. */
  get originatorOff(): number {
    return this.b;
  }
  /** Offset of the Ethernet Tag (after the RD, and after the ESI for types 7 and 8). */
  abstract get tagOff(): number;
  get ethernetTag(): number {
    return u32(this.buf, this.tagOff);
  }
  /** Multicast source, absent for (*,G). */
  get source(): string | undefined {
    return addrText(this.buf, this.tagOff + 4);
  }
  /** Multicast group, absent for a wildcard (length 0). */
  get group(): string | undefined {
    return addrText(this.buf, this.groupOff);
  }
  get originator(): string {
    return addrText(this.buf, this.originatorOff)!;
  }
}

/** Type 6, Selective Multicast Ethernet Tag (RFC 9251 §9.1). */
export class SmetRoute extends MulticastRoute {
  get kind(): 'smet' {
    return 'smet';
  }
  get tagOff(): number {
    return this.p + 8;
  }
  /** RFC 9251 §9.1 Flags: v1 0x01, v2 0x02, v3 0x04, IE (exclude) 0x08. */
  get flags(): number {
    return this.buf[this.end - 1]!;
  }
}

/** Type 7, Multicast Membership Report Synch (RFC 9251 §9.2). */
export class JoinSynchRoute extends MulticastRoute {
  get kind(): 'join-synch' {
    return 'join-synch';
  }
  get tagOff(): number {
    return this.p + 18;
  }
  get esi(): Uint8Array {
    return this.buf.subarray(this.p + 8, this.p + 18);
  }
  get flags(): number {
    return this.buf[this.end - 1]!;
  }
}

/** Type 8, Multicast Leave Synch (RFC 9251 §9.3). */
export class LeaveSynchRoute extends MulticastRoute {
  get kind(): 'leave-synch' {
    return 'leave-synch';
  }
  get tagOff(): number {
    return this.p + 18;
  }
  get esi(): Uint8Array {
    return this.buf.subarray(this.p + 8, this.p + 18);
  }
  /** Leave Group Synchronization sequence number (4 octets). */
  get leaveGroupSync(): number {
    return u32(this.buf, this.end - 6);
  }
  /** Maximum Response Time (1 octet). */
  get maxResponseTime(): number {
    return this.buf[this.end - 2]!;
  }
  get flags(): number {
    return this.buf[this.end - 1]!;
  }
}

/** Type 9, Per-Region I-PMSI A-D (RFC 9572 §3.1): RD, Ethernet Tag, Region ID (8 octets). */
export class PerRegionIpmsiRoute extends RdRoute {
  get kind(): 'per-region-ipmsi' {
    return 'per-region-ipmsi';
  }
  get ethernetTag(): number {
    return u32(this.buf, this.p + 8);
  }
  /** Region ID, 8 octets in extended-community format (a view). */
  get regionId(): Uint8Array {
    return this.buf.subarray(this.p + 12, this.p + 20);
  }
}

/** Type 10, S-PMSI A-D (RFC 9572 §3.2). */
export class SpmsiRoute extends MulticastRoute {
  get kind(): 'spmsi' {
    return 'spmsi';
  }
  get tagOff(): number {
    return this.p + 8;
  }
}

/** Type 11, Leaf A-D (RFC 9572 §3.3): Route Key (the triggering route's NLRI), originator. */
export class LeafAdRoute extends EvpnRouteBase {
  get kind(): 'leaf-ad' {
    return 'leaf-ad';
  }
  /** Route Key: a whole EVPN NLRI (type, length, payload) as a view. */
  get routeKey(): Uint8Array {
    return this.buf.subarray(this.p, this.routeKeyEnd);
  }
  get routeKeyEnd(): number {
    return this.p + 2 + this.buf[this.p + 1]!;
  }
  get originator(): string {
    return addrText(this.buf, this.routeKeyEnd)!;
  }
}

/**
 * A route kept as raw bytes: a type ze-nlri has no layout for (0, 12-255), or, in lossless
 * decoding only, bytes that do not form a valid route (Ze's `{"parsed":false}` record). When the
 * length octet promises more than there is, the record holds every remaining octet, as Ze's does.
 */
export class RawRoute extends EvpnRouteBase {
  get kind(): 'raw' {
    return 'raw';
  }
}

export type EvpnRoute =
  | EthernetAdRoute
  | MacIpRoute
  | InclusiveMulticastRoute
  | EthernetSegmentRoute
  | IpPrefixRoute
  | SmetRoute
  | JoinSynchRoute
  | LeaveSynchRoute
  | PerRegionIpmsiRoute
  | SpmsiRoute
  | LeafAdRoute
  | RawRoute;

/** Ze's `name` values (types 1-5) and ze-nlri's for types 6-11. */
export const ROUTE_NAMES: Readonly<Record<number, string>> = {
  1: 'Ethernet Auto-Discovery',
  2: 'MAC/IP advertisement',
  3: 'Inclusive Multicast',
  4: 'Ethernet Segment',
  5: 'IP Prefix',
  6: 'Selective Multicast Ethernet Tag',
  7: 'Multicast Membership Report Synch',
  8: 'Multicast Leave Synch',
  9: 'Per-Region I-PMSI A-D',
  10: 'S-PMSI A-D',
  11: 'Leaf A-D',
};
