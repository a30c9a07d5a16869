/**
 * FlowSpec NLRI bytes <-> model.
 *
 * RFC 8955 §4.1   NLRI length: 1 octet below 240, else 2 octets 0xFnnn (12 bits, max 4095).
 * RFC 8955 §8     FlowSpec-VPN (SAFI 134): an 8-octet Route Distinguisher first, inside the length.
 * RFC 8955 §4.2   components in strictly increasing type order, each type once; an unknown type
 *                 makes the NLRI malformed.
 * RFC 8955 §4.2.1.1 numeric operator `e a len 0 lt gt eq`, values of 1, 2, 4 or 8 octets.
 * RFC 8955 §4.2.1.2 bitmask operator `e a len 0 0 not m`.
 * RFC 8955 §4.2.2.1-2 IPv4 prefixes `type, length, prefix octets`.
 * RFC 8956 §3.1-2 IPv6 prefixes `type, length, offset, pattern`: the pattern holds the
 *                 length − offset bits after the skipped offset bits, padded to an octet.
 *
 * Default decoding tolerates what Ze tolerates: components out of order or repeated, a missing
 * end-of-list bit (the list then runs to the end of the NLRI), reserved bits, an AND bit on the
 * first operator, any value size, prefix lengths above the address size, type 13 in IPv4.
 * `strict` rejects each of these as the RFC's "malformed". Where Ze misreads the bytes (the IPv6
 * offset, 8-octet values), both modes follow the RFC; see docs/ze-compat.md.
 */
import { modelError, NlriError, safeString } from '../../src/core/errors.js';
import type { Reader } from '../../src/core/reader.js';
import type { WireSpan } from '../../src/registry/family.js';
import { copyBytes, type Writer } from '../../src/core/writer.js';
import { COMPONENTS } from './components.js';
import {
  FLOW_FLOW_LABEL,
  OP_AND,
  OP_BITMASK_RESERVED,
  OP_END,
  OP_NUMERIC_RESERVED,
  isPrefixComponent,
  type FlowOpComponent,
  type FlowPrefixComponent,
  type FlowSpecNlri,
} from './model.js';
import { FlowView, VIEW_V6, VIEW_VPN } from './view.js';
import { WirePrefix, patternOctets, type FlowShape } from './wire-prefix.js';

export { WirePrefix, patternOctets, type FlowShape } from './wire-prefix.js';

/** Largest NLRI value the 12-bit length can carry (RFC 8955 §4.1). */
export const MAX_FLOW_LENGTH = 0xfff;
export const RD_OCTETS = 8;

// The decoder checks every byte the way the eager decoder did (same checks, same order, same
// messages and offsets) but keeps nothing: the view reads the fields from the bytes later.

function scanPrefix(r: Reader, v6: boolean, strict: boolean, at: number): void {
  const len = r.u8('prefix length');
  const offset = v6 ? r.u8('prefix offset') : 0;
  if (offset > len) r.fail('malformed', `IPv6 prefix offset ${offset} exceeds its length ${len}`, at);
  if (strict) {
    if (len > (v6 ? 128 : 32)) r.fail('bad-length', `prefix length ${len} exceeds ${v6 ? 128 : 32}`, at);
    if (offset !== 0 && offset === len) r.fail('malformed', `IPv6 prefix offset ${offset} equals its length`, at);
  }
  const size = patternOctets(len, offset);
  if (size > r.end - r.pos) r.need(size, 'prefix pattern');
  r.pos += size;
}

/** Step over the value of `op` (1, 2, 4 or 8 octets by its len bits). */
function skipValue(r: Reader, op: number): void {
  const n = 1 << ((op >> 4) & 3);
  if (r.end - r.pos < n) r.need(n, 'operator value');
  r.pos += n;
}

