/**
 * BgpUpdate → JSON text in the shape of Ze's `ze bgp decode --update --json` (Ze's
 * cmd/ze/bgp/decode_update.go at f09f9ac2): an envelope `{"bgp":{"message":…,"peer":…,
 * "update":{…}},"type":"bgp"}`, and in `update` the key `attr` (the path attributes by name,
 * without NEXT_HOP, MP_REACH_NLRI and MP_UNREACH_NLRI) and one key per family holding a list of
 * operations `{"action":"add"|"del","next-hop":…,"nlri":[…]}`. Every object's keys are sorted
 * byte-wise (Ze builds Go maps), NLRI objects included (Ze re-marshals its plugins' JSON).
 *
 * Superset keys (docs/ze-compat.md, "Whole UPDATE"): `errors` (RFC 7606 problems), `end-of-rib`,
 * `next-hop-link-local` and `next-hop-rd` in operations, attributes Ze has no parser for, unknown
 * attributes as `attr-<code>`: {"code","flags","raw"}.
 */
import { NlriError } from '../core/errors.js';
import { toHex } from '../core/hex.js';
import { JsonWriter, byteCompare, goQuote, sortJsonKeys } from '../core/json.js';
import type { FamilyCodec, NlriBase } from '../registry/family.js';
import { encode, writeJson } from '../registry/ops.js';
import type { MpReach, MpUnreach } from '../../attributes/mp/model.js';
import { writeReachMembers, writeUnreachMembers } from '../../attributes/mp/json.js';
import type { BgpUpdate, PathAttribute, PathAttributes } from './model.js';

const NEXT_HOP = 3;
const MP_REACH = 14;
const MP_UNREACH = 15;

export interface UpdateJsonOptions {
  /** Wrap in Ze's `{"bgp":{…},"type":"bgp"}` envelope as `ze bgp decode --update --json` does (default true). */
  envelope?: boolean;
  /**
   * Add `"hex":[…]` to each operation: every NLRI's bytes (without its path id), so that
   * `encode-update` rebuilds NLRIs of families whose JSON cannot be read back (default false).
   */
  nlriHex?: boolean;
}

const ENVELOPE_HEAD = '{"bgp":{"message":{"direction":"received","id":0,"type":"update"},"peer":{"address":"127.0.0.1","remote":{"as":65533}},"update":';
const ENVELOPE_TAIL = '},"type":"bgp"}';

interface Op {
  json: string;
}

function nlriList(codec: FamilyCodec<any> | undefined, nlri: readonly NlriBase[], j: JsonWriter): string {
  if (!codec) return '[]';
  let out = '[';
  for (let k = 0; k < nlri.length; k++) {
    writeJson(codec, nlri[k]!, j);
    out += (k ? ',' : '') + j.take();
  }
  return out + ']';
}

/** One operation object; NLRI keys re-sorted as Ze's map round trip does. */
function reachOp(mp: MpReach, j: JsonWriter, hex: boolean): string {
  if (hex && mp.codec) j.inject('hex', hexList(mp.codec, mp.nlri));
  j.beginObject();
  writeReachMembers(mp, j);
  j.endObject();
  return sortJsonKeys(j.take());
}

function unreachOp(mp: MpUnreach, j: JsonWriter, hex: boolean): string {
  if (hex && mp.codec) j.inject('hex', hexList(mp.codec, mp.nlri));
  j.beginObject();
  writeUnreachMembers(mp, j);
  j.endObject();
  return sortJsonKeys(j.take());
}

/**
 * `["<NLRI hex>",…]`, one per NLRI, path ids left out (they stay in the NLRI JSON). `hex` sorts
 * before `next-hop` and `nlri`, so the injected key is placed before any NLRI is written.
 */
function hexList(codec: FamilyCodec<any> | undefined, nlri: readonly NlriBase[]): string {
  if (!codec) return '[]';
  let s = '[';
  for (let k = 0; k < nlri.length; k++) s += (k ? ',"' : '"') + toHex(encode(codec, nlri[k]!)) + '"';
  return s + ']';
}

function rawAttributeJson(a: PathAttribute): string {
  return '{"code":' + a.code + ',"flags":' + a.flags + ',"raw":"' + toHex(a.raw) + '"}';
}

/** [key, JSON] of one attribute: its codec's form, or the raw record when it has none or cannot show it. */
function attributeJson(a: PathAttribute, j: JsonWriter): [string, string] {
  if (a.codec === undefined || a.value === undefined) return [`attr-${a.code}`, rawAttributeJson(a)];
  try {
    a.codec.json(a.value, j);
    return [a.codec.name, j.take()];
  } catch (e) {
    // A value JSON cannot carry (Go's "json: unsupported value: NaN" in the BGP-LS attribute):
    // the attribute is shown as its raw record under attr-<code>.
    j.take();
    if (e instanceof NlriError) return [`attr-${a.code}`, rawAttributeJson(a)];
    throw e;
  }
}

/**
 * The `attr` object: every attribute by its JSON name (unknown ones as `attr-<code>` records),
 * without NEXT_HOP, MP_REACH_NLRI and MP_UNREACH_NLRI, which the route lists carry; '' when there
 * is nothing to show. With `nlriHex`, a lossy attribute also gets `"<name>-hex"`.
 */
