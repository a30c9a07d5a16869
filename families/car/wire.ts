/**
 * BGP CAR / VPN CAR NLRI bytes ↔ model (RFC 9871; layouts from draft-ietf-idr-bgp-car §2.9.1,
 * §2.9.2 and §8 "VPN CAR", see docs/families/car.md for where the text left a choice open):
 *
 *   NLRI Length (1, octets after itself) | Key Length (1) | NLRI Type (1) | key | non-key TLVs
 *   type 1 key:  Prefix Length (1, bits) | [RD (8), VPN CAR] | prefix octets | Color (4)
 *   type 2 key:  Prefix Length (1, bits) | [RD (8), VPN CAR] | prefix octets
 *   TLV:         Type (1: R | T | 6-bit code) | Length (1) | Value
 *
 * Errors (§2.10 "AFI/SAFI disable or session reset" cases, always refused): an NLRI Length below
 * 2 or past the input, a Key Length above NLRI Length − 2, a key whose length conflicts with its
 * prefix length, a prefix length above 32 / 128.
 * §2.10 "treat-as-withdraw" cases (a TLV running past the NLRI, one octet left): `strict`
 * refuses them (`malformed`); by default the octets are kept raw in `rest` (lossless, written
 * back as they are), and NLRI Length still locates the next NLRI.
 * TLV length rules (Label: multiple of 3; Label Index: 7; SRv6 SID: 1..15 or a multiple of 16):
 * `strict` refuses a TLV that breaks them; by default it is kept and its value shown raw
 * (§2.10: such a TLV is discarded by the route's user, not by the parser). Several TLVs of one
 * type are all kept (§2.10: the first one counts). Unknown TLV codes and unknown NLRI types are
 * kept raw. RFC 4760 §5: NLRIs follow each other; the core loops and reads ADD-PATH ids.
 */
import { modelError, NlriError } from '../../src/core/errors.js';
import { prefixOctets } from '../../src/core/prefix.js';
import type { Reader } from '../../src/core/reader.js';
import type { Writer } from '../../src/core/writer.js';
import type { DecodeOptions } from '../../src/registry/family.js';
import { CAR_TYPE_COLOR_AWARE, isKnownType, isUnparsed, type CarNlri, type CarRoute, type CarTlv } from './model.js';
import { tlvProblem } from './tlv.js';

/** Octets of the key besides the prefix octets: prefix length, RD (VPN), color (type 1). */
export function keyOverhead(nlriType: number, vpn: boolean): number {
  return 1 + (vpn ? 8 : 0) + (nlriType === CAR_TYPE_COLOR_AWARE ? 4 : 0);
}

/** Decode one CAR NLRI at `r.pos`. */
export function decodeCar(r: Reader, opts: DecodeOptions, v6: boolean, vpn: boolean): CarNlri {
  const b = r.buf;
  const start = r.pos;
  const nlriLen = r.u8('CAR NLRI length');
  if (nlriLen > r.remaining) r.fail('truncated', `CAR NLRI length ${nlriLen} exceeds the ${r.remaining} bytes left`, start);
  if (nlriLen < 2) r.fail('bad-length', `CAR NLRI length ${nlriLen} is below 2 (Key Length and NLRI Type)`, start);
  const end = r.pos + nlriLen;
  const keyLen = b[r.pos]!;
  const nlriType = b[r.pos + 1]!;
  if (keyLen > nlriLen - 2) r.fail('bad-length', `CAR key length ${keyLen} exceeds NLRI length ${nlriLen} − 2`, start + 1);
  const k = r.pos + 2;
  const keyEnd = k + keyLen;
  let m: { -readonly [K in keyof CarNlri]: CarNlri[K] };
  if (isKnownType(nlriType)) {
    if (keyLen < 1) r.fail('bad-length', `CAR NLRI type ${nlriType}: key length 0 has no prefix length`, start + 1);
    const plen = b[k]!;
    const max = v6 ? 128 : 32;
    if (plen > max) r.fail('bad-length', `CAR prefix length ${plen} exceeds ${max}`, k);
    const want = keyOverhead(nlriType, vpn) + prefixOctets(plen);
    if (keyLen !== want) r.fail('bad-length', `CAR NLRI type ${nlriType}: key length ${keyLen} conflicts with prefix length ${plen} (needs ${want})`, start + 1);
    let p = k + 1;
    m = { v6, vpn, nlriType, tlvs: [] };
    if (vpn) {
      m.rd = b.subarray(p, p + 8);
      p += 8;
    }
    const n = prefixOctets(plen);
    m.prefix = { v6, len: plen, addr: b.subarray(p, p + n) };
    p += n;
    if (nlriType === CAR_TYPE_COLOR_AWARE) m.color = b[p]! * 0x1000000 + ((b[p + 1]! << 16) | (b[p + 2]! << 8) | b[p + 3]!);
    const tlvs: CarTlv[] = [];
    let q = keyEnd;
    while (end - q >= 2) {
      const len = b[q + 1]!;
      if (q + 2 + len > end) break;
      const t: CarTlv = { type: b[q]!, value: b.subarray(q + 2, q + 2 + len) };
      if (opts.strict) {
        const bad = tlvProblem(t);
        if (bad) r.fail('malformed', bad, q);
      }
      tlvs.push(t);
      q += 2 + len;
    }
    if (q < end) {
      if (opts.strict) r.fail('malformed', end - q === 1 ? 'one octet left where a TLV needs 2 (RFC 9871 error handling)' : `TLV length ${b[q + 1]} runs past the NLRI (RFC 9871 error handling)`, q);
      m.rest = b.subarray(q, end);
    }
    m.tlvs = tlvs;
  } else {
    m = { v6, vpn, nlriType, key: b.subarray(k, keyEnd), tlvs: [] };
    if (keyEnd < end) m.rest = b.subarray(keyEnd, end);
  }
  r.pos = end;
  return m;
}

