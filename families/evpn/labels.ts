/**
 * EVPN label fields: RFC 7432 §7.1 (type 1: one MPLS Label field), §7.2 (type 2: MPLS Label1 and
 * an optional Label2), RFC 9136 §3.1 (type 5: one field), RFC 8365 §5.1.3 (with a VXLAN, NVGRE or
 * GENEVE encapsulation the same 3 octets carry a 24-bit VNI/VSID instead of a 20-bit label).
 *
 * The RFCs define fixed 3-octet fields, not an MPLS label stack: no bottom-of-stack bit is
 * required, and a VNI has any value in its low bits. Ze reads a label stack that must end with a
 * BOS bit, which fails on every even VNI and hides Label2 behind a Label1 that has the bit set.
 * ze-nlri reads the RFC fields when their count is one the RFC allows (type 1: one; type 2: one
 * or two; type 5: always one) and otherwise falls back to Ze's stack reading, which is how Ze
 * decodes the odd layouts it tolerates (no label octets, type 1 with a two-entry stack, …).
 *
 * - `'fields'`: n RFC fields; the JSON shows each one's 20-bit label.
 * - `'stack'`:  Ze's stack: entries up to the first with the BOS bit; later octets are ignored
 *               (but kept in the route's bytes).
 * - `'none'`:   no label octets; Ze shows `[[0]]`.
 */
import type { Reader } from '../../src/core/reader.js';

export type LabelMode = 'none' | 'fields' | 'stack';

/** Label modes by their code (what the decoder stores on the route). */
export const LABEL_MODES: readonly LabelMode[] = ['none', 'fields', 'stack'];
export const MODE_NONE = 0;
export const MODE_FIELDS = 1;
export const MODE_STACK = 2;

/** The label mode code of `[off, end)` for route type 1 or 2, validated; fails like Ze where Ze fails. */
export function labelMode(r: Reader, type: number, off: number, end: number, strict: boolean): number {
  const n = end - off;
  if (n === 3 || (type === 2 && n === 6)) return MODE_FIELDS;
  if (strict) {
    r.fail('bad-length', `route type ${type}: ${n} label octets, the RFC 7432 §7.${type} layout has ${type === 2 ? '3 or 6' : '3'}`, off);
  }
  if (n === 0) return MODE_NONE;
  for (let p = off; p + 3 <= end; p += 3) {
    if ((r.buf[p + 2]! & 1) === 1) return MODE_STACK;
  }
  return r.fail('malformed', `route type ${type}: label stack has no bottom-of-stack bit`, off);
}

/** The 20-bit MPLS labels of a validated label area, as Ze's JSON lists them. */
export function labelsOf(buf: Uint8Array, off: number, end: number, mode: LabelMode): number[] {
  if (mode === 'none') return [0];
  const out: number[] = [];
  for (let p = off; p + 3 <= end; p += 3) {
    out.push((buf[p]! << 12) | (buf[p + 1]! << 4) | (buf[p + 2]! >>> 4));
    if (mode === 'stack' && (buf[p + 2]! & 1) === 1) break;
  }
  return out;
}

/** Every complete 3-octet field of the area as a 24-bit number (the VNI reading). */
export function labelFieldValues(buf: Uint8Array, off: number, end: number): number[] {
  const out: number[] = [];
  for (let p = off; p + 3 <= end; p += 3) out.push((buf[p]! << 16) | (buf[p + 1]! << 8) | buf[p + 2]!);
  return out;
}

/** One label field to write: an MPLS label (20 bits; BOS on the last field) or a raw 24-bit VNI. */
export type LabelSpec = number | { readonly vni: number };

/** The 24-bit value written for `spec` at position `i` of `n`. */
export function labelFieldValue(spec: LabelSpec, i: number, n: number): number {
  if (typeof spec === 'number') return ((spec & 0xfffff) << 4) | (i === n - 1 ? 1 : 0);
  return spec.vni & 0xffffff;
}

/**
 * Args tokens that write exactly the fields of `[off, end)`: `label L` where the field is what
 * `label L` writes at that position, `vni V` otherwise. Undefined when the area is not whole fields.
 */
export function labelArgs(buf: Uint8Array, off: number, end: number): string[] | undefined {
  if ((end - off) % 3 !== 0) return undefined;
  const values = labelFieldValues(buf, off, end);
  const out: string[] = [];
  values.forEach((v, i) => {
    const asLabel = labelFieldValue(v >>> 4, i, values.length);
    if (asLabel === v) out.push('label', String(v >>> 4));
    else out.push('vni', String(v));
  });
  return out;
}
