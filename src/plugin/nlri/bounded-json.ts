/**
 * decode-nlri with a size bound (ze-plugin-protocol.md §5.2, §3.6): Ze's JSON of the NLRIs in a
 * hex text, exactly as `Registry.decodeHex` writes it, but given up as soon as the JSON grows
 * past a bound, so that a field of millions of NLRIs (8 MB of hex makes 8 M one-octet RTC NLRIs
 * and gigabytes of models) costs at most the bound in memory: no model is kept, the JSON is
 * written NLRI by NLRI into one text. The plugin's answers must fit one 16 MiB line.
 */
import { NlriError } from '../../core/errors.js';
import { fromHex } from '../../core/hex.js';
import { JsonWriter } from '../../core/json.js';
import { Reader } from '../../core/reader.js';
import type { DecodeOptions, NlriBase } from '../../registry/family.js';
import { decodeNext, writeJson } from '../../registry/ops.js';
import type { Registry } from '../../registry/registry.js';

/**
 * `registry.decodeHex(family, hex, opts)`, or undefined when the JSON text would be longer than
 * `maxChars`. Throws what `decodeHex` throws (NlriError).
 */
export function decodeHexBounded(registry: Registry, family: string, hex: string, maxChars: number, opts: DecodeOptions = {}): string | undefined {
  const codec = registry.require(family);
  const bytes = fromHex(hex, family);
  const o: DecodeOptions = { lossless: true, ...opts };
  try {
    const r = new Reader(bytes, family);
    if (r.pos >= r.end) throw new NlriError('truncated', 'empty NLRI', family, 0);
    const j = new JsonWriter();
    const first: NlriBase = decodeNext(codec, r, o);
    if (r.pos >= r.end && codec.jsonMany === 'auto') {
      writeJson(codec, first, j);
      return j.out.length > maxChars ? undefined : j.take();
    }
    j.beginArray();
    writeJson(codec, first, j);
    while (r.pos < r.end) {
      if (j.out.length > maxChars) return undefined;
      writeJson(codec, decodeNext(codec, r, o), j);
    }
    j.endArray();
    return j.out.length > maxChars ? undefined : j.take();
  } catch (e) {
    // As decodeHex: the family's Ze error prefix in front of the message.
    if (e instanceof NlriError && codec.zeDecodeError && !e.message.startsWith(codec.zeDecodeError)) {
      throw new NlriError(e.code, `${codec.zeDecodeError}: ${e.message}`, e.family || family, e.offset);
    }
    throw e;
  }
}
