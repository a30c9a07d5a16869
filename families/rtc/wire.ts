/**
 * RTC NLRI bytes ↔ model. RFC 4684 §4, prefix encoding RFC 4760 §5:
 *
 *   length (1 octet, bits) | origin AS (4) | route target (8), cut to ceil(length/8) octets
 *
 * - Length 0 is the default route target; otherwise 32..96 (RFC 4684 §4: "the minimum prefix
 *   length is 32 bits", the key is 96 bits). Other lengths are an error (Ze accepts 1..255).
 * - Bits after the length inside the last octet are kept in the model (re-encoded as read).
 * - RFC 4760 §5: several NLRIs follow each other; the core loops, this reads one.
 * Error texts start with Ze's `rtc: truncated data` where Ze has that case.
 */
import { modelError } from '../../src/core/errors.js';
import type { Reader } from '../../src/core/reader.js';
import type { Writer } from '../../src/core/writer.js';
import type { DecodeOptions, WireSpan } from '../../src/registry/family.js';
import { rtOctets, RtcView, type RtcNlri } from './model.js';

/** Decode one RTC NLRI at `r.pos`. */
export function decodeRtc(r: Reader, _opts: DecodeOptions): RtcView {
  const b = r.buf;
  const start = r.pos;
  if (start >= r.end) r.fail('truncated', 'rtc: truncated data: no length octet');
  const len = b[start]!;
  const n = (len + 7) >>> 3;
  const p = start + 1;
  if (p + n > r.end) r.fail('truncated', `rtc: truncated data: length ${len} bits needs ${n} bytes, ${r.end - p} left`, start);
  if (len !== 0 && (len < 32 || len > 96)) r.fail('bad-length', `rtc: prefix length ${len} is not 0 or 32..96 (RFC 4684 §4)`, start);
  r.pos = p + n;
  return new RtcView(b, p, len);
}

/** Exact encoded size; checks the model first. */
export function rtcEncodingLength(m: RtcNlri, family: string): number {
  const len = m.prefixLength;
  if (!Number.isInteger(len) || (len !== 0 && (len < 32 || len > 96))) modelError(`prefix length ${len} is not 0 or 32..96 (RFC 4684 §4)`, family);
  if (len === 0) return 1;
  const as = m.originAs;
  if (!Number.isInteger(as) || as < 0 || as > 0xffffffff) modelError(`origin AS ${as} out of range`, family);
  const k = rtOctets(len);
  // A decoded view's route target is its input bytes: their count without making the subarray.
  const have = m instanceof RtcView ? Math.max(0, Math.min(k, m._b.length - m._p - 4)) : m.routeTarget.length;
  if (have < k) modelError(`a ${len}-bit prefix needs ${k} route-target octets, the model has ${have}`, family);
  return 1 + 4 + k;
}

/**
 * `FamilyCodec.verbatim`: a decoded view is its input bytes (length octet, origin AS, route
 * target octets as read, bits past the length included), when its length is one this codec
 * writes and its octets are all in the buffer (a view made by hand need not be).
 */
export function rtcVerbatim(m: RtcNlri, span: WireSpan): boolean {
  if (!(m instanceof RtcView)) return false;
  const len = m.prefixLength;
  const end = len === 0 ? m._p : m._p + 4 + rtOctets(len);
  if ((len !== 0 && (len < 32 || len > 96)) || end > m._b.length || m._b[m._p - 1] !== len) return false;
  span.buf = m._b;
  span.start = m._p - 1;
  span.end = end;
  return true;
}

export function encodeRtc(m: RtcNlri, w: Writer): void {
  const len = m.prefixLength;
  w.u8(len);
  if (len === 0) return;
  w.u32(m.originAs);
  const k = rtOctets(len);
  if (m instanceof RtcView) w.range(m._b, m._p + 4, m._p + 4 + k);
  else w.range(m.routeTarget, 0, k);
}
