/**
 * Prefix-SID model <-> JSON. Ze has no Prefix-SID parser at f09f9ac2 (the attribute is
 * dropped from its UPDATE JSON), so this is Ze's style: a compact array of TLVs in wire order,
 * each an object with byte-wise sorted kebab-case keys, `type` and a `name` for the typed ones,
 * IPv6 SIDs as Go netip text, unknown parts `{"raw":"<HEX>","type":N}`.
 *
 *   [{"flags":0,"label-index":100,"name":"label-index","type":1},
 *    {"flags":0,"name":"originator-srgb","srgb":[{"base":16000,"range":8000}],"type":3}]
 *
 *   [{"name":"srv6-l3-service","sub-tlvs":[{"endpoint-behavior":19,"name":"srv6-sid-information",
 *     "sid":"2001:db8:1::","sid-flags":0,"sub-sub-tlvs":[{"argument-length":0,"function-length":16,
 *     "locator-block-length":40,"locator-node-length":24,"name":"srv6-sid-structure",
 *     "transposition-length":16,"transposition-offset":64,"type":1}],"type":1}],"type":5}]
 *
 * RFC 8669 §3.1 / §3.2, RFC 9252 §2, §3.1, §3.2.1. Reserved fields appear (`reserved`,
 * `reserved1`, `reserved2`) only when not zero; `fromJson` takes them as 0 when absent.
 */
import { modelError } from '../../src/core/errors.js';
import { fromHex, toHex } from '../../src/core/hex.js';
import { ipv6ToString, parseAddr } from '../../src/core/ip.js';
import type { JsonWriter } from '../../src/core/json.js';
import { isRaw, type PrefixSid, type PrefixSidTlv, type RawTlv, type Srv6SubSubTlv, type Srv6SubTlv } from './model.js';

function rawJson(t: RawTlv, j: JsonWriter): void {
  j.beginObject().keyRaw('raw').stringRaw(toHex(t.raw)).keyRaw('type').number(t.type).endObject();
}

function subSubJson(t: Srv6SubSubTlv, j: JsonWriter): void {
  if (isRaw(t)) return rawJson(t, j);
  j.beginObject();
  j.keyRaw('argument-length').number(t.argumentLength);
  j.keyRaw('function-length').number(t.functionLength);
  j.keyRaw('locator-block-length').number(t.locatorBlockLength);
  j.keyRaw('locator-node-length').number(t.locatorNodeLength);
  j.keyRaw('name').stringRaw('srv6-sid-structure');
  j.keyRaw('transposition-length').number(t.transpositionLength);
  j.keyRaw('transposition-offset').number(t.transpositionOffset);
  j.keyRaw('type').number(1);
  j.endObject();
}

function subJson(t: Srv6SubTlv, j: JsonWriter): void {
  if (isRaw(t)) return rawJson(t, j);
  j.beginObject();
  j.keyRaw('endpoint-behavior').number(t.behavior);
  j.keyRaw('name').stringRaw('srv6-sid-information');
  if (t.reserved1 !== 0) j.keyRaw('reserved1').number(t.reserved1);
  if (t.reserved2 !== 0) j.keyRaw('reserved2').number(t.reserved2);
  j.keyRaw('sid').stringRaw(ipv6ToString(t.sid));
  j.keyRaw('sid-flags').number(t.sidFlags);
  j.keyRaw('sub-sub-tlvs').beginArray();
  for (const s of t.subSubTlvs) subSubJson(s, j);
  j.endArray();
  j.keyRaw('type').number(1);
  j.endObject();
}

function tlvJson(t: PrefixSidTlv, j: JsonWriter): void {
  if (isRaw(t)) return rawJson(t, j);
  j.beginObject();
  switch (t.type) {
    case 1:
      j.keyRaw('flags').number(t.flags);
      j.keyRaw('label-index').number(t.labelIndex);
      j.keyRaw('name').stringRaw('label-index');
      if (t.reserved !== 0) j.keyRaw('reserved').number(t.reserved);
      break;
    case 3:
      j.keyRaw('flags').number(t.flags);
      j.keyRaw('name').stringRaw('originator-srgb');
      j.keyRaw('srgb').beginArray();
      for (const g of t.srgb) j.beginObject().keyRaw('base').number(g.base).keyRaw('range').number(g.range).endObject();
      j.endArray();
      break;
    default:
      j.keyRaw('name').stringRaw(t.type === 5 ? 'srv6-l3-service' : 'srv6-l2-service');
      if (t.reserved !== 0) j.keyRaw('reserved').number(t.reserved);
      j.keyRaw('sub-tlvs').beginArray();
      for (const s of t.subTlvs) subJson(s, j);
      j.endArray();
  }
  j.keyRaw('type').number(t.type);
  j.endObject();
}

