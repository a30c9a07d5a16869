/**
 * VPN model → Ze's JSON text (Ze's `bgp-nlri-vpn`, Go `json.Marshal` of a map: keys sorted).
 *
 *   {"labels":[[100],[200]],"prefix":"10.0.0.0/24","rd":"0:65000:100"}
 *
 * - `labels`: one single-element array per label, outermost first (RFC 8277 §2.3 order).
 * - `prefix`: Go netip text with the bits after the length cleared (RFC 4271 §4.3: they are
 *   irrelevant; Ze clears them too).
 * - `rd`: RFC 4364 §4.2 types 0/1/2 as `T:A:B`, others `rd-type<T>:<hex>`.
 * - `withdraw`: true, added after Ze's keys, when the label field was the RFC 8277 §2.4
 *   Compatibility field (Ze has no such case: it misreads it as a label); `labels` is then its
 *   label reading (`[[524288]]` for 0x800000, `[[0]]` for 0x000000, `[[value >>> 4]]` else).
 * - `compatibility`: `"0x<6 hex>"`, added last, only for a Compatibility value other than
 *   0x800000 / 0x000000 (read from MP_UNREACH), so that the text tells what the bytes hold.
 * - Ze's `{"parsed":false,"raw":"<HEX>"}` for what did not parse.
 */
import { toHex } from '../../src/core/hex.js';
import { compatibilityText, isCanonicalCompatibility, labelsJsonAt } from '../../src/core/label-scan.js';
import type { JsonWriter } from '../../src/core/json.js';
import { maskedPrefixText } from '../../src/core/prefix-text.js';
import { rdToString } from '../../src/core/rd.js';
import { isUnparsed, VpnView, type VpnRoute } from './model.js';

function labelsJson(labels: readonly number[]): string {
  let s = '[';
  for (let i = 0; i < labels.length; i++) s += (i ? ',[' : '[') + labels[i] + ']';
  return s + ']';
}

export function vpnJson(m: VpnRoute, j: JsonWriter): void {
  j.beginObject();
  if (isUnparsed(m)) {
    j.keyRaw('parsed').bool(false);
    j.keyRaw('raw').stringRaw(toHex(m.raw));
    j.endObject();
    return;
  }
  if (m instanceof VpnView) {
    j.keyRaw('labels').raw(labelsJsonAt(m._b, m._p, m._n, true));
    const rdAt = m._rdAt;
    j.keyRaw('prefix').stringRaw(maskedPrefixText(m.v6, m._b, rdAt + 8, m._len));
    j.keyRaw('rd').stringRaw(rdToString(m._b, rdAt));
  } else {
    j.keyRaw('labels').raw(labelsJson(m.labels));
    j.keyRaw('prefix').stringRaw(maskedPrefixText(m.v6, m.prefix.addr, 0, m.prefix.len));
    j.keyRaw('rd').stringRaw(rdToString(m.rd));
  }
  if (m.withdraw) {
    j.keyRaw('withdraw').bool(true);
    const v = m.compatibility;
    if (v !== undefined && !isCanonicalCompatibility(v)) j.keyRaw('compatibility').stringRaw(compatibilityText(v));
  }
  j.endObject();
}
