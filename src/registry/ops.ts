/**
 * What every family shares, written once: several NLRIs back to back, the ADD-PATH path
 * identifier in front of each (RFC 7911 §3), one-allocation encoding of any number of NLRIs,
 * and the JSON rendering rule for several NLRIs (COMPAT.md §4).
 */
import { NlriError } from '../core/errors.js';
import { toHex } from '../core/hex.js';
import { JsonWriter } from '../core/json.js';
import { Reader } from '../core/reader.js';
import { allocBytes } from '../core/slab.js';
import { copyBytes, Writer } from '../core/writer.js';
import type { DecodeOptions, FamilyCodec, NlriBase, WireSpan } from './family.js';

export interface EncodeOptions {
  /** Write each model's `pathId` (0 when absent) in front of its NLRI (RFC 7911). */
  addPath?: boolean;
}

/**
 * Options of a decode that gives parsed routes only: without `lossless`, a family's lossless
 * record (`parsed:false`) is never made, so the result is typed as the codec's parsed route `P`.
 */
export type ParsedDecodeOptions = DecodeOptions & { lossless?: false | undefined };

/** The default options, one frozen object: a `= {}` default would allocate on every call. */
const NO_DECODE_OPTIONS: DecodeOptions = Object.freeze({});

function asList<M>(m: M | readonly M[]): readonly M[] {
  return Array.isArray(m) ? (m as readonly M[]) : [m as M];
}

/**
 * The input of a decode must be bytes: a string or an array would otherwise "decode" (a Reader
 * indexes any array-like), so anything else is refused with a typed error before reading.
 */
function checkBytes(bytes: unknown, family: string): void {
  if (!(bytes instanceof Uint8Array)) {
    const what = bytes === null ? 'null' : typeof bytes === 'object' ? ((bytes as object).constructor?.name ?? 'object') : typeof bytes;
    throw new NlriError('invalid-model', `decode input must be a Uint8Array, got ${what}`, family);
  }
}

/**
 * Decode every NLRI in `bytes` (the NLRI field of one MP_REACH/MP_UNREACH, or one NLRI).
 * The models are views into `bytes`: keep `bytes` unchanged while you use them.
 */
export function decodeAll<M extends NlriBase, P extends M>(codec: FamilyCodec<M, P>, bytes: Uint8Array, opts?: ParsedDecodeOptions): P[];
export function decodeAll<M extends NlriBase, P extends M>(codec: FamilyCodec<M, P>, bytes: Uint8Array, opts: DecodeOptions): M[];
export function decodeAll<M extends NlriBase, P extends M>(codec: FamilyCodec<M, P>, bytes: Uint8Array, opts: DecodeOptions = NO_DECODE_OPTIONS): M[] {
  checkBytes(bytes, codec.name);
  const r = new Reader(bytes, codec.name);
  const slow = opts.addPath || (opts.lossless && codec.recover);
  if (r.pos >= r.end) return [];
  // The first NLRI alone: a field of one NLRI (the usual decode-nlri input) gets an array of
  // one slot, not the 16 that an empty array's first push reserves.
  const first = slow ? decodeNext(codec, r, opts) : codec.decode(r, opts);
  if (r.pos >= r.end) return [first];
  const out: M[] = [first];
  if (slow) {
    while (r.pos < r.end) out.push(decodeNext(codec, r, opts));
  } else {
    // The common case, kept tight: no per-NLRI option checks.
    while (r.pos < r.end) out.push(codec.decode(r, opts));
  }
  return out;
}

/**
 * Decode every NLRI in `bytes` and hand each to `fn` as it is decoded, without collecting them:
 * for consumers that process NLRIs one at a time (a route table, a filter). Returns the count.
 */
export function forEachNlri<M extends NlriBase, P extends M>(
  codec: FamilyCodec<M, P>,
  bytes: Uint8Array,
  fn: (m: P, index: number) => void,
  opts?: ParsedDecodeOptions,
): number;
export function forEachNlri<M extends NlriBase, P extends M>(
  codec: FamilyCodec<M, P>,
  bytes: Uint8Array,
  fn: (m: M, index: number) => void,
  opts: DecodeOptions,
): number;
export function forEachNlri<M extends NlriBase, P extends M>(
  codec: FamilyCodec<M, P>,
  bytes: Uint8Array,
  fn: (m: M, index: number) => void,
  opts: DecodeOptions = NO_DECODE_OPTIONS,
): number {
  checkBytes(bytes, codec.name);
  const r = new Reader(bytes, codec.name);
  let n = 0;
  if (opts.addPath || (opts.lossless && codec.recover)) {
    while (r.pos < r.end) fn(decodeNext(codec, r, opts), n++);
  } else {
    while (r.pos < r.end) fn(codec.decode(r, opts), n++);
  }
  return n;
}

