/**
 * encode-nlri args for ipv4/rtc. Ze has no RTC encoder, so this grammar is ze-nlri's, in Ze's
 * style (kebab-case keywords, one value token each; documented in docs/families/rtc.md):
 *
 *   default                                        the default route target (length 0)
 *   origin-as <ASN> [route-target <RT>] [prefix-length <32..96>] [path-id <N>]
 *
 * RFC 4684 §4. `route-target` forms (RFC 4360 §4, RFC 5668 §2), the same text Ze prints:
 *   `<AS ≤ 65535>:<number < 2^32>`   type 0x0002 (two-octet AS specific, route target)
 *   `<a.b.c.d>:<number ≤ 65535>`     type 0x0102 (IPv4 address specific)
 *   `<AS > 65535>:<number ≤ 65535>`  type 0x0202 (four-octet AS specific)
 *   `rt-type<T>:<12 hex digits>`     any type T and value, byte for byte
 *   `0x<hex>/<bits>`                 the first <bits> (0..64) bits of a route target, as the JSON
 *                                    prints a partial one: the prefix length is 32 + <bits>
 * The prefix length defaults to 96 with a route target and to 32 without (origin AS only);
 * below 96 only the first octets of the route target are written (RFC 4684 §4 partial RTs).
 */
import { argsError } from '../../src/core/errors.js';
import { uintArg } from '../../src/core/bgp.js';
import { ipv4StrictIn } from '../../src/core/ip.js';
import type { RtcNlri } from './model.js';
import { zeRouteTargetText } from './json.js';

const FAMILY = 'ipv4/rtc';

/** `0x<hex>/<bits>` → the octets (zero-filled to 8) and the bit count, or undefined for another form. */
export function parsePartialRouteTarget(s: string): { octets: Uint8Array; bits: number } | undefined {
  const m = /^0x([0-9a-fA-F]*)\/([0-9]{1,2})$/.exec(s);
  if (!m) return undefined;
  const bits = Number(m[2]);
  const hex = m[1]!;
  if (bits > 64) argsError(`invalid route-target: ${bits} bits, a route target has 64`, FAMILY);
  if (hex.length !== 2 * ((bits + 7) >> 3)) argsError(`invalid route-target: ${bits} bits take ${(bits + 7) >> 3} octets (${2 * ((bits + 7) >> 3)} hex digits)`, FAMILY);
  const octets = new Uint8Array(8);
  for (let i = 0; i < hex.length / 2; i++) octets[i] = parseInt(hex.slice(2 * i, 2 * i + 2), 16);
  return { octets, bits };
}

/** `v` as `n` big-endian octets at `o` (no `DataView`: over a fresh small array it costs more than the parse). */
function put(out: Uint8Array, o: number, n: number, v: number): void {
  for (let i = n - 1; i >= 0; i--) {
    out[o + i] = v & 0xff;
    v = Math.floor(v / 256);
  }
}

const RAW_RT = /^rt-type([0-9]{1,5}):([0-9a-fA-F]{12})$/;

/** Route-target text (forms above) → 8 octets. */
export function parseRouteTarget(s: string): Uint8Array {
  const out = new Uint8Array(8);
  const raw = s.charCodeAt(0) === 114 /* r */ ? RAW_RT.exec(s) : null;
  if (raw) {
    const t = Number(raw[1]);
    if (t > 0xffff) argsError(`invalid route-target: type ${t} out of range`, FAMILY);
    put(out, 0, 2, t);
    for (let i = 0; i < 6; i++) out[2 + i] = parseInt(raw[2]!.slice(2 * i, 2 * i + 2), 16);
    return out;
  }
  const colon = s.lastIndexOf(':');
  if (colon < 0) argsError(`invalid route-target: ${s} (want ASN:number, a.b.c.d:number or rt-typeT:hex)`, FAMILY);
  const admin = s.slice(0, colon);
  const assigned = s.slice(colon + 1);
  if (admin.includes('.')) {
    const ip = ipv4StrictIn(admin, 0, admin.length);
    if (ip < 0) argsError(`invalid route-target: bad IPv4 address ${admin}`, FAMILY);
    put(out, 0, 2, 0x0102);
    put(out, 2, 4, ip);
    put(out, 6, 2, uintArg(assigned, 16, 'route-target number', FAMILY));
    return out;
  }
  const asn = uintArg(admin, 32, 'route-target AS', FAMILY);
  if (asn <= 0xffff) {
    put(out, 0, 2, 0x0002);
    put(out, 2, 2, asn);
    put(out, 4, 4, uintArg(assigned, 32, 'route-target number', FAMILY));
  } else {
    put(out, 0, 2, 0x0202);
    put(out, 2, 4, asn);
    put(out, 6, 2, uintArg(assigned, 16, 'route-target number', FAMILY));
  }
  return out;
}

