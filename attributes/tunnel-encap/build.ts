/**
 * Typed builders for TUNNEL_ENCAPSULATION models (RFC 9012 §2-§3, RFC 9830 §2.4, RFC 9831 §2),
 * so a plugin can originate SR Policies and VXLAN / MPLS tunnels without writing bytes. Each
 * builder fills the flags the RFCs define from what is given (VXLAN V/M, RFC 9012 §3.2.1;
 * segment A/S/B flags, RFC 9830 §2.4.4.2.3; SRv6 BSID B flag, §2.4.3); `flags` overrides.
 * Encode the result with the codec (`tunnelEncapCodec.encode`) or `encodeTunnelEncapValue`.
 */
import { modelError, safeString } from '../../src/core/errors.js';
import { parseAddr } from '../../src/core/ip.js';
import { macFromString } from '../../src/core/bgp.js';
import { Writer } from '../../src/core/writer.js';
import type { LabelEntry, Segment, SegmentListSubTlv, SidStructure, SubTlv, Tunnel, TunnelEncap } from './model.js';
import { SEGMENT_LAYOUTS, type SegmentField } from './segments.js';
import { encodeTunnelEncap, tunnelEncapLength } from './wire.js';

/** A label as a number, or a whole label stack entry. */
export type LabelSpec = number | LabelEntry;

export function labelEntry(l: LabelSpec): LabelEntry {
  const e = typeof l === 'number' ? { label: l, tc: 0, s: false, ttl: 0 } : l;
  if (!Number.isInteger(e.label) || e.label < 0 || e.label > 0xfffff) modelError(`label ${e.label} out of range 0..1048575`);
  if (!Number.isInteger(e.tc) || e.tc < 0 || e.tc > 7) modelError(`TC ${e.tc} out of range 0..7`);
  if (!Number.isInteger(e.ttl) || e.ttl < 0 || e.ttl > 255) modelError(`TTL ${e.ttl} out of range 0..255`);
  return e;
}

function u(v: number, max: number, what: string): number {
  if (!Number.isInteger(v) || v < 0 || v > max) modelError(`${what} ${v} out of range 0..${max}`);
  return v;
}

export function ip(s: string | Uint8Array, v6?: boolean, what = 'address'): Uint8Array {
  if (s instanceof Uint8Array) {
    if (v6 === undefined ? s.length !== 4 && s.length !== 16 : s.length !== (v6 ? 16 : 4)) modelError(`${what}: wrong address length ${s.length}`);
    return s;
  }
  const a = parseAddr(s);
  if (typeof a === 'string') modelError(`${what}: ${a}`);
  if (v6 !== undefined && a.v6 !== v6) modelError(`${what}: ${s} is not an ${v6 ? 'IPv6' : 'IPv4'} address`);
  return a.bytes;
}

/** RFC 9830 §2.4.4.2.4 structure: `{ behavior, block, node, function, argument }` lengths in bits. */
export interface StructureSpec {
  behavior: number;
  block: number;
  node: number;
  function: number;
  argument: number;
  reserved?: number;
}

export function sidStructure(s: StructureSpec): SidStructure {
  return {
    endpointBehavior: u(s.behavior, 0xffff, 'endpoint behavior'),
    reserved: u(s.reserved ?? 0, 0xffff, 'reserved'),
    locBlockLen: u(s.block, 255, 'locator block length'),
    locNodeLen: u(s.node, 255, 'locator node length'),
    funcLen: u(s.function, 255, 'function length'),
    argLen: u(s.argument, 255, 'argument length'),
  };
}

// ---- segments (RFC 9830 §2.4.4.2, RFC 9831 §2) -----------------------------------------------

