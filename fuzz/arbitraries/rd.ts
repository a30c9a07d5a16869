/**
 * Route Distinguishers (RFC 4364 §4.2) for the VPN-like arbitraries: mostly the assigned types
 * (0: 2-octet AS + 4-octet number, 1: IPv4 address + 2-octet number, 2: 4-octet AS + 2-octet
 * number), which other implementations print as `admin:assigned` so interop tests compare them,
 * and some of any other type (raw octets) that decoders must still carry through.
 */
import fc from 'fast-check';

const typed = (type: number): fc.Arbitrary<Uint8Array> =>
  fc.uint8Array({ minLength: 6, maxLength: 6 }).map((v) => Uint8Array.of(0, type, ...v));

/** 8 octets: types 0, 1, 2 six times in seven, an unassigned type (3-65535) otherwise. */
export const rdArb: fc.Arbitrary<Uint8Array> = fc.oneof(
  { arbitrary: typed(0), weight: 2 },
  { arbitrary: typed(1), weight: 2 },
  { arbitrary: typed(2), weight: 2 },
  {
    arbitrary: fc
      .tuple(fc.integer({ min: 3, max: 0xffff }), fc.uint8Array({ minLength: 6, maxLength: 6 }))
      .map(([t, v]) => Uint8Array.of(t >> 8, t & 0xff, ...v)),
    weight: 1,
  },
);
