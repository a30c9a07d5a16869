/**
 * A lazy, typed view of one UPDATE (RFC 4271 §4.3): constructing it only frames the message —
 * header, the two length fields, where each path attribute starts and ends — and every attribute
 * value, the NLRIs and the routes are decoded on first access through their codecs (then kept).
 * For hot paths that look at a few attributes of many UPDATEs (a route table keyed by NLRI, a
 * filter on route targets). It does not run RFC 7606: `decode()` gives the full `BgpUpdate` with
 * the verdict, and `framed` is false when even the framing is broken (then only `decode()` helps).
 */
import { NlriError } from '../core/errors.js';
import { Reader } from '../core/reader.js';
import type { AttrContext, AttributeCodec } from '../attributes/attribute.js';
import { ATTR_EXTENDED_LENGTH } from '../attributes/attribute.js';
import type { AttributeRegistry } from '../attributes/registry.js';
import type { NlriBase } from '../registry/family.js';
import { decodeAll } from '../registry/ops.js';
import type { MpReach, MpUnreach } from '../../attributes/mp/model.js';
import { decodeUpdateWith, hasMarker, HEADER_LENGTH, MAX_EXTENDED_MESSAGE, MAX_MESSAGE, type UpdateDecodeExtras } from './decode.js';
import type { BgpUpdate } from './model.js';


export class UpdateView {
  readonly bytes: Uint8Array;
  /** The message frames: header (when present), lengths and every attribute header are consistent. */
  readonly framed: boolean;
  /** Offsets into `bytes`: Withdrawn Routes field, path attributes, NLRI field. */
  readonly withdrawnStart: number;
  readonly withdrawnEnd: number;
  readonly attributesEnd: number;
  readonly nlriEnd: number;
  private readonly ctx: AttrContext;
  private readonly registry: AttributeRegistry;
  private readonly extras: UpdateDecodeExtras;
  /** Per attribute: type code, flags, value start, value end. */
  private readonly index: number[] = [];
  private values: unknown[] | undefined;

  constructor(bytes: Uint8Array, ctx: AttrContext, registry: AttributeRegistry, extras: UpdateDecodeExtras = {}) {
    this.bytes = bytes;
    this.ctx = ctx;
    this.registry = registry;
    this.extras = extras;
    let pos = 0;
    const end = bytes.length;
    let ok = true;
    if (hasMarker(bytes)) {
      const len = (bytes[16]! << 8) | bytes[17]!;
      const max = extras.extendedMessage ? MAX_EXTENDED_MESSAGE : MAX_MESSAGE;
      ok = bytes[18] === 2 && len === end && len >= HEADER_LENGTH + 4 && len <= max;
      pos = HEADER_LENGTH;
    }
    let wEnd = pos;
    let aEnd = pos;
    if (ok && end - pos >= 4) {
      const wLen = (bytes[pos]! << 8) | bytes[pos + 1]!;
      wEnd = pos + 2 + wLen;
      if (wEnd + 2 <= end) {
        const aLen = (bytes[wEnd]! << 8) | bytes[wEnd + 1]!;
        aEnd = wEnd + 2 + aLen;
        if (aEnd <= end) {
          let at = wEnd + 2;
          const idx = this.index;
          while (at < aEnd) {
            const flags = bytes[at]!;
            const hdr = flags & ATTR_EXTENDED_LENGTH ? 4 : 3;
            if (aEnd - at < hdr) {
              ok = false;
              break;
            }
            const len = hdr === 4 ? (bytes[at + 2]! << 8) | bytes[at + 3]! : bytes[at + 2]!;
            const v = at + hdr;
            if (v + len > aEnd) {
              ok = false;
              break;
            }
            idx.push(bytes[at + 1]!, flags, v, v + len);
            at = v + len;
          }
        } else ok = false;
      } else ok = false;
    } else ok = false;
    this.framed = ok;
    this.withdrawnStart = pos + 2;
    this.withdrawnEnd = wEnd;
    this.attributesEnd = aEnd;
    this.nlriEnd = end;
  }

  /** Number of path attributes framed. */
  get attributeCount(): number {
    return this.index.length >> 2;
  }

  /** The type codes in wire order. */
  codes(): number[] {
    const out: number[] = [];
    for (let i = 0; i < this.index.length; i += 4) out.push(this.index[i]!);
    return out;
  }

  private find(code: number): number {
    const idx = this.index;
    for (let i = 0; i < idx.length; i += 4) if (idx[i] === code) return i;
    return -1;
  }

  has(code: number): boolean {
    return this.find(code) >= 0;
  }

  /** The received flags of the attribute, or -1. */
  flags(code: number): number {
    const i = this.find(code);
    return i < 0 ? -1 : this.index[i + 1]!;
  }

  /** The value bytes of the (first) attribute with this code (a view), or undefined. */
  raw(code: number): Uint8Array | undefined {
    const i = this.find(code);
    return i < 0 ? undefined : this.bytes.subarray(this.index[i + 2]!, this.index[i + 3]!);
  }

  /**
   * The decoded value of the attribute with this type code, decoded on first use and kept.
   * Throws the codec's `NlriError` when the value is malformed (offset within the message);
   * undefined when absent or without a codec.
   */
  attribute<M = unknown>(code: number): M | undefined {
    const i = this.find(code);
    if (i < 0) return undefined;
    const codec: AttributeCodec<M> | undefined = this.registry.get(code);
    if (!codec) return undefined;
    const values = (this.values ??= []);
    const k = i >> 2;
    const cached = values[k];
    if (cached !== undefined) return cached as M;
    // A reader over the whole message, limited to the value: error offsets count from the start
    // of the message, like decodeUpdate's.
    const r = new Reader(this.bytes, '', 0, this.index[i + 3]!);
    r.pos = this.index[i + 2]!;
    let v: M;
    try {
      v = codec.decode(r, this.ctx, this.index[i + 1]!);
      if (r.pos !== r.end) r.fail('trailing-bytes', `${r.end - r.pos} octets after the ${codec.name} value`);
    } catch (e) {
      if (e instanceof NlriError) throw e.inAttribute(codec.name);
      throw e;
    }
    values[k] = v;
    return v;
  }

  /** MP_REACH_NLRI (RFC 4760 §3), decoded on first use. */
  get mpReach(): MpReach | undefined {
    return this.attribute<MpReach>(14);
  }

  /** MP_UNREACH_NLRI (RFC 4760 §4), decoded on first use. */
  get mpUnreach(): MpUnreach | undefined {
    return this.attribute<MpUnreach>(15);
  }

  private prefixes(start: number, stop: number, withdraw: boolean): NlriBase[] {
    const c = this.ctx.families.get('ipv4/unicast');
    if (start >= stop || !c) return [];
    return decodeAll(c, this.bytes.subarray(start, stop), { addPath: this.ctx.addPath('ipv4/unicast'), withdraw, strict: true });
  }

  /** IPv4 unicast Withdrawn Routes (RFC 4271 §4.3). */
  withdrawn(): NlriBase[] {
    return this.framed ? this.prefixes(this.withdrawnStart, this.withdrawnEnd, true) : [];
  }

  /** IPv4 unicast NLRI field (RFC 4271 §4.3). */
  nlri(): NlriBase[] {
    return this.framed ? this.prefixes(this.attributesEnd, this.nlriEnd, false) : [];
  }

  /** The whole UPDATE, every attribute decoded, with RFC 7606's verdict. */
  decode(): BgpUpdate {
    return decodeUpdateWith(this.bytes, this.ctx, this.registry, this.extras);
  }
}
