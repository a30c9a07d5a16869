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
import { modelError } from '../../src/core/errors.js';
import { RD_LENGTH } from '../../src/core/rd.js';
import { prefixOctets, writePrefixOctets, type Prefix } from '../../src/core/prefix.js';
import type { DecodeOptions } from '../../src/registry/family.js';
import { MUP_ARCH_3GPP_5G, type MupNlri, type MupRoute } from './model.js';

export const TRUNCATED = 'mup: truncated data';

/** Decode one NLRI at `r.pos`; `v6` is the family's AFI (2). */
export function decodeMup(r: Reader, opts: DecodeOptions, v6: boolean): MupNlri {
  if (r.remaining < 4) r.fail('truncated', TRUNCATED);
  const start = r.pos;
  const archType = r.u8();
  const routeType = r.u16();
  const len = r.u8();
  if (len > r.remaining) r.fail('truncated', TRUNCATED, start);
  const old = r.limit(len);
  const data = r.pos;
  const m = archType === MUP_ARCH_3GPP_5G ? decodeData(r, routeType, v6, opts.strict === true) : 'unknown architecture type ' + archType;
  if (typeof m === 'string') {
    if (opts.strict) r.fail(m.startsWith('unknown') ? 'unknown-type' : 'malformed', `mup: ${m}`, start);
    r.pos = data;
    const raw: MupNlri = { kind: 'raw', archType, routeType, raw: r.bytes(len) };
    r.restore(old);
    return raw;
  }
  r.restore(old);
  return m;
}

function readPrefix(r: Reader, v6: boolean, strict: boolean): Prefix | string {
  if (r.remaining < 1) return 'prefix length missing';
  const len = r.u8();
  if (len > 128 || (strict && len > (v6 ? 128 : 32))) return `prefix length ${len} too long for the AFI`;
  const n = prefixOctets(len);
  if (r.remaining < n) return 'prefix cut short';
  return { v6: v6 || len > 32, len, addr: r.bytes(n) };
}

/** An address after its length octet in bits (32 or 128; also 0 when `zero`). */
function sizedAddr(r: Reader, zero: boolean): Uint8Array | string {
  const bits = r.u8();
  if (bits !== 32 && bits !== 128 && !(zero && bits === 0)) return `address length ${bits}`;
  if (r.remaining < bits >>> 3) return 'address cut short';
  return r.bytes(bits >>> 3);
}

/** Route-type-specific data of architecture 1 (r limited to it): a model or why not. */
function decodeData(r: Reader, routeType: number, v6: boolean, strict: boolean): MupNlri | string {
  if (routeType < 1 || routeType > 4) return 'unknown route type ' + routeType;
  if (r.remaining < RD_LENGTH) return 'no room for the RD';
  const rd = r.bytes(RD_LENGTH);
  const afiSize = v6 ? 16 : 4;
  switch (routeType) {
    case 1: {
      const prefix = readPrefix(r, v6, strict);
      if (typeof prefix === 'string') return prefix;
      if (r.remaining !== 0) return 'bytes after the ISD prefix';
      return { kind: 'isd', archType: 1, routeType: 1, rd, prefix };
    }
    case 2: {
      const n = r.remaining;
      if (n !== 4 && n !== 16) return `DSD address of ${n} bytes`;
      if (strict && n !== afiSize) return `DSD address of ${n} bytes under this AFI`;
      return { kind: 'dsd', archType: 1, routeType: 2, rd, address: r.bytes(n) };
    }
    case 3: {
      const prefix = readPrefix(r, v6, strict);
      if (typeof prefix === 'string') return prefix;
      if (r.remaining < 5) return 'T1ST without TEID and QFI';
      const teid = r.u32();
      const qfi = r.u8();
      if (strict && teid === 0) return 'T1ST TEID 0';
      const m: MupNlri = { kind: 't1st', archType: 1, routeType: 3, rd, prefix, teid, qfi };
      if (r.remaining === 0) return strict ? 'T1ST without endpoint' : m;
      const endpoint = sizedAddr(r, false);
      if (typeof endpoint === 'string') return 'T1ST endpoint ' + endpoint;
      m.endpoint = endpoint;
      if (r.remaining === 0) return strict ? 'T1ST without source length' : m;
      const source = sizedAddr(r, true);
      if (typeof source === 'string') return 'T1ST source ' + source;
      m.source = source;
      return r.remaining === 0 ? m : 'bytes after the T1ST source';
    }
    default: {
      if (r.remaining < 1) return 'T2ST without endpoint length';
      const bitsTotal = r.u8();
      const rest = r.remaining;
      for (const size of v6 ? [16, 4] : [4, 16]) {
        const teidLength = bitsTotal - size * 8;
        if (teidLength < 0 || teidLength > 32) continue;
        const n = prefixOctets(teidLength);
        if (rest !== size + n) continue;
        if (strict && size !== afiSize) return `T2ST endpoint of ${size} bytes under this AFI`;
        const endpoint = r.bytes(size);
        const teid = r.uint(n) as number;
        if (strict && n > 0 && teid === 0) return 'T2ST TEID 0';
        return { kind: 't2st', archType: 1, routeType: 4, rd, endpoint, teidLength, teid };
      }
      return `T2ST endpoint length ${bitsTotal} with ${rest} bytes`;
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

/** Bytes of the route-type-specific data (checks the model). */
function dataLength(m: MupRoute): number {
  intIn(m.archType, 0, 255, 'arch-type');
  intIn(m.routeType, 0, 0xffff, 'route-type');
  if (m.kind === 'raw') {
    if (!(m.raw instanceof Uint8Array)) modelError('mup: raw must be bytes');
    return m.raw.length;
  }
  const t = TYPE_OF_KIND[m.kind];
  if (t === undefined) modelError(`mup: unknown route kind ${String((m as { kind: unknown }).kind)}`);
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
      intIn(m.teid, 0, octets >= 4 ? 0xffffffff : 2 ** (8 * octets) - 1, `teid of ${octets} octets`);
      return n + 1 + size + octets;
    }
  }
}

/** Exact bytes of the NLRI (header and data); checks the model. */
export function mupEncodingLength(m: MupRoute): number {
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
      // Ze's layout: octet i is the value shifted right by 8·(octets-1-i); shifts of 32 or more give 0.
      for (let i = 0; i < octets; i++) {
        const shift = 8 * (octets - 1 - i);
        w.u8(shift >= 32 ? 0 : Math.floor(m.teid / 2 ** shift) & 0xff);
      }
      return;
    }
  }
}
