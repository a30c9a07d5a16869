/**
 * BGP-MUP NLRI wire format, draft-ietf-bess-mup-safi-00 §3.1:
 *
 *   architecture type (1) | route type (2) | length (1) | route-type-specific (length octets)
 *
 * 3gpp-5g (architecture 1) route types: §3.1.1 ISD (RD, prefix length, prefix), §3.1.2 DSD
 * (RD, address 4/16), §3.1.3 + §3.1.3.1 T1ST (RD, prefix length, prefix, TEID 4, QFI 1,
 * endpoint length, endpoint, source length, source), §3.1.4 + §3.1.4.1 T2ST (RD, endpoint
 * length = address bits + TEID bits, endpoint address, TEID 0-4 octets).
 *
 * Ze accepts any architecture, route type and data; so does this codec by default, keeping data
 * it cannot read by the draft's layout as `raw`. It also reads Ze's own T1ST encodings, which
 * end after the QFI or the endpoint (Ze writes no endpoint/source length when not configured).
 * With `strict`, what the draft calls malformed is an error: unknown types, data not in layout,
 * prefix or address sizes that do not match the AFI, a TEID of 0, T1ST without its length octets.
 */
import type { Reader } from '../../src/core/reader.js';
import type { Writer } from '../../src/core/writer.js';
import { modelError, safeString } from '../../src/core/errors.js';
import { RD_LENGTH } from '../../src/core/rd.js';
import { prefixOctets, writePrefixOctets, type Prefix } from '../../src/core/prefix.js';
import type { DecodeOptions } from '../../src/registry/family.js';
import type { WireSpan } from '../../src/registry/family.js';
import { MUP_ARCH_3GPP_5G, type MupNlri, type MupRoute } from './model.js';
import { MupView, VIEW_DSD, VIEW_ISD, VIEW_RAW, VIEW_T1ST, VIEW_T2ST, VIEW_V6, t2stAddrSize } from './view.js';

export const TRUNCATED = 'mup: truncated data';

/** Why the last `kindOf` returned -1 (one string, no union return). */
let why = '';

function no(reason: string): number {
  why = reason;
  return -1;
}

/**
 * Decode one NLRI at `r.pos`; `v6` is the family's AFI (2). Every byte is checked here; the
 * answer is a `MupView` over the input (view.ts) of the kind the data reads as, `raw` when it
 * does not read by the draft's layout (an error with `strict`).
 */
export function decodeMup(r: Reader, opts: DecodeOptions, v6: boolean): MupNlri {
  const b = r.buf;
  const s = r.pos;
  if (r.end - s < 4) r.fail('truncated', TRUNCATED);
  const e = s + 4 + b[s + 3]!;
  if (e > r.end) r.fail('truncated', TRUNCATED, s);
  const strict = opts.strict === true;
  let k = b[s] === MUP_ARCH_3GPP_5G ? kindOf(b, s, e, v6, strict) : no('unknown architecture type ' + b[s]);
  if (k < 0) {
    if (strict) r.fail(why.startsWith('unknown') ? 'unknown-type' : 'malformed', `mup: ${why}`, s);
    k = VIEW_RAW;
  }
  r.pos = e;
  return new MupView(b, s, e, v6 ? k | VIEW_V6 : k) as unknown as MupNlri;
}

/** One past the prefix (length octet and octets) at `p`, or -1 (`why`). */
function prefixEnd(b: Uint8Array, p: number, e: number, v6: boolean, strict: boolean): number {
  if (p >= e) return no('prefix length missing');
  const len = b[p]!;
  if (len > 128 || (strict && len > (v6 ? 128 : 32))) return no(`prefix length ${len} too long for the AFI`);
  const n = prefixOctets(len);
  if (e - p - 1 < n) return no('prefix cut short');
  return p + 1 + n;
}

/** One past an address after its length octet in bits (32 or 128; also 0 when `zero`) at `p`, or -1 (`why`, after `what`). */
function sizedAddrEnd(b: Uint8Array, p: number, e: number, zero: boolean, what: string): number {
  const bits = b[p]!;
  if (bits !== 32 && bits !== 128 && !(zero && bits === 0)) return no(`${what} address length ${bits}`);
  if (e - p - 1 < bits >>> 3) return no(`${what} address cut short`);
  return p + 1 + (bits >>> 3);
}

