/**
 * Valid FlowSpec models for the four families (RFC 8955 §4, §8; RFC 8956 §3): any mix of the 13
 * component types in any order (Ze-tolerant), every operator octet (end bit on the last pair of
 * a component; the very last component may omit it), 1/2/4/8-octet values, IPv6 offsets, long
 * operator chains, and NLRIs of exactly 239, 240 and 4095 octets (the 1-/2-octet length edge and
 * the maximum).
 */
import fc from 'fast-check';
import { flowOps, type FlowComponent, type FlowOpComponent, type FlowPrefixComponent, type FlowSpecNlri } from '../../families/flowspec/model.js';

const pattern = (n: number): fc.Arbitrary<Uint8Array> => fc.uint8Array({ minLength: n, maxLength: n });

function prefix(v6: boolean): fc.Arbitrary<FlowPrefixComponent> {
  return fc
    .record({ type: fc.constantFrom(1 as const, 2 as const), len: fc.integer({ min: 0, max: v6 ? 128 : 32 }), o: fc.nat(128) })
    .chain(({ type, len, o }) => {
      const offset = v6 ? o % (len + 1) : 0;
      return pattern((len - offset + 7) >> 3).map((p) => ({ type, len, offset, pattern: p }));
    });
}

const pair = (last: boolean, lastComponent: boolean): fc.Arbitrary<[number, number | bigint]> =>
  fc.tuple(fc.nat(0x7f), fc.boolean()).chain(([bits, omitEnd]) => {
    const end = last && !(lastComponent && omitEnd) ? 0x80 : 0;
    const op = end | bits;
    const size = 1 << ((op >> 4) & 3);
    const value: fc.Arbitrary<number | bigint> = size === 8 ? fc.bigInt({ min: 0n, max: 0xffffffffffffffffn }) : fc.integer({ min: 0, max: 2 ** (8 * size) - 1 });
    return value.map((v) => [op, v] as [number, number | bigint]);
  });

function ops(lastComponent: boolean, maxPairs: number): fc.Arbitrary<FlowOpComponent> {
  return fc.record({ type: fc.integer({ min: 3, max: 13 }), n: fc.integer({ min: 1, max: maxPairs }) }).chain(({ type, n }) =>
    fc.tuple(...Array.from({ length: n }, (_, i) => pair(i === n - 1, lastComponent))).map((ps) =>
      flowOps(
        type,
        ps.map((p) => p[0]),
        ps.map((p) => p[1]),
      ),
    ),
  );
}

const rd = fc.uint8Array({ minLength: 8, maxLength: 8 });

function mixed(v6: boolean, vpn: boolean): fc.Arbitrary<FlowSpecNlri> {
  return fc
    .tuple(fc.array(fc.oneof(prefix(v6), ops(false, 6)), { maxLength: 8 }), fc.option(ops(true, 6), { nil: undefined }), rd, fc.boolean())
    .map(([cs, tail, r, long]) => {
      const components: FlowComponent[] = tail ? [...cs, tail] : cs;
      const m: FlowSpecNlri = { components };
      if (vpn) m.rd = r;
      if (long) m.longLength = true;
      return m;
    });
}

/**
 * A model whose NLRI value is exactly `total` octets: one short prefix (to fix the parity) and
 * one port component of 1-octet pairs, the chain as long as it takes.
 */
export function exactLengthModel(total: number, v6: boolean, vpn: boolean, r: Uint8Array = new Uint8Array(8)): FlowSpecNlri {
  const rest = total - (vpn ? 8 : 0);
  const base = v6 ? 3 : 2; // type, length, [offset]
  const prefixOctets = (rest - base - 1) % 2 === 0 ? 0 : 1;
  const n = (rest - base - prefixOctets - 1) / 2;
  const p: FlowPrefixComponent = { type: 1, len: prefixOctets * 8, offset: 0, pattern: new Uint8Array(prefixOctets).fill(10) };
  const port: FlowOpComponent = flowOps(
    4,
    Array.from({ length: n }, (_, i) => (i === n - 1 ? 0x81 : 0x41)),
    Array.from({ length: n }, (_, i) => i & 0xff),
  );
  const m: FlowSpecNlri = { components: [p, port] };
  if (vpn) m.rd = r;
  return m;
}

