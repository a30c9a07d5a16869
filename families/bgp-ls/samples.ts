/** Canonical BGP-LS NLRIs (docs/ADDING-A-FAMILY.md §3), most of them from Ze's vectors. */
import type { Sample } from '../../src/registry/samples.js';

export const samples: readonly Sample[] = Object.freeze([
  {
    family: 'bgp-ls/bgp-ls',
    hex: '0001001D03000000000000010001000010020000040000FDE90203000401010101',
    args: ['node', 'protocol', 'ospfv2', 'identifier', '256', 'asn', '65001', 'router-id', '1.1.1.1'],
    note: 'Node NLRI (RFC 9552 §5.2.1): OSPFv2, AS 65001, IGP Router-ID 1.1.1.1 (Ze vector bgpls-011)',
  },
  {
    family: 'bgp-ls/bgp-ls',
    hex: '0001002002000000000000000001000013020000040000FDE8020300071921680010010A',
    args: ['node', 'protocol', 'isis-l2', 'asn', '65000', 'router-id', '1921680010010a'],
    note: 'Node NLRI for an IS-IS pseudonode: 7-octet IGP Router-ID (RFC 9552 §5.2.1.4) (bgpls-055)',
  },
  {
    family: 'bgp-ls/bgp-ls',
    hex: '0002003D02000000000000020001000010020000040000FDE9020300040101010101010010020000040000FDEA02030004020202020102000800000064000000C8',
    args: ['link', 'protocol', 'isis-l2', 'identifier', '512', 'local-asn', '65001', 'local-router-id', '1.1.1.1', 'remote-asn', '65002', 'remote-router-id', '2.2.2.2', 'link-id', '100:200'],
    note: 'Link NLRI (RFC 9552 §5.2.2): local/remote node descriptors and Link Local/Remote Identifiers (bgpls-015)',
  },
  {
    family: 'bgp-ls/bgp-ls',
    hex: '0002005703000000000000000501000018020000040000FDE90202000400000000020300040101010101010018020000040000FDE902020004000000000203000402020202010300040A000001010400040A000002010700020002',
    args: ['link', 'protocol', 'ospfv2', 'identifier', '5', 'local-asn', '65001', 'local-ospf-area-id', '0.0.0.0', 'local-router-id', '1.1.1.1', 'remote-asn', '65001', 'remote-ospf-area-id', '0.0.0.0', 'remote-router-id', '2.2.2.2', 'interface-address', '10.0.0.1', 'neighbor-address', '10.0.0.2', 'mt-id', '2'],
    note: 'Link NLRI with IPv4 interface/neighbor addresses and a Multi-Topology ID (RFC 9552 §5.2.2: addresses, so no Link Local/Remote Identifiers; §5.2.2.1: one MT-ID) (bgpls-070 made valid)',
  },
  {
    family: 'bgp-ls/bgp-ls',
    hex: '0003002503000000000000010001000010020000040000FDE9020300040101010101090004180A0000',
    args: ['prefix-v4', 'protocol', 'ospfv2', 'identifier', '256', 'asn', '65001', 'router-id', '1.1.1.1', 'prefix', '10.0.0.0/24'],
    note: 'IPv4 Topology Prefix NLRI (RFC 9552 §5.2.3): IP Reachability Information 10.0.0.0/24 (bgpls-016)',
  },
  {
    family: 'bgp-ls/bgp-ls',
    hex: '0004002A06000000000000020001000010020000040000FDE90203000401010101010900094020010DB800000000',
    args: ['prefix-v6', 'protocol', 'ospfv3', 'identifier', '512', 'asn', '65001', 'router-id', '1.1.1.1', 'prefix', '2001:db8::/64'],
    note: 'IPv6 Topology Prefix NLRI (RFC 9552 §5.2.3): 2001:db8::/64 (bgpls-018)',
  },
  {
    family: 'bgp-ls/bgp-ls',
    hex: '0006003109000000000000030001000010020000040000FDE902030004010101010206001020010DB8000000000000000000000001',
    args: ['srv6-sid', 'protocol', '9', 'identifier', '768', 'asn', '65001', 'router-id', '1.1.1.1', 'sid', '2001:db8::1'],
    note: 'SRv6 SID NLRI (RFC 9514 §6): SRv6 SID Information TLV 518 = 2001:db8::1 (bgpls-019)',
  },
  {
    family: 'bgp-ls/bgp-ls-vpn',
    hex: '000100250000FDE90000006403000000000000010001000010020000040000FDE90203000401010101',
    args: ['node', 'protocol', 'ospfv2', 'identifier', '256', 'rd', '0:65001:100', 'asn', '65001', 'router-id', '1.1.1.1'],
    note: 'VPN Node NLRI (RFC 9552 §5.2, SAFI 72): Route Distinguisher 0:65001:100 after the length',
  },
  {
    family: 'bgp-ls/bgp-ls',
    hex: '0005003909000000000000000001000010020000040000FDE90203000401010101022A0018020000000A000002000000640000FDE90101010100000001',
    args: ['sr-policy-cp', 'protocol', '9', 'asn', '65001', 'router-id', '1.1.1.1', 'protocol-origin', '2', 'endpoint', '10.0.0.2', 'color', '100', 'originator-asn', '65001', 'originator-address', '1.1.1.1', 'discriminator', '1'],
    note: 'SR Policy Candidate Path NLRI (RFC 9857 §4): headend AS 65001 / 1.1.1.1, TLV 554 BGP-origin, endpoint 10.0.0.2, color 100 (hand-built from §4.1)',
  },
  {
    family: 'bgp-ls/bgp-ls',
    hex: '0005005109000000000000000001000010020000040000FDE90203000401010101022A003003C0000020010DB8000000000000000000000002000000C80000FDE920010DB800000000000000000000000100000007',
    args: ['sr-policy-cp', 'protocol', '9', 'asn', '65001', 'router-id', '1.1.1.1', 'protocol-origin', '3', 'endpoint', '2001:db8::2', 'color', '200', 'originator-asn', '65001', 'originator-address', '2001:db8::1', 'discriminator', '7'],
    note: 'SR Policy Candidate Path NLRI (RFC 9857 §4.1): IPv6 endpoint and originator (E and O flags set), TLV 554 of 48 octets',
  },
  {
    family: 'bgp-ls/bgp-ls-spf',
    hex: '0001001D04000000000000000001000010020000040000FDE90204000401010101',
    args: ['node', 'protocol', 'direct', 'asn', '65001', 'bgp-router-id', '1.1.1.1'],
    note: 'BGP-LS-SPF Node NLRI (RFC 9815 §5.2.1, SAFI 80): Protocol-ID Direct, node key AS + BGP Router-ID TLV 516 (RFC 9086 §4.1)',
  },
  {
    family: 'bgp-ls/bgp-ls-spf',
    hex: '0002004604000000000000000001000010020000040000FDE9020400040101010101010010020000040000FDEA0204000402020202010300040A000001010400040A00000204A1000101',
    args: ['link', 'protocol', 'direct', 'local-asn', '65001', 'local-bgp-router-id', '1.1.1.1', 'remote-asn', '65002', 'remote-bgp-router-id', '2.2.2.2', 'interface-address', '10.0.0.1', 'neighbor-address', '10.0.0.2', 'address-family', 'ipv4'],
    note: 'BGP-LS-SPF Link NLRI (RFC 9815 §5.2.2): IPv4 interface/neighbor addresses and the Address Family Link Descriptor TLV 1185 = IPv4',
  },
  {
    family: 'bgp-ls/bgp-ls-spf',
    hex: '0003002504000000000000000001000010020000040000FDE9020400040101010101090004180A0100',
    args: ['prefix-v4', 'protocol', 'direct', 'asn', '65001', 'bgp-router-id', '1.1.1.1', 'prefix', '10.1.0.0/24'],
    note: 'BGP-LS-SPF IPv4 Prefix NLRI (RFC 9815 §5.2.3): 10.1.0.0/24 of the node AS 65001 / BGP Router-ID 1.1.1.1',
  },
]);