export interface SegmentSpec {
  /** Segment type letter a..k. */
  type: 'a' | 'b' | 'c' | 'd' | 'e' | 'f' | 'g' | 'h' | 'i' | 'j' | 'k';
  /** Default: A (0x40) with `algorithm`, S (0x20) with a SID on types C..K, B (0x10) with `structure`. */
  flags?: number;
  algorithm?: number;
  reserved?: number;
  localInterfaceId?: number;
  remoteInterfaceId?: number;
  nodeAddress?: string | Uint8Array;
  localNodeAddress?: string | Uint8Array;
  remoteNodeAddress?: string | Uint8Array;
  localAddress?: string | Uint8Array;
  remoteAddress?: string | Uint8Array;
  /** SR-MPLS SID (A, C..H). */
  label?: LabelSpec;
  /** SRv6 SID (B, I..K). */
  sid?: string | Uint8Array;
  structure?: StructureSpec;
}

const LETTER_TYPE: Record<string, number> = { a: 1, b: 13, c: 3, d: 4, e: 5, f: 6, g: 7, h: 8, i: 14, j: 15, k: 16 };

/** The flags a builder writes for a segment when none are given. */
export function defaultSegmentFlags(type: number, hasAlgorithm: boolean, hasSid: boolean, hasStructure: boolean): number {
  return (hasAlgorithm ? 0x40 : 0) | (hasSid && type !== 1 && type !== 13 ? 0x20 : 0) | (hasStructure ? 0x10 : 0);
}

export function segment(spec: SegmentSpec): Segment {
  const type = LETTER_TYPE[spec.type];
  const l = type === undefined ? undefined : SEGMENT_LAYOUTS[type];
  if (type === undefined || !l) modelError(`segment type ${safeString(spec.type)} is not one of a..k`);
  const s: { -readonly [K in keyof Segment]: Segment[K] } = { kind: 'segment', type, flags: 0 };
  if (l.second === 'algorithm') s.algorithm = u(spec.algorithm ?? 0, 255, 'SR algorithm');
  else {
    if (spec.algorithm !== undefined) modelError(`segment type ${spec.type.toUpperCase()} has no SR Algorithm field`);
    s.reserved = u(spec.reserved ?? 0, 255, 'reserved');
  }
  for (const [name, k] of l.fields) {
    const v = spec[name as SegmentField];
    if (v === undefined) modelError(`segment type ${spec.type.toUpperCase()} needs ${name}`);
    (s as Record<string, unknown>)[name] = k === 'u32' ? u(v as number, 0xffffffff, name) : ip(v as string | Uint8Array, k === 'v6', name);
  }
  const mpls = l.tail === 'mpls' || l.tail === 'mpls?';
  if (spec.label !== undefined) {
    if (!mpls) modelError(`segment type ${spec.type.toUpperCase()} carries an SRv6 SID, not a label`);
    s.label = labelEntry(spec.label);
  }
  if (spec.sid !== undefined) {
    if (mpls) modelError(`segment type ${spec.type.toUpperCase()} carries a label, not an SRv6 SID`);
    s.sid = ip(spec.sid, true, 'SRv6 SID');
  }
  if (spec.structure !== undefined) {
    if (!s.sid) modelError('the SID structure needs an SRv6 SID');
    s.structure = sidStructure(spec.structure);
  }
  if (l.tail === 'mpls' && !s.label) modelError('segment type A needs a label');
  if (l.tail === 'srv6' && !s.sid) modelError('segment type B needs an SRv6 SID');
  s.flags = u(spec.flags ?? defaultSegmentFlags(type, spec.algorithm !== undefined, !!(s.label || s.sid), !!s.structure), 255, 'flags');
  return s;
}

/** Type A: one SR-MPLS SID. */
export function mplsSegment(label: LabelSpec, flags?: number): Segment {
  return segment({ type: 'a', label, ...(flags === undefined ? {} : { flags }) });
}

/** Type B: one SRv6 SID, optionally with its behavior and structure. */
export function srv6Segment(sid: string | Uint8Array, structure?: StructureSpec, flags?: number): Segment {
  return segment({ type: 'b', sid, ...(structure ? { structure } : {}), ...(flags === undefined ? {} : { flags }) });
}

// ---- SR Policy (RFC 9830 §2.4) ---------------------------------------------------------------

