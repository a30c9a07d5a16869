/**
 * IPv6 Address Specific Extended Community (type 25), RFC 5701 §2: 20 octets each, type (0x00
 * transitive / 0x40 non-transitive), sub-type, 16-octet IPv6 global administrator, 2-octet local
 * administrator. Sub-types: route target 0x02, route origin 0x03 (RFC 5701 §3), rt-redirect-ipv6
 * 0x000d (RFC 8956 §6.1), Redirect-to-IPv6 0x000c with the C (copy) bit
 * (draft-ietf-idr-flowspec-redirect-ip); anything else raw. Malformed: RFC 7606 §7.15.
 *
 * JSON (Ze has no parser for this attribute; its style): one object per community,
 * `{"string":S,"value":"<40 UPPER hex>"}` plus the meaning keys, sorted. S is `target:<ip>:<n>`,
 * `origin:<ip>:<n>`, `redirect:<ip>:<n>`, `redirect-ip:<ip>` (`copy-ip:<ip>`), or
 * `0xTTSS:<36 lower hex>`. Args: the same words, `0xTTSS:<36 hex>` for any 20 octets.
 */
import { argsError, modelError, NlriError, safeString } from '../../src/core/errors.js';
import { fromHex, toHex } from '../../src/core/hex.js';
import { ipv6ToString, parseAddr } from '../../src/core/ip.js';
import type { JsonWriter } from '../../src/core/json.js';
import type { Reader } from '../../src/core/reader.js';
import type { Writer } from '../../src/core/writer.js';
import type { Ipv6ExtendedCommunities, Ipv6ExtendedCommunity } from './model.js';
import { genericText } from './extended-json.js';
import { listTokens, uintTok } from './extended-args.js';
import { u16 } from './extended-wire.js';

export const IPV6_EC_LENGTH = 20;

export function decodeIpv6Extended(b: Uint8Array, o: number): Ipv6ExtendedCommunity {
  const t = b[o]!;
  const s = b[o + 1]!;
  if (t === 0x00 || t === 0x40) {
    if (s === 0x02 || s === 0x03) {
      return { kind: s === 0x02 ? 'route-target' : 'route-origin', form: 'ipv6', ip: ipv6ToString(b, o + 2), local: u16(b, o + 18), transitive: t === 0x00 };
    }
    if (t === 0x00 && s === 0x0d) return { kind: 'redirect', form: 'ipv6', ip: ipv6ToString(b, o + 2), local: u16(b, o + 18) };
    if (t === 0x00 && s === 0x0c && (u16(b, o + 18) & 0xfffe) === 0) return { kind: 'redirect-ip', ip: ipv6ToString(b, o + 2), copy: b[o + 19] === 1 };
  }
  return { kind: 'raw', type: t, subType: s, value: b.subarray(o + 2, o + 20) };
}

function ipv6(s: unknown): Uint8Array {
  const a = typeof s === 'string' ? parseAddr(s) : 'not a string';
  if (typeof a === 'string' || !a.v6) modelError(`ipv6-extended-community: ip must be an IPv6 address, got ${safeString(s)}`);
  return a.bytes;
}

function u16Field(v: unknown, what: string): number {
  if (typeof v !== 'number' || !Number.isInteger(v) || v < 0 || v > 0xffff) modelError(`ipv6-extended-community: ${what} must be 0..65535`);
  return v;
}

export function encodeIpv6Extended(c: Ipv6ExtendedCommunity, b: Uint8Array, o: number): void {
  b.fill(0, o, o + 20);
  switch (c.kind) {
    case 'route-target':
    case 'route-origin': {
      b[o] = c.transitive === false ? 0x40 : 0x00;
      b[o + 1] = c.kind === 'route-target' ? 0x02 : 0x03;
      b.set(ipv6(c.ip), o + 2);
      const l = u16Field(c.local, 'local');
      b[o + 18] = l >>> 8;
      b[o + 19] = l;
      return;
    }
    case 'redirect': {
      b[o + 1] = 0x0d;
      b.set(ipv6(c.ip), o + 2);
      const l = u16Field(c.local, 'local');
      b[o + 18] = l >>> 8;
      b[o + 19] = l;
      return;
    }
    case 'redirect-ip':
      b[o + 1] = 0x0c;
      b.set(ipv6(c.ip), o + 2);
      b[o + 19] = c.copy === true ? 1 : 0;
      return;
    case 'raw':
      if (!Number.isInteger(c.type) || c.type < 0 || c.type > 255 || !Number.isInteger(c.subType) || c.subType < 0 || c.subType > 255) {
        modelError('ipv6-extended-community: raw type and subType must be 0..255');
      }
      if (!(c.value instanceof Uint8Array) || c.value.length !== 18) modelError('ipv6-extended-community: raw value must be 18 octets');
      b[o] = c.type;
      b[o + 1] = c.subType;
      b.set(c.value, o + 2);
      return;
    default:
      modelError(`ipv6-extended-community: unknown kind ${safeString((c as { kind: unknown }).kind)}`);
  }
}

