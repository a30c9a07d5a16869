/**
 * BGP-LS attribute (type 29) → Ze's JSON text (Ze `AttrTLVsToJSON`, as `ze bgp decode` shows
 * it under `attr["bgp-ls"]`).
 *
 * Node attribute TLVs: RFC 9552 §5.3.1 (1024-1031), RFC 9085 §2.1 (1034-1036).
 * Link attribute TLVs: RFC 9552 §5.3.2 (1088-1098), RFC 9085 §2.2 (1099), RFC 9086 §5
 * (1101-1103), RFC 8571 §3-5 (1114-1116), RFC 9514 §4 (1106-1108).
 * Prefix attribute TLVs: RFC 9552 §5.3.3 (1152-1157), RFC 9085 §2.3 (1158, 1170, 1171),
 * RFC 9085 §2.1.1 (1161). SRv6: RFC 9514 §7 (1250), §8 (1251), §9 (1252).
 *
 * Ze's rules, all kept: one key per code; a value Ze's decoder refuses (wrong length) is left
 * out; router-id and SID lists are concatenated across TLVs, any other repeat replaces the
 * earlier value; keys sorted; Go string escaping (invalid UTF-8 → \ufffd); float32 values in
 * Go's shortest form, and a NaN/Inf value that reaches the output fails like Go's marshaller.
 * One fix (docs/ze-compat.md): repeats of an unknown code accumulate in `generic-lsid-<code>`
 * instead of overwriting each other. TLVs Ze does not decode but ze-nlri does (flex-algo,
 * SRv6 capabilities/locator, BGP-LS-SPF, SR Policy state) get keys of their own in
 * attr-json-more.ts; a value that does not fit their layout stays `generic-lsid-<code>`.
 */
import { NlriError } from '../../src/core/errors.js';
import { toHex } from '../../src/core/hex.js';
import { goFloat, goQuote, byteCompare } from '../../src/core/json.js';
import { ipv4ToString, ipv6ToString } from '../../src/core/ip.js';
import type { BgpLsAttribute } from './attr-wire.js';
import { MORE_MERGED, moreFragment } from './attr-json-more.js';

function u16(b: Uint8Array, o: number): number {
  return (b[o]! << 8) | b[o + 1]!;
}
function u24(b: Uint8Array, o: number): number {
  return (b[o]! << 16) | (b[o + 1]! << 8) | b[o + 2]!;
}
function u32(b: Uint8Array, o: number): number {
  return ((b[o]! << 24) >>> 0) + ((b[o + 1]! << 16) | (b[o + 2]! << 8) | b[o + 3]!);
}

/** Thrown inside the builder for a float Go cannot marshal; caught when the key survives. */
class Unsupported {
  constructor(readonly text: string) {}
}

function float32(b: Uint8Array, o: number): string | Unsupported {
  const f = new DataView(b.buffer, b.byteOffset + o, 4).getFloat32(0);
  if (Number.isNaN(f)) return new Unsupported('NaN');
  if (!Number.isFinite(f)) return new Unsupported(f > 0 ? '+Inf' : '-Inf');
  return goFloat(f);
}

/** Bytes as a Go string in JSON: invalid UTF-8 bytes become \ufffd (one per byte, like Go). */
export function goBytesQuote(b: Uint8Array): string {
  let s = '';
  let i = 0;
  while (i < b.length) {
    const c = b[i]!;
    if (c < 0x80) {
      s += String.fromCharCode(c);
      i++;
      continue;
    }
    let n = 0;
    let lo = 0x80;
    let hi = 0xbf;
    let cp = 0;
    if (c >= 0xc2 && c <= 0xdf) (n = 1), (cp = c & 0x1f);
    else if (c >= 0xe0 && c <= 0xef) {
      n = 2;
      cp = c & 0x0f;
      if (c === 0xe0) lo = 0xa0;
      else if (c === 0xed) hi = 0x9f;
    } else if (c >= 0xf0 && c <= 0xf4) {
      n = 3;
      cp = c & 0x07;
      if (c === 0xf0) lo = 0x90;
      else if (c === 0xf4) hi = 0x8f;
    }
    let ok = n > 0;
    if (ok) {
      for (let k = 1; k <= n; k++) {
        const d = b[i + k];
        if (d === undefined || d < (k === 1 ? lo : 0x80) || d > (k === 1 ? hi : 0xbf)) {
          ok = false;
          break;
        }
        cp = (cp << 6) | (d & 0x3f);
      }
    }
    if (!ok) {
      s += '\ud800'; // a lone surrogate: goQuote writes it as \ufffd, as Go does for a bad byte
      i++;
      continue;
    }
    s += String.fromCodePoint(cp);
    i += n + 1;
  }
  return goQuote(s);
}