/** The view kind of 3gpp-5g route-type-specific data `s+4..e` (the NLRI at `s`), or -1 (`why`). */
function kindOf(b: Uint8Array, s: number, e: number, v6: boolean, strict: boolean): number {
  const routeType = (b[s + 1]! << 8) | b[s + 2]!;
  if (routeType < 1 || routeType > 4) return no('unknown route type ' + routeType);
  let p = s + 4 + RD_LENGTH;
  if (p > e) return no('no room for the RD');
  const afiSize = v6 ? 16 : 4;
  switch (routeType) {
    case 1: {
      p = prefixEnd(b, p, e, v6, strict);
      if (p < 0) return -1;
      return p === e ? VIEW_ISD : no('bytes after the ISD prefix');
    }
    case 2: {
      const n = e - p;
      if (n !== 4 && n !== 16) return no(`DSD address of ${n} bytes`);
      if (strict && n !== afiSize) return no(`DSD address of ${n} bytes under this AFI`);
      return VIEW_DSD;
    }
    case 3: {
      p = prefixEnd(b, p, e, v6, strict);
      if (p < 0) return -1;
      if (e - p < 5) return no('T1ST without TEID and QFI');
      if (strict && (b[p]! | b[p + 1]! | b[p + 2]! | b[p + 3]!) === 0) return no('T1ST TEID 0');
      p += 5;
      if (p === e) return strict ? no('T1ST without endpoint') : VIEW_T1ST;
      p = sizedAddrEnd(b, p, e, false, 'T1ST endpoint');
      if (p < 0) return -1;
      if (p === e) return strict ? no('T1ST without source length') : VIEW_T1ST;
      p = sizedAddrEnd(b, p, e, true, 'T1ST source');
      if (p < 0) return -1;
      return p === e ? VIEW_T1ST : no('bytes after the T1ST source');
    }
    default: {
      if (p >= e) return no('T2ST without endpoint length');
      const bitsTotal = b[p++]!;
      const rest = e - p;
      // Of the two sizes only one can fit: 4 wants 32..64 bits, 16 wants 128..160.
      const size = t2stAddrSize(bitsTotal);
      const teidLength = bitsTotal - size * 8;
      const n = prefixOctets(teidLength);
      if (teidLength < 0 || teidLength > 32 || rest !== size + n) return no(`T2ST endpoint length ${bitsTotal} with ${rest} bytes`);
      if (strict && size !== afiSize) return no(`T2ST endpoint of ${size} bytes under this AFI`);
      if (strict && n > 0) {
        let any = 0;
        for (let i = p + size; i < e; i++) any |= b[i]!;
        if (any === 0) return no('T2ST TEID 0');
      }
      return VIEW_T2ST;
    }
  }
}

const TYPE_OF_KIND = { isd: 1, dsd: 2, t1st: 3, t2st: 4 } as const;

function addrLen(a: Uint8Array | undefined, what: string, zero = false): number {
  if (!(a instanceof Uint8Array) || !(a.length === 4 || a.length === 16 || (zero && a.length === 0))) {
    modelError(`mup: ${what} must be ${zero ? '0, ' : ''}4 or 16 bytes`);
  }
  return a.length;
}

function prefixLen(p: Prefix | undefined): number {
  if (!p || !Number.isInteger(p.len) || p.len < 0 || p.len > (p.v6 ? 128 : 32) || !(p.addr instanceof Uint8Array)) {
    modelError('mup: prefix length must be 0..32 (IPv4) or 0..128 (IPv6)');
  }
  return 1 + prefixOctets(p.len);
}

function intIn(n: number, lo: number, hi: number, what: string): void {
  if (!Number.isInteger(n) || n < lo || n > hi) modelError(`mup: ${what} must be an integer ${lo}..${hi}`);
}

/**
 * The largest T2ST TEID of 0-3 octets, 2^(8·n) - 1 (a table: `2 ** x` with a variable exponent
 * is a slow call on Node 20, ~50 ns).
 */
const TEID_MAX = [0, 0xff, 0xffff, 0xffffff];

