/**
 * BGP-LS models (RFC 9552 §5.2, RFC 9514 §6) for both families.
 *
 * `arbitraries` (the round-trip test, the fuzzer, the interop inputs): NLRIs structured as RFC
 * 9552 §5.1-5.2 says: Local Node Descriptors first, then for a Link the Remote Node Descriptors
 * and Link Descriptors (258-263), for a Prefix its Prefix Descriptors (263-265, IP Reachability
 * mandatory), for an SRv6 SID (RFC 9514 §5) an optional MT-ID and the one SRv6 SID Information
 * TLV; TLVs and node descriptor sub-TLVs in ascending type order, each at most once, IGP
 * Router-ID lengths by protocol (§5.2.1.4), one MT-ID in a Link or Prefix descriptor
 * (§5.2.2.1), no Link Identifiers beside interface/neighbor addresses (§5.2.2); 64-bit
 * identifiers up to 2^64-1, RDs for the VPN family, and a few unknown NLRI types kept as bytes.
 * SR Policy Candidate Path NLRIs (RFC 9857 §4): Protocol-ID 9, the headend's TLV 256, one TLV 554
 * with the E/O flags of its address lengths. `bgp-ls/bgp-ls-spf` (RFC 9815 §5.2): Node and Link
 * NLRIs of Protocol-ID 4 (Direct), Prefix NLRIs of any source, node descriptors AS 512 + BGP
 * Router-ID 516 (the BGP-LS-SPF node key), links with IPv4 or IPv6 addresses or Link
 * Identifiers and an optional Address Family Link Descriptor 1185.
 *
 * `lenientArbitraries`: every typed TLV and node descriptor sub-TLV in any order and number,
 * under any NLRI type, unknown TLVs at both levels: what a decoder must survive and re-encode
 * (test/families/bgp-ls round-trips them), not what an RFC speaker sends.
 *
 * `attributeArbitrary`: BGP-LS attributes (type 29) with TLVs of every code Ze knows (well- and
 * badly-sized values) and unknown codes.
 */
import fc from 'fast-check';
import type { BgpLsModel, BgpLsNlri, LsNlriKind, LsTlv, NodeDescriptor, SrPolicyCpDescriptor } from '../../families/bgp-ls/model.js';
import type { BgpLsAttribute, BgpLsAttrTlv } from '../../families/bgp-ls/attr-wire.js';

const bytes = (n: number): fc.Arbitrary<Uint8Array> => fc.uint8Array({ minLength: n, maxLength: n });
const u32 = fc.nat({ max: 0xffffffff });
/** TLV codes with no typed meaning in an NLRI (so a raw item decodes back to a raw item). */
const unknownCode = fc.integer({ min: 0, max: 0xffff }).filter((t) => !(t >= 256 && t <= 265) && !(t >= 512 && t <= 518) && t !== 554 && t !== 1185);
const raw = fc.record({ kind: fc.constant('tlv' as const), type: unknownCode, value: fc.uint8Array({ maxLength: 24 }) });

const descriptor: fc.Arbitrary<NodeDescriptor> = fc.oneof(
  u32.map((asn) => ({ kind: 'as' as const, asn })),
  u32.map((id) => ({ kind: 'bgp-ls-id' as const, id })),
  u32.map((area) => ({ kind: 'ospf-area-id' as const, area })),
  fc.constantFrom(4, 6, 7, 8).chain((n) => bytes(n)).map((id) => ({ kind: 'igp-router-id' as const, id })),
  bytes(4).map((id) => ({ kind: 'bgp-router-id' as const, id })),
  u32.map((asn) => ({ kind: 'member-asn' as const, asn })),
  bytes(16).map((sid) => ({ kind: 'srv6-sid' as const, sid })),
  raw,
  // a known code with another length stays raw
  fc.record({ kind: fc.constant('tlv' as const), type: fc.constantFrom(512, 513, 514, 515), value: fc.uint8Array({ minLength: 5, maxLength: 9 }).filter((v) => v.length !== 6 && v.length !== 7 && v.length !== 8) }),
);