/** Text that `parseRouteTarget` turns back into exactly these 8 octets. */
export function routeTargetArg(b: Uint8Array): string {
  const type = (b[0]! << 8) | b[1]!;
  const text = zeRouteTargetText(b);
  const asnForm = type === 0x0002 || type === 0x0102 || (type === 0x0202 && ((b[2]! << 8) | b[3]!) !== 0);
  if (asnForm) return text;
  let h = '';
  for (let i = 2; i < 8; i++) h += b[i]!.toString(16).padStart(2, '0');
  return `rt-type${type}:${h}`;
}

export function rtcFromArgs(args: readonly string[]): RtcNlri {
  let isDefault = false;
  let originAs: number | undefined;
  let rt: Uint8Array | undefined;
  let len: number | undefined;
  let pathId: number | undefined;
  let rtBits: number | undefined;
  for (let i = 0; i < args.length; i++) {
    const t = args[i]!;
    if (t === 'default') {
      isDefault = true;
      continue;
    }
    if (t !== 'origin-as' && t !== 'route-target' && t !== 'prefix-length' && t !== 'path-id') {
      argsError(`unknown argument: ${t} (want default, origin-as, route-target, prefix-length, path-id)`, FAMILY);
    }
    const v = args[++i];
    if (v === undefined) argsError(`${t} requires value`, FAMILY);
    if (t === 'origin-as') originAs = uintArg(v, 32, 'origin-as', FAMILY);
    else if (t === 'route-target') {
      const partial = parsePartialRouteTarget(v);
      if (partial) {
        rt = partial.octets;
        rtBits = partial.bits;
      } else {
        rt = parseRouteTarget(v);
        rtBits = undefined;
      }
    } else if (t === 'prefix-length') len = uintArg(v, 8, 'prefix-length', FAMILY);
    else pathId = uintArg(v, 32, 'path-id', FAMILY);
  }
  let m: RtcNlri;
  if (isDefault) {
    if (originAs !== undefined || rt !== undefined || (len !== undefined && len !== 0)) {
      argsError('default is the zero-length prefix: no origin-as, route-target or prefix-length with it', FAMILY);
    }
    m = { prefixLength: 0, originAs: 0, routeTarget: new Uint8Array(0) };
  } else {
    if (originAs === undefined) argsError('origin-as required for RTC (or default)', FAMILY);
    if (rtBits !== undefined && len !== undefined && len !== 32 + rtBits) {
      argsError(`route-target of ${rtBits} bits needs prefix-length ${32 + rtBits}, not ${len}`, FAMILY);
    }
    const l = len ?? (rtBits !== undefined ? 32 + rtBits : rt ? 96 : 32);
    if (l < 32 || l > 96) argsError(`invalid prefix-length: ${l} (RFC 4684 §4: 32..96, or default)`, FAMILY);
    if (l > 32 && !rt) argsError(`route-target required for prefix-length ${l}`, FAMILY);
    if (l === 32 && rt && rtBits !== 0) argsError('route-target needs a prefix-length above 32', FAMILY);
    if (l === 32) rt = undefined;
    m = { prefixLength: l, originAs, routeTarget: rt ?? new Uint8Array(0) };
  }
  if (pathId !== undefined) (m as { pathId?: number }).pathId = pathId;
  return m;
}

/** Tokens that `rtcFromArgs` turns back into the same bytes. */
export function rtcToArgs(m: RtcNlri): string[] {
  const len = m.prefixLength;
  const out: string[] = len === 0 ? ['default'] : ['origin-as', String(m.originAs)];
  if (len > 32) {
    // The octets as they are (bits after the length included), zero-filled: the same bytes back.
    const b = new Uint8Array(8);
    b.set(m.routeTarget.subarray(0, Math.min(8, m.routeTarget.length)));
    for (let i = Math.ceil(len / 8) - 4; i < 8; i++) b[i] = 0;
    out.push('route-target', routeTargetArg(b));
    if (len !== 96) out.push('prefix-length', String(len));
  }
  if (m.pathId !== undefined) out.push('path-id', String(m.pathId));
  return out;
}
