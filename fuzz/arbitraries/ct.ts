/**
 * Valid Classful Transport models (RFC 9832: the RFC 8277 labeled VPN layout of SAFI 128): the
 * VPN family's generator (RDs mostly of types 0/1/2, 1..n labels within the 255-bit length, the
 * RFC 8277 §2.4 withdrawal, any prefix length), with Transport Endpoints of host length (/32,
 * /128, what RFC 9832 advertises) half of the time.
 */
import fc from 'fast-check';
import type { VpnNlri } from '../../families/vpn/model.js';
import { vpnArb } from './vpn.js';

function ctArb(v6: boolean): fc.Arbitrary<VpnNlri> {
  const n = v6 ? 16 : 4;
  const host = fc
    .record({ vpn: vpnArb(v6), addr: fc.uint8Array({ minLength: n, maxLength: n }), label: fc.integer({ min: 16, max: 0xfffff }) })
    .map(({ vpn, addr, label }): VpnNlri => ({ ...vpn, withdraw: false, labels: [label], tc: undefined, prefix: { v6, len: n * 8, addr } }))
    .map(({ tc: _tc, ...m }) => m);
  return fc.oneof(vpnArb(v6), host);
}

export const arbitraries = {
  'ipv4/classful-transport': ctArb(false),
  'ipv6/classful-transport': ctArb(true),
};
