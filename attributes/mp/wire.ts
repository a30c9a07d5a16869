/**
 * MP_REACH_NLRI (type 14) and MP_UNREACH_NLRI (type 15) values ↔ models.
 *
 * RFC 4760 §3:  AFI (2) | SAFI (1) | next-hop length (1) | next hop | reserved (1) | NLRI...
 * RFC 4760 §4:  AFI (2) | SAFI (1) | withdrawn routes...
 *
 * - The NLRI field is decoded through the family registry (`ctx.families.byAfiSafi`) with the
 *   generic `decodeAll`: ADD-PATH per family (RFC 7911), `withdraw` by direction (RFC 8277 §2.4),
 *   `strict`, `lossless`, `maxLabels`. An unknown AFI/SAFI keeps the field as bytes only.
 * - A next-hop length running past the value is malformed (RFC 7606 §7.11: the NLRI cannot be
 *   located); so is anything the family's codec refuses. Errors from the NLRI field are moved to
 *   offsets in the attribute value.
 * - Strict: the next-hop length must be one the family expects and the RDs zero (nexthop.ts).
 * - The reserved octet (RFC 4760 §3, formerly the SNPA count) is kept and written back.
 * - An empty MP_UNREACH_NLRI NLRI field is End-of-RIB (RFC 4724 §2).
 */
import { NlriError, modelError } from '../../src/core/errors.js';
import type { Reader } from '../../src/core/reader.js';
import type { Writer } from '../../src/core/writer.js';
import type { AttrContext } from '../../src/attributes/attribute.js';
import type { FamilyCodec, NlriBase } from '../../src/registry/family.js';
import { decodeAll } from '../../src/registry/ops.js';
import { familyText } from './family.js';
import type { MpReach, MpUnreach } from './model.js';
import { checkNextHop, nextHopOf } from './nexthop.js';

const NO_NLRI: readonly NlriBase[] = Object.freeze([]);

function decodeField(
  r: Reader,
  codec: FamilyCodec<any> | undefined,
  bytes: Uint8Array,
  addPath: boolean,
  withdraw: boolean,
  ctx: AttrContext,
  attribute: string,
): readonly NlriBase[] {
  if (codec === undefined || bytes.length === 0) return NO_NLRI;
  try {
    return decodeAll(codec, bytes, { addPath, withdraw, strict: ctx.strict, lossless: ctx.lossless, maxLabels: ctx.maxLabels });
  } catch (e) {
    // decodeAll's offsets count from the NLRI field; make them count from the value.
    if (e instanceof NlriError) throw e.inAttribute(attribute, r.pos - bytes.length - r.base);
    throw e;
  }
}

export function decodeMpReach(r: Reader, ctx: AttrContext): MpReach {
  const afi = r.u16('MP_REACH_NLRI AFI');
  const safi = r.u8('MP_REACH_NLRI SAFI');
  const lenAt = r.pos;
  const nhLen = r.u8('next hop length');
  if (nhLen + 1 > r.end - r.pos) {
    r.fail('bad-length', `next hop length ${nhLen} and the reserved octet need ${nhLen + 1} bytes, ${r.end - r.pos} left (RFC 7606 §7.11)`, lenAt);
  }
  const nhAt = r.pos;
  const codec = ctx.families.byAfiSafi(afi, safi);
  const nextHop = nextHopOf(r.bytes(nhLen, 'next hop'), safi);
  if (ctx.strict && codec) checkNextHop(r, nextHop, afi, safi, lenAt, nhAt);
  const reserved = r.u8('reserved');
  const nlriBytes = r.bytes(r.end - r.pos, 'NLRI');
  const family = familyText(afi, safi, codec);
  const addPath = ctx.addPath(family);
  const nlri = decodeField(r, codec, nlriBytes, addPath, false, ctx, 'mp-reach-nlri');
  return { afi, safi, family, codec, nextHop, reserved, nlri, nlriBytes, addPath };
}

export function decodeMpUnreach(r: Reader, ctx: AttrContext): MpUnreach {
  const afi = r.u16('MP_UNREACH_NLRI AFI');
  const safi = r.u8('MP_UNREACH_NLRI SAFI');
  const codec = ctx.families.byAfiSafi(afi, safi);
  const nlriBytes = r.bytes(r.end - r.pos, 'withdrawn routes');
  const family = familyText(afi, safi, codec);
  const addPath = ctx.addPath(family);
  const nlri = decodeField(r, codec, nlriBytes, addPath, true, ctx, 'mp-unreach-nlri');
  return { afi, safi, family, codec, nlri, nlriBytes, addPath };
}

function checkCommon(m: MpReach | MpUnreach): void {
  if (!Number.isInteger(m.afi) || m.afi < 0 || m.afi > 0xffff) modelError(`AFI ${m.afi} out of range`, m.family);
  if (!Number.isInteger(m.safi) || m.safi < 0 || m.safi > 0xff) modelError(`SAFI ${m.safi} out of range`, m.family);
  if (!(m.nlriBytes instanceof Uint8Array)) modelError('nlriBytes must be bytes', m.family);
  // `nlriBytes` is what is written: a model with NLRIs but no bytes was built by hand.
  if (m.nlriBytes.length === 0 && m.nlri.length > 0) modelError('nlriBytes is empty but nlri is not: build models with mpReach() / mpUnreach()', m.family);
}

function fits(n: number, family: string): number {
  if (n > 0xffff) throw new NlriError('too-long', `attribute value of ${n} octets exceeds 65535`, family, -1);
  return n;
}

export function mpReachEncodingLength(m: MpReach): number {
  checkCommon(m);
  const nh = m.nextHop?.bytes;
  if (!(nh instanceof Uint8Array)) modelError('nextHop.bytes must be bytes', m.family);
  if (nh.length > 255) modelError(`next hop of ${nh.length} octets exceeds 255`, m.family);
  if (!Number.isInteger(m.reserved) || m.reserved < 0 || m.reserved > 0xff) modelError(`reserved octet ${m.reserved} out of range`, m.family);
  return fits(5 + nh.length + m.nlriBytes.length, m.family);
}

export function encodeMpReach(m: MpReach, w: Writer): void {
  w.u16(m.afi);
  w.u8(m.safi);
  w.u8(m.nextHop.bytes.length);
  w.bytes(m.nextHop.bytes);
  w.u8(m.reserved);
  w.bytes(m.nlriBytes);
}

export function mpUnreachEncodingLength(m: MpUnreach): number {
  checkCommon(m);
  return fits(3 + m.nlriBytes.length, m.family);
}

export function encodeMpUnreach(m: MpUnreach, w: Writer): void {
  w.u16(m.afi);
  w.u8(m.safi);
  w.bytes(m.nlriBytes);
}
