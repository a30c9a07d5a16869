/**
 * Path attributes built from argument models: each value encoded once with its codec, the
 * RFC 4271 §4.3 header in front (flags, type code, length; the Extended Length bit and a 2-octet
 * length when the value is over 255 octets), in type-code order (RFC 4271 §5: the order an
 * UPDATE should carry them in).
 */
import { NlriError } from '../core/errors.js';
import { toHex } from '../core/hex.js';
import { Writer } from '../core/writer.js';
import { ATTR_EXTENDED_LENGTH, type AttrContext, type AttributeCodec } from '../attributes/attribute.js';
import type { PathAttribute } from '../update/model.js';

/** One attribute value to encode. */
export interface BuiltValue {
  readonly codec: AttributeCodec<any>;
  readonly value: unknown;
}

/** Encode every value: sorted by type code; errors become `invalid-args` naming the attribute. */
export function encodeAttributes(values: readonly BuiltValue[], ctx: AttrContext, family: string): { list: PathAttribute[]; hex: string } {
  const sorted = [...values].sort((a, b) => a.codec.code - b.codec.code);
  const list: PathAttribute[] = [];
  let hex = '';
  for (const { codec, value } of sorted) {
    let raw: Uint8Array;
    try {
      const n = codec.encodingLength(value, ctx);
      if (n > 0xffff) throw new NlriError('too-long', `${codec.name}: value of ${n} octets exceeds 65535`);
      const w = new Writer(n);
      codec.encode(value, w, ctx);
      raw = w.finish();
    } catch (e) {
      if (e instanceof NlriError) {
        const msg = e.message.includes(codec.name) ? e.message : `${codec.name}: ${e.message}`;
        throw new NlriError('invalid-args', msg, family, -1, codec.name);
      }
      throw e;
    }
    const ext = raw.length > 255;
    const flags = ext ? codec.flags | ATTR_EXTENDED_LENGTH : codec.flags & ~ATTR_EXTENDED_LENGTH;
    const head = new Uint8Array(ext ? 4 : 3);
    head[0] = flags;
    head[1] = codec.code;
    if (ext) {
      head[2] = raw.length >>> 8;
      head[3] = raw.length & 0xff;
    } else head[2] = raw.length;
    hex += toHex(head) + toHex(raw);
    list.push({ flags, code: codec.code, value, codec, raw, offset: -1 });
  }
  return { list, hex };
}