/** Bytes of the route-type-specific data (checks the model). */
function dataLength(m: MupRoute): number {
  intIn(m.archType, 0, 255, 'arch-type');
  intIn(m.routeType, 0, 0xffff, 'route-type');
  if (m.kind === 'raw') {
    if (!(m.raw instanceof Uint8Array)) modelError('mup: raw must be bytes');
    return m.raw.length;
  }
  const t = TYPE_OF_KIND[m.kind];
  if (t === undefined) modelError(`mup: unknown route kind ${safeString((m as { kind: unknown }).kind)}`);
  if (m.archType !== MUP_ARCH_3GPP_5G || m.routeType !== t) modelError(`mup: a ${m.kind} route has arch-type 1 and route-type ${t}`);
  let n = 0;
  if (m.rd !== undefined) {
    if (!(m.rd instanceof Uint8Array) || m.rd.length !== RD_LENGTH) modelError('mup: rd must be 8 bytes');
    n = RD_LENGTH;
  }
  switch (m.kind) {
    case 'isd':
      return n + prefixLen(m.prefix);
    case 'dsd':
      return n + addrLen(m.address, 'address');
    case 't1st':
      n += prefixLen(m.prefix);
      if (m.teid !== undefined) {
        intIn(m.teid, 0, 0xffffffff, 'teid');
        n += 4;
      }
      intIn(m.qfi, 0, 255, 'qfi');
      n += 1;
      if (m.endpoint !== undefined) n += 1 + addrLen(m.endpoint, 'endpoint');
      if (m.source !== undefined) n += 1 + addrLen(m.source, 'source', true);
      return n;
    case 't2st': {
      const size = addrLen(m.endpoint, 'endpoint');
      intIn(m.teidLength, -size * 8, 255 - size * 8, 'teid-length');
      const octets = m.teidLength > 0 ? prefixOctets(m.teidLength) : 0;
      const max = octets >= 4 ? 0xffffffff : TEID_MAX[octets]!;
      if (!(Number.isInteger(m.teid) && m.teid >= 0 && m.teid <= max)) intIn(m.teid, 0, max, `teid of ${octets} octets`); // the text made only to fail
      return n + 1 + size + octets;
    }
  }
}

/** `FamilyCodec.verbatim`: a view as decoded is its input bytes (view.ts `_copiable`). */
export function mupVerbatim(m: MupRoute, span: WireSpan): boolean {
  if (!(m instanceof MupView) || !m._copiable()) return false;
  span.buf = m._b;
  span.start = m._s;
  span.end = m._e;
  return true;
}

/** Exact bytes of the NLRI (header and data); checks the model. */
export function mupEncodingLength(m: MupRoute): number {
  if (m instanceof MupView && m._copiable()) return m._e - m._s;
  const n = dataLength(m);
  if (n > 255) modelError(`mup: route-type-specific data of ${n} bytes exceeds 255`);
  return 4 + n;
}

function writePrefix(w: Writer, p: Prefix): void {
  w.u8(p.len);
  writePrefixOctets(w, p);
}

function writeAddr(w: Writer, a: Uint8Array): void {
  w.u8(a.length * 8);
  w.bytes(a);
}

/**
 * Write the NLRI; `mupEncodingLength` must have accepted it. The length octet is written after
 * the data, from the octets written, so the model is not measured a second time.
 */
export function encodeMup(m: MupRoute, w: Writer): void {
  if (m instanceof MupView && m._copiable()) {
    w.range(m._b, m._s, m._e); // header, length and data, as decoded
    return;
  }
  w.u8(m.archType);
  w.u16(m.routeType);
  const lenAt = w.pos;
  w.u8(0);
  writeData(m, w);
  w.buf[lenAt] = w.pos - lenAt - 1;
}

function writeData(m: MupRoute, w: Writer): void {
  if (m.kind === 'raw') {
    w.bytes(m.raw);
    return;
  }
  if (m.rd !== undefined) w.bytes(m.rd);
  switch (m.kind) {
    case 'isd':
      writePrefix(w, m.prefix);
      return;
    case 'dsd':
      w.bytes(m.address);
      return;
    case 't1st':
      writePrefix(w, m.prefix);
      if (m.teid !== undefined) w.u32(m.teid);
      w.u8(m.qfi);
      if (m.endpoint !== undefined) writeAddr(w, m.endpoint);
      if (m.source !== undefined) writeAddr(w, m.source);
      return;
    case 't2st': {
      w.u8(m.endpoint.length * 8 + m.teidLength);
      w.bytes(m.endpoint);
      const octets = m.teidLength > 0 ? prefixOctets(m.teidLength) : 0;
      // Ze's layout: octet i is the value shifted right by 8·(octets-1-i); shifts of 32 or more
      // give 0. The TEID is an integer below 2^32 (dataLength), so `>>>` shifts it exactly.
      for (let i = 0; i < octets; i++) {
        const shift = 8 * (octets - 1 - i);
        w.u8(shift >= 32 ? 0 : (m.teid >>> shift) & 0xff);
      }
      return;
    }
  }
}
