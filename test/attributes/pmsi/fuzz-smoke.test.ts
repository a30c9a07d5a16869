/**
 * A short fuzz pass over both codecs (a few hundred runs each): random and mutated bytes give a
 * value or an NlriError and nothing else; generated models (fuzz/arbitraries/attributes/*)
 * give bytes that decode to a model giving the same bytes and the same JSON, and JSON ->
 * fromJson -> the same bytes, toArgs -> fromArgs -> the same bytes.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { AttributeCodec } from '../../../src/attributes/attribute.js';
import { NlriError } from '../../../src/core/errors.js';
import { Reader } from '../../../src/core/reader.js';
import { pmsiTunnelCodec, samples as pmsiSamples } from '../../../attributes/pmsi/index.js';
import { prefixSidCodec, samples as sidSamples } from '../../../attributes/prefix-sid/index.js';
import { arbitraries as pmsiArbs } from '../../../fuzz/arbitraries/attributes/pmsi.js';
import { arbitraries as sidArbs } from '../../../fuzz/arbitraries/attributes/prefix-sid.js';
import { ctx, encodeHex, jsonOf, strictCtx } from './helpers.js';
import { bytes } from '../../support/helpers.js';

/** Runs per property (ZE_NLRI_FUZZ_RUNS to raise it for a longer local pass). */
const RUNS = Number(process.env['ZE_NLRI_FUZZ_RUNS'] ?? 300);

const groups: Array<[AttributeCodec<any>, fc.Arbitrary<unknown>, readonly string[]]> = [
  [pmsiTunnelCodec, pmsiArbs[22]!, pmsiSamples.map((s) => s.hex)],
  [prefixSidCodec, sidArbs[40]!, sidSamples.map((s) => s.hex)],
];

/** Every object's keys in Go's byte-wise order (COMPAT.md §7), at every depth. */
function sortedKeys(v: unknown): boolean {
  if (Array.isArray(v)) return v.every(sortedKeys);
  if (v === null || typeof v !== 'object') return true;
  const k = Object.keys(v);
  return k.every((x, i) => i === 0 || k[i - 1]! < x) && Object.values(v).every(sortedKeys);
}

function decodeOrError(codec: AttributeCodec<any>, b: Uint8Array, strict: boolean): unknown {
  try {
    const r = new Reader(b);
    const m = codec.decode(r, strict ? strictCtx : ctx, codec.flags);
    expect(r.pos).toBe(r.end);
    jsonOf(codec, m);
    expect(encodeHex(codec, m)).toBe(Buffer.from(b).toString('hex').toUpperCase());
    return m;
  } catch (e) {
    if (!(e instanceof NlriError)) throw e;
    expect(e.offset).toBeGreaterThanOrEqual(0);
    expect(e.offset).toBeLessThanOrEqual(b.length);
    return e;
  }
}

describe.each(groups)('fuzz smoke %#', (codec, arb, seeds) => {
  it('random bytes: a value (that re-encodes to the same bytes) or an NlriError', () => {
    fc.assert(fc.property(fc.uint8Array({ maxLength: 80 }), fc.boolean(), (b, strict) => void decodeOrError(codec, b, strict)), { numRuns: RUNS });
  });
  it('mutated seeds', () => {
    const seedBytes = seeds.map(bytes);
    fc.assert(
      fc.property(fc.nat(seedBytes.length - 1), fc.nat(63), fc.integer({ min: 0, max: 255 }), fc.nat(63), (s, at, v, cut) => {
        const b = Uint8Array.from(seedBytes[s]!);
        if (at < b.length) b[at] = v;
        decodeOrError(codec, b.subarray(0, Math.max(0, b.length - (cut % 4))), false);
      }),
      { numRuns: RUNS },
    );
  });
  it('models: bytes -> model -> same bytes and JSON; JSON and args round trips', () => {
    fc.assert(
      fc.property(arb, (m) => {
        const hex = encodeHex(codec, m);
        const r = new Reader(bytes(hex));
        const d = codec.decode(r, ctx, codec.flags);
        expect(encodeHex(codec, d)).toBe(hex);
        const j = jsonOf(codec, d);
        expect(sortedKeys(JSON.parse(j))).toBe(true);
        expect(jsonOf(codec, codec.decode(new Reader(bytes(hex)), ctx, codec.flags))).toBe(j);
        expect(encodeHex(codec, codec.fromJson(JSON.parse(j), ctx))).toBe(hex);
        expect(encodeHex(codec, codec.fromArgs!(codec.toArgs!(d)))).toBe(hex);
      }),
      { numRuns: RUNS },
    );
  });
});
