/** Canonical VPN NLRIs (docs/ADDING-A-FAMILY.md §3); the bytes are Ze's vectors where one exists. */
import type { Sample } from '../../src/registry/samples.js';

export const samples: readonly Sample[] = [
  {
    family: 'ipv4/mpls-vpn',
    hex: '70003E810000FDE8000000640A0000',
    args: ['rd', '0:65000:100', 'label', '1000', 'prefix', '10.0.0.0/24'],
    note: 'VPN-IPv4 route, RD type 0 (RFC 4364 §4.3.4, §4.2), one label (RFC 8277 §2.2)',
  },
  {
    family: 'ipv4/mpls-vpn',
    hex: '700006410001C000020100640A0001',
    args: ['rd', '1:192.0.2.1:100', 'label', '100', 'prefix', '10.0.1.0/24'],
    note: 'RD type 1: IPv4 administrator (RFC 4364 §4.2)',
  },
  {
    family: 'ipv4/mpls-vpn',
    hex: '700006410002FA56EA0100640A0002',
    args: ['rd', '2:4200000001:100', 'label', '100', 'prefix', '10.0.2.0/24'],
    note: 'RD type 2: 4-octet AS administrator (RFC 4364 §4.2)',
  },
  {
    family: 'ipv4/mpls-vpn',
    hex: 'A0000640000C800012C100000001000000010A0000',
    args: ['rd', '0:1:1', 'label', '100', 'label', '200', 'label', '300', 'prefix', '10.0.0.0/24'],
    note: 'three-label stack, S bit on the last (RFC 8277 §2.3)',
  },
  {
    family: 'ipv4/mpls-vpn',
    hex: '708000000000FDE8000000640A0000',
    args: ['rd', '0:65000:100', 'withdraw', '0x800000', 'prefix', '10.0.0.0/24'],
    note: 'withdrawal: the label field is the Compatibility value 0x800000 (RFC 8277 §2.4)',
  },
  {
    family: 'ipv4/mpls-vpn',
    hex: '580006410000000100000001',
    args: ['rd', '0:1:1', 'label', '100', 'prefix', '0.0.0.0/0'],
    note: 'default route: zero prefix octets (RFC 4364 §4.3.4)',
  },
  {
    family: 'ipv6/mpls-vpn',
    hex: '88003E810000FDE80000006420010DB80001',
    args: ['rd', '0:65000:100', 'label', '1000', 'prefix', '2001:db8:1::/48'],
    note: 'VPN-IPv6 route (RFC 4659 §3.2)',
  },
  {
    family: 'ipv6/mpls-vpn',
    hex: 'D8000641000000010000000120010DB8000000000000000000000001',
    args: ['rd', '0:1:1', 'label', '100', 'prefix', '2001:db8::1/128'],
    note: 'VPN-IPv6 host route, /128 (RFC 4659 §3.2)',
  },
];
