/**
 * MP_REACH_NLRI / MP_UNREACH_NLRI → JSON, and JSON → model.
 *
 * The value is one operation object, Ze's per-family route list entry (`ze bgp decode
 * --update --json`) plus the family, keys sorted:
 *
 *   {"action":"add","family":"ipv4/unicast","next-hop":"192.0.2.1","nlri":["10.0.0.0/24"]}
 *   {"action":"del","family":"ipv6/unicast","nlri":[]}                      (End-of-RIB)
 *
 * - `next-hop`: `nextHopText` (IPv4 / IPv6 global text, `no-nexthop`, lower hex otherwise).
 * - `next-hop-link-local` (superset): the link-local address of a 32/48-octet next hop
 *   (RFC 2545 §3, RFC 4659 §3.2.1); Ze drops it.
 * - `next-hop-rd` / `next-hop-link-local-rd` (superset): a VPN next hop's RD, only when nonzero
 *   (RFC 4364 §4.3.2 says zero).
 * - `reserved` (superset): the reserved octet after the next hop, only when nonzero (RFC 4760 §3:
 *   "MUST be set to 0", ignored on receipt; shown so that the JSON says what the bytes hold).
 * - `nlri`: each NLRI written by the family codec (`writeJson`, so `path-id` with ADD-PATH); an
 *   unknown family's field as one `{"parsed":false,"raw":"<HEX>"}` (nothing when empty).
 *
 * `writeReachMembers` / `writeUnreachMembers` write the members without `family`, for the update
 * layer, which keys its route lists by family (Ze's `"ipv4/unicast":[{...}]`).
 *
 * fromJson: the family and next hop from their texts, the NLRIs element by element:
 *   - `{"hex":"<one NLRI>"}` (optional `path-id`): the NLRI bytes, decoded by the family codec;
 *   - `{"args":[…]}` (optional `path-id`): the family's `fromArgs` tokens;
 *   - `{"parsed":false,"raw":"<HEX>"}`: bytes kept as they are (decoded again for a known family);
 *   - `{"parsed":true,"raw":"<HEX>",…}` (EVPN's JSON, which carries each NLRI's bytes): the bytes;
 *   - anything else (a string, an object of the family's JSON): only where the family codec has
 *     `fromZeJson` (unicast, FlowSpec), otherwise an `invalid-model` error naming the two forms.
 */
import { NlriError, modelError } from '../../src/core/errors.js';
import { fromHex, toHex } from '../../src/core/hex.js';
import type { JsonWriter } from '../../src/core/json.js';
import { rdToString } from '../../src/core/rd.js';
import type { AttrContext } from '../../src/attributes/attribute.js';
import type { FamilyCodec, NlriBase } from '../../src/registry/family.js';
import { decodeAll, decodeOne, writeJson } from '../../src/registry/ops.js';
import { Reader } from '../../src/core/reader.js';
import { mpReach, mpReachRaw, mpUnreach, mpUnreachRaw } from './build.js';
import { resolveFamily } from './family.js';
import type { MpReach, MpUnreach } from './model.js';
import { linkLocalRd, nextHopFromSpec, nextHopText, rdIsZero } from './nexthop.js';

function writeNlriArray(m: MpReach | MpUnreach, j: JsonWriter): void {
  j.keyRaw('nlri').beginArray();
  const codec = m.codec;
  if (codec) {
    for (const n of m.nlri) writeJson(codec, n, j);
  } else if (m.nlriBytes.length > 0) {
    j.beginObject().keyRaw('parsed').bool(false).keyRaw('raw').stringRaw(toHex(m.nlriBytes)).endObject();
  }
  j.endArray();
}

/** The members of an MP_REACH_NLRI operation object, sorted; `family` only when asked. */
export function writeReachMembers(m: MpReach, j: JsonWriter, withFamily = false): void {
  j.keyRaw('action').stringRaw('add');
  if (withFamily) j.keyRaw('family').stringRaw(m.family);
  const nh = m.nextHop;
  j.keyRaw('next-hop').stringRaw(nextHopText(nh));
  if (nh.linkLocal !== undefined) j.keyRaw('next-hop-link-local').stringRaw(nh.linkLocal);
  const llRd = linkLocalRd(nh);
  if (!rdIsZero(llRd)) j.keyRaw('next-hop-link-local-rd').stringRaw(rdToString(llRd!));
  if (!rdIsZero(nh.rd)) j.keyRaw('next-hop-rd').stringRaw(rdToString(nh.rd!));
  // A next-hop field its text does not rebuild (a 16-octet next hop for a VPN SAFI, a length the
  // family does not use): the field itself as hex, so the JSON says what the bytes say.
  if (!rebuilds(m)) j.keyRaw('next-hop-field').stringRaw(toHex(nh.bytes));
  writeNlriArray(m, j);
  if (m.reserved !== 0) j.keyRaw('reserved').number(m.reserved);
}

