/**
 * Every sample of attributes/path through its codec: decode -> JSON equals the hand-written JSON,
 * decode -> encode gives the hex, JSON -> fromJson -> encode gives the hex, args -> encode gives
 * the hex, toArgs -> fromArgs -> encode gives the hex.
 */
import { describe, expect, it } from 'vitest';
import { samples } from '../../../attributes/path/index.js';
import { codec, ctx, decode, encode, json, parseExact } from './helpers.js';

describe('attributes/path samples', () => {
  for (const s of samples) {
    const name = `${codec(s.code).name} ${s.hex.slice(0, 40)}${s.ctx?.as4 === false ? ' (2-octet AS)' : ''}: ${s.note}`;
    it(name, () => {
      const c = ctx({ as4: s.ctx?.as4 ?? true });
      const k = codec(s.code);
      const m = decode(s.code, s.hex, c);
      expect(encode(s.code, m, c)).toBe(s.hex);
      expect(s.json).toBeDefined();
      expect(json(s.code, m)).toBe(s.json);
      const back = k.fromJson(parseExact(s.json!), c);
      expect(encode(s.code, back, c)).toBe(s.hex);
      if (s.args) {
        expect(k.fromArgs).toBeDefined();
        expect(encode(s.code, k.fromArgs!(s.args), c)).toBe(s.hex);
        expect(k.toArgs!(m)).toEqual(s.args);
      }
      expect(typeof k.text!(m)).toBe('string');
    });
  }

  it('has a sample for every codec, both AS widths where the width matters, and every segment type', () => {
    const codes = new Set(samples.map((s) => s.code));
    for (const c of [1, 2, 3, 4, 5, 6, 7, 9, 10, 17, 18, 26, 35]) expect(codes.has(c)).toBe(true);
    for (const c of [2, 7]) {
      expect(samples.some((s) => s.code === c && s.ctx?.as4 === false)).toBe(true);
      expect(samples.some((s) => s.code === c && s.ctx?.as4 !== false)).toBe(true);
    }
    const types = new Set<number>();
    for (const s of samples.filter((x) => x.code === 2)) for (const seg of decode(2, s.hex, ctx({ as4: s.ctx?.as4 ?? true })).segments) types.add(seg.type);
    expect([...types].sort()).toEqual([1, 2, 3, 4]);
  });
});