const node = (kind: 'local-node' | 'remote-node'): fc.Arbitrary<LsTlv> =>
  fc.array(descriptor, { maxLength: 6 }).map((descriptors) => ({ kind, descriptors }));

const tlv: fc.Arbitrary<LsTlv> = fc.oneof(
  fc.record({ kind: fc.constant('link-id' as const), local: u32, remote: u32 }),
  fc.record({ kind: fc.constantFrom('ipv4-interface' as const, 'ipv4-neighbor' as const), addr: bytes(4) }),
  fc.record({ kind: fc.constantFrom('ipv6-interface' as const, 'ipv6-neighbor' as const), addr: bytes(16) }),
  fc.record({ kind: fc.constant('mt-id' as const), ids: fc.array(fc.nat({ max: 0xffff }), { maxLength: 4 }) }),
  fc.record({ kind: fc.constant('ospf-route-type' as const), routeType: fc.nat({ max: 255 }) }),
  fc.nat({ max: 255 }).chain((length) => bytes((length + 7) >>> 3).map((addr) => ({ kind: 'ip-reachability' as const, length, addr }))),
  bytes(16).map((sid) => ({ kind: 'srv6-sid' as const, sid })),
  raw,
  node('remote-node'),
  fc.nat({ max: 255 }).map((af) => ({ kind: 'af-link' as const, af })),
  fc.constantFrom(0, 0x40, 0x80, 0xc0, 0x3f).chain((f) => cpDescriptor(f)),
);

/** TLV 554 (RFC 9857 §4.1) for a flags octet: address lengths from E (0x80) and O (0x40). */
function cpDescriptor(flags: number): fc.Arbitrary<SrPolicyCpDescriptor> {
  return fc
    .record({
      protocolOrigin: fc.nat({ max: 255 }),
      reserved: fc.constantFrom(0, 0, 0, 0xffff),
      endpoint: bytes(flags & 0x80 ? 16 : 4),
      color: u32,
      originatorAsn: u32,
      originator: bytes(flags & 0x40 ? 16 : 4),
      discriminator: u32,
    })
    .map((r) => ({ kind: 'sr-policy-cp' as const, flags, ...r }));
}

function nlri(vpn: boolean): fc.Arbitrary<BgpLsNlri> {
  return fc
    .record({
      kind: fc.constantFrom<LsNlriKind>('node', 'link', 'prefix-v4', 'prefix-v6', 'sr-policy-cp', 'srv6-sid'),
      protocolId: fc.nat({ max: 255 }),
      identifier: fc.bigInt({ min: 0n, max: 0xffffffffffffffffn }),
      rd: bytes(8),
      before: fc.array(tlv, { maxLength: 2 }),
      local: node('local-node'),
      after: fc.array(tlv, { maxLength: 6 }),
    })
    .map(({ kind, protocolId, identifier, rd, before, local, after }) => {
      const tlvs = [...before, local, ...after];
      return vpn ? { kind, protocolId, identifier, rd, tlvs } : { kind, protocolId, identifier, tlvs };
    });
}

/** An NLRI of a type ze-nlri does not decode, framed by its length (RFC 9552 §5.2: kept). */
function unknownType(vpn: boolean): fc.Arbitrary<BgpLsModel> {
  return fc
    .record({ type: fc.integer({ min: 0, max: 0xffff }).filter((t) => t === 0 || t > 6), body: fc.uint8Array({ minLength: vpn ? 17 : 9, maxLength: 40 }) })
    .map(({ type, body }) => {
      const raw = new Uint8Array(4 + body.length);
      raw[0] = type >> 8;
      raw[1] = type & 0xff;
      raw[2] = body.length >> 8;
      raw[3] = body.length & 0xff;
      raw.set(body, 4);
      return { kind: 'unparsed' as const, raw };
    });
}

const lenientModel = (vpn: boolean): fc.Arbitrary<BgpLsModel> => fc.oneof({ arbitrary: nlri(vpn), weight: 9 }, { arbitrary: unknownType(vpn), weight: 1 });

