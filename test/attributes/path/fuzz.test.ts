/**
 * A short property run over fuzz/arbitraries/attributes/path.ts: model -> bytes -> model -> the
 * same bytes, and -> JSON -> fromJson -> the same bytes, on both AS widths (the long campaigns are
 * the fuzz runner's).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { arbitraries, arbitrariesAs2 } from '../../../fuzz/arbitraries/attributes/path.js';
import { asPathLength, codecs, flatAsns, isPlainSequence } from '../../../attributes/path/index.js';
import { NlriError } from '../../../src/core/errors.js';
import { toHex } from '../../../src/core/hex.js';
import { Reader } from '../../../src/core/reader.js';
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
              const again = k.fromArgs(k.toArgs(m2));
              if (canonical) expect(encode(Number(code), again, c)).toBe(hex);
              else {
                expect(flatAsns(again)).toEqual(flatAsns(m2));
                expect(asPathLength(again)).toBe(asPathLength(m2));
                if (isPlainSequence(m2)) expect(encode(Number(code), again, c)).toBe(hex);
              }
            }
          }),
          { numRuns: 150 },
        );
      });
    }
  }
});

describe('attributes/path on random bytes', () => {
  for (const k of codecs) {
    it(`${k.name}: a value or an NlriError, and what decodes encodes back to the same bytes`, () => {
      // Bytes biased towards this attribute's shapes: small segment counts and TLV lengths show up often.
      const bytes = fc.oneof(fc.uint8Array({ maxLength: 40 }), fc.array(fc.constantFrom(0, 1, 2, 3, 4, 5, 11, 0xfd, 0xff), { maxLength: 40 }).map((a) => new Uint8Array(a)));
      fc.assert(
        fc.property(bytes, fc.boolean(), fc.boolean(), (b, as4, strict) => {
          const c = ctx({ as4, strict });
          let m: unknown;
          try {
            m = k.decode(new Reader(b), c, k.flags);
          } catch (e) {
            expect(e).toBeInstanceOf(NlriError);
            return;
          }
          expect(encode(k.code, m, c)).toBe(toHex(b));
        }),
        { numRuns: 300 },
      );
    });
  }
});
