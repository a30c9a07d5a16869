/**
 * Disagreements resolved against the oracle: each entry names the oracle, the family, how to
 * recognise the input, and the RFC reading that makes the oracle wrong. The interop tests check
 * that these inputs still disagree (so a fixed oracle, or a change on our side, shows up), and
 * docs/INTEROP.md lists them with an example input.
 */
import type { Input } from './inputs.js';

/**
 * `oracle` is who is wrong: an oracle, or `ours` for a finding that a family owner must fix (the
 * test expects the oracle to keep disagreeing until the fix lands, then the entry goes).
 */
export interface KnownBug {
  /** Short name; a view reports a bug it sees in the oracle's output as the fact `!bug:<id>`. */
  id: string;
  oracle: 'tshark' | 'exabgp' | 'gobgp' | 'gobgp-encode' | 'ours';
  /** For `ours`: the oracle that found it. */
  foundBy?: string;
  families: readonly string[];
  /** True for the inputs this bug applies to (read from ze-nlri's JSON of the input). */
  applies(input: Input, withdraw: boolean): boolean;
  /** The oracle always shows the bug on these inputs (else: only on some, e.g. by value). */
  always?: boolean;
  /** What the oracle does, and the RFC reading. */
  reason: string;
}

const bitsOf = (prefix: unknown): number => Number(String(prefix).split('/')[1]);

/** An IPv6 FlowSpec prefix with a non-zero offset (RFC 8956 §3.1) in ze-nlri's decoding. */
export const hasIpv6Offset = (i: Input): boolean =>
  ['destination-ipv6', 'source-ipv6'].some((k) => ((i.ours[k] as string[][] | undefined) ?? []).flat().some((p) => Number(p.split('/')[2] ?? 0) > 0));

/** The 3-octet label entries at the start of a labeled or VPN NLRI, up to the one with the S bit (RFC 8277 §2). */
export function labelEntries(b: Uint8Array): number[] {
  const out: number[] = [];
  for (let p = 1; p + 3 <= b.length; p += 3) {
    out.push((b[p]! << 16) | (b[p + 1]! << 8) | b[p + 2]!);
    if (b[p + 2]! & 1) break;
  }
  return out;
}

const LABEL_FAMILIES = ['ipv4/mpls-vpn', 'ipv6/mpls-vpn', 'ipv4/mpls-vpn-multicast', 'ipv6/mpls-vpn-multicast', 'ipv4/mpls-label', 'ipv6/mpls-label'];

