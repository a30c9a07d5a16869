/**
 * Canonical MDT NLRIs (docs/ADDING-A-FAMILY.md §3), built from the RFC 6037 layout:
 * 0x80 (128 bits) | RD (8) | PE IPv4 address (4) | group address (4).
 */
import type { Sample } from '../../src/registry/samples.js';

export const samples: readonly Sample[] = [
  {
    family: 'ipv4/mdt',
    hex: '800000FDE800000064C0000201EF010101',
    args: ['rd', '0:65000:100', 'source', '192.0.2.1', 'group', '239.1.1.1'],
    note: 'default MDT of a VPN: RD type 0, the PE 192.0.2.1, group 239.1.1.1 (RFC 6037 MDT SAFI)',
  },
  {
    family: 'ipv4/mdt',
    hex: '800001C63364010007C6336401E8000001',
    args: ['rd', '1:198.51.100.1:7', 'source', '198.51.100.1', 'group', '232.0.0.1'],
    note: 'RD type 1 (RFC 4364 §4.2) and an SSM group (232/8): the PIM-SSM default MDT case of RFC 6037',
  },
  {
    family: 'ipv4/mdt',
    hex: '80000200010001000AC0000202EF000001',
    args: ['rd', '2:65537:10', 'source', '192.0.2.2', 'group', '239.0.0.1'],
    note: 'RD type 2, a 4-octet AS administrator (RFC 4364 §4.2)',
  },
];
