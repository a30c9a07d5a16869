/** Canonical MCAST-VPN NLRIs: one per route type (RFC 6514 §4.1-§4.6), IPv4 and IPv6. */
import type { Sample } from '../../src/registry/samples.js';

export const samples: readonly Sample[] = [
  {
    family: 'ipv4/mvpn',
    hex: '010C0000FDE9000000640A000001',
    args: ['intra-as-i-pmsi-ad', 'rd', '0:65001:100', 'originator', '10.0.0.1'],
    note: 'Intra-AS I-PMSI A-D route: RD and originating router (RFC 6514 §4.1); Ze test bgp-mvpn-1',
  },
  {
    family: 'ipv4/mvpn',
    hex: '020C0000FDE9000000640000FDE9',
    args: ['inter-as-i-pmsi-ad', 'rd', '0:65001:100', 'source-as', '65001'],
    note: 'Inter-AS I-PMSI A-D route: RD and source AS (RFC 6514 §4.2)',
  },
  {
    family: 'ipv4/mvpn',
    hex: '03160000FDE900000064200A01010120EF0101010A000001',
    args: ['s-pmsi-ad', 'rd', '0:65001:100', 'source', '10.1.1.1', 'group', '239.1.1.1', 'originator', '10.0.0.1'],
    note: 'S-PMSI A-D route for (10.1.1.1, 239.1.1.1) (RFC 6514 §4.3)',
  },
  {
    family: 'ipv4/mvpn',
    hex: '030E0000FDE90000006400000A000001',
    args: ['s-pmsi-ad', 'rd', '0:65001:100', 'source', '*', 'group', '*', 'originator', '10.0.0.1'],
    note: 'S-PMSI A-D route for (*, *): wildcard source and group of length 0 (RFC 6625 §4)',
  },
  {
    family: 'ipv4/mvpn',
    hex: '041C03160000FDE900000064200A01010120EF0101010A0000010A000002',
    args: ['leaf-ad', 'route-key', '03160000FDE900000064200A01010120EF0101010A000001', 'originator', '10.0.0.2'],
    note: 'Leaf A-D route whose route key is a whole S-PMSI A-D NLRI (RFC 6514 §4.4)',
  },
  {
    family: 'ipv4/mvpn',
    hex: '05120000FDE80001869F200A630C0420EFFBFFE4',
    args: ['source-ad', 'source', '10.99.12.4', 'group', '239.251.255.228', 'rd', '0:65000:99999'],
    note: 'Source Active A-D route (RFC 6514 §4.5); Ze test encode/mvpn.ci',
  },
  {
    family: 'ipv4/mvpn',
    hex: '06160000FDE80001869F0000FDE8200A63C70120EFFBFFE4',
    args: ['shared-join', 'rp', '10.99.199.1', 'group', '239.251.255.228', 'rd', '0:65000:99999', 'source-as', '65000'],
    note: 'C-multicast Shared Tree Join: the source field holds the C-RP (RFC 6514 §4.6, §11.1.3); Ze test encode/mvpn.ci',
  },
  {
    family: 'ipv4/mvpn',
    hex: '07160000FDE80001869F0000FDE8200A630C0220EFFBFFE4',
    args: ['source-join', 'source', '10.99.12.2', 'group', '239.251.255.228', 'rd', '0:65000:99999', 'source-as', '65000'],
    note: 'C-multicast Source Tree Join (RFC 6514 §4.6); Ze test encode/mvpn.ci',
  },
  {
    family: 'ipv4/mvpn',
    hex: '0904DEADBEEF',
    args: ['type-9', 'raw', 'DEADBEEF'],
    note: 'Unknown route type 9: payload kept whole and re-encoded as it came (RFC 6514 §4 lists types 1-7)',
  },
  {
    family: 'ipv6/mvpn',
    hex: '01180000FDE90000006420010DB8000000000000000000000001',
    args: ['intra-as-i-pmsi-ad', 'rd', '0:65001:100', 'originator', '2001:db8::1'],
    note: 'Intra-AS I-PMSI A-D route with an IPv6 originator (RFC 6515 §2)',
  },
  {
    family: 'ipv6/mvpn',
    hex: '052A0000FDE80001869F80FD12000000000000000000000000000480FF0E0000000000000000000000000001',
    args: ['source-ad', 'source', 'fd12::4', 'group', 'ff0e::1', 'rd', '0:65000:99999'],
    note: 'Source Active A-D route with IPv6 source and group of 128 bits (RFC 6515 §2); Ze test encode/mvpn.ci',
  },
  {
    family: 'ipv6/mvpn',
    hex: '062E0000FDE80001869F0000FDE880FD00000000000000000000000000000180FF0E0000000000000000000000000001',
    args: ['shared-join', 'rp', 'fd00::1', 'group', 'ff0e::1', 'rd', '0:65000:99999', 'source-as', '65000'],
    note: 'C-multicast Shared Tree Join with IPv6 C-RP and group (RFC 6514 §4.6, RFC 6515); Ze test encode/mvpn.ci',
  },
];
