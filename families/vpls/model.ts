/**
 * The VPLS route model (RFC 4761 §3.2.2): a lazy view over one NLRI's bytes.
 *
 * ```
 * Length (2 octets) | RD (8) | VE ID (2) | VE Block Offset (2) | VE Block Size (2) | Label Base (3)
 * ```
 * Label Base: the high 20 bits are the label; the low 4 bits (TC, BOS) are kept in the bytes but
 * not part of the value. RFC 4762 (LDP signalling) has no BGP NLRI.
 */
import { rdToString } from '../../src/core/rd.js';

export class VplsRoute {
  /** ADD-PATH path identifier (RFC 7911), set by the core. */
  declare pathId?: number;
  /** The input buffer (not a copy). */
  declare readonly buf: Uint8Array;
  /** Offset of the 2-octet length field. */
  declare readonly start: number;
  /** One past the last octet (2 + length). */
  declare readonly end: number;
  constructor(buf: Uint8Array, start: number, end: number) {
    this.pathId = undefined;
    this.buf = buf;
    this.start = start;
    this.end = end;
  }
  private get p(): number {
    return this.start + 2;
  }
  /** The whole NLRI, length field included (a view). */
  get bytes(): Uint8Array {
    return this.buf.subarray(this.start, this.end);
  }
  /** Route Distinguisher, 8 octets (a view). */
  get rd(): Uint8Array {
    return this.buf.subarray(this.p, this.p + 8);
  }
  get rdText(): string {
    return rdToString(this.buf, this.p);
  }
  get veId(): number {
    return (this.buf[this.p + 8]! << 8) | this.buf[this.p + 9]!;
  }
  get veBlockOffset(): number {
    return (this.buf[this.p + 10]! << 8) | this.buf[this.p + 11]!;
  }
  get veBlockSize(): number {
    return (this.buf[this.p + 12]! << 8) | this.buf[this.p + 13]!;
  }
  /** The 20-bit label base. */
  get labelBase(): number {
    const b = this.buf;
    const o = this.p + 14;
    return (b[o]! << 12) | (b[o + 1]! << 4) | (b[o + 2]! >>> 4);
  }
  /** The whole 3-octet label field (label, TC, BOS). */
  get labelField(): number {
    const b = this.buf;
    const o = this.p + 14;
    return (b[o]! << 16) | (b[o + 1]! << 8) | b[o + 2]!;
  }
  /** Octets after the 17 of RFC 4761 inside the length (Ze ignores them; kept for re-encoding). */
  get extra(): number {
    return this.end - this.p - 17;
  }
}

/** Field values for a new route (`build`). */
export interface VplsFields {
  rd: Uint8Array;
  veId?: number;
  veBlockOffset?: number;
  veBlockSize?: number;
  /** 20-bit label base; written with BOS set, as Ze does. */
  labelBase?: number;
}
