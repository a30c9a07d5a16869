/**
 * BgpUpdate → bytes (RFC 4271 §4.1, §4.3; RFC 8654 for the size limit). Measured once, written
 * once. Attributes are written in model order with their flags; the Extended Length bit is kept
 * where the model has it and set where a value is over 255 octets (RFC 4271 §4.3). An attribute
 * without a codec or value is written back from its raw bytes, so a decoded canonical UPDATE
 * encodes to the same bytes.
 */
import { NlriError } from '../core/errors.js';
import { Writer } from '../core/writer.js';
import type { AttrContext } from '../attributes/attribute.js';
import { ATTR_EXTENDED_LENGTH } from '../attributes/attribute.js';
import type { NlriBase } from '../registry/family.js';
import type { BgpUpdate, PathAttribute } from './model.js';
import { HEADER_LENGTH, MAX_EXTENDED_MESSAGE, MAX_MESSAGE } from './decode.js';

export interface UpdateEncodeOptions {
  /** Write the 19-octet message header (marker, length, type 2). Default true. */
  header?: boolean;
  /** RFC 8654 Extended Message negotiated: up to 65535 octets instead of 4096. */
  extendedMessage?: boolean;
}

function valueLength(a: PathAttribute, ctx: AttrContext): number {
  return a.codec && a.value !== undefined ? a.codec.encodingLength(a.value, ctx) : a.raw.length;
}

function prefixesLength(u: BgpUpdate, list: readonly NlriBase[], ctx: AttrContext): number {
  if (list.length === 0) return 0;
  const c = u.unicast ?? ctx.families.get('ipv4/unicast');
  if (!c) throw new NlriError('unsupported-family', 'no ipv4/unicast codec to write the Withdrawn Routes / NLRI fields', 'ipv4/unicast', -1);
  const ap = ctx.addPath('ipv4/unicast');
  let n = 0;
  for (const m of list) n += c.encodingLength(m) + (ap ? 4 : 0);
  return n;
}

function writePrefixes(u: BgpUpdate, list: readonly NlriBase[], w: Writer, ctx: AttrContext): void {
  if (list.length === 0) return;
  const c = (u.unicast ?? ctx.families.get('ipv4/unicast'))!;
  const ap = ctx.addPath('ipv4/unicast');
  for (const m of list) {
    if (ap) w.u32(m.pathId ?? 0);
    c.encode(m, w);
  }
}

/** Encode `u` as a BGP UPDATE message (or its body, with `header: false`). */
export function encodeUpdateWith(u: BgpUpdate, ctx: AttrContext, opts: UpdateEncodeOptions = {}): Uint8Array {
  const header = opts.header ?? true;
  const wLen = prefixesLength(u, u.withdrawn, ctx);
  const lens: number[] = [];
  let aLen = 0;
  for (const a of u.attributes.list) {
    const n = valueLength(a, ctx);
    if (n > 0xffff) throw new NlriError('too-long', `attribute ${a.codec?.name ?? a.code} value of ${n} octets exceeds 65535`, '', -1, a.codec?.name ?? `attr-${a.code}`);
    lens.push(n);
    aLen += (n > 255 || (a.flags & ATTR_EXTENDED_LENGTH) !== 0 ? 4 : 3) + n;
  }
  const nLen = prefixesLength(u, u.nlri, ctx);
  const body = 2 + wLen + 2 + aLen + nLen;
  const total = body + (header ? HEADER_LENGTH : 0);
  const max = opts.extendedMessage ? MAX_EXTENDED_MESSAGE : MAX_MESSAGE;
  if (body + HEADER_LENGTH > max) {
    throw new NlriError('too-long', `UPDATE of ${body + HEADER_LENGTH} octets exceeds the maximum message size ${max}${opts.extendedMessage ? '' : ' (RFC 8654 Extended Message not negotiated)'}`, '', -1);
  }
  const w = new Writer(total);
  if (header) {
    w.buf.fill(0xff, 0, 16);
    w.pos = 16;
    w.u16(total);
    w.u8(2);
  }
  w.u16(wLen);
  writePrefixes(u, u.withdrawn, w, ctx);
  w.u16(aLen);
  u.attributes.list.forEach((a, k) => {
    const n = lens[k]!;
    const ext = n > 255 || (a.flags & ATTR_EXTENDED_LENGTH) !== 0;
    w.u8(ext ? a.flags | ATTR_EXTENDED_LENGTH : a.flags);
    w.u8(a.code);
    if (ext) w.u16(n);
    else w.u8(n);
    const start = w.pos;
    try {
      if (a.codec && a.value !== undefined) a.codec.encode(a.value, w, ctx);
      else w.bytes(a.raw);
    } catch (e) {
      if (e instanceof NlriError) throw e.inAttribute(a.codec?.name ?? `attr-${a.code}`);
      throw e;
    }
    if (w.pos - start !== n) {
      throw new NlriError('too-long', `attribute ${a.codec?.name ?? a.code} wrote ${w.pos - start} octets but measured ${n}`, '', -1, a.codec?.name ?? '');
    }
  });
  writePrefixes(u, u.nlri, w, ctx);
  return w.finish();
}