/** Does the next-hop text (with its link-local and RDs) give back exactly the next-hop field? */
function rebuilds(m: MpReach): boolean {
  const nh = m.nextHop;
  if (nh.kind === 'raw' || nh.kind === 'none') return true; // hex text / no-nexthop: the field itself
  try {
    const llRd = linkLocalRd(nh);
    const spec = {
      address: nextHopText(nh),
      linkLocal: nh.linkLocal,
      rd: nh.rd && !rdIsZero(nh.rd) ? rdToString(nh.rd) : undefined,
      linkLocalRd: llRd && !rdIsZero(llRd) ? rdToString(llRd) : undefined,
    };
    const b = nextHopFromSpec(spec, m.safi, m.family).bytes;
    if (b.length !== nh.bytes.length) return false;
    for (let i = 0; i < b.length; i++) if (b[i] !== nh.bytes[i]) return false;
    return true;
  } catch {
    return false;
  }
}

/** The members of an MP_UNREACH_NLRI operation object, sorted; `family` only when asked. */
export function writeUnreachMembers(m: MpUnreach, j: JsonWriter, withFamily = false): void {
  j.keyRaw('action').stringRaw('del');
  if (withFamily) j.keyRaw('family').stringRaw(m.family);
  writeNlriArray(m, j);
}

export function mpReachJson(m: MpReach, j: JsonWriter): void {
  j.beginObject();
  writeReachMembers(m, j, true);
  j.endObject();
}

export function mpUnreachJson(m: MpUnreach, j: JsonWriter): void {
  j.beginObject();
  writeUnreachMembers(m, j, true);
  j.endObject();
}

// ---- JSON → model ----

type Obj = Record<string, unknown>;

