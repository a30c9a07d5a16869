/**
 * The lazy decoded FlowSpec NLRI (RFC 8955 §4.1, §4.2, §8; RFC 8956 §3): the input buffer and
 * where the NLRI lies in it, nothing copied. The decoder (wire.ts) has checked every byte first,
 * so the fields are read from the bytes when asked:
 *
 *   `_p`  the first length octet (RFC 8955 §4.1: one octet, or two when it is 0xFn)
 *   `_e`  one past the NLRI's last octet
 *   `_f`  what the bytes were decoded as: `VIEW_V6` (RFC 8956 prefixes with an offset octet),
 *         `VIEW_VPN` (an 8-octet RD first, RFC 8955 §8), `VIEW_DETACHED` (a field was assigned)
 *
 * `components` is made on first access (the same `WirePrefix` / `FlowOps` objects an eager
 * decode made) and kept, so a caller may change the list or its members as on a built model;
 * `rd` is a view of the input, `longLength` is read from the length octets. Assigning `rd` or
 * `longLength` puts an own value on the object (`VIEW_DETACHED`). While the view is as decoded
 * (`components` never made, nothing assigned), its input bytes are its encoding (`_copiable`).
 */
import { u64At } from '../../src/core/reader.js';
import { INSPECT, plainJson, plainOf } from '../../src/registry/plain.js';
import { FlowOps, OP_END, type FlowComponent, type FlowOpComponent, type FlowSpecNlri } from './model.js';
import { WirePrefix, patternOctets, type FlowShape } from './wire-prefix.js';

export const VIEW_V6 = 1;
export const VIEW_VPN = 2;
export const VIEW_DETACHED = 4;

/** Octets of the NLRI length field whose first octet is `b0` (RFC 8955 §4.1). */
export function lengthOctets(b0: number): number {
  return b0 >= 0xf0 ? 2 : 1;
}

/** The operator value at `p` of an operator octet with these len bits (RFC 8955 §4.2.1). */
export function valueAt(b: Uint8Array, p: number, lenBits: number): number | bigint {
  switch (lenBits) {
    case 0: return b[p]!;
    case 1: return (b[p]! << 8) | b[p + 1]!;
    case 2: return b[p]! * 0x1000000 + ((b[p + 1]! << 16) | (b[p + 2]! << 8) | b[p + 3]!);
    default: return u64At(b, p);
  }
}

/** Where the last `opsAt` stopped. */
let after = 0;

/**
 * The operator component at `p` (just after its type octet) of checked bytes ending at `e`: the
 * pairs up to the end-of-list bit, or to `e` (a list without it, RFC 8955 §4.2.1 Ze-tolerant).
 * Sets `after` to the index past its last pair.
 */
function opsAt(b: Uint8Array, type: number, p: number, e: number): FlowOpComponent {
  let op = b[p++]!;
  let lb = (op >> 4) & 3;
  const first = valueAt(b, p, lb);
  p += 1 << lb;
  if (op & OP_END || p >= e) {
    after = p;
    return new FlowOps(type, [op], [first]) as FlowOpComponent;
  }
  const ops: number[] = [op];
  const values: (number | bigint)[] = [first];
  while (p < e) {
    op = b[p++]!;
    lb = (op >> 4) & 3;
    values.push(valueAt(b, p, lb));
    ops.push(op);
    p += 1 << lb;
    if (op & OP_END) break;
  }
  after = p;
  return new FlowOps(type, ops, values) as FlowOpComponent;
}

/** The components of checked bytes `p..e` (after the length and the RD), in wire order. */
export function componentsAt(b: Uint8Array, p: number, e: number, v6: boolean): FlowComponent[] {
  const out: FlowComponent[] = [];
  while (p < e) {
    const type = b[p++]!;
    if (type <= 2) {
      const len = b[p++]!;
      const offset = v6 ? b[p++]! : 0;
      const size = patternOctets(len, offset);
      out.push(new WirePrefix(type as 1 | 2, len, offset, b, p, size));
      p += size;
    } else {
      out.push(opsAt(b, type, p, e));
      p = after;
    }
  }
  return out;
}