/** Any TLV order and placement (see the module comment). */
export const lenientArbitraries = {
  'bgp-ls/bgp-ls': lenientModel(false),
  'bgp-ls/bgp-ls-vpn': lenientModel(true),
  'bgp-ls/bgp-ls-spf': lenientModel(false),
};

// ---- RFC-structured NLRIs

/** RFC 9552 §5.2 Table 2 Protocol-IDs: 1 IS-IS L1, 2 IS-IS L2, 3 OSPFv2, 4 Direct, 5 Static, 6 OSPFv3, 7 BGP (RFC 9086). */
const isIsis = (p: number): boolean => p === 1 || p === 2;
const isOspf = (p: number): boolean => p === 3 || p === 6;

/** IGP Router-ID (515) lengths by protocol (RFC 9552 §5.2.1.4): IS-IS 6 / 7 (pseudonode), OSPF 4 / 8 (pseudonode), else 4. */
const igpRouterId = (protocolId: number): fc.Arbitrary<Uint8Array> =>
  fc.constantFrom(...(isIsis(protocolId) ? [6, 7] : isOspf(protocolId) ? [4, 8] : [4])).chain((n) => bytes(n));

/**
 * A Node Descriptors TLV (RFC 9552 §5.2.1): sub-TLVs 512-517 each at most once, ascending; the
 * IGP Router-ID always (BGP Router-ID 516 for protocol 7, RFC 9086 §4.1).
 */
function nodeDescriptors(kind: 'local-node' | 'remote-node', protocolId: number): fc.Arbitrary<LsTlv> {
  const maybe = <T>(a: fc.Arbitrary<T>): fc.Arbitrary<T | undefined> => fc.option(a, { nil: undefined });
  return fc
    .record({
      as: maybe(u32.map((asn): NodeDescriptor => ({ kind: 'as', asn }))),
      lsId: maybe(u32.map((id): NodeDescriptor => ({ kind: 'bgp-ls-id', id }))),
      area: isOspf(protocolId) ? maybe(u32.map((area): NodeDescriptor => ({ kind: 'ospf-area-id', area }))) : fc.constant(undefined),
      igp: protocolId === 7 ? fc.constant(undefined) : igpRouterId(protocolId).map((id): NodeDescriptor => ({ kind: 'igp-router-id', id })),
      bgp: protocolId === 7 ? bytes(4).map((id): NodeDescriptor => ({ kind: 'bgp-router-id', id })) : fc.constant(undefined),
      member: protocolId === 7 ? maybe(u32.map((asn): NodeDescriptor => ({ kind: 'member-asn', asn }))) : fc.constant(undefined),
    })
    .map((d) => ({ kind, descriptors: [d.as, d.lsId, d.area, d.igp, d.bgp, d.member].filter((x): x is NodeDescriptor => x !== undefined) }));
}

/** One MT-ID (RFC 9552 §5.2.2.1): R bits zero; OSPF MT-IDs 0-127 (RFC 4915), IS-IS 12 bits (RFC 5120). */
const mtId = (protocolId: number): fc.Arbitrary<LsTlv> =>
  fc.nat({ max: isOspf(protocolId) ? 127 : 4095 }).map((id) => ({ kind: 'mt-id' as const, ids: [id] }));

/** A prefix of `max` bits at most, bits past its length zero (RFC 9552 §5.2.3.2). */
const reachability = (max: number): fc.Arbitrary<LsTlv> =>
  fc.nat({ max }).chain((length) =>
    bytes((length + 7) >>> 3).map((addr) => {
      if (length % 8) addr[addr.length - 1]! &= (0xff << (8 - (length % 8))) & 0xff;
      return { kind: 'ip-reachability' as const, length, addr };
    }),
  );

const opt = <T>(a: fc.Arbitrary<T>): fc.Arbitrary<T[]> => fc.option(a, { nil: undefined }).map((x) => (x === undefined ? [] : [x]));

