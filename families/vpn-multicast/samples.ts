/**
 * Canonical VPN multicast NLRIs (docs/ADDING-A-FAMILY.md §3): the SAFI 128 layout (RFC 4364
 * §4.3.4, RFC 4659 §3.2, RFC 8277 §2.2-2.4) on SAFI 129 (RFC 6513 §5.1.1, RFC 6514 §1).
 */
import type { Sample } from '../../src/registry/samples.js';

export const samples: readonly Sample[] = [
  {
    family: 'ipv4/mpls-vpn-multicast',
    hex: '70003E810000FDE8000000640A0000',
    args: ['rd', '0:65000:100', 'label', '1000', 'prefix', '10.0.0.0/24'],
    note: 'VPN-IPv4 multicast RPF route on SAFI 129: label, RD type 0, prefix (RFC 6513 §5.1.1, RFC 4364 §4.3.4)',
  },
  {
    family: 'ipv4/mpls-vpn-multicast',
    hex: '780006410001C0000201000AC0A80A01',
    args: ['rd', '1:192.0.2.1:10', 'label', '100', 'prefix', '192.168.10.1/32'],
    note: 'host route (a multicast source) with an RD of type 1 (RFC 4364 §4.2)',
  },
  {
    family: 'ipv4/mpls-vpn-multicast',
    hex: '708000000000FDE8000000640A0000',
    args: ['rd', '0:65000:100', 'withdraw', '0x800000', 'prefix', '10.0.0.0/24'],
    note: 'withdrawal: the label field is the Compatibility value 0x800000 (RFC 8277 §2.4)',
  },
  {
    family: 'ipv6/mpls-vpn-multicast',
    hex: '88003E810000FDE80000006420010DB80001',
    args: ['rd', '0:65000:100', 'label', '1000', 'prefix', '2001:db8:1::/48'],
    note: 'VPN-IPv6 multicast RPF route on SAFI 129 (RFC 4659 §3.2, RFC 6513 §5.1.1)',
  },
];
