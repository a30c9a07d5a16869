/**
 * Models -> JSON values (what stands after `"<name>":` in Ze's `update.attr`) and back.
 *
 * Ze's forms (`ze bgp decode --update --json`, test/vectors/ze-update/path-attrs.jsonl):
 * `origin` "igp"/"egp"/"incomplete", `as-path` a flat array of ASNs, `next-hop` "a.b.c.d",
 * `med` and `local-preference` numbers, `atomic-aggregate` true, `aggregator` "ASN:a.b.c.d",
 * `originator-id` "a.b.c.d", `cluster-list` ["a.b.c.d",...].
 * ze-nlri's additions (docs/attributes/path.md, Ze keeps none of these):
 * - ORIGIN 3..255 (undefined, RFC 7606 §7.1): the number itself (Ze drops the key);
 * - AS_PATH / AS4_PATH other than a plain AS_SEQUENCE path (AS_SET, RFC 5065 confederation
 *   segments, short sequences back to back): `{"flat":[...],"segments":[{"asns":[...],"type":
 *   "as-set"},...]}` where `flat` is Ze's array; a plain path stays Ze's array;
 * - `as4-path` like `as-path`, `as4-aggregator` like `aggregator`, `otc` a number;
 * - `aigp` `{"metric":N}` (N exact, a JSON integer up to 2^64-1), plus `"tlvs":[...]` listing every
 *   TLV in order (`{"metric":N,"type":1}`, `{"raw":"HEX","type":T}`) unless the attribute is exactly
 *   one AIGP TLV.
 */
import { modelError, safeString } from '../../src/core/errors.js';
import { fromHex, toHex } from '../../src/core/hex.js';
import { ipv4ToString, parseAddr } from '../../src/core/ip.js';
import type { JsonWriter } from '../../src/core/json.js';
import {
  AIGP_TLV_METRIC,
  isAigpMetric,
  type Aggregator,
  type Aigp,
  type AigpTlv,
  type AsPath,
  type AsPathSegment,
  type Origin,
} from './model.js';
import { flatAsns, isPlainSequence, SEGMENT_NAMES, segmentTypeByName, sequencePath } from './wire-aspath.js';

export const ORIGIN_NAMES: readonly string[] = ['igp', 'egp', 'incomplete'];

export function originJson(m: Origin, j: JsonWriter): void {
  const name = ORIGIN_NAMES[m.value];
  if (name !== undefined) j.stringRaw(name);
  else j.number(m.value);
}

export function originFromJson(v: unknown): Origin {
  if (typeof v === 'string') {
    const i = ORIGIN_NAMES.indexOf(v);
    if (i >= 0) return { value: i };
  } else if (typeof v === 'number' && Number.isInteger(v) && v >= 0 && v <= 255) {
    return { value: v };
  }
  return modelError(`origin: expected "igp", "egp", "incomplete" or an octet, got ${show(v)}`);
}

export function asPathJson(m: AsPath, j: JsonWriter): void {
  if (isPlainSequence(m)) {
    j.numbers(flatAsns(m));
    return;
  }
  j.beginObject().keyRaw('flat').numbers(flatAsns(m)).keyRaw('segments').beginArray();
  for (const s of m.segments) {
    j.beginObject().keyRaw('asns').numbers(s.asns).keyRaw('type').stringRaw(SEGMENT_NAMES[s.type] ?? String(s.type)).endObject();
  }
  j.endArray().endObject();
}

export function asPathFromJson(v: unknown, what: string): AsPath {
  if (Array.isArray(v)) return sequencePath(v.map((a) => asnFromJson(a, what)));
  if (isObject(v) && Array.isArray(v.segments)) {
    const segments: AsPathSegment[] = v.segments.map((s: unknown, i: number): AsPathSegment => {
      if (!isObject(s) || typeof s.type !== 'string' || !Array.isArray(s.asns)) {
        return modelError(`${what}: segments[${i}] must be {"asns":[...],"type":"as-sequence|as-set|as-confed-sequence|as-confed-set"}`);
      }
      const type = segmentTypeByName(s.type);
      if (type === undefined) return modelError(`${what}: segments[${i}]: unknown segment type ${show(s.type)}`);
      if (s.asns.length === 0 || s.asns.length > 255) return modelError(`${what}: segments[${i}] holds 1..255 ASNs`);
      return { type, asns: s.asns.map((a: unknown) => asnFromJson(a, what)) };
    });
    const m = { segments };
    if (v.flat !== undefined) {
      const flat = Array.isArray(v.flat) ? v.flat : null;
      const want = flatAsns(m);
      if (flat === null || flat.length !== want.length || flat.some((a, i) => a !== want[i])) {
        modelError(`${what}: "flat" must list the segments' ASNs in order`);
      }
    }
    return m;
  }
  return modelError(`${what}: expected an array of ASNs or {"flat":[...],"segments":[...]}, got ${show(v)}`);
}

export function asnFromJson(v: unknown, what: string): number {
  const n = typeof v === 'string' && /^[0-9]+$/.test(v) ? Number(v) : v;
  if (typeof n !== 'number' || !Number.isInteger(n) || n < 0 || n > 0xffffffff) modelError(`${what}: ${show(v)} is not an AS number (0..4294967295)`);
  return n;
}

