/**
 * EXTENDED_COMMUNITIES (type 16), RFC 4360 §2: a list of 8-octet communities.
 * Malformed (RFC 7606 §7.14): a length that is not a non-zero multiple of 8.
 * `fromJson` reads each object's `value` (the unsigned 64-bit integer Ze prints: a number, a
 * decimal string or a bigint), or accepts an args token in place of an object.
 */
import { modelError, NlriError } from '../../src/core/errors.js';
import type { JsonWriter } from '../../src/core/json.js';
import type { Reader } from '../../src/core/reader.js';
import type { Writer } from '../../src/core/writer.js';
import type { ExtendedCommunities, ExtendedCommunity } from './model.js';
import { decodeExtended, encodeExtended } from './extended-wire.js';
import { extendedJson, extendedZeJson } from './extended-json.js';
import { extendedTok } from './extended-args.js';
import { checkLength } from './standard.js';

export function decodeExtendeds(r: Reader): ExtendedCommunities {
  checkLength(r, 8, 'extended communities', 'RFC 7606 §7.14');
  const out: ExtendedCommunity[] = new Array(r.remaining >>> 3);
  for (let i = 0; i < out.length; i++) {
    const p = r.pos;
    r.skip(8);
    out[i] = decodeExtended(r.buf, p);
  }
  return { communities: out };
}

export function encodeExtendeds(m: ExtendedCommunities, w: Writer): void {
  for (const c of m.communities) {
    w.zeros(8);
    encodeExtended(c, w.buf, w.pos - 8);
  }
}

export function extendedsJson(m: ExtendedCommunities, j: JsonWriter): void {
  j.beginArray();
  for (const c of m.communities) extendedJson(c, j);
  j.endArray();
}

/** Exactly what Ze prints for the attribute (`[{"string":...,"value":...},...]`), RFC readings aside. */
export function extendedsZeJson(m: ExtendedCommunities, j: JsonWriter): void {
  j.beginArray();
  for (const c of m.communities) extendedZeJson(c, j);
  j.endArray();
}

const MAX64 = (1n << 64n) - 1n;

/** A JSON `value`: a safe-integer number, a decimal string, or a bigint, below 2^64. */
export function u64FromJson(v: unknown, what: string): bigint {
  let n: bigint;
  if (typeof v === 'bigint') n = v;
  else if (typeof v === 'number') {
    if (!Number.isSafeInteger(v)) modelError(`${what}: value ${v} is not an exact integer (above 2^53 give it as a string or bigint)`);
    n = BigInt(v);
  } else if (typeof v === 'string' && /^[0-9]+$/.test(v)) n = BigInt(v);
  else return modelError(`${what}: value must be an unsigned 64-bit integer (number, decimal string or bigint), got ${JSON.stringify(String(v))}`);
  if (n < 0n || n > MAX64) modelError(`${what}: value ${n} is out of range`);
  return n;
}

export function extendedsFromJson(v: unknown): ExtendedCommunities {
  if (!Array.isArray(v)) modelError('extended-community: expected an array');
  const out: ExtendedCommunity[] = [];
  for (const e of v) {
    if (typeof e === 'string') {
      try {
        out.push(extendedTok([e], 0)[0]);
      } catch (err) {
        if (err instanceof NlriError) modelError(`extended-community: ${err.message}`);
        throw err;
      }
      continue;
    }
    if (e === null || typeof e !== 'object' || !('value' in e)) modelError('extended-community: each community needs "value"');
    const n = u64FromJson((e as { value: unknown }).value, 'extended-community');
    const b = new Uint8Array(8);
    new DataView(b.buffer).setBigUint64(0, n);
    out.push(decodeExtended(b, 0));
  }
  return { communities: out };
}
