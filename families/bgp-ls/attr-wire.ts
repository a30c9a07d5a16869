/**
 * The BGP-LS attribute (path attribute 29) value: bytes ↔ model.
 *
 * RFC 9552 §5.3 (the attribute is a list of TLVs: 2-octet type, 2-octet length, value) and
 * §8.2.2 (a malformed TLV is ignored, not fatal). The model keeps every TLV in wire order as a
 * view (no copy), so it re-encodes to the same bytes; the meaning of each code is read when the
 * JSON is written (attr-json.ts) or through `attributeTlvs` builders (attr-build.ts).
 *
 * The walk advances by the declared length; a TLV whose length runs past the end stops it, as in
 * Ze, and the rest (or a 1-3 byte tail) is kept in `trailing` (`strict` refuses it instead).
 */
import { NlriError, modelError } from '../../src/core/errors.js';
import { Writer } from '../../src/core/writer.js';

/** One attribute TLV (RFC 9552 §5.3): the code and its value as on the wire. */
export interface BgpLsAttrTlv {
  readonly type: number;
  readonly value: Uint8Array;
}

/** A BGP-LS attribute value. */
export interface BgpLsAttribute {
  readonly tlvs: readonly BgpLsAttrTlv[];
  /** Bytes after the last whole TLV (a truncated TLV or a 1-3 octet tail). */
  readonly trailing?: Uint8Array;
}

export interface AttributeDecodeOptions {
  /** Refuse a truncated TLV or a short tail (RFC 9552 §5.1) instead of keeping it in `trailing`. */
  strict?: boolean;
}

const FAMILY = 'bgp-ls-attr';

/** Decode attribute 29's value. Only `NlriError` can be thrown (and only with `strict`). */
export function decodeBgpLsAttribute(bytes: Uint8Array, opts: AttributeDecodeOptions = {}): BgpLsAttribute {
  const tlvs: BgpLsAttrTlv[] = [];
  const end = bytes.length;
  let p = 0;
  while (end - p >= 4) {
    const type = (bytes[p]! << 8) | bytes[p + 1]!;
    const len = (bytes[p + 2]! << 8) | bytes[p + 3]!;
    if (len > end - p - 4) {
      if (opts.strict) throw new NlriError('truncated', `attribute TLV ${type} length ${len} exceeds the ${end - p - 4} bytes left`, FAMILY, p);
      break;
    }
    tlvs.push({ type, value: bytes.subarray(p + 4, p + 4 + len) });
    p += 4 + len;
  }
  if (p < end) {
    if (opts.strict) throw new NlriError('truncated', `${end - p} bytes after the last attribute TLV`, FAMILY, p);
    return { tlvs, trailing: bytes.subarray(p) };
  }
  return { tlvs };
}

/** Exact encoded size. */
export function bgpLsAttributeLength(m: BgpLsAttribute): number {
  let n = m.trailing?.length ?? 0;
  for (const t of m.tlvs) n += 4 + t.value.length;
  return n;
}

/** Encode an attribute value (measured first, written once). */
export function encodeBgpLsAttribute(m: BgpLsAttribute): Uint8Array {
  const w = new Writer(bgpLsAttributeLength(m));
  for (const t of m.tlvs) {
    if (!Number.isInteger(t.type) || t.type < 0 || t.type > 0xffff) modelError(`attribute TLV type ${t.type} is not 0-65535`, FAMILY);
    if (t.value.length > 0xffff) modelError(`attribute TLV ${t.type} value of ${t.value.length} octets does not fit a TLV length`, FAMILY);
    w.u16(t.type);
    w.u16(t.value.length);
    w.bytes(t.value);
  }
  if (m.trailing) w.bytes(m.trailing);
  return w.finish();
}
