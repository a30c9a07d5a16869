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
import { NIBBLE_BYTE, fromHex, toHex } from '../core/hex.js';
import { JsonWriter } from '../core/json.js';
import { JsonByteWriter } from '../core/json-bytes.js';
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

/** Octets of NLRI the byte path (`answerDecodeBytes`) decodes at most; longer requests take `answerParts`. */
export const FAST_DECODE_LIMIT = 1 << 16;
const tokens = new Int32Array(10);
/** The bytes of the request's hex, reused (with a backing store of its own: no copy on a view). */
let scratch = new Uint8Array(new ArrayBuffer(1024));
let reader = new Reader(scratch);
/** The white space `answerParts` splits on: space, \t, \n, \v, \f, \r. */
const SPACE = new Uint8Array(256);
for (const c of [0x20, 0x09, 0x0a, 0x0b, 0x0c, 0x0d]) SPACE[c] = 1;

/** The family named last (its bytes as written in the request) and its codec. */
const last: { registry: Registry | undefined; name: Uint8Array; length: number; codec: FamilyCodec<NlriBase> } = {
  registry: undefined,
  name: new Uint8Array(64),
  length: -1,
  codec: undefined as never,
};

function sameBytes(b: Uint8Array, start: number, end: number, name: Uint8Array, length: number): boolean {
  if (end - start !== length) return false;
  for (let i = 0; i < length; i++) if (b[start + i] !== name[i]) return false;
  return true;
}

function isWord(b: Uint8Array, start: number, end: number, word: string): boolean {
  if (end - start !== word.length) return false;
  for (let i = 0; i < word.length; i++) if (b[start + i] !== word.charCodeAt(i)) return false;
  return true;
}

/**
 * The answer to a request line `decode [json] nlri <family> <hex>` given as the bytes
 * `b[start..end)`, the same text `answerLine` gives for it, read straight from the bytes: no line
 * string, no token array, the hex decoded into one reused buffer (the models die with the
 * call). Any other line, a line with non-ASCII bytes in the family, a field over
 * `FAST_DECODE_LIMIT` octets, or a codec bug gives undefined: the caller then answers with
 * `answerParts`, which has the answer for every case.
 */
export function answerDecodeBytes(registry: Registry, b: Uint8Array, start: number, end: number): string | undefined {
  const w = textWriter.point(textWriter.buf, 0);
  const done = writeDecodeBytes(registry, b, start, end, w);
  return done === true ? w.take() : done;
}

const textWriter = new JsonByteWriter(new Uint8Array(1024));

/**
 * `answerDecodeBytes` written as UTF-8 into `w` at `w.pos` (no string made for the answer):
 * true when the answer is written (`w.pos` is after it; `w.buf` may have grown), `UNKNOWN` or
 * undefined as `answerDecodeBytes` gives them, with nothing written.
 */
export function writeDecodeBytes(registry: Registry, b: Uint8Array, start: number, end: number, w: JsonByteWriter): true | typeof UNKNOWN | undefined {
  let n = 0;
  for (let i = start; i < end; ) {
    while (i < end && SPACE[b[i]!]) i++;
    if (i >= end) break;
    if (n === 10) return undefined; // more than five words
    tokens[n++] = i;
    while (i < end && !SPACE[b[i]!]) i++;
    tokens[n++] = i;
  }
  const words = n >> 1;
  if ((words !== 4 && words !== 5) || !isWord(b, tokens[0]!, tokens[1]!, 'decode')) return undefined;
  let k = 2;
  if (words === 5) {
    if (!isWord(b, tokens[2]!, tokens[3]!, 'json')) return undefined;
    k = 4;
  }
  if (!isWord(b, tokens[k]!, tokens[k + 1]!, 'nlri')) return undefined;
  const f = tokens[k + 2]!;
  const fEnd = tokens[k + 3]!;
  let codec: FamilyCodec<NlriBase> | undefined;
  let family: string;
  if (registry === last.registry && sameBytes(b, f, fEnd, last.name, last.length)) {
    codec = last.codec;
    family = codec.name;
  } else {
    family = '';
    for (let i = f; i < fEnd; i++) {
      const c = b[i]!;
      if (c >= 0x80) return undefined; // UTF-8: answerParts reads it as text
      family += String.fromCharCode(c >= 0x41 && c <= 0x5a ? c + 32 : c);
    }
    codec = registry.get(family);
    if (!codec) return UNKNOWN;
    // A registry only gains families, so a name once found keeps its codec.
    if (fEnd - f <= last.name.length) {
      last.registry = registry;
      last.name.set(b.subarray(f, fEnd));
      last.length = fEnd - f;
      last.codec = codec;
    }
  }
  const h = tokens[k + 4]!;
  const digits = tokens[k + 5]! - h;
  if (digits & 1) return UNKNOWN; // odd length: invalid hex
  const size = digits >>> 1;
  if (size > FAST_DECODE_LIMIT) return undefined;
  if (size > scratch.length) scratch = new Uint8Array(new ArrayBuffer(Math.max(size, scratch.length * 2)));
  const bytes = scratch;
  for (let i = h, j = 0; j < size; i += 2, j++) {
    const v = (NIBBLE_BYTE[b[i]!]! << 4) | NIBBLE_BYTE[b[i + 1]!]!;
    if (v < 0) return UNKNOWN; // not a hex digit (a -1 makes v negative)
    bytes[j] = v;
  }
  // One Reader over the reused buffer (a window: no subarray per request).
  if (reader.buf !== bytes) reader = new Reader(bytes);
  reader.family = family;
  reader.pos = 0;
  reader.end = size;
  const r = reader;
  const at = w.pos;
  try {
    const first = decodeNext(codec, r, LOSSLESS);
    w.ascii('decoded json ');
    if (r.pos >= r.end && codec.jsonMany === 'auto') writeJson(codec, first, w);
    else {
      w.beginArray();
      writeJson(codec, first, w);
      while (r.pos < r.end) writeJson(codec, decodeNext(codec, r, LOSSLESS), w);
      w.endArray();
    }
    w.clear();
    return true;
  } catch (e) {
    w.pos = at; // drop a half-written answer
    w.clear();
    if (e instanceof NlriError) return UNKNOWN;
    return undefined; // a codec bug: answerParts answers it the way it answers every bug
  }
}

/**
 * The family a request line names (`decode|encode [json|text] nlri <family> …`), lower-cased as
 * `answerParts` reads it, or undefined when the line names none.
 */
export function requestFamily(line: string): string | undefined {
  const w = line.split(/[ \t\r\n\v\f]+/).filter((p) => p !== '');
  const k = w[1] === 'json' || w[1] === 'text' ? 2 : 1;
  if ((w[0] !== 'decode' && w[0] !== 'encode') || w[k] !== 'nlri' || w[k + 1] === undefined) return undefined;
  return w[k + 1]!.toLowerCase();
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
