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
import { prefixOctets } from '../../src/core/prefix.js';
import type { MupRoute } from './model.js';
import { MupView, VIEW_DETACHED, VIEW_DSD, VIEW_ISD, VIEW_KIND, VIEW_RAW, VIEW_T1ST, VIEW_T2ST, VIEW_V6, t2stAddrSize } from './view.js';

const ZERO_RD = new Uint8Array(8);

export function mupAddrToString(a: Uint8Array): string {
  return a.length === 4 ? ipv4ToString(a) : ipv6ToString(a);
}

export function writeMupJson(m: MupRoute, j: JsonWriter): void {
  if (m instanceof MupView && (m._f & VIEW_DETACHED) === 0) {
    writeViewJson(m, j);
    return;
  }
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

/** The address of `n` (4 or 16) octets at `o`. */
function addrAt(b: Uint8Array, o: number, n: number): string {
  return n === 4 ? ipv4ToString(b, o) : ipv6ToString(b, o);
}

/** The prefix whose length octet is at `o` (what `prefixToString` of the view's `prefix` gives). */
function prefixAt(v: MupView, o: number): string {
  if (v._x !== undefined) return prefixToString(v._x); // made, and perhaps changed in place
  const b = v._b;
  const len = b[o]!;
  const v6 = (v._f & VIEW_V6) !== 0 || len > 32;
  const n = prefixOctets(len);
  return (v6 ? ipv6ToString(b, o + 1, Math.min(n, 16)) : ipv4ToString(b, o + 1, Math.min(n, 4))) + '/' + len;
}

/** `writeMupJson` of a view as decoded, read from its bytes (the same text, no subarrays made). */
function writeViewJson(v: MupView, j: JsonWriter): void {
  const b = v._b;
  const s = v._s;
  const e = v._e;
  const k = v._f & VIEW_KIND;
  const d = s + 12; // after the header and the RD
  j.beginObject();
  if (k === VIEW_DSD) j.keyRaw('address').stringRaw(addrAt(b, d, e - d));
  j.keyRaw('arch-type').number(b[s]!);
  let q = 0; // T1ST: index of the TEID
  let src = -1; // T1ST: index of the source length octet, if any
  switch (k) {
    case VIEW_ISD:
      j.keyRaw('prefix').stringRaw(prefixAt(v, d));
      break;
    case VIEW_T1ST: {
      q = d + 1 + prefixOctets(b[d]!);
      const ep = q + 5;
      if (ep < e) {
        j.keyRaw('endpoint').stringRaw(addrAt(b, ep + 1, b[ep]! >>> 3));
        src = ep + 1 + (b[ep]! >>> 3);
        if (src >= e) src = -1;
      }
      j.keyRaw('prefix').stringRaw(prefixAt(v, d));
      j.keyRaw('qfi').number(b[q + 4]!);
      break;
    }
    case VIEW_T2ST:
      j.keyRaw('endpoint').stringRaw(addrAt(b, d + 1, t2stAddrSize(b[d]!)));
      break;
    case VIEW_RAW:
      j.keyRaw('raw').stringRaw(toHex(b, s + 4, e));
      break;
  }
  if (k !== VIEW_RAW) j.keyRaw('rd').stringRaw(rdToString(b, s + 4));
  else j.keyRaw('rd').stringRaw(e - s - 4 >= 8 ? rdToString(b, s + 4) : rdToString(ZERO_RD));
  j.keyRaw('route-type').number((b[s + 1]! << 8) | b[s + 2]!);
  if (k === VIEW_T1ST) {
    if (src >= 0 && b[src]! > 0) j.keyRaw('source').stringRaw(addrAt(b, src + 1, b[src]! >>> 3));
    j.keyRaw('teid').number(b[q]! * 0x1000000 + ((b[q + 1]! << 16) | (b[q + 2]! << 8) | b[q + 3]!));
  } else if (k === VIEW_T2ST) {
    const bits = b[d]!;
    const size = t2stAddrSize(bits);
    let teid = 0;
    for (let i = d + 1 + size; i < e; i++) teid = teid * 256 + b[i]!;
    j.keyRaw('teid').number(teid);
    j.keyRaw('teid-length').number(bits - size * 8);
  }
  j.endObject();
}