function hex0x(v: Uint8Array): string {
  return '"0x' + toHex(v) + '"';
}

/** SR label ranges after flags + reserved (RFC 9085 §2.1.2, §2.1.4); undefined when Ze refuses. */
function ranges(v: Uint8Array, start: number): string | undefined {
  const items: string[] = [];
  let p = start;
  while (v.length - p > 7) {
    const range = u24(v, p);
    p += 3;
    const len = u16(v, p + 2);
    p += 4;
    if (len > v.length - p) return undefined;
    const sid = len === 3 ? u24(v, p) & 0xfffff : len >= 4 ? u32(v, p) : 0;
    items.push('{"first-sid":' + sid + ',"range":' + range + '}');
    p += len;
  }
  return '[' + items.join(',') + ']';
}

function sid34(v: Uint8Array, o: number): number {
  return v.length - o === 4 ? u32(v, o) : u24(v, o) & 0xfffff;
}

function endX(v: Uint8Array, neighborLen: number): string | undefined {
  const min = 6 + neighborLen + 16;
  if (v.length < min) return undefined;
  const f = v[2]!;
  let s = '{"algorithm":' + v[3] + ',"behavior":' + u16(v, 0);
  s += ',"flags":{"B":' + ((f >> 7) & 1) + ',"P":' + ((f >> 5) & 1) + ',"RSV":' + (f & 0x1f) + ',"S":' + ((f >> 6) & 1) + '}';
  if (neighborLen > 0) s += ',"neighbor-id":"' + toHex(v, 6, 6 + neighborLen) + '"';
  s += ',"sid":"' + ipv6ToString(v, 6 + neighborLen) + '"';
  const o = min;
  if (o + 8 <= v.length && u16(v, o) === 1252 && u16(v, o + 2) === 4) s += ',"srv6-sid-structure":' + structure(v, o + 4);
  return s + ',"weight":' + v[4] + '}';
}

function structure(v: Uint8Array, o: number): string {
  return '{"arg-len":' + v[o + 3] + ',"func-len":' + v[o + 2] + ',"loc-block-len":' + v[o] + ',"loc-node-len":' + v[o + 1] + '}';
}

/** Keys whose values are concatenated when repeated (Ze merges string arrays and object arrays). */
const MERGED = new Set(['local-router-ids', 'remote-router-ids', 'adj-sids', 'srv6-endx-sids', 'srv6-lan-endx-isis', 'srv6-lan-endx-ospf', ...MORE_MERGED]);

/**
 * Ze's key and JSON value for one TLV, or undefined when Ze's decoder refuses the value. For a
 * merged key the value is ONE array element.
 */
