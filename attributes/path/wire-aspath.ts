/**
 * AS_PATH (2) and AS4_PATH (17) value bytes <-> `AsPath`.
 *
 * RFC 4271 §4.3: segments of <type 1 octet, count 1 octet, count ASNs>. RFC 6793 §3: ASNs are
 * 4 octets when both speakers sent the 4-octet AS capability (`ctx.as4`), else 2 octets; AS4_PATH
 * is always 4 octets. RFC 5065 §3: types 3 and 4 are the confederation segments.
 * Malformed (RFC 7606 §7.2, RFC 6793 §6): an unknown segment type (`unknown-type` at the type
 * octet), a segment count of zero (`bad-length` at the count octet), an overrun (`truncated`),
 * a single octet left after the last segment (`truncated`); AS4_PATH shorter than 6 octets or of
 * odd length (`bad-length` at the value start).
 */
import { modelError } from '../../src/core/errors.js';
import type { Reader } from '../../src/core/reader.js';
import type { Writer } from '../../src/core/writer.js';
import { AS_CONFED_SEQUENCE, AS_CONFED_SET, AS_SEQUENCE, AS_SET, type AsPath, type AsPathSegment } from './model.js';
import { checkAsn } from './wire-simple.js';

export function decodeAsPath(r: Reader, asnSize: 2 | 4, what: string): AsPath {
  const segments: AsPathSegment[] = [];
  while (r.pos < r.end) {
    if (r.end - r.pos === 1) r.fail('truncated', `${what}: one octet left after the last segment, a segment header needs 2`);
    const type = r.buf[r.pos]!;
    if (type < AS_SET || type > AS_CONFED_SET) r.fail('unknown-type', `${what}: segment type ${type} (RFC 4271 §4.3, RFC 5065 §3: 1..4)`);
    const count = r.buf[r.pos + 1]!;
    if (count === 0) r.fail('bad-length', `${what}: segment length 0 (RFC 7606 §7.2)`, r.pos + 1);
    r.pos += 2;
    r.need(count * asnSize, `${what} segment of ${count} ASNs`);
    const asns = new Array<number>(count);
    if (asnSize === 4) for (let i = 0; i < count; i++) asns[i] = r.u32();
    else for (let i = 0; i < count; i++) asns[i] = r.u16();
    segments.push({ type, asns });
  }
  return { segments };
}

export function decodeAs4Path(r: Reader): AsPath {
  const n = r.remaining;
  if (n < 6 || n % 2 !== 0) r.fail('bad-length', `AS4_PATH length ${n}: must be even and at least 6 (RFC 6793 §6)`);
  return decodeAsPath(r, 4, 'AS4_PATH');
}

export function asPathEncodingLength(m: AsPath, asnSize: 2 | 4): number {
  let n = 0;
  for (const s of m.segments) n += 2 + s.asns.length * asnSize;
  return n;
}

export function encodeAsPath(m: AsPath, w: Writer, asnSize: 2 | 4, what: string): void {
  for (const s of m.segments) {
    checkSegment(s, what);
    w.u8(s.type);
    w.u8(s.asns.length);
    for (const a of s.asns) {
      checkAsn(a, asnSize === 4, what);
      if (asnSize === 4) w.u32(a);
      else w.u16(a);
    }
  }
}

export function checkSegment(s: AsPathSegment, what: string): void {
  if (!Number.isInteger(s.type) || s.type < AS_SET || s.type > AS_CONFED_SET) modelError(`${what}: segment type ${s.type} (1..4)`);
  if (!Array.isArray(s.asns) || s.asns.length === 0 || s.asns.length > 255) {
    modelError(`${what}: a segment holds 1..255 ASNs (RFC 4271 §4.3), not ${Array.isArray(s.asns) ? s.asns.length : 'none'}`);
  }
}

/** All ASNs in wire order (Ze's flat `as-path` array). */
export function flatAsns(m: AsPath): number[] {
  const out: number[] = [];
  for (const s of m.segments) for (const a of s.asns) out.push(a);
  return out;
}

/** AS_SEQUENCE segments of 255 ASNs and a last shorter one: how a flat list is encoded. */
export function sequencePath(asns: readonly number[]): AsPath {
  const segments: AsPathSegment[] = [];
  for (let i = 0; i < asns.length; i += 255) segments.push({ type: AS_SEQUENCE, asns: asns.slice(i, i + 255) });
  return { segments };
}

/**
 * True when the flat ASN list says everything: only AS_SEQUENCE segments, each but the last
 * full (255), so `sequencePath(flatAsns(m))` gives the same segments (and the same bytes).
 */
export function isPlainSequence(m: AsPath): boolean {
  const s = m.segments;
  for (let i = 0; i < s.length; i++) {
    if (s[i]!.type !== AS_SEQUENCE) return false;
    if (i < s.length - 1 && s[i]!.asns.length !== 255) return false;
  }
  return true;
}

/** Segment type names in JSON and text (kebab-case of the RFC names). */
export const SEGMENT_NAMES: Readonly<Record<number, string>> = {
  [AS_SET]: 'as-set',
  [AS_SEQUENCE]: 'as-sequence',
  [AS_CONFED_SEQUENCE]: 'as-confed-sequence',
  [AS_CONFED_SET]: 'as-confed-set',
};

export function segmentTypeByName(name: string): number | undefined {
  for (const [k, v] of Object.entries(SEGMENT_NAMES)) if (v === name) return Number(k);
  return undefined;
}

/**
 * The path length used by route selection: RFC 4271 §9.1.2.2 (an AS_SET counts 1) and
 * RFC 5065 §5.3 (confederation segments count 0).
 */
export function asPathLength(m: AsPath): number {
  let n = 0;
  for (const s of m.segments) {
    if (s.type === AS_SEQUENCE) n += s.asns.length;
    else if (s.type === AS_SET) n += 1;
  }
  return n;
}

