/**
 * A short property run over fuzz/arbitraries/attributes/path.ts: model -> bytes -> model -> the
 * same bytes, and -> JSON -> fromJson -> the same bytes, on both AS widths (the long campaigns are
 * the fuzz runner's).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { arbitraries, arbitrariesAs2 } from '../../../fuzz/arbitraries/attributes/path.js';
import { codec, ctx, decode, encode, json, parseExact } from './helpers.js';

describe('attributes/path generated models', () => {
  for (const [as4, table] of [[true, arbitraries], [false, arbitrariesAs2]] as const) {
    for (const [code, arb] of Object.entries(table)) {
      it(`${codec(Number(code)).name} (${as4 ? '4' : '2'}-octet AS)`, () => {
        const c = ctx({ as4 });
        fc.assert(
          fc.property(arb, (m) => {
            const hex = encode(Number(code), m, c);
            expect(encode(Number(code), decode(Number(code), hex, c), c)).toBe(hex);
            const back = codec(Number(code)).fromJson(parseExact(json(Number(code), decode(Number(code), hex, c))), c);
            expect(encode(Number(code), back, c)).toBe(hex);
            const k = codec(Number(code));
            if (k.fromArgs && k.toArgs) {
              const m2 = decode(Number(code), hex, c);
              // toArgs keeps every segment boundary except between two short AS_SEQUENCEs (documented).
              const canonical = Number(code) !== 2 && Number(code) !== 17;
              if (canonical) expect(encode(Number(code), k.fromArgs(k.toArgs(m2)), c)).toBe(hex);
            }
          }),
          { numRuns: 150 },
        );
      });
    }
  }
});
