/**
 * Generated MP models (fuzz/arbitraries/attributes/mp.ts): model → bytes → model → the same
 * bytes and JSON; JSON → fromJson → the same JSON where the family has a JSON reader; random
 * and damaged values → a model or an NlriError, nothing else, in every decode mode.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { arbitraries } from '../../../fuzz/arbitraries/attributes/mp.js';
import { codecs, type MpReach } from '../../../attributes/mp/index.js';
import { NlriError } from '../../../src/core/errors.js';
import { toHex } from '../../../src/core/hex.js';
import { ctx, decodeValue, encodeValue, jsonOf } from './support.js';

describe('generated MP models', () => {
  for (const c of codecs) {
    it(`${c.name} round-trips`, () => {
      fc.assert(
        fc.property(arbitraries[c.code]!, (m) => {
          const hex = encodeValue(c, m as never);
          const back = decodeValue(c, hex);
          expect(encodeValue(c, back)).toBe(hex);
          const json = jsonOf(c, back);
          expect(jsonOf(c, decodeValue(c, encodeValue(c, back)))).toBe(json);
          const fam = (back as MpReach).family;
          // JSON clears prefix host bits (RFC 4271 §4.3), so the text, not the bytes, comes back.
          if (!fam.includes('mpls-vpn')) {
            const again = c.fromJson(JSON.parse(json), ctx());
            expect(jsonOf(c, again)).toBe(json);
            if (!/"[0-9a-f.:]+\/\d+"/.test(json)) expect(encodeValue(c, again)).toBe(hex);
          }
        }),
        { numRuns: 300 },
      );
    });

    it(`${c.name}: random bytes give a model or an NlriError`, () => {
      const modes = [ctx(), ctx({ strict: true }), ctx({ lossless: false }), ctx({ addPath: true })];
      const afiSafi = fc.constantFrom('0001', '0002', '0019', '4004', '0003').chain((afi) =>
        fc.constantFrom('01', '02', '04', '46', '47', '48', '80', '85', '86', '41', '84', '05', '55', 'FE').map((safi) => afi + safi),
      );
      fc.assert(
        fc.property(afiSafi, fc.uint8Array({ maxLength: 80 }), fc.integer({ min: 0, max: 3 }), (head, rest, mode) => {
          const hex = head + toHex(rest);
          try {
            const m = decodeValue(c, hex, modes[mode]!);
            expect(encodeValue(c, m, modes[mode]!)).toBe(hex);
            jsonOf(c, m);
          } catch (e) {
            if (!(e instanceof NlriError)) throw e;
          }
        }),
        { numRuns: 1500 },
      );
    });
  }
});
