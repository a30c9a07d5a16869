/**
 * One 8-octet extended community <-> its model.
 *
 * RFC 4360 §2-§5 (type/sub-type, route target 0x0002, route origin 0x0003, IPv4 0x01xx,
 * non-transitive 0x40 bit), RFC 5668 §2 (4-octet AS 0x02xx), RFC 8955 §7.1-7.5 (FlowSpec actions
 * 0x8006, 0x800c, 0x8007, 0x8008/0x8108/0x8208, 0x8009), draft-ietf-idr-flowspec-redirect-ip
 * (0x010c), draft-simpson-idr-flowspec-redirect (0x0800), RFC 7432 §7.5-7.8 (EVPN 0x0600-0x0602,
 * default gateway 0x030d), RFC 9135 §8.1 (0x0603), RFC 8214 §3.1 (0x0604), RFC 9012 §4.1/§4.3
 * (0x030c, 0x030b), draft-ietf-bess-mup-safi §3.2 (0x0c00), draft-ietf-idr-link-bandwidth
 * (0x4004), RFC 4761 §3.2.4 (0x800a).
 *
 * `decodeExtended` gives a typed kind only when `encodeExtended` of it writes the same 8 octets;
 * every other octet string is `raw`.
 */
import { modelError, safeString } from '../../src/core/errors.js';
import { ipv4ToString, parseAddr } from '../../src/core/ip.js';
import { macFromString, macToString } from '../../src/core/bgp.js';
import type { AdminValue, ExtendedCommunity } from './model.js';

const scratch = new DataView(new ArrayBuffer(4));

/** The IEEE 754 single at `b[off..off+4]` as a number. */
export function readFloat32(b: Uint8Array, off: number): number {
  scratch.setUint8(0, b[off]!);
  scratch.setUint8(1, b[off + 1]!);
  scratch.setUint8(2, b[off + 2]!);
  scratch.setUint8(3, b[off + 3]!);
  return scratch.getFloat32(0);
}

function writeFloat32(v: number, b: Uint8Array, off: number): void {
  scratch.setFloat32(0, v);
  b[off] = scratch.getUint8(0);
  b[off + 1] = scratch.getUint8(1);
  b[off + 2] = scratch.getUint8(2);
  b[off + 3] = scratch.getUint8(3);
}

export function u16(b: Uint8Array, o: number): number {
  return (b[o]! << 8) | b[o + 1]!;
}

export function u32(b: Uint8Array, o: number): number {
  return b[o]! * 0x1000000 + ((b[o + 1]! << 16) | (b[o + 2]! << 8) | b[o + 3]!);
}

function put16(v: number, b: Uint8Array, o: number): void {
  b[o] = v >>> 8;
  b[o + 1] = v;
}

function put32(v: number, b: Uint8Array, o: number): void {
  b[o] = v >>> 24;
  b[o + 1] = v >>> 16;
  b[o + 2] = v >>> 8;
  b[o + 3] = v;
}

function zero(b: Uint8Array, from: number, to: number): boolean {
  for (let i = from; i < to; i++) if (b[i] !== 0) return false;
  return true;
}

/** A route target / route origin (with `transitive`) or a redirect (without): one object, no spread. */
function admin(kind: 'route-target' | 'route-origin', b: Uint8Array, o: number, t: number): ExtendedCommunity;
function admin(kind: 'redirect', b: Uint8Array, o: number, t: number): ExtendedCommunity;
function admin(kind: 'route-target' | 'route-origin' | 'redirect', b: Uint8Array, o: number, t: number): ExtendedCommunity {
  if (kind === 'redirect') {
    switch (t & 0x3f) {
      case 0x00: return { kind, form: 'as2', asn: u16(b, o + 2), local: u32(b, o + 4) };
      case 0x01: return { kind, form: 'ipv4', ip: ipv4ToString(b, o + 2), local: u16(b, o + 6) };
      default: return { kind, form: 'as4', asn: u32(b, o + 2), local: u16(b, o + 6) };
    }
  }
  const transitive = (t & 0x40) === 0;
  switch (t & 0x3f) {
    case 0x00: return { kind, transitive, form: 'as2', asn: u16(b, o + 2), local: u32(b, o + 4) };
    case 0x01: return { kind, transitive, form: 'ipv4', ip: ipv4ToString(b, o + 2), local: u16(b, o + 6) };
    default: return { kind, transitive, form: 'as4', asn: u32(b, o + 2), local: u16(b, o + 6) };
  }
}

