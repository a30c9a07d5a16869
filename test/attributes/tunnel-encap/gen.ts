/** Structured random attribute values for the property tests (valid headers, random types and lengths). */
import fc from 'fast-check';
import { toHex } from '../../../src/core/hex.js';
import { tlv1, tlv2, tunnel } from './helpers.js';

// Structured random input: real TLV headers with random types and lengths, some lengths wrong.
const subTypes = fc.oneof(fc.constantFrom(1, 2, 4, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 20, 128, 129, 130), fc.integer({ min: 0, max: 255 }));
const segTypes = fc.oneof(fc.constantFrom(1, 3, 4, 5, 6, 7, 8, 9, 13, 14, 15, 16), fc.integer({ min: 0, max: 255 }));
const hexBytes = (max: number): fc.Arbitrary<string> => fc.uint8Array({ maxLength: max }).map((b) => toHex(b));
const segSub = fc.tuple(segTypes, fc.oneof(fc.constantFrom(6, 10, 14, 18, 22, 26, 34, 38, 42, 46, 50, 58, 66).chain((n) => fc.uint8Array({ minLength: n, maxLength: n }).map(toHex)), hexBytes(20)))
  .map(([t, v]) => tlv1(t, v));
const subTlv = fc.oneof(
  fc.tuple(subTypes, hexBytes(30)).map(([t, v]) => (t < 128 ? tlv1(t, v) : tlv2(t, v))),
  fc.tuple(hexBytes(1), fc.array(segSub, { maxLength: 4 })).map(([r, s]) => tlv2(128, (r || '00') + s.join(''))),
  fc.constantFrom('0C06000000000064', '0D06000005DC0000', '0408030B000000000064', '060A000000000001C0000201', '01080000000A00000A00', '010C8000000A0000000000000000'),
);
const tunnelHex = fc.tuple(fc.oneof(fc.constantFrom(1, 2, 8, 9, 10, 11, 12, 13, 15), fc.integer({ min: 0, max: 65535 })), fc.array(subTlv, { maxLength: 5 }))
  .map(([t, s]) => tunnel(t, ...s));
export const attrHex = fc.array(tunnelHex, { maxLength: 3 }).map((ts) => ts.join(''));
export const fromHexLoose = (h: string): Uint8Array => Uint8Array.from((h.length % 2 ? h + '0' : h).match(/../g) ?? [], (x) => parseInt(x, 16));

