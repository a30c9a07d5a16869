/**
 * What test/attributes/samples.test.ts checks for every sample, run here for this group's
 * samples (decode -> JSON, decode -> encode, JSON -> fromJson -> encode, args -> encode, and
 * toArgs -> fromArgs -> encode), plus a small attribute-codec harness.
 */
import { expect } from 'vitest';
import type { AttrContext, AttributeCodec, AttributeSample } from '../../../src/attributes/attribute.js';
import { JsonWriter } from '../../../src/core/json.js';
import { Reader } from '../../../src/core/reader.js';
import { Writer } from '../../../src/core/writer.js';
import { bytes } from '../../support/helpers.js';

export const ctx: AttrContext = {
  as4: true,
  addPath: () => false,
  families: undefined as never,
  strict: false,
  lossless: true,
};
export const strictCtx: AttrContext = { ...ctx, strict: true };

export function decodeHex<M>(codec: AttributeCodec<M>, hex: string, c: AttrContext = ctx): M {
  const b = bytes(hex);
  const r = new Reader(b);
  const m = codec.decode(r, c, codec.flags);
  expect(r.pos).toBe(r.end);
  return m;
}

export function encodeHex<M>(codec: AttributeCodec<M>, m: M, c: AttrContext = ctx): string {
  const w = new Writer(codec.encodingLength(m, c));
  codec.encode(m, w, c);
  return Buffer.from(w.finish()).toString('hex').toUpperCase();
}

export function jsonOf<M>(codec: AttributeCodec<M>, m: M): string {
  const j = new JsonWriter();
  codec.json(m, j);
  return j.take();
}

export function checkSample(codec: AttributeCodec<any>, s: AttributeSample): void {
  const m = decodeHex(codec, s.hex);
  expect(encodeHex(codec, m)).toBe(s.hex);
  const text = jsonOf(codec, m);
  if (s.json !== undefined) expect(text).toBe(s.json);
  expect(encodeHex(codec, codec.fromJson(JSON.parse(text), ctx))).toBe(s.hex);
  if (s.args !== undefined) {
    expect(encodeHex(codec, codec.fromArgs!(s.args))).toBe(s.hex);
  }
  if (codec.toArgs) {
    const a = codec.toArgs(m);
    if (s.args !== undefined) expect(a).toEqual(s.args);
    expect(encodeHex(codec, codec.fromArgs!(a))).toBe(s.hex);
  }
}
