/** Canonical BGP-MUP NLRIs: each 3gpp-5g route type (draft-ietf-bess-mup-safi-00 §3.1), IPv4 and IPv6. */
import type { Sample } from '../../src/registry/samples.js';

export const samples: readonly Sample[] = [
  {
    family: 'ipv4/mup',
    hex: '0100010C0000006400000064180A0001',
    args: ['route-type', 'mup-isd', 'rd', '0:100:100', 'prefix', '10.0.1.0/24'],
    note: 'Interwork Segment Discovery route (draft §3.1.1); Ze test encode/srv6-mup.ci',
  },
  {
    family: 'ipv4/mup',
    hex: '0100020C00000064000000640A000001',
    args: ['route-type', 'mup-dsd', 'rd', '0:100:100', 'address', '10.0.0.1'],
    note: 'Direct Segment Discovery route (draft §3.1.2); Ze test encode/srv6-mup.ci',
  },
  {
    family: 'ipv4/mup',
    hex: '0100031C000000640000006420C0A800020000303909200A000001200A000101',
    args: ['route-type', 'mup-t1st', 'rd', '0:100:100', 'prefix', '192.168.0.2/32', 'teid', '12345', 'qfi', '9', 'endpoint', '10.0.0.1', 'source', '10.0.1.1'],
    note: 'Type 1 Session Transformed route with TEID, QFI, endpoint and source (draft §3.1.3.1); Ze test encode/srv6-mup-v3.ci',
  },
  {
    family: 'ipv4/mup',
    hex: '01000318000000640000006420C0A800010000303909200A00000100',
    args: ['route-type', 'mup-t1st', 'rd', '0:100:100', 'prefix', '192.168.0.1/32', 'teid', '12345', 'qfi', '9', 'endpoint', '10.0.0.1', 'source', 'none'],
    note: 'Type 1 ST route in the draft\'s form without a source: source length 0 (draft §3.1.3.1)',
  },
  {
    family: 'ipv4/mup',
    hex: '01000317000000640000006420C0A800010000303909200A000001',
    args: ['route-type', 'mup-t1st', 'rd', '0:100:100', 'prefix', '192.168.0.1/32', 'teid', '12345', 'qfi', '9', 'endpoint', '10.0.0.1'],
    note: 'Type 1 ST route as Ze writes it without a source: no source length octet (draft §3.1.3.1 wants one); Ze test encode/srv6-mup.ci',
  },
  {
    family: 'ipv4/mup',
    hex: '010004100000006400000064370A000001003039',
    args: ['route-type', 'mup-t2st', 'rd', '0:100:100', 'address', '10.0.0.1', 'teid', '12345/23'],
    note: 'Type 2 ST route: endpoint length 55 = 32 address bits + 23 TEID bits in 3 octets (draft §3.1.4.1); Ze test encode/srv6-mup.ci',
  },
  {
    family: 'ipv4/mup',
    hex: '0200050401020304',
    args: ['route-type', '5', 'arch-type', '2', 'raw', '01020304'],
    note: 'Unknown architecture 2 and route type 5: data kept whole (draft §3.1: other route types are ignored, not errors)',
  },
  {
    family: 'ipv6/mup',
    hex: '010001110000006400000064402001000000000000',
    args: ['route-type', 'mup-isd', 'rd', '0:100:100', 'prefix', '2001::/64'],
    note: 'IPv6 Interwork Segment Discovery route (draft §3.1.1); Ze test encode/srv6-mup.ci',
  },
  {
    family: 'ipv6/mup',
    hex: '01000218000000640000006420010000000000000000000000000001',
    args: ['route-type', 'mup-dsd', 'rd', '0:100:100', 'address', '2001::1'],
    note: 'IPv6 Direct Segment Discovery route (draft §3.1.2); Ze test encode/srv6-mup.ci',
  },
  {
    family: 'ipv6/mup',
    hex: '0100034000000064000000648020010DB8000100010000000000000002000030390980200100000000000000000000000000018020020000000000000000000000000002',
    args: ['route-type', 'mup-t1st', 'rd', '0:100:100', 'prefix', '2001:db8:1:1::2/128', 'teid', '12345', 'qfi', '9', 'endpoint', '2001::1', 'source', '2002::2'],
    note: 'IPv6 Type 1 ST route (draft §3.1.3.1); Ze test encode/srv6-mup-v3.ci',
  },
  {
    family: 'ipv6/mup',
    hex: '0100041D0000006400000064A02001000000000000000000000000000100003039',
    args: ['route-type', 'mup-t2st', 'rd', '0:100:100', 'address', '2001::1', 'teid', '12345/32'],
    note: 'IPv6 Type 2 ST route: endpoint length 160 = 128 + 32 TEID bits (draft §3.1.4.1); Ze test encode/srv6-mup.ci',
  },
];
