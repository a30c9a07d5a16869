/**
 * RTC model → Ze's JSON text (Go `json.Marshal` of a map: keys sorted).
 *
 *   {"is-default":false,"origin-as":65001,"route-target":"65001:100"}
 *
 * - `is-default`: the zero-length prefix (RFC 4684 §4). Ze decides it from the values (all
 *   zero), which calls an all-zero /96 the default; see docs/ze-compat.md.
 * - `route-target` of a whole route target (/96): Ze's text, chosen by the type's high octet
 *   only (RFC 4360 §3.1 layouts): 0x00 `<2-octet AS>:<4-octet number>`, 0x01 `<IPv4>:<2-octet
 *   number>`, 0x02 `<4-octet AS>:<2-octet number>`, others `rt-type<type>:<12 lower-case hex>`.
 * - `route-target` of a partial one (RFC 4684 §4: a /32../95 prefix covers every route target
 *   that starts with its bits): the bits the prefix has, and only those, the same way for every
 *   type octet: `0x<the carried octets in hex>/<bits>`, bits after the length cleared:
 *   `0x01/8` for a /40 with type octet 0x01, `0x0180/9` for a /41, `0x/0` for a /32 (origin AS
 *   only). Ze fills the missing octets with zeros and prints a whole route target (`0.0.0.0:0`,
 *   `0:0`, `rt-type768:000000000000` by the type octet), which no NLRI of that length can say.
 * - `prefix-length` (new, ze-nlri): added only for a partial route target (32..95 bits).
 */
import { ipv4ToString } from '../../src/core/ip.js';
import type { JsonWriter } from '../../src/core/json.js';
import { rtOctets, RtcView, type RtcNlri } from './model.js';

const rt = new Uint8Array(8);

function hex2(v: number): string {
  return (v < 16 ? '0' : '') + v.toString(16);
}

/** Ze's route-target text of the 8 octets in `b` (big-endian fields). */
export function zeRouteTargetText(b: Uint8Array): string {
  const type = (b[0]! << 8) | b[1]!;
  switch (b[0]) {
    case 0x00:
      return ((b[2]! << 8) | b[3]!) + ':' + (((b[4]! << 24) >>> 0) + ((b[5]! << 16) | (b[6]! << 8) | b[7]!));
    case 0x01:
      return ipv4ToString(b, 2) + ':' + ((b[6]! << 8) | b[7]!);
    case 0x02:
      return (((b[2]! << 24) >>> 0) + ((b[3]! << 16) | (b[4]! << 8) | b[5]!)) + ':' + ((b[6]! << 8) | b[7]!);
    default: {
      let h = '';
      for (let i = 2; i < 8; i++) h += hex2(b[i]!);
      return 'rt-type' + type + ':' + h;
    }
  }
}

/** The route target as the prefix gives it: zero-filled to 8 octets, bits after the length cleared. */
export function routeTargetOctets(m: RtcNlri, out: Uint8Array = new Uint8Array(8)): Uint8Array {
  out.fill(0);
  const len = m.prefixLength;
  const k = Math.min(rtOctets(len), m.routeTarget.length);
  if (m instanceof RtcView) for (let i = 0; i < k; i++) out[i] = m._b[m._p + 4 + i]!;
  else for (let i = 0; i < k; i++) out[i] = m.routeTarget[i]!;
  const rem = len & 7;
  if (rem !== 0 && k > 0) out[k - 1]! &= 0xff << (8 - rem);
  return out;
}

/** `0x<hex>/<bits>`: the route-target bits a partial (/32../95) prefix carries. */
export function partialRouteTargetText(m: RtcNlri): string {
  const len = m.prefixLength;
  const b = routeTargetOctets(m, rt);
  let h = '0x';
  for (let i = 0, k = rtOctets(len); i < k; i++) h += hex2(b[i]!);
  return h + '/' + (len - 32);
}

/** The `route-target` text: Ze's for a whole route target (and the default), else the partial form. */
export function routeTargetText(m: RtcNlri): string {
  const len = m.prefixLength;
  return len === 0 || len === 96 ? zeRouteTargetText(routeTargetOctets(m, rt)) : partialRouteTargetText(m);
}

export function rtcJson(m: RtcNlri, j: JsonWriter): void {
  const len = m.prefixLength;
  j.beginObject();
  j.keyRaw('is-default').bool(len === 0);
  j.keyRaw('origin-as').number(m.originAs);
  if (len !== 0 && len !== 96) j.keyRaw('prefix-length').number(len);
  j.keyRaw('route-target').stringRaw(routeTargetText(m));
  j.endObject();
}
