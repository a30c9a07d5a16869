/**
 * The path attributes of a received route (RFC 4271 §9.1: a route is its NLRI with the path
 * attributes of the UPDATE that carried it; a newer announcement replaces them), kept as Ze
 * delivered them in `raw` (ze-plugin-protocol.md §5.6), never from Ze's own decoding:
 *
 *   record = one-byte string: <next-hop length> <next-hop octets> <path attribute octets>
 *
 * - the path attributes are `raw.attributes` (every attribute of the UPDATE except
 *   MP_REACH_NLRI / MP_UNREACH_NLRI, RFC 4760 §3-§4, which Ze leaves out);
 * - the next hop is MP_REACH_NLRI's (RFC 4760 §3), read from `raw.update` (the UPDATE body).
 *
 * One record per UPDATE, shared by all its NLRIs (the same string), and consecutive UPDATEs with
 * the same attributes and next hop share one record too. Decoded only when shown (`routes`,
 * `--log-routes`), with the library's whole-UPDATE decoder (src/update), so the JSON is the
 * whole-UPDATE JSON's `attr` (docs/ze-compat.md "Whole UPDATE").
 */
import { createSession, decodeUpdate, type Session } from '../../index.js';
import type { Registry } from '../../registry/registry.js';
import { updateBodyJson } from '../../update/json.js';
import { nextHopOf, nextHopText } from '../../../attributes/mp/nexthop.js';

const MP_REACH = 14;

/** Octet k of a byte source (hex text or bytes). */
export type ByteAt = (k: number) => number;

/** Hex digit value of a character code (-1 when not one). */
function hexVal(c: number): number {
  if (c >= 0x30 && c <= 0x39) return c - 0x30;
  if (c >= 0x61 && c <= 0x66) return c - 0x57;
  if (c >= 0x41 && c <= 0x46) return c - 0x37;
  return -1;
}

/** Octets of hex text in `buf` a..b (length (b-a)/2); -1 for a pair that is not hex. */
export function hexAt(buf: Uint8Array, a: number): ByteAt {
  return (k) => {
    const h = hexVal(buf[a + 2 * k]!);
    const l = hexVal(buf[a + 2 * k + 1]!);
    return h < 0 || l < 0 ? -1 : (h << 4) | l;
  };
}

/**
 * [start, end) of MP_REACH_NLRI's next-hop field in an UPDATE body of `n` octets (RFC 4271 §4.3,
 * RFC 4760 §3), or undefined when there is none or the body does not hold together.
 */
export function mpNextHopSpan(at: ByteAt, n: number): [number, number] | undefined {
  if (n < 4) return undefined;
  const wl = (at(0) << 8) | at(1);
  let p = 2 + wl;
  if (p + 2 > n) return undefined;
  const al = (at(p) << 8) | at(p + 1);
  p += 2;
  const end = p + al;
  if (end > n) return undefined;
  while (p + 3 <= end) {
    const flags = at(p);
    const code = at(p + 1);
    if (flags < 0 || code < 0) return undefined;
    const ext = (flags & 0x10) !== 0;
    if (ext && p + 4 > end) return undefined;
    const len = ext ? (at(p + 2) << 8) | at(p + 3) : at(p + 2);
    const v = p + (ext ? 4 : 3);
    if (len < 0 || v + len > end) return undefined;
    if (code === MP_REACH) {
      if (len < 4) return undefined;
      const nhl = at(v + 3);
      if (nhl < 0 || 4 + nhl > len) return undefined;
      return [v + 4, v + 4 + nhl];
    }
    p = v + len;
  }
  return undefined;
}

/** The record of `attrs` octets (attrs(0..na-1)) and next-hop octets nh(s..e). Undefined: not hex. */
export function makeRecord(attrs: ByteAt, na: number, nh: ByteAt | undefined, s: number, e: number): string | undefined {
  const nhl = nh ? e - s : 0;
  if (nhl > 255) return undefined;
  let out = String.fromCharCode(nhl);
  const codes: number[] = [];
  const flush = (): void => {
    out += String.fromCharCode.apply(null, codes);
    codes.length = 0;
  };
  for (let k = 0; k < nhl; k++) {
    const c = nh!(s + k);
    if (c < 0) return undefined;
    codes.push(c);
  }
  for (let k = 0; k < na; k++) {
    const c = attrs(k);
    if (c < 0) return undefined;
    codes.push(c);
    if (codes.length >= 1024) flush();
  }
  flush();
  return out;
}

