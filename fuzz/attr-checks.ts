/**
 * The properties every path attribute codec and the whole-UPDATE decoder must hold for any input,
 * shared by `npm run fuzz:update` and the smoke run in `npm test`:
 *
 * Attribute value (any bytes):
 *  1. decode gives a value or an NlriError, nothing else;
 *  2. a decoded value renders to valid JSON, and `fromJson` of that JSON encodes to the same bytes
 *     as the value itself, or to bytes whose JSON is the same (where the JSON leaves out encoding
 *     details, e.g. a FlowSpec NLRI's non-minimal operator form inside MP_REACH);
 *  3. a decoded value encodes (or fails with an NlriError), and decoding those bytes gives the same
 *     JSON and encoding again gives the same bytes (decode-encode idempotent).
 * Whole UPDATE (any bytes):
 *  4. decodeUpdate never throws, its JSON is valid;
 *  5. an UPDATE without problems encodes to bytes that decode to the same JSON, and encode again to
 *     the same bytes.
 */
import { NlriError } from '../src/core/errors.js';
import { Reader } from '../src/core/reader.js';
import { Writer } from '../src/core/writer.js';
import type { AttrContext, AttributeCodec } from '../src/attributes/attribute.js';
import { decodeUpdate, encodeUpdate, type Session } from '../src/index.js';
import { updateToJson } from '../src/update/json.js';
import { JsonWriter } from '../src/core/json.js';

export interface AttrFinding {
  attribute: string;
  hex: string;
  problem: string;
}

const hex = (b: Uint8Array): string => Buffer.from(b).toString('hex').toUpperCase();
const describe = (e: unknown): string => (e instanceof Error ? `${e.constructor.name}: ${e.message}` : String(e));

function decodeValue(codec: AttributeCodec<any>, bytes: Uint8Array, ctx: AttrContext, flags: number): unknown {
  const r = new Reader(bytes, '');
  const v = codec.decode(r, ctx, flags);
  if (r.pos !== r.end) r.fail('trailing-bytes', 'value not consumed');
  return v;
}

function encodeValue(codec: AttributeCodec<any>, v: unknown, ctx: AttrContext): Uint8Array {
  const w = new Writer(codec.encodingLength(v, ctx));
  codec.encode(v, w, ctx);
  return w.finish();
}

function jsonOf(codec: AttributeCodec<any>, v: unknown): string {
  const j = new JsonWriter();
  codec.json(v, j);
  return j.take();
}

export function checkAttribute(codec: AttributeCodec<any>, bytes: Uint8Array, ctx: AttrContext): { finding?: AttrFinding; decoded: boolean } {
  const finding = (problem: string): { finding: AttrFinding; decoded: boolean } => ({ finding: { attribute: codec.name, hex: hex(bytes), problem }, decoded: false });
  let v: unknown;
  try {
    v = decodeValue(codec, bytes, ctx, codec.flags);
  } catch (e) {
    if (e instanceof NlriError) {
      if (e.offset > bytes.length) return finding(`error offset ${e.offset} past the ${bytes.length}-octet input: ${e.message}`);
      return { decoded: false };
    }
    return finding(`decode threw ${describe(e)}`);
  }
  let json: string;
  try {
    json = jsonOf(codec, v);
    JSON.parse(json);
  } catch (e) {
    // A value Ze's JSON cannot show (the BGP-LS attribute's NaN metric: Go's "json: unsupported
    // value") fails with an NlriError by design; the update layer shows such values raw.
    if (e instanceof NlriError) return { decoded: true };
    return finding(`JSON rendering failed: ${describe(e)}`);
  }
  let again: Uint8Array;
  try {
    again = encodeValue(codec, v, ctx);
  } catch (e) {
    if (e instanceof NlriError) return { decoded: true };
    return finding(`encode of a decoded value threw ${describe(e)}`);
  }
  let v2: unknown;
  try {
    v2 = decodeValue(codec, again, ctx, codec.flags);
  } catch (e) {
    return finding(`re-decoding the encoded value failed: ${describe(e)} (${hex(again)})`);
  }
  if (jsonOf(codec, v2) !== json) return finding(`JSON changed after encode/decode: ${json} vs ${jsonOf(codec, v2)}`);
  let third: Uint8Array;
  try {
    third = encodeValue(codec, v2, ctx);
  } catch (e) {
    return finding(`second encode threw ${describe(e)}`);
  }
  if (hex(third) !== hex(again)) return finding(`encode not idempotent: ${hex(again)} then ${hex(third)}`);
  try {
    const fromJ = codec.fromJson(JSON.parse(json), ctx);
    const b = encodeValue(codec, fromJ, ctx);
    // The JSON reads back to a value with the same JSON. Byte-exact where the JSON says every bit;
    // where it cannot (a FlowSpec operator list without its end bit inside an MP_REACH: the
    // family JSON shows the match, not the encoding), the bytes differ but mean the same, and
    // whole-UPDATE JSON with nlriHex carries the bytes (test/update/round-trip.test.ts).
    if (hex(b) !== hex(again)) {
      const back = jsonOf(codec, decodeValue(codec, b, ctx, codec.flags));
      if (back !== json) return finding(`fromJson(json) encodes to ${hex(b)} whose JSON ${back} differs from ${json}`);
    }
  } catch (e) {
    // A JSON form that cannot be read back (Ze's BGP-LS attribute, a lossless record of a
    // truncated NLRI) may be refused with an NlriError; never a wrong value, never another error.
    if (!(e instanceof NlriError)) return finding(`fromJson threw ${describe(e)}`);
  }
  return { decoded: true };
}

