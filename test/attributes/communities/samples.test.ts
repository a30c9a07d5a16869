/**
 * Every sample of the community group (attributes/communities/samples.ts): decode -> JSON equals
 * the hand-written JSON; decode -> encode, JSON -> fromJson -> encode, args -> encode and
 * toArgs -> fromArgs -> encode all give the sample's octets.
 */
import { describe, expect, it } from 'vitest';
import { codecs, samples } from '../../../attributes/communities/index.js';
import type { AttributeCodec } from '../../../src/attributes/attribute.js';
import { ctx, decodeHex, encodeHex, jsonOf, parseExact } from './helpers.js';

const byCode = new Map<number, AttributeCodec<any>>(codecs.map((c) => [c.code, c]));

describe('community samples', () => {
  it('cover every codec', () => {
    for (const c of codecs) expect(samples.some((s) => s.code === c.code)).toBe(true);
  });
  for (const s of samples) {
    const c = byCode.get(s.code)!;
    describe(`${c.name} ${s.hex}`, () => {
      it('decode -> JSON is the hand-written JSON', () => {
        expect(jsonOf(c, decodeHex(c, s.hex))).toBe(s.json);
      });
      it('decode -> encode gives the octets', () => {
        expect(encodeHex(c, decodeHex(c, s.hex))).toBe(s.hex);
      });
      it('JSON -> fromJson -> encode gives the octets', () => {
        expect(encodeHex(c, c.fromJson(parseExact(s.json!), ctx))).toBe(s.hex);
      });
      it('args -> encode gives the octets', () => {
        expect(encodeHex(c, c.fromArgs!(s.args!))).toBe(s.hex);
      });
      it('toArgs -> fromArgs -> encode gives the octets', () => {
        const m = decodeHex(c, s.hex);
        expect(encodeHex(c, c.fromArgs!(c.toArgs!(m)))).toBe(s.hex);
      });
      it('JSON keys are sorted byte-wise at every level (Go map order)', () => {
        const check = (v: unknown): void => {
          if (Array.isArray(v)) v.forEach(check);
          else if (v && typeof v === 'object') {
            const k = Object.keys(v);
            expect(k).toEqual([...k].sort());
            Object.values(v).forEach(check);
          }
        };
        check(JSON.parse(s.json!));
      });
    });
  }
});
