/**
 * VPLS NLRI bytes ↔ route views (RFC 4761 §3.2.2, RFC 6074 §3.2.2 and §7).
 *
 * RFC 6074 §7: BGP auto-discovery and RFC 4761 share AFI 25 / SAFI 65, and the NLRI length tells
 * them apart: 12 is a BGP-AD NLRI (RD and PE IPv4 address), 17 an RFC 4761 one. Each NLRI of a
 * field is read by its own length, so both kinds mix in one field. Ze knows only RFC 4761 and
 * fails the whole field on a BGP-AD NLRI (`vpls: truncated data`; docs/ze-compat.md).
 * Any other length below 17 is `truncated`, as in Ze. A length above 17 is Ze-tolerated: the
 * extra octets are kept (so the route re-encodes exactly) and `strict` rejects them. The label's
 * TC and BOS bits are not checked (RFC 4761 does not give them a meaning in the NLRI).
 */
import { modelError } from '../../src/core/errors.js';
import type { Reader } from '../../src/core/reader.js';
import type { Writer } from '../../src/core/writer.js';
import { isByteWindow, windowSpan, type DecodeOptions, type WireSpan } from '../../src/registry/family.js';
import { AD_BODY, VplsRoute, type VplsFields } from './model.js';

export const FAMILY = 'l2vpn/vpls';
const BODY = 17;

export function decodeVpls(r: Reader, opts: DecodeOptions): VplsRoute {
  const start = r.pos;
  if (r.remaining < 2) r.fail('truncated', 'length field needs 2 octets');
  const len = r.u16('VPLS length');
  if (len < BODY && len !== AD_BODY) {
    r.fail('truncated', `length ${len} is neither the ${AD_BODY} octets of RFC 6074 auto-discovery nor the ${BODY} of RFC 4761`, start);
  }
  if (len > r.remaining) r.fail('truncated', `length ${len}, ${r.remaining} octets left`, start);
  if (opts.strict && len > BODY) r.fail('bad-length', `VPLS length ${len}, RFC 4761 §3.2.2 has ${BODY}`, start);
  r.pos += len;
  return new VplsRoute(r.buf, start, start + 2 + len);
}

export function vplsEncodingLength(m: VplsRoute): number {
  if (!isByteWindow(m)) modelError('a VPLS model is a route decoded or built by this codec (a window of bytes inside its buffer)', FAMILY);
  return m.end - m.start;
}

/** `FamilyCodec.verbatim`: every VPLS model is a window of bytes, and that window is its encoding. */
export function vplsVerbatim(m: VplsRoute, span: WireSpan): boolean {
  return m instanceof VplsRoute && windowSpan(m, span); // another copy of the package's: measured and written
}

export function encodeVpls(m: VplsRoute, w: Writer): void {
  w.range(m.buf, m.start, m.end);
}

function u16(v: number | undefined, what: string): number {
  const n = v ?? 0;
  if (!Number.isInteger(n) || n < 0 || n > 0xffff) modelError(`${what} ${n} out of range`, FAMILY);
  return n;
}

/**
 * A new route: `0011 | RD | VE ID | offset | size | label<<4 | BOS` (RFC 4761 §3.2.2), or with
 * `peAddress` the RFC 6074 §3.2.2 BGP-AD NLRI `000C | RD | PE address`.
 */
export function buildVpls(f: VplsFields): VplsRoute {
  if (!(f.rd instanceof Uint8Array) || f.rd.length !== 8) modelError(`RD of ${f.rd?.length} octets, must be 8`, FAMILY);
  if (f.peAddress !== undefined) {
    if (!(f.peAddress instanceof Uint8Array) || f.peAddress.length !== 4) modelError('PE address must be 4 octets (IPv4, RFC 6074 §3.2.2)', FAMILY);
    if (f.veId !== undefined || f.veBlockOffset !== undefined || f.veBlockSize !== undefined || f.labelBase !== undefined) {
      modelError('a BGP auto-discovery NLRI (RFC 6074 §3.2.2) has no VE ID, VE block or label base', FAMILY);
    }
    return adRoute(f.rd, f.peAddress);
  }
  const label = f.labelBase ?? 0;
  if (!Number.isInteger(label) || label < 0 || label > 0xfffff) modelError(`label base ${label} out of the 20-bit range`, FAMILY);
  return vplsRoute(f.rd, u16(f.veId, 've-id'), u16(f.veBlockOffset, 've-block-offset'), u16(f.veBlockSize, 've-block-size'), label);
}

/** Copy the 8 RD octets to `b` at 2, after the length field. */
function putRd(b: Uint8Array, rd: Uint8Array): void {
  for (let i = 0; i < 8; i++) b[2 + i] = rd[i]!;
}

/**
 * The RFC 4761 §3.2.2 route of checked values (an 8-octet RD, u16 VE fields, a 20-bit label),
 * written octet by octet into a new array: no Writer, no decode of what was just written.
 */
export function vplsRoute(rd: Uint8Array, veId: number, veBlockOffset: number, veBlockSize: number, labelBase: number): VplsRoute {
  const b = new Uint8Array(2 + BODY);
  b[1] = BODY;
  putRd(b, rd);
  b[10] = veId >>> 8;
  b[11] = veId;
  b[12] = veBlockOffset >>> 8;
  b[13] = veBlockOffset;
  b[14] = veBlockSize >>> 8;
  b[15] = veBlockSize;
  const label = (labelBase << 4) | 1; // BOS set, TC 0, as Ze writes it
  b[16] = label >>> 16;
  b[17] = label >>> 8;
  b[18] = label;
  return new VplsRoute(b, 0, 2 + BODY);
}

/** The RFC 6074 §3.2.2 BGP-AD route of an 8-octet RD and a 4-octet PE address. */
export function adRoute(rd: Uint8Array, peAddress: Uint8Array): VplsRoute {
  const b = new Uint8Array(2 + AD_BODY);
  b[1] = AD_BODY;
  putRd(b, rd);
  for (let i = 0; i < 4; i++) b[10 + i] = peAddress[i]!;
  return new VplsRoute(b, 0, 2 + AD_BODY);
}
