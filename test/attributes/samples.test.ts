/**
 * Every attribute sample of every registered attribute group (docs/ADDING-AN-ATTRIBUTE.md §3):
 * decode → the JSON written by hand in the sample, decode → encode gives the hex, JSON → fromJson
 * → encode gives the hex, args → encode gives the hex, and wrapped in an UPDATE the attribute
 * decodes with no RFC 7606 problem and the UPDATE re-encodes byte for byte.
 */
import { describe, expect, it } from 'vitest';
import { attributeSamples, createSession, decodeUpdate, defaultAttributes, encodeUpdate, JsonWriter, Reader, Writer } from '../../src/index.js';
import { parseWithBigints } from '../support/exact-json.js';

const hex = (b: Uint8Array): string => Buffer.from(b).toString('hex').toUpperCase();

describe('attribute samples', () => {
  it('every registered attribute has samples', () => {
    const without = defaultAttributes.list().filter((c) => c.code !== 29 && !attributeSamples.some((s) => s.code === c.code));
    expect(without.map((c) => c.name)).toEqual([]);
  });
  attributeSamples.forEach((s, k) => {
    const codec = defaultAttributes.get(s.code);
    it(`${codec?.name ?? s.code} #${k}: ${s.note.slice(0, 70)}`, () => {
      expect(codec, `no codec for sample code ${s.code}`).toBeDefined();
      const c = codec!;
      const session = createSession({ as4: s.ctx?.as4 ?? true });
      const bytes = Uint8Array.from(Buffer.from(s.hex, 'hex'));
      const r = new Reader(bytes);
      const v = c.decode(r, session.ctx, c.flags);
      expect(r.pos).toBe(bytes.length);
      const j = new JsonWriter();
      c.json(v, j);
      const json = j.take();
      if (s.json !== undefined) expect(json).toBe(s.json);
      const enc = (m: unknown): string => {
        const w = new Writer(c.encodingLength(m, session.ctx));
        c.encode(m, w, session.ctx);
        return hex(w.finish());
      };
      expect(enc(v)).toBe(s.hex.toUpperCase());
      if (c.code !== 14 && c.code !== 15) expect(enc(c.fromJson(parseWithBigints(json), session.ctx))).toBe(s.hex.toUpperCase());
      if (s.args && c.fromArgs) expect(enc(c.fromArgs(s.args))).toBe(s.hex.toUpperCase());
      // In a whole UPDATE (header built here, from RFC 4271 §4.1/§4.3), with the flags the codec
      // declares: no problem other than the RFC 7606 §3 d mandatory-attribute check.
      const ext = bytes.length > 255;
      const attr = [c.flags | (ext ? 0x10 : 0), c.code, ...(ext ? [bytes.length >> 8, bytes.length & 255] : [bytes.length]), ...bytes];
      const body = [0, 0, attr.length >> 8, attr.length & 255, ...attr];
      const msg = Uint8Array.from([...new Array(16).fill(0xff), (body.length + 19) >> 8, (body.length + 19) & 255, 2, ...body]);
      const u = decodeUpdate(msg, session);
      // A sample that shows a malformed-but-decodable value (an undefined ORIGIN) has its problem.
      if (/malformed/i.test(s.note)) expect(u.problems.some((p) => p.typeCode === c.code)).toBe(true);
      else expect(u.problems.filter((p) => !p.error.message.includes('RFC 7606 §3 d') && !p.error.message.includes('§5.2')).map((p) => p.error.message)).toEqual([]);
      if (u.problems.length === 0) expect(hex(encodeUpdate(u, session))).toBe(hex(msg));
    });
  });
});
