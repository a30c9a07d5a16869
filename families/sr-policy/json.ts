/**
 * SR Policy model → JSON text, Ze's style (Go `json.Marshal` of a map: keys byte-wise sorted;
 * Ze f09f9ac2 has no SR Policy decoder, docs/families/sr-policy.md):
 *
 *   {"color":100,"distinguisher":1,"endpoint":"192.0.2.1"}
 *
 * RFC 9830 §2.1 fields: `color` (Policy Color) and `distinguisher` as unsigned numbers,
 * `endpoint` as address text (Go netip form; IPv6 per RFC 5952).
 */
import { ipToString } from '../../src/core/ip.js';
import type { JsonWriter } from '../../src/core/json.js';
import type { SrPolicyNlri } from './model.js';

export function srPolicyJson(m: SrPolicyNlri, j: JsonWriter): void {
  const e = m.endpoint;
  j.beginObject();
  j.keyRaw('color').number(m.color);
  j.keyRaw('distinguisher').number(m.distinguisher);
  j.keyRaw('endpoint').stringRaw(ipToString(e.length === 16, e, 0, e.length));
  j.endObject();
}

/** One line: the args form (`distinguisher 1 color 100 endpoint 192.0.2.1`). */
export function srPolicyText(m: SrPolicyNlri): string {
  const e = m.endpoint;
  return `distinguisher ${m.distinguisher} color ${m.color} endpoint ${ipToString(e.length === 16, e, 0, e.length)}`;
}
