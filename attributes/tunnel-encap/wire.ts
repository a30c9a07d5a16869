/**
 * TUNNEL_ENCAPSULATION (type 23) value bytes <-> model.
 *
 * RFC 9012 §2: Tunnel TLVs (Tunnel Type u16, Length u16, sub-TLVs); a sub-TLV is Type u8 and a
 * Length of 1 octet (types 0-127) or 2 octets (types 128-255). RFC 9012 §3 sub-TLVs, RFC 9830
 * §2.4 SR Policy sub-TLVs, RFC 9830 §2.4.4 / RFC 9831 §2 Segment List contents (segments.ts).
 *
 * Every length is checked against its container (`Reader.limit`), every loop moves past the
 * header of each TLV even when its length is 0, and nothing is read past the value. The
 * structure failing to parse at any level (lengths that do not add up, RFC 9012 §13) and an SR
 * Policy sub-TLV whose length does not fit its layout (RFC 9830 §5: "In case of any error
 * detected, either at the attribute or its TLV/sub-TLV level, the treat-as-withdraw strategy MUST
 * be applied") throw an `NlriError`: RFC 9012 §13 makes a TLV whose last sub-TLV does not end
 * where the TLV ends malformed, with treat-as-withdraw. A malformed RFC 9012 sub-TLV (a Color
 * sub-TLV that is not a Color Extended Community §3.4.2, an Egress Endpoint whose AFI and length
 * disagree §3.1, UDP port 0 §3.3.2, Protocol Type 0xFFFF §3.4.1, Embedded Label Handling other
 * than 1 or 2 §3.5, ...) "MUST be treated as if it were an unrecognized sub-TLV" (§13): it is kept
 * raw and written back. Unknown tunnel types keep their sub-TLVs decoded (the sub-TLV registry is
 * shared); unknown sub-TLVs stay raw.
 */
import { modelError } from '../../src/core/errors.js';
import type { Reader } from '../../src/core/reader.js';
import type { Writer } from '../../src/core/writer.js';
import type {
  LabelIndexTlv,
  NameTlv,
  PrefixSidTlv,
  RawTlv,
  SegmentListSubTlv,
  SubTlv,
  Tunnel,
  TunnelEncap,
} from './model.js';
import {
  readLabelEntry,
  readSegmentListSubTlvs,
  readStructure,
  segmentSubTlvValueLength,
  writeLabelEntry,
  writeSegmentSubTlvValue,
  writeStructure,
} from './segments.js';

const UTF8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
const UTF8_OUT = new TextEncoder();

export function decodeTunnelEncap(r: Reader): TunnelEncap {
  const tunnels: Tunnel[] = [];
  while (!r.atEnd()) {
    const type = r.u16('tunnel type');
    const len = r.u16('tunnel TLV length');
    const old = r.limit(len, 'tunnel TLV length');
    const subTlvs = decodeSubTlvs(r, type);
    r.restore(old);
    tunnels.push({ type, subTlvs });
  }
  return { tunnels };
}

function decodeSubTlvs(r: Reader, tunnelType: number): SubTlv[] {
  const out: SubTlv[] = [];
  while (!r.atEnd()) {
    const at = r.pos;
    const type = r.u8('sub-TLV type');
    const len = type < 128 ? r.u8('sub-TLV length') : r.u16('sub-TLV length');
    const old = r.limit(len, 'sub-TLV length');
    out.push(decodeSubTlv(r, type, len, tunnelType, at));
    r.restore(old);
  }
  return out;
}

function raw(r: Reader, type: number, len: number): RawTlv {
  return { kind: 'raw', type, value: r.bytes(len) };
}

function srLength(r: Reader, ok: boolean, name: string, len: number, want: string, section: string, at: number): void {
  if (!ok) r.fail('bad-length', `${name} sub-TLV length ${len}: must be ${want} (RFC 9830 ${section})`, at);
}