/** Link Descriptors (RFC 9552 §5.2.2), ascending: Link Identifiers or interface/neighbor addresses (v4 or v6), an optional MT-ID. */
const linkDescriptors = (protocolId: number): fc.Arbitrary<LsTlv[]> =>
  fc
    .tuple(
      fc.oneof(
        fc.constant<LsTlv[]>([]),
        fc.record({ kind: fc.constant('link-id' as const), local: u32, remote: u32 }).map((t): LsTlv[] => [t]),
        fc.tuple(opt(bytes(4)), opt(bytes(4))).map(([i, n]): LsTlv[] => [
          ...i.map((addr) => ({ kind: 'ipv4-interface' as const, addr })),
          ...n.map((addr) => ({ kind: 'ipv4-neighbor' as const, addr })),
        ]),
        fc.tuple(opt(bytes(16)), opt(bytes(16))).map(([i, n]): LsTlv[] => [
          ...i.map((addr) => ({ kind: 'ipv6-interface' as const, addr })),
          ...n.map((addr) => ({ kind: 'ipv6-neighbor' as const, addr })),
        ]),
      ),
      opt(mtId(protocolId)),
    )
    .map(([a, b]) => [...a, ...b]);

/** Prefix Descriptors (RFC 9552 §5.2.3), ascending: optional MT-ID, OSPF Route Type (1-6, OSPF only), IP Reachability. */
const prefixDescriptors = (protocolId: number, v6: boolean): fc.Arbitrary<LsTlv[]> =>
  fc
    .tuple(
      opt(mtId(protocolId)),
      isOspf(protocolId) ? opt(fc.integer({ min: 1, max: 6 }).map((routeType) => ({ kind: 'ospf-route-type' as const, routeType }))) : fc.constant([]),
      reachability(v6 ? 128 : 32),
    )
    .map(([m, o, r]) => [...m, ...o, r]);

/** SRv6 SID Descriptors (RFC 9514 §5): optional MT-ID, then the one SRv6 SID Information TLV. */
const srv6Descriptors = (protocolId: number): fc.Arbitrary<LsTlv[]> =>
  fc.tuple(opt(mtId(protocolId)), bytes(16)).map(([m, sid]) => [...m, { kind: 'srv6-sid' as const, sid }]);

/** SR Policy Candidate Path NLRI (RFC 9857 §4): Protocol-ID 9, headend TLV 256, one plain TLV 554. */
function srPolicyNlri(vpn: boolean): fc.Arbitrary<BgpLsNlri> {
  return fc
    .record({
      identifier: fc.bigInt({ min: 0n, max: 0xffffffffffffffffn }),
      rd: bytes(8),
      local: nodeDescriptors('local-node', 7),
      cp: fc.constantFrom(0, 0x40, 0x80, 0xc0).chain((f) => cpDescriptor(f).map((d) => ({ ...d, reserved: 0 }))),
    })
    .map(({ identifier, rd, local, cp }): BgpLsNlri => {
      const tlvs = [local, cp];
      return vpn ? { kind: 'sr-policy-cp', protocolId: 9, identifier, rd, tlvs } : { kind: 'sr-policy-cp', protocolId: 9, identifier, tlvs };
    });
}

/** The BGP-LS-SPF node key (RFC 9815 §5.2.1): AS 512 and BGP Router-ID 516. */
const spfNode = (kind: 'local-node' | 'remote-node'): fc.Arbitrary<LsTlv> =>
  fc.tuple(u32, bytes(4)).map(([asn, id]) => ({ kind, descriptors: [{ kind: 'as' as const, asn }, { kind: 'bgp-router-id' as const, id }] }));

/** BGP-LS-SPF NLRIs (RFC 9815 §5.2; see the module comment). */
const spfNlri: fc.Arbitrary<BgpLsNlri> = fc.constantFrom<LsNlriKind>('node', 'link', 'prefix-v4', 'prefix-v6').chain((kind) => {
  const head = { kind, identifier: 0n };
  if (kind === 'node') return spfNode('local-node').map((l): BgpLsNlri => ({ ...head, protocolId: 4, tlvs: [l] }));
  if (kind === 'link')
    return fc
      .tuple(spfNode('local-node'), spfNode('remote-node'), linkDescriptors(4), opt(fc.constantFrom(1, 2).map((af) => ({ kind: 'af-link' as const, af }))))
      .map(([l, r, d, af]): BgpLsNlri => ({ ...head, protocolId: 4, tlvs: [l, r, ...d, ...af] }));
  return fc
    .tuple(fc.constantFrom(4, 5, 7), spfNode('local-node'), reachability(kind === 'prefix-v6' ? 128 : 32))
    .map(([protocolId, l, r]): BgpLsNlri => ({ ...head, protocolId, tlvs: [l, r] }));
});