const KNOWN_BUGS_EXTRA: KnownBug[] = [
  {
    id: 'tshark-label-compat-in-reach',
    oracle: 'tshark',
    families: LABEL_FAMILIES,
    always: true,
    // first label 0 or 0x80000 (whatever Rsrv and S), not read by us as the Compatibility field
    // a first entry of exactly 0x000000 or 0x800000, not read by us as the Compatibility field
    applies: (i) => [0, 0x800000].includes(labelEntries(i.bytes)[0]!) && i.ours.withdraw !== true,
    reason:
      'tshark 4.0.17 shows a first label entry 0x000000 or 0x800000 as "0 (withdrawn)" and stops the stack there, in MP_REACH too; RFC 8277 §2.4 ' +
      'makes it the Compatibility field of a withdrawal (MP_UNREACH) only, in MP_REACH §2 applies: a label, with more following while S is clear.',
  },
  {
    id: 'tshark-unreach-label-stack',
    oracle: 'tshark',
    families: LABEL_FAMILIES,
    always: true,
    // in MP_UNREACH, a first entry other than exactly 0x000000 / 0x800000
    applies: (i, withdraw) => withdraw && ![0, 0x800000].includes(labelEntries(i.bytes)[0]!),
    reason:
      'tshark 4.0.17 reads the label field of an MP_UNREACH NLRI as a label stack (to the S bit) unless its first entry is exactly 0x000000 or 0x800000; ' +
      'RFC 8277 §2.4 makes it one 3-octet Compatibility field whatever its value ("MUST be ignored on reception"), then the prefix.',
  },
  {
    id: 'tshark-vpn6-rd-type-2',
    oracle: 'tshark',
    families: ['ipv6/mpls-vpn', 'ipv6/mpls-vpn-multicast'],
    always: true,
    applies: (i) => String(i.ours.rd).startsWith('2:'),
    reason:
      'tshark 4.0.17 shows an IPv6 VPN NLRI whose RD is of type 2 (4-octet AS, RFC 4364 §4.2) as its unexpanded format string ' +
      '("Label Stack=%s RD=%u.%u:%u, IPv6=%s/%u"): no RD, no prefix to compare. Types 0 and 1, and IPv4 VPN of every type, are shown right.',
  },
  {
    id: 'exabgp-label-zero-ends-stack',
    oracle: 'exabgp',
    families: LABEL_FAMILIES,
    always: true,
    applies: (i) => {
      const e = labelEntries(i.bytes);
      return i.ours.withdraw !== true && e.slice(0, -1).includes(0);
    },
    reason:
      'ExaBGP 4.2.21 ends a label stack at an entry 0x000000 (label 0, S clear), in MP_REACH too (its comment: "a next-hop"); ' +
      'RFC 8277 §2 ends the stack at the S bit, and §2.4 gives 0x000000 a special reading only as a withdrawal\'s Compatibility field.',
  },
  {
    id: 'exabgp-unreach-label-stack',
    oracle: 'exabgp',
    families: LABEL_FAMILIES,
    always: true,
    // in MP_UNREACH, a first entry other than exactly 0x000000 / 0x800000 and without the S bit
    applies: (i, withdraw) => withdraw && ![0, 0x800000].includes(labelEntries(i.bytes)[0]!) && labelEntries(i.bytes).length > 1,
    reason:
      'ExaBGP 4.2.21 reads the label field of an MP_UNREACH NLRI as a label stack (to the S bit) unless its first entry is 0x000000 or 0x800000; ' +
      'RFC 8277 §2.4 makes it one 3-octet Compatibility field whatever its value, then the prefix (a one-entry echo with S set reads the same both ways).',
  },
  {
    id: 'exabgp-flow-ipv6-offset',
    oracle: 'exabgp',
    families: ['ipv6/flow', 'ipv6/flow-vpn'],
    always: true,
    applies: (i) => hasIpv6Offset(i),
    reason:
      'ExaBGP 4.2.21 drops, without an error, an IPv6 FlowSpec rule whose prefix has a non-zero offset (RFC 8956 §3.1 defines the offset form).',
  },
  {
    id: 'exabgp-evpn-label2',
    oracle: 'exabgp',
    families: ['l2vpn/evpn'],
    always: true,
    applies: (i) => Number(i.ours.code) === 2 && Array.isArray(i.ours.label) && (i.ours.label as unknown[]).length === 2,
    reason: 'ExaBGP 4.2.21 drops MPLS Label2 of an EVPN MAC/IP route (RFC 7432 §7.2: Label2 follows Label1 when the route length says so).',
  },
  {
    id: 'exabgp-flow-wide-values',
    oracle: 'exabgp',
    families: ['ipv4/flow', 'ipv6/flow', 'ipv4/flow-vpn', 'ipv6/flow-vpn'],
    applies: () => false, // recognised by its error: struct.error "'H' format requires 0 <= number <= 65535"
    reason: 'ExaBGP 4.2.21 fails (Python struct.error) on a FlowSpec numeric value of 8 octets (RFC 8955 §4.2.1.1: len 11 = 8 octets).',
  },
  {
    id: 'tshark-bgp-ls-member-asn',
    oracle: 'tshark',
    families: ['bgp-ls/bgp-ls'],
    always: true,
    // a node descriptor sub-TLV 517 (4 octets) in a BGP (protocol 7) NLRI, as the arbitrary writes it
    applies: (i) => i.bytes[4] === 7 && /^(?:[0-9A-F]{2})*02050004/.test(i.hex),
    reason:
      'tshark 4.0.17 flags node descriptor sub-TLV 517 as "Undefined node Descriptor Sub-TLV type"; RFC 9086 §4.1 defines it ' +
      '(BGP Confederation Member, 4 octets), beside 516 which tshark knows.',
  },
  {
    id: 'tshark-mvpn-leaf-ad-originator',
    oracle: 'tshark',
    families: ['ipv4/mvpn', 'ipv6/mvpn'],
    always: true,
    applies: (i) => i.ours['route-type'] === 4 && String(i.ours.originator).includes(':') !== (i.afi === 2),
    reason:
      'tshark 4.0.17 reads the Leaf A-D originating router address by the AFI (4 octets in ipv4/mvpn, 16 in ipv6/mvpn) and shows the last ' +
      'octets; RFC 6515 §2 (and RFC 6514 §4.4) give its family by its length: what is left after the route key (4 = IPv4, 16 = IPv6).',
  },
  {
    id: 'tshark-rtc-as4-route-target',
    oracle: 'tshark',
    families: ['ipv4/rtc'],
    always: true,
    applies: (i) => i.bytes[0] === 96 && i.bytes[5] === 0x02,
    reason:
      'tshark 4.0.17 shows the global administrator of a 4-octet-AS route target (type 0x02, RFC 5668 §2) in an RTC route as 4294967295.',
  },  {
    id: 'exabgp-vpls-bgp-ad',
    oracle: 'exabgp',
    families: ['l2vpn/vpls'],
    always: true,
    // RFC 6074 §3.2.2 BGP auto-discovery NLRI: length 12 (RD + PE address)
    applies: (i) => i.bytes[0] === 0x00 && i.bytes[1] === 0x0c,
    reason:
      'ExaBGP 4.2.21 reads every VPLS NLRI as the 17-octet RFC 4761 §3.2.2 layout and fails with struct.error on the 12-octet ' +
      'RFC 6074 §3.2.2 BGP auto-discovery NLRI (RD + PE address) that shares AFI 25 / SAFI 65.',
  },
];

