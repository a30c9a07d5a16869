/**
 * The lazy decoded BGP-MUP NLRI (draft-ietf-bess-mup-safi-00 §3.1): the input buffer and where
 * the NLRI lies in it, nothing copied. The decoder (wire.ts) has checked every byte first, so
 * the fields are read from the bytes when asked:
 *
 *   `_s`  the architecture type octet (the NLRI's first)
 *   `_e`  one past the NLRI's last octet (`_s` + 4 + the length octet)
 *   `_f`  the kind the data was decoded as (`VIEW_RAW`, `VIEW_ISD`… `VIEW_T2ST`, the low 3
 *         bits), `VIEW_V6` (decoded under AFI 2: the prefix's `v6`), `VIEW_DETACHED` (a field
 *         was assigned)
 *
 * Byte fields (`rd`, `address`, `endpoint`, `source`, `raw`, the prefix's `addr`) are subarrays
 * of the input, as an eager decode gave. `prefix` is made on first access and kept (one object,
 * as on an eager model, so a caller may change it). Assigning any other public field puts an own
 * value on the object (`VIEW_DETACHED`); the fields not assigned are still read from the bytes.
 * While the view is as decoded (nothing assigned, the prefix, if made, still the one decoded),
 * its input bytes are its encoding (`_copiable`).
 */
import { prefixOctets, type Prefix } from '../../src/core/prefix.js';
import { INSPECT, inspectPlain, plainJson } from '../../src/registry/plain.js';
import type { MupNlri } from './model.js';

export const VIEW_RAW = 0;
export const VIEW_ISD = 1;
export const VIEW_DSD = 2;
export const VIEW_T1ST = 3;
export const VIEW_T2ST = 4;
export const VIEW_KIND = 7;
export const VIEW_V6 = 8;
export const VIEW_DETACHED = 16;

/** Header: architecture type (1), route type (2), length (1). */
const HEAD = 4;
/** Index of the first octet after the RD, from `_s`. */
const AFTER_RD = HEAD + 8;

type MupKind = MupNlri['kind'];
const KINDS: readonly MupKind[] = ['raw', 'isd', 'dsd', 't1st', 't2st'];

/** The T2ST endpoint address size for an endpoint length of `bits` (the decoder allows 32..64 or 128..160). */
export function t2stAddrSize(bits: number): number {
  return bits <= 64 ? 4 : 16;
}

/** Index of the T1ST TEID: after the RD, the prefix length octet and the prefix octets. */
function t1stTeidAt(b: Uint8Array, s: number): number {
  return s + AFTER_RD + 1 + prefixOctets(b[s + AFTER_RD]!);
}

/** Put an own value for `key` on a view (shadowing its getter) and mark it as no longer as decoded. */
function detach(v: MupView, key: string, value: unknown): void {
  Object.defineProperty(v, key, { value, writable: true, enumerable: true, configurable: true });
  v._f |= VIEW_DETACHED;
}

/** A decoded BGP-MUP NLRI: the input and the NLRI's bounds; one small object per NLRI. */
export class MupView {
  // `declare`: no class-field definitions, the constructor assigns every field once (one hidden class).
  declare pathId?: number;
  /** The input buffer. */
  declare readonly _b: Uint8Array;
  /** Index of the architecture type octet. */
  declare readonly _s: number;
  /** One past the last octet of the NLRI. */
  declare readonly _e: number;
  /** The kind (low 3 bits), `VIEW_V6`, `VIEW_DETACHED`. */
  declare _f: number;
  /** `prefix`, once made. */
  declare _x: Prefix | undefined;

  constructor(b: Uint8Array, s: number, e: number, f: number) {
    this.pathId = undefined;
    this._b = b;
    this._s = s;
    this._e = e;
    this._f = f;
    this._x = undefined;
  }

  get kind(): MupKind {
    return KINDS[this._f & VIEW_KIND]!;
  }

  set kind(v: MupKind) {
    detach(this, 'kind', v);
  }

  get archType(): number {
    return this._b[this._s]!;
  }

  set archType(v: number) {
    detach(this, 'archType', v);
  }

  get routeType(): number {
    const b = this._b;
    const s = this._s;
    return (b[s + 1]! << 8) | b[s + 2]!;
  }

  set routeType(v: number) {
    detach(this, 'routeType', v);
  }

  /** The 8 RD octets of a 3gpp-5g route (the decoder wants them); undefined for `raw`. */
  get rd(): Uint8Array | undefined {
    if ((this._f & VIEW_KIND) === VIEW_RAW) return undefined;
    const s = this._s;
    return this._b.subarray(s + HEAD, s + AFTER_RD);
  }

  set rd(v: Uint8Array | undefined) {
    detach(this, 'rd', v);
  }

  /** ISD and T1ST: the prefix after the RD (`v6` for AFI 2 or a length above 32, as decoded). */
  get prefix(): Prefix | undefined {
    const k = this._f & VIEW_KIND;
    if (k !== VIEW_ISD && k !== VIEW_T1ST) return undefined;
    return (this._x ??= this._prefixAt());
  }

  set prefix(v: Prefix | undefined) {
    detach(this, 'prefix', v);
  }

  /** A new prefix object of the decoded bytes. */
  _prefixAt(): Prefix {
    const b = this._b;
    const p = this._s + AFTER_RD;
    const len = b[p]!;
    return { v6: (this._f & VIEW_V6) !== 0 || len > 32, len, addr: b.subarray(p + 1, p + 1 + prefixOctets(len)) };
  }