/** RFC 7606 §7.15: a non-zero multiple of 20 octets. */
export function decodeIpv6Extendeds(r: Reader): Ipv6ExtendedCommunities {
  const n = r.remaining;
  if (n === 0) r.fail('bad-length', 'IPv6 extended communities: empty attribute (RFC 7606 §7.15)');
  if (n % IPV6_EC_LENGTH !== 0) r.fail('bad-length', `IPv6 extended communities: length ${n} is not a multiple of 20 (RFC 7606 §7.15)`, r.pos + n - (n % IPV6_EC_LENGTH));
  const out: Ipv6ExtendedCommunity[] = [];
  while (r.remaining > 0) {
    const p = r.pos;
    r.skip(IPV6_EC_LENGTH);
    out.push(decodeIpv6Extended(r.buf, p));
  }
  return { communities: out };
}

export function encodeIpv6Extendeds(m: Ipv6ExtendedCommunities, w: Writer): void {
  for (const c of m.communities) {
    w.zeros(IPV6_EC_LENGTH);
    encodeIpv6Extended(c, w.buf, w.pos - IPV6_EC_LENGTH);
  }
}

export function ipv6ExtendedString(b: Uint8Array, o: number): string {
  const t = b[o]!;
  const s = b[o + 1]!;
  if (t === 0x00) {
    const ip = ipv6ToString(b, o + 2);
    if (s === 0x02) return 'target:' + ip + ':' + u16(b, o + 18);
    if (s === 0x03) return 'origin:' + ip + ':' + u16(b, o + 18);
    if (s === 0x0d) return 'redirect:' + ip + ':' + u16(b, o + 18);
    if (s === 0x0c && (u16(b, o + 18) & 0xfffe) === 0) return (b[o + 19] === 1 ? 'copy-ip:' : 'redirect-ip:') + ip;
  }
  return genericText(b, o, 20);
}

const buf20 = new Uint8Array(20);

export function ipv6ExtendedJson(c: Ipv6ExtendedCommunity, j: JsonWriter): void {
  encodeIpv6Extended(c, buf20, 0);
  j.beginObject();
  switch (c.kind) {
    case 'route-target':
    case 'route-origin':
    case 'redirect':
      j.keyRaw('form').stringRaw('ipv6').keyRaw('ip').stringRaw(ipv6ToString(buf20, 2)).keyRaw('kind').stringRaw(c.kind);
      j.keyRaw('local').number(u16(buf20, 18)).keyRaw('string').string(ipv6ExtendedString(buf20, 0));
      if (c.kind !== 'redirect') j.keyRaw('transitive').bool(buf20[0] === 0);
      break;
    case 'redirect-ip':
      j.keyRaw('copy').bool(buf20[19] === 1).keyRaw('ip').stringRaw(ipv6ToString(buf20, 2)).keyRaw('kind').stringRaw(c.kind);
      j.keyRaw('string').string(ipv6ExtendedString(buf20, 0));
      break;
    case 'raw':
      j.keyRaw('raw').stringRaw(toHex(buf20, 2, 20)).keyRaw('string').string(ipv6ExtendedString(buf20, 0));
      j.keyRaw('sub-type').number(c.subType).keyRaw('type').number(c.type);
      break;
  }
  j.keyRaw('value').stringRaw(toHex(buf20));
  j.endObject();
}

export function ipv6ExtendedsJson(m: Ipv6ExtendedCommunities, j: JsonWriter): void {
  j.beginArray();
  for (const c of m.communities) ipv6ExtendedJson(c, j);
  j.endArray();
}

function bad(msg: string): never {
  return modelError(`ipv6-extended-community: ${msg}`);
}

/** A community written by hand: `kind` and the keys `ipv6ExtendedJson` writes. */
function ipv6FromFields(o: Record<string, unknown>): Ipv6ExtendedCommunity {
  let c: Ipv6ExtendedCommunity;
  switch (o.kind) {
    case 'route-target':
    case 'route-origin':
      c = { kind: o.kind, form: 'ipv6', ip: o.ip as string, local: o.local as number, transitive: o.transitive !== false };
      break;
    case 'redirect': c = { kind: 'redirect', form: 'ipv6', ip: o.ip as string, local: o.local as number }; break;
    case 'redirect-ip': c = { kind: 'redirect-ip', ip: o.ip as string, copy: o.copy === true }; break;
    default: return bad(`unknown kind ${JSON.stringify(o.kind)}`);
  }
  encodeIpv6Extended(c, new Uint8Array(20), 0); // checks every field
  if (typeof c.ip === 'string') c = decodeIpv6Extended(encodedCopy(c), 0); // canonical address text
  return c;
}