/** One sub-TLV value; the reader is limited to exactly its `len` octets. */
function decodeSubTlv(r: Reader, type: number, len: number, tunnelType: number, at: number): SubTlv {
  switch (type) {
    case 1: return decodeEncapsulation(r, len, tunnelType);
    case 2: {
      // RFC 9012 §3.4.1: the reserved value 0xFFFF makes the sub-TLV malformed, i.e. unrecognized (§13).
      if (len !== 2 || (r.buf[r.pos]! & r.buf[r.pos + 1]!) === 0xff) break;
      return { kind: 'protocol-type', type: 2, ethertype: r.u16() };
    }
    case 4: {
      // RFC 9012 §3.4.2: 8 octets, a Color Extended Community (0x03 0x0B); else unrecognized.
      if (len !== 8 || r.buf[r.pos] !== 0x03 || r.buf[r.pos + 1] !== 0x0b) break;
      r.skip(2);
      return { kind: 'color', type: 4, flags: r.u16(), color: r.u32() };
    }
    case 6: {
      // RFC 9012 §3.1: Reserved (4), AFI (2), address of the AFI's length (0 for AFI 0).
      if (len < 6) break;
      const afi = (r.buf[r.pos + 4]! << 8) | r.buf[r.pos + 5]!;
      const alen = afi === 0 ? 0 : afi === 1 ? 4 : afi === 2 ? 16 : -1;
      if (alen < 0 || len !== 6 + alen) break;
      const reserved = r.u32();
      r.skip(2);
      return { kind: 'egress-endpoint', type: 6, reserved, afi, address: r.bytes(alen) };
    }
    case 7:
      if (len !== 1) break;
      return { kind: 'ds-field', type: 7, value: r.u8() };
    case 8:
      // RFC 9012 §3.3.2: port 0 is reserved and makes the sub-TLV malformed.
      if (len !== 2 || (r.buf[r.pos]! | r.buf[r.pos + 1]!) === 0) break;
      return { kind: 'udp-port', type: 8, port: r.u16() };
    case 9:
      // RFC 9012 §3.5: a value other than 1 or 2 makes the sub-TLV malformed.
      if (len !== 1 || (r.buf[r.pos] !== 1 && r.buf[r.pos] !== 2)) break;
      return { kind: 'embedded-label-handling', type: 9, value: r.u8() };
    case 10: {
      if (len % 4 !== 0) break;
      const entries = [];
      while (!r.atEnd()) entries.push(readLabelEntry(r, 'label stack entry'));
      return { kind: 'label-stack', type: 10, entries };
    }
    case 11: {
      const p = decodePrefixSid(r);
      if (p) return p;
      break;
    }
    case 12:
      srLength(r, len === 6, 'preference', len, '6', '§2.4.1', at);
      return { kind: 'preference', type: 12, flags: r.u8(), reserved: r.u8(), preference: r.u32('preference') };
    case 13: {
      srLength(r, len === 2 || len === 6 || len === 18, 'binding SID', len, '2 or 6 (or 18, IPv6)', '§2.4.2', at);
      const flags = r.u8();
      const reserved = r.u8();
      if (len === 6) return { kind: 'binding-sid', type: 13, flags, reserved, label: readLabelEntry(r, 'binding SID') };
      if (len === 18) return { kind: 'binding-sid', type: 13, flags, reserved, sid: r.bytes(16) };
      return { kind: 'binding-sid', type: 13, flags, reserved };
    }
    case 14:
      srLength(r, len === 3, 'ENLP', len, '3', '§2.4.5', at);
      return { kind: 'enlp', type: 14, flags: r.u8(), reserved: r.u8(), enlp: r.u8() };
    case 15:
      srLength(r, len === 2, 'priority', len, '2', '§2.4.6', at);
      return { kind: 'priority', type: 15, priority: r.u8(), reserved: r.u8() };
    case 20: {
      srLength(r, len === 18 || len === 26, 'SRv6 binding SID', len, '18 or 26', '§2.4.3', at);
      const flags = r.u8();
      const reserved = r.u8();
      const sid = r.bytes(16);
      if (len === 26) return { kind: 'srv6-binding-sid', type: 20, flags, reserved, sid, structure: readStructure(r) };
      return { kind: 'srv6-binding-sid', type: 20, flags, reserved, sid };
    }
    case 128: {
      srLength(r, len >= 1, 'segment list', len, 'at least 1', '§2.4.4', at);
      const reserved = r.u8();
      return { kind: 'segment-list', type: 128, reserved, subTlvs: readSegmentListSubTlvs(r) };
    }
    case 129:
    case 130: {
      srLength(r, len >= 1, type === 129 ? 'candidate path name' : 'policy name', len, 'at least 1', type === 129 ? '§2.4.7' : '§2.4.8', at);
      const name = utf8(r.buf, r.pos + 1, r.end);
      if (name === undefined) break;
      const reserved = r.u8();
      r.skip(len - 1);
      const t: NameTlv = { kind: 'name', type, reserved, name };
      return t;
    }
  }
  return raw(r, type, len);
}

