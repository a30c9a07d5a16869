/**
 * Extended communities (RFC 4360 §2, and the sub-types of extended-wire.ts) as JSON.
 *
 * Ze's `ze bgp decode --update --json` writes each community as `{"string":S,"value":V}`, V the
 * 8 octets as an unsigned 64-bit integer and S by type/sub-type: 0x0002 `target:ASN:N`, 0x0003
 * `origin:ASN:N`, 0x8006 `rate-limit:R`, 0x8007 `traffic-action`, 0x8008 `redirect:ASN:N`,
 * 0x8009 `mark:D`, anything else `0xTTSS:<12 lower-case hex>`. ze-nlri keeps both keys and adds,
 * in sorted position, keys that say what the octets mean (`kind` and the model's fields in
 * kebab-case; `raw` (the 6 value octets, UPPER hex), `type`, `sub-type` for raw ones). Where Ze misreads (RFC wins, docs/ze-compat.md):
 *   0x8006 R is the IEEE float of RFC 8955 §7.1 (Ze prints the float's bits as an integer);
 *   0x8009 D is the 6-bit DSCP of RFC 8955 §7.5 (Ze includes the two reserved bits).
 */
import type { JsonWriter } from '../../src/core/json.js';
import { hexByte, toHex } from '../../src/core/hex.js';
import { ipv4ToString } from '../../src/core/ip.js';
import { macToString } from '../../src/core/bgp.js';
import { TUNNEL_TYPES, type ExtendedCommunity } from './model.js';
import { encodeExtended, readFloat32, u16, u32 } from './extended-wire.js';

/** Shortest decimal text that reads back as the same IEEE single (JS number notation). */
export function float32Text(f: number): string {
  if (Number.isNaN(f)) return 'NaN';
  if (f === Infinity) return '+Inf';
  if (f === -Infinity) return '-Inf';
  for (let p = 1; p < 10; p++) {
    const n = Number(f.toPrecision(p));
    if (Math.fround(n) === f) return String(n);
  }
  return String(f);
}

function lowerHex(b: Uint8Array, from: number, to: number): string {
  let s = '';
  for (let i = from; i < to; i++) s += hexByte(b[i]!);
  return s.toLowerCase();
}

/** Ze's generic text: `0x` type and sub-type, `:`, the value octets in lower-case hex. */
export function genericText(b: Uint8Array, o: number, len = 8): string {
  return '0x' + lowerHex(b, o, o + 2) + ':' + lowerHex(b, o + 2, o + len);
}

/** The `string` of the 8 octets at `b[o..]`: Ze's, with the RFC's reading of 0x8006 and 0x8009. */
export function extendedString(b: Uint8Array, o: number): string {
  const t = b[o]!;
  const s = b[o + 1]!;
  if (t === 0x80) {
    switch (s) {
      case 0x06: return 'rate-limit:' + float32Text(readFloat32(b, o + 4));
      case 0x07: return 'traffic-action';
      case 0x08: return 'redirect:' + u16(b, o + 2) + ':' + u32(b, o + 4);
      case 0x09: return 'mark:' + (b[o + 7]! & 0x3f);
    }
  } else if (t === 0x00) {
    if (s === 0x02) return 'target:' + u16(b, o + 2) + ':' + u32(b, o + 4);
    if (s === 0x03) return 'origin:' + u16(b, o + 2) + ':' + u32(b, o + 4);
  }
  return genericText(b, o);
}

/** The unsigned 64-bit integer of 8 octets, exactly (a plain number below 2^53). */
export function writeU64(j: JsonWriter, b: Uint8Array, o: number): void {
  const hi = u32(b, o);
  const lo = u32(b, o + 4);
  if (hi < 0x200000) j.number(hi * 0x100000000 + lo);
  else j.bigint((BigInt(hi) << 32n) | BigInt(lo));
}

const buf = new Uint8Array(8);

/** Ze's exact object for one community: `{"string":...,"value":...}`. */
export function extendedZeJson(c: ExtendedCommunity, j: JsonWriter): void {
  encodeExtended(c, buf, 0);
  j.beginObject().keyRaw('string').string(extendedString(buf, 0)).keyRaw('value');
  writeU64(j, buf, 0);
  j.endObject();
}

function tail(j: JsonWriter): void {
  j.keyRaw('string').string(extendedString(buf, 0));
}

function value(j: JsonWriter): void {
  j.keyRaw('value');
  writeU64(j, buf, 0);
}

