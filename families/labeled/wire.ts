/**
 * Labeled-unicast NLRI bytes ↔ model.
 *
 * RFC 8277 §2.2 (one label) and §2.3 (several, with the Multiple Labels Capability):
 *
 *   length (1 octet, bits that follow) | labels (3 octets each, S on the last) | prefix
 *
 * - The label stack ends at the first S bit and never runs past the NLRI's own length; no S bit
 *   within it is an error (RFC 8277 §2.3, RFC 7606 §5.3). Ze scans the whole input instead.
 * - RFC 8277 §2.1: `maxLabels` bounds the stack (the Multiple Labels Capability Count).
 * - RFC 8277 §2.4, by direction (`LabelDecodeOptions.withdraw`): from MP_UNREACH the label field
 *   is always one 3-octet Compatibility field, whatever its value (kept and written back as is);
 *   from MP_REACH always a stack; unknown (decode-nlri): a first entry of exactly 0x800000 /
 *   0x000000 is the Compatibility field when the prefix length then fits.
 * - Prefix length = length − 24·labels, at most 32 (IPv4) or 128 (IPv6): more is an error
 *   (Ze prints `invalid Prefix`).
 * - RFC 4760 §5: several NLRIs follow each other; the core loops, this reads one.
 * - The TC bits of each entry are kept (`tc`) and written back. A stack that a direction-blind
 *   decoder would read as a withdrawal is written only for `withdraw: false` (label-entries.ts),
 *   so whatever `encode` writes decodes back to the same model with the same options.
 * Error texts carry Ze's phrases (`truncated labeled unicast NLRI`, `invalid labeled unicast:
 * totalBits=<L> labels=<n>`, `truncated prefix in labeled unicast NLRI`).
 */
import { modelError, NlriError } from '../../src/core/errors.js';
import { isCompatibilityValue, scanLabelStack, withdrawValue, type LabelDecodeOptions } from '../../src/core/label-scan.js';
import { MAX_LABEL } from '../../src/core/labels.js';
import { writePrefixOctets } from '../../src/core/prefix.js';
import type { Reader } from '../../src/core/reader.js';
import type { Writer } from '../../src/core/writer.js';
import type { DecodeOptions, WireSpan } from '../../src/registry/family.js';
import { LabeledView, type LabeledNlri } from './model.js';
import { ambiguityMessage, checkTc, readsAsWithdrawal, writeEntries } from './label-entries.js';

export type LabeledDecodeOptions = DecodeOptions & LabelDecodeOptions;

const LABEL_BITS = 24;

/** Decode one labeled-unicast NLRI at `r.pos`. */
export function decodeLabeled(r: Reader, opts: LabeledDecodeOptions, v6: boolean): LabeledView {
  const b = r.buf;
  const start = r.pos;
  if (r.end - start < 4) r.fail('truncated', `truncated labeled unicast NLRI: ${r.end - start} bytes, at least 4 needed`);
  const bits = b[start]!;
  const p = start + 1;
  const end = p + ((bits + 7) >>> 3);
  if (end > r.end) r.fail('truncated', `truncated prefix in labeled unicast NLRI: length ${bits} bits needs ${(bits + 7) >>> 3} bytes, ${r.end - p} left`, start);
  const max = v6 ? 128 : 32;
  const w = opts.withdraw;
  let n: number;
  let withdraw = false;
  if (w === true || (w === undefined && isCompatibilityValue(b, p) && bits - LABEL_BITS <= max && bits >= LABEL_BITS)) {
    n = 1;
    withdraw = true;
  } else {
    n = scanLabelStack(b, p, end);
    if (n === 0) {
      const beyond = scanLabelStack(b, p, r.end);
      if (beyond > 0) r.fail('bad-length', `invalid labeled unicast: totalBits=${bits} labels=${beyond}: the label stack runs past the NLRI length`, start);
      r.fail('malformed', 'label stack has no bottom-of-stack bit within the NLRI length', p);
    }
    const limit = opts.maxLabels;
    if (limit !== undefined && n > limit) r.fail('malformed', `${n} labels, more than the ${limit} allowed (RFC 8277 §2.1)`, p);
  }
  const len = bits - LABEL_BITS * n;
  if (len < 0) r.fail('bad-length', `invalid labeled unicast: totalBits=${bits} labels=${n}`, start);
  if (len > max) r.fail('bad-length', `invalid labeled unicast: prefix length ${len} exceeds ${max}`, start);
  r.pos = end;
  return new LabeledView(b, p, n, len, v6, withdraw);
}

