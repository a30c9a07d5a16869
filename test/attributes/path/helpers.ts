/** Shared helpers of the path-attribute tests: run one codec on value bytes, with a session context. */
import type { AttrContext, AttributeCodec } from '../../../src/attributes/attribute.js';
import { attrContext } from '../../../src/attributes/registry.js';
import { NlriError } from '../../../src/core/errors.js';
import { fromHex, toHex } from '../../../src/core/hex.js';
import { JsonWriter } from '../../../src/core/json.js';
import { Reader } from '../../../src/core/reader.js';
import { Writer } from '../../../src/core/writer.js';
import { Registry } from '../../../src/registry/registry.js';
import { codecs } from '../../../attributes/path/index.js';

export function ctx(opts: { as4?: boolean; strict?: boolean } = {}): AttrContext {
  return attrContext({ as4: opts.as4 ?? true, strict: opts.strict ?? false }, new Registry());
}

export function codec(code: number): AttributeCodec<any> {
  const c = codecs.find((x) => x.code === code);
  if (!c) throw new Error(`no codec ${code}`);
  return c;
}

/** Decode the value `hex` with the codec of `code`; the reader must end at the end. */
export function decode(code: number, hex: string, c: AttrContext = ctx()): any {
  const r = new Reader(fromHex(hex));
  const m = codec(code).decode(r, c, codec(code).flags);
  if (r.pos !== r.end) throw new Error(`decode stopped at ${r.pos} of ${r.end}`);
  return m;
}

export function encode(code: number, m: unknown, c: AttrContext = ctx()): string {
  const k = codec(code);
  const w = new Writer(k.encodingLength(m, c));
  k.encode(m, w, c);
  return toHex(w.finish());
}

export function json(code: number, m: unknown): string {
  const j = new JsonWriter();
  codec(code).json(m, j);
  return j.take();
}

/** JSON.parse keeping integers of 16 digits or more exact (as strings), which fromJson accepts. */
export function parseExact(text: string): unknown {
  return JSON.parse(text.replace(/([:[,])(\d{16,})(?=[,\]}])/g, '$1"$2"'));
}

/** The NlriError a call throws (fails the test when it does not throw one). */
export function thrown(fn: () => unknown): NlriError {
  try {
    fn();
  } catch (e) {
    if (e instanceof NlriError) return e;
    throw new Error(`threw a non-NlriError: ${String(e)}`);
  }
  throw new Error('did not throw');
}
