/**
 * Every well-formed UPDATE of the vector corpus (test/vectors/ze-update/: Ze's own tests, RFC
 * examples, hand-built), both ways:
 *  - encodeUpdate(decodeUpdate(bytes)) gives the same bytes (a decoded canonical UPDATE);
 *  - decode-update's JSON with `nlriHex` read back by encode-update's reader gives bytes that
 *    decode to the same JSON (the JSON is lossless).
 */
import { describe, expect, it } from 'vitest';
import { createSession, decodeUpdate, encodeUpdate, updateToJson } from '../../src/index.js';
import { updateFromJson } from '../../src/update/from-json.js';
import { parseWithBigints } from '../support/exact-json.js';
import { loadUpdateVectors } from '../support/update-vectors.js';

const hex = (b: Uint8Array): string => Buffer.from(b).toString('hex').toUpperCase();

const cases = loadUpdateVectors().map((v) => {
  const s = createSession({ as4: v.as4 ?? true });
  const b = Uint8Array.from(Buffer.from(v.hex, 'hex'));
  return { v, s, b, u: decodeUpdate(b, s) };
});
const clean = cases.filter((c) => c.u.problems.length === 0);

describe('whole UPDATEs round trip', () => {
  it('most vectors are well-formed', () => {
    expect(clean.length).toBeGreaterThan(300);
  });
  for (const { v, s, b, u } of clean) {
    it(`${v.id}: bytes → model → bytes, and → JSON → bytes → the same JSON`, () => {
      const header = b.length >= 19 && b.subarray(0, 16).every((x) => x === 0xff);
      expect(hex(encodeUpdate(u, s, { header }))).toBe(hex(b));
      const json = updateToJson(u, { nlriHex: true });
      const back = updateFromJson(parseWithBigints(json), s.ctx, s.attributes);
      expect(updateToJson(decodeUpdate(encodeUpdate(back, s), s), { nlriHex: true })).toBe(json);
    });
  }
});
