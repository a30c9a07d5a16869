/**
 * Prefix-SID value bytes <-> model. RFC 8669 §3 (TLV framing: 1-octet type, 2-octet length),
 * §3.1 (Label-Index: length 7), §3.2 (Originator SRGB: 2 + 6n octets), §6 (malformed: a TLV
 * length that does not fit its TLV's constraints or runs past the attribute); RFC 9252 §2 (SRv6
 * Service TLV: reserved octet + sub-TLVs), §3 (sub-TLV framing, 1-octet type, 2-octet length),
 * §3.1 (SID Information: at least 21 octets), §3.2 (sub-sub-TLV framing), §3.2.1 (SID
 * Structure: 6 octets).
 *
 * Every loop reads a 3-octet header and moves past the value (a zero length still advances);
 * every inner length is checked with `r.limit`.
 */
import { modelError } from '../../src/core/errors.js';
import type { Reader } from '../../src/core/reader.js';
import type { Writer } from '../../src/core/writer.js';
import {
  isRaw,
  type PrefixSid,
  type PrefixSidTlv,
  type SrgbRange,
  type Srv6SubSubTlv,
  type Srv6SubTlv,
  TLV_LABEL_INDEX,
  TLV_ORIGINATOR_SRGB,
  TLV_SRV6_L2_SERVICE,
  TLV_SRV6_L3_SERVICE,
} from './model.js';

function readSubSub(r: Reader): Srv6SubSubTlv {
  const at = r.pos;
  const type = r.u8('sub-sub-TLV type');
  const len = r.u16('sub-sub-TLV length');
  if (type === 1) {
    if (len !== 6) r.fail('bad-length', `SRv6 SID Structure sub-sub-TLV length ${len}, want 6`, at + 1);
    const old = r.limit(6, 'SRv6 SID Structure length');
    const s = {
      type: 1 as const,
      locatorBlockLength: r.u8(),
      locatorNodeLength: r.u8(),
      functionLength: r.u8(),
      argumentLength: r.u8(),
      transpositionLength: r.u8(),
      transpositionOffset: r.u8(),
    };
    r.restore(old);
    return s;
  }
  return { type, raw: r.bytes(len, 'sub-sub-TLV value') };
}

function readSub(r: Reader): Srv6SubTlv {
  const at = r.pos;
  const type = r.u8('sub-TLV type');
  const len = r.u16('sub-TLV length');
  if (type !== 1) return { type, raw: r.bytes(len, 'sub-TLV value') };
  const old = r.limit(len, 'SRv6 SID Information length');
  if (len < 21) r.fail('bad-length', `SRv6 SID Information sub-TLV length ${len}, want at least 21`, at + 1);
  const reserved1 = r.u8();
  const sid = r.bytes(16, 'SRv6 SID');
  const sidFlags = r.u8();
  const behavior = r.u16();
  const reserved2 = r.u8();
  const subSubTlvs: Srv6SubSubTlv[] = [];
  while (r.pos < r.end) subSubTlvs.push(readSubSub(r));
  r.restore(old);
  return { type: 1, reserved1, sid, sidFlags, behavior, reserved2, subSubTlvs };
}

