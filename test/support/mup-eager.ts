/**
 * The BGP-MUP NLRI decoder as it was before the lazy view (families/mup/view.ts): every field
 * read into a plain object at decode. Frozen here, reachable only from tests, so the view's
 * fields, errors, `strict` refusals and raw fallbacks can be compared with it on the same bytes.
 */
import type { Reader } from '../../src/core/reader.js';
import { RD_LENGTH } from '../../src/core/rd.js';
import { prefixOctets, type Prefix } from '../../src/core/prefix.js';
import type { DecodeOptions, FamilyCodec } from '../../src/registry/family.js';
import { MUP_ARCH_3GPP_5G, type MupNlri } from '../../families/mup/model.js';

const TRUNCATED = 'mup: truncated data';

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

/** `codec` with the eager decoder in place of the view's (same name, encoder and JSON). */
export function eagerCodec(codec: FamilyCodec<MupNlri>): FamilyCodec<MupNlri> {
  const v6 = codec.afi === 2;
  return { ...codec, decode: (r, opts) => decodeMup(r, opts, v6), verbatim: undefined };
}
