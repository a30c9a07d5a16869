/**
 * The line protocol of `ze plugin <x> --decode` (Ze's NLRI plugins' stdin/stdout mode), served
 * by `ze-nlri --decode`: one answer line per request line, so tools that drive Ze's binary can
 * drive ze-nlri the same way and compare.
 *
 *   decode [json|text] nlri <family> <hex>      → decoded json <json> | decoded text <text> | decoded unknown
 *   encode [text|json] nlri <family> <tokens…>  → encoded hex <HEX> | encoded error <message>
 *
 * As in Ze: words are split on white space (so a `\r` before the line end is ignored), the family
 * is lower-cased, anything unparsable gets `decoded unknown` (decode) or `encoded error …`
 * (encode). Unlike Ze, which answers nothing to an empty line or to a line that is neither
 * `decode …` nor `encode …`, every request line gets exactly one answer: such lines are answered
 * `decoded unknown`, Ze's answer to a request it cannot serve (docs/ze-compat.md). The transport
 * (line splitting, the line-length limit, batched writes) is in line-server.ts.
 *
 * Answers are produced in pieces (`answerParts`), so that the JSON of a field of millions of
 * NLRIs is written out as it is made instead of being held whole: a first pass decodes every NLRI
 * (keeping the JSON only while it is small), and only when that succeeds is the answer written —
 * a decode error anywhere still makes the whole answer `decoded unknown`, as in Ze.
 */
import { NlriError } from '../core/errors.js';
import { fromHex, toHex } from '../core/hex.js';
import { JsonWriter } from '../core/json.js';
import { Reader } from '../core/reader.js';
import type { DecodeOptions, FamilyCodec, NlriBase } from '../registry/family.js';
import type { Registry } from '../registry/registry.js';
import { decodeNext, encode, writeJson } from '../registry/ops.js';

export const UNKNOWN = 'decoded unknown';

/** JSON or text kept from the first pass at most (larger answers are made again, piece by piece). */
const KEEP_LIMIT = 1 << 20;
const LOSSLESS: DecodeOptions = { lossless: true };

/** The answer to one request line (without its line end): always exactly one line of text. */
export function answerLine(registry: Registry, line: string): string {
  let s = '';
  for (const p of answerParts(registry, line)) s += p;
  return s;
}

/**
 * The answer to one request line, in pieces whose concatenation is the answer line (without its
 * newline). Throws only on a bug (never an NlriError).
 */
export function* answerParts(registry: Registry, line: string): Generator<string, void, undefined> {
  let parts = line.split(/[ \t\r\n\v\f]+/).filter((p) => p !== '');
  if (parts.length < 3) return yield UNKNOWN;
  const cmd = parts[0]!;
  let format = cmd === 'encode' ? 'text' : 'json';
  if (parts[1] === 'json' || parts[1] === 'text') {
    format = parts[1];
    if (parts.length < 4) return yield cmd === 'decode' ? UNKNOWN : 'encoded error missing arguments';
    parts = [cmd, ...parts.slice(2)];
  }
  const obj = parts[1];
  if (cmd === 'decode' && obj === 'nlri') return yield* decodeRequest(registry, parts, format);
  if (cmd === 'encode' && obj === 'nlri') return yield encodeRequest(registry, parts, format);
  if (cmd === 'encode') return yield 'encoded error unsupported object type';
  return yield UNKNOWN;
}

function* decodeRequest(registry: Registry, parts: string[], format: string): Generator<string, void, undefined> {
  if (parts.length < 4) return yield UNKNOWN;
  const family = parts[2]!.toLowerCase();
  const codec = registry.get(family);
  if (!codec || (format === 'text' && !codec.text)) return yield UNKNOWN;
  let bytes: Uint8Array;
  try {
    bytes = fromHex(parts[3]!, family);
  } catch (e) {
    if (e instanceof NlriError) return yield UNKNOWN;
    throw e;
  }
  if (bytes.length === 0) return yield UNKNOWN;
  const text = format === 'text';
  const render = text ? (m: NlriBase) => codec.text!(m) : (m: NlriBase) => jsonOf(codec, m);
  const sep = text ? '; ' : ',';

  // Pass 1: every NLRI decodes and renders (the rendering is kept while it is small).
  const kept: string[] = [];
  let keptLen = 0;
  let count = 0;
  try {
    const r = new Reader(bytes, family);
    while (r.pos < r.end) {
      const s = render(decodeNext(codec, r, LOSSLESS));
      count++;
      if (keptLen <= KEEP_LIMIT) {
        kept.push(s);
        keptLen += s.length;
      }
    }
  } catch (e) {
    if (e instanceof NlriError) return yield UNKNOWN;
    throw e;
  }
  const array = !text && (count > 1 || codec.jsonMany !== 'auto');
  yield text ? 'decoded text ' : array ? 'decoded json [' : 'decoded json ';
  if (keptLen <= KEEP_LIMIT) yield kept.join(sep);
  else {
    // Pass 2 (large answers only): the same NLRIs again, written out in pieces.
    kept.length = 0;
    const r = new Reader(bytes, family);
    let piece = '';
    for (let k = 0; r.pos < r.end; k++) {
      piece += (k === 0 ? '' : sep) + render(decodeNext(codec, r, LOSSLESS));
      if (piece.length >= 1 << 16) {
        yield piece;
        piece = '';
      }
    }
    if (piece) yield piece;
  }
  if (array) yield ']';
}

/** One model's JSON object, with its path id (as `toJson` writes each element of an array). */
function jsonOf(codec: FamilyCodec<NlriBase>, m: NlriBase): string {
  const j = new JsonWriter();
  writeJson(codec, m, j);
  return j.take();
}

function encodeRequest(registry: Registry, parts: string[], format: string): string {
  if (parts.length < 4) return 'encoded error missing family or components';
  const family = parts[2]!.toLowerCase();
  const codec = registry.get(family);
  if (!codec) return `encoded error unsupported family: ${family}`;
  try {
    if (format === 'json') {
      if (!codec.fromZeJson) return `encoded error json input not supported for ${family}`;
      let value: unknown;
      try {
        value = JSON.parse(parts.slice(3).join(' '));
      } catch (e) {
        return `encoded error invalid JSON: ${oneLine(e instanceof Error ? e.message : String(e))}`;
      }
      return 'encoded hex ' + toHex(encode(codec, codec.fromZeJson(value)));
    }
    return 'encoded hex ' + registry.encodeArgs(family, parts.slice(3));
  } catch (e) {
    if (e instanceof NlriError) return 'encoded error ' + oneLine(e.message);
    throw e;
  }
}

function oneLine(s: string): string {
  return s.replace(/[\r\n]+/g, ' ');
}
