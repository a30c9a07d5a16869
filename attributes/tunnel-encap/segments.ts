/**
 * Segment List sub-TLVs of an SR Policy (RFC 9830 §2.4.4): Weight (§2.4.4.1), segment types A
 * (§2.4.4.2.1, SR-MPLS SID) and B (§2.4.4.2.2, SRv6 SID with the optional Endpoint Behavior and
 * SID Structure of §2.4.4.2.4), and RFC 9831 §2.1-2.9 segment types C..K.
 *
 * Every segment is Type (1), Length (1), Flags (1), a second octet (SR Algorithm for C, D, I, J,
 * K; Reserved for A, B, E, F, G, H), the fixed fields of its type, then an optional SID: a 4-octet
 * SR-MPLS label entry (C..H; mandatory for A) or a 16-octet SRv6 SID (I..K; mandatory for B)
 * followed by the optional 8-octet structure. Which optional parts are present is read from the
 * Length (each combination has its own length); the flags are kept exactly as received. A length
 * that fits no combination is malformed (RFC 9830 §5: treat-as-withdraw).
 */
import { modelError } from '../../src/core/errors.js';
import type { Reader } from '../../src/core/reader.js';
import type { Writer } from '../../src/core/writer.js';
import type { LabelEntry, RawTlv, Segment, SegmentListSubTlv, SidStructure, WeightTlv } from './model.js';

export type FieldKind = 'u32' | 'v4' | 'v6';
export type SegmentField = 'localInterfaceId' | 'remoteInterfaceId' | 'nodeAddress' | 'localNodeAddress' | 'remoteNodeAddress' | 'localAddress' | 'remoteAddress';

export interface SegmentLayout {
  readonly letter: string;
  /** What the octet after the flags is. */
  readonly second: 'algorithm' | 'reserved';
  readonly fields: readonly (readonly [SegmentField, FieldKind])[];
  /** `mpls`/`srv6`: the SID is mandatory; with `?`: optional. */
  readonly tail: 'mpls' | 'mpls?' | 'srv6' | 'srv6?';
}

const SIZE: Record<FieldKind, number> = { u32: 4, v4: 4, v6: 16 };

/** Segment layouts by sub-TLV type (RFC 9830 §2.4.4.2, RFC 9831 §2). */
export const SEGMENT_LAYOUTS: Readonly<Record<number, SegmentLayout>> = {
  1: { letter: 'a', second: 'reserved', fields: [], tail: 'mpls' },
  13: { letter: 'b', second: 'reserved', fields: [], tail: 'srv6' },
  3: { letter: 'c', second: 'algorithm', fields: [['nodeAddress', 'v4']], tail: 'mpls?' },
  4: { letter: 'd', second: 'algorithm', fields: [['nodeAddress', 'v6']], tail: 'mpls?' },
  5: { letter: 'e', second: 'reserved', fields: [['localInterfaceId', 'u32'], ['nodeAddress', 'v4']], tail: 'mpls?' },
  6: { letter: 'f', second: 'reserved', fields: [['localAddress', 'v4'], ['remoteAddress', 'v4']], tail: 'mpls?' },
  7: {
    letter: 'g',
    second: 'reserved',
    fields: [['localInterfaceId', 'u32'], ['localNodeAddress', 'v6'], ['remoteInterfaceId', 'u32'], ['remoteNodeAddress', 'v6']],
    tail: 'mpls?',
  },
  8: { letter: 'h', second: 'reserved', fields: [['localAddress', 'v6'], ['remoteAddress', 'v6']], tail: 'mpls?' },
  14: { letter: 'i', second: 'algorithm', fields: [['nodeAddress', 'v6']], tail: 'srv6?' },
  15: {
    letter: 'j',
    second: 'algorithm',
    fields: [['localInterfaceId', 'u32'], ['localNodeAddress', 'v6'], ['remoteInterfaceId', 'u32'], ['remoteNodeAddress', 'v6']],
    tail: 'srv6?',
  },
  16: { letter: 'k', second: 'algorithm', fields: [['localAddress', 'v6'], ['remoteAddress', 'v6']], tail: 'srv6?' },
};

/** Flags + second octet + the fixed fields. */
export function fixedLength(l: SegmentLayout): number {
  let n = 2;
  for (const [, k] of l.fields) n += SIZE[k];
  return n;
}

/** The lengths a segment of this layout may have. */
export function allowedLengths(l: SegmentLayout): number[] {
  const f = fixedLength(l);
  switch (l.tail) {
    case 'mpls': return [f + 4];
    case 'mpls?': return [f, f + 4];
    case 'srv6': return [f + 16, f + 24];
    case 'srv6?': return [f, f + 16, f + 24];
  }
}

export function readLabelEntry(r: Reader, what: string): LabelEntry {
  const v = r.u32(what);
  return { label: Math.floor(v / 4096), tc: (v >>> 9) & 7, s: ((v >>> 8) & 1) === 1, ttl: v & 0xff };
}

export function writeLabelEntry(w: Writer, e: LabelEntry): void {
  w.u32(((e.label & 0xfffff) * 4096 + ((e.tc & 7) << 9) + (e.s ? 256 : 0) + (e.ttl & 0xff)) >>> 0);
}

export function readStructure(r: Reader): SidStructure {
  const endpointBehavior = r.u16('SRv6 endpoint behavior');
  const reserved = r.u16('reserved');
  return { endpointBehavior, reserved, locBlockLen: r.u8(), locNodeLen: r.u8(), funcLen: r.u8(), argLen: r.u8() };
}

