/**
 * New EVPN routes from field values: measure, write once, then read back through the decoder so
 * a built route is exactly what decoding its bytes gives.
 *
 * Layouts: RFC 7432 §7.1-7.4, RFC 9136 §3.1, RFC 9251 §9.1-9.3, RFC 9572 §3.1-3.3. Addresses are
 * 4 octets (length 32) or 16 octets (length 128). Label fields: `labels.ts`.
 */
import { modelError } from '../../src/core/errors.js';
import { Reader } from '../../src/core/reader.js';
import { Slab } from '../../src/core/slab.js';
import { Writer } from '../../src/core/writer.js';
import { labelFieldValue, type LabelSpec } from './labels.js';
import type { EvpnRoute } from './model.js';
import { decodeRoute } from './wire.js';

const FAMILY = 'l2vpn/evpn';
const ZERO_ESI = new Uint8Array(10);
const ZERO_MAC = new Uint8Array(6);
const V6_ZERO = new Uint8Array(16);
/** The first 12 octets of an IPv4-mapped IPv6 address (RFC 4291 §2.5.5.2). */
const V4_MAPPED_HEAD = new Uint8Array([0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xff, 0xff]);
const ZERO_REGION_ID = new Uint8Array(8);
const NO_LABELS: readonly LabelSpec[] = [];

export interface EthernetAdFields {
  rd: Uint8Array;
  esi?: Uint8Array;
  ethernetTag?: number;
  /** RFC 7432 §7.1 has one label field; any number is written (BOS on the last label). */
  labels?: readonly LabelSpec[];
}

export interface MacIpFields {
  rd: Uint8Array;
  esi?: Uint8Array;
  ethernetTag?: number;
  /** 6 octets; zero when absent (as Ze). */
  mac?: Uint8Array;
  /** 4 or 16 octets; none when absent. */
  ip?: Uint8Array;
  /** Label1 and optionally Label2 (RFC 7432 §7.2; RFC 9135 L3 VNI). */
  labels?: readonly LabelSpec[];
}

export interface InclusiveMulticastFields {
  rd: Uint8Array;
  ethernetTag?: number;
  /** 4 or 16 octets; absent → `::` (as Ze). */
  originator?: Uint8Array;
}

export interface EthernetSegmentFields {
  rd: Uint8Array;
  esi?: Uint8Array;
  /** 4 or 16 octets; absent → `::`. */
  originator?: Uint8Array;
}

export interface IpPrefixFields {
  rd: Uint8Array;
  esi?: Uint8Array;
  ethernetTag?: number;
  /** The prefix: IPv6 chooses the 58-octet layout. `addr` holds 4 or 16 octets (not masked). */
  prefix: { v6: boolean; len: number; addr: Uint8Array };
  /** 4 or 16 octets; zero when absent. An IPv4 gateway in the IPv6 layout is IPv4-mapped. */
  gateway?: Uint8Array;
  /** The one label field; absent → 000000. */
  label?: LabelSpec;
}

/** Types 6, 7, 8, 10. `esi` only for 7 and 8; `leaveGroupSync`/`maxResponseTime` only for 8. */
export interface MulticastFields {
  rd: Uint8Array;
  esi?: Uint8Array;
  ethernetTag?: number;
  /** 4 or 16 octets; absent for (*,G). */
  source?: Uint8Array;
  /** 4 or 16 octets; absent → a wildcard (length 0). */
  group?: Uint8Array;
  originator: Uint8Array;
  flags?: number;
  leaveGroupSync?: number;
  maxResponseTime?: number;
}

export interface PerRegionIpmsiFields {
  rd: Uint8Array;
  ethernetTag?: number;
  /** 8 octets; zero when absent. */
  regionId?: Uint8Array;
}

export interface LeafAdFields {
  /** A whole EVPN route (type, length, payload). */
  routeKey: Uint8Array;
  originator: Uint8Array;
}

function addrLen(a: Uint8Array | undefined): number {
  return a === undefined ? 1 : 1 + a.length;
}

