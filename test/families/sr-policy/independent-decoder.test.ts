/**
 * A second, independent decoder for the fixed SR Policy NLRI layout, declared with binary-parser
 * straight from the RFC 9830 §2.1 figure (NLRI Length 1 octet | Distinguisher 4 | Policy Color 4 |
 * Endpoint 4 or 16, length 96 or 192 bits), compared with the codec on generated inputs: valid
 * NLRIs of both AFIs and random 13- and 25-octet windows with any length octet.
 */
import { Parser } from 'binary-parser/dist/binary_parser.js'; // the exports map hides its types from NodeNext
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeAll, NlriError, toHex } from '../../../src/index.js';
import { ipv4SrPolicy, ipv6SrPolicy } from '../../../families/sr-policy/index.js';

const srPolicyNlri = new Parser()
  .uint8('bits')
  .uint32be('distinguisher')
  .uint32be('color')
  .buffer('endpoint', { length: (ctx: { bits: number }) => ctx.bits / 8 - 8 });

interface Ref {
  bits: number;
  distinguisher: number;
  color: number;
  endpoint: Uint8Array;
}

function reference(b: Uint8Array): Ref | 'error' {
  if (b[0] !== 96 && b[0] !== 192) return 'error';
  if (b.length !== 1 + b[0] / 8) return 'error';
  return srPolicyNlri.parse(b) as Ref;
}

describe('binary-parser reading of RFC 9830 §2.1 agrees with the codec', () => {
  for (const [codec, v6] of [[ipv4SrPolicy, false], [ipv6SrPolicy, true]] as const) {
    it(codec.name, () => {
      const valid = fc.tuple(fc.integer({ min: 0, max: 0xffffffff }), fc.integer({ min: 0, max: 0xffffffff }), fc.uint8Array({ minLength: v6 ? 16 : 4, maxLength: v6 ? 16 : 4 })).map(([d, c, e]) => {
        const b = new Uint8Array(9 + e.length);
        const dv = new DataView(b.buffer);
        b[0] = (8 + e.length) * 8;
        dv.setUint32(1, d);
        dv.setUint32(5, c);
        b.set(e, 9);
        return b;
      });
      const noise = fc.oneof(fc.uint8Array({ minLength: 13, maxLength: 13 }), fc.uint8Array({ minLength: 25, maxLength: 25 }));
      fc.assert(
        fc.property(fc.oneof(valid, noise), (b) => {
          const ref = reference(b);
          let got: { distinguisher: number; color: number; endpoint: Uint8Array }[] | 'error';
          try {
            got = decodeAll(codec, b);
          } catch (e) {
            if (!(e instanceof NlriError)) throw e;
            got = 'error';
          }
          if (ref === 'error') {
            expect(got).toBe('error');
            return;
          }
          expect(got).not.toBe('error');
          const [m] = got as Exclude<typeof got, 'error'>;
          expect(m!.distinguisher).toBe(ref.distinguisher);
          expect(m!.color).toBe(ref.color);
          expect(toHex(m!.endpoint)).toBe(toHex(ref.endpoint));
        }),
        { numRuns: 3000 },
      );
    });
  }
});
