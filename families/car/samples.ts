/**
 * Canonical CAR NLRIs (docs/ADDING-A-FAMILY.md §3), built byte by byte from the layouts of
 * draft-ietf-idr-bgp-car §2.9 / RFC 9871 (no published example or oracle exists):
 * NLRI Length (octets) | Key Length | NLRI Type | key | TLVs.
 */
import type { Sample } from '../../src/registry/samples.js';

export const samples: readonly Sample[] = [
  {
    family: 'ipv4/car',
    hex: '10090120C000020100000064010303E811',
    args: ['prefix', '192.0.2.1/32', 'color', '100', 'label', '16001'],
    note: 'Color-Aware Route (E, C) = (192.0.2.1, 100) with a Label TLV (RFC 9871 §2.9.2, §2.9.2.1)',
  },
  {
    family: 'ipv4/car',
    hex: '19090120C000020200000064010303E821420700000000000002',
    args: ['prefix', '192.0.2.2/32', 'color', '100', 'label', '16002', 'label-index', '2'],
    note: 'Label TLV and a Label Index TLV (type octet 0x42: code 2, T bit set) for SR-MPLS (RFC 9871 §2.9.2.2)',
  },
  {
    family: 'ipv4/car',
    hex: '0B090120C000020100000064',
    args: ['prefix', '192.0.2.1/32', 'color', '100'],
    note: 'the key alone, as in MP_UNREACH_NLRI: the non-key part is omitted on withdrawal (RFC 9871 §2.9.1)',
  },
  {
    family: 'ipv4/car',
    hex: '0B040218C63364010300BB81',
    args: ['nlri-type', '2', 'prefix', '198.51.100.0/24', 'label', '3000'],
    note: 'IP Prefix (E) route, NLRI type 2: prefix only in the key (RFC 9871 IP Prefix NLRI type)',
  },
  {
    family: 'ipv4/car',
    hex: '0C0601080A000000014502DEAD',
    args: ['prefix', '10.0.0.0/8', 'color', '1', 'tlv', '0x45:DEAD'],
    note: 'an unknown transitive TLV (code 5, T bit) kept raw and written back (RFC 9871 §2.9.2)',
  },
  {
    family: 'ipv4/car',
    hex: '0602090102AABB',
    args: ['nlri-type', '9', 'key', '0102', 'rest', 'AABB'],
    note: 'an unknown NLRI type: key and non-key octets kept raw, the Key Length locates the key (RFC 9871 §2.9.1)',
  },
  {
    family: 'ipv6/car',
    hex: '2915018020010DB8000000000000000000000001000000C8031020010DB8010000000000000000000001',
    args: ['prefix', '2001:db8::1/128', 'color', '200', 'srv6-sid', '2001:db8:100::1'],
    note: 'IPv6 Color-Aware Route with an SRv6 SID TLV carrying one 128-bit SID (RFC 9871 §2.9.2.3)',
  },
  {
    family: 'ipv6/car',
    hex: '1C15018020010DB8000000000000000000000002000000C803030A0B0C',
    args: ['prefix', '2001:db8::2/128', 'color', '200', 'srv6-transposition', '0A0B0C'],
    note: 'SRv6 SID TLV with the transposed part of a SID, 3 octets (RFC 9871 §2.9.2.3, RFC 9252 §4)',
  },
  {
    family: 'ipv4/vpn-car',
    hex: '181101200000FDE800000064C000020100000064010303E811',
    args: ['rd', '0:65000:100', 'prefix', '192.0.2.1/32', 'color', '100', 'label', '16001'],
    note: 'VPN CAR (SAFI 84): the key carries an RD after the prefix length octet (RFC 9871 VPN CAR)',
  },
  {
    family: 'ipv6/vpn-car',
    hex: '251102400001C0000201000520010DB800010002031020010DB8010000000000000000000001',
    args: ['nlri-type', '2', 'rd', '1:192.0.2.1:5', 'prefix', '2001:db8:1:2::/64', 'srv6-sid', '2001:db8:100::1'],
    note: 'VPN CAR IP Prefix route for IPv6 with an SRv6 SID (RFC 9871 VPN CAR, §2.9.2.3)',
  },
];