  /** DSD: the address, the rest of the data after the RD (4 or 16 octets). */
  get address(): Uint8Array | undefined {
    if ((this._f & VIEW_KIND) !== VIEW_DSD) return undefined;
    return this._b.subarray(this._s + AFTER_RD, this._e);
  }

  set address(v: Uint8Array | undefined) {
    detach(this, 'address', v);
  }

  /** T1ST: the 4-octet TEID; T2ST: the TEID octets after the endpoint as a big-endian number. */
  get teid(): number | undefined {
    const k = this._f & VIEW_KIND;
    const b = this._b;
    if (k === VIEW_T1ST) {
      const q = t1stTeidAt(b, this._s);
      return b[q]! * 0x1000000 + ((b[q + 1]! << 16) | (b[q + 2]! << 8) | b[q + 3]!);
    }
    if (k !== VIEW_T2ST) return undefined;
    const p = this._s + AFTER_RD;
    let v = 0;
    for (let i = p + 1 + t2stAddrSize(b[p]!); i < this._e; i++) v = v * 256 + b[i]!;
    return v;
  }

  set teid(v: number | undefined) {
    detach(this, 'teid', v);
  }

  /** T1ST: the QoS flow identifier after the TEID. */
  get qfi(): number | undefined {
    if ((this._f & VIEW_KIND) !== VIEW_T1ST) return undefined;
    return this._b[t1stTeidAt(this._b, this._s) + 4]!;
  }

  set qfi(v: number | undefined) {
    detach(this, 'qfi', v);
  }

  /** T1ST: the endpoint address after its length octet, when there is one; T2ST: the endpoint address. */
  get endpoint(): Uint8Array | undefined {
    const k = this._f & VIEW_KIND;
    const b = this._b;
    if (k === VIEW_T1ST) {
      const a = t1stTeidAt(b, this._s) + 5;
      return a < this._e ? b.subarray(a + 1, a + 1 + (b[a]! >>> 3)) : undefined;
    }
    if (k !== VIEW_T2ST) return undefined;
    const p = this._s + AFTER_RD;
    return b.subarray(p + 1, p + 1 + t2stAddrSize(b[p]!));
  }

  set endpoint(v: Uint8Array | undefined) {
    detach(this, 'endpoint', v);
  }

  /** T1ST: the source address after its length octet (0, 4 or 16 octets), when there is a length octet. */
  get source(): Uint8Array | undefined {
    if ((this._f & VIEW_KIND) !== VIEW_T1ST) return undefined;
    const b = this._b;
    const a = t1stTeidAt(b, this._s) + 5;
    if (a >= this._e) return undefined;
    const c = a + 1 + (b[a]! >>> 3);
    return c < this._e ? b.subarray(c + 1, c + 1 + (b[c]! >>> 3)) : undefined;
  }

  set source(v: Uint8Array | undefined) {
    detach(this, 'source', v);
  }

  /** T2ST: TEID bits after the endpoint address (the endpoint length less the address bits). */
  get teidLength(): number | undefined {
    if ((this._f & VIEW_KIND) !== VIEW_T2ST) return undefined;
    const bits = this._b[this._s + AFTER_RD]!;
    return bits - t2stAddrSize(bits) * 8;
  }

  set teidLength(v: number | undefined) {
    detach(this, 'teidLength', v);
  }

  /** Raw: the whole route-type-specific data. */
  get raw(): Uint8Array | undefined {
    if ((this._f & VIEW_KIND) !== VIEW_RAW) return undefined;
    return this._b.subarray(this._s + HEAD, this._e);
  }

  set raw(v: Uint8Array | undefined) {
    detach(this, 'raw', v);
  }

  /**
   * True when the input bytes `_s.._e` are what encoding this model writes: nothing assigned,
   * the prefix (if made) still the decoded length, `v6` and window of the input, and a length
   * octet that frames the bytes (a view made by hand may not). The typed-model encoder (wire.ts)
   * writes every field at the size it was read (the RD, the prefix octets, the TEID, the
   * endpoint and source lengths from their sizes, the T2ST TEID octets from `teidLength`), so
   * the bytes are the same for every kind, under either AFI.
   */
  _copiable(): boolean {
    const b = this._b;
    const s = this._s;
    if (this._f & VIEW_DETACHED || b[s + 3] !== this._e - s - HEAD) return false;
    const x = this._x;
    if (x === undefined) return true;
    const len = b[s + AFTER_RD]!;
    const a = x.addr;
    return (
      x.len === len &&
      x.v6 === ((this._f & VIEW_V6) !== 0 || len > 32) &&
      a instanceof Uint8Array &&
      a.buffer === b.buffer &&
      a.byteOffset === b.byteOffset + s + AFTER_RD + 1 &&
      a.length === prefixOctets(len)
    );
  }

  /** The plain object of the public fields, byte fields as hex (issue 17 §3). */
  toJSON(): Record<string, unknown> {
    return plainJson(this);
  }

  /** `console.log` / `util.inspect`: the plain object, not the buffer and offsets. */
  [INSPECT](depth: number, options: object, inspect: (v: unknown, o: object) => string): string {
    return inspectPlain(this, depth, options, inspect);
  }
}
