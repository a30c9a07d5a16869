/**
 * Valid CAR / VPN CAR models (RFC 9871; draft-ietf-idr-bgp-car §2.9): NLRI types 1 (Color-Aware
 * Route), 2 (IP Prefix) and unknown ones (raw key and non-key octets); any prefix length with
 * random host bits; RDs from rd.ts for VPN CAR; TLVs of any type octet (R and T bits included)
 * and value, canonical ones (labels, label index, SIDs) among them; sometimes a non-TLV tail
 * (`rest`: one octet, or a TLV header whose length runs past the end), which the decoder keeps
 * raw. TLVs are dropped from the end until the NLRI fits the 255-octet length.
 */
import fc from 'fast-check';
import type { CarNlri, CarTlv } from '../../families/car/model.js';
import { rdArb } from './rd.js';

const bytes = (min: number, max: number): fc.Arbitrary<Uint8Array> => fc.uint8Array({ minLength: min, maxLength: max });

function labelValue(labels: number[]): Uint8Array {
  const v = new Uint8Array(labels.length * 3);
  labels.forEach((l, i) => {
    const e = (l << 4) | (i === labels.length - 1 ? 1 : 0);
    v.set([e >>> 16, (e >>> 8) & 0xff, e & 0xff], i * 3);
  });
  return v;
}

const tlvArb: fc.Arbitrary<CarTlv> = fc.oneof(
  fc.array(fc.integer({ min: 0, max: 0xfffff }), { minLength: 1, maxLength: 4 }).map((ls): CarTlv => ({ type: 0x01, value: labelValue(ls) })),
  bytes(7, 7).map((v): CarTlv => ({ type: 0x42, value: v })),
  fc.integer({ min: 1, max: 3 }).chain((n) => bytes(16 * n, 16 * n)).map((v): CarTlv => ({ type: 0x03, value: v })),
  bytes(1, 15).map((v): CarTlv => ({ type: 0x03, value: v })),
  fc.record({ type: fc.integer({ min: 0, max: 255 }), value: bytes(0, 24) }),
);

const restArb: fc.Arbitrary<Uint8Array | undefined> = fc.oneof(
  { arbitrary: fc.constant(undefined), weight: 4 },
  { arbitrary: bytes(1, 1), weight: 1 },
  {
    arbitrary: fc
      .tuple(fc.integer({ min: 0, max: 255 }), bytes(0, 5))
      .chain(([t, tail]) => fc.integer({ min: tail.length + 1, max: 255 }).map((len) => Uint8Array.of(t, len, ...tail))),
    weight: 1,
  },
);

export function carArb(v6: boolean, vpn: boolean): fc.Arbitrary<CarNlri> {
  const max = v6 ? 128 : 32;
  const known = fc
    .record({
      nlriType: fc.constantFrom(1, 2),
      len: fc.integer({ min: 0, max }),
      color: fc.integer({ min: 0, max: 0xffffffff }),
      rd: rdArb,
      tlvs: fc.array(tlvArb, { maxLength: 6 }),
      rest: restArb,
    })
    .chain((r) =>
      bytes((r.len + 7) >>> 3, (r.len + 7) >>> 3).map((addr): CarNlri => {
        const keyLen = 1 + (vpn ? 8 : 0) + (r.nlriType === 1 ? 4 : 0) + addr.length;
        const tlvs = [...r.tlvs];
        const size = (): number => 2 + keyLen + tlvs.reduce((s, t) => s + 2 + t.value.length, 0) + (r.rest?.length ?? 0);
        while (tlvs.length > 0 && size() > 255) tlvs.pop();
        const m: { -readonly [K in keyof CarNlri]: CarNlri[K] } = { v6, vpn, nlriType: r.nlriType, prefix: { v6, len: r.len, addr }, tlvs };
        if (vpn) m.rd = r.rd;
        if (r.nlriType === 1) m.color = r.color;
        if (r.rest && size() <= 255) m.rest = r.rest;
        return m;
      }),
    );
  const unknown = fc
    .record({ nlriType: fc.integer({ min: 3, max: 255 }), key: bytes(0, 40), rest: bytes(0, 40) })
    .map((r): CarNlri => ({ v6, vpn, nlriType: r.nlriType, key: r.key, tlvs: [], ...(r.rest.length ? { rest: r.rest } : {}) }));
  return fc.oneof({ arbitrary: known, weight: 5 }, { arbitrary: unknown, weight: 1 });
}

export const arbitraries = {
  'ipv4/car': carArb(false, false),
  'ipv6/car': carArb(true, false),
  'ipv4/vpn-car': carArb(false, true),
  'ipv6/vpn-car': carArb(true, true),
};
