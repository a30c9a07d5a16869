/**
 * Issue 15 §2: every NLRI that `encode` writes decodes back to the same model with the same
 * options, for labeled unicast (RFC 8277 §2.2-2.4) and L3VPN (RFC 4364 §4.3.4, RFC 8277): a
 * fast-check property over models and over args, including the layouts the fuzz arbitraries
 * leave out (a stack whose first entry is 0x000000 / 0x800000, non-canonical Compatibility
 * values, TC bits).
 *
 * "The same options": the direction the model states is the one it is decoded with —
 * `withdraw: true` (MP_UNREACH), `false` (MP_REACH), left out (unknown, decode-nlri's default).
 * A stack that the direction-blind reading of RFC 8277 §2.4 takes for a withdrawal cannot be
 * written without a direction: encode refuses it (and only it) with `invalid-model`, args with
 * `invalid-args`. Before the fix `prefix 0.0.0.0/0 label 0 label 16` encoded to bytes that
 * decode read as a withdrawal of 0.1.1.0/24, and TC bits were dropped on re-encoding.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { defaultRegistry, NlriError, toHex } from '../../../src/index.js';
import { decodeAll, encode } from '../../../src/registry/ops.js';
import { rdArb } from '../../../fuzz/arbitraries/rd.js';

type Any = Record<string, unknown> & { labels: readonly number[]; withdraw?: boolean; tc?: readonly number[]; compatibility?: number };

interface Shape {
  family: string;
  v6: boolean;
  vpn: boolean;
}

const SHAPES: Shape[] = [
  { family: 'ipv4/mpls-label', v6: false, vpn: false },
  { family: 'ipv6/mpls-label', v6: true, vpn: false },
  { family: 'ipv4/mpls-vpn', v6: false, vpn: true },
  { family: 'ipv6/mpls-vpn', v6: true, vpn: true },
];

/** Models of every layout: first label often 0 / 524288, TC bits, any Compatibility value. */
function modelArb(s: Shape): fc.Arbitrary<Any> {
  const max = s.v6 ? 128 : 32;
  const label = fc.oneof(fc.constantFrom(0, 0x80000, 1, 16), fc.integer({ min: 0, max: 0xfffff }));
  return fc
    .record({
      len: fc.integer({ min: 0, max }),
      dir: fc.constantFrom<boolean | undefined>(undefined, false, true),
      compat: fc.oneof(fc.constantFrom(0x800000, 0), fc.integer({ min: 0, max: 0xffffff })),
      labels: fc.array(label, { minLength: 1, maxLength: 8 }),
      tc: fc.option(fc.array(fc.integer({ min: 0, max: 7 }), { minLength: 8, maxLength: 8 }), { nil: undefined }),
      rd: rdArb,
    })
    .chain(({ len, dir, compat, labels, tc, rd }) => {
      const room = Math.max(1, Math.floor((255 - (s.vpn ? 64 : 0) - len) / 24));
      const ls = dir === true ? [compat >>> 4] : labels.slice(0, room);
      return fc.uint8Array({ minLength: (len + 7) >>> 3, maxLength: (len + 7) >>> 3 }).map((addr) => {
        const m: Any = { v6: s.v6, labels: ls, prefix: { v6: s.v6, len, addr } };
        if (s.vpn) m.rd = rd;
        if (dir !== undefined) m.withdraw = dir;
        if (dir === true) m.compatibility = compat;
        const t = dir === true || tc === undefined ? undefined : tc.slice(0, ls.length);
        if (t && t.some((x) => x !== 0)) m.tc = t;
        return m;
      });
    });
}

/** What a model says, normalised: an advertisement's `withdraw` is false, TC all-zero is absent. */
function meaning(m: Any): unknown {
  const p = m.prefix as { len: number; addr: Uint8Array };
  return {
    labels: [...m.labels],
    withdraw: m.withdraw === true,
    compatibility: m.withdraw === true ? (m.compatibility ?? m.labels[0]! << 4) : undefined,
    tc: m.tc && m.tc.some((x) => x !== 0) ? [...m.tc] : undefined,
    rd: m.rd ? toHex(m.rd as Uint8Array) : undefined,
    prefix: `${toHex(p.addr.subarray(0, (p.len + 7) >>> 3))}/${p.len}`,
  };
}

/** The direction-blind reading takes this stack for a withdrawal (RFC 8277 §2.4). */
function ambiguous(s: Shape, m: Any): boolean {
  const rest = 24 * (m.labels.length - 1) + (m.prefix as { len: number }).len;
  return m.withdraw !== true && m.labels.length >= 2 && (m.labels[0] === 0 || m.labels[0] === 0x80000) && (m.tc?.[0] ?? 0) === 0 && rest <= (s.v6 ? 128 : 32);
}