function fail(code: 'invalid-model' | 'too-long', message: string, family: string): never {
  if (code === 'invalid-model') modelError(message, family);
  throw new NlriError(code, message, family, -1);
}

/** Exact encoded size; checks the model first (labels, prefix, the 255-bit length limit). */
export function labeledEncodingLength(m: LabeledNlri, v6: boolean, family: string): number {
  if (m instanceof LabeledView && m.v6 === v6 && m._copiable()) return m._end - m._p + 1;
  const labels = m.labels;
  if (labels.length === 0) fail('invalid-model', 'a labeled unicast NLRI needs at least one label', family);
  for (const l of labels) {
    if (!Number.isInteger(l) || l < 0 || l > MAX_LABEL) fail('invalid-model', `label out of range: ${l} (max ${MAX_LABEL})`, family);
  }
  if (m.withdraw) {
    const v = withdrawValue(labels, m.compatibility);
    if (typeof v === 'string') fail('invalid-model', v, family);
  }
  // A decoded view's prefix is input bytes: its facts without the object and subarray of the getter.
  const p = m instanceof LabeledView ? { v6: m.v6, len: m._len } : m.prefix;
  if (p.v6 !== v6) fail('invalid-model', `prefix is ${p.v6 ? 'IPv6' : 'IPv4'}, family ${family} needs ${v6 ? 'IPv6' : 'IPv4'}`, family);
  if (!Number.isInteger(p.len) || p.len < 0 || p.len > (v6 ? 128 : 32)) fail('invalid-model', `prefix length ${p.len} out of range`, family);
  const bits = LABEL_BITS * labels.length + p.len;
  if (bits > 255) fail('too-long', `labeled unicast NLRI length ${bits} bits exceeds 255 (RFC 4760 §5)`, family);
  checkTc(m.tc, labels, m.withdraw, family);
  if (m.withdraw === undefined && readsAsWithdrawal(labels, m.tc, bits - LABEL_BITS, v6 ? 128 : 32)) fail('invalid-model', ambiguityMessage(labels), family);
  return 1 + 3 * labels.length + ((p.len + 7) >>> 3);
}

/** `FamilyCodec.verbatim`: a view whose input bytes are its encoding (`_copiable`) is that window. */
export function labeledVerbatim(m: LabeledNlri, v6: boolean, span: WireSpan): boolean {
  return m instanceof LabeledView && m._span(v6, span);
}

export function encodeLabeled(m: LabeledNlri, w: Writer): void {
  if (m instanceof LabeledView && m._copiable()) {
    // The length octet, the label field and the prefix octets, as decoded.
    w.range(m._b, m._p - 1, m._end);
    return;
  }
  const labels = m.labels;
  if (m instanceof LabeledView) {
    w.u8(LABEL_BITS * labels.length + m._len);
    if (m.withdraw) w.u24(m.compatibility ?? labels[0]! << 4);
    else writeEntries(w, labels, m.tc);
    const o = m._afterLabels;
    w.range(m._b, o, o + ((m._len + 7) >>> 3)); // the prefix octets, as decoded
    return;
  }
  const p = m.prefix;
  w.u8(LABEL_BITS * labels.length + p.len);
  if (m.withdraw) w.u24(m.compatibility ?? labels[0]! << 4);
  else writeEntries(w, labels, m.tc);
  writePrefixOctets(w, p);
}