/** The typed model of the 8 octets at `b[o..o+8]` (views for `raw`). */
export function decodeExtended(b: Uint8Array, o: number): ExtendedCommunity {
  const t = b[o]!;
  const s = b[o + 1]!;
  switch (t) {
    case 0x00: case 0x01: case 0x02: case 0x40: case 0x41: case 0x42:
      if (s === 0x02) return admin('route-target', b, o, t);
      if (s === 0x03) return admin('route-origin', b, o, t);
      if (t === 0x01 && s === 0x0c && (u16(b, o + 6) & 0xfffe) === 0) {
        return { kind: 'redirect-ip', ip: ipv4ToString(b, o + 2), copy: (b[o + 7]! & 1) === 1 };
      }
      if (t === 0x40 && s === 0x04) {
        const bw = readFloat32(b, o + 4);
        if (Number.isFinite(bw)) return { kind: 'link-bandwidth', asn: u16(b, o + 2), bandwidth: bw };
      }
      break;
    case 0x80:
      if (s === 0x06 || s === 0x0c) {
        const rate = readFloat32(b, o + 4);
        if (Number.isFinite(rate)) return { kind: s === 0x06 ? 'traffic-rate-bytes' : 'traffic-rate-packets', id: u16(b, o + 2), rate };
      } else if (s === 0x07) {
        if (zero(b, o + 2, o + 7) && (b[o + 7]! & 0xfc) === 0) {
          return { kind: 'traffic-action', sample: (b[o + 7]! & 2) !== 0, terminal: (b[o + 7]! & 1) !== 0 };
        }
      } else if (s === 0x08) {
        return admin('redirect', b, o, t);
      } else if (s === 0x09) {
        if (zero(b, o + 2, o + 7) && (b[o + 7]! & 0xc0) === 0) return { kind: 'traffic-marking', dscp: b[o + 7]! };
      } else if (s === 0x0a) {
        return { kind: 'l2-info', encaps: b[o + 2]!, control: b[o + 3]!, mtu: u16(b, o + 4), preference: u16(b, o + 6) };
      }
      break;
    case 0x81: case 0x82:
      if (s === 0x08) return admin('redirect', b, o, t);
      break;
    case 0x08:
      if (s === 0x00 && zero(b, o + 2, o + 7) && (b[o + 7]! & 0xfe) === 0) return { kind: 'redirect-next-hop', copy: b[o + 7] === 1 };
      break;
    case 0x06:
      switch (s) {
        case 0x00:
          if ((b[o + 2]! & 0xfe) === 0 && b[o + 3] === 0) return { kind: 'mac-mobility', sticky: b[o + 2] === 1, sequence: u32(b, o + 4) };
          break;
        case 0x01:
          if ((b[o + 2]! & 0xfe) === 0 && b[o + 3] === 0 && b[o + 4] === 0 && (b[o + 7]! & 0x0f) === 0) {
            return { kind: 'esi-label', singleActive: b[o + 2] === 1, label: ((b[o + 5]! << 12) | (b[o + 6]! << 4) | (b[o + 7]! >> 4)) >>> 0 };
          }
          break;
        case 0x02: return { kind: 'es-import-rt', mac: macToString(b, o + 2) };
        case 0x03: return { kind: 'router-mac', mac: macToString(b, o + 2) };
        case 0x04: {
          const f = u16(b, o + 2);
          if ((f & 0xfff0) === 0 && b[o + 6] === 0 && b[o + 7] === 0) {
            return { kind: 'l2-attributes', backup: (f & 1) !== 0, primary: (f & 2) !== 0, controlWord: (f & 4) !== 0, flowLabel: (f & 8) !== 0, mtu: u16(b, o + 4) };
          }
          break;
        }
      }
      break;
    case 0x03:
      if (s === 0x0d && zero(b, o + 2, o + 8)) return { kind: 'default-gateway' };
      if (s === 0x0c && zero(b, o + 2, o + 6)) return { kind: 'encapsulation', tunnelType: u16(b, o + 6) };
      if (s === 0x0b && (b[o + 2]! & 0x3f) === 0 && b[o + 3] === 0) return { kind: 'color', colorOnly: b[o + 2]! >> 6, color: u32(b, o + 4) };
      break;
    case 0x0c:
      if (s === 0x00) return { kind: 'mup-segment-id', global: u16(b, o + 2), local: u32(b, o + 4) };
      break;
  }
  return { kind: 'raw', type: t, subType: s, value: b.subarray(o + 2, o + 8) };
}

