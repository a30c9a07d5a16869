/**
 * Unicast model → JSON, as Ze writes unicast NLRIs in its UPDATE JSON:
 *
 *   "10.0.0.0/24"                              no path id (Ze: a plain string)
 *   {"path-id":7,"prefix":"10.0.0.0/24"}       with an ADD-PATH path id (RFC 7911)
 *
 * - The prefix is Go netip text of the octets as received: `ze bgp decode` prints the bits after the
 *   length too (Ze's event formatter clears them); the route key clears them.
 * - With a path id the core has asked the writer to inject `path-id` into the next object, so an
 *   object is opened and the injection lands there, sorted before `prefix`. Ze's event formatter
 *   writes the same two keys (`prefix` first, it builds the text by hand); Go maps and this
 *   writer sort them. Ze writes a plain string for path id 0; ze-nlri keeps the object, so the
 *   path id is never lost (a session with ADD-PATH always has one).
 */
import type { JsonWriter } from '../../src/core/json.js';
import { maskedPrefixText } from '../../src/core/prefix-text.js';
import { prefixToString } from '../../src/core/prefix.js';
import type { UnicastNlri } from './model.js';

/**
 * The prefix text as JSON shows it: the octets as received, host bits included, as `ze bgp decode`
 * prints them (RFC 4271 §4.3 calls those bits irrelevant, but the JSON says what the bytes say and
 * reads back to the same bytes).
 */
export function unicastPrefixText(m: UnicastNlri): string {
  return prefixToString(m.prefix);
}

/** The route's identity: the prefix with the host bits cleared (RFC 4271 §4.3: they are irrelevant). */
export function unicastRouteKey(m: UnicastNlri): string {
  const p = m.prefix;
  return maskedPrefixText(p.v6, p.addr, 0, p.len);
}

export function unicastJson(m: UnicastNlri, j: JsonWriter): void {
  if (m.pathId === undefined) {
    j.stringRaw(unicastPrefixText(m));
    return;
  }
  j.beginObject();
  j.keyRaw('prefix').stringRaw(unicastPrefixText(m));
  j.endObject();
}
