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
  /**
   * The oracle refuses such an UPDATE (ExaBGP stops its batch), resets the session, crashes or
   * breaks the Adj-RIB-In listing (GoBGP): each costs a run of its own, so only the first few
   * inputs of the bug are sent (lib/attr-compare.ts `notSent`), GoBGP's alone.
   */
  isolate?: boolean;
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
    isolate: true,
    reason: 'refuses the UPDATE ("maximum recursion depth exceeded") on a FlowSpec redirect extended community of type 0x82 sub-type 0x08 (4-octet AS); RFC 8955 §7.4 defines it (with 0x80 and 0x81, which ExaBGP reads)',
  },
  {
    id: 'exabgp-rate-nan',
    oracle: 'exabgp',
    codes: [16],
    applies: (a) => (v(a).communities as { kind: string }[]).some((c, i) => c.kind === 'raw' && extTypes(a)[i] === '8006'),
    always: true,
    isolate: true,
    reason: 'refuses the UPDATE ("cannot convert float NaN to integer") on a traffic-rate-bytes whose rate is a NaN (vector extended-community-43, 0x7FC00000); RFC 8955 §7.1 carries an IEEE float and RFC 7606 §7.14 allows at most discarding the attribute; ze-nlri keeps the community as octets',
  },
  {
    id: 'exabgp-pmsi-ir-address',
    oracle: 'exabgp',
    codes: [22],
    applies: (a) => v(a).tunnelType === 6 && a.raw.length - 5 !== 4,
    always: true,
    isolate: true,
    reason: 'refuses the UPDATE (Python ValueError "invalid length of packed IP address string") when an ingress-replication identifier is not 4 octets: an IPv6 endpoint, which RFC 6514 §5 with RFC 6515 §2 allows, and a 5-octet one (vector pmsi-malformed), for which RFC 7606 §3 asks at most attribute discard',
  },
  {
    id: 'exabgp-prefix-sid-srv6',
    oracle: 'exabgp',
    codes: [40],
    applies: (a) => psid(a).some((t) => t.type === 5 || t.type === 6),
    always: true,
    isolate: true,
    reason: 'refuses the UPDATE ("Invalid TLV size. Should be 21 but N received", or a Python AttributeError for type 6) on every RFC 9252 SRv6 Service TLV: it reads types 5/6 with the fixed layout of draft-dawra-idr-srv6-vpn (SID, flags, behavior; no sub-TLVs); RFC 9252 §2: Reserved then SRv6 Service Sub-TLVs',
  },
  {
    id: 'exabgp-prefix-sid-other-tlv',
    oracle: 'exabgp',
    codes: [40],
    applies: (a) => psid(a).some((t) => 'raw' in t),
    always: true,
    isolate: true,
    reason: 'refuses the UPDATE on a Prefix-SID TLV it does not know (Python AttributeError "\'GenericSRId\' object has no attribute \'pack\'") or on type 2 of another length than 19 (the deprecated IPv6 SID TLV); RFC 8669 §3: an unrecognised TLV is ignored (and propagated)',
  },
  {
    id: 'exabgp-as4-aggregator-kept',
    oracle: 'exabgp',
    codes: [18],
    applies: (_a, input) => !input.attrs.some((x) => x.code === 7),
    always: true,
    reason: 'reports an AS4_AGGREGATOR received on a session that negotiated 4-octet AS numbers as the route\'s `aggregator`; RFC 6793 §4.1: a NEW speaker MUST discard AS4_AGGREGATOR (and AS4_PATH) received from a NEW speaker (its AS4_PATH it keeps apart, as an unknown attribute)',
  },
  {
    id: 'exabgp-bgp-ls-attr',
    oracle: 'exabgp',
    codes: [29],
    applies: () => true,
    reason: 'refuses some UPDATEs on their BGP-LS attribute (vector ze-decode-bgp-ls-5-1: Python "not all arguments converted during string formatting"); the BGP-LS attribute itself is not compared (BGP-LS is not sent to ExaBGP by the NLRI suite either), the other attributes of such an UPDATE are counted as skipped',
  },
  {
    id: 'gobgp-as4-aggregator-reset',
    oracle: 'gobgp',
    codes: [18],
    applies: () => true,
    always: true,
    isolate: true,
    reason: 'resets the session (NOTIFICATION) on an AS4_AGGREGATOR from a peer that negotiated 4-octet AS numbers; RFC 6793 §4.1: such an attribute MUST be discarded and the UPDATE processed (GoBGP does discard AS4_PATH there)',
  },
  {
    id: 'gobgp-prefix-sid-srv6-crash',
    oracle: 'gobgp',
    codes: [40],
    applies: (a) => psid(a).some((t) => (t.type === 5 || t.type === 6) && (t.subTlvs.length === 0 || t.subTlvs.some((x: any) => 'raw' in x || x.subSubTlvs.some((y: any) => 'raw' in y)))),
    isolate: true,
    reason: 'gobgpd panics ("runtime error: slice bounds out of range" in SRv6ServiceTLV.DecodeFromBytes) on an SRv6 Service TLV with no sub-TLV, a sub-TLV other than SID Information, or a sub-sub-TLV other than SID Structure; RFC 9252 §2-3: Service Sub-TLVs and Sub-Sub-TLVs are type-length-value lists (unknown types ignored), and RFC 7606 §3 never allows a crash',
  },
  {
    id: 'gobgp-prefix-sid-l2',
    oracle: 'gobgp',
    codes: [40],
    applies: (a) => psid(a).some((t) => t.type === 6),
    always: true,
    reason: 'lists a path whose Prefix-SID has an SRv6 L2 Service TLV (type 6) with no attributes (`"attrs": null` or `[]`): none of its attributes can be read back; RFC 9252 §2 defines TLV 6 as TLV 5',
  },
  {
    id: 'gobgp-evpn-ext-subtype-4',
    oracle: 'gobgp',
    codes: [16],
    applies: (a) => extTypes(a).includes('0604'),
    always: true,
    reason: 'treats the UPDATE as withdrawn ("unknown evpn subtype: 4") on an EVPN Layer 2 Attributes extended community (type 0x06 sub-type 0x04, RFC 8214 §3.1); RFC 7606 §7.14 makes an extended community attribute malformed only when its length is not a multiple of 8, and RFC 4360 §2 leaves unknown sub-types to be ignored',
  },
  {
    id: 'gobgp-rate-nan',
    oracle: 'gobgp',
    codes: [16],
    applies: (a) => (v(a).communities as { kind: string }[]).some((c, i) => c.kind === 'raw' && extTypes(a)[i] === '8006'),
    always: true,
    isolate: true,
    reason: 'accepts a traffic-rate-bytes with a NaN rate (vector extended-community-43) and from then on `gobgp neighbor … adj-in -j` lists nothing for that neighbour (the table cannot be written as JSON); RFC 8955 §7.1 carries an IEEE float',
  },
  {
    id: 'gobgp-dscp-reserved',
    oracle: 'gobgp',
    codes: [16],
    applies: (a) => extTypes(a).some((t, i) => t === '8009' && (a.raw[8 * i + 7]! & 0xc0) !== 0),
    always: true,
    reason: 'shows the whole last octet of a traffic-marking community as the DSCP (vector extended-community-42, 0xC1: 193); RFC 8955 §7.5: the DSCP is its 6 least significant bits, the 2 others reserved and ignored on receipt',
  },
  {
    id: 'exabgp-dscp-reserved',
    oracle: 'exabgp',
    codes: [16],
    applies: (a) => extTypes(a).some((t, i) => t === '8009' && (a.raw[8 * i + 7]! & 0xc0) !== 0),
    always: true,
    reason: 'shows the whole last octet of a traffic-marking community as the DSCP (`mark 193` for 0xC1); RFC 8955 §7.5: the 6 least significant bits, the 2 reserved bits ignored on receipt',
  },
  {
    id: 'gobgp-link-bw-transitive',
    oracle: 'gobgp',
    codes: [16],
    applies: (a) => extTypes(a).includes('0004'),
    always: true,
    reason: 'shows a Transitive Link Bandwidth community (type 0x00 sub-type 0x04, IANA; draft-ietf-idr-link-bandwidth §3) as type 0x40 (the non-transitive one); ze-nlri keeps 0x0004 as octets (no typed kind for it)',
  },
  {
    id: 'gobgp-ext-l2info',
    oracle: 'gobgp',
    codes: [16],
    applies: (a) => extTypes(a).some((t, i) => t === '800a' && a.raw[8 * i + 2] === 19),
    always: true,
    reason: 'lists a path with a Layer2 Info extended community (0x800A, RFC 4761 §3.2.4) of Encaps Type 19 (VPLS, the one RFC 4761 uses) with no attributes (`"attrs": null` or `[]`): none of its attributes can be read back (other Encaps Types are listed, as octets)',
  },
  {
    id: 'gobgp-pmsi-ir-length',
    oracle: 'gobgp',
    codes: [22],
    applies: (a) => v(a).tunnelType === 6 && v(a).tunnel.kind === 'raw',
    always: true,
    reason: 'lists a path whose ingress-replication identifier is neither 4 nor 16 octets (vector pmsi-malformed) with no attributes (`"attrs": null` or `[]`) instead of discarding the attribute (RFC 7606 §3 e)',
  },
  {
    id: 'gobgp-aigp-empty-tlv',
    oracle: 'gobgp',
    codes: [26],
    applies: (a) => v(a).tlvs.some((t: any) => t.raw?.length === 0),
    always: true,
    reason: 'discards the AIGP attribute ("Aigp length is incorrect") when a TLV of a type other than 1 has no value (Length 3); RFC 7311 §3: Length counts the 3 header octets, only type 1 has a fixed length (11)',
  },
  {
    id: 'gobgp-tunnel-vxlan-encap',
    oracle: 'gobgp',
    codes: [23],
    applies: (a) => (v(a).tunnels as { type: number; subTlvs: { kind: string }[] }[]).some((t) => t.subTlvs.some((x) => x.kind === 'vxlan')),
    always: true,
    reason: 'reads the Encapsulation sub-TLV of a VXLAN / NVGRE tunnel with the L2TPv3 layout (4-octet key + cookie: key 3221225482 for flags 0xC0 + VN-ID 10); RFC 9012 §3.2.1-3.2.2: V/M flags, 24-bit VN-ID, MAC, reserved',
  },
  {
    id: 'gobgp-tunnel-sr-policy',
    oracle: 'gobgp',
    codes: [23],
    applies: (a) => tunnelSubs(a).some((t) => (t >= 12 && t <= 15) || (t >= 128 && t <= 130) || t === 20) || (v(a).tunnels as { type: number }[]).some((t) => t.type === 15),
    reason: 'lists the path with no attributes (`"attrs": null` or `[]`), or leaves the attribute or a Tunnel TLV out, when it carries SR Policy sub-TLVs (RFC 9830 §2.4: Preference, Binding SID, ENLP, Priority, Segment List, names) or a Tunnel TLV of type 15 (GoBGP reads SR Policy only in SAFI 73); RFC 9012 §2/§13: sub-TLVs are type-length-value, unknown ones ignored',
  },
  {
    id: 'gobgp-bgp-ls-attrs-null',
    oracle: 'gobgp',
    codes: [29],
    applies: () => true,
    reason: 'lists an IPv4 unicast path carrying a BGP-LS attribute (29) with no attributes (`"attrs": null` or `[]`) (the attribute is not compared; the other attributes of such an UPDATE are counted as skipped)',
  },
];

export function attrBug(oracle: string, a: PathAttribute, input: AttrInput): AttrBug | undefined {
  return attrBugs.find((b) => (b.oracle === oracle || b.foundBy === oracle) && b.codes.includes(a.code) && b.applies(a, input));
}
