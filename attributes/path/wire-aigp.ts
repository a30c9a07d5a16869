/**
 * AIGP (26) value bytes <-> `Aigp`, RFC 7311 §3.
 *
 * TLVs of <type 1 octet, length 2 octets (the whole TLV, header included, so at least 3), value>.
 * Type 1 is the AIGP TLV: length 11, an 8-octet metric. Other types are kept raw and written back.
 * Malformed (RFC 7311 §3.3 handles it as attribute discard): a header or value overrun
 * (`truncated`), a TLV length below 3 (`bad-length` at the length field), an AIGP TLV whose length
 * is not 11 (`bad-length` at its length field); strict: a second AIGP TLV (`malformed`, RFC 7311
 * §3.1 allows one).
 */
import { modelError, safeString } from '../../src/core/errors.js';
import type { Reader } from '../../src/core/reader.js';
import type { Writer } from '../../src/core/writer.js';
import { AIGP_TLV_METRIC, isAigpMetric, type Aigp, type AigpTlv } from './model.js';

export function decodeAigp(r: Reader, strict: boolean): Aigp {
  const tlvs: AigpTlv[] = [];
  let metrics = 0;
  while (r.pos < r.end) {
    const start = r.pos;
    r.need(3, 'AIGP TLV header');
    const type = r.u8();
    const len = r.u16();
    if (len < 3) r.fail('bad-length', `AIGP TLV length ${len}: counts its 3-octet header, so at least 3`, start + 1);
    if (type === AIGP_TLV_METRIC) {
      if (len !== 11) r.fail('bad-length', `AIGP TLV length ${len}, must be 11 (RFC 7311 §3.1)`, start + 1);
      if (strict && metrics > 0) r.fail('malformed', 'second AIGP TLV (RFC 7311 §3.1)', start);
      metrics++;
      r.need(8, 'AIGP metric');
      tlvs.push({ type: AIGP_TLV_METRIC, metric: r.u64() });
    } else {
      tlvs.push({ type, raw: r.bytes(len - 3, `AIGP TLV ${type} value`) });
    }
  }
  return { tlvs };
}

export function aigpEncodingLength(m: Aigp): number {
  let n = 0;
  for (const t of m.tlvs) n += isAigpMetric(t) ? 11 : 3 + t.raw.length;
  return n;
}

export function encodeAigp(m: Aigp, w: Writer): void {
  for (const t of m.tlvs) {
    if (isAigpMetric(t)) {
      if (typeof t.metric !== 'bigint' || t.metric < 0n || t.metric > 0xffffffffffffffffn) modelError(`AIGP metric ${safeString(t.metric)} is not an unsigned 64-bit integer`);
      w.u8(AIGP_TLV_METRIC);
      w.u16(11);
      w.u64(t.metric);
    } else {
      if (!Number.isInteger(t.type) || t.type < 0 || t.type > 255 || t.type === AIGP_TLV_METRIC) modelError(`AIGP TLV type ${t.type}: 0..255, and 1 carries a metric`);
      if (!(t.raw instanceof Uint8Array) || t.raw.length > 0xffff - 3) modelError(`AIGP TLV ${t.type}: value of 0..65532 octets`);
      w.u8(t.type);
      w.u16(t.raw.length + 3);
      w.bytes(t.raw);
    }
  }
}
