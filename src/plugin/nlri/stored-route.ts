/**
 * How the plugin keeps a route: the NLRI's own bytes as a one-byte string (one character per
 * byte, the ADD-PATH path id included when the session uses it, RFC 7911 §3), after one flag
 * character. Compact (tens of bytes per route instead of the decoded model's hundreds), and the
 * decoded model is short-lived garbage; Ze's JSON is made by decoding again when `routes` asks.
 * Decoding is deterministic, so the route decodes the same way it did when it was announced.
 *
 * A table entry (`StoredRoute`) is the NLRI string, the attribute record of the UPDATE that
 * carried it (route-attrs.ts: one string shared by every NLRI of that UPDATE, RFC 4271 §9.1) and
 * its sequence number in the table: three fields, no other object per route.
 */
import { Reader } from '../../core/reader.js';
import type { FamilyCodec, NlriBase } from '../../registry/family.js';
import { decodeNext } from '../../registry/ops.js';

const ADD_PATH = 1;

export class StoredRoute {
  seq = 0;
  constructor(
    /** `storeRoute`'s string. */
    readonly nlri: string,
    /** The UPDATE's attribute record (route-attrs.ts), shared. */
    readonly attrs: string,
  ) {}
}

/** The stored form of the NLRI in `b` from `start` to `end` (path id included). */
export function storeRoute(b: Uint8Array, start: number, end: number, addPath: boolean): string {
  const f = addPath ? ADD_PATH : 0;
  const s = start;
  // One call for the short NLRIs of most routes (no intermediate strings).
  switch (end - start) {
    case 0:
      return String.fromCharCode(f);
    case 1:
      return String.fromCharCode(f, b[s]!);
    case 2:
      return String.fromCharCode(f, b[s]!, b[s + 1]!);
    case 3:
      return String.fromCharCode(f, b[s]!, b[s + 1]!, b[s + 2]!);
    case 4:
      return String.fromCharCode(f, b[s]!, b[s + 1]!, b[s + 2]!, b[s + 3]!);
    case 5:
      return String.fromCharCode(f, b[s]!, b[s + 1]!, b[s + 2]!, b[s + 3]!, b[s + 4]!);
    case 6:
      return String.fromCharCode(f, b[s]!, b[s + 1]!, b[s + 2]!, b[s + 3]!, b[s + 4]!, b[s + 5]!);
    case 7:
      return String.fromCharCode(f, b[s]!, b[s + 1]!, b[s + 2]!, b[s + 3]!, b[s + 4]!, b[s + 5]!, b[s + 6]!);
    case 8:
      return String.fromCharCode(f, b[s]!, b[s + 1]!, b[s + 2]!, b[s + 3]!, b[s + 4]!, b[s + 5]!, b[s + 6]!, b[s + 7]!);
  }
  let out = String.fromCharCode(f);
  // In slices, so the argument list stays small.
  for (let k = start; k < end; k += 1024) out += String.fromCharCode.apply(null, b.subarray(k, Math.min(end, k + 1024)) as unknown as number[]);
  return out;
}

/** The model of a stored route, decoded as when it was announced. */
export function loadRoute(codec: FamilyCodec<any>, route: string, strict: boolean): NlriBase {
  const bytes = new Uint8Array(route.length - 1);
  for (let k = 1; k < route.length; k++) bytes[k - 1] = route.charCodeAt(k);
  const addPath = (route.charCodeAt(0) & ADD_PATH) !== 0;
  return decodeNext(codec, new Reader(bytes, codec.name), { addPath, strict, withdraw: false });
}