function writeAddr(w: Writer, a: Uint8Array | undefined): void {
  if (a === undefined) return w.u8(0);
  if (a.length !== 4 && a.length !== 16) modelError(`address of ${a.length} octets, must be 4 or 16`, FAMILY);
  w.u8(a.length * 8);
  w.bytes(a);
}

function fixed(b: Uint8Array | undefined, n: number, what: string, dflt: Uint8Array): Uint8Array {
  if (b === undefined) return dflt;
  if (b.length !== n) modelError(`${what} of ${b.length} octets, must be ${n}`, FAMILY);
  return b;
}

function writeLabels(w: Writer, labels: readonly LabelSpec[]): void {
  for (let i = 0; i < labels.length; i++) w.u24(labelFieldValue(labels[i]!, i, labels.length));
}

function u8(v: number | undefined, what: string): number {
  const x = v ?? 0;
  if (!Number.isInteger(x) || x < 0 || x > 255) modelError(`${what} ${x} out of range`, FAMILY);
  return x;
}

function u32(v: number | undefined, what: string): number {
  const n = v ?? 0;
  if (!Number.isInteger(n) || n < 0 || n > 0xffffffff) modelError(`${what} ${n} out of range`, FAMILY);
  return n;
}

/**
 * Built routes' bytes: windows of shared 4 KiB slabs, not `new Uint8Array`. Encoding copies a
 * route with `set` of a subarray when it is long, and a subarray of a fresh on-heap array makes
 * V8 move it off the heap (~250 ns on Node 20); a slab's window is off the heap from the start
 * and costs about what `new Uint8Array` does. A kept route keeps its slab alive (see `Slab`).
 */
const routes = new Slab(4096, 257);

/** A writer over a new route's bytes, its `type | len` header written; `done` finishes it. */
function begin(type: number, len: number): Writer {
  if (len > 255) modelError(`route type ${type}: ${len} octets do not fit the length octet`, FAMILY);
  const w = new Writer(routes.alloc(2 + len));
  w.u8(type);
  w.u8(len);
  return w;
}

/** The route `begin` started, all its octets written, decoded (so it is what its bytes give). */
function done(w: Writer): EvpnRoute {
  const bytes = w.finish();
  const r = new Reader(bytes, FAMILY);
  const m = decodeRoute(r, {});
  if (r.pos !== bytes.length) modelError(`route type ${bytes[0]}: built route does not decode whole`, FAMILY);
  return m;
}

export function buildEthernetAd(f: EthernetAdFields): EvpnRoute {
  const labels = f.labels ?? NO_LABELS;
  const w = begin(1, 22 + 3 * labels.length);
  w.bytes(fixed(f.rd, 8, 'RD', f.rd));
  w.bytes(fixed(f.esi, 10, 'ESI', ZERO_ESI));
  w.u32(u32(f.ethernetTag, 'ethernet tag'));
  writeLabels(w, labels);
  return done(w);
}

export function buildMacIp(f: MacIpFields): EvpnRoute {
  const labels = f.labels ?? NO_LABELS;
  const ip = f.ip;
  const w = begin(2, 30 + (ip ? ip.length : 0) + 3 * labels.length);
  w.bytes(fixed(f.rd, 8, 'RD', f.rd));
  w.bytes(fixed(f.esi, 10, 'ESI', ZERO_ESI));
  w.u32(u32(f.ethernetTag, 'ethernet tag'));
  w.u8(48);
  w.bytes(fixed(f.mac, 6, 'MAC', ZERO_MAC));
  writeAddr(w, ip);
  writeLabels(w, labels);
  return done(w);
}

export function buildInclusiveMulticast(f: InclusiveMulticastFields): EvpnRoute {
  const o = f.originator ?? V6_ZERO;
  const w = begin(3, 12 + addrLen(o));
  w.bytes(fixed(f.rd, 8, 'RD', f.rd));
  w.u32(u32(f.ethernetTag, 'ethernet tag'));
  writeAddr(w, o);
  return done(w);
}