export function checkUpdate(bytes: Uint8Array, session: Session): { finding?: AttrFinding; clean: boolean } {
  const finding = (problem: string): { finding: AttrFinding; clean: boolean } => ({ finding: { attribute: 'update', hex: hex(bytes), problem }, clean: false });
  let json: string;
  let u;
  try {
    u = decodeUpdate(bytes, session);
    json = updateToJson(u);
    JSON.parse(json);
  } catch (e) {
    return finding(`decodeUpdate threw ${describe(e)}`);
  }
  for (const p of u.problems) {
    if (p.error.offset > bytes.length) return finding(`problem offset ${p.error.offset} past the input: ${p.error.message}`);
  }
  if (u.problems.length > 0) return { clean: false };
  let again: Uint8Array;
  try {
    again = encodeUpdate(u, session, { header: bytes.length >= 19 && bytes.subarray(0, 16).every((b) => b === 0xff) });
  } catch (e) {
    if (e instanceof NlriError) return { clean: true };
    return finding(`encodeUpdate threw ${describe(e)}`);
  }
  const u2 = decodeUpdate(again, session);
  const json2 = updateToJson(u2);
  if (json2 !== json) return finding(`JSON changed after encode/decode: ${json} vs ${json2}`);
  let third: Uint8Array;
  try {
    third = encodeUpdate(u2, session, { header: bytes.length >= 19 && bytes.subarray(0, 16).every((b) => b === 0xff) });
  } catch (e) {
    return finding(`second encode threw ${describe(e)}`);
  }
  if (hex(third) !== hex(again)) return finding(`encodeUpdate not idempotent`);
  return { clean: true };
}

/**
 * A generated (valid) model: it encodes, the bytes decode to a value that encodes to the same
 * bytes, and the value's JSON reads back (fromJson) to the same bytes.
 */
export function checkAttributeModel(codec: AttributeCodec<any>, model: unknown, ctx: AttrContext): AttrFinding | undefined {
  let bytes: Uint8Array;
  try {
    bytes = encodeValue(codec, model, ctx);
  } catch (e) {
    return { attribute: codec.name, hex: '', problem: `encode of a generated model threw ${describe(e)}` };
  }
  const r = checkAttribute(codec, bytes, ctx);
  if (r.finding) return r.finding;
  if (!r.decoded) return { attribute: codec.name, hex: hex(bytes), problem: 'the encoding of a generated model does not decode' };
  const again = encodeValue(codec, decodeValue(codec, bytes, ctx, codec.flags), ctx);
  if (hex(again) !== hex(bytes)) return { attribute: codec.name, hex: hex(bytes), problem: `model → bytes → model → ${hex(again)}` };
  return undefined;
}
