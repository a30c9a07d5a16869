/**
 * VPLS NLRI bytes ↔ route views (RFC 4761 §3.2.2).
 *
 * The 2-octet length must cover the 17 octets of the layout (Ze: `vpls: truncated data`
 * otherwise). A longer length is Ze-tolerated: the extra octets are kept (so the route re-encodes
 * exactly) and `strict` rejects them. The label's TC and BOS bits are not checked (RFC 4761 does
 * not give them a meaning in the NLRI).
 */
import { modelError } from '../../src/core/errors.js';
import { Reader } from '../../src/core/reader.js';
import { Writer } from '../../src/core/writer.js';
import type { DecodeOptions } from '../../src/registry/family.js';
import { VplsRoute, type VplsFields } from './model.js';

export const FAMILY = 'l2vpn/vpls';
const BODY = 17;

export function decodeVpls(r: Reader, opts: DecodeOptions): VplsRoute {
  const start = r.pos;
  if (r.remaining < 2) r.fail('truncated', 'length field needs 2 octets');
  const len = r.u16('VPLS length');
  if (len < BODY) r.fail('truncated', `length ${len} is below the ${BODY} octets of the layout`, start);
  if (len > r.remaining) r.fail('truncated', `length ${len}, ${r.remaining} octets left`, start);
  if (opts.strict && len !== BODY) r.fail('bad-length', `VPLS length ${len}, RFC 4761 §3.2.2 has ${BODY}`, start);
  r.pos += len;
  return new VplsRoute(r.buf, start, start + 2 + len);
}

export function vplsEncodingLength(m: VplsRoute): number {
  return m.end - m.start;
}

export function encodeVpls(m: VplsRoute, w: Writer): void {
  w.bytes(m.buf.subarray(m.start, m.end));
}

function u16(v: number | undefined, what: string): number {
  const n = v ?? 0;
  if (!Number.isInteger(n) || n < 0 || n > 0xffff) modelError(`${what} ${n} out of range`, FAMILY);
  return n;
}

/** A new route: `0011 | RD | VE ID | offset | size | label<<4 | BOS`. */
export function buildVpls(f: VplsFields): VplsRoute {
  if (f.rd.length !== 8) modelError(`RD of ${f.rd.length} octets, must be 8`, FAMILY);
  const label = f.labelBase ?? 0;
  if (!Number.isInteger(label) || label < 0 || label > 0xfffff) modelError(`label base ${label} out of the 20-bit range`, FAMILY);
  const w = new Writer(2 + BODY);
  w.u16(BODY);
  w.bytes(f.rd);
  w.u16(u16(f.veId, 've-id'));
  w.u16(u16(f.veBlockOffset, 've-block-offset'));
  w.u16(u16(f.veBlockSize, 've-block-size'));
  w.u24((label << 4) | 1);
  const bytes = w.finish();
  return decodeVpls(new Reader(bytes, FAMILY), {});
}
