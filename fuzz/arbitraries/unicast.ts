/**
 * Valid unicast / multicast models (RFC 4271 §4.3, RFC 4760 §5): any prefix length of the AFI,
 * ceil(len/8) random octets (host bits past the length included: they are kept on the wire).
 */
import fc from 'fast-check';
import type { UnicastNlri } from '../../families/unicast/model.js';

export function unicastArb(v6: boolean): fc.Arbitrary<UnicastNlri> {
  return fc
    .integer({ min: 0, max: v6 ? 128 : 32 })
    .chain((len) => fc.uint8Array({ minLength: (len + 7) >>> 3, maxLength: (len + 7) >>> 3 }).map((addr): UnicastNlri => ({ prefix: { v6, len, addr } })));
}

export const arbitraries = {
  'ipv4/unicast': unicastArb(false),
  'ipv6/unicast': unicastArb(true),
  'ipv4/multicast': unicastArb(false),
  'ipv6/multicast': unicastArb(true),
};
