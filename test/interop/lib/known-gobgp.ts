/**
 * Disagreements with GoBGP 3.10 (decoder and encoder), resolved by the RFCs: entries of the
 * shared known list (lib/known.ts), added when this module is imported by the GoBGP tests.
 * docs/INTEROP.md lists them with an example input.
 */
import { hasIpv6Offset, KNOWN_BUGS, labelEntries, type KnownBug } from './known.js';

export const KNOWN_GOBGP: KnownBug[] = [
  {
    id: 'gobgp-label-compat-ends-stack',
    oracle: 'gobgp',
    families: ['ipv4/mpls-vpn', 'ipv6/mpls-vpn', 'ipv4/mpls-label', 'ipv6/mpls-label'],
    always: true,
    applies: (i) => i.ours.withdraw !== true && labelEntries(i.bytes).slice(0, -1).some((e) => e === 0 || e === 0x800000),
    reason:
      'GoBGP 3.10 ends a label stack at an entry 0x000000 or 0x800000 whatever its S bit, in MP_REACH too, and reads the next labels ' +
      'as prefix bits; RFC 8277 §2 ends the stack at the S bit, §2.4 gives those values a special reading only as a withdrawal\'s ' +
      'Compatibility field (MP_UNREACH).',
  },
  {
    id: 'gobgp-flow-long-length',
    oracle: 'gobgp',
    families: ['ipv4/flow', 'ipv6/flow', 'ipv4/flow-vpn', 'ipv6/flow-vpn'],
    always: true,
    applies: (i) => i.bytes[0]! >= 0xf0,
    reason:
      'GoBGP 3.10 refuses ("not all flowspec component bytes available", family disabled) a FlowSpec NLRI of 240 octets or more, ' +
      'whose length is the 2-octet form 0xfnnn; RFC 8955 §4.1 defines that form for lengths 240-4095.',
  },
  {
    id: 'gobgp-flow-ipv6-offset',
    oracle: 'gobgp',
    families: ['ipv6/flow', 'ipv6/flow-vpn'],
    always: true,
    applies: (i) => hasIpv6Offset(i),
    reason:
      'GoBGP 3.10 keeps an IPv6 FlowSpec prefix component with a non-zero offset, and every component after it, as one opaque ' +
      '"unknown" component (no path JSON); RFC 8956 §3.1 defines the offset form (pattern bits offset..length).',
  },
  {
    id: 'gobgp-mup-t2st-teid-octets',
    oracle: 'gobgp',
    families: ['ipv4/mup', 'ipv6/mup'],
    always: true,
    applies: (i) => Number(i.ours['route-type']) === 4 && Number(i.ours['teid-length'] ?? 0) % 8 !== 0,
    reason:
      'GoBGP 3.10 reads ⌊bits/8⌋ TEID octets of a Type 2 ST route whose endpoint length leaves a TEID of bits not a multiple of 8 ' +
      '(23 bits: reads 2 of the 3 octets the route length holds); draft-mpmz-bess-mup-safi §3.1.4: the identifier fills the rest of ' +
      'the route (Endpoint Length − address bits, i.e. ⌈bits/8⌉ octets).',
  },
  {
    id: 'gobgp-mup-t1st-source',
    oracle: 'gobgp',
    families: ['ipv4/mup', 'ipv6/mup'],
    always: true,
    applies: (i) => Number(i.ours['route-type']) === 3 && i.ours.source !== undefined,
    reason:
      'GoBGP 3.10 drops the Source Address of a Type 1 ST route (it implements an earlier draft without it); ' +
      'draft-mpmz-bess-mup-safi §3.1.3.1: Source Address Length (0/32/128) and Source Address follow the endpoint.',
  },
  {
    id: 'gobgp-encode-evpn-label-raw',
    oracle: 'gobgp-encode',
    families: ['l2vpn/evpn'],
    applies: () => false, // the encode test names it for the routes with a label
    reason:
      'gobgp global rib add … label 100 encodes the EVPN MPLS Label field as the raw 24-bit number 100 (0x000064), and shows a ' +
      'received 0x000641 as 1601; RFC 7432 §7.1-7.2 carry the MPLS label in the high-order 20 bits of the 3-octet field (label 100 = 0x00064x).',
  },
];

for (const b of KNOWN_GOBGP) if (!KNOWN_BUGS.some((k) => k.id === b.id)) (KNOWN_BUGS as KnownBug[]).push(b);
