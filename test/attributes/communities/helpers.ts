/** Shared helpers of the community tests: run a codec on hex, and JSON.parse keeping big integers exact. */
import type { AttrContext, AttributeCodec } from '../../../src/attributes/attribute.js';
import { fromHex, toHex } from '../../../src/core/hex.js';
import { JsonWriter } from '../../../src/core/json.js';
import { Reader } from '../../../src/core/reader.js';
import { Writer } from '../../../src/core/writer.js';

export const ctx = { as4: true, external: false, addPath: () => false, families: undefined as never, strict: false, lossless: true } as unknown as AttrContext;

export function decodeHex<M>(c: AttributeCodec<M>, hex: string): M {
  const b = fromHex(hex);
  const r = new Reader(b);
  const m = c.decode(r, ctx, c.flags);
  if (r.pos !== r.end) throw new Error(`decode left ${r.end - r.pos} bytes`);
  return m;
}

export function encodeHex<M>(c: AttributeCodec<M>, m: M): string {
  const w = new Writer(c.encodingLength(m, ctx));
  c.encode(m, w, ctx);
  return toHex(w.finish());
}

export function jsonOf<M>(c: AttributeCodec<M>, m: M): string {
  const j = new JsonWriter();
  c.json(m, j);
  return j.take();
}

/** JSON.parse with integers of 16 or more digits kept as decimal strings (no rounding). */
export function parseExact(text: string): unknown {
  return JSON.parse(text.replace(/([:[,])(\d{16,})(?=[,\]}])/g, '$1"$2"'));
}

/** The error a function throws (fails the test when it does not throw). */
export function thrown(f: () => unknown): { code: string; offset: number; message: string; name: string } {
  try {
    f();
  } catch (e) {
    return e as { code: string; offset: number; message: string; name: string };
  }
  throw new Error('expected an error');
}