export function writeStructure(w: Writer, s: SidStructure): void {
  w.u16(s.endpointBehavior);
  w.u16(s.reserved);
  w.u8(s.locBlockLen);
  w.u8(s.locNodeLen);
  w.u8(s.funcLen);
  w.u8(s.argLen);
}

/** Read one segment's value (the reader is limited to it); `at` is where its type octet is. */
function readSegment(r: Reader, type: number, l: SegmentLayout, at: number): Segment {
  const len = r.remaining;
  if (!allowedLengths(l).includes(len)) {
    r.fail('bad-length', `segment type ${l.letter.toUpperCase()} length ${len}: must be ${allowedLengths(l).join(' or ')} (RFC 9830 §2.4.4.2)`, at);
  }
  const seg: { -readonly [K in keyof Segment]: Segment[K] } = { kind: 'segment', type, flags: r.u8('segment flags') };
  if (l.second === 'algorithm') seg.algorithm = r.u8('SR algorithm');
  else seg.reserved = r.u8('reserved');
  for (const [name, k] of l.fields) {
    if (k === 'u32') (seg as Record<string, unknown>)[name] = r.u32(name);
    else (seg as Record<string, unknown>)[name] = r.bytes(SIZE[k], name);
  }
  if (l.tail === 'mpls' || l.tail === 'mpls?') {
    if (!r.atEnd()) seg.label = readLabelEntry(r, 'SR-MPLS SID');
  } else if (!r.atEnd()) {
    seg.sid = r.bytes(16, 'SRv6 SID');
    if (!r.atEnd()) seg.structure = readStructure(r);
  }
  return seg;
}

/** The Segment List sub-TLVs (the reader is limited to them, after the Reserved octet). */
export function readSegmentListSubTlvs(r: Reader): SegmentListSubTlv[] {
  const out: SegmentListSubTlv[] = [];
  while (!r.atEnd()) {
    const at = r.pos;
    const type = r.u8('segment list sub-TLV type');
    const len = r.u8('segment list sub-TLV length');
    const old = r.limit(len, 'segment list sub-TLV length');
    const layout = SEGMENT_LAYOUTS[type];
    if (type === 9) {
      if (len !== 6) r.fail('bad-length', `weight sub-TLV length ${len}: must be 6 (RFC 9830 §2.4.4.1)`, at);
      const w: WeightTlv = { kind: 'weight', type: 9, flags: r.u8(), reserved: r.u8(), weight: r.u32('weight') };
      out.push(w);
    } else if (layout) {
      out.push(readSegment(r, type, layout, at));
    } else {
      const raw: RawTlv = { kind: 'raw', type, value: r.bytes(len) };
      out.push(raw);
    }
    r.restore(old);
  }
  return out;
}

/** Value length of a segment (no type/length octets); a model error when its fields do not fit its type. */
export function segmentValueLength(s: Segment): number {
  const l = SEGMENT_LAYOUTS[s.type];
  if (!l) modelError(`segment type ${s.type} is not one of A..K: give it as raw`);
  let n = fixedLength(l);
  for (const [name, k] of l.fields) {
    const v = (s as unknown as Record<string, unknown>)[name];
    if (k === 'u32' ? typeof v !== 'number' : !(v instanceof Uint8Array) || v.length !== SIZE[k]) {
      modelError(`segment type ${l.letter.toUpperCase()}: ${name} must be ${k === 'u32' ? 'a number' : k === 'v4' ? 'an IPv4 address' : 'an IPv6 address'}`);
    }
  }
  if (l.tail === 'mpls' || l.tail === 'mpls?') {
    if (s.sid || s.structure) modelError(`segment type ${l.letter.toUpperCase()} carries an SR-MPLS SID, not an SRv6 SID`);
    if (s.label) n += 4;
    else if (l.tail === 'mpls') modelError('segment type A needs its label');
  } else {
    if (s.label) modelError(`segment type ${l.letter.toUpperCase()} carries an SRv6 SID, not a label`);
    if (s.sid) {
      if (s.sid.length !== 16) modelError('an SRv6 SID is 16 octets');
      n += 16;
      if (s.structure) n += 8;
    } else if (l.tail === 'srv6') modelError('segment type B needs its SRv6 SID');
    else if (s.structure) modelError(`segment type ${l.letter.toUpperCase()}: the SID structure needs the SRv6 SID`);
  }
  return n;
}

export function writeSegment(w: Writer, s: Segment): void {
  const l = SEGMENT_LAYOUTS[s.type]!;
  w.u8(s.flags);
  w.u8((l.second === 'algorithm' ? s.algorithm : s.reserved) ?? 0);
  for (const [name, k] of l.fields) {
    const v = (s as unknown as Record<string, unknown>)[name];
    if (k === 'u32') w.u32(v as number);
    else w.bytes(v as Uint8Array);
  }
  if (s.label) writeLabelEntry(w, s.label);
  if (s.sid) {
    w.bytes(s.sid);
    if (s.structure) writeStructure(w, s.structure);
  }
}

export function segmentSubTlvValueLength(t: SegmentListSubTlv): number {
  switch (t.kind) {
    case 'weight': return 6;
    case 'raw': return t.value.length;
    case 'segment': return segmentValueLength(t);
  }
}

export function writeSegmentSubTlvValue(w: Writer, t: SegmentListSubTlv): void {
  switch (t.kind) {
    case 'weight':
      w.u8(t.flags);
      w.u8(t.reserved);
      w.u32(t.weight);
      return;
    case 'raw':
      w.bytes(t.value);
      return;
    case 'segment':
      writeSegment(w, t);
  }
}
