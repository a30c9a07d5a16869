/**
 * The VPLS route model: a lazy view over one NLRI's bytes, of either layout that shares AFI 25 /
 * SAFI 65 (RFC 6074 §7: "the NLRI length must be used as a demultiplexer").
 *
 * ```
 * RFC 4761 §3.2.2 (length 17):
 * Length (2 octets) | RD (8) | VE ID (2) | VE Block Offset (2) | VE Block Size (2) | Label Base (3)
 * RFC 6074 §3.2.2 BGP auto-discovery (length 12):
 * Length (2 octets) | RD (8) | PE_addr (4, IPv4)
 * ```
 * Label Base: the high 20 bits are the label; the low 4 bits (TC, BOS) are kept in the bytes but
 * not part of the value. RFC 4762 (LDP signalling) has no BGP NLRI. On a BGP-AD NLRI the VE and
 * label fields read 0 (they are not there); `autoDiscovery` tells the two apart.
 */
import { rdToString } from '../../src/core/rd.js';
import { INSPECT, inspectPlain, plainJson } from '../../src/registry/plain.js';

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
    if (this.autoDiscovery) return 0;
    return (this.buf[this.p + 8]! << 8) | this.buf[this.p + 9]!;
  }
  get veBlockOffset(): number {
    if (this.autoDiscovery) return 0;
    return (this.buf[this.p + 10]! << 8) | this.buf[this.p + 11]!;
  }
  get veBlockSize(): number {
    if (this.autoDiscovery) return 0;
    return (this.buf[this.p + 12]! << 8) | this.buf[this.p + 13]!;
  }
  /** RFC 6074 §3.2.2: a BGP auto-discovery NLRI (length 12: RD and PE address). */
  get autoDiscovery(): boolean {
    return this.end - this.p === AD_BODY;
  }
  /** The PE address of a BGP-AD NLRI (4 octets, a view); empty for RFC 4761. */
  get peAddress(): Uint8Array {
    return this.autoDiscovery ? this.buf.subarray(this.p + 8, this.p + 12) : this.buf.subarray(this.p, this.p);
  }
  /** The 20-bit label base. */
  get labelBase(): number {
    if (this.autoDiscovery) return 0;
    const b = this.buf;
    const o = this.p + 14;
    return (b[o]! << 12) | (b[o + 1]! << 4) | (b[o + 2]! >>> 4);
  }
  /** The whole 3-octet label field (label, TC, BOS). */
  get labelField(): number {
    if (this.autoDiscovery) return 0;
    const b = this.buf;
    const o = this.p + 14;
    return (b[o]! << 16) | (b[o + 1]! << 8) | b[o + 2]!;
  }
  /** Octets after the 17 of RFC 4761 inside the length (Ze ignores them; kept for re-encoding). */
  get extra(): number {
    return this.autoDiscovery ? 0 : this.end - this.p - 17;
  }

  /** The plain object of the public fields and getters, byte fields as hex (issue 17 §3). */
  toJSON(): Record<string, unknown> {
    return plainJson(this);
  }

  /** `console.log` / `util.inspect`: the plain object, not the buffer and offsets. */
  [INSPECT](depth: number, options: object, inspect: (v: unknown, o: object) => string): string {
    return inspectPlain(this, depth, options, inspect);
  }
}

/** Octets after the length of an RFC 6074 §3.2.2 BGP-AD NLRI. */
export const AD_BODY = 12;

/** Field values for a new route (`build`). */
export interface VplsFields {
  rd: Uint8Array;
  veId?: number;
  veBlockOffset?: number;
  veBlockSize?: number;
  /** 20-bit label base; written with BOS set, as Ze does. */
  labelBase?: number;
  /**
   * RFC 6074 §3.2.2: the PE's IPv4 address (4 octets). Given, the route is a BGP auto-discovery
   * NLRI (RD and PE address, length 12) and the VE and label fields must be absent.
   */
  peAddress?: Uint8Array;
}
