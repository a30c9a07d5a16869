/**
 * VPN NLRI bytes ↔ model.
 *
 * RFC 4364 §4.3.4 (VPN-IPv4) and RFC 4659 §3.2 (VPN-IPv6), label encoding RFC 8277 §2.2-2.4:
 *
 *   length (1 octet, bits that follow) | labels (3 octets each, S on the last) | RD (8) | prefix
 *
 * - The label stack ends at the first S bit and never runs past the NLRI's own length; no S bit
 *   within it is an error (RFC 8277 §2.3, RFC 7606 §5.3).
 * - RFC 8277 §2.1: `maxLabels` bounds the stack (the Multiple Labels Capability Count).
 * - RFC 8277 §2.4, by direction (`LabelDecodeOptions.withdraw`): from MP_UNREACH the label field
 *   is always one 3-octet Compatibility field, whatever its value (kept and written back as is);
 *   from MP_REACH always a stack; unknown (decode-nlri): a first entry of exactly 0x800000 /
 *   0x000000 is the Compatibility field when the prefix length then fits.
 * - Prefix length = length − 24·labels − 64, at most 32 (IPv4) or 128 (IPv6).
 * - RFC 4760 §5: several NLRIs follow each other; the core loops, this reads one.
 */
import { modelError } from '../../src/core/errors.js';
import { isCompatibilityValue, scanLabelStack, withdrawValue, type LabelDecodeOptions } from '../../src/core/label-scan.js';
import { MAX_LABEL } from '../../src/core/labels.js';
import { writePrefixOctets } from '../../src/core/prefix.js';
import type { Reader } from '../../src/core/reader.js';
import type { Writer } from '../../src/core/writer.js';
import { NlriError } from '../../src/core/errors.js';
import type { DecodeOptions, WireSpan } from '../../src/registry/family.js';
import { isUnparsed, VpnView, type VpnRoute } from './model.js';
import { ambiguityMessage, checkTc, readsAsWithdrawal, writeEntries } from '../labeled/label-entries.js';

export type VpnDecodeOptions = DecodeOptions & LabelDecodeOptions;

/** Bits of a length octet taken by one label entry and by the RD. */
const LABEL_BITS = 24;
const RD_BITS = 64;

/** Decode one VPN NLRI at `r.pos`. */
export function decodeVpn(r: Reader, opts: VpnDecodeOptions, v6: boolean): VpnView {
  const b = r.buf;
  const start = r.pos;
  if (start >= r.end) r.fail('truncated', 'VPN NLRI: no length octet');
  const bits = b[start]!;
  const p = start + 1;
  const end = p + ((bits + 7) >>> 3);
  if (end > r.end) r.fail('truncated', `VPN NLRI length ${bits} bits needs ${(bits + 7) >>> 3} bytes, ${r.end - p} left`, start);
  const max = v6 ? 128 : 32;
  const w = opts.withdraw;
  let n: number;
  let withdraw = false;
  const compatLen = bits - LABEL_BITS - RD_BITS;
  if (w === true || (w === undefined && end - p >= 3 && isCompatibilityValue(b, p) && compatLen >= 0 && compatLen <= max)) {
    n = 1;
    withdraw = true;
  } else {
    n = scanLabelStack(b, p, end);
    if (n === 0) r.fail('malformed', 'label stack has no bottom-of-stack bit within the NLRI length', p);
    const limit = opts.maxLabels;
    if (limit !== undefined && n > limit) r.fail('malformed', `${n} labels, more than the ${limit} allowed (RFC 8277 §2.1)`, p);
  }
  const len = bits - LABEL_BITS * n - RD_BITS;
  if (len < 0) r.fail('bad-length', `VPN NLRI length ${bits} bits is too short for ${n} label(s) and a route distinguisher`, start);
  if (len > max) r.fail('bad-length', `prefix length ${len} exceeds ${max}`, start);
  r.pos = end;
  return new VpnView(b, p, n, len, v6, withdraw);
}