function rfcNlri(vpn: boolean): fc.Arbitrary<BgpLsNlri> {
  return fc
    .record({
      kind: fc.constantFrom<LsNlriKind>('node', 'link', 'prefix-v4', 'prefix-v6', 'srv6-sid'),
      protocolId: fc.integer({ min: 1, max: 7 }),
      identifier: fc.bigInt({ min: 0n, max: 0xffffffffffffffffn }),
      rd: bytes(8),
    })
    .chain(({ kind, protocolId, identifier, rd }) => {
      const rest: fc.Arbitrary<LsTlv[]> =
        kind === 'node'
          ? fc.constant([])
          : kind === 'link'
            ? fc.tuple(nodeDescriptors('remote-node', protocolId), linkDescriptors(protocolId)).map(([r, l]) => [r, ...l])
            : kind === 'srv6-sid'
              ? srv6Descriptors(protocolId)
              : prefixDescriptors(protocolId, kind === 'prefix-v6');
      return fc.tuple(nodeDescriptors('local-node', protocolId), rest).map(([local, more]): BgpLsNlri => {
        const tlvs = [local, ...more];
        return vpn ? { kind, protocolId, identifier, rd, tlvs } : { kind, protocolId, identifier, tlvs };
      });
    });
}

const model = (vpn: boolean): fc.Arbitrary<BgpLsModel> =>
  fc.oneof({ arbitrary: rfcNlri(vpn), weight: 17 }, { arbitrary: srPolicyNlri(vpn), weight: 2 }, { arbitrary: unknownType(vpn), weight: 1 });

/** RFC-structured NLRIs (see the module comment). */
export const arbitraries = {
  'bgp-ls/bgp-ls': model(false),
  'bgp-ls/bgp-ls-vpn': model(true),
  'bgp-ls/bgp-ls-spf': fc.oneof({ arbitrary: spfNlri, weight: 9 }, { arbitrary: unknownType(false), weight: 1 }) as fc.Arbitrary<BgpLsModel>,
};

/** Attribute TLV codes Ze decodes (bgp-ls spec §10.3), and those ze-nlri decodes beyond Ze. */
const ATTR_CODES = [
  1024, 1025, 1026, 1027, 1028, 1029, 1030, 1031, 1034, 1035, 1036, 1088, 1089, 1090, 1091, 1092, 1095, 1096, 1097, 1098, 1099,
  1101, 1102, 1103, 1106, 1107, 1108, 1114, 1115, 1116, 1152, 1155, 1157, 1158, 1161, 1170, 1171, 1250, 1251, 1252,
  1038, 1039, 1044, 1162, 1181, 1182, 1183, 1184, 1201, 1202, 1203, 1204, 1205, 1212, 1213,
];

const attrTlv: fc.Arbitrary<BgpLsAttrTlv> = fc.oneof(
  fc.record({ type: fc.constantFrom(...ATTR_CODES), value: fc.uint8Array({ maxLength: 40 }) }),
  fc.record({ type: fc.constantFrom(...ATTR_CODES), value: fc.constantFrom(1, 2, 3, 4, 7, 8, 12, 16, 22, 26, 28, 30, 32).chain((n) => bytes(n)) }),
  fc.record({ type: fc.integer({ min: 0, max: 0xffff }), value: fc.uint8Array({ maxLength: 16 }) }),
);

/** Valid BGP-LS attribute models (every TLV whole; no trailing bytes). */
export const attributeArbitrary: fc.Arbitrary<BgpLsAttribute> = fc.array(attrTlv, { maxLength: 8 }).map((tlvs) => ({ tlvs }));
