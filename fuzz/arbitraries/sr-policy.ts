/**
 * Valid SR Policy models (RFC 9830 §2.1): any 32-bit Distinguisher and Policy Color (edges
 * 0 and 2^32-1 often), an endpoint of the family's address family (IPv4 4 octets, IPv6 16),
 * the null endpoint (RFC 9256 §8.8.1) now and then.
 */
import fc from 'fast-check';
import type { SrPolicyNlri } from '../../families/sr-policy/model.js';

const u32 = fc.oneof(fc.constantFrom(0, 1, 0xffffffff), fc.integer({ min: 0, max: 0xffffffff }));

function srPolicyArb(v6: boolean): fc.Arbitrary<SrPolicyNlri> {
  const n = v6 ? 16 : 4;
  const endpoint = fc.oneof({ weight: 1, arbitrary: fc.constant(new Uint8Array(n)) }, { weight: 6, arbitrary: fc.uint8Array({ minLength: n, maxLength: n }) });
  return fc.record({ distinguisher: u32, color: u32, endpoint });
}

export const arbitraries = {
  'ipv4/sr-policy': srPolicyArb(false),
  'ipv6/sr-policy': srPolicyArb(true),
};
