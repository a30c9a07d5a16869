/**
 * Valid BGP-LS models (RFC 9552 §5.2, RFC 9514 §6) for both families: every NLRI type, every
 * typed TLV and node descriptor sub-TLV in any order and number, unknown TLVs at both levels,
 * 64-bit identifiers up to 2^64-1, RDs for the VPN family, unknown NLRI types kept as bytes; and
 * `attributeArbitrary`: BGP-LS attributes (type 29) with TLVs of every code Ze knows (well- and
 * badly-sized values) and unknown codes.
 */
import fc from 'fast-check';
import type { BgpLsModel, BgpLsNlri, LsNlriKind, LsTlv, NodeDescriptor } from '../../families/bgp-ls/model.js';
import type { BgpLsAttribute, BgpLsAttrTlv } from '../../families/bgp-ls/attr-wire.js';

const bytes = (n: number): fc.Arbitrary<Uint8Array> => fc.uint8Array({ minLength: n, maxLength: n });
const u32 = fc.nat({ max: 0xffffffff });
/** TLV codes with no typed meaning in an NLRI (so a raw item decodes back to a raw item). */
const unknownCode = fc.integer({ min: 0, max: 0xffff }).filter((t) => !(t >= 256 && t <= 265) && !(t >= 512 && t <= 518));
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
);

function nlri(vpn: boolean): fc.Arbitrary<BgpLsNlri> {
  return fc
    .record({
      kind: fc.constantFrom<LsNlriKind>('node', 'link', 'prefix-v4', 'prefix-v6', 'srv6-sid'),
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
    .record({ type: fc.integer({ min: 0, max: 0xffff }).filter((t) => t === 0 || t === 5 || t > 6), body: fc.uint8Array({ minLength: vpn ? 17 : 9, maxLength: 40 }) })
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

const model = (vpn: boolean): fc.Arbitrary<BgpLsModel> => fc.oneof({ arbitrary: nlri(vpn), weight: 9 }, { arbitrary: unknownType(vpn), weight: 1 });

export const arbitraries = {
  'bgp-ls/bgp-ls': model(false),
  'bgp-ls/bgp-ls-vpn': model(true),
};

/** Attribute TLV codes Ze decodes (bgp-ls spec §10.3). */
const ATTR_CODES = [
  1024, 1025, 1026, 1027, 1028, 1029, 1030, 1031, 1034, 1035, 1036, 1088, 1089, 1090, 1091, 1092, 1095, 1096, 1097, 1098, 1099,
  1101, 1102, 1103, 1106, 1107, 1108, 1114, 1115, 1116, 1152, 1155, 1157, 1158, 1161, 1170, 1171, 1250, 1251, 1252,
];

const attrTlv: fc.Arbitrary<BgpLsAttrTlv> = fc.oneof(
  fc.record({ type: fc.constantFrom(...ATTR_CODES), value: fc.uint8Array({ maxLength: 40 }) }),
  fc.record({ type: fc.constantFrom(...ATTR_CODES), value: fc.constantFrom(1, 2, 3, 4, 7, 8, 12, 16, 22, 26, 28, 30, 32).chain((n) => bytes(n)) }),
  fc.record({ type: fc.integer({ min: 0, max: 0xffff }), value: fc.uint8Array({ maxLength: 16 }) }),
);

/** Valid BGP-LS attribute models (every TLV whole; no trailing bytes). */
export const attributeArbitrary: fc.Arbitrary<BgpLsAttribute> = fc.array(attrTlv, { maxLength: 8 }).map((tlvs) => ({ tlvs }));