export interface SegmentListSpec {
  weight?: number;
  segments: readonly (Segment | SegmentSpec)[];
}

export function segmentList(spec: SegmentListSpec): SubTlv {
  const subTlvs: SegmentListSubTlv[] = [];
  if (spec.weight !== undefined) subTlvs.push({ kind: 'weight', type: 9, flags: 0, reserved: 0, weight: u(spec.weight, 0xffffffff, 'weight') });
  for (const s of spec.segments) subTlvs.push('kind' in s ? s : segment(s));
  return { kind: 'segment-list', type: 128, reserved: 0, subTlvs };
}

export interface SrPolicySpec {
  preference?: number;
  /** A label (MPLS binding SID, length 6), or null for the no-SID form (length 2). */
  bindingSid?: LabelSpec | null;
  /** Binding SID flags (S 0x80, I 0x40). */
  bindingSidFlags?: number;
  srv6BindingSid?: string | Uint8Array;
  srv6BindingSidStructure?: StructureSpec;
  srv6BindingSidFlags?: number;
  enlp?: number;
  priority?: number;
  candidatePathName?: string;
  policyName?: string;
  segmentLists?: readonly SegmentListSpec[];
  /** RFC 9012 sub-TLVs also allowed in the SR Policy TLV. */
  extra?: readonly SubTlv[];
}

/** An SR Policy Tunnel TLV (tunnel type 15, RFC 9830 §2.1): preference, binding SIDs, ENLP, priority, names, segment lists, extra. */
export function srPolicy(spec: SrPolicySpec): Tunnel {
  const subs: SubTlv[] = [];
  if (spec.preference !== undefined) subs.push({ kind: 'preference', type: 12, flags: 0, reserved: 0, preference: u(spec.preference, 0xffffffff, 'preference') });
  if (spec.bindingSid !== undefined) {
    const flags = u(spec.bindingSidFlags ?? 0, 255, 'binding SID flags');
    subs.push(spec.bindingSid === null
      ? { kind: 'binding-sid', type: 13, flags, reserved: 0 }
      : { kind: 'binding-sid', type: 13, flags, reserved: 0, label: labelEntry(spec.bindingSid) });
  }
  if (spec.srv6BindingSid !== undefined) {
    const structure = spec.srv6BindingSidStructure ? sidStructure(spec.srv6BindingSidStructure) : undefined;
    const flags = u(spec.srv6BindingSidFlags ?? (structure ? 0x20 : 0), 255, 'SRv6 binding SID flags');
    const sid = ip(spec.srv6BindingSid, true, 'SRv6 binding SID');
    subs.push(structure ? { kind: 'srv6-binding-sid', type: 20, flags, reserved: 0, sid, structure } : { kind: 'srv6-binding-sid', type: 20, flags, reserved: 0, sid });
  }
  if (spec.enlp !== undefined) subs.push({ kind: 'enlp', type: 14, flags: 0, reserved: 0, enlp: u(spec.enlp, 255, 'ENLP') });
  if (spec.priority !== undefined) subs.push({ kind: 'priority', type: 15, priority: u(spec.priority, 255, 'priority'), reserved: 0 });
  if (spec.candidatePathName !== undefined) subs.push({ kind: 'name', type: 129, reserved: 0, name: spec.candidatePathName });
  if (spec.policyName !== undefined) subs.push({ kind: 'name', type: 130, reserved: 0, name: spec.policyName });
  for (const l of spec.segmentLists ?? []) subs.push(segmentList(l));
  subs.push(...(spec.extra ?? []));
  return { type: 15, subTlvs: subs };
}

// ---- RFC 9012 tunnels ----------------------------------------------------------------------

export interface CommonSpec {
  /** Tunnel Egress Endpoint (§3.1): an address, or null for AFI 0. */
  endpoint?: string | null;
  color?: number;
  udpPort?: number;
  dsField?: number;
  protocolType?: number;
  labelStack?: readonly LabelSpec[];
}