/** Decode the NLRI at `r.pos` (with its path id when `opts.addPath`). */
export function decodeNext<M extends NlriBase, P extends M>(codec: FamilyCodec<M, P>, r: Reader, opts?: ParsedDecodeOptions): P;
export function decodeNext<M extends NlriBase, P extends M>(codec: FamilyCodec<M, P>, r: Reader, opts: DecodeOptions): M;
export function decodeNext<M extends NlriBase, P extends M>(codec: FamilyCodec<M, P>, r: Reader, opts: DecodeOptions = NO_DECODE_OPTIONS): M {
  if (opts.lossless && codec.recover) {
    // The path id is the core's: it is read first and given to the record too, so a lossless
    // record re-encodes to the same bytes with ADD-PATH (RFC 7911 §3).
    const id = opts.addPath ? r.u32('ADD-PATH path identifier') : undefined;
    const start = r.pos;
    const end = r.end;
    try {
      const m = codec.decode(r, opts);
      if (id !== undefined) m.pathId = id;
      return m;
    } catch (e) {
      r.pos = start;
      r.end = end;
      const m = codec.recover(r, start, e);
      if (m === undefined) throw e;
      if (id !== undefined) m.pathId = id;
      return m;
    }
  }
  return decodePlain(codec, r, opts);
}

function decodePlain<M extends NlriBase, P extends M>(codec: FamilyCodec<M, P>, r: Reader, opts: DecodeOptions): P {
  if (opts.addPath) {
    const id = r.u32('ADD-PATH path identifier');
    const m = codec.decode(r, opts);
    m.pathId = id;
    return m;
  }
  return codec.decode(r, opts);
}

/** Decode exactly one NLRI; bytes after it are an error ('trailing-bytes'). */
export function decodeOne<M extends NlriBase, P extends M>(codec: FamilyCodec<M, P>, bytes: Uint8Array, opts?: ParsedDecodeOptions): P;
export function decodeOne<M extends NlriBase, P extends M>(codec: FamilyCodec<M, P>, bytes: Uint8Array, opts: DecodeOptions): M;
export function decodeOne<M extends NlriBase, P extends M>(codec: FamilyCodec<M, P>, bytes: Uint8Array, opts: DecodeOptions = NO_DECODE_OPTIONS): M {
  checkBytes(bytes, codec.name);
  const r = new Reader(bytes, codec.name);
  const m = decodeNext(codec, r, opts);
  if (r.pos !== r.end) r.fail('trailing-bytes', `${r.end - r.pos} bytes after the NLRI`);
  return m;
}

const NO_OPTIONS: EncodeOptions = Object.freeze({});

/** Bytes needed to encode `models` (with path ids when `opts.addPath`). */
export function encodingLength<M extends NlriBase>(codec: FamilyCodec<M>, models: M | readonly M[], opts: EncodeOptions = NO_OPTIONS): number {
  const extra = opts.addPath ? 4 : 0;
  if (!Array.isArray(models)) return codec.encodingLength(models as M) + extra;
  let n = 0;
  for (const m of models as readonly M[]) n += codec.encodingLength(m) + extra;
  return n;
}

/**
 * One writer for every `encode`/`encodeInto` call, pointed at the caller's buffer each time: a
 * call allocates nothing but the bytes it returns. A codec that encodes an inner NLRI through
 * `encode` (re-entry) gets a writer of its own.
 */
const shared = new Writer(0);
let busy = false;

function writeAll<M extends NlriBase>(codec: FamilyCodec<M>, models: M | readonly M[], opts: EncodeOptions, w: Writer): void {
  if (!Array.isArray(models)) {
    if (opts.addPath) w.u32((models as M).pathId ?? 0);
    codec.encode(models as M, w);
  } else {
    for (const m of models as readonly M[]) {
      if (opts.addPath) w.u32(m.pathId ?? 0);
      codec.encode(m, w);
    }
  }
  w.finish();
}

function run<M extends NlriBase>(codec: FamilyCodec<M>, models: M | readonly M[], opts: EncodeOptions, buf: Uint8Array, start: number, end: number): void {
  const own = busy;
  const w = own ? new Writer(buf, start, end) : shared.reset(buf, start, end);
  busy = true;
  try {
    writeAll(codec, models, opts, w);
  } catch (e) {
    if (e instanceof NlriError) throw e.withFamily(codec.name);
    throw e;
  } finally {
    if (!own) {
      busy = false;
      shared.reset(EMPTY, 0, 0); // drop the caller's buffer
    }
  }
}

const EMPTY = new Uint8Array(0);

/**
 * The window a codec's `verbatim` fills, one for every call (emptied after use, so it keeps no
 * input alive).
 */
const span: WireSpan = { buf: EMPTY, start: 0, end: 0 };

/** Copy `span` to `out` at `o` (after the path id when `id` is a number) and empty it. */
function copySpan(out: Uint8Array, o: number, id: number | undefined): void {
  const src = span.buf;
  const s = span.start;
  const n = span.end - s;
  span.buf = EMPTY;
  if (id !== undefined) {
    out[o] = id >>> 24;
    out[o + 1] = id >>> 16;
    out[o + 2] = id >>> 8;
    out[o + 3] = id;
    o += 4;
  }
  copyBytes(out, o, src, s, n);
}

