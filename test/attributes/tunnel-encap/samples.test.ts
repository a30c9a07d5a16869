/** The generic sample checks (docs/ADDING-AN-ATTRIBUTE.md §3) for the tunnel-encap samples. */
import { describe, expect, it } from 'vitest';
import { attrContext } from '../../../src/attributes/registry.js';
import { fromHex, toHex } from '../../../src/core/hex.js';
import { JsonWriter } from '../../../src/core/json.js';
import { Reader } from '../../../src/core/reader.js';
import { Writer } from '../../../src/core/writer.js';
import { Registry } from '../../../src/registry/registry.js';
import { samples, tunnelEncapCodec as codec } from '../../../attributes/tunnel-encap/index.js';

const ctx = attrContext({}, new Registry());

function enc(m: unknown): string {
  const n = codec.encodingLength(m as never, ctx);
  const w = new Writer(n);
  codec.encode(m as never, w, ctx);
  return toHex(w.finish());
}

describe('tunnel-encap samples', () => {
  for (const s of samples) {
    it(s.note, () => {
      const b = fromHex(s.hex);
      const r = new Reader(b);
      const m = codec.decode(r, ctx, codec.flags);
      expect(r.atEnd()).toBe(true);
      const j = new JsonWriter();
      codec.json(m, j);
      const text = j.take();
      if (s.json) expect(text).toBe(s.json);
      expect(enc(m)).toBe(s.hex);
      expect(enc(codec.fromJson(JSON.parse(s.json ?? text), ctx))).toBe(s.hex);
      if (s.args) {
        expect(enc(codec.fromArgs!(s.args))).toBe(s.hex);
        expect(codec.toArgs!(m)).toEqual(s.args);
      }
    });
  }
});