/** The lossless record: the rest of the input from the NLRI that failed. */
export function recoverCar(r: Reader, start: number): CarRoute {
  const raw = r.buf.subarray(start, r.end);
  r.pos = r.end;
  return { parsed: false, raw };
}

function bytesField(v: unknown, what: string, family: string): Uint8Array {
  if (!(v instanceof Uint8Array)) modelError(`${what} must be bytes`, family);
  return v;
}

/** Key Length of a model (checked). */
function keyLength(m: CarNlri, v6: boolean, vpn: boolean, family: string): number {
  if (!Array.isArray(m.tlvs)) modelError('tlvs must be an array (empty when there are none)', family);
  if (m.v6 !== v6 || m.vpn !== vpn) modelError(`model is for ${m.v6 ? 'IPv6' : 'IPv4'} ${m.vpn ? 'VPN CAR' : 'CAR'}, family ${family}`, family);
  const t = m.nlriType;
  if (!Number.isInteger(t) || t < 0 || t > 255) modelError(`NLRI type ${t} is not an octet`, family);
  if (!isKnownType(t)) {
    const key = bytesField(m.key, 'key of an unknown NLRI type', family);
    if (m.tlvs.length > 0) modelError(`NLRI type ${t}: non-key TLVs are read only for types 1 and 2; give them as rest`, family);
    return key.length;
  }
  const p = m.prefix;
  if (!p) modelError(`NLRI type ${t} needs a prefix`, family);
  if (p.v6 !== v6) modelError(`prefix is ${p.v6 ? 'IPv6' : 'IPv4'}, family ${family} needs ${v6 ? 'IPv6' : 'IPv4'}`, family);
  if (!Number.isInteger(p.len) || p.len < 0 || p.len > (v6 ? 128 : 32)) modelError(`prefix length ${p.len} out of range`, family);
  if (vpn && bytesField(m.rd, 'rd', family).length !== 8) modelError(`route distinguisher must be 8 bytes, got ${m.rd!.length}`, family);
  if (!vpn && m.rd !== undefined) modelError('a CAR (SAFI 83) NLRI has no route distinguisher', family);
  if (t === CAR_TYPE_COLOR_AWARE) {
    const c = m.color;
    if (c === undefined || !Number.isInteger(c) || c < 0 || c > 0xffffffff) modelError(`color must be a 32-bit unsigned integer, got ${c}`, family);
  } else if (m.color !== undefined) modelError('an IP Prefix (type 2) NLRI has no color', family);
  return keyOverhead(t, vpn) + prefixOctets(p.len);
}

/** Exact encoded size; checks the model first (fields, TLV sizes, the 255-octet length). */
export function carEncodingLength(m: CarRoute, v6: boolean, vpn: boolean, family: string): number {
  if (isUnparsed(m)) return m.raw.length;
  const kl = keyLength(m, v6, vpn, family);
  let n = 2 + kl;
  for (const t of m.tlvs) {
    if (!Number.isInteger(t.type) || t.type < 0 || t.type > 255) modelError(`TLV type ${t.type} is not an octet`, family);
    const v = bytesField(t.value, 'TLV value', family);
    if (v.length > 255) throw new NlriError('too-long', `TLV value of ${v.length} octets exceeds 255`, family, -1);
    n += 2 + v.length;
  }
  if (m.rest !== undefined) n += bytesField(m.rest, 'rest', family).length;
  if (kl > 255 || n > 255) throw new NlriError('too-long', `CAR NLRI length ${n} octets exceeds 255`, family, -1);
  return 1 + n;
}

export function encodeCar(m: CarRoute, w: Writer): void {
  if (isUnparsed(m)) {
    w.bytes(m.raw);
    return;
  }
  const lenAt = w.pos;
  w.u8(0);
  if (isKnownType(m.nlriType)) {
    const p = m.prefix!;
    const octets = prefixOctets(p.len);
    w.u8(keyOverhead(m.nlriType, m.vpn) + octets);
    w.u8(m.nlriType);
    w.u8(p.len);
    if (m.vpn) w.bytes(m.rd!);
    if (p.addr.length >= octets) w.bytes(p.addr.subarray(0, octets));
    else {
      w.bytes(p.addr);
      w.zeros(octets - p.addr.length);
    }
    if (m.color !== undefined) w.u32(m.color);
    for (const t of m.tlvs) {
      w.u8(t.type);
      w.u8(t.value.length);
      w.bytes(t.value);
    }
  } else {
    w.u8(m.key!.length);
    w.u8(m.nlriType);
    w.bytes(m.key!);
  }
  if (m.rest) w.bytes(m.rest);
  w.buf[lenAt] = w.pos - lenAt - 1;
}