/** Ze's `parsed:false` record: the rest of the input from the NLRI that failed. */
export function recoverVpn(r: Reader, start: number): VpnRoute {
  const raw = r.buf.subarray(start, r.end);
  r.pos = r.end;
  return { parsed: false, raw };
}

function fail(code: 'invalid-model' | 'too-long', message: string, family: string): never {
  if (code === 'invalid-model') modelError(message, family);
  throw new NlriError(code, message, family, -1);
}

/** Exact encoded size; checks the model first (labels, RD, prefix, the 255-bit length limit). */
export function vpnEncodingLength(m: VpnRoute, v6: boolean, family: string): number {
  if (isUnparsed(m)) return m.raw.length;
  if (m instanceof VpnView && m.v6 === v6 && m._copiable()) return m._end - m._p + 1;
  const labels = m.labels;
  if (labels.length === 0) fail('invalid-model', 'a VPN NLRI needs at least one label', family);
  for (const l of labels) {
    if (!Number.isInteger(l) || l < 0 || l > MAX_LABEL) fail('invalid-model', `label out of range: ${l} (max ${MAX_LABEL})`, family);
  }
  if (m.withdraw) {
    const v = withdrawValue(labels, m.compatibility);
    if (typeof v === 'string') fail('invalid-model', v, family);
  }
  // A decoded view holds its RD and prefix as input bytes: read their facts without making the
  // subarrays its getters return.
  const view = m instanceof VpnView;
  if (!view && m.rd.length !== 8) fail('invalid-model', `route distinguisher must be 8 bytes, got ${m.rd.length}`, family);
  const p = view ? { v6: m.v6, len: m._len } : m.prefix;
  if (p.v6 !== v6) fail('invalid-model', `prefix is ${p.v6 ? 'IPv6' : 'IPv4'}, family ${family} needs ${v6 ? 'IPv6' : 'IPv4'}`, family);
  if (!Number.isInteger(p.len) || p.len < 0 || p.len > (v6 ? 128 : 32)) fail('invalid-model', `prefix length ${p.len} out of range`, family);
  const bits = LABEL_BITS * labels.length + RD_BITS + p.len;
  if (bits > 255) fail('too-long', `VPN NLRI length ${bits} bits exceeds 255 (RFC 4760 §5)`, family);
  checkTc(m.tc, labels, m.withdraw, family);
  // RFC 8277 §2.4: the decoder's direction-blind test is on the prefix length after label + RD.
  if (m.withdraw === undefined && readsAsWithdrawal(labels, m.tc, bits - LABEL_BITS - RD_BITS, v6 ? 128 : 32)) fail('invalid-model', ambiguityMessage(labels), family);
  return 1 + 3 * labels.length + 8 + ((p.len + 7) >>> 3);
}

/** `FamilyCodec.verbatim`: a view whose input bytes are its encoding (`_copiable`) is that window. */
export function vpnVerbatim(m: VpnRoute, v6: boolean, span: WireSpan): boolean {
  return m instanceof VpnView && m._span(v6, span);
}

export function encodeVpn(m: VpnRoute, w: Writer): void {
  if (isUnparsed(m)) {
    w.bytes(m.raw);
    return;
  }
  if (m instanceof VpnView && m._copiable()) {
    // The length octet, the label field, the RD and the prefix octets, as decoded.
    w.range(m._b, m._p - 1, m._end);
    return;
  }
  const labels = m.labels;
  if (m instanceof VpnView) {
    w.u8(LABEL_BITS * labels.length + RD_BITS + m._len);
    if (m.withdraw) w.u24(m.compatibility ?? labels[0]! << 4);
    else writeEntries(w, labels, m.tc);
    const o = m._afterLabels;
    w.range(m._b, o, o + 8 + ((m._len + 7) >>> 3)); // RD and prefix octets, as decoded
    return;
  }
  const p = m.prefix;
  w.u8(LABEL_BITS * labels.length + RD_BITS + p.len);
  if (m.withdraw) w.u24(m.compatibility ?? labels[0]! << 4);
  else writeEntries(w, labels, m.tc);
  w.bytes(m.rd);
  writePrefixOctets(w, p);
}