/** The record without attributes and next hop (a route received before this change, or none given). */
export const NO_RECORD = String.fromCharCode(0);

/** What a record shows: the JSON members (`"attr":{…}`, `"errors":[…]`, `"next-hop":…`) and match keys. */
export interface RecordView {
  /** Members before `family` (`"attr":…,"errors":…,`), or ''. */
  head: string;
  /** `"next-hop":"…",` or ''. */
  nextHop: string;
  /** Community and large-community texts (the `community` filter for names the byte matcher does not know). */
  communities: ReadonlySet<string>;
  /** The `attr` object's JSON text, or '' (for --log-routes). */
  attrText: string;
}

const EMPTY_SET: ReadonlySet<string> = new Set();

export class RecordDecoder {
  private readonly session: Session;
  private readonly cache = new Map<string, RecordView>();

  constructor(families: Registry, strict: boolean) {
    this.session = createSession({ families, strict });
  }

  /** The view of a record for a family of `safi` (cached while `clear` is not called). */
  view(record: string, safi: number): RecordView {
    const key = record + String.fromCharCode(safi & 0xff);
    const hit = this.cache.get(key);
    if (hit) return hit;
    if (this.cache.size >= 4096) this.cache.clear();
    const v = this.decode(record, safi);
    this.cache.set(key, v);
    return v;
  }

  clear(): void {
    this.cache.clear();
  }

  private decode(record: string, safi: number): RecordView {
    const nhl = record.charCodeAt(0);
    const nh = new Uint8Array(nhl);
    for (let k = 0; k < nhl; k++) nh[k] = record.charCodeAt(1 + k);
    const na = record.length - 1 - nhl;
    const nextHop = nhl === 0 && record.length === 1 ? '' : `"next-hop":${JSON.stringify(nextHopText(nextHopOf(nh, safi)))},`;
    if (na === 0) return { head: '', nextHop, communities: EMPTY_SET, attrText: '' };
    // The attributes as an UPDATE body without routes: 0 withdrawn, the attribute octets.
    const body = new Uint8Array(4 + na);
    body[2] = na >> 8;
    body[3] = na & 0xff;
    for (let k = 0; k < na; k++) body[4 + k] = record.charCodeAt(1 + nhl + k);
    const json = updateBodyJson(decodeUpdate(body, this.session));
    // '{"attr":{…},"errors":[…]}' → its members (keys sorted: they come before "family").
    const members = json.slice(1, -1);
    const parsed = JSON.parse(json) as { attr?: Record<string, unknown> };
    const communities = new Set<string>();
    for (const name of ['community', 'large-community']) {
      const l = parsed.attr?.[name];
      if (Array.isArray(l)) for (const c of l) if (typeof c === 'string') communities.add(c);
    }
    const attrText = members.startsWith('"attr":') ? members.slice(7, objectEnd(members, 7)) : '';
    return { head: members === '' ? '' : members + ',', nextHop, communities, attrText };
  }
}

/** The index after the JSON object or array starting at `i` of `s` (strings skipped). */
function objectEnd(s: string, i: number): number {
  let depth = 0;
  for (let k = i; k < s.length; k++) {
    const c = s.charCodeAt(k);
    if (c === 0x22) {
      for (k++; k < s.length && s.charCodeAt(k) !== 0x22; k++) if (s.charCodeAt(k) === 0x5c) k++;
    } else if (c === 0x7b || c === 0x5b) depth++;
    else if ((c === 0x7d || c === 0x5d) && --depth === 0) return k + 1;
  }
  return s.length;
}

/**
 * The value spans ([start, end) in the record) of every attribute with type code `code` in a
 * record's attribute octets (RFC 4271 §4.3 headers: flags, type, 1- or 2-octet length).
 */
function attrSpans(record: string, code: number, visit: (a: number, b: number) => boolean): boolean {
  let p = 1 + record.charCodeAt(0);
  const n = record.length;
  while (p + 3 <= n) {
    const flags = record.charCodeAt(p);
    const c = record.charCodeAt(p + 1);
    const ext = (flags & 0x10) !== 0;
    if (ext && p + 4 > n) return false;
    const len = ext ? (record.charCodeAt(p + 2) << 8) | record.charCodeAt(p + 3) : record.charCodeAt(p + 2);
    const v = p + (ext ? 4 : 3);
    if (v + len > n) return false;
    if (c === code && visit(v, v + len)) return true;
    p = v + len;
  }
  return false;
}

