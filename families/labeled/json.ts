/**
 * Labeled-unicast model → Ze's JSON text. Ze builds this text by hand, in this order:
 *
 *   {"prefix":"10.0.0.0/8","labels":[100,200]}
 *
 * - `prefix` first, then `labels` (a flat array, outermost label first, RFC 8277 §2.3 order).
 * - `prefix`: Go netip text with the bits after the length cleared (RFC 4271 §4.3: those bits
 *   are irrelevant; Ze prints them, see docs/ze-compat.md).
 * - `withdraw`: true, added after `labels`, when the label field was the RFC 8277 §2.4
 *   Compatibility field; `labels` is then its label reading (`[524288]` for 0x800000, `[0]` for
 *   0x000000, `[value >>> 4]` else).
 * - `compatibility`: `"0x<6 hex>"`, added last, only for a Compatibility value other than
 *   0x800000 / 0x000000 (read from MP_UNREACH), so that the text tells what the bytes hold.
 */
import type { JsonWriter } from '../../src/core/json.js';
import { compatibilityText, isCanonicalCompatibility, labelsJsonAt } from '../../src/core/label-scan.js';
import { maskedPrefixText } from '../../src/core/prefix-text.js';
import { LabeledView, type LabeledNlri } from './model.js';

export function labeledJson(m: LabeledNlri, j: JsonWriter): void {
  j.beginObject();
  if (m instanceof LabeledView) {
    j.keyRaw('prefix').stringRaw(maskedPrefixText(m.v6, m._b, m._p + 3 * m._n, m._len));
    j.keyRaw('labels').raw(labelsJsonAt(m._b, m._p, m._n, false));
  } else {
    j.keyRaw('prefix').stringRaw(maskedPrefixText(m.v6, m.prefix.addr, 0, m.prefix.len));
    j.keyRaw('labels').raw('[' + m.labels.join(',') + ']');
  }
  if (m.withdraw) {
    j.keyRaw('withdraw').bool(true);
    const v = m.compatibility;
    if (v !== undefined && !isCanonicalCompatibility(v)) j.keyRaw('compatibility').stringRaw(compatibilityText(v));
  }
  j.endObject();
}