/** The ze-nlri object for one community: Ze's keys plus what the octets mean, sorted. */
export function extendedJson(c: ExtendedCommunity, j: JsonWriter): void {
  encodeExtended(c, buf, 0);
  j.beginObject();
  switch (c.kind) {
    case 'route-target':
    case 'route-origin':
    case 'redirect':
      if (c.form !== 'ipv4') j.keyRaw('asn').number(c.asn);
      j.keyRaw('form').stringRaw(c.form);
      if (c.form === 'ipv4') j.keyRaw('ip').stringRaw(ipv4ToString(buf, 2));
      j.keyRaw('kind').stringRaw(c.kind).keyRaw('local').number(c.local);
      tail(j);
      if (c.kind !== 'redirect') j.keyRaw('transitive').bool((buf[0]! & 0x40) === 0);
      break;
    case 'traffic-rate-bytes':
    case 'traffic-rate-packets':
      j.keyRaw('id').number(c.id).keyRaw('kind').stringRaw(c.kind).keyRaw('rate').raw(float32Text(readFloat32(buf, 4)));
      tail(j);
      break;
    case 'traffic-action':
      j.keyRaw('kind').stringRaw(c.kind).keyRaw('sample').bool((buf[7]! & 2) !== 0);
      tail(j);
      j.keyRaw('terminal').bool((buf[7]! & 1) !== 0);
      break;
    case 'traffic-marking':
      j.keyRaw('dscp').number(buf[7]!).keyRaw('kind').stringRaw(c.kind);
      tail(j);
      break;
    case 'redirect-ip':
      j.keyRaw('copy').bool(buf[7] === 1).keyRaw('ip').stringRaw(ipv4ToString(buf, 2)).keyRaw('kind').stringRaw(c.kind);
      tail(j);
      break;
    case 'redirect-next-hop':
      j.keyRaw('copy').bool(buf[7] === 1).keyRaw('kind').stringRaw(c.kind);
      tail(j);
      break;
    case 'mac-mobility':
      j.keyRaw('kind').stringRaw(c.kind).keyRaw('sequence').number(u32(buf, 4)).keyRaw('sticky').bool(buf[2] === 1);
      tail(j);
      break;
    case 'esi-label':
      j.keyRaw('kind').stringRaw(c.kind).keyRaw('label').number(c.label).keyRaw('single-active').bool(buf[2] === 1);
      tail(j);
      break;
    case 'es-import-rt':
    case 'router-mac':
      j.keyRaw('kind').stringRaw(c.kind).keyRaw('mac').stringRaw(macToString(buf, 2));
      tail(j);
      break;
    case 'l2-attributes':
      j.keyRaw('backup').bool((buf[3]! & 1) !== 0).keyRaw('control-word').bool((buf[3]! & 4) !== 0);
      j.keyRaw('flow-label').bool((buf[3]! & 8) !== 0).keyRaw('kind').stringRaw(c.kind);
      j.keyRaw('mtu').number(u16(buf, 4)).keyRaw('primary').bool((buf[3]! & 2) !== 0);
      tail(j);
      break;
    case 'default-gateway':
      j.keyRaw('kind').stringRaw(c.kind);
      tail(j);
      break;
    case 'encapsulation': {
      const name = TUNNEL_TYPES.get(c.tunnelType);
      if (name !== undefined) j.keyRaw('encapsulation').stringRaw(name);
      j.keyRaw('kind').stringRaw(c.kind);
      tail(j);
      j.keyRaw('tunnel-type').number(c.tunnelType);
      break;
    }
    case 'color':
      j.keyRaw('color').number(c.color).keyRaw('color-only').number(c.colorOnly).keyRaw('kind').stringRaw(c.kind);
      tail(j);
      break;
    case 'mup-segment-id':
      j.keyRaw('kind').stringRaw(c.kind).keyRaw('segment-id').stringRaw(c.global + ':' + c.local);
      tail(j);
      break;
    case 'link-bandwidth':
      j.keyRaw('asn').number(c.asn).keyRaw('bandwidth').raw(float32Text(readFloat32(buf, 4))).keyRaw('kind').stringRaw(c.kind);
      tail(j);
      break;
    case 'l2-info':
      j.keyRaw('control').number(c.control).keyRaw('encaps').number(c.encaps).keyRaw('kind').stringRaw(c.kind);
      j.keyRaw('mtu').number(c.mtu).keyRaw('preference').number(c.preference);
      tail(j);
      break;
    case 'raw':
      j.keyRaw('raw').stringRaw(toHex(buf, 2, 8));
      tail(j);
      j.keyRaw('sub-type').number(c.subType).keyRaw('type').number(c.type);
      break;
  }
  value(j);
  j.endObject();
}
