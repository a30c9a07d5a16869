/**
 * Valid TUNNEL_ENCAPSULATION models (values that decode back to the same kind: UDP port 1..65535,
 * Protocol Type other than 0xFFFF, Embedded Label Handling 1 or 2; RFC 9012 §3.3.2, §3.4.1, §3.5) (type 23; RFC 9012 §2-§3, RFC 9830 §2.4, RFC 9831 §2), keyed
 * by attribute type code: tunnels of the decoded types and random ones; every decoded sub-TLV
 * kind (the Encapsulation layout of the tunnel type, Color, Egress Endpoint of AFI 0/1/2, label
 * stacks, Prefix-SID, SR Policy sub-TLVs), Segment Lists with Weight, segments of every type A..K
 * with and without their optional SID / structure, raw sub-TLVs of the types that never fail
 * (unknown, and RFC 9012 types whose odd values stay raw), names of any text (lone surrogates
 * become U+FFFD on the wire: the bytes still round-trip).
 */
import fc from 'fast-check';
import type {
  EncapsulationTlv,
  LabelEntry,
  RawTlv,
  Segment,
  SegmentListSubTlv,
  SidStructure,
  SubTlv,
  Tunnel,
  TunnelEncap,
} from '../../../attributes/tunnel-encap/model.js';
import { SEGMENT_LAYOUTS } from '../../../attributes/tunnel-encap/segments.js';

const u8 = fc.integer({ min: 0, max: 0xff });
const u16 = fc.integer({ min: 0, max: 0xffff });
const u24 = fc.integer({ min: 0, max: 0xffffff });
const u32 = fc.integer({ min: 0, max: 0xffffffff });
const v4 = fc.uint8Array({ minLength: 4, maxLength: 4 });
const v6 = fc.uint8Array({ minLength: 16, maxLength: 16 });

const label: fc.Arbitrary<LabelEntry> = fc.record({ label: fc.integer({ min: 0, max: 0xfffff }), tc: fc.integer({ min: 0, max: 7 }), s: fc.boolean(), ttl: u8 });
const structure: fc.Arbitrary<SidStructure> = fc.record({ endpointBehavior: u16, reserved: u16, locBlockLen: u8, locNodeLen: u8, funcLen: u8, argLen: u8 });

const rawOf = (types: fc.Arbitrary<number>, minLength = 0): fc.Arbitrary<RawTlv> =>
  fc.record({ kind: fc.constant('raw' as const), type: types, value: fc.uint8Array({ minLength, maxLength: 24 }) });

/** Sub-TLV types whose any value decodes (no length rule of RFC 9830 §5). */
const lenientTypes = fc.oneof(
  fc.constantFrom(0, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 16, 17, 18, 19),
  fc.integer({ min: 21, max: 127 }),
  fc.integer({ min: 131, max: 255 }),
);

function encapsulation(tunnelType: number): fc.Arbitrary<EncapsulationTlv | RawTlv> {
  switch (tunnelType) {
    case 8:
    case 9:
      return fc.record({ kind: fc.constant('vxlan' as const), type: fc.constant(1 as const), flags: u8, vnId: u24, mac: fc.uint8Array({ minLength: 6, maxLength: 6 }), reserved: u16 });
    case 12:
      return fc.record({ kind: fc.constant('vxlan-gpe' as const), type: fc.constant(1 as const), flags: u8, reserved: u24, vnId: u24, reserved2: u8 });
    case 1:
      return fc.record({ kind: fc.constant('l2tpv3' as const), type: fc.constant(1 as const), sessionId: u32, cookie: fc.uint8Array({ maxLength: 8 }) });
    case 2:
    case 11:
      return fc.record({ kind: fc.constant('gre-key' as const), type: fc.constant(1 as const), key: u32 });
  }
  return rawOf(fc.constant(1));
}

const segmentArb: fc.Arbitrary<Segment> = fc
  .tuple(fc.constantFrom(...Object.keys(SEGMENT_LAYOUTS).map(Number)), u8, u8, fc.boolean(), fc.boolean(), label, v6, structure, u32, u32, v4, v4, v6, v6)
  .map(([type, flags, second, withSid, withStructure, lab, sid, st, id1, id2, a4, b4, a6, b6]) => {
    const l = SEGMENT_LAYOUTS[type]!;
    const s: Record<string, unknown> = { kind: 'segment', type, flags };
    if (l.second === 'algorithm') s.algorithm = second;
    else s.reserved = second;
    let addr = 0;
    for (const [name, k] of l.fields) {
      if (k === 'u32') s[name] = name === 'localInterfaceId' ? id1 : id2;
      else s[name] = k === 'v4' ? (addr++ === 0 ? a4 : b4) : addr++ === 0 ? a6 : b6;
    }
    if (l.tail === 'mpls' || (l.tail === 'mpls?' && withSid)) s.label = lab;
    if (l.tail === 'srv6' || (l.tail === 'srv6?' && withSid)) {
      s.sid = sid;
      if (withStructure) s.structure = st;
    }
    return s as unknown as Segment;
  });