function readTlv(r: Reader): PrefixSidTlv {
  const at = r.pos;
  const type = r.u8('TLV type');
  const len = r.u16('TLV length');
  const old = r.limit(len, 'TLV length');
  let t: PrefixSidTlv;
  switch (type) {
    case TLV_LABEL_INDEX:
      if (len !== 7) r.fail('bad-length', `Label-Index TLV length ${len}, want 7`, at + 1);
      t = { type: 1, reserved: r.u8(), flags: r.u16(), labelIndex: r.u32() };
      break;
    case TLV_ORIGINATOR_SRGB: {
      if (len < 8 || (len - 2) % 6 !== 0) r.fail('bad-length', `Originator SRGB TLV length ${len}, want 2 + 6n with n >= 1`, at + 1);
      const flags = r.u16();
      const srgb: SrgbRange[] = [];
      while (r.pos < r.end) srgb.push({ base: r.u24(), range: r.u24() });
      t = { type: 3, flags, srgb };
      break;
    }
    case TLV_SRV6_L3_SERVICE:
    case TLV_SRV6_L2_SERVICE: {
      if (len < 1) r.fail('bad-length', `SRv6 Service TLV length ${len}, want at least 1`, at + 1);
      const reserved = r.u8();
      const subTlvs: Srv6SubTlv[] = [];
      while (r.pos < r.end) subTlvs.push(readSub(r));
      t = { type, reserved, subTlvs };
      break;
    }
    default:
      t = { type, raw: r.bytes(len) };
  }
  r.restore(old);
  return t;
}

/**
 * Decode the value (reader limited to it). An empty value is malformed (RFC 8669 §6: "not
 * meeting the minimum attribute length requirement").
 */
export function decodePrefixSid(r: Reader): PrefixSid {
  if (r.pos >= r.end) r.fail('bad-length', 'Prefix-SID attribute with no TLV');
  const tlvs: PrefixSidTlv[] = [];
  while (r.pos < r.end) tlvs.push(readTlv(r));
  return { tlvs };
}

// ---- measure / check / write ----

function uint(v: unknown, max: number, what: string): void {
  if (typeof v !== 'number' || !Number.isInteger(v) || v < 0 || v > max) modelError(`prefix-sid: ${what} must be an integer 0..${max}`);
}

function rawLen(t: { type: number; raw: Uint8Array }, what: string): number {
  uint(t.type, 0xff, `${what} type`);
  if (!(t.raw instanceof Uint8Array)) modelError(`prefix-sid: ${what} raw must be bytes`);
  if (t.raw.length > 0xffff) modelError(`prefix-sid: ${what} over 65535 octets`);
  return 3 + t.raw.length;
}

function subSubLen(t: Srv6SubSubTlv): number {
  if (isRaw(t)) return rawLen(t, 'sub-sub-TLV');
  if (t.type !== 1) modelError('prefix-sid: typed sub-sub-TLV must be type 1 (SID Structure)');
  uint(t.locatorBlockLength, 0xff, 'locator-block-length');
  uint(t.locatorNodeLength, 0xff, 'locator-node-length');
  uint(t.functionLength, 0xff, 'function-length');
  uint(t.argumentLength, 0xff, 'argument-length');
  uint(t.transpositionLength, 0xff, 'transposition-length');
  uint(t.transpositionOffset, 0xff, 'transposition-offset');
  return 9;
}

function subLen(t: Srv6SubTlv): number {
  if (isRaw(t)) return rawLen(t, 'sub-TLV');
  if (t.type !== 1) modelError('prefix-sid: typed sub-TLV must be type 1 (SID Information)');
  uint(t.reserved1, 0xff, 'reserved1');
  uint(t.reserved2, 0xff, 'reserved2');
  uint(t.sidFlags, 0xff, 'sid-flags');
  uint(t.behavior, 0xffff, 'endpoint-behavior');
  if (!(t.sid instanceof Uint8Array) || t.sid.length !== 16) modelError('prefix-sid: SRv6 SID must be 16 octets');
  let n = 3 + 21;
  for (const s of t.subSubTlvs) n += subSubLen(s);
  if (n - 3 > 0xffff) modelError('prefix-sid: SID Information sub-TLV over 65535 octets');
  return n;
}