function encodedCopy(c: Ipv6ExtendedCommunity): Uint8Array {
  const b = new Uint8Array(20);
  encodeIpv6Extended(c, b, 0);
  return b;
}

/** From `ipv6ExtendedsJson`'s output (the `value` of each object, or an args token). */
export function ipv6ExtendedsFromJson(v: unknown): Ipv6ExtendedCommunities {
  if (!Array.isArray(v)) bad('expected an array');
  const out: Ipv6ExtendedCommunity[] = [];
  for (const e of v) {
    if (typeof e === 'string') {
      out.push(ipv6Tok([e], 0)[0]);
      continue;
    }
    if (e === null || typeof e !== 'object' || Array.isArray(e)) bad(`expected objects, got ${JSON.stringify(e)}`);
    const o = e as Record<string, unknown>;
    if (o.value === undefined && typeof o.kind === 'string') {
      out.push(ipv6FromFields(o));
      continue;
    }
    if (typeof o.value !== 'string' || !/^[0-9a-fA-F]{40}$/.test(o.value)) bad('each community needs "value": 40 hex digits (or "kind" and its fields)');
    out.push(decodeIpv6Extended(fromHex(o.value), 0));
  }
  return { communities: out };
}

function ipv6Tok(args: readonly string[], i: number): [Ipv6ExtendedCommunity, number] {
  const tok = args[i]!;
  const hex = /^0[xX]([0-9a-fA-F]{4}):?([0-9a-fA-F]{36})$/.exec(tok);
  if (hex) return [decodeIpv6Extended(fromHex(hex[1]! + hex[2]!), 0), 1];
  const colon = tok.indexOf(':');
  const kw = (colon < 0 ? tok : tok.slice(0, colon)).toLowerCase();
  const rest = colon < 0 ? '' : tok.slice(colon + 1);
  const addr = (s: string): string => {
    const a = parseAddr(s.startsWith('[') && s.endsWith(']') ? s.slice(1, -1) : s);
    if (typeof a === 'string' || !a.v6) argsError(`invalid IPv6 address in ${tok}: ${typeof a === 'string' ? a : s}`);
    return ipv6ToString(a.bytes);
  };
  const ipAndN = (): [string, number] => {
    const k = rest.lastIndexOf(':');
    if (k < 0) argsError(`invalid ipv6-extended-community ${tok}: expected ${kw}:IPV6:NUMBER`);
    return [addr(rest.slice(0, k)), uintTok(rest.slice(k + 1), 16, 'number', tok)];
  };
  switch (kw) {
    case 'target': case 'rt': case 'origin': case 'soo': {
      const [ip, local] = ipAndN();
      return [{ kind: kw === 'target' || kw === 'rt' ? 'route-target' : 'route-origin', form: 'ipv6', ip, local, transitive: true }, 1];
    }
    case 'redirect': {
      const [ip, local] = ipAndN();
      return [{ kind: 'redirect', form: 'ipv6', ip, local }, 1];
    }
    case 'redirect-ip': case 'copy-ip':
      return [{ kind: 'redirect-ip', ip: addr(rest), copy: kw === 'copy-ip' }, 1];
    case 'redirect-to-nexthop':
      if (i + 1 >= args.length) argsError('redirect-to-nexthop <ipv6>: missing value');
      return [{ kind: 'redirect-ip', ip: addr(args[i + 1]!), copy: false }, 2];
  }
  return argsError(`unknown ipv6-extended-community ${tok}`);
}

export function ipv6ExtendedsFromArgs(args: readonly string[]): Ipv6ExtendedCommunities {
  const t = listTokens(args, 'ipv6-extended-community');
  const out: Ipv6ExtendedCommunity[] = [];
  for (let i = 0; i < t.length; ) {
    const [c, n] = ipv6Tok(t, i);
    out.push(c);
    i += n;
  }
  return { communities: out };
}

/** One token per community: the word form, or `0xTTSS:<36 hex>` when that would not give the same octets. */
export function ipv6ExtendedsToArgs(m: Ipv6ExtendedCommunities): string[] {
  return m.communities.map((c) => {
    const b = new Uint8Array(20);
    encodeIpv6Extended(c, b, 0);
    const s = ipv6ExtendedString(b, 0);
    if (!s.startsWith('0x')) {
      try {
        const b2 = new Uint8Array(20);
        encodeIpv6Extended(ipv6Tok([s], 0)[0], b2, 0);
        if (toHex(b2) === toHex(b)) return s;
      } catch (e) {
        if (!(e instanceof NlriError)) throw e;
      }
    }
    return genericText(b, 0, 20);
  });
}
