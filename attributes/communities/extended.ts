/**
 * EXTENDED_COMMUNITIES (type 16), RFC 4360 §2: a list of 8-octet communities.
 * Malformed (RFC 7606 §7.14): a length that is not a non-zero multiple of 8.
 * `fromJson` reads each object's `value` (the unsigned 64-bit integer Ze prints: a number, a
 * decimal string or a bigint), or accepts an args token in place of an object.
 */
import { modelError, NlriError, safeString } from '../../src/core/errors.js';
import { fromHex } from '../../src/core/hex.js';
import type { JsonWriter } from '../../src/core/json.js';
import type { Reader } from '../../src/core/reader.js';
import type { Writer } from '../../src/core/writer.js';
import type { AdminValue, ExtendedCommunities, ExtendedCommunity } from './model.js';
import { decodeExtended, encodeExtended } from './extended-wire.js';
import { extendedJson, extendedZeJson } from './extended-json.js';
import { extendedTok } from './extended-args.js';
import { checkLength } from './standard.js';

export function decodeExtendeds(r: Reader): ExtendedCommunities {
  checkLength(r, 8, 'extended communities', 'RFC 7606 §7.14');
  const out: ExtendedCommunity[] = new Array(r.remaining >>> 3);
  for (let i = 0; i < out.length; i++) {
    const p = r.pos;
    r.skip(8);
    out[i] = decodeExtended(r.buf, p);
  }
  return { communities: out };
}

export function encodeExtendeds(m: ExtendedCommunities, w: Writer): void {
  for (const c of m.communities) {
    w.zeros(8);
    encodeExtended(c, w.buf, w.pos - 8);
  }
}

export function extendedsJson(m: ExtendedCommunities, j: JsonWriter): void {
  j.beginArray();
  for (const c of m.communities) extendedJson(c, j);
  j.endArray();
}

/** Exactly what Ze prints for the attribute (`[{"string":...,"value":...},...]`), RFC readings aside. */
export function extendedsZeJson(m: ExtendedCommunities, j: JsonWriter): void {
  j.beginArray();
  for (const c of m.communities) extendedZeJson(c, j);
  j.endArray();
}

const MAX64 = (1n << 64n) - 1n;

/** A JSON `value`: a safe-integer number, a decimal string, or a bigint, below 2^64. */
export function u64FromJson(v: unknown, what: string): bigint {
  let n: bigint;
  if (typeof v === 'bigint') n = v;
  else if (typeof v === 'number') {
    if (!Number.isSafeInteger(v)) modelError(`${what}: value ${v} is not an exact integer (above 2^53 give it as a string or bigint)`);
    n = BigInt(v);
  } else if (typeof v === 'string' && /^[0-9]+$/.test(v)) n = BigInt(v);
  else return modelError(`${what}: value must be an unsigned 64-bit integer (number, decimal string or bigint), got ${JSON.stringify(String(v))}`);
  if (n < 0n || n > MAX64) modelError(`${what}: value ${n} is out of range`);
  return n;
}

function field(o: Record<string, unknown>, k: string): unknown {
  if (!(k in o)) modelError(`extended-community: ${safeString(o.kind)} needs "${k}"`);
  return o[k];
}

function str(o: Record<string, unknown>, k: string): string {
  const v = field(o, k);
  if (typeof v !== 'string') modelError(`extended-community: "${k}" must be a string`);
  return v;
}

/** The model from an object's `kind` and field keys (the keys `extendedJson` writes). */
export function extendedFromFields(o: Record<string, unknown>): ExtendedCommunity {
  const n = (k: string): number => field(o, k) as number;
  const b = (k: string): boolean => o[k] === true;
  const adminValue = (): AdminValue => {
    const form = field(o, 'form');
    if (form === 'ipv4') return { form, ip: str(o, 'ip'), local: n('local') };
    if (form === 'as2' || form === 'as4') return { form, asn: n('asn'), local: n('local') };
    return modelError(`extended-community: unknown form ${JSON.stringify(form)}`);
  };
  let c: ExtendedCommunity;
  switch (o.kind) {
    case 'route-target':
    case 'route-origin':
      c = { kind: o.kind, transitive: o.transitive !== false, ...adminValue() };
      break;
    case 'redirect': c = { kind: 'redirect', ...adminValue() }; break;
    case 'traffic-rate-bytes':
    case 'traffic-rate-packets': c = { kind: o.kind, id: n('id'), rate: n('rate') }; break;
    case 'traffic-action': c = { kind: 'traffic-action', sample: b('sample'), terminal: b('terminal') }; break;
    case 'traffic-marking': c = { kind: 'traffic-marking', dscp: n('dscp') }; break;
    case 'redirect-ip': c = { kind: 'redirect-ip', ip: str(o, 'ip'), copy: b('copy') }; break;
    case 'redirect-next-hop': c = { kind: 'redirect-next-hop', copy: b('copy') }; break;
    case 'mac-mobility': c = { kind: 'mac-mobility', sequence: n('sequence'), sticky: b('sticky') }; break;
    case 'esi-label': c = { kind: 'esi-label', label: n('label'), singleActive: b('single-active') }; break;
    case 'es-import-rt':
    case 'router-mac': c = { kind: o.kind, mac: str(o, 'mac') }; break;
    case 'l2-attributes':
      c = { kind: 'l2-attributes', backup: b('backup'), primary: b('primary'), controlWord: b('control-word'), flowLabel: b('flow-label'), mtu: n('mtu') };
      break;
    case 'default-gateway': c = { kind: 'default-gateway' }; break;
    case 'encapsulation': c = { kind: 'encapsulation', tunnelType: n('tunnel-type') }; break;
    case 'color': c = { kind: 'color', color: n('color'), colorOnly: (o['color-only'] ?? 0) as number }; break;
    case 'mup-segment-id': {
      const m = /^([0-9]+):([0-9]+)$/.exec(str(o, 'segment-id'));
      if (!m) modelError('extended-community: "segment-id" must be G:L');
      c = { kind: 'mup-segment-id', global: Number(m[1]), local: Number(m[2]) };
      break;
    }
    case 'link-bandwidth': c = { kind: 'link-bandwidth', asn: n('asn'), bandwidth: n('bandwidth') }; break;
    case 'l2-info': c = { kind: 'l2-info', encaps: n('encaps'), control: n('control'), mtu: n('mtu'), preference: n('preference') }; break;
    default: return modelError(`extended-community: unknown kind ${JSON.stringify(o.kind)}`);
  }
  encodeExtended(c, new Uint8Array(8), 0); // checks every field
  return c;
}

