/**
 * Path-attribute disagreements resolved against the oracle (or, `ours`, findings for ze-nlri's
 * owners): each names the oracle, the attribute code, how to recognise the input, and the RFC
 * reading. The tests check that an `always` entry still disagrees on every input it applies to
 * (a fixed oracle, or a change on our side, shows up); docs/INTEROP.md "Path attributes" lists them.
 */
import type { PathAttribute } from '../../../src/index.js';
import type { AttrInput } from './attr-inputs.js';

export interface AttrBug {
  id: string;
  oracle: 'tshark' | 'exabgp' | 'gobgp' | 'ours';
  foundBy?: string;
  /** Attribute type codes it is about. */
  codes: readonly number[];
  applies(a: PathAttribute, input: AttrInput): boolean;
  always?: boolean;
  reason: string;
}

const v = (a: PathAttribute): any => a.value;
/** PMSI tunnel identifiers holding a 16-octet (IPv6) address. */
const pmsiV6 = (a: PathAttribute): boolean => {
  const t = v(a).tunnel;
  return [t.endpoint, t.extendedTunnelId, t.sender, t.root].some((x: Uint8Array | undefined) => x?.length === 16) || (t.kind === 'mldp' && t.root.length !== 4);
};
const psid = (a: PathAttribute): any[] => v(a).tlvs;
/** `TTSS` of each extended community. */
const extTypes = (a: PathAttribute): string[] => Array.from({ length: a.raw.length >> 3 }, (_, i) => Buffer.from(a.raw.subarray(8 * i, 8 * i + 2)).toString('hex'));
const tunnelSubs = (a: PathAttribute): number[] => (v(a).tunnels as { subTlvs: { type: number }[] }[]).flatMap((t) => t.subTlvs.map((s) => s.type));