describe.each(SHAPES)('$family', (s) => {
  const codec = defaultRegistry.require(s.family);

  it('model → bytes → model, decoded with the direction the model states', () => {
    fc.assert(
      fc.property(modelArb(s), (m) => {
        let bytes: Uint8Array;
        try {
          bytes = encode(codec, m as never);
        } catch (e) {
          expect(e).toBeInstanceOf(NlriError);
          // The only refusal: a stack that reads as a withdrawal, with no direction given.
          expect([(e as NlriError).code, m.withdraw === undefined && ambiguous(s, m)]).toEqual(['invalid-model', true]);
          return;
        }
        const opts = m.withdraw === undefined ? {} : { withdraw: m.withdraw };
        const back = decodeAll(codec, bytes, opts) as Any[];
        expect(back).toHaveLength(1);
        expect(meaning(back[0]!)).toEqual(meaning(m));
        expect(toHex(encode(codec, back[0]! as never))).toBe(toHex(bytes));
      }),
      { numRuns: 1500 },
    );
  });

  it('args → bytes → model, decoded as decode-nlri does (and with the stated direction)', () => {
    fc.assert(
      fc.property(modelArb(s), (m) => {
        if (m.withdraw === false) return; // an advertisement-only stack: args have no direction
        let args: string[];
        try {
          args = codec.toArgs!(m as never);
        } catch (e) {
          expect([(e as NlriError).code, ambiguous(s, m)]).toEqual(['invalid-model', true]);
          return;
        }
        let hex: string;
        try {
          hex = defaultRegistry.encodeArgs(s.family, args);
        } catch (e) {
          expect([(e as NlriError).code, ambiguous(s, m)]).toEqual(['invalid-args', true]);
          return;
        }
        const opts = m.withdraw === true ? { withdraw: true } : {};
        const back = decodeAll(codec, Uint8Array.from(Buffer.from(hex, 'hex')), opts) as Any[];
        expect(meaning(back[0]!)).toEqual(meaning(m));
        // A canonical withdrawal and every stack also come back from decode-nlri's default reading.
        if (m.withdraw !== true || m.compatibility === 0x800000 || m.compatibility === 0) {
          expect(meaning((decodeAll(codec, Uint8Array.from(Buffer.from(hex, 'hex')), {}) as Any[])[0]!)).toEqual(meaning(m));
        }
      }),
      { numRuns: 1500 },
    );
  });
});

describe('the example of issue 15', () => {
  it('encode ipv4/mpls-label prefix 0.0.0.0/0 label 0 label 16 is refused, not misread', () => {
    expect(() => defaultRegistry.encodeArgs('ipv4/mpls-label', ['prefix', '0.0.0.0/0', 'label', '0', 'label', '16'])).toThrow(/RFC 8277 §2.4 withdrawal Compatibility field/);
    // With a TC on the first entry the bytes are no Compatibility value: 0x000003 (label 0, TC 1), 0x000101.
    expect(defaultRegistry.encodeArgs('ipv4/mpls-label', ['prefix', '0.0.0.0/0', 'label', '0', 'tc', '1', 'label', '16'])).toBe('30000002000101');
    expect(defaultRegistry.decodeHex('ipv4/mpls-label', '30000002000101')).toBe('{"prefix":"0.0.0.0/0","labels":[0,16]}');
    // As an advertisement (MP_REACH) the model is written, and read back with withdraw: false.
    const codec = defaultRegistry.require('ipv4/mpls-label');
    const m = { v6: false, labels: [0, 16], withdraw: false, prefix: { v6: false, len: 0, addr: new Uint8Array(0) } };
    const b = encode(codec, m as never);
    expect(toHex(b)).toBe('30000000000101');
    expect((decodeAll(codec, b, { withdraw: false })[0] as unknown as Any).labels).toEqual([0, 16]);
  });

  it('TC bits are kept: decoded, re-encoded, and in args', () => {
    const codec = defaultRegistry.require('ipv4/mpls-label');
    // label 100 (0x00064), TC 5 (0b101 → 0xA), S: 0x0006 4B; prefix 10/8.
    const [m] = decodeAll(codec, Uint8Array.from(Buffer.from('2000064B0A', 'hex'))) as unknown as Any[];
    expect(m!.tc).toEqual([5]);
    expect(toHex(encode(codec, m as never))).toBe('2000064B0A');
    expect(codec.toArgs!(m as never)).toEqual(['prefix', '10.0.0.0/8', 'label', '100', 'tc', '5']);
    expect(defaultRegistry.encodeArgs('ipv4/mpls-label', ['prefix', '10.0.0.0/8', 'label', '100', 'tc', '5'])).toBe('2000064B0A');
    expect(() => defaultRegistry.encodeArgs('ipv4/mpls-label', ['prefix', '10.0.0.0/8', 'tc', '5', 'label', '100'])).toThrow('give label first');
    expect(() => defaultRegistry.encodeArgs('ipv4/mpls-label', ['prefix', '10.0.0.0/8', 'label', '100', 'tc', '8'])).toThrow('invalid tc');
    expect(() => defaultRegistry.encodeArgs('ipv4/mpls-vpn', ['rd', '1:1', 'prefix', '10.0.0.0/8', 'withdraw', '0x800000', 'tc', '1'])).toThrow();
  });
});