/** A raw community from `type`, `sub-type` and `raw` (the 6 value octets in hex). */
function rawFromJson(o: Record<string, unknown>): ExtendedCommunity {
  const raw = o.raw as string;
  if (!/^[0-9a-fA-F]{12}$/.test(raw)) modelError('extended-community: "raw" must be 12 hex digits');
  const c: ExtendedCommunity = { kind: 'raw', type: o.type as number, subType: o['sub-type'] as number, value: fromHex(raw) };
  const b = new Uint8Array(8);
  encodeExtended(c, b, 0); // checks type and sub-type
  return c;
}

const GENERIC = /^0x[0-9a-fA-F]{4}:[0-9a-fA-F]{12}$/;

function fromValue(n: bigint): ExtendedCommunity {
  const b = new Uint8Array(8);
  new DataView(b.buffer).setBigUint64(0, n);
  return decodeExtended(b, 0);
}

function fromToken(s: string): ExtendedCommunity {
  try {
    return extendedTok([s], 0)[0];
  } catch (err) {
    if (err instanceof NlriError) return modelError(`extended-community: ${err.message}`);
    throw err;
  }
}

function asU64(c: ExtendedCommunity): bigint {
  const b = new Uint8Array(8);
  encodeExtended(c, b, 0);
  return new DataView(b.buffer).getBigUint64(0);
}

/**
 * One community from its JSON object. An exact `value` (safe integer, decimal string, bigint)
 * decides. A `value` above 2^53 read by a plain `JSON.parse` has lost its low bits: then the
 * object's `kind` and fields decide (a raw one's `type`, `sub-type` and `raw`; for Ze's own
 * objects the `string` read as an args token), provided they agree with the rounded value. No `value`: the fields, or `string`.
 */
export function extendedFromJsonObject(o: Record<string, unknown>): ExtendedCommunity {
  const v = o.value;
  if (v !== undefined && !(typeof v === 'number' && Number.isInteger(v) && !Number.isSafeInteger(v))) {
    return fromValue(u64FromJson(v, 'extended-community'));
  }
  let c: ExtendedCommunity;
  if (o.kind === undefined && typeof o.raw === 'string' && typeof o.type === 'number' && typeof o['sub-type'] === 'number') c = rawFromJson(o);
  else if (typeof o.kind === 'string') c = extendedFromFields(o);
  else if (o.kind === undefined && typeof o.string === 'string' && (GENERIC.test(o.string) || o.type === undefined)) c = fromToken(o.string);
  else return modelError('extended-community: each community needs an exact "value" (a string or bigint above 2^53), or "kind" and its fields');
  if (typeof v === 'number' && Number(asU64(c)) !== v) {
    modelError(`extended-community: value ${v} does not match ${typeof o.kind === 'string' ? 'the fields' : JSON.stringify(o.string)}`);
  }
  return c;
}

export function extendedsFromJson(v: unknown): ExtendedCommunities {
  if (!Array.isArray(v)) modelError('extended-community: expected an array');
  const out: ExtendedCommunity[] = [];
  for (const e of v) {
    if (typeof e === 'string') out.push(fromToken(e));
    else if (e !== null && typeof e === 'object' && !Array.isArray(e)) out.push(extendedFromJsonObject(e as Record<string, unknown>));
    else modelError(`extended-community: expected objects, got ${JSON.stringify(e)}`);
  }
  return { communities: out };
}