export const KNOWN_BUGS: readonly KnownBug[] = [
  {
    id: 'tshark-labeled-default',
    oracle: 'tshark',
    families: ['ipv4/mpls-label', 'ipv6/mpls-label'],
    always: true,
    applies: (i) => bitsOf(i.ours.prefix) === 0,
    reason:
      'tshark 4.0.17 refuses a labeled default route (NLRI length = 24 × labels, prefix /0: "Labeled IPv4 prefix length 24 invalid"); ' +
      'RFC 8277 §2.2 lets the prefix be any length from 0, and RFC 4271 §4.3 prefixes may be 0 bits long.',
  },
  {
    id: 'tshark-labeled-trailing-bits',
    oracle: 'tshark',
    families: ['ipv4/mpls-label', 'ipv6/mpls-label'],
    applies: (i) => {
      const bits = bitsOf(i.ours.prefix) % 8;
      return bits !== 0 && (i.bytes[i.bytes.length - 1]! & (0xff >> bits)) !== 0;
    },
    reason:
      'tshark 4.0.17 throws an exception ("Malformed Packet") on a labeled prefix whose bits past the prefix length are not zero; ' +
      'RFC 4271 §4.3 says the value of the trailing bits is irrelevant.',
  },
  {
    id: 'tshark-flow-ipv6-offset',
    oracle: 'tshark',
    families: ['ipv6/flow', 'ipv6/flow-vpn'],
    applies: (i) =>
      ['destination-ipv6', 'source-ipv6'].some((k) =>
        ((i.ours[k] as string[][] | undefined) ?? []).flat().some((p) => Number(p.split('/')[2] ?? 0) > 0),
      ),
    reason:
      'tshark 4.0.17 misreads an IPv6 FlowSpec prefix with a non-zero offset (RFC 8956 §3.1: the pattern holds bits offset..length) ' +
      'and stops dissecting the NLRI.',
  },
  {
    id: 'tshark-flow-wide-values',
    oracle: 'tshark',
    families: ['ipv4/flow', 'ipv6/flow', 'ipv4/flow-vpn', 'ipv6/flow-vpn'],
    applies: () => false, // reported by the view (`!bug:tshark-flow-wide-values`): depends on operator length bits
    reason:
      'tshark 4.0.17 shows a 4-octet FlowSpec value as the 8 octets starting there, and dissects no value at all for the 8-octet length ' +
      '(RFC 8955 §4.2.1.1: len 10 = 4 octets, 11 = 8 octets).',
  },
];

KNOWN_BUGS_EXTRA.forEach((b) => (KNOWN_BUGS as KnownBug[]).push(b));

export function knownBug(oracle: string, input: Input, withdraw: boolean): KnownBug | undefined {
  return KNOWN_BUGS.find(
    (b) => (b.oracle === oracle || (b.oracle === 'ours' && b.foundBy === oracle)) && b.families.includes(input.family) && b.applies(input, withdraw),
  );
}

export const bugById = (id: string): KnownBug | undefined => KNOWN_BUGS.find((b) => b.id === id);
