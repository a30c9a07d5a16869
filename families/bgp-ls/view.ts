/**
 * The decoded form of a BGP-LS NLRI (RFC 9552 §5.2: type, total length, [RD for SAFI 72],
 * Protocol-ID, Identifier, TLVs): the input buffer, where the NLRI starts and ends, and whether
 * an RD follows the length. Nothing else is made at decode (wire.ts has already checked the
 * framing); `kind`, `protocolId`, `identifier`, `rd`, `tlvs` and `trailing` are read from the
 * bytes when asked, `tlvs` once (kept after the first read). Byte fields are subarrays of the
 * input, as in a model decoded eagerly. Built models stay plain objects with the same fields.
 */
import { u64At } from '../../src/core/reader.js';
import { INSPECT, inspectPlain, plainJson } from '../../src/registry/plain.js';
import { KIND_BY_TYPE, type BgpLsNlri, type LsNlriKind, type LsTlv } from './model.js';
import { readTlvs, tlvsEnd } from './tlv-read.js';

/** Type (2) + total length (2): the offset of the RD, or of the Protocol-ID without one. */
const HEADER = 4;

export class BgpLsView implements BgpLsNlri {
  // `declare`: no class-field definitions, the constructor assigns every field once (one hidden class).
  declare pathId?: number;
  /** The input buffer. */
  declare readonly _b: Uint8Array;
  /** Index of the NLRI's first octet (its type). */
  declare readonly _s: number;
  /** One past its last octet (type and length included: `_e - _s` = 4 + total length). */
  declare readonly _e: number;
  /** An RD follows the length (`bgp-ls/bgp-ls-vpn`, RFC 9552 §5.2). */
  declare readonly _vpn: boolean;
  /** `tlvs`, once read. */
  declare _tlvs: readonly LsTlv[] | undefined;

  constructor(b: Uint8Array, s: number, e: number, vpn: boolean) {
    this.pathId = undefined;
    this._b = b;
    this._s = s;
    this._e = e;
    this._vpn = vpn;
    this._tlvs = undefined;
  }

  /** Index of the Protocol-ID octet. */
  get _head(): number {
    return this._s + (this._vpn ? HEADER + 8 : HEADER);
  }

  /** Index of the first TLV: after Protocol-ID (1) and Identifier (8). */
  get _body(): number {
    return this._s + (this._vpn ? HEADER + 17 : HEADER + 9);
  }

  get kind(): LsNlriKind {
    // The decoder makes a view only for a known type: the high octet is 0, the low one 1..6.
    return KIND_BY_TYPE[this._b[this._s + 1]!]!;
  }

  get protocolId(): number {
    return this._b[this._head]!;
  }

  get identifier(): bigint {
    return u64At(this._b, this._head + 1);
  }

  get rd(): Uint8Array | undefined {
    if (!this._vpn) return undefined;
    const o = this._s + HEADER;
    return this._b.subarray(o, o + 8);
  }

  get tlvs(): readonly LsTlv[] {
    return (this._tlvs ??= readTlvs(this._b, this._body, this._e));
  }

  get trailing(): Uint8Array | undefined {
    const p = tlvsEnd(this._b, this._body, this._e);
    return p < this._e ? this._b.subarray(p, this._e) : undefined;
  }

  /**
   * True when `_b[_s.._e)` is this view's encoding, so an encoder may copy it: a known type and
   * a total length that frames exactly these bytes (what the decoder checked; a view made by
   * hand may say otherwise). Re-encoding the fields of such a view writes the same bytes: every
   * TLV is kept in wire order with its own length (typed only at the RFC length, otherwise raw),
   * and so is `trailing` (test/families/bgp-ls/view-copy.test.ts). The family must still agree
   * on the RD (`_vpn`).
   */
  _copiable(): boolean {
    const b = this._b;
    const s = this._s;
    const t = b[s + 1]!;
    return b[s] === 0 && t >= 1 && t <= 6 && ((b[s + 2]! << 8) | b[s + 3]!) === this._e - s - HEADER && this._e <= b.length && this._e - s >= (this._vpn ? HEADER + 17 : HEADER + 9);
  }

  /** The plain object of the public fields, byte fields as hex, the identifier as decimal text (issue 17 §3). */
  toJSON(): Record<string, unknown> {
    return plainJson(this);
  }

  /** `console.log` / `util.inspect`: the plain object, not the buffer and offsets. */
  [INSPECT](depth: number, options: object, inspect: (v: unknown, o: object) => string): string {
    return inspectPlain(this, depth, options, inspect);
  }
}
