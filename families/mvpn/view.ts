/**
 * The lazy decoded MCAST-VPN NLRI (RFC 6514 §4): the input buffer and where the NLRI lies in it,
 * nothing copied. The decoder (wire.ts) has checked every byte first (`routeInLayout`), so the
 * fields are read from the bytes when asked:
 *
 *   `_s`  the route type octet (the NLRI's first octet)
 *   `_e`  one past the NLRI's last octet (`_s + 2 + length`)
 *   `_f`  `VIEW_RAW` (the payload does not follow its type's layout, or the type is not 1-7: the
 *         route is `kind: 'raw'`), `VIEW_DETACHED` (a field was assigned)
 *
 * One class for every route type: the getters of the fields a route type does not have give
 * undefined, as the eager plain objects had no such key. A Leaf A-D route's `routeKey` is a view
 * of its key's bytes, made on first access and kept. Assigning any field puts an own value on the
 * object (`VIEW_DETACHED`); while nothing is assigned (and a route key read is unchanged too),
 * the input bytes `_s.._e` are the encoding (`_copiable`).
 */
import type { Reader } from '../../src/core/reader.js';
import { INSPECT, inspectPlain, plainJson } from '../../src/registry/plain.js';
import { MVPN_TYPE_NAMES, type MvpnNlri, type MvpnRoute } from './model.js';

export const VIEW_RAW = 1;
export const VIEW_DETACHED = 2;

/** One past the (0, 32 or 128-bit) address whose length octet is at `p`, or -1 when it is not one inside `e`. */
function addrEnd(b: Uint8Array, p: number, e: number): number {
  if (p < 0 || p >= e) return -1;
  const bits = b[p]!;
  if (bits !== 0 && bits !== 32 && bits !== 128) return -1;
  const q = p + 1 + (bits >>> 3);
  return q > e ? -1 : q;
}

/**
 * True when the payload `b[p..e)` of a `type` route follows its type's layout (RFC 6514 §4.1-§4.6).
 * A Leaf A-D route key is checked as a whole NLRI (`routeInLayout`): with `strict` (and `r`), a
 * key not in its layout throws there, as the eager decoder's nested decode did.
 */
function payloadInLayout(r: Reader | undefined, b: Uint8Array, type: number, p: number, e: number, strict: boolean): boolean {
  if (type === 4) {
    if (e - p < 2) return false;
    const ke = p + 2 + b[p + 1]!;
    if (ke > e) return false;
    routeInLayout(r, b, p, ke, strict);
    const n = e - ke;
    return n === 4 || n === 16;
  }
  if (type < 1 || type > 7 || e - p < 8) return false;
  p += 8; // RD
  switch (type) {
    case 1: {
      const n = e - p;
      return n === 4 || n === 16;
    }
    case 2:
      return e - p === 4;
    case 3: {
      const q = addrEnd(b, addrEnd(b, p, e), e);
      if (q < 0) return false;
      const n = e - q;
      return n === 4 || n === 16;
    }
    case 5:
      return addrEnd(b, addrEnd(b, p, e), e) === e;
    default:
      if (e - p < 4) return false;
      return addrEnd(b, addrEnd(b, p + 4, e), e) === e;
  }
}

/**
 * True when the framed NLRI `b[s..e)` (type, length, payload; `e` is `s + 2 + length`) follows
 * its type's layout. Otherwise false, or with `strict` the eager decoder's error, through `r`.
 */
export function routeInLayout(r: Reader | undefined, b: Uint8Array, s: number, e: number, strict: boolean): boolean {
  const type = b[s]!;
  if (payloadInLayout(r, b, type, s + 2, e, strict)) return true;
  if (strict) {
    const name = MVPN_TYPE_NAMES[type];
    if (name === undefined) r!.fail('unknown-type', `mvpn: unknown route type ${type}`, s);
    r!.fail('malformed', `mvpn: ${name} route of ${e - s - 2} bytes does not follow RFC 6514 §4`, s);
  }
  return false;
}

/** Put an own value for `key` on a view (shadowing its getter) and mark it as no longer as decoded. */
function detach(v: MvpnView, key: string, value: unknown): void {
  Object.defineProperty(v, key, { value, writable: true, enumerable: true, configurable: true });
  v._f |= VIEW_DETACHED;
}

function u32At(b: Uint8Array, p: number): number {
  return ((b[p]! << 24) >>> 0) + ((b[p + 1]! << 16) | (b[p + 2]! << 8) | b[p + 3]!);
}

/** The address whose length octet is at `p` (checked bytes). */
function addrAt(b: Uint8Array, p: number): Uint8Array {
  return b.subarray(p + 1, p + 1 + (b[p]! >>> 3));
}

/**
 * A decoded MCAST-VPN NLRI: the input and the NLRI's bounds; one small object per NLRI. Typed as
 * the `MvpnNlri` union where the decoder gives it (its `kind` tells the fields apart, as on a
 * built model); here every field is optional.
 */