function tlvLen(t: PrefixSidTlv): number {
  if (isRaw(t)) return rawLen(t, 'TLV');
  switch (t.type) {
    case 1:
      uint(t.reserved, 0xff, 'label-index reserved');
      uint(t.flags, 0xffff, 'label-index flags');
      uint(t.labelIndex, 0xffffffff, 'label-index');
      return 10;
    case 3: {
      uint(t.flags, 0xffff, 'srgb flags');
      for (const g of t.srgb) {
        uint(g.base, 0xffffff, 'srgb base');
        uint(g.range, 0xffffff, 'srgb range');
      }
      const n = 5 + 6 * t.srgb.length;
      if (n - 3 > 0xffff) modelError('prefix-sid: Originator SRGB TLV over 65535 octets');
      return n;
    }
    case 5:
    case 6: {
      uint(t.reserved, 0xff, 'service reserved');
      let n = 4;
      for (const s of t.subTlvs) n += subLen(s);
      if (n - 3 > 0xffff) modelError('prefix-sid: SRv6 Service TLV over 65535 octets');
      return n;
    }
    default:
      return modelError(`prefix-sid: TLV type ${(t as { type: number }).type} has no typed form (use raw)`);
  }
}

export function prefixSidLength(m: PrefixSid): number {
  if (m === null || typeof m !== 'object' || !Array.isArray(m.tlvs)) modelError('prefix-sid: model must have a tlvs array');
  let n = 0;
  for (const t of m.tlvs) n += tlvLen(t);
  return n;
}

function writeSubSub(t: Srv6SubSubTlv, w: Writer): void {
  w.u8(t.type);
  if (isRaw(t)) {
    w.u16(t.raw.length);
    w.bytes(t.raw);
    return;
  }
  w.u16(6);
  w.u8(t.locatorBlockLength);
  w.u8(t.locatorNodeLength);
  w.u8(t.functionLength);
  w.u8(t.argumentLength);
  w.u8(t.transpositionLength);
  w.u8(t.transpositionOffset);
}

function writeSub(t: Srv6SubTlv, w: Writer): void {
  w.u8(t.type);
  if (isRaw(t)) {
    w.u16(t.raw.length);
    w.bytes(t.raw);
    return;
  }
  w.u16(subLen(t) - 3);
  w.u8(t.reserved1);
  w.bytes(t.sid);
  w.u8(t.sidFlags);
  w.u16(t.behavior);
  w.u8(t.reserved2);
  for (const s of t.subSubTlvs) writeSubSub(s, w);
}

export function encodePrefixSid(m: PrefixSid, w: Writer): void {
  for (const t of m.tlvs) {
    w.u8(t.type);
    if (isRaw(t)) {
      w.u16(t.raw.length);
      w.bytes(t.raw);
      continue;
    }
    w.u16(tlvLen(t) - 3);
    switch (t.type) {
      case 1:
        w.u8(t.reserved);
        w.u16(t.flags);
        w.u32(t.labelIndex);
        break;
      case 3:
        w.u16(t.flags);
        for (const g of t.srgb) {
          w.u24(g.base);
          w.u24(g.range);
        }
        break;
      default:
        w.u8(t.reserved);
        for (const s of t.subTlvs) writeSub(s, w);
    }
  }
}

/**
 * RFC 9252 §7 / RFC 8669 §6: the RFC 7606 action for a Prefix-SID value that failed to decode
 * with `err`: "treat-as-withdraw" when the malformed part is an SRv6 Service TLV (type 5 or 6,
 * including one whose length runs past the attribute), "attribute-discard" otherwise. The
 * codec's static `onMalformed` is the RFC 8669 answer; the update layer can ask this for the
 * exact one (see docs/attributes/prefix-sid.md).
 */
export function prefixSidMalformedAction(value: Uint8Array, err: { readonly offset: number }): 'attribute-discard' | 'treat-as-withdraw' {
  let p = 0;
  while (p + 3 <= value.length) {
    const type = value[p]!;
    const next = p + 3 + ((value[p + 1]! << 8) | value[p + 2]!);
    // An error at `next` is a read that ran off this TLV's end (the next header is read from its first octet on).
    if (err.offset <= next || next > value.length) return type === 5 || type === 6 ? 'treat-as-withdraw' : 'attribute-discard';
    p = next;
  }
  return 'attribute-discard';
}