function uint(v: unknown, bits: number, what: string): number {
  if (typeof v !== 'number' || !Number.isInteger(v) || v < 0 || v > 2 ** bits - 1) {
    modelError(`extended-community: ${what} must be an integer 0..${2 ** bits - 1}, got ${safeString(v)}`);
  }
  return v;
}

function ipv4(s: unknown, what: string): Uint8Array {
  const a = typeof s === 'string' ? parseAddr(s) : 'not a string';
  if (typeof a === 'string' || a.v6) modelError(`extended-community: ${what} must be an IPv4 address, got ${safeString(s)}`);
  return a.bytes;
}

function mac(s: unknown): Uint8Array {
  const m = typeof s === 'string' ? macFromString(s) : undefined;
  if (!m) modelError(`extended-community: bad MAC address ${safeString(s)}`);
  return m;
}

function finite(v: unknown, what: string): number {
  if (typeof v !== 'number' || !Number.isFinite(v)) modelError(`extended-community: ${what} must be a finite number`);
  return v;
}

function writeAdmin(a: AdminValue, typeLow: number, sub: number, b: Uint8Array, o: number): void {
  b[o + 1] = sub;
  switch (a.form) {
    case 'as2':
      b[o] = typeLow;
      put16(uint(a.asn, 16, 'asn'), b, o + 2);
      put32(uint(a.local, 32, 'local'), b, o + 4);
      return;
    case 'ipv4':
      b[o] = typeLow | 0x01;
      b.set(ipv4(a.ip, 'ip'), o + 2);
      put16(uint(a.local, 16, 'local'), b, o + 6);
      return;
    case 'as4':
      b[o] = typeLow | 0x02;
      put32(uint(a.asn, 32, 'asn'), b, o + 2);
      put16(uint(a.local, 16, 'local'), b, o + 6);
      return;
    default:
      modelError(`extended-community: unknown form ${safeString((a as { form: unknown }).form)}`);
  }
}

function flag(v: unknown): boolean {
  return v === true;
}