export const attrBugs: AttrBug[] = [
  {
    id: 'tshark-aigp-tlvs',
    oracle: 'tshark',
    codes: [26],
    applies: (a) => v(a).tlvs.length !== 1 || v(a).tlvs[0].type !== 1,
    always: true,
    reason: 'dissects the first AIGP TLV only, and flags TLV types other than 1 as an error ("AIGP type N unknown"); RFC 7311 §3: the attribute is a sequence of TLVs, only type 1 defined, others kept',
  },
  {
    id: 'tshark-pmsi-ipv6',
    oracle: 'tshark',
    codes: [22],
    applies: pmsiV6,
    always: true,
    reason: 'reads every PMSI tunnel identifier address as IPv4 (an IPv6 ingress-replication endpoint, RSVP-TE extended tunnel id or PIM sender/group shows its first 4 octets) and an mLDP root by its Address Family instead of its Address Length (exception "Trying to fetch an IPv6 address with length 4"); RFC 6514 §5 with RFC 6515 §2: the address family follows from the identifier length; RFC 6388 §2.2: Address Length octets of root address',
  },
  {
    id: 'tshark-pmsi-ir-length',
    oracle: 'tshark',
    codes: [22],
    applies: (a) => v(a).tunnelType === 6 && v(a).tunnel.kind === 'raw' && v(a).tunnel.bytes.length !== 0,
    always: true,
    reason: 'shows the first 4 octets of an ingress-replication identifier of another length (vector pmsi-malformed: 5 octets) as an IPv4 endpoint and ignores the rest, with no expert info; RFC 6514 §5: the identifier is the endpoint address (4 or 16 octets): ze-nlri keeps the octets (RFC 7606 §3: not an address)',
  },
  {
    id: 'tshark-tunnel-color',
    oracle: 'tshark',
    codes: [23],
    applies: (a) => tunnelSubs(a).includes(4),
    always: true,
    reason: 'reads the Color sub-TLV\'s color from the first 4 of its 8 octets (the extended community type, sub-type and flags: 0x030B0000 = 51052544) and mis-steps on the sub-TLVs after it; RFC 9012 §3.4.2: the value is a Color Extended Community (RFC 9012 §4.3), the color its last 4 octets',
  },
  {
    id: 'tshark-prefix-sid-tlv-walk',
    oracle: 'tshark',
    codes: [40],
    applies: (a) => psid(a).some((t) => 'raw' in t || (t.type === 1 && (t.reserved !== 0 || t.flags !== 0)) || ((t.type === 5 || t.type === 6) && t.subTlvs.length === 0)),
    reason: 'loses the TLV boundaries after some valid TLVs (a TLV of an unassigned or deprecated type, a Label-Index TLV with non-zero Reserved/Flags, an SRv6 Service TLV with no sub-TLV): shows a Label-Index or unknown TLV over the following bytes, or "Invalid BGP Prefix-SID Label Index length"; RFC 8669 §3: every TLV is Type (1), Length (2), Value, Reserved and Flags ignored on receipt; RFC 9252 §2: the Service Sub-TLVs may be absent',
  },
  {
    id: 'exabgp-redirect-as4',
    oracle: 'exabgp',
    codes: [16],
    applies: (a) => extTypes(a).includes('8208'),
    always: true,
    reason: 'refuses the UPDATE ("maximum recursion depth exceeded") on a FlowSpec redirect extended community of type 0x82 sub-type 0x08 (4-octet AS); RFC 8955 §7.4 defines it (with 0x80 and 0x81, which ExaBGP reads)',
  },
  {
    id: 'exabgp-rate-nan',
    oracle: 'exabgp',
    codes: [16],
    applies: (a) => (v(a).communities as { kind: string }[]).some((c, i) => c.kind === 'raw' && extTypes(a)[i] === '8006'),
    always: true,
    reason: 'refuses the UPDATE ("cannot convert float NaN to integer") on a traffic-rate-bytes whose rate is a NaN (vector extended-community-43, 0x7FC00000); RFC 8955 §7.1 carries an IEEE float and RFC 7606 §7.14 allows at most discarding the attribute; ze-nlri keeps the community as octets',
  },
  {
    id: 'exabgp-pmsi-ir-address',
    oracle: 'exabgp',
    codes: [22],
    applies: (a) => v(a).tunnelType === 6 && a.raw.length - 5 !== 4,
    always: true,
    reason: 'refuses the UPDATE (Python ValueError "invalid length of packed IP address string") when an ingress-replication identifier is not 4 octets: an IPv6 endpoint, which RFC 6514 §5 with RFC 6515 §2 allows, and a 5-octet one (vector pmsi-malformed), for which RFC 7606 §3 asks at most attribute discard',
  },
  {
    id: 'exabgp-prefix-sid-srv6',
    oracle: 'exabgp',
    codes: [40],
    applies: (a) => psid(a).some((t) => t.type === 5 || t.type === 6),
    always: true,
    reason: 'refuses the UPDATE ("Invalid TLV size. Should be 21 but N received", or a Python AttributeError for type 6) on every RFC 9252 SRv6 Service TLV: it reads types 5/6 with the fixed layout of draft-dawra-idr-srv6-vpn (SID, flags, behavior; no sub-TLVs); RFC 9252 §2: Reserved then SRv6 Service Sub-TLVs',
  },
  {
    id: 'exabgp-prefix-sid-other-tlv',
    oracle: 'exabgp',
    codes: [40],
    applies: (a) => psid(a).some((t) => 'raw' in t),
    always: true,
    reason: 'refuses the UPDATE on a Prefix-SID TLV it does not know (Python AttributeError "\'GenericSRId\' object has no attribute \'pack\'") or on type 2 of another length than 19 (the deprecated IPv6 SID TLV); RFC 8669 §3: an unrecognised TLV is ignored (and propagated)',
  },
  {
    id: 'exabgp-bgp-ls-attr',
    oracle: 'exabgp',
    codes: [29],
    applies: () => true,
    reason: 'refuses some UPDATEs on their BGP-LS attribute (vector ze-decode-bgp-ls-5-1: Python "not all arguments converted during string formatting"); the BGP-LS attribute itself is not compared (BGP-LS is not sent to ExaBGP by the NLRI suite either), the other attributes of such an UPDATE are counted as skipped',
  },
];

export function attrBug(oracle: string, a: PathAttribute, input: AttrInput): AttrBug | undefined {
  return attrBugs.find((b) => (b.oracle === oracle || b.foundBy === oracle) && b.codes.includes(a.code) && b.applies(a, input));
}