export function attrFragment(type: number, v: Uint8Array): [string, string | Unsupported] | undefined {
  const n = v.length;
  switch (type) {
    case 1024: {
      if (n < 1) return undefined;
      const b = v[0]!;
      return ['node-flags', `{"B":${(b >> 4) & 1},"E":${(b >> 5) & 1},"O":${(b >> 7) & 1},"R":${(b >> 3) & 1},"RSV":${b & 3},"T":${(b >> 6) & 1},"V":${(b >> 2) & 1}}`];
    }
    case 1025: return ['opaque-node-attr', hex0x(v)];
    case 1026: return ['node-name', goBytesQuote(v)];
    case 1027: return ['area-id', hex0x(v)];
    case 1028: return n === 4 ? ['local-router-ids', '"' + ipv4ToString(v) + '"'] : undefined;
    case 1029: return n === 16 ? ['local-router-ids', '"' + ipv6ToString(v) + '"'] : undefined;
    case 1030: return n === 4 ? ['remote-router-ids', '"' + ipv4ToString(v) + '"'] : undefined;
    case 1031: return n === 16 ? ['remote-router-ids', '"' + ipv6ToString(v) + '"'] : undefined;
    case 1034: {
      if (n < 2) return undefined;
      const r = ranges(v, 2);
      if (r === undefined) return undefined;
      const f = v[0]!;
      return ['sr-capabilities', `{"flags":{"I":${(f >> 7) & 1},"RSV":${f & 0x3f},"V":${(f >> 6) & 1}},"ranges":${r}}`];
    }
    case 1035: return ['sr-algorithms', '[' + Array.from(v).join(',') + ']'];
    case 1036: {
      if (n < 2) return undefined;
      const r = ranges(v, 2);
      return r === undefined ? undefined : ['sr-local-block', `{"ranges":${r}}`];
    }
    case 1088: return n >= 4 ? ['admin-group', String(u32(v, 0))] : undefined;
    case 1089: return n >= 4 ? ['max-link-bandwidth', float32(v, 0)] : undefined;
    case 1090: return n >= 4 ? ['max-reservable-bandwidth', float32(v, 0)] : undefined;
    case 1091: {
      if (n < 32) return undefined;
      const fs: string[] = [];
      for (let i = 0; i < 8; i++) {
        const f = float32(v, i * 4);
        if (f instanceof Unsupported) return ['unreserved-bandwidth', f];
        fs.push(f);
      }
      return ['unreserved-bandwidth', '[' + fs.join(',') + ']'];
    }
    case 1092: return n >= 4 ? ['te-metric', String(u32(v, 0))] : undefined;
    case 1095:
      if (n === 1) return ['igp-metric', String(v[0]! & 0x3f)];
      if (n === 2) return ['igp-metric', String(u16(v, 0))];
      if (n === 3) return ['igp-metric', String(u24(v, 0))];
      return undefined;
    case 1096: {
      if (n % 4 !== 0) return undefined;
      const xs: number[] = [];
      for (let i = 0; i < n; i += 4) xs.push(u32(v, i));
      return ['srlgs', '[' + xs.join(',') + ']'];
    }
    case 1097: return ['opaque-link-attr', hex0x(v)];
    case 1098: return ['link-name', goBytesQuote(v)];
    case 1099: {
      if (n !== 7 && n !== 8) return undefined;
      const f = v[0]!;
      const flags = `{"B":${(f >> 6) & 1},"F":${(f >> 7) & 1},"L":${(f >> 4) & 1},"P":${(f >> 2) & 1},"RSV":${f & 3},"S":${(f >> 3) & 1},"V":${(f >> 5) & 1}}`;
      return ['adj-sids', `{"flags":${flags},"sids":[${sid34(v, 4)}],"undecoded-sids":[],"weight":${v[1]}}`];
    }
    case 1101:
    case 1102:
    case 1103: {
      if (n !== 7 && n !== 8) return undefined;
      const key = type === 1101 ? 'peer-node-sid' : type === 1102 ? 'peer-adj-sid' : 'peer-set-sid';
      return [key, `{"flags":${v[0]},"sid":${sid34(v, 4)},"weight":${v[1]}}`];
    }
    case 1106: {
      const e = endX(v, 0);
      return e === undefined ? undefined : ['srv6-endx-sids', e];
    }
    case 1107: {
      const e = endX(v, 6);
      return e === undefined ? undefined : ['srv6-lan-endx-isis', e];
    }
    case 1108: {
      const e = endX(v, 4);
      return e === undefined ? undefined : ['srv6-lan-endx-ospf', e];
    }
    case 1114: return n === 4 ? ['link-delay', `{"anomalous":${(v[0]! & 0x80) !== 0},"delay":${u24(v, 1)}}`] : undefined;
    case 1115: return n === 8 ? ['link-delay-minmax', `{"anomalous":${(v[0]! & 0x80) !== 0},"max-delay":${u24(v, 5)},"min-delay":${u24(v, 1)}}`] : undefined;
    case 1116: return n === 4 ? ['delay-variation', String(u24(v, 1))] : undefined;
    case 1152: {
      if (n < 1) return undefined;
      const b = v[0]!;
      return ['igp-flags', `{"D":${(b >> 7) & 1},"L":${(b >> 5) & 1},"N":${(b >> 6) & 1},"P":${(b >> 4) & 1},"RSV":${b & 0xf}}`];
    }
    case 1155: return n >= 4 ? ['prefix-metric', String(u32(v, 0))] : undefined;
    case 1157: return ['opaque-prefix-attr', hex0x(v)];
    case 1158: return n === 7 || n === 8 ? ['prefix-sid', `{"algorithm":${v[1]},"flags":${v[0]},"sid":${sid34(v, 4)}}`] : undefined;
    case 1161:
      if (n === 3) return ['sid-label', String(u24(v, 0) & 0xfffff)];
      if (n === 4) return ['sid-label', String(u32(v, 0))];
      return undefined;
    case 1170: {
      if (n < 1) return undefined;
      const b = v[0]!;
      return ['sr-prefix-flags', `{"N":${(b >> 5) & 1},"R":${(b >> 6) & 1},"RSV":${b & 0x1f},"X":${(b >> 7) & 1}}`];
    }
    case 1171:
      if (n === 4) return ['source-router-id', '"' + ipv4ToString(v) + '"'];
      if (n === 16) return ['source-router-id', '"' + ipv6ToString(v) + '"'];
      return undefined;
    case 1250: return n >= 4 ? ['srv6-endpoint-behavior', `{"algorithm":${v[3]},"behavior":${u16(v, 0)},"flags":${v[2]}}`] : undefined;
    case 1251: return n >= 12 ? ['srv6-bgp-peer-node-sid', `{"flags":${v[0]},"peer-as":${u32(v, 4)},"peer-bgp-id":"${ipv4ToString(v, 8)}","weight":${v[1]}}`] : undefined;
    case 1252: return n === 4 ? ['srv6-sid-structure', structure(v, 0)] : undefined;
  }
  // Beyond Ze (attr-json-more.ts): flex-algo, SRv6 capabilities/locator, BGP-LS-SPF, SR Policy.
  const more = moreFragment(type, v, goBytesQuote);
  if (more !== undefined) return more;
  return ['generic-lsid-' + type, '"0x' + toHex(v) + '"'];
}

/**
 * Ze's JSON text of a BGP-LS attribute. Throws `NlriError('bad-value')` with Go's marshal error
 * (`json: unsupported value: +Inf`) when a NaN/Inf bandwidth is in the output, as Ze fails.
 */
export function bgpLsAttributeJson(m: BgpLsAttribute): string {
  const single = new Map<string, string | Unsupported>();
  const lists = new Map<string, string[]>();
  for (const t of m.tlvs) {
    const f = attrFragment(t.type, t.value);
    if (f === undefined) continue;
    const [key, value] = f;
    if (MERGED.has(key) || key.startsWith('generic-lsid-')) {
      const l = lists.get(key);
      if (l) l.push(value as string);
      else lists.set(key, [value as string]);
    } else single.set(key, value);
  }
  const keys = [...single.keys(), ...lists.keys()].sort(byteCompare);
  let out = '{';
  for (const k of keys) {
    const v = single.get(k);
    if (v instanceof Unsupported) throw new NlriError('bad-value', `json: unsupported value: ${v.text}`, 'bgp-ls-attr', -1);
    if (out.length > 1) out += ',';
    out += '"' + k + '":' + (v !== undefined ? v : '[' + lists.get(k)!.join(',') + ']');
  }
  return out + '}';
}