function edges(v6: boolean, vpn: boolean): fc.Arbitrary<FlowSpecNlri> {
  return fc.tuple(fc.constantFrom(239, 240, 4095), rd).map(([n, r]) => exactLengthModel(n, v6, vpn, r));
}

function family(v6: boolean, vpn: boolean): fc.Arbitrary<FlowSpecNlri> {
  const longChain = ops(true, 400).map((c) => {
    const m: FlowSpecNlri = { components: [c] };
    if (vpn) m.rd = new Uint8Array([0, 1, 10, 0, 0, 1, 0, 7]);
    return m;
  });
  return fc.oneof({ arbitrary: mixed(v6, vpn), weight: 8 }, { arbitrary: edges(v6, vpn), weight: 1 }, { arbitrary: longChain, weight: 1 });
}

export const arbitraries: Record<string, fc.Arbitrary<FlowSpecNlri>> = {
  'ipv4/flow': family(false, false),
  'ipv6/flow': family(true, false),
  'ipv4/flow-vpn': family(false, true),
  'ipv6/flow-vpn': family(true, true),
};

/** Largest value per operator type in the RFC form that Ze's args grammar takes (RFC 8955 §4.2.2). */
const RFC_MAX: Readonly<Record<number, number>> = { 3: 255, 4: 0xffff, 5: 0xffff, 6: 0xffff, 7: 255, 8: 255, 9: 0xffff, 10: 0xffff, 11: 63, 12: 255, 13: 0xfffff };

function minimalLen(v: number): number {
  return v <= 0xff ? 0 : v <= 0xffff ? 1 : 2;
}

function rfcOps(type: number): fc.Arbitrary<FlowOpComponent> {
  const bitmask = type === 9 || type === 12;
  const term = fc.record({ bits: fc.nat(bitmask ? 3 : 7), and: fc.boolean(), v: fc.integer({ min: 0, max: RFC_MAX[type]! }) });
  return fc.array(term, { minLength: 1, maxLength: 5 }).map((ts) =>
    flowOps(
      type,
      ts.map((t, i) => (i === ts.length - 1 ? 0x80 : 0) | (t.and ? 0x40 : 0) | (minimalLen(t.v) << 4) | t.bits),
      ts.map((t) => t.v),
    ),
  );
}

function rfcPrefix(type: 1 | 2, v6: boolean): fc.Arbitrary<FlowPrefixComponent> {
  return fc.integer({ min: 0, max: v6 ? 128 : 32 }).chain((len) =>
    pattern((len + 7) >> 3).map((p) => {
      if (len & 7) p[p.length - 1]! &= 0xff << (8 - (len & 7));
      return { type, len, offset: 0, pattern: p };
    }),
  );
}

/**
 * Models in the RFC form (RFC 8955 §4.2: each type at most once, in increasing order; minimal
 * value sizes, no reserved bits, end bit on every last pair) with every meaningful operator bit:
 * all eight numeric lt/gt/eq combinations, all four bitmask not/m combinations, the AND bit on any
 * pair (the first too), values over the whole range the RFC gives the type (2-octet TCP flags).
 * Ze's args grammar can say each of them: args → bytes → JSON → args must give the same bytes.
 */
function rfcFamily(v6: boolean, vpn: boolean): fc.Arbitrary<FlowSpecNlri> {
  const maxType = v6 ? 13 : 12;
  return fc
    .tuple(fc.subarray(Array.from({ length: maxType }, (_, i) => i + 1), { minLength: 1 }), rd)
    .chain(([types, r]) =>
      fc.tuple(...types.map((t) => (t <= 2 ? rfcPrefix(t as 1 | 2, v6) : rfcOps(t)) as fc.Arbitrary<FlowComponent>)).map((components) => {
        const m: FlowSpecNlri = { components };
        if (vpn) m.rd = r;
        return m;
      }),
    );
}

export const rfcArbitraries: Record<string, fc.Arbitrary<FlowSpecNlri>> = {
  'ipv4/flow': rfcFamily(false, false),
  'ipv6/flow': rfcFamily(true, false),
  'ipv4/flow-vpn': rfcFamily(false, true),
  'ipv6/flow-vpn': rfcFamily(true, true),
};
