/** The fuzz arbitraries give valid models: model -> bytes -> model -> the same bytes, JSON and args too. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { arbitraries } from '../../../fuzz/arbitraries/attributes/tunnel-encap.js';
import { codec, ctx, decode, encode, json } from './helpers.js';

describe('tunnel-encap arbitraries', () => {
  it('round-trip through bytes, JSON and args', () => {
    fc.assert(
      fc.property(arbitraries[23]!, (m) => {
        const hex = encode(m);
        const again = decode(hex);
        expect(encode(again)).toBe(hex);
        expect(encode(codec.fromJson(JSON.parse(json(again)), ctx))).toBe(hex);
        expect(encode(codec.fromArgs!(codec.toArgs!(again)))).toBe(hex);
      }),
      { numRuns: 400 },
    );
  });
});