export function u32FromJson(v: unknown, what: string): number {
  const n = typeof v === 'string' && /^[0-9]+$/.test(v) ? Number(v) : v;
  if (typeof n !== 'number' || !Number.isInteger(n) || n < 0 || n > 0xffffffff) modelError(`${what}: ${show(v)} is not an unsigned 32-bit integer`);
  return n;
}

export function ipv4FromText(v: unknown, what: string, err: (m: string) => never = modelError): Uint8Array {
  if (typeof v !== 'string') return err(`${what}: expected "a.b.c.d", got ${show(v)}`);
  const a = parseAddr(v);
  if (typeof a === 'string') return err(`${what}: ${a}`);
  if (a.v6) return err(`${what}: ${v} is not an IPv4 address`);
  return a.bytes;
}

export function aggregatorText(m: Aggregator): string {
  return m.asn + ':' + ipv4ToString(m.address);
}

/** `ASN:a.b.c.d` -> Aggregator. */
export function aggregatorFromText(v: unknown, what: string, err: (m: string) => never = modelError): Aggregator {
  if (typeof v !== 'string') return err(`${what}: expected "ASN:a.b.c.d", got ${show(v)}`);
  const c = v.indexOf(':');
  if (c < 0) return err(`${what}: expected ASN:a.b.c.d, got ${v}`);
  const as = v.slice(0, c);
  if (!/^[0-9]+$/.test(as) || Number(as) > 0xffffffff) return err(`${what}: ${as} is not an AS number (0..4294967295)`);
  return { asn: Number(as), address: ipv4FromText(v.slice(c + 1), what, err) };
}

export function aigpJson(m: Aigp, j: JsonWriter): void {
  j.beginObject();
  const first = m.tlvs.find(isAigpMetric);
  if (first) j.keyRaw('metric').bigint(first.metric);
  if (!(m.tlvs.length === 1 && first)) {
    j.keyRaw('tlvs').beginArray();
    for (const t of m.tlvs) {
      j.beginObject();
      if (isAigpMetric(t)) j.keyRaw('metric').bigint(t.metric);
      else j.keyRaw('raw').stringRaw(toHex(t.raw));
      j.keyRaw('type').number(t.type).endObject();
    }
    j.endArray();
  }
  j.endObject();
}

export function u64FromJson(v: unknown, what: string): bigint {
  if (typeof v === 'bigint' && v >= 0n && v <= 0xffffffffffffffffn) return v;
  if (typeof v === 'number' && Number.isSafeInteger(v) && v >= 0) return BigInt(v);
  if (typeof v === 'string' && /^[0-9]+$/.test(v) && BigInt(v) <= 0xffffffffffffffffn) return BigInt(v);
  return modelError(`${what}: ${show(v)} is not an unsigned 64-bit integer (above 2^53 give a string or a bigint)`);
}

export function aigpFromJson(v: unknown): Aigp {
  if (!isObject(v)) return modelError(`aigp: expected {"metric":N} or {"tlvs":[...]}, got ${show(v)}`);
  if (v.tlvs === undefined) {
    if (v.metric === undefined) return modelError('aigp: "metric" or "tlvs" required');
    return { tlvs: [{ type: AIGP_TLV_METRIC, metric: u64FromJson(v.metric, 'aigp metric') }] };
  }
  if (!Array.isArray(v.tlvs)) return modelError('aigp: "tlvs" must be an array');
  const tlvs = v.tlvs.map((t: unknown, i: number): AigpTlv => {
    if (!isObject(t) || typeof t.type !== 'number' || !Number.isInteger(t.type) || t.type < 0 || t.type > 255) {
      return modelError(`aigp: tlvs[${i}] must be {"metric":N,"type":1} or {"raw":"HEX","type":T}`);
    }
    if (t.type === AIGP_TLV_METRIC) return { type: AIGP_TLV_METRIC, metric: u64FromJson(t.metric, `aigp tlvs[${i}] metric`) };
    if (typeof t.raw !== 'string') return modelError(`aigp: tlvs[${i}] (type ${t.type}) needs "raw"`);
    return { type: t.type, raw: hexFromJson(t.raw, `aigp tlvs[${i}] raw`) };
  });
  const m = { tlvs };
  if (v.metric !== undefined) {
    const first = tlvs.find(isAigpMetric);
    if (!first || first.metric !== u64FromJson(v.metric, 'aigp metric')) modelError('aigp: "metric" must be the first AIGP TLV\'s metric');
  }
  return m;
}

function hexFromJson(s: string, what: string): Uint8Array {
  try {
    return fromHex(s);
  } catch (e) {
    return modelError(`${what}: ${e instanceof Error ? e.message : String(e)}`);
  }
}

export function isObject(v: unknown): v is Record<string, any> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

export function show(v: unknown): string {
  try {
    const s = typeof v === 'bigint' ? v.toString() : JSON.stringify(v);
    return s === undefined ? safeString(v) : s.length > 60 ? s.slice(0, 57) + '...' : s;
  } catch {
    return safeString(v);
  }
}