export function prefixSidJson(m: PrefixSid, j: JsonWriter): void {
  j.beginArray();
  for (const t of m.tlvs) tlvJson(t, j);
  j.endArray();
}

// ---- fromJson ----

type Obj = Record<string, unknown>;

function obj(v: unknown, what: string): Obj {
  if (v === null || typeof v !== 'object' || Array.isArray(v)) modelError(`prefix-sid: ${what} must be an object`);
  return v as Obj;
}

function arr(v: unknown, what: string): unknown[] {
  if (v === undefined) return [];
  if (!Array.isArray(v)) modelError(`prefix-sid: "${what}" must be an array`);
  return v;
}

function num(o: Obj, k: string, max: number, dflt?: number): number {
  let v = o[k];
  if (v === undefined) {
    if (dflt !== undefined) return dflt;
    modelError(`prefix-sid: missing "${k}"`);
  }
  if (typeof v === 'bigint') v = Number(v);
  if (typeof v === 'string' && /^[0-9]+$/.test(v)) v = Number(v);
  if (typeof v !== 'number' || !Number.isInteger(v) || v < 0 || v > max) modelError(`prefix-sid: "${k}" must be an integer 0..${max}`);
  return v;
}

function raw(o: Obj): RawTlv | undefined {
  if (o['raw'] === undefined) return undefined;
  const v = o['raw'];
  if (typeof v !== 'string' || v.length % 2 !== 0 || !/^[0-9A-Fa-f]*$/.test(v)) modelError('prefix-sid: "raw" must be hex text');
  return { type: num(o, 'type', 0xff), raw: fromHex(v) };
}

function subSubFromJson(v: unknown): Srv6SubSubTlv {
  const o = obj(v, 'sub-sub-TLV');
  const r = raw(o);
  if (r) return r;
  if (num(o, 'type', 0xff) !== 1) modelError('prefix-sid: a sub-sub-TLV other than type 1 needs "raw"');
  return {
    type: 1,
    locatorBlockLength: num(o, 'locator-block-length', 0xff),
    locatorNodeLength: num(o, 'locator-node-length', 0xff),
    functionLength: num(o, 'function-length', 0xff),
    argumentLength: num(o, 'argument-length', 0xff),
    transpositionLength: num(o, 'transposition-length', 0xff),
    transpositionOffset: num(o, 'transposition-offset', 0xff),
  };
}

function subFromJson(v: unknown): Srv6SubTlv {
  const o = obj(v, 'sub-TLV');
  const r = raw(o);
  if (r) return r;
  if (num(o, 'type', 0xff) !== 1) modelError('prefix-sid: a sub-TLV other than type 1 needs "raw"');
  const s = o['sid'];
  const a = typeof s === 'string' ? parseAddr(s) : 'missing';
  if (typeof a === 'string' || !a.v6) modelError(`prefix-sid: "sid" must be an IPv6 address`);
  return {
    type: 1,
    reserved1: num(o, 'reserved1', 0xff, 0),
    sid: a.bytes,
    sidFlags: num(o, 'sid-flags', 0xff, 0),
    behavior: num(o, 'endpoint-behavior', 0xffff),
    reserved2: num(o, 'reserved2', 0xff, 0),
    subSubTlvs: arr(o['sub-sub-tlvs'], 'sub-sub-tlvs').map(subSubFromJson),
  };
}

function tlvFromJson(v: unknown): PrefixSidTlv {
  const o = obj(v, 'TLV');
  const r = raw(o);
  if (r) return r;
  const type = num(o, 'type', 0xff);
  switch (type) {
    case 1:
      return { type: 1, reserved: num(o, 'reserved', 0xff, 0), flags: num(o, 'flags', 0xffff, 0), labelIndex: num(o, 'label-index', 0xffffffff) };
    case 3:
      return {
        type: 3,
        flags: num(o, 'flags', 0xffff, 0),
        srgb: arr(o['srgb'], 'srgb').map((g) => {
          const e = obj(g, 'SRGB');
          return { base: num(e, 'base', 0xffffff), range: num(e, 'range', 0xffffff) };
        }),
      };
    case 5:
    case 6:
      return { type, reserved: num(o, 'reserved', 0xff, 0), subTlvs: arr(o['sub-tlvs'], 'sub-tlvs').map(subFromJson) };
    default:
      return modelError(`prefix-sid: TLV type ${type} needs "raw"`);
  }
}

export function prefixSidFromJson(value: unknown): PrefixSid {
  if (!Array.isArray(value)) modelError('prefix-sid: expected an array of TLVs');
  return { tlvs: value.map(tlvFromJson) };
}
