/**
 * Canonical EVPN routes, one per route type (docs/ADDING-A-FAMILY.md §3). Types 1-5 are Ze's own
 * vectors (evpn.jsonl ids in the notes); types 6-11 and the VXLAN type 2 are written by hand from
 * the RFC layouts.
 */
import type { Sample } from '../../src/registry/samples.js';

const F = 'l2vpn/evpn';

export const samples: readonly Sample[] = [
  {
    family: F,
    hex: '02250000FDE800000064000000000000000000000000000030001122334455200A000001000101',
    args: ['type2', 'rd', '0:65000:100', 'esi', '00:00:00:00:00:00:00:00:00:00', 'ethernet-tag', '0', 'mac', '00:11:22:33:44:55', 'ip', '10.0.0.1', 'label', '16'],
    note: 'RFC 7432 §7.2 MAC/IP advertisement with an IPv4 address and MPLS label 16 (evpn-010)',
  },
  {
    family: F,
    hex: '02280000FDE80000006400000000000000000000000000003000112233445520' + '0A00000100271A00C350',
    args: ['type2', 'rd', '0:65000:100', 'esi', '00:00:00:00:00:00:00:00:00:00', 'ethernet-tag', '0', 'mac', '00:11:22:33:44:55', 'ip', '10.0.0.1', 'vni', '10010', 'vni', '50000'],
    note: 'RFC 8365 §5.1.3 / RFC 9135: MAC/IP route over VXLAN, L2 VNI 10010 and L3 VNI 50000 as the two 3-octet label fields (no BOS bit)',
  },
  {
    family: F,
    hex: '01190000FDE800000064000102030405060708090000000A000101',
    args: ['type1', 'rd', '0:65000:100', 'esi', '00:01:02:03:04:05:06:07:08:09', 'ethernet-tag', '10', 'label', '16'],
    note: 'RFC 7432 §7.1 Ethernet Auto-Discovery (evpn-015)',
  },
  {
    family: F,
    hex: '03110000FDE80000006400000000200A000001',
    args: ['type3', 'rd', '0:65000:100', 'ethernet-tag', '0', 'ip', '10.0.0.1'],
    note: 'RFC 7432 §7.3 Inclusive Multicast Ethernet Tag (evpn-009, evpn-043)',
  },
  {
    family: F,
    hex: '04170000FDE80000006400010203040506070809200A000001',
    args: ['type4', 'rd', '0:65000:100', 'esi', '00:01:02:03:04:05:06:07:08:09', 'ip', '10.0.0.1'],
    note: 'RFC 7432 §7.4 Ethernet Segment (evpn-017)',
  },
  {
    family: F,
    hex: '052200000001000000010000000000000000000000000000180A000000C0A801FE000641',
    args: ['type5', 'rd', '0:1:1', 'esi', '00:00:00:00:00:00:00:00:00:00', 'ethernet-tag', '0', 'prefix', '10.0.0.0/24', 'gateway', '192.168.1.254', 'label', '100'],
    note: 'RFC 9136 §3.1 IP Prefix, IPv4 with a gateway IP overlay index (evpn-039, evpn-055)',
  },
  {
    family: F,
    hex: '053A0000FDE80000006400000000000000000000000000004020010DB800000000000000000000000000000000000000000000000000000000000101',
    args: ['type5', 'rd', '0:65000:100', 'prefix', '2001:db8::/64', 'label', '16'],
    note: 'RFC 9136 §3.1 IP Prefix, IPv6 layout (58 octets) (evpn-013, evpn-046)',
  },
  {
    family: F,
    hex: '061C0000FDE80000006400000000200A00000120EF01010120C000020104',
    args: ['type6', 'rd', '0:65000:100', 'ethernet-tag', '0', 'source', '10.0.0.1', 'group', '239.1.1.1', 'originator', '192.0.2.1', 'flags', '4'],
    note: 'RFC 9251 §9.1 Selective Multicast Ethernet Tag for (10.0.0.1, 239.1.1.1), IGMPv3 flag',
  },
  {
    family: F,
    hex: '07220000FDE800000064001122334455667788990000006400' + '20EF01010120C000020102',
    args: ['type7', 'rd', '0:65000:100', 'esi', '00:11:22:33:44:55:66:77:88:99', 'ethernet-tag', '100', 'group', '239.1.1.1', 'originator', '192.0.2.1', 'flags', '2'],
    note: 'RFC 9251 §9.2 Multicast Membership Report Synch for (*, 239.1.1.1)',
  },
  {
    family: F,
    hex: '08270000FDE800000064001122334455667788990000006400' + '20EF01010120C0000201000000070A02',
    args: ['type8', 'rd', '0:65000:100', 'esi', '00:11:22:33:44:55:66:77:88:99', 'ethernet-tag', '100', 'group', '239.1.1.1', 'originator', '192.0.2.1', 'leave-group-sync', '7', 'max-response-time', '10', 'flags', '2'],
    note: 'RFC 9251 §9.3 Multicast Leave Synch, sequence number 7, maximum response time 10',
  },
  {
    family: F,
    hex: '09140000FDE800000064000000000002FDE800000001',
    args: ['type9', 'rd', '0:65000:100', 'ethernet-tag', '0', 'region-id', '0002FDE800000001'],
    note: 'RFC 9572 §3.1 Per-Region I-PMSI A-D route',
  },
  {
    family: F,
    hex:
      '0A3F0000FDE8000000640000000080' +
      '20010DB8000000000000000000000001' +
      '80FF0E0000000000000000000000000001' +
      '8020010DB80000000000000000000000FF',
    args: ['type10', 'rd', '0:65000:100', 'ethernet-tag', '0', 'source', '2001:db8::1', 'group', 'ff0e::1', 'originator', '2001:db8::ff'],
    note: 'RFC 9572 §3.2 S-PMSI A-D route for an IPv6 (S,G)',
  },
  {
    family: F,
    hex: '0B1B09140000FDE800000064000000000002FDE80000000120C0000202',
    args: ['type11', 'route-key', '09140000FDE800000064000000000002FDE800000001', 'originator', '192.0.2.2'],
    note: 'RFC 9572 §3.3 Leaf A-D route whose route key is the per-region I-PMSI route above',
  },
  {
    family: F,
    hex: '0C03AABBCC',
    args: ['type12', 'payload', 'AABBCC'],
    note: 'RFC 7432 §7: a route type without a known layout, kept byte for byte',
  },
];
