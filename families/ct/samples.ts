/**
 * Canonical Classful Transport NLRIs (docs/ADDING-A-FAMILY.md §3). RFC 9832 has no hex examples:
 * the bytes are laid out by hand from RFC 8277 §2.2-2.4 and RFC 4364 §4.3.4 (the layout RFC 9832
 * gives SAFI 76): length in bits, label entries (label << 4 | S), RD, Transport Endpoint.
 */
import type { Sample } from '../../src/registry/samples.js';

export const samples: readonly Sample[] = [
  {
    family: 'ipv4/classful-transport',
    hex: '78' + '003E81' + '0000FDE800000064' + 'C0000201',
    args: ['rd', '0:65000:100', 'label', '1000', 'prefix', '192.0.2.1/32'],
    note: 'CT route to a transport endpoint /32: RD type 0, one label (RFC 9832, RFC 8277 §2.2)',
  },
  {
    family: 'ipv4/classful-transport',
    hex: '78' + '006401' + '0001C000020100C8' + 'C0000202',
    args: ['rd', '1:192.0.2.1:200', 'label', '1600', 'prefix', '192.0.2.2/32'],
    note: 'RD type 1 (IPv4 administrator: the advertising BN, RFC 9832 uses RD:EP), RFC 4364 §4.2',
  },
  {
    family: 'ipv4/classful-transport',
    hex: '90' + '000640' + '0000C1' + '0000000100000001' + 'C0000203',
    args: ['rd', '0:1:1', 'label', '100', 'label', '12', 'prefix', '192.0.2.3/32'],
    note: 'two-label stack, S bit on the last (RFC 8277 §2.3)',
  },
  {
    family: 'ipv4/classful-transport',
    hex: '78' + '800000' + '0000FDE800000064' + 'C0000201',
    args: ['rd', '0:65000:100', 'withdraw', '0x800000', 'prefix', '192.0.2.1/32'],
    note: 'withdrawal: the label field is the Compatibility value 0x800000 (RFC 8277 §2.4)',
  },
  {
    family: 'ipv6/classful-transport',
    hex: 'D8' + '003E81' + '0000FDE800000064' + '20010DB8000000000000000000000001',
    args: ['rd', '0:65000:100', 'label', '1000', 'prefix', '2001:db8::1/128'],
    note: 'CT route to an IPv6 transport endpoint /128 (RFC 9832, RFC 4659 §3.2)',
  },
];