export function attributesJson(attrs: PathAttributes, j: JsonWriter = new JsonWriter(), opts: UpdateJsonOptions = {}): string {
  const members: [string, string][] = [];
  for (const a of attrs.list) {
    if (a.code === NEXT_HOP || a.code === MP_REACH || a.code === MP_UNREACH) {
      // Shown in the route lists, unless there is no codec value to show there.
      if (a.value !== undefined && a.codec) continue;
    }
    const kv = attributeJson(a, j);
    members.push(kv);
    // An attribute whose JSON does not read back (Ze's BGP-LS attribute form): its value bytes too.
    if (opts.nlriHex && a.codec?.lossyJson && kv[0] === a.codec.name) members.push([a.codec.name + '-hex', '"' + toHex(a.raw) + '"']);
  }
  if (members.length === 0) return '';
  members.sort((x, y) => byteCompare(x[0], y[0]));
  return '{' + members.map(([k, v]) => goQuote(k) + ':' + v).join(',') + '}';
}

/** The RFC 7606 problems as the `errors` list; '' when there are none. */
export function problemsJson(u: BgpUpdate, j: JsonWriter = new JsonWriter()): string {
  if (u.problems.length === 0) return '';
  let s = '[';
  u.problems.forEach((q, k) => {
    j.beginObject();
    j.keyRaw('action').stringRaw(q.action);
    if (q.attribute) j.keyRaw('attribute').string(q.attribute);
    j.keyRaw('code').stringRaw(q.error.code);
    j.keyRaw('message').string(q.error.message);
    j.keyRaw('offset').number(q.error.offset);
    if (q.raw) j.keyRaw('raw').stringRaw(toHex(q.raw));
    if (q.typeCode) j.keyRaw('type-code').number(q.typeCode);
    j.endObject();
    s += (k ? ',' : '') + j.take();
  });
  return s + ']';
}

/** The `update` object (no envelope) as JSON text. */
export function updateBodyJson(u: BgpUpdate, opts: UpdateJsonOptions = {}): string {
  const hex = opts.nlriHex === true;
  const j = new JsonWriter();
  const members: [string, string][] = [];
  const families = new Map<string, Op[]>();
  const addOp = (family: string, json: string): void => {
    let ops = families.get(family);
    if (!ops) families.set(family, (ops = []));
    ops.push({ json });
  };
  let nextHop = '0.0.0.0';
  const eor: string[] = [];
  let reach: MpReach | undefined;
  let unreach: MpUnreach | undefined;
  for (const a of u.attributes.list) {
    if (a.code === MP_REACH && a.value !== undefined) reach = a.value as MpReach;
    else if (a.code === MP_UNREACH && a.value !== undefined) unreach = a.value as MpUnreach;
    else if (a.code === NEXT_HOP && a.value !== undefined && a.codec) {
      a.codec.json(a.value, j);
      nextHop = JSON.parse(j.take()) as string;
    }
  }
  // Ze's order inside one family: MP_REACH, MP_UNREACH, then the legacy fields (withdrawn, NLRI).
  // Ze leaves out an MP_REACH without NLRIs (and its next hop); ze-nlri shows it.
  if (reach) addOp(reach.family, reachOp(reach, j, hex));
  if (unreach) {
    if (unreach.nlriBytes.length === 0) eor.push(unreach.family);
    else addOp(unreach.family, unreachOp(unreach, j, hex));
  }
  const unicast = (list: readonly NlriBase[]): string => nlriList(u.unicast, list, j);
  const hexMember = (list: readonly NlriBase[]): string => (hex ? '"hex":' + hexList(u.unicast, list) + ',' : '');
  if (u.withdrawn.length > 0) addOp('ipv4/unicast', '{"action":"del",' + hexMember(u.withdrawn) + '"nlri":' + unicast(u.withdrawn) + '}');
  if (u.nlri.length > 0) addOp('ipv4/unicast', '{"action":"add",' + hexMember(u.nlri) + '"next-hop":' + goQuote(nextHop) + ',"nlri":' + unicast(u.nlri) + '}');
  if (u.withdrawn.length === 0 && u.nlri.length === 0 && u.attributes.size === 0 && u.problems.length === 0) eor.push('ipv4/unicast');

  const attr = attributesJson(u.attributes, j, opts);
  if (attr !== '') members.push(['attr', attr]);
  for (const [family, ops] of families) members.push([family, '[' + ops.map((o) => o.json).join(',') + ']']);
  if (eor.length > 0) members.push(['end-of-rib', '[' + eor.map(goQuote).join(',') + ']']);
  const errors = problemsJson(u, j);
  if (errors !== '') members.push(['errors', errors]);
  members.sort((x, y) => byteCompare(x[0], y[0]));
  return '{' + members.map(([k, v]) => goQuote(k) + ':' + v).join(',') + '}';
}

/** Ze's whole-UPDATE JSON text for `u`. */
export function updateToJson(u: BgpUpdate, opts: UpdateJsonOptions = {}): string {
  const body = updateBodyJson(u, opts);
  return opts.envelope === false ? '{"update":' + body + '}' : ENVELOPE_HEAD + body + ENVELOPE_TAIL;
}