const u16 = (s: string, i: number): number => (s.charCodeAt(i) << 8) | s.charCodeAt(i + 1);
const u32 = (s: string, i: number): number => u16(s, i) * 65536 + u16(s, i + 2);

/**
 * A matcher of route targets (RFC 4360 §4, RFC 5668 §2: sub-type 0x02 of the two-octet AS,
 * IPv4 address and four-octet AS types, transitive or not) against `<global>:<local>` text
 * (`65000:100`, `4200000000:1`, `192.0.2.1:7`; `target:` or `rt:` in front allowed), read from the
 * record's octets (no decode). Undefined when the text is not a route target.
 */
export function rtMatcher(text: string): ((record: string) => boolean) | undefined {
  const t = text.replace(/^(target|rt):/, '');
  const k = t.lastIndexOf(':');
  if (k <= 0) return undefined;
  const g = t.slice(0, k);
  const l = t.slice(k + 1);
  if (!/^[0-9]{1,10}$/.test(l)) return undefined;
  const local = Number(l);
  const ip = /^([0-9]{1,3})\.([0-9]{1,3})\.([0-9]{1,3})\.([0-9]{1,3})$/.exec(g);
  let want: (s: string, v: number) => boolean;
  if (ip) {
    const o = ip.slice(1).map(Number);
    if (o.some((x) => x > 255) || local > 0xffff) return undefined;
    want = (s, v) => (s.charCodeAt(v) & 0xbf) === 1 && o.every((x, i) => s.charCodeAt(v + 2 + i) === x) && u16(s, v + 6) === local;
  } else if (/^[0-9]{1,10}$/.test(g) && Number(g) <= 0xffffffff && local <= 0xffffffff) {
    const asn = Number(g);
    want = (s, v) => {
      const type = s.charCodeAt(v) & 0xbf;
      if (type === 0) return u16(s, v + 2) === asn && u32(s, v + 4) === local;
      if (type === 2) return u32(s, v + 2) === asn && u16(s, v + 6) === local;
      return false;
    };
  } else return undefined;
  return (record) =>
    attrSpans(record, 16, (a, b) => {
      if ((b - a) % 8 !== 0) return false;
      for (let v = a; v < b; v += 8) if (record.charCodeAt(v + 1) === 0x02 && want(record, v)) return true;
      return false;
    });
}

/** Well-known communities by the names the COMMUNITIES JSON uses (RFC 1997, 3765, 7611, 7999, 8326). */
const WELL_KNOWN: Readonly<Record<string, number>> = {
  'no-export': 0xffffff01,
  'no-advertise': 0xffffff02,
  'no-export-subconfed': 0xffffff03,
  'no-peer': 0xffffff04,
  blackhole: 0xffff029a,
  'graceful-shutdown': 0xffff0000,
  'accept-own': 0xffff0001,
};

/**
 * A matcher of a COMMUNITIES value (`65000:1` or a well-known name, RFC 1997) or a
 * LARGE_COMMUNITY value (`1:2:3`, RFC 8092) against the record's octets. Undefined when the text is
 * neither.
 */
export function communityMatcher(text: string): ((record: string) => boolean) | undefined {
  const parts = text.split(':');
  if (parts.length === 3 && parts.every((x) => /^[0-9]{1,10}$/.test(x) && Number(x) <= 0xffffffff)) {
    const [a, b, c] = parts.map(Number) as [number, number, number];
    return (record) =>
      attrSpans(record, 32, (s, e) => {
        for (let v = s; v + 12 <= e; v += 12) if (u32(record, v) === a && u32(record, v + 4) === b && u32(record, v + 8) === c) return true;
        return false;
      });
  }
  let want: number | undefined = WELL_KNOWN[text];
  if (want === undefined && parts.length === 2 && parts.every((x) => /^[0-9]{1,5}$/.test(x) && Number(x) <= 0xffff)) want = Number(parts[0]) * 65536 + Number(parts[1]);
  if (want === undefined) return undefined;
  const w = want;
  return (record) =>
    attrSpans(record, 8, (s, e) => {
      for (let v = s; v + 4 <= e; v += 4) if (u32(record, v) === w) return true;
      return false;
    });
}
