/**
 * Valid models of the community attributes, keyed by type code: COMMUNITIES (8, RFC 1997),
 * EXTENDED_COMMUNITIES (16, RFC 4360: every typed kind of extended-wire.ts through its type and
 * sub-type, plus random ones), IPv6 extended (25, RFC 5701), LARGE_COMMUNITY (32, RFC 8092).
 * Extended and IPv6 models are made by decoding octets, so every one is canonical.
 */
import fc from 'fast-check';
import type { Communities, ExtendedCommunities, Ipv6ExtendedCommunities, LargeCommunities } from '../../../attributes/communities/model.js';
import { decodeExtended } from '../../../attributes/communities/extended-wire.js';
import { decodeIpv6Extended } from '../../../attributes/communities/ipv6.js';

const u32 = fc.integer({ min: 0, max: 0xffffffff });

/** Type/sub-type pairs with a typed kind (and a few neighbours that stay raw). */
const TYPES = [
  0x0002, 0x0003, 0x0102, 0x0103, 0x0202, 0x0203, 0x4002, 0x4003, 0x4102, 0x4202, 0x010c, 0x4004,
  0x8006, 0x800c, 0x8007, 0x8008, 0x8108, 0x8208, 0x8009, 0x800a, 0x0800,
  0x0600, 0x0601, 0x0602, 0x0603, 0x0604, 0x030b, 0x030c, 0x030d, 0x0c00, 0x0005,
];

/** Value octets biased to zero so the typed kinds' reserved-bit checks pass often. */
const value6 = fc.oneof(
  fc.uint8Array({ minLength: 6, maxLength: 6 }),
  fc.tuple(fc.integer({ min: 0, max: 5 }), fc.integer({ min: 0, max: 255 })).map(([i, v]) => {
    const b = new Uint8Array(6);
    b[i] = v;
    return b;
  }),
);

const ext8 = fc.oneof(
  fc.tuple(fc.constantFrom(...TYPES), value6).map(([t, v]) => {
    const b = new Uint8Array(8);
    b[0] = t >> 8;
    b[1] = t & 0xff;
    b.set(v, 2);
    return decodeExtended(b, 0);
  }),
  fc.uint8Array({ minLength: 8, maxLength: 8 }).map((b) => decodeExtended(b, 0)),
);

const ext20 = fc
  .tuple(fc.constantFrom(0x0002, 0x0003, 0x4002, 0x4003, 0x000c, 0x000d, 0x0005), fc.uint8Array({ minLength: 16, maxLength: 16 }), fc.integer({ min: 0, max: 0xffff }))
  .map(([t, ip, l]) => {
    const b = new Uint8Array(20);
    b[0] = t >> 8;
    b[1] = t & 0xff;
    b.set(ip, 2);
    b[18] = l >> 8;
    b[19] = l & 0xff;
    return decodeIpv6Extended(b, 0);
  });

export const arbitraries: Record<number, fc.Arbitrary<unknown>> = {
  8: fc.array(u32, { minLength: 1, maxLength: 20 }).map((communities): Communities => ({ communities })),
  16: fc.array(ext8, { minLength: 1, maxLength: 12 }).map((communities): ExtendedCommunities => ({ communities })),
  25: fc.array(ext20, { minLength: 1, maxLength: 6 }).map((communities): Ipv6ExtendedCommunities => ({ communities })),
  32: fc
    .array(fc.record({ global: u32, local1: u32, local2: u32 }), { minLength: 1, maxLength: 10 })
    .map((communities): LargeCommunities => ({ communities })),
};
