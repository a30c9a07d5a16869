/**
 * Unicast model → JSON, as Ze writes unicast NLRIs in its UPDATE JSON:
 *
 *   "10.0.0.0/24"                              no path id (Ze: a plain string)
 *   {"path-id":7,"prefix":"10.0.0.0/24"}       with an ADD-PATH path id (RFC 7911)
 *
 * - The prefix is Go netip text with the bits after the length cleared (RFC 4271 §4.3: they are
 *   irrelevant). Ze's event formatter clears them (netip.Addr.Prefix); `ze bgp decode` prints
 *   them (docs/ze-compat.md, section unicast).
 * - With a path id the core has asked the writer to inject `path-id` into the next object, so an
 *   object is opened and the injection lands there, sorted before `prefix`. Ze's event formatter
 *   writes the same two keys (`prefix` first, it builds the text by hand); Go maps and this
 *   writer sort them. Ze writes a plain string for path id 0; ze-nlri keeps the object, so the
 *   path id is never lost (a session with ADD-PATH always has one).
 */
import type { JsonWriter } from '../../src/core/json.js';
import { maskedPrefixText } from '../../src/core/prefix-text.js';
import type { UnicastNlri } from './model.js';

/** The prefix text as JSON shows it (host bits cleared). */
export function unicastPrefixText(m: UnicastNlri): string {
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
