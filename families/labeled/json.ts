/**
 * Labeled-unicast model → Ze's JSON text. Ze builds this text by hand, in this order:
 *
 *   {"prefix":"10.0.0.0/8","labels":[100,200]}
 *
 * - `prefix` first, then `labels` (a flat array, outermost label first, RFC 8277 §2.3 order).
 * - `prefix`: Go netip text with the bits after the length cleared (RFC 4271 §4.3: those bits
 *   are irrelevant; Ze prints them, see docs/ze-compat.md).
 * - `withdraw`: true, added last, when the label field was the RFC 8277 §2.4 Compatibility field.
 */
import type { JsonWriter } from '../../src/core/json.js';
import { maskedPrefixText } from '../../src/core/prefix-text.js';
import { LabeledView, type LabeledNlri } from './model.js';

export function labeledJson(m: LabeledNlri, j: JsonWriter): void {
  j.beginObject();
  if (m instanceof LabeledView) {
    j.keyRaw('prefix').stringRaw(maskedPrefixText(m.v6, m._b, m._p + 3 * m._n, m._len));
  } else {
    j.keyRaw('prefix').stringRaw(maskedPrefixText(m.v6, m.prefix.addr, 0, m.prefix.len));
  }
  j.keyRaw('labels').raw('[' + m.labels.join(',') + ']');
  if (m.withdraw) j.keyRaw('withdraw').bool(true);
  j.endObject();
}
