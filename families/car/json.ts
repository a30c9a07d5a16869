/**
 * CAR model → Ze-style JSON text (kebab-case keys, byte-wise sorted like Go's map marshalling).
 *
 *   {"color":100,"nlri-type":1,"prefix":"192.0.2.1/32","tlvs":[{"labels":[16001],"type":1}]}
 *   {"nlri-type":2,"prefix":"2001:db8::1/128","rd":"0:65000:1","tlvs":[…]}      (VPN CAR, type 2)
 *   {"key":"<HEX>","nlri-type":9,"rest":"<HEX>"}                               (unknown type)
 *
 * - `prefix`: the bits after the length cleared (RFC 4271 §4.3); the model keeps them.
 * - `rd`: RFC 4364 §4.2 text (core rd.ts). `tlvs` left out when there are none (withdrawals:
 *   RFC 9871, the non-key part is omitted in MP_UNREACH_NLRI).
 * - TLV objects: `type` is the 6-bit code; `transitive: true` when the T bit is set and
 *   `reserved-bit: true` when the R bit is; then by code, when the value is canonical:
 *   Label `labels` (numbers, outermost first), Label Index `flags` + `label-index` (+ `reserved`
 *   when not 0), SRv6 SID `sids` (IPv6 text) or `transposition` (hex). Anything else: `value`
 *   (hex), so that no bit of a TLV is left out.
 * - `rest`: hex of the non-key octets that are not whole TLVs.
 * - `{"parsed":false,"raw":"<HEX>"}` for what did not parse (lossless decodes).
 */
import { toHex } from '../../src/core/hex.js';
import { ipv6ToString } from '../../src/core/ip.js';
import type { JsonWriter } from '../../src/core/json.js';
import { maskedPrefixText } from '../../src/core/prefix-text.js';
import { rdToString } from '../../src/core/rd.js';
import { isUnparsed, TLV_R_BIT, TLV_T_BIT, type CarRoute, type CarTlv } from './model.js';
import { labelIndexOf, labelsOf, srv6Of, typeCode } from './tlv.js';

export function tlvJson(t: CarTlv, j: JsonWriter): void {
  j.beginObject();
  const labels = labelsOf(t);
  const li = labels ? undefined : labelIndexOf(t);
  const s6 = labels || li ? undefined : srv6Of(t);
  if (li) {
    j.keyRaw('flags').number(li.flags);
    j.keyRaw('label-index').number(li.index);
  }
  if (labels) j.keyRaw('labels').numbers(labels);
  if (li && li.reserved !== 0) j.keyRaw('reserved').number(li.reserved);
  if (t.type & TLV_R_BIT) j.keyRaw('reserved-bit').bool(true);
  if (s6?.sids) {
    j.keyRaw('sids').beginArray();
    for (const s of s6.sids) j.stringRaw(ipv6ToString(s));
    j.endArray();
  }
  if (t.type & TLV_T_BIT) j.keyRaw('transitive').bool(true);
  if (s6?.transposition) j.keyRaw('transposition').stringRaw(toHex(s6.transposition));
  j.keyRaw('type').number(typeCode(t));
  if (!labels && !li && !s6) j.keyRaw('value').stringRaw(toHex(t.value));
  j.endObject();
}

export function carJson(m: CarRoute, j: JsonWriter): void {
  j.beginObject();
  if (isUnparsed(m)) {
    j.keyRaw('parsed').bool(false);
    j.keyRaw('raw').stringRaw(toHex(m.raw));
    j.endObject();
    return;
  }
  if (m.color !== undefined) j.keyRaw('color').number(m.color);
  if (m.key) j.keyRaw('key').stringRaw(toHex(m.key));
  j.keyRaw('nlri-type').number(m.nlriType);
  const p = m.prefix;
  if (p) j.keyRaw('prefix').stringRaw(maskedPrefixText(m.v6, p.addr, 0, p.len));
  if (m.rd) j.keyRaw('rd').stringRaw(rdToString(m.rd));
  if (m.rest && m.rest.length > 0) j.keyRaw('rest').stringRaw(toHex(m.rest));
  if (m.tlvs.length > 0) {
    j.keyRaw('tlvs').beginArray();
    for (const t of m.tlvs) tlvJson(t, j);
    j.endArray();
  }
  j.endObject();
}
