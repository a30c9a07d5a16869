/**
 * PMSI_TUNNEL value bytes <-> model: RFC 6514 §5 (layout, tunnel types 0-7), RFC 4875 §19.1.1 /
 * §19.1.2 (RSVP-TE P2MP SESSION object), RFC 6388 §2.2, §2.3, §3.2 (mLDP FEC elements and opaque
 * values), RFC 7432 §11.2 and RFC 8365 §5.1.3 (ingress replication, VNI in the label field).
 *
 * A known tunnel type whose identifier does not have that type's layout is an error
 * (`bad-length`) in strict mode and kept as bytes otherwise; type 0 and unknown types keep
 * their identifier as bytes.
 */
import { modelError, NlriError } from '../../src/core/errors.js';
import type { Reader } from '../../src/core/reader.js';
import type { Writer } from '../../src/core/writer.js';
import {
  kindOfType,
  type MldpFecId,
  type MldpOpaque,
  type PmsiTunnel,
  type PmsiTunnelId,
} from './model.js';

function readRsvp(r: Reader, n: number): PmsiTunnelId {
  if (n !== 12 && n !== 24) r.fail('bad-length', `RSVP-TE P2MP tunnel identifier is ${n} octets, want 12 (IPv4) or 24 (IPv6)`);
  const p2mpId = r.u32('P2MP ID');
  const reserved = r.u16('reserved');
  const tunnelId = r.u16('tunnel ID');
  return { kind: 'rsvp-te-p2mp', p2mpId, reserved, tunnelId, extendedTunnelId: r.bytes(n - 8, 'extended tunnel ID') };
}

function readMldp(r: Reader): MldpFecId {
  const fecType = r.u8('mLDP FEC element type');
  const addressFamily = r.u16('mLDP address family');
  const alen = r.u8('mLDP address length');
  const root = r.bytes(alen, 'mLDP root node address');
  const olen = r.u16('mLDP opaque length');
  const old = r.limit(olen, 'mLDP opaque length');
  const opaque: MldpOpaque[] = [];
  while (r.pos < r.end) {
    const type = r.u8('opaque value type');
    const len = r.u16('opaque value length');
    opaque.push({ type, value: r.bytes(len, 'opaque value') });
  }
  r.restore(old);
  if (r.pos < r.end) r.fail('bad-length', `${r.end - r.pos} octets after the mLDP FEC element`);
  return { kind: 'mldp', fecType, addressFamily, root, opaque };
}

function readTyped(r: Reader, tunnelType: number, n: number): PmsiTunnelId {
  switch (kindOfType(tunnelType)) {
    case 'rsvp-te-p2mp':
      return readRsvp(r, n);
    case 'mldp':
      return readMldp(r);
    case 'pim': {
      if (n !== 8 && n !== 32) r.fail('bad-length', `PIM tunnel identifier is ${n} octets, want 8 (IPv4) or 32 (IPv6)`);
      const sender = r.bytes(n / 2, 'sender address');
      return { kind: 'pim', sender, group: r.bytes(n / 2, 'group address') };
    }
    case 'ingress-replication':
      if (n !== 4 && n !== 16) r.fail('bad-length', `ingress replication tunnel identifier is ${n} octets, want 4 (IPv4) or 16 (IPv6)`);
      return { kind: 'ingress-replication', endpoint: r.bytes(n, 'tunnel endpoint') };
    default:
      // RFC 6514 §5: "no tunnel information present" carries "no Tunnel Identifier".
      if (tunnelType === 0 && n > 0) r.fail('bad-length', `tunnel type 0 (no tunnel information) with a ${n}-octet identifier`);
      return { kind: 'raw', bytes: r.bytes(n, 'tunnel identifier') };
  }
}

/**
 * Decode the value (reader limited to it). A known tunnel type whose identifier does not have
 * that type's layout fails in strict mode; otherwise the identifier is kept as bytes (`raw`),
 * as ExaBGP does, so that the route is not withdrawn over a layout this codec may read more
 * narrowly than the sender.
 */
export function decodePmsi(r: Reader, strict = false): PmsiTunnel {
  const flags = r.u8('flags');
  const tunnelType = r.u8('tunnel type');
  const labelField = r.u24('MPLS label');
  const p0 = r.pos;
  const e0 = r.end;
  const n = e0 - p0;
  let tunnel: PmsiTunnelId;
  try {
    tunnel = readTyped(r, tunnelType, n);
  } catch (e) {
    if (strict || !(e instanceof NlriError)) throw e;
    r.pos = p0;
    r.end = e0;
    tunnel = { kind: 'raw', bytes: r.bytes(n, 'tunnel identifier') };
  }
  return { flags, tunnelType, labelField, tunnel };
}