const segmentListSub: fc.Arbitrary<SegmentListSubTlv> = fc.oneof(
  { weight: 5, arbitrary: segmentArb },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('weight' as const), type: fc.constant(9 as const), flags: u8, reserved: u8, weight: u32 }) },
  { weight: 1, arbitrary: rawOf(fc.oneof(fc.constantFrom(0, 2, 10, 11, 12), fc.integer({ min: 17, max: 255 }))) },
);

const name = fc.oneof(fc.string({ maxLength: 20 }), fc.string({ unit: 'binary', maxLength: 10 }));

function subTlv(tunnelType: number): fc.Arbitrary<SubTlv> {
  return fc.oneof(
    encapsulation(tunnelType),
    rawOf(lenientTypes),
    rawOf(fc.constantFrom(129, 130), 1),
    fc.record({ kind: fc.constant('protocol-type' as const), type: fc.constant(2 as const), ethertype: fc.integer({ min: 0, max: 0xfffe }) }),
    fc.record({ kind: fc.constant('color' as const), type: fc.constant(4 as const), flags: u16, color: u32 }),
    fc.oneof(
      fc.constant({ kind: 'egress-endpoint' as const, type: 6 as const, reserved: 0, afi: 0, address: new Uint8Array(0) }),
      fc.tuple(u32, v4).map(([reserved, address]) => ({ kind: 'egress-endpoint' as const, type: 6 as const, reserved, afi: 1, address })),
      fc.tuple(u32, v6).map(([reserved, address]) => ({ kind: 'egress-endpoint' as const, type: 6 as const, reserved, afi: 2, address })),
    ),
    fc.record({ kind: fc.constant('ds-field' as const), type: fc.constant(7 as const), value: u8 }),
    fc.record({ kind: fc.constant('embedded-label-handling' as const), type: fc.constant(9 as const), value: fc.constantFrom(1, 2) }),
    fc.record({ kind: fc.constant('udp-port' as const), type: fc.constant(8 as const), port: fc.integer({ min: 1, max: 0xffff }) }),
    fc.record({ kind: fc.constant('label-stack' as const), type: fc.constant(10 as const), entries: fc.array(label, { maxLength: 6 }) }),
    fc.record({
      kind: fc.constant('prefix-sid' as const),
      type: fc.constant(11 as const),
      tlvs: fc.array(
        fc.oneof(
          fc.record({ kind: fc.constant('label-index' as const), type: fc.constant(1 as const), reserved: u8, flags: u16, labelIndex: u32 }),
          rawOf(fc.integer({ min: 2, max: 255 })),
        ),
        { maxLength: 3 },
      ),
    }),
    fc.record({ kind: fc.constant('preference' as const), type: fc.constant(12 as const), flags: u8, reserved: u8, preference: u32 }),
    fc.oneof(
      fc.record({ kind: fc.constant('binding-sid' as const), type: fc.constant(13 as const), flags: u8, reserved: u8 }),
      fc.record({ kind: fc.constant('binding-sid' as const), type: fc.constant(13 as const), flags: u8, reserved: u8, label }),
      fc.record({ kind: fc.constant('binding-sid' as const), type: fc.constant(13 as const), flags: u8, reserved: u8, sid: v6 }),
    ),
    fc.oneof(
      fc.record({ kind: fc.constant('srv6-binding-sid' as const), type: fc.constant(20 as const), flags: u8, reserved: u8, sid: v6 }),
      fc.record({ kind: fc.constant('srv6-binding-sid' as const), type: fc.constant(20 as const), flags: u8, reserved: u8, sid: v6, structure }),
    ),
    fc.record({ kind: fc.constant('enlp' as const), type: fc.constant(14 as const), flags: u8, reserved: u8, enlp: u8 }),
    fc.record({ kind: fc.constant('priority' as const), type: fc.constant(15 as const), priority: u8, reserved: u8 }),
    fc.record({ kind: fc.constant('name' as const), type: fc.constantFrom(129 as const, 130 as const), reserved: u8, name }),
    fc.record({ kind: fc.constant('segment-list' as const), type: fc.constant(128 as const), reserved: u8, subTlvs: fc.array(segmentListSub, { maxLength: 5 }) }),
  );
}

const tunnelArb: fc.Arbitrary<Tunnel> = fc
  .oneof(fc.constantFrom(1, 2, 8, 9, 10, 11, 12, 13, 15), u16)
  .chain((type) => fc.array(subTlv(type), { maxLength: 6 }).map((subTlvs) => ({ type, subTlvs })));

export const tunnelEncapArb: fc.Arbitrary<TunnelEncap> = fc.array(tunnelArb, { maxLength: 3 }).map((tunnels) => ({ tunnels }));

export const arbitraries: Record<number, fc.Arbitrary<TunnelEncap>> = { 23: tunnelEncapArb };
