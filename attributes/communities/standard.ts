/**
 * COMMUNITIES (type 8, RFC 1997) and LARGE_COMMUNITY (type 32, RFC 8092 §3): wire, JSON, args.
 *
 * COMMUNITIES: 4-octet values; JSON `["65000:1","no-export"]` (high:low, or the well-known name
 * in Ze's filter-text spelling, RFC 1997, RFC 3765, RFC 7611, RFC 7999, RFC 8326, RFC 9494);
 * args `65000:1 no-export 0xFFFFFF01 4294967041` (Ze's `attribute.ParseCommunity`).
 * Malformed (RFC 7606 §7.8): a length that is not a non-zero multiple of 4.
 *
 * LARGE_COMMUNITY: 12-octet values; JSON and args `global:local1:local2`.
 * Malformed (RFC 8092 §11): a length that is not a non-zero multiple of 12.
 */
import { argsError, modelError, safeString } from '../../src/core/errors.js';
import type { JsonWriter } from '../../src/core/json.js';
import type { Reader } from '../../src/core/reader.js';
import type { Writer } from '../../src/core/writer.js';
import { WELL_KNOWN, WELL_KNOWN_NAMES, type Communities, type LargeCommunities, type LargeCommunity } from './model.js';
import { listTokens, uintTok } from './extended-args.js';

/** The length check shared by the four attributes: a non-zero multiple of `size`. */
export function checkLength(r: Reader, size: number, what: string, rfc: string): void {
  const n = r.remaining;
  if (n === 0) r.fail('bad-length', `${what}: empty attribute (${rfc})`);
  if (n % size !== 0) r.fail('bad-length', `${what}: length ${n} is not a multiple of ${size} (${rfc})`, r.pos + n - (n % size));
}

export function decodeCommunities(r: Reader): Communities {
  checkLength(r, 4, 'communities', 'RFC 7606 §7.8');
  const out: number[] = new Array(r.remaining >>> 2);
  for (let i = 0; i < out.length; i++) out[i] = r.u32('community');
  return { communities: out };
}

function u32Field(v: unknown, what: string): number {
  if (typeof v !== 'number' || !Number.isInteger(v) || v < 0 || v > 0xffffffff) modelError(`${what} must be an integer 0..4294967295, got ${safeString(v)}`);
  return v;
}

export function encodeCommunities(m: Communities, w: Writer): void {
  for (const c of m.communities) w.u32(u32Field(c, 'community'));
}

/** `high:low`, or the well-known name. */
export function communityText(c: number): string {
  return WELL_KNOWN.get(c) ?? (c >>> 16) + ':' + (c & 0xffff);
}

export function communitiesJson(m: Communities, j: JsonWriter): void {
  j.beginArray();
  for (const c of m.communities) j.stringRaw(communityText(c));
  j.endArray();
}

/** One community from text: a name, `ASN:VALUE` (16 bits each), `0x` + hex, or a 32-bit integer. */
export function parseCommunity(s: string): number {
  const wk = WELL_KNOWN_NAMES.get(s.toLowerCase());
  if (wk !== undefined) return wk;
  if (/^0[xX]/.test(s)) {
    if (!/^0[xX][0-9a-fA-F]{1,8}$/.test(s)) argsError(`invalid community hex value ${JSON.stringify(s)}`);
    return parseInt(s.slice(2), 16);
  }
  const p = s.split(':');
  if (p.length === 2) return uintTok(p[0]!, 16, 'community ASN', s) * 0x10000 + uintTok(p[1]!, 16, 'community value', s);
  if (p.length > 2) argsError(`invalid community ${JSON.stringify(s)}: expected ASN:Value format`);
  if (!/^[0-9]+$/.test(s)) argsError(`invalid community ${JSON.stringify(s)}: expected ASN:Value, hex, integer, or well-known name`);
  return uintTok(s, 32, 'community', s);
}

export function communitiesFromArgs(args: readonly string[]): Communities {
  return { communities: listTokens(args, 'community').map(parseCommunity) };
}

export function communitiesToArgs(m: Communities): string[] {
  return m.communities.map(communityText);
}

export function communitiesFromJson(v: unknown): Communities {
  if (!Array.isArray(v)) modelError('community: expected an array of strings');
  const out: number[] = [];
  for (const e of v) {
    if (typeof e === 'number') out.push(u32Field(e, 'community'));
    else if (typeof e === 'string') {
      try {
        out.push(parseCommunity(e));
      } catch (err) {
        modelError(`community: ${(err as Error).message}`);
      }
    } else modelError(`community: expected strings, got ${JSON.stringify(e)}`);
  }
  return { communities: out };
}

export function decodeLarge(r: Reader): LargeCommunities {
  checkLength(r, 12, 'large communities', 'RFC 8092 §11');
  const out: LargeCommunity[] = new Array(r.remaining / 12);
  for (let i = 0; i < out.length; i++) out[i] = { global: r.u32('global administrator'), local1: r.u32('local data 1'), local2: r.u32('local data 2') };
  return { communities: out };
}

export function encodeLarge(m: LargeCommunities, w: Writer): void {
  for (const c of m.communities) {
    w.u32(u32Field(c.global, 'large-community global'));
    w.u32(u32Field(c.local1, 'large-community local1'));
    w.u32(u32Field(c.local2, 'large-community local2'));
  }
}

export function largeText(c: LargeCommunity): string {
  return c.global + ':' + c.local1 + ':' + c.local2;
}

export function largeJson(m: LargeCommunities, j: JsonWriter): void {
  j.beginArray();
  for (const c of m.communities) j.stringRaw(largeText(c));
  j.endArray();
}

export function parseLarge(s: string): LargeCommunity {
  const p = s.split(':');
  if (p.length !== 3) argsError(`invalid large-community ${JSON.stringify(s)}: expected GA:LD1:LD2 format`);
  return { global: uintTok(p[0]!, 32, 'global-admin', s), local1: uintTok(p[1]!, 32, 'local-data1', s), local2: uintTok(p[2]!, 32, 'local-data2', s) };
}

export function largeFromArgs(args: readonly string[]): LargeCommunities {
  return { communities: listTokens(args, 'large-community').map(parseLarge) };
}

export function largeToArgs(m: LargeCommunities): string[] {
  return m.communities.map(largeText);
}

export function largeFromJson(v: unknown): LargeCommunities {
  if (!Array.isArray(v)) modelError('large-community: expected an array of strings');
  const out: LargeCommunity[] = [];
  for (const e of v) {
    if (typeof e !== 'string') modelError(`large-community: expected strings, got ${JSON.stringify(e)}`);
    try {
      out.push(parseLarge(e));
    } catch (err) {
      modelError(`large-community: ${(err as Error).message}`);
    }
  }
  return { communities: out };
}
