/**
 * Valid models of the basic path attributes, keyed by type code (docs/ADDING-AN-ATTRIBUTE.md §3):
 * RFC 4271 §4.3 (every segment type of RFC 5065 §3, 1..255 ASNs a segment), RFC 4456 §8,
 * RFC 6793 §3, RFC 7311 §3 (the AIGP TLV and raw TLVs), RFC 9234 §5.
 * `arbitraries` fits the default context (4-octet AS); `arbitrariesAs2` the 2-octet AS session
 * (AS_PATH / AGGREGATOR ASNs below 65536).
 */
import fc from 'fast-check';
import type { Aggregator, Aigp, AigpTlv, AsPath, ClusterList, Origin } from '../../../attributes/path/model.js';

const u32 = fc.integer({ min: 0, max: 0xffffffff });
const ipv4 = fc.uint8Array({ minLength: 4, maxLength: 4 });

const segment = (asn: fc.Arbitrary<number>, types: number[]) =>
  fc.record({ type: fc.constantFrom(...types), asns: fc.array(asn, { minLength: 1, maxLength: 300 }).map((a) => a.slice(0, 255)) });

const asPathArb = (asn: fc.Arbitrary<number>, minSegments = 0, types = [1, 2, 3, 4]): fc.Arbitrary<AsPath> =>
  fc.array(segment(asn, types), { minLength: minSegments, maxLength: 4 }).map((segments) => ({ segments }));

const originArb: fc.Arbitrary<Origin> = fc.oneof(fc.integer({ min: 0, max: 2 }), fc.integer({ min: 0, max: 255 })).map((value) => ({ value }));
const aggregatorArb = (asn: fc.Arbitrary<number>): fc.Arbitrary<Aggregator> => fc.record({ asn, address: ipv4 });
const clusterListArb: fc.Arbitrary<ClusterList> = fc.array(ipv4, { minLength: 1, maxLength: 8 }).map((ids) => ({ ids }));

const aigpTlv: fc.Arbitrary<AigpTlv> = fc.oneof(
  fc.bigInt({ min: 0n, max: 0xffffffffffffffffn }).map((metric): AigpTlv => ({ type: 1, metric })),
  fc
    .record({ type: fc.integer({ min: 0, max: 255 }).filter((t) => t !== 1), raw: fc.uint8Array({ maxLength: 20 }) })
    .map((t): AigpTlv => t),
);
const aigpArb: fc.Arbitrary<Aigp> = fc.oneof(
  fc.bigInt({ min: 0n, max: 0xffffffffffffffffn }).map((metric): Aigp => ({ tlvs: [{ type: 1, metric }] })),
  fc.array(aigpTlv, { minLength: 1, maxLength: 4 }).map((tlvs) => ({ tlvs })),
);

function table(asn: fc.Arbitrary<number>): Record<number, fc.Arbitrary<unknown>> {
  return {
    1: originArb,
    2: asPathArb(asn),
    3: ipv4.map((address) => ({ address })),
    4: u32.map((value) => ({ value })),
    5: u32.map((value) => ({ value })),
    6: fc.constant({}),
    7: aggregatorArb(asn),
    9: ipv4.map((id) => ({ id })),
    10: clusterListArb,
    17: asPathArb(u32, 1),
    18: aggregatorArb(u32),
    26: aigpArb,
    35: u32.map((asn) => ({ asn })),
  };
}

export const arbitraries: Record<number, fc.Arbitrary<unknown>> = table(u32);
export const arbitrariesAs2: Record<number, fc.Arbitrary<unknown>> = table(fc.integer({ min: 0, max: 0xffff }));
