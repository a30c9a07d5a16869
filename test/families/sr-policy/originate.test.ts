/**
 * Under Ze: can Ze originate this family through `update hex`? Ze has no NLRI size function for
 * SAFI 73, so it cuts the hex as `<length in bits><ceil(length/8) octets>` (PLUGIN.md
 * "Originating routes"; Ze's GetNLRISizeFunc default). Every NLRI this codec encodes (samples and
 * generated models, with and without an ADD-PATH path id) must have that shape, so the plugin's
 * check lets it through and Ze splits it where it ends.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { encode, toHex } from '../../../src/index.js';
import { isPrefixShaped, updateHexCommand, zeHasSplitter } from '../../../src/plugin/nlri/originate.js';
import { codecs, samples } from '../../../families/sr-policy/index.js';
import { arbitraries } from '../../../fuzz/arbitraries/sr-policy.js';
import { bytes } from '../../support/helpers.js';

describe('Ze can originate ' + 'ipv4/sr-policy'.replace('ipv4/', '') + ' (prefix-shaped NLRIs)', () => {
  it('Ze has no size function of its own for the SAFI', () => {
    for (const c of codecs) expect(zeHasSplitter(c.afi, c.safi)).toBe(false);
  });
  it('samples: prefix-shaped; the update hex command carries the bytes', () => {
    for (const s of samples) {
      const c = codecs.find((x) => x.name === s.family)!;
      expect(isPrefixShaped(bytes(s.hex))).toBe(true);
      expect(isPrefixShaped(bytes('00000001' + s.hex), true)).toBe(true);
      expect(updateHexCommand(c, 'add', bytes(s.hex))).toMatch(new RegExp(` nlri ${s.family} add ${s.hex}$`));
      expect(updateHexCommand(c, 'del', bytes(s.hex))).toBe(`update hex nlri ${s.family} del ${s.hex}`);
    }
  });
  for (const c of codecs) {
    it(`${c.name}: every generated NLRI is prefix-shaped, alone and back to back`, () => {
      fc.assert(
        fc.property(fc.array(arbitraries[c.name as keyof typeof arbitraries] as fc.Arbitrary<any>, { minLength: 1, maxLength: 4 }), (ms) => {
          for (const m of ms) expect(isPrefixShaped(encode(c, m))).toBe(true);
          // Ze's cut of the concatenation: length octet by length octet
          const all = encode(c, ms);
          let p = 0;
          let n = 0;
          while (p < all.length) {
            p += 1 + Math.ceil(all[p]! / 8);
            n++;
          }
          expect([p, n]).toEqual([all.length, ms.length]);
          expect(toHex(all).length).toBe(all.length * 2);
        }),
        { numRuns: 300 },
      );
    });
  }
});
