/**
 * Canonical MP_REACH_NLRI / MP_UNREACH_NLRI values (docs/ADDING-AN-ATTRIBUTE.md §3): every
 * next-hop form, built by hand from RFC 4760 §3-§4 and the next-hop RFCs; the NLRIs are the
 * families' own samples / Ze vectors, the JSON written from Ze's forms (`ze bgp decode`, the
 * families' vectors) plus the superset keys of docs/attributes/mp.md.
 */
import type { AttributeSample } from '../../src/attributes/attribute.js';

const NH4 = 'C0000201'; // 192.0.2.1
const NH6 = '20010DB8000000000000000000000001'; // 2001:db8::1
const LL = 'FE800000000000000000000000000001'; // fe80::1
const RD0 = '0000000000000000';
const VPN4 = '70003E810000FDE8000000640A0000'; // label 1000, RD 0:65000:100, 10.0.0.0/24
const VPN4_JSON = '{"labels":[[1000]],"prefix":"10.0.0.0/24","rd":"0:65000:100"}';
const VPN6 = '88003E810000FDE80000006420010DB80001'; // label 1000, RD 0:65000:100, 2001:db8:1::/48
const VPN6_JSON = '{"labels":[[1000]],"prefix":"2001:db8:1::/48","rd":"0:65000:100"}';
const EVPN3 = '03110000FDE80000006400000000200A000001'; // Ze vector evpn-009
const EVPN3_JSON = '{"code":3,"ethernet-tag":0,"name":"Inclusive Multicast","originator":"10.0.0.1","parsed":true,"raw":"03110000FDE80000006400000000200A000001","rd":"0:65000:100"}';
const LS = '00030009030000000000000000'; // Ze vector bgpls-046
const LS_JSON = '{"l3-routing-topology":0,"ls-nlri-type":"bgpls-prefix-v4","multi-topology-ids":[],"node-descriptors":null,"protocol-id":3}';
const FLOW = '0801180A0000038106'; // Ze vector flowspec-001
const FLOW_JSON = '{"destination":[["10.0.0.0/24/0"]],"protocol":[["=tcp"]]}';

const reach = (family: string, nh: string, nlri: string, extra = ''): string =>
  `{"action":"add","family":"${family}","next-hop":"${nh}"${extra},"nlri":[${nlri}]}`;

