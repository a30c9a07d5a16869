/**
 * BGP-MUP NLRI → JSON text (draft-ietf-bess-mup-safi-00 §3.1).
 *
 * Ze prints only `{"arch-type":A,"rd":…,"route-type":T}`, its RD taken from the first 8 data
 * bytes (`0:0:0` when there are fewer). ze-nlri keeps those three keys with Ze's values and adds
 * the route-type-specific fields in sorted position: `address` (DSD), `endpoint`, `prefix`,
 * `qfi`, `source`, `teid`, `teid-length` (T2ST: TEID bits after the endpoint address), and
 * `raw` (upper-case hex of the whole route-type-specific data) for data it keeps whole.
 */
import type { JsonWriter } from '../../src/core/json.js';
import { toHex } from '../../src/core/hex.js';
import { ipv4ToString, ipv6ToString } from '../../src/core/ip.js';
import { prefixToString } from '../../src/core/prefix.js';
import { rdToString } from '../../src/core/rd.js';
import type { MupRoute } from './model.js';

const ZERO_RD = new Uint8Array(8);

export function mupAddrToString(a: Uint8Array): string {
  return a.length === 4 ? ipv4ToString(a) : ipv6ToString(a);
}

export function writeMupJson(m: MupRoute, j: JsonWriter): void {
  j.beginObject();
  if (m.kind === 'dsd') j.keyRaw('address').stringRaw(mupAddrToString(m.address));
  j.keyRaw('arch-type').number(m.archType);
  switch (m.kind) {
    case 'isd':
      j.keyRaw('prefix').stringRaw(prefixToString(m.prefix));
      break;
    case 't1st':
      if (m.endpoint !== undefined) j.keyRaw('endpoint').stringRaw(mupAddrToString(m.endpoint));
      j.keyRaw('prefix').stringRaw(prefixToString(m.prefix));
      j.keyRaw('qfi').number(m.qfi);
      break;
    case 't2st':
      j.keyRaw('endpoint').stringRaw(mupAddrToString(m.endpoint));
      break;
    case 'raw':
      j.keyRaw('raw').stringRaw(toHex(m.raw));
      break;
  }
  if (m.kind === 'raw') j.keyRaw('rd').stringRaw(rdToString(m.raw.length >= 8 ? m.raw : ZERO_RD));
  else if (m.rd !== undefined) j.keyRaw('rd').stringRaw(rdToString(m.rd));
  j.keyRaw('route-type').number(m.routeType);
  if (m.kind === 't1st') {
    if (m.source !== undefined && m.source.length > 0) j.keyRaw('source').stringRaw(mupAddrToString(m.source));
    if (m.teid !== undefined) j.keyRaw('teid').number(m.teid);
  } else if (m.kind === 't2st') {
    j.keyRaw('teid').number(m.teid);
    j.keyRaw('teid-length').number(m.teidLength);
  }
  j.endObject();
}