function isObj(v: unknown): v is Obj {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function onlyKeys(o: Obj, keys: readonly string[]): boolean {
  for (const k of Object.keys(o)) if (!keys.includes(k)) return false;
  return true;
}

function hexOf(v: unknown, what: string, family: string): Uint8Array {
  if (typeof v !== 'string') modelError(`${what} must be a hex string`, family);
  try {
    return fromHex(v as string, family);
  } catch (e) {
    if (e instanceof NlriError) modelError(`${what}: ${e.message}`, family);
    throw e;
  }
}

function pathIdOf(o: Obj, family: string): number | undefined {
  const v = o['path-id'];
  if (v === undefined) return undefined;
  const n = typeof v === 'string' && /^[0-9]+$/.test(v) ? Number(v) : typeof v === 'bigint' ? Number(v) : v;
  if (typeof n !== 'number' || !Number.isInteger(n) || n < 0 || n > 0xffffffff) modelError('"path-id" must be an integer 0..4294967295', family);
  return n as number;
}

function withPathId(m: NlriBase, id: number | undefined): NlriBase {
  if (id !== undefined && m.pathId === undefined) m.pathId = id;
  return m;
}

/** One JSON NLRI element → models (a `parsed:false` record may hold several). */
function nlriFromJson(codec: FamilyCodec<any>, el: unknown, withdraw: boolean, ctx: AttrContext, out: NlriBase[]): void {
  const family = codec.name;
  if (isObj(el)) {
    if ('hex' in el && onlyKeys(el, ['hex', 'path-id'])) {
      // Lossless as the session decodes: hex that came from one of Ze's lossless records reads back as one.
      const m = decodeOne(codec, hexOf(el.hex, 'nlri hex', family), { withdraw, lossless: ctx.lossless, maxLabels: ctx.maxLabels });
      out.push(withPathId(m, pathIdOf(el, family)));
      return;
    }
    if ('args' in el && onlyKeys(el, ['args', 'path-id'])) {
      const a = el.args;
      if (!Array.isArray(a) || !a.every((t) => typeof t === 'string')) modelError('"args" must be an array of strings', family);
      out.push(withPathId(codec.fromArgs(a as string[]), pathIdOf(el, family)));
      return;
    }
    if (el.parsed === false && 'raw' in el && onlyKeys(el, ['parsed', 'raw', 'path-id', 'code'])) {
      const raw = hexOf(el.raw, 'raw', family);
      const ms = decodeAll(codec, raw, { withdraw, lossless: true, maxLabels: ctx.maxLabels });
      // An empty record (a path id with nothing after it, kept by Ze's lossless form): the
      // family's record of no bytes.
      if (ms.length === 0 && codec.recover) {
        const empty = codec.recover(new Reader(raw, family), 0, undefined);
        if (empty) ms.push(empty);
      }
      const id = pathIdOf(el, family);
      for (const m of ms) out.push(withPathId(m, id));
      return;
    }
  }
  if (!codec.fromZeJson && isObj(el) && el.parsed === true && typeof el.raw === 'string') {
    // EVPN's JSON carries each NLRI's own bytes as `raw`.
    const m = decodeOne(codec, hexOf(el.raw, 'raw', family), { withdraw, lossless: false, maxLabels: ctx.maxLabels });
    out.push(withPathId(m, pathIdOf(el, family)));
    return;
  }
  if (codec.fromZeJson) {
    const m = codec.fromZeJson(el);
    out.push(withPathId(m, isObj(el) ? pathIdOf(el, family) : undefined));
    return;
  }
  modelError(`${family} has no JSON reader for its NLRIs: give each as {"hex":"<NLRI>"} or {"args":[…]}`, family);
}

/** An unknown family's elements: raw bytes only, concatenated. */
function rawField(list: readonly unknown[], family: string): Uint8Array {
  const parts: Uint8Array[] = [];
  for (const el of list) {
    if (isObj(el) && el.parsed === false && onlyKeys(el, ['parsed', 'raw'])) parts.push(hexOf(el.raw, 'raw', family));
    else if (isObj(el) && onlyKeys(el, ['hex'])) parts.push(hexOf(el.hex, 'nlri hex', family));
    else modelError(`no codec for ${family}: NLRIs must be {"parsed":false,"raw":"<HEX>"} or {"hex":"<HEX>"}`, family);
  }
  let n = 0;
  for (const p of parts) n += p.length;
  const b = new Uint8Array(n);
  let o = 0;
  for (const p of parts) {
    b.set(p, o);
    o += p.length;
  }
  return b;
}

function common(value: unknown, action: string, what: string, ctx: AttrContext): { o: Obj; family: string; list: unknown[] } {
  if (!isObj(value)) modelError(`${what} must be an object`);
  const o = value as Obj;
  if (o.action !== undefined && o.action !== action) modelError(`${what}: "action" must be "${action}"`);
  if (typeof o.family !== 'string') modelError(`${what}: "family" must be a string`);
  const family = o.family as string;
  if (!Array.isArray(o.nlri)) modelError(`${what}: "nlri" must be an array`, family);
  void ctx;
  return { o, family, list: o.nlri as unknown[] };
}

function optString(o: Obj, k: string, family: string): string | undefined {
  const v = o[k];
  if (v !== undefined && typeof v !== 'string') modelError(`"${k}" must be a string`, family);
  return v as string | undefined;
}

export function mpReachFromJson(value: unknown, ctx: AttrContext): MpReach {
  const { o, family, list } = common(value, 'add', 'mp-reach-nlri', ctx);
  const f = resolveFamily(family, ctx.families);
  const field = optString(o, 'next-hop-field', family);
  const nh = field !== undefined ? { address: field } : {
    address: optString(o, 'next-hop', family) ?? 'no-nexthop',
    linkLocal: optString(o, 'next-hop-link-local', family),
    rd: optString(o, 'next-hop-rd', family),
    linkLocalRd: optString(o, 'next-hop-link-local-rd', family),
  };
  const reserved = o.reserved ?? 0;
  if (typeof reserved !== 'number' || !Number.isInteger(reserved) || reserved < 0 || reserved > 255) modelError('"reserved" must be an integer 0..255', family);
  let m: MpReach;
  if (!f.codec) m = mpReachRaw(f.family, nh, rawField(list, f.family), ctx);
  else {
    const out: NlriBase[] = [];
    for (const el of list) nlriFromJson(f.codec, el, false, ctx, out);
    m = mpReach(f.family, nh, out, ctx);
  }
  return reserved === 0 ? m : { ...m, reserved };
}

export function mpUnreachFromJson(value: unknown, ctx: AttrContext): MpUnreach {
  const { family, list } = common(value, 'del', 'mp-unreach-nlri', ctx);
  const f = resolveFamily(family, ctx.families);
  if (!f.codec) return mpUnreachRaw(f.family, rawField(list, f.family), ctx);
  const out: NlriBase[] = [];
  for (const el of list) nlriFromJson(f.codec, el, true, ctx, out);
  return mpUnreach(f.family, out, ctx);
}
