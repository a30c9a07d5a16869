/**
 * Round trips for every registered family, generic over the families' own data:
 * - every built-in sample is canonical: encode(decode(bytes)) === bytes, and its args (when given)
 *   encode to exactly those bytes;
 * - every generated model (fuzz/arbitraries) survives model → bytes → model → the same bytes and JSON.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { defaultRegistry, decodeOne, encode, samples, toHex, toJson } from '../src/index.js';
import { loadArbitraries } from '../fuzz/arbitraries/index.js';
import { checkModel } from '../fuzz/checks.js';
import { bytes } from './support/helpers.js';


describe('every family has samples', () => {
  it.each(defaultRegistry.list().map((c) => c.name))('%s', (name) => {
    expect(samples.some((s) => s.family === name)).toBe(true);
  });
});

describe('samples are canonical', () => {
  it.each(samples.map((s, i) => [`${s.family} #${i} ${s.hex.slice(0, 40)}`, s] as const))('%s', (_, s) => {
    const codec = defaultRegistry.require(s.family);
    const model = decodeOne(codec, bytes(s.hex));
    expect(toHex(encode(codec, model))).toBe(s.hex.toUpperCase());
    expect(defaultRegistry.decodeHex(s.family, s.hex)).toBe(toJson(codec, model));
    if (s.args) expect(defaultRegistry.encodeArgs(s.family, s.args)).toBe(s.hex.toUpperCase());
    if (codec.toArgs) {
      const args = codec.toArgs(model);
      expect(toHex(encode(codec, codec.fromArgs(args)))).toBe(s.hex.toUpperCase());
    }
  });
});

describe('generated models round-trip', async () => {
  const arbs = await loadArbitraries();
  it('every registered family has an arbitrary', () => {
    expect(defaultRegistry.list().map((c) => c.name).filter((n) => !arbs.has(n))).toEqual([]);
  });
  for (const [family, arb] of arbs) {
    it(family, () => {
      const codec = defaultRegistry.require(family);
      fc.assert(
        fc.property(arb, (m) => {
          const f = checkModel(codec, m);
          if (f) throw new Error(`${f.problem} (${f.hex})`);
        }),
        { numRuns: 300 },
      );
    });
  }
});