/** Write the 8 octets of `c` at `b[o..o+8]`; `NlriError('invalid-model')` on bad fields. */
export function encodeExtended(c: ExtendedCommunity, b: Uint8Array, o: number): void {
  b.fill(0, o, o + 8);
  switch (c.kind) {
    case 'route-target':
    case 'route-origin':
      writeAdmin(c, c.transitive === false ? 0x40 : 0x00, c.kind === 'route-target' ? 0x02 : 0x03, b, o);
      return;
    case 'redirect':
      writeAdmin(c, 0x80, 0x08, b, o);
      return;
    case 'traffic-rate-bytes':
    case 'traffic-rate-packets':
      b[o] = 0x80;
      b[o + 1] = c.kind === 'traffic-rate-bytes' ? 0x06 : 0x0c;
      put16(uint(c.id, 16, 'id'), b, o + 2);
      writeFloat32(finite(c.rate, 'rate'), b, o + 4);
      return;
    case 'traffic-action':
      b[o] = 0x80;
      b[o + 1] = 0x07;
      b[o + 7] = (flag(c.sample) ? 2 : 0) | (flag(c.terminal) ? 1 : 0);
      return;
    case 'traffic-marking':
      b[o] = 0x80;
      b[o + 1] = 0x09;
      b[o + 7] = uint(c.dscp, 6, 'dscp');
      return;
    case 'redirect-ip':
      b[o] = 0x01;
      b[o + 1] = 0x0c;
      b.set(ipv4(c.ip, 'ip'), o + 2);
      b[o + 7] = flag(c.copy) ? 1 : 0;
      return;
    case 'redirect-next-hop':
      b[o] = 0x08;
      b[o + 7] = flag(c.copy) ? 1 : 0;
      return;
    case 'mac-mobility':
      b[o] = 0x06;
      b[o + 2] = flag(c.sticky) ? 1 : 0;
      put32(uint(c.sequence, 32, 'sequence'), b, o + 4);
      return;
    case 'esi-label': {
      b[o] = 0x06;
      b[o + 1] = 0x01;
      b[o + 2] = flag(c.singleActive) ? 1 : 0;
      const l = uint(c.label, 20, 'label');
      b[o + 5] = l >>> 12;
      b[o + 6] = l >>> 4;
      b[o + 7] = (l & 0x0f) << 4;
      return;
    }
    case 'es-import-rt':
    case 'router-mac':
      b[o] = 0x06;
      b[o + 1] = c.kind === 'es-import-rt' ? 0x02 : 0x03;
      b.set(mac(c.mac), o + 2);
      return;
    case 'l2-attributes':
      b[o] = 0x06;
      b[o + 1] = 0x04;
      put16((flag(c.backup) ? 1 : 0) | (flag(c.primary) ? 2 : 0) | (flag(c.controlWord) ? 4 : 0) | (flag(c.flowLabel) ? 8 : 0), b, o + 2);
      put16(uint(c.mtu, 16, 'mtu'), b, o + 4);
      return;
    case 'default-gateway':
      b[o] = 0x03;
      b[o + 1] = 0x0d;
      return;
    case 'encapsulation':
      b[o] = 0x03;
      b[o + 1] = 0x0c;
      put16(uint(c.tunnelType, 16, 'tunnelType'), b, o + 6);
      return;
    case 'color':
      b[o] = 0x03;
      b[o + 1] = 0x0b;
      b[o + 2] = uint(c.colorOnly, 2, 'colorOnly') << 6;
      put32(uint(c.color, 32, 'color'), b, o + 4);
      return;
    case 'mup-segment-id':
      b[o] = 0x0c;
      put16(uint(c.global, 16, 'global'), b, o + 2);
      put32(uint(c.local, 32, 'local'), b, o + 4);
      return;
    case 'link-bandwidth':
      b[o] = 0x40;
      b[o + 1] = 0x04;
      put16(uint(c.asn, 16, 'asn'), b, o + 2);
      writeFloat32(finite(c.bandwidth, 'bandwidth'), b, o + 4);
      return;
    case 'l2-info':
      b[o] = 0x80;
      b[o + 1] = 0x0a;
      b[o + 2] = uint(c.encaps, 8, 'encaps');
      b[o + 3] = uint(c.control, 8, 'control');
      put16(uint(c.mtu, 16, 'mtu'), b, o + 4);
      put16(uint(c.preference, 16, 'preference'), b, o + 6);
      return;
    case 'raw':
      b[o] = uint(c.type, 8, 'type');
      b[o + 1] = uint(c.subType, 8, 'subType');
      if (!(c.value instanceof Uint8Array) || c.value.length !== 6) modelError('extended-community: raw value must be 6 octets');
      b.set(c.value, o + 2);
      return;
    default:
      modelError(`extended-community: unknown kind ${safeString((c as { kind: unknown }).kind)}`);
  }
}

/** The 8 octets of `c` (a new array). */
export function extendedBytes(c: ExtendedCommunity): Uint8Array {
  const b = new Uint8Array(8);
  encodeExtended(c, b, 0);
  return b;
}