function scanOps(r: Reader, type: number, bitmask: boolean, strict: boolean): void {
  if (r.pos >= r.end) r.need(1, 'operator');
  const b = r.buf;
  let at = r.pos;
  let op = b[r.pos++]!;
  skipValue(r, op);
  if (strict) strictOp(r, type, bitmask, op, true, at);
  if (op & OP_END) return;
  while (r.pos < r.end) {
    at = r.pos;
    op = b[r.pos++]!;
    skipValue(r, op);
    if (strict) strictOp(r, type, bitmask, op, false, at);
    if (op & OP_END) return;
  }
  if (strict) r.fail('malformed', `component ${type}: operator list ends without the end-of-list bit`, at);
}

function strictOp(r: Reader, type: number, bitmask: boolean, op: number, first: boolean, at: number): void {
  const lenBits = (op >> 4) & 3;
  if (op & (bitmask ? OP_BITMASK_RESERVED : OP_NUMERIC_RESERVED)) {
    r.fail('malformed', `component ${type}: reserved operator bits set (0x${op.toString(16)})`, at);
  }
  if (first && op & OP_AND) r.fail('malformed', `component ${type}: AND bit on the first operator`, at);
  // RFC 8955 §4.2.2.9: TCP flags 1 or 2 octets; §4.2.2.11-12: DSCP and fragment 1 octet.
  const ok = type === 9 ? lenBits <= 1 : type === 11 || type === 12 ? lenBits === 0 : true;
  if (!ok) r.fail('malformed', `component ${type}: ${1 << lenBits}-octet value not allowed`, at);
}

/** Decode one FlowSpec NLRI (length, optional RD, components) at `r.pos`: check it, return its view. */
export function decodeFlowSpec(r: Reader, shape: FlowShape, strict: boolean): FlowView {
  const start = r.pos;
  const b0 = r.u8('FlowSpec NLRI length');
  let len = b0;
  if (b0 >= 0xf0) len = ((b0 & 0x0f) << 8) | r.u8('FlowSpec NLRI length');
  const old = r.limit(len, 'FlowSpec NLRI length');
  if (shape.vpn) {
    if (len < RD_OCTETS) r.fail('bad-length', `FlowSpec-VPN NLRI length ${len} is shorter than its route distinguisher`, start);
    r.skip(RD_OCTETS, 'route distinguisher');
  }
  const b = r.buf;
  let last = 0;
  while (r.pos < r.end) {
    const at = r.pos;
    const type = b[r.pos++]!;
    const info = COMPONENTS[type];
    if (info === undefined) r.fail('unknown-type', `unknown FlowSpec component type ${type}`, at);
    if (strict) {
      if (type === FLOW_FLOW_LABEL && !shape.v6) r.fail('unknown-type', 'component type 13 (flow label) is IPv6 only', at);
      if (type <= last) r.fail('malformed', `component type ${type} after type ${last}: types must strictly increase`, at);
    }
    last = type;
    if (info.kind === 'prefix') scanPrefix(r, shape.v6, strict, at);
    else scanOps(r, type, info.kind === 'bitmask', strict);
  }
  const end = r.end;
  r.restore(old);
  return new FlowView(b, start, end, (shape.v6 ? VIEW_V6 : 0) + (shape.vpn ? VIEW_VPN : 0));
}

/** The largest value of 1, 2 and 4 octets, by octets. */
const VALUE_MAX: readonly number[] = [0, 0xff, 0xffff, 0, 0xffffffff];

function checkOps(c: FlowOpComponent, lastComponent: boolean, family: string): number {
  const { ops, values } = c;
  if (!Array.isArray(ops) || !Array.isArray(values) || ops.length === 0 || ops.length !== values.length) {
    modelError(`component ${c.type}: ops and values must be non-empty arrays of the same length`, family);
  }
  let n = 1;
  for (let i = 0; i < ops.length; i++) {
    const op = ops[i]!;
    if (!Number.isInteger(op) || op < 0 || op > 0xff) modelError(`component ${c.type}: operator ${op} is not an octet`, family);
    const size = 1 << ((op >> 4) & 3);
    const v = values[i]!;
    if (size === 8) {
      if (typeof v === 'bigint' ? v < 0n || v > 0xffffffffffffffffn : !Number.isSafeInteger(v) || v < 0) {
        modelError(`component ${c.type}: value ${v} does not fit 8 octets`, family);
      }
    } else if (typeof v !== 'number' || !Number.isInteger(v) || v < 0 || v > VALUE_MAX[size]!) {
      modelError(`component ${c.type}: value ${safeString(v)} does not fit ${size} octet${size === 1 ? '' : 's'}`, family);
    }
    const isLast = i === ops.length - 1;
    if (op & OP_END && !isLast) modelError(`component ${c.type}: end-of-list bit on pair ${i + 1} of ${ops.length}`, family);
    if (isLast && !(op & OP_END) && !lastComponent) {
      modelError(`component ${c.type}: the last pair needs the end-of-list bit (only the last component may omit it)`, family);
    }
    n += 1 + size;
  }
  return n;
}