export class MvpnView {
  // `declare`: no class-field definitions, the constructor assigns every field once (one hidden class).
  declare pathId?: number;
  /** The input buffer. */
  declare readonly _b: Uint8Array;
  /** Index of the route type octet. */
  declare readonly _s: number;
  /** One past the last octet of the NLRI. */
  declare readonly _e: number;
  /** `VIEW_RAW`, `VIEW_DETACHED`. */
  declare _f: number;
  /** A Leaf A-D route's key once made. */
  declare _k: MvpnView | undefined;

  constructor(b: Uint8Array, s: number, e: number, f: number) {
    this.pathId = undefined;
    this._b = b;
    this._s = s;
    this._e = e;
    this._f = f;
    this._k = undefined;
  }

  /** The route type of a route in its layout (1-7), or 0 for a raw one. */
  private get _t(): number {
    return this._f & VIEW_RAW ? 0 : this._b[this._s]!;
  }

  get kind(): MvpnRoute['kind'] {
    return this._f & VIEW_RAW ? 'raw' : (MVPN_TYPE_NAMES[this._b[this._s]!] as MvpnRoute['kind']);
  }
  set kind(v: MvpnRoute['kind']) {
    detach(this, 'kind', v);
  }

  get type(): number {
    return this._b[this._s]!;
  }
  set type(v: number) {
    detach(this, 'type', v);
  }

  get rd(): Uint8Array | undefined {
    const t = this._t;
    if (t === 0 || t === 4) return undefined;
    return this._b.subarray(this._s + 2, this._s + 10);
  }
  set rd(v: Uint8Array | undefined) {
    detach(this, 'rd', v);
  }

  get routeKey(): MvpnRoute | undefined {
    if (this._t !== 4) return undefined;
    if (this._k === undefined) {
      const b = this._b;
      const p = this._s + 2;
      const ke = p + 2 + b[p + 1]!;
      this._k = new MvpnView(b, p, ke, routeInLayout(undefined, b, p, ke, false) ? 0 : VIEW_RAW);
    }
    return this._k as unknown as MvpnRoute;
  }
  set routeKey(v: MvpnRoute | undefined) {
    detach(this, 'routeKey', v);
  }

  get sourceAs(): number | undefined {
    const t = this._t;
    return t === 2 || t === 6 || t === 7 ? u32At(this._b, this._s + 10) : undefined;
  }
  set sourceAs(v: number | undefined) {
    detach(this, 'sourceAs', v);
  }

  get source(): Uint8Array | undefined {
    const t = this._t;
    if (t === 3 || t === 5) return addrAt(this._b, this._s + 10);
    if (t === 6 || t === 7) return addrAt(this._b, this._s + 14);
    return undefined;
  }
  set source(v: Uint8Array | undefined) {
    detach(this, 'source', v);
  }

  get group(): Uint8Array | undefined {
    const t = this._t;
    let p: number;
    if (t === 3 || t === 5) p = this._s + 10;
    else if (t === 6 || t === 7) p = this._s + 14;
    else return undefined;
    const b = this._b;
    return addrAt(b, p + 1 + (b[p]! >>> 3));
  }
  set group(v: Uint8Array | undefined) {
    detach(this, 'group', v);
  }

  get originator(): Uint8Array | undefined {
    const b = this._b;
    const s = this._s;
    switch (this._t) {
      case 1:
        return b.subarray(s + 10, this._e);
      case 3: {
        const g = s + 11 + (b[s + 10]! >>> 3);
        return b.subarray(g + 1 + (b[g]! >>> 3), this._e);
      }
      case 4:
        return b.subarray(s + 4 + b[s + 3]!, this._e);
      default:
        return undefined;
    }
  }
  set originator(v: Uint8Array | undefined) {
    detach(this, 'originator', v);
  }

  get raw(): Uint8Array | undefined {
    return this._f & VIEW_RAW ? this._b.subarray(this._s + 2, this._e) : undefined;
  }
  set raw(v: Uint8Array | undefined) {
    detach(this, 'raw', v);
  }

  /**
   * True when the input bytes `_s.._e` are what encoding this model writes: nothing assigned, and
   * the route key, if made, unchanged too. The typed-model encoder writes the type, the length
   * from the octets written, and every field at its decoded size (addresses with their decoded
   * bit lengths 0, 32 or 128; a payload not in layout whole), so the bytes are the same.
   */
  _copiable(): boolean {
    return (this._f & VIEW_DETACHED) === 0 && (this._k === undefined || this._k._copiable());
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

/** The view as the decoder's model type (its `kind` tells its fields, as on a built model). */
export function asNlri(v: MvpnView): MvpnNlri {
  return v as unknown as MvpnNlri;
}