function ipLen(b: Uint8Array, what: string): void {
  if (!(b instanceof Uint8Array) || (b.length !== 4 && b.length !== 16)) modelError(`PMSI ${what} must be 4 or 16 octets`);
}

function uint(v: unknown, max: number, what: string): void {
  if (typeof v !== 'number' || !Number.isInteger(v) || v < 0 || v > max) modelError(`PMSI ${what} must be an integer 0..${max}`);
}

/** Check a model before measuring it (typed `invalid-model` errors). */
export function checkPmsi(m: PmsiTunnel): void {
  uint(m.flags, 0xff, 'flags');
  uint(m.tunnelType, 0xff, 'tunnel type');
  uint(m.labelField, 0xffffff, 'label field');
  const t = m.tunnel;
  if (t.kind !== 'raw' && t.kind !== kindOfType(m.tunnelType)) modelError(`PMSI tunnel type ${m.tunnelType} cannot carry a ${t.kind} identifier`);
  switch (t.kind) {
    case 'rsvp-te-p2mp':
      uint(t.p2mpId, 0xffffffff, 'P2MP ID');
      uint(t.reserved, 0xffff, 'reserved');
      uint(t.tunnelId, 0xffff, 'tunnel ID');
      ipLen(t.extendedTunnelId, 'extended tunnel ID');
      return;
    case 'mldp': {
      uint(t.fecType, 0xff, 'mLDP FEC type');
      uint(t.addressFamily, 0xffff, 'mLDP address family');
      if (t.root.length > 0xff) modelError('PMSI mLDP root address over 255 octets');
      let o = 0;
      for (const e of t.opaque) {
        uint(e.type, 0xff, 'mLDP opaque type');
        if (e.value.length > 0xffff) modelError('PMSI mLDP opaque value over 65535 octets');
        o += 3 + e.value.length;
      }
      if (o > 0xffff) modelError('PMSI mLDP opaque values over 65535 octets');
      return;
    }
    case 'pim':
      ipLen(t.sender, 'sender');
      ipLen(t.group, 'group');
      if (t.sender.length !== t.group.length) modelError('PMSI PIM sender and group must be the same address family');
      return;
    case 'ingress-replication':
      ipLen(t.endpoint, 'tunnel endpoint');
      return;
    default:
      if (!(t.bytes instanceof Uint8Array)) modelError('PMSI raw tunnel identifier must be bytes');
  }
}

function tunnelLength(t: PmsiTunnelId): number {
  switch (t.kind) {
    case 'rsvp-te-p2mp': return 8 + t.extendedTunnelId.length;
    case 'mldp': {
      let n = 4 + t.root.length + 2;
      for (const e of t.opaque) n += 3 + e.value.length;
      return n;
    }
    case 'pim': return t.sender.length + t.group.length;
    case 'ingress-replication': return t.endpoint.length;
    default: return t.bytes.length;
  }
}

export function pmsiLength(m: PmsiTunnel): number {
  checkPmsi(m);
  return 5 + tunnelLength(m.tunnel);
}

export function encodePmsi(m: PmsiTunnel, w: Writer): void {
  w.u8(m.flags);
  w.u8(m.tunnelType);
  w.u24(m.labelField);
  const t = m.tunnel;
  switch (t.kind) {
    case 'rsvp-te-p2mp':
      w.u32(t.p2mpId);
      w.u16(t.reserved);
      w.u16(t.tunnelId);
      w.bytes(t.extendedTunnelId);
      return;
    case 'mldp': {
      w.u8(t.fecType);
      w.u16(t.addressFamily);
      w.u8(t.root.length);
      w.bytes(t.root);
      let o = 0;
      for (const e of t.opaque) o += 3 + e.value.length;
      w.u16(o);
      for (const e of t.opaque) {
        w.u8(e.type);
        w.u16(e.value.length);
        w.bytes(e.value);
      }
      return;
    }
    case 'pim':
      w.bytes(t.sender);
      w.bytes(t.group);
      return;
    case 'ingress-replication':
      w.bytes(t.endpoint);
      return;
    default:
      w.bytes(t.bytes);
  }
}