function utf8(b: Uint8Array, start: number, end: number): string | undefined {
  try {
    return UTF8.decode(b.subarray(start, end));
  } catch {
    return undefined;
  }
}

/** RFC 9012 §3.2: the Encapsulation sub-TLV's layout is the tunnel type's. */
function decodeEncapsulation(r: Reader, len: number, tunnelType: number): SubTlv {
  switch (tunnelType) {
    case 8: // VXLAN §3.2.1
    case 9: // NVGRE §3.2.2
      if (len !== 12) break;
      return { kind: 'vxlan', type: 1, flags: r.u8(), vnId: r.u24(), mac: r.bytes(6), reserved: r.u16() };
    case 12: // VXLAN-GPE
      if (len !== 8) break;
      return { kind: 'vxlan-gpe', type: 1, flags: r.u8(), reserved: r.u24(), vnId: r.u24(), reserved2: r.u8() };
    case 1: // L2TPv3: Session ID (4), Cookie (0..8)
      if (len < 4 || len > 12) break;
      return { kind: 'l2tpv3', type: 1, sessionId: r.u32(), cookie: r.bytes(len - 4) };
    case 2: // GRE §3.2.4
    case 11: // MPLS-in-GRE §3.2.5
      if (len !== 4) break;
      return { kind: 'gre-key', type: 1, key: r.u32() };
  }
  return raw(r, 1, len);
}

/** RFC 9012 §3.7 / RFC 8669 §3: TLVs of Type (1), Length (2); undefined when they do not parse. */
function decodePrefixSid(r: Reader): PrefixSidTlv | undefined {
  const b = r.buf;
  for (let p = r.pos; p < r.end; ) {
    if (r.end - p < 3) return undefined;
    p += 3 + ((b[p + 1]! << 8) | b[p + 2]!);
    if (p > r.end) return undefined;
  }
  const tlvs: (LabelIndexTlv | RawTlv)[] = [];
  while (!r.atEnd()) {
    const type = r.u8();
    const len = r.u16();
    if (type === 1 && len === 7) tlvs.push({ kind: 'label-index', type: 1, reserved: r.u8(), flags: r.u16(), labelIndex: r.u32() });
    else tlvs.push(raw(r, type, len));
  }
  return { kind: 'prefix-sid', type: 11, tlvs };
}

// ---- encode ------------------------------------------------------------------------------------

export function subTlvValueLength(t: SubTlv): number {
  switch (t.kind) {
    case 'raw': return t.value.length;
    case 'vxlan': return 12;
    case 'vxlan-gpe': return 8;
    case 'l2tpv3':
      if (t.cookie.length > 8) modelError('an L2TPv3 cookie is at most 8 octets');
      return 4 + t.cookie.length;
    case 'gre-key': return 4;
    case 'protocol-type': return 2;
    case 'color': return 8;
    case 'egress-endpoint':
      if (t.address.length !== (t.afi === 0 ? 0 : t.afi === 1 ? 4 : t.afi === 2 ? 16 : -1)) {
        modelError(`tunnel egress endpoint: AFI ${t.afi} with a ${t.address.length}-octet address`);
      }
      return 6 + t.address.length;
    case 'ds-field':
    case 'embedded-label-handling':
      return 1;
    case 'udp-port': return 2;
    case 'label-stack': return 4 * t.entries.length;
    case 'prefix-sid': {
      let n = 0;
      for (const x of t.tlvs) n += 3 + (x.kind === 'raw' ? checkLen(x.value.length, 0xffff, 'prefix-SID TLV') : 7);
      return n;
    }
    case 'preference': return 6;
    case 'binding-sid':
      if (t.label && t.sid) modelError('a binding SID is a label or an IPv6 SID, not both');
      if (t.sid && t.sid.length !== 16) modelError('an IPv6 binding SID is 16 octets');
      return t.label ? 6 : t.sid ? 18 : 2;
    case 'srv6-binding-sid':
      if (t.sid.length !== 16) modelError('an SRv6 binding SID is 16 octets');
      return t.structure ? 26 : 18;
    case 'enlp': return 3;
    case 'priority': return 2;
    case 'name': return 1 + UTF8_OUT.encode(t.name).length;
    case 'segment-list': {
      let n = 1;
      for (const s of t.subTlvs) n += 2 + checkLen(segmentSubTlvValueLength(s), 0xff, 'segment list sub-TLV');
      return n;
    }
  }
}