export function buildEthernetSegment(f: EthernetSegmentFields): EvpnRoute {
  const o = f.originator ?? V6_ZERO;
  const w = begin(4, 18 + addrLen(o));
  w.bytes(fixed(f.rd, 8, 'RD', f.rd));
  w.bytes(fixed(f.esi, 10, 'ESI', ZERO_ESI));
  writeAddr(w, o);
  return done(w);
}

export function buildIpPrefix(f: IpPrefixFields): EvpnRoute {
  const v6 = f.prefix.v6;
  const n = v6 ? 16 : 4;
  const gw = f.gateway;
  if (gw !== undefined && gw.length === 16 && !v6) modelError('route type 5: an IPv6 gateway needs an IPv6 prefix', FAMILY);
  if (f.prefix.addr.length !== n) modelError(`route type 5: prefix address of ${f.prefix.addr.length} octets`, FAMILY);
  const w = begin(5, v6 ? 58 : 34);
  w.bytes(fixed(f.rd, 8, 'RD', f.rd));
  w.bytes(fixed(f.esi, 10, 'ESI', ZERO_ESI));
  w.u32(u32(f.ethernetTag, 'ethernet tag'));
  w.u8(f.prefix.len);
  w.bytes(f.prefix.addr);
  if (gw === undefined) {
    w.zeros(n); // no gateway: zero
  } else if (gw.length === 4 && v6) {
    w.bytes(V4_MAPPED_HEAD); // an IPv4 gateway in the IPv6 layout: ::ffff:a.b.c.d
    w.bytes(gw);
  } else {
    w.bytes(gw);
  }
  w.u24(f.label === undefined ? 0 : labelFieldValue(f.label, 0, 1));
  return done(w);
}

/** Types 6, 7, 8 and 10. */
export function buildMulticast(type: 6 | 7 | 8 | 10, f: MulticastFields): EvpnRoute {
  const withEsi = type === 7 || type === 8;
  const after = type === 6 || type === 7 ? 1 : type === 8 ? 6 : 0;
  const len = 8 + (withEsi ? 10 : 0) + 4 + addrLen(f.source) + addrLen(f.group) + addrLen(f.originator) + after;
  const w = begin(type, len);
  w.bytes(fixed(f.rd, 8, 'RD', f.rd));
  if (withEsi) w.bytes(fixed(f.esi, 10, 'ESI', ZERO_ESI));
  w.u32(u32(f.ethernetTag, 'ethernet tag'));
  writeAddr(w, f.source);
  writeAddr(w, f.group);
  writeAddr(w, f.originator);
  if (type === 8) {
    w.u32(u32(f.leaveGroupSync, 'leave group synchronization number'));
    w.u8(u8(f.maxResponseTime, 'maximum response time'));
  }
  if (after > 0) w.u8(u8(f.flags, 'flags'));
  return done(w);
}

export function buildPerRegionIpmsi(f: PerRegionIpmsiFields): EvpnRoute {
  const w = begin(9, 20);
  w.bytes(fixed(f.rd, 8, 'RD', f.rd));
  w.u32(u32(f.ethernetTag, 'ethernet tag'));
  w.bytes(fixed(f.regionId, 8, 'region ID', ZERO_REGION_ID));
  return done(w);
}

export function buildLeafAd(f: LeafAdFields): EvpnRoute {
  const k = f.routeKey;
  if (k.length < 2 || k.length !== 2 + k[1]!) modelError('route type 11: the route key must be one whole EVPN route', FAMILY);
  const w = begin(11, k.length + addrLen(f.originator));
  w.bytes(k);
  writeAddr(w, f.originator);
  return done(w);
}

/** A route of any type from its payload octets (types without a layout, or raw bodies). */
export function buildRaw(type: number, payload: Uint8Array): EvpnRoute {
  const w = begin(type, payload.length);
  w.bytes(payload);
  return done(w);
}
