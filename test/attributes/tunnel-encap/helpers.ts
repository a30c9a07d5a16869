/** Test helpers: hand-built TLV headers (independent of the codec) and the codec round trips. */
import { expect } from 'vitest';
import { attrContext } from '../../../src/attributes/registry.js';
import { NlriError } from '../../../src/core/errors.js';
import { fromHex, toHex } from '../../../src/core/hex.js';
import { JsonWriter } from '../../../src/core/json.js';
import { Reader } from '../../../src/core/reader.js';
import { Writer } from '../../../src/core/writer.js';
import { Registry } from '../../../src/registry/registry.js';
import { tunnelEncapCodec as codec, type TunnelEncap } from '../../../attributes/tunnel-encap/index.js';

export const ctx = attrContext({}, new Registry());
export { codec };

const h2 = (n: number): string => n.toString(16).toUpperCase().padStart(2, '0');
const h4 = (n: number): string => n.toString(16).toUpperCase().padStart(4, '0');
const len = (hex: string): number => hex.replace(/\s/g, '').length / 2;
const clean = (s: string): string => s.replace(/\s/g, '').toUpperCase();

/** A sub-TLV with a 1-octet length (types 0-127; every Segment List sub-TLV). */
export function tlv1(type: number, value: string): string {
  return h2(type) + h2(len(value)) + clean(value);
}
/** A sub-TLV with a 2-octet length (types 128-255). */
export function tlv2(type: number, value: string): string {
  return h2(type) + h4(len(value)) + clean(value);
}
/** A Tunnel TLV. */
export function tunnel(type: number, ...subs: string[]): string {
  const v = subs.join('');
  return h4(type) + h4(len(v)) + v;
}

export function decode(hex: string): TunnelEncap {
  const r = new Reader(fromHex(clean(hex)));
  const m = codec.decode(r, ctx, codec.flags);
  expect(r.atEnd()).toBe(true);
  return m;
}

export function encode(m: TunnelEncap): string {
  const w = new Writer(codec.encodingLength(m, ctx));
  codec.encode(m, w, ctx);
  return toHex(w.finish());
}

export function json(m: TunnelEncap): string {
  const j = new JsonWriter();
  codec.json(m, j);
  return j.take();
}

/** decode -> JSON is `expected`; decode -> encode and JSON -> fromJson -> encode give the bytes back. */
export function check(hex: string, expected: string): TunnelEncap {
  const m = decode(hex);
  expect(json(m)).toBe(expected);
  expect(encode(m)).toBe(clean(hex));
  expect(encode(codec.fromJson(JSON.parse(expected), ctx))).toBe(clean(hex));
  return m;
}

export function fails(hex: string, code: string, offset: number, msg?: RegExp): NlriError {
  let err: unknown;
  try {
    decode(hex);
  } catch (e) {
    err = e;
  }
  expect(err).toBeInstanceOf(NlriError);
  const e = err as NlriError;
  expect({ code: e.code, offset: e.offset }).toEqual({ code, offset });
  if (msg) expect(e.message).toMatch(msg);
  return e;
}

export const V6 = (s: string): string => clean(s);
