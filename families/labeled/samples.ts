/** Canonical labeled-unicast NLRIs (docs/ADDING-A-FAMILY.md §3); the bytes are Ze's vectors where one exists. */
import type { Sample } from '../../src/registry/samples.js';

export const samples: readonly Sample[] = [
  {
    family: 'ipv4/mpls-label',
    hex: '3003E801C0A801',
    args: ['prefix', '192.168.1.0/24', 'label', '16000'],
    note: 'one label bound to an IPv4 prefix (RFC 8277 §2.2)',
  },
  {
    family: 'ipv4/mpls-label',
    hex: '38000640000C810A',
    args: ['prefix', '10.0.0.0/8', 'label', '100', 'label', '200'],
    note: 'two labels, S bit on the last (RFC 8277 §2.3, Multiple Labels Capability)',
  },
  {
    family: 'ipv4/mpls-label',
    hex: '18000031',
    args: ['prefix', '0.0.0.0/0', 'label', '3'],
    note: 'default route with the implicit-null label 3: no prefix octets (RFC 8277 §2.2)',
  },
  {
    family: 'ipv4/mpls-label',
    hex: '308000000A0000',
    args: ['prefix', '10.0.0.0/24', 'withdraw', '0x800000'],
    note: 'withdrawal: Compatibility field 0x800000 instead of a label (RFC 8277 §2.4)',
  },
  {
    family: 'ipv6/mpls-label',
    hex: '48003E8120010DB80001',
    args: ['prefix', '2001:db8:1::/48', 'label', '1000'],
    note: 'one label bound to an IPv6 prefix (RFC 8277 §2.2)',
  },
];