export const samples: readonly AttributeSample[] = [
  {
    code: 14,
    hex: '000101' + '04' + NH4 + '00' + '180A0000' + '20C0000201',
    json: reach('ipv4/unicast', '192.0.2.1', '"10.0.0.0/24","192.0.2.1/32"'),
    note: 'IPv4 unicast, 4-octet IPv4 next hop (RFC 4760 §3), two prefixes (RFC 4271 §4.3)',
  },
  {
    code: 14,
    hex: '000201' + '10' + NH6 + '00' + '2020010DB8',
    json: reach('ipv6/unicast', '2001:db8::1', '"2001:db8::/32"'),
    note: 'IPv6 unicast, 16-octet global next hop (RFC 2545 §3)',
  },
  {
    code: 14,
    hex: '000201' + '20' + NH6 + LL + '00' + '2020010DB8',
    json: reach('ipv6/unicast', '2001:db8::1', '"2001:db8::/32"', ',"next-hop-link-local":"fe80::1"'),
    note: 'IPv6 global + link-local next hop, 32 octets (RFC 2545 §3); Ze drops the link-local',
  },
  {
    code: 14,
    hex: '000185' + '00' + '00' + FLOW,
    json: reach('ipv4/flow', 'no-nexthop', FLOW_JSON),
    note: 'FlowSpec: next-hop length 0 (RFC 8955 §5)',
  },
  {
    code: 14,
    hex: '000180' + '0C' + RD0 + NH4 + '00' + VPN4,
    json: reach('ipv4/mpls-vpn', '192.0.2.1', VPN4_JSON),
    note: 'VPN-IPv4: 12-octet next hop, zero RD + IPv4 (RFC 4364 §4.3.2); Ze prints it as hex',
  },
  {
    code: 14,
    hex: '000280' + '18' + RD0 + NH6 + '00' + VPN6,
    json: reach('ipv6/mpls-vpn', '2001:db8::1', VPN6_JSON),
    note: 'VPN-IPv6: 24-octet next hop, zero RD + IPv6 (RFC 4659 §3.2)',
  },
  {
    code: 14,
    hex: '000280' + '30' + RD0 + NH6 + RD0 + LL + '00' + VPN6,
    json: reach('ipv6/mpls-vpn', '2001:db8::1', VPN6_JSON, ',"next-hop-link-local":"fe80::1"'),
    note: 'VPN-IPv6 with link-local: 48 octets, RD + global + RD + link-local (RFC 4659 §3.2.1)',
  },
  {
    code: 14,
    hex: '000180' + '0C' + '0000FDE800000064' + NH4 + '00' + VPN4,
    json: reach('ipv4/mpls-vpn', '192.0.2.1', VPN4_JSON, ',"next-hop-rd":"0:65000:100"'),
    note: 'VPN next hop with a nonzero RD: RFC 4364 §4.3.2 says zero; kept and shown by default, strict rejects it',
  },
  {
    code: 14,
    hex: '000101' + '10' + NH6 + '00' + '180A0000',
    json: reach('ipv4/unicast', '2001:db8::1', '"10.0.0.0/24"'),
    note: 'IPv4 NLRI over an IPv6 next hop, 16 octets (RFC 8950 §3)',
  },
  {
    code: 14,
    hex: '000101' + '20' + NH6 + LL + '00' + '180A0000',
    json: reach('ipv4/unicast', '2001:db8::1', '"10.0.0.0/24"', ',"next-hop-link-local":"fe80::1"'),
    note: 'IPv4 NLRI over IPv6 global + link-local, 32 octets (RFC 8950 §3)',
  },
  {
    code: 14,
    hex: '000180' + '18' + RD0 + NH6 + '00' + VPN4,
    json: reach('ipv4/mpls-vpn', '2001:db8::1', VPN4_JSON),
    note: 'VPN-IPv4 NLRI over a VPN-IPv6 next hop, 24 octets (RFC 8950 §3)',
  },
  {
    code: 14,
    hex: '001946' + '04' + NH4 + '00' + EVPN3,
    json: reach('l2vpn/evpn', '192.0.2.1', EVPN3_JSON),
    note: 'EVPN, IPv4 next hop (RFC 7432 §7)',
  },
  {
    code: 14,
    hex: '001946' + '10' + NH6 + '00' + EVPN3,
    json: reach('l2vpn/evpn', '2001:db8::1', EVPN3_JSON),
    note: 'EVPN, IPv6 next hop (RFC 7432 §7)',
  },
  {
    code: 14,
    hex: '400447' + '04' + NH4 + '00' + LS,
    json: reach('bgp-ls/bgp-ls', '192.0.2.1', LS_JSON),
    note: 'BGP-LS, IPv4 next hop (RFC 9552 §5.1)',
  },
  {
    code: 14,
    hex: '400447' + '10' + NH6 + '00' + LS,
    json: reach('bgp-ls/bgp-ls', '2001:db8::1', LS_JSON),
    note: 'BGP-LS, IPv6 next hop (RFC 9552 §5.1)',
  },
  {
    code: 14,
    hex: '000103' + '04' + NH4 + '00' + '180A0000',
    json: reach('ipv4/safi-3', '192.0.2.1', '{"parsed":false,"raw":"180A0000"}'),
    note: 'unknown AFI/SAFI (1/3): the NLRI field kept as raw bytes; family text as Ze names it',
  },
  {
    code: 14,
    hex: '000101' + '05' + NH4 + '01' + '00' + '180A0000',
    json: reach('ipv4/unicast', 'c000020101', '"10.0.0.0/24"'),
    note: 'a next-hop length no family uses (5): kept as bytes, shown as lower hex like Ze (strict: bad-length, RFC 7606 §7.11)',
  },
  {
    code: 14,
    hex: '000101' + '04' + NH4 + '00',
    json: reach('ipv4/unicast', '192.0.2.1', ''),
    note: 'MP_REACH_NLRI with an empty NLRI field (RFC 4760 §3)',
  },
  {
    code: 15,
    hex: '000201',
    json: '{"action":"del","family":"ipv6/unicast","nlri":[]}',
    note: 'End-of-RIB for ipv6/unicast: no withdrawn routes (RFC 4724 §2)',
  },
  {
    code: 15,
    hex: '000185',
    json: '{"action":"del","family":"ipv4/flow","nlri":[]}',
    note: 'End-of-RIB for ipv4/flow (RFC 4724 §2)',
  },
  {
    code: 15,
    hex: '000101' + '180A0000' + '20C0000201',
    json: '{"action":"del","family":"ipv4/unicast","nlri":["10.0.0.0/24","192.0.2.1/32"]}',
    note: 'withdrawn IPv4 unicast routes (RFC 4760 §4)',
  },
  {
    code: 15,
    hex: '000180' + '708000000000FDE8000000640A0000',
    json: '{"action":"del","family":"ipv4/mpls-vpn","nlri":[{"labels":[[524288]],"prefix":"10.0.0.0/24","rd":"0:65000:100","withdraw":true}]}',
    note: 'withdrawn VPN-IPv4 route: the label field is the Compatibility value 0x800000 (RFC 8277 §2.4)',
  },
  {
    code: 15,
    hex: '000185' + FLOW,
    json: `{"action":"del","family":"ipv4/flow","nlri":[${FLOW_JSON}]}`,
    note: 'withdrawn FlowSpec rule (RFC 8955 §4)',
  },
  {
    code: 15,
    hex: '000301' + '180A0000',
    json: '{"action":"del","family":"afi-3/unicast","nlri":[{"parsed":false,"raw":"180A0000"}]}',
    note: 'unknown AFI 3: withdrawn routes kept as raw bytes',
  },
];