function checkPrefix(c: FlowPrefixComponent, v6: boolean, family: string): number {
  const { len, offset } = c;
  if (!Number.isInteger(len) || len < 0 || len > 0xff) modelError(`prefix length ${len} is not an octet`, family);
  if (!Number.isInteger(offset) || offset < 0 || offset > len || (!v6 && offset !== 0)) {
    modelError(v6 ? `IPv6 prefix offset ${offset} must be 0..${len}` : 'IPv4 prefixes have no offset', family);
  }
  return (v6 ? 3 : 2) + patternOctets(len, offset);
}

/** Bytes of the NLRI value (RD and components), checking the model on the way. */
export function flowValueLength(m: FlowSpecNlri, shape: FlowShape, family: string): number {
  if (m === null || typeof m !== 'object' || !Array.isArray(m.components)) modelError('FlowSpec model needs a components array', family);
  let n = 0;
  if (shape.vpn) {
    if (!(m.rd instanceof Uint8Array) || m.rd.length !== RD_OCTETS) modelError('FlowSpec-VPN needs an 8-octet rd', family);
    n = RD_OCTETS;
  } else if (m.rd !== undefined) {
    modelError('rd is only for the flow-vpn families', family);
  }
  const cs = m.components;
  for (let i = 0; i < cs.length; i++) {
    const c = cs[i]!;
    const info = c === null || typeof c !== 'object' ? undefined : COMPONENTS[c.type];
    if (info === undefined) modelError(`unknown FlowSpec component type ${c?.type}`, family);
    n += info.kind === 'prefix' ? checkPrefix(c as FlowPrefixComponent, shape.v6, family) : checkOps(c as FlowOpComponent, i === cs.length - 1, family);
  }
  if (n > MAX_FLOW_LENGTH) throw new NlriError('too-long', `FlowSpec NLRI of ${n} octets exceeds ${MAX_FLOW_LENGTH}`, family, -1);
  return n;
}

export function flowEncodingLength(m: FlowSpecNlri, shape: FlowShape, family: string): number {
  // A view as decoded for this shape is its input bytes (view.ts `_copiable`): nothing to check.
  if (m instanceof FlowView && m._copiable(shape)) return m._e - m._p;
  const n = flowValueLength(m, shape, family);
  return n + (n >= 240 || m.longLength ? 2 : 1);
}

/** `flowValueLength` without the checks, for `encode` (the model was checked when measured). */
function rawValueLength(m: FlowSpecNlri, shape: FlowShape): number {
  let n = shape.vpn ? RD_OCTETS : 0;
  for (const c of m.components) {
    if (isPrefixComponent(c)) {
      n += (shape.v6 ? 3 : 2) + patternOctets(c.len, c.offset);
    } else {
      n += 1;
      for (const op of c.ops) n += 1 + (1 << ((op >> 4) & 3));
    }
  }
  return n;
}

function writePattern(w: Writer, c: FlowPrefixComponent, size: number): void {
  if (c instanceof WirePrefix) {
    w.range(c.src, c.at, c.at + size);
    return;
  }
  const p = c.pattern;
  if (p.length >= size) w.range(p, 0, size);
  else {
    w.bytes(p);
    w.zeros(size - p.length);
  }
}

