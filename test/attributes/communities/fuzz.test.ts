/**
 * A short run of the fuzz arbitraries (fuzz/arbitraries/attributes/communities.ts): model ->
 * octets -> model -> the same octets, JSON -> fromJson and args -> fromArgs give the same octets.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { codecs } from '../../../attributes/communities/index.js';
import { arbitraries } from '../../../fuzz/arbitraries/attributes/communities.js';
import { ctx, decodeHex, encodeHex, jsonOf, parseExact } from './helpers.js';

describe('community arbitraries', () => {
  for (const c of codecs) {
    it(`${c.name}: model -> octets -> model -> octets, via JSON and args too`, () => {
      fc.assert(
        fc.property(arbitraries[c.code]!, (m) => {
          const hex = encodeHex(c, m);
          const back = decodeHex(c, hex);
          expect(encodeHex(c, back)).toBe(hex);
          expect(encodeHex(c, c.fromJson(parseExact(jsonOf(c, back)), ctx))).toBe(hex);
          expect(encodeHex(c, c.fromArgs!(c.toArgs!(back)))).toBe(hex);
        }),
        { numRuns: 300 },
      );
    });
  }
});