/** Put an own value for `key` on a view (shadowing its getter) and mark it as no longer as decoded. */
function detach(v: FlowView, key: 'rd' | 'longLength', value: unknown): void {
  Object.defineProperty(v, key, { value, writable: true, enumerable: true, configurable: true });
  v._f |= VIEW_DETACHED;
}

/** A decoded FlowSpec NLRI: the input and the NLRI's bounds; one small object per NLRI. */
export class FlowView implements FlowSpecNlri {
  // `declare`: no class-field definitions, the constructor assigns every field once (one hidden class).
  declare pathId?: number;
  /** The input buffer. */
  declare readonly _b: Uint8Array;
  /** Index of the first length octet. */
  declare readonly _p: number;
  /** One past the last octet of the NLRI. */
  declare readonly _e: number;
  /** `VIEW_V6`, `VIEW_VPN`, `VIEW_DETACHED`. */
  declare _f: number;
  /** The components once made. */
  declare _c: FlowComponent[] | undefined;

  constructor(b: Uint8Array, p: number, e: number, f: number) {
    this.pathId = undefined;
    this._b = b;
    this._p = p;
    this._e = e;
    this._f = f;
    this._c = undefined;
  }

  /** Index of the first component: after the length octets and the RD. */
  get _componentsAt(): number {
    return this._p + lengthOctets(this._b[this._p]!) + (this._f & VIEW_VPN ? 8 : 0);
  }

  get components(): FlowComponent[] {
    return (this._c ??= componentsAt(this._b, this._componentsAt, this._e, (this._f & VIEW_V6) !== 0));
  }

  set components(cs: FlowComponent[]) {
    this._c = cs;
  }

  get rd(): Uint8Array | undefined {
    if (!(this._f & VIEW_VPN)) return undefined;
    const o = this._p + lengthOctets(this._b[this._p]!);
    return this._b.subarray(o, o + 8);
  }

  set rd(v: Uint8Array | undefined) {
    detach(this, 'rd', v);
  }

  /** True when the 2-octet length form carries a length below 240 (RFC 8955 §4.1), else undefined. */
  get longLength(): boolean | undefined {
    return this._b[this._p]! >= 0xf0 && this._e - this._p - 2 < 240 ? true : undefined;
  }

  set longLength(v: boolean | undefined) {
    detach(this, 'longLength', v);
  }

  /**
   * True when the input bytes `_p.._e` are what encoding this model for `shape` writes: the view
   * is as decoded (no components made, so none changed; nothing assigned) and was decoded for the
   * same address family and SAFI. The typed-model encoder is lossless (wire.ts): it writes the
   * length in the form it was read (`longLength`), the RD, and every type, length, offset,
   * pattern, operator octet and value at its decoded size, so the bytes are the same.
   */
  _copiable(shape: FlowShape): boolean {
    return this._c === undefined && this._f === (shape.v6 ? VIEW_V6 : 0) + (shape.vpn ? VIEW_VPN : 0);
  }

  /** The plain object: components, rd, longLength, pathId (what an eager decode gave), made without keeping the components. */
  _plain(): Record<string, unknown> {
    const o: Record<string, unknown> = { components: this._c ?? componentsAt(this._b, this._componentsAt, this._e, (this._f & VIEW_V6) !== 0) };
    for (const k of ['rd', 'longLength', 'pathId'] as const) {
      const v = this[k];
      if (v !== undefined) o[k] = v;
    }
    return o;
  }

  /** The plain object of the public fields, byte fields as hex (issue 17 §3). */
  toJSON(): Record<string, unknown> {
    return plainJson(this._plain());
  }

  /** `console.log` / `util.inspect`: the plain object, not the buffer and offsets. */
  [INSPECT](depth: number, options: object, inspect: (v: unknown, o: object) => string): string {
    if (depth < 0) return '[FlowView]';
    const d = (options as { depth?: number | null }).depth;
    return `FlowView ${inspect(plainOf(this._plain()), { ...options, depth: d === null || d === undefined ? d : d - 1 })}`;
  }
}