/** `FamilyCodec.verbatim`: a view as decoded for this shape is its input bytes (view.ts `_copiable`). */
export function flowVerbatim(m: FlowSpecNlri, shape: FlowShape, span: WireSpan): boolean {
  if (!(m instanceof FlowView) || !m._copiable(shape)) return false;
  span.buf = m._b;
  span.start = m._p;
  span.end = m._e;
  return true;
}

/** Write the NLRI (length, RD, components); the model was checked by `flowEncodingLength`. */
export function encodeFlowSpec(m: FlowSpecNlri, w: Writer, shape: FlowShape): void {
  if (m instanceof FlowView && m._copiable(shape)) {
    w.range(m._b, m._p, m._e); // length octets, RD and components, as decoded
    return;
  }
  const n = rawValueLength(m, shape);
  const long = n >= 240 || !!m.longLength;
  // The measured size fits (the usual case): the octets go straight into the buffer, one check
  // for all. Else (the model changed since it was measured) through the writer, which fails
  // where the encoding overruns.
  if (w.pos + n + (long ? 2 : 1) <= w.end && (!shape.vpn || m.rd!.length === RD_OCTETS)) w.pos = writeDirect(m, w, shape, n, long);
  else writeChecked(m, w, shape, n, long);
}

/** The NLRI of `n` value octets at `w.pos`, which has room for it; returns the position after it. */
function writeDirect(m: FlowSpecNlri, w: Writer, shape: FlowShape, n: number, long: boolean): number {
  const b = w.buf;
  let p = w.pos;
  if (long) {
    b[p++] = 0xf0 | (n >> 8);
    b[p++] = n;
  } else b[p++] = n;
  if (shape.vpn) {
    copyBytes(b, p, m.rd!, 0, RD_OCTETS);
    p += RD_OCTETS;
  }
  for (const c of m.components) {
    b[p++] = c.type;
    if (isPrefixComponent(c)) {
      b[p++] = c.len;
      if (shape.v6) b[p++] = c.offset;
      const size = patternOctets(c.len, c.offset);
      if (c instanceof WirePrefix) copyBytes(b, p, c.src, c.at, size);
      else {
        const pattern = c.pattern;
        const k = Math.min(pattern.length, size);
        copyBytes(b, p, pattern, 0, k);
        for (let z = k; z < size; z++) b[p + z] = 0;
      }
      p += size;
      continue;
    }
    const { ops, values } = c;
    for (let i = 0; i < ops.length; i++) {
      const op = ops[i]!;
      b[p++] = op;
      const v = values[i]!;
      switch ((op >> 4) & 3) {
        case 0:
          b[p++] = v as number;
          break;
        case 1:
          b[p] = (v as number) >>> 8;
          b[p + 1] = v as number;
          p += 2;
          break;
        case 2:
          b[p] = (v as number) >>> 24;
          b[p + 1] = (v as number) >>> 16;
          b[p + 2] = (v as number) >>> 8;
          b[p + 3] = v as number;
          p += 4;
          break;
        default:
          w.pos = p;
          w.u64(BigInt(v));
          p = w.pos;
      }
    }
  }
  return p;
}

/** `writeDirect` through the writer's checks. */
function writeChecked(m: FlowSpecNlri, w: Writer, shape: FlowShape, n: number, long: boolean): void {
  if (long) w.u16(0xf000 | n);
  else w.u8(n);
  if (shape.vpn) w.bytes(m.rd!);
  for (const c of m.components) {
    w.u8(c.type);
    if (isPrefixComponent(c)) {
      w.u8(c.len);
      if (shape.v6) w.u8(c.offset);
      writePattern(w, c, patternOctets(c.len, c.offset));
      continue;
    }
    const { ops, values } = c;
    for (let i = 0; i < ops.length; i++) {
      const op = ops[i]!;
      w.u8(op);
      const v = values[i]!;
      switch ((op >> 4) & 3) {
        case 0: w.u8(v as number); break;
        case 1: w.u16(v as number); break;
        case 2: w.u32(v as number); break;
        default: w.u64(BigInt(v));
      }
    }
  }
}