function common(spec: CommonSpec): SubTlv[] {
  const out: SubTlv[] = [];
  if (spec.endpoint !== undefined) out.push(egressEndpoint(spec.endpoint));
  if (spec.color !== undefined) out.push({ kind: 'color', type: 4, flags: 0, color: u(spec.color, 0xffffffff, 'color') });
  if (spec.udpPort !== undefined) {
    if (spec.udpPort === 0) modelError('UDP port 0 is reserved (RFC 9012 §3.3.2)');
    out.push({ kind: 'udp-port', type: 8, port: u(spec.udpPort, 0xffff, 'UDP port') });
  }
  if (spec.dsField !== undefined) out.push({ kind: 'ds-field', type: 7, value: u(spec.dsField, 255, 'DS field') });
  if (spec.protocolType !== undefined) {
    if (spec.protocolType === 0xffff) modelError('protocol type 0xFFFF is reserved (RFC 9012 §3.4.1)');
    out.push({ kind: 'protocol-type', type: 2, ethertype: u(spec.protocolType, 0xffff, 'ethertype') });
  }
  if (spec.labelStack !== undefined) out.push({ kind: 'label-stack', type: 10, entries: spec.labelStack.map(labelEntry) });
  return out;
}

export function egressEndpoint(a: string | null): SubTlv {
  if (a === null) return { kind: 'egress-endpoint', type: 6, reserved: 0, afi: 0, address: new Uint8Array(0) };
  const b = ip(a, undefined, 'tunnel egress endpoint');
  return { kind: 'egress-endpoint', type: 6, reserved: 0, afi: b.length === 4 ? 1 : 2, address: b };
}

export interface VxlanSpec extends CommonSpec {
  vni?: number;
  mac?: string;
  /** Default: V (0x80) with a VNI, M (0x40) with a MAC. */
  flags?: number;
  /** NVGRE (tunnel type 9) instead of VXLAN (8). */
  nvgre?: boolean;
}

/** A VXLAN (8) or NVGRE (9) Tunnel TLV: the Encapsulation sub-TLV of RFC 9012 §3.2.1/§3.2.2 first. */
export function vxlan(spec: VxlanSpec): Tunnel {
  let mac: Uint8Array = new Uint8Array(6);
  if (spec.mac !== undefined) {
    const m = macFromString(spec.mac);
    if (!m) modelError(`MAC ${spec.mac} is not a MAC address`);
    mac = m;
  }
  const flags = u(spec.flags ?? ((spec.vni !== undefined ? 0x80 : 0) | (spec.mac !== undefined ? 0x40 : 0)), 255, 'flags');
  return {
    type: spec.nvgre ? 9 : 8,
    subTlvs: [{ kind: 'vxlan', type: 1, flags, vnId: u(spec.vni ?? 0, 0xffffff, 'VNI'), mac, reserved: 0 }, ...common(spec)],
  };
}

export interface GreSpec extends CommonSpec {
  key?: number;
  /** MPLS-in-GRE (11) instead of GRE (2). */
  mpls?: boolean;
}

export function gre(spec: GreSpec): Tunnel {
  const subs: SubTlv[] = spec.key === undefined ? [] : [{ kind: 'gre-key', type: 1, key: u(spec.key, 0xffffffff, 'GRE key') }];
  return { type: spec.mpls ? 11 : 2, subTlvs: [...subs, ...common(spec)] };
}

/** Any tunnel type with the RFC 9012 common sub-TLVs (MPLS-in-UDP 13, MPLS 10, IP-in-IP 7, ...). */
export function tunnel(type: number, spec: CommonSpec = {}, extra: readonly SubTlv[] = []): Tunnel {
  return { type: u(type, 0xffff, 'tunnel type'), subTlvs: [...common(spec), ...extra] };
}

export function tunnelEncap(...tunnels: Tunnel[]): TunnelEncap {
  return { tunnels };
}

/** The attribute value bytes of a model. */
export function encodeTunnelEncapValue(m: TunnelEncap): Uint8Array {
  const w = new Writer(tunnelEncapLength(m));
  encodeTunnelEncap(m, w);
  return w.finish();
}