/**
 * One model (or a list of one) whose encoding already lies in a buffer (`codec.verbatim`): the
 * window is in `span` and this returns its size with the path id, or -1 when there is none.
 */
function verbatimLength<M extends NlriBase>(codec: FamilyCodec<M>, models: M | readonly M[], opts: EncodeOptions): number {
  if (codec.verbatim === undefined) return -1;
  // A list of one (what decodeAll gives for one NLRI) is that model.
  const m = Array.isArray(models) ? (models.length === 1 ? (models[0] as M) : undefined) : (models as M);
  if (m === undefined || !codec.verbatim(m, span)) return -1;
  const { start, end } = span;
  // A window outside its buffer (a hand-made view, another family's hook) is not copied: the
  // encoder judges the model instead.
  if (!(start >= 0 && start <= end && end <= span.buf.length)) {
    span.buf = EMPTY;
    return -1;
  }
  return end - start + (opts.addPath ? 4 : 0);
}

/** The model of a call that `verbatimLength` accepted: the one model, or the list's only one. */
function only<M extends NlriBase>(models: M | readonly M[]): M {
  return Array.isArray(models) ? (models[0] as M) : (models as M);
}

/** Encode one or several NLRIs into one buffer, measured first and written once. */
export function encode<M extends NlriBase>(codec: FamilyCodec<M>, models: M | readonly M[], opts: EncodeOptions = NO_OPTIONS): Uint8Array {
  const v = verbatimLength(codec, models, opts);
  if (v >= 0) {
    const out = allocBytes(v);
    copySpan(out, 0, opts.addPath ? (only(models).pathId ?? 0) : undefined);
    return out;
  }
  const n = encodingLength(codec, models, opts);
  const buf = allocBytes(n);
  run(codec, models, opts, buf, 0, n);
  return buf;
}

/** The buffer `encodeHex` writes into; an encoding longer than this gets its own array. */
const HEX_SCRATCH = new Uint8Array(4096);

/**
 * `toHex(encode(codec, models, opts))` without the result array: the bytes are written into one
 * reused buffer and read out as hex at once (encode-nlri's answer is only the hex).
 */
export function encodeHex<M extends NlriBase>(codec: FamilyCodec<M>, models: M | readonly M[], opts: EncodeOptions = NO_OPTIONS): string {
  const v = verbatimLength(codec, models, opts);
  const n = v >= 0 ? v : encodingLength(codec, models, opts);
  const buf = n <= HEX_SCRATCH.length ? HEX_SCRATCH : new Uint8Array(n);
  if (v >= 0) copySpan(buf, 0, opts.addPath ? (only(models).pathId ?? 0) : undefined);
  else run(codec, models, opts, buf, 0, n);
  return toHex(buf, 0, n);
}

/**
 * Encode one or several NLRIs into `buf` at `offset`, without allocating: measures, checks that
 * they fit (`NlriError('too-long')` otherwise, nothing written), writes, and returns the offset
 * just after the last byte written. For building an UPDATE or a batch in one buffer.
 */
export function encodeInto<M extends NlriBase>(
  codec: FamilyCodec<M>,
  models: M | readonly M[],
  buf: Uint8Array,
  offset = 0,
  opts: EncodeOptions = NO_OPTIONS,
): number {
  const v = verbatimLength(codec, models, opts);
  const n = v >= 0 ? v : encodingLength(codec, models, opts);
  const end = offset + n;
  if (!(offset >= 0) || end > buf.length) {
    span.buf = EMPTY;
    throw new NlriError('too-long', `${n} bytes do not fit at offset ${offset} of a ${buf.length}-byte buffer`, codec.name, offset);
  }
  if (v >= 0) copySpan(buf, offset, opts.addPath ? (only(models).pathId ?? 0) : undefined);
  else run(codec, models, opts, buf, offset, end);
  return end;
}

/** Write one model's JSON object, with `path-id` in its sorted place when the model has one. */
export function writeJson<M extends NlriBase>(codec: FamilyCodec<M>, m: M, j: JsonWriter): void {
  if (m.pathId !== undefined) j.inject('path-id', String(m.pathId));
  codec.json(m, j);
}

/** Ze's JSON text for one model, or for several following the family's `jsonMany` rule. */
export function toJson<M extends NlriBase>(codec: FamilyCodec<M>, models: M | readonly M[]): string {
  const j = new JsonWriter();
  const list = asList(models);
  if (list.length === 1 && codec.jsonMany === 'auto') {
    writeJson(codec, list[0]!, j);
  } else {
    j.beginArray();
    for (const m of list) writeJson(codec, m, j);
    j.endArray();
  }
  return j.take();
}