function checkLen(n: number, max: number, what: string): number {
  if (n > max) modelError(`${what} value of ${n} octets exceeds its length field (${max})`);
  return n;
}

function subTlvLength(t: SubTlv): number {
  const v = subTlvValueLength(t);
  return t.type < 128 ? 2 + checkLen(v, 0xff, `sub-TLV ${t.type}`) : 3 + checkLen(v, 0xffff, `sub-TLV ${t.type}`);
}

export function tunnelValueLength(t: Tunnel): number {
  let n = 0;
  for (const s of t.subTlvs) n += subTlvLength(s);
  return checkLen(n, 0xffff, `tunnel TLV (type ${t.type})`);
}

export function tunnelEncapLength(m: TunnelEncap): number {
  let n = 0;
  for (const t of m.tunnels) n += 4 + tunnelValueLength(t);
  return n;
}

export function encodeTunnelEncap(m: TunnelEncap, w: Writer): void {
  for (const t of m.tunnels) {
    w.u16(t.type);
    w.u16(tunnelValueLength(t));
    for (const s of t.subTlvs) {
      const v = subTlvValueLength(s);
      w.u8(s.type);
      if (s.type < 128) w.u8(v);
      else w.u16(v);
      writeSubTlvValue(w, s);
    }
  }
}

function writeSubTlvValue(w: Writer, t: SubTlv): void {
  switch (t.kind) {
    case 'raw': return w.bytes(t.value);
    case 'vxlan':
      w.u8(t.flags);
      w.u24(t.vnId);
      w.bytes(t.mac);
      return w.u16(t.reserved);
    case 'vxlan-gpe':
      w.u8(t.flags);
      w.u24(t.reserved);
      w.u24(t.vnId);
      return w.u8(t.reserved2);
    case 'l2tpv3':
      w.u32(t.sessionId);
      return w.bytes(t.cookie);
    case 'gre-key': return w.u32(t.key);
    case 'protocol-type': return w.u16(t.ethertype);
    case 'color':
      w.u8(0x03);
      w.u8(0x0b);
      w.u16(t.flags);
      return w.u32(t.color);
    case 'egress-endpoint':
      w.u32(t.reserved);
      w.u16(t.afi);
      return w.bytes(t.address);
    case 'ds-field':
    case 'embedded-label-handling':
      return w.u8(t.value);
    case 'udp-port': return w.u16(t.port);
    case 'label-stack':
      for (const e of t.entries) writeLabelEntry(w, e);
      return;
    case 'prefix-sid':
      for (const x of t.tlvs) {
        w.u8(x.type);
        if (x.kind === 'raw') {
          w.u16(x.value.length);
          w.bytes(x.value);
        } else {
          w.u16(7);
          w.u8(x.reserved);
          w.u16(x.flags);
          w.u32(x.labelIndex);
        }
      }
      return;
    case 'preference':
      w.u8(t.flags);
      w.u8(t.reserved);
      return w.u32(t.preference);
    case 'binding-sid':
      w.u8(t.flags);
      w.u8(t.reserved);
      if (t.label) writeLabelEntry(w, t.label);
      else if (t.sid) w.bytes(t.sid);
      return;
    case 'srv6-binding-sid':
      w.u8(t.flags);
      w.u8(t.reserved);
      w.bytes(t.sid);
      if (t.structure) writeStructure(w, t.structure);
      return;
    case 'enlp':
      w.u8(t.flags);
      w.u8(t.reserved);
      return w.u8(t.enlp);
    case 'priority':
      w.u8(t.priority);
      return w.u8(t.reserved);
    case 'name':
      w.u8(t.reserved);
      return w.bytes(UTF8_OUT.encode(t.name));
    case 'segment-list':
      w.u8(t.reserved);
      for (const s of t.subTlvs) writeSegmentListSubTlv(w, s);
      return;
  }
}

function writeSegmentListSubTlv(w: Writer, s: SegmentListSubTlv): void {
  w.u8(s.type);
  w.u8(segmentSubTlvValueLength(s));
  writeSegmentSubTlvValue(w, s);
}
