/**
 * The lazy decoded form shared by NLRIs that start with an RFC 8277 label field (labeled unicast,
 * L3VPN): the input buffer and offsets, nothing copied. `labels` and the RFC 8277 §2.4
 * Compatibility value are read from the buffer when asked; subclasses add what follows the label
 * field (the prefix, or the RD and the prefix).
 */
import { compatibilityAt, labelsAt } from './label-scan.js';
import type { WireSpan } from '../registry/family.js';
import { INSPECT, inspectPlain, plainJson } from '../registry/plain.js';

export abstract class LabelStackView {
  // `declare`: no class-field definitions, the constructor assigns every field once (one hidden class, cheaper allocation).
  declare pathId?: number;
  declare readonly v6: boolean;
  declare readonly withdraw: boolean;
  /** The input buffer. */
  declare readonly _b: Uint8Array;
  /** Index of the first label entry (the length octet is just before). */
  declare readonly _p: number;
  /** Number of label entries. */
  declare readonly _n: number;
  /** Prefix length in bits. */
  declare readonly _len: number;

  constructor(b: Uint8Array, p: number, n: number, len: number, v6: boolean, withdraw: boolean) {
    this.pathId = undefined;
    this._b = b;
    this._p = p;
    this._n = n;
    this._len = len;
    this.v6 = v6;
    this.withdraw = withdraw;
  }

  /** 20-bit labels, outermost first (RFC 8277 §2.3); with `withdraw`, the Compatibility field's label reading. */
  get labels(): number[] {
    return labelsAt(this._b, this._p, this._n);
  }

  /** The Compatibility field's 24-bit value when `withdraw`, else undefined. */
  get compatibility(): number | undefined {
    return this.withdraw ? compatibilityAt(this._b, this._p) : undefined;
  }

  /**
   * True when the input bytes from the length octet (just before `_p`) on are this view's
   * encoding, so an encoder may copy them: a Compatibility field is written back as is, and a
   * stack is when only its last entry has the S bit (what the decoders read; the writers set S
   * on the last entry only). What the encoders check of a built model holds for a view by
   * construction (20-bit labels, 3-bit TCs, a length octet, a prefix length in range, a
   * withdrawal's label reading), except that the family's AFI must still match `v6`.
   */
  _copiable(): boolean {
    if (this.withdraw) return true;
    const b = this._b;
    const last = this._p + 3 * (this._n - 1) + 2;
    for (let q = this._p + 2; q < last; q += 3) if (b[q]! & 1) return false;
    return (b[last]! & 1) === 1;
  }

  /** Index of the first octet after the label field. */
  get _afterLabels(): number {
    return this._p + 3 * this._n;
  }

  /** One past the NLRI's last octet: its input bytes are `_b[_p - 1 .. _end)`. */
  abstract get _end(): number;

  /** `FamilyCodec.verbatim` for a family of AFI `v6`: the input bytes when they are the encoding (`_copiable`). */
  _span(v6: boolean, span: WireSpan): boolean {
    if (this.v6 !== v6 || !this._copiable()) return false;
    span.buf = this._b;
    span.start = this._p - 1;
    span.end = this._end;
    return true;
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
