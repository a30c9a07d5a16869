/**
 * Valid Prefix-SID models (RFC 8669 §3.1-§3.2, RFC 9252 §2-§3.2.1), keyed by attribute type
 * code: Label-Index (any reserved/flags/32-bit index), Originator SRGB (1-4 ranges), SRv6 L3/L2
 * Service TLVs with SID Information sub-TLVs (SID structure and raw sub-sub-TLVs), raw
 * sub-TLVs, and raw TLVs of the other types, in any order.
 */
import fc from 'fast-check';
import type { PrefixSid, PrefixSidTlv, Srv6SubSubTlv, Srv6SubTlv } from '../../../attributes/prefix-sid/model.js';

const u8 = fc.integer({ min: 0, max: 0xff });
const u16 = fc.integer({ min: 0, max: 0xffff });
const u24 = fc.integer({ min: 0, max: 0xffffff });

const subSub: fc.Arbitrary<Srv6SubSubTlv> = fc.oneof(
  fc.record({
    type: fc.constant(1 as const),
    locatorBlockLength: u8,
    locatorNodeLength: u8,
    functionLength: u8,
    argumentLength: u8,
    transpositionLength: u8,
    transpositionOffset: u8,
  }),
  fc.record({ type: fc.integer({ min: 2, max: 255 }), raw: fc.uint8Array({ maxLength: 12 }) }),
);

const sub: fc.Arbitrary<Srv6SubTlv> = fc.oneof(
  fc.record({
    type: fc.constant(1 as const),
    reserved1: u8,
    sid: fc.uint8Array({ minLength: 16, maxLength: 16 }),
    sidFlags: u8,
    behavior: u16,
    reserved2: u8,
    subSubTlvs: fc.array(subSub, { maxLength: 3 }),
  }),
  fc.record({ type: fc.integer({ min: 2, max: 255 }), raw: fc.uint8Array({ maxLength: 12 }) }),
);

const tlv: fc.Arbitrary<PrefixSidTlv> = fc.oneof(
  fc.record({ type: fc.constant(1 as const), reserved: u8, flags: u16, labelIndex: fc.integer({ min: 0, max: 0xffffffff }) }),
  fc.record({ type: fc.constant(3 as const), flags: u16, srgb: fc.array(fc.record({ base: u24, range: u24 }), { minLength: 1, maxLength: 4 }) }),
  fc.record({ type: fc.constantFrom(5 as const, 6 as const), reserved: u8, subTlvs: fc.array(sub, { maxLength: 3 }) }),
  fc.record({ type: fc.constantFrom(0, 2, 4, 7, 8, 200, 255), raw: fc.uint8Array({ maxLength: 16 }) }),
);

export const prefixSidArb: fc.Arbitrary<PrefixSid> = fc.array(tlv, { minLength: 1, maxLength: 5 }).map((tlvs) => ({ tlvs }));

export const arbitraries: Record<number, fc.Arbitrary<PrefixSid>> = { 40: prefixSidArb };
