/**
 * encode-nlri args for the CAR families (Ze has none; ze-nlri's grammar in Ze's style,
 * kebab-case keywords, one value token each), RFC 9871 / draft-ietf-idr-bgp-car §2.9:
 *
 *   [nlri-type <N>] [rd <RD>] prefix <PREFIX> [color <N>]
 *     [label <N>]... [label-index <N>] [srv6-sid <IPv6>]... [srv6-transposition <HEX>]
 *     [tlv <TYPE>:<HEX>]... [rest <HEX>] [path-id <N>]
 *   nlri-type <N> key <HEX> [rest <HEX>] [path-id <N>]          (an NLRI type other than 1, 2)
 *
 * - `nlri-type` defaults to 1 (Color-Aware Route, needs `color`); 2 is IP Prefix (no color).
 * - `rd` is required by, and only allowed for, VPN CAR (SAFI 84).
 * - TLVs are written in the order given. Consecutive `label` tokens make one Label TLV (type
 *   octet 0x01, S bit on the last, RFC 8277 §2.3); consecutive `srv6-sid` tokens one SRv6 SID
 *   TLV (0x03); `srv6-transposition` an SRv6 SID TLV of 1..15 octets; `label-index` a Label
 *   Index TLV (0x42: code 2 with the T bit the draft requires; reserved and flags 0); `tlv` any
 *   TLV: its whole type octet (decimal or 0x hex) and its value in hex.
 * - `rest`: non-key octets after the TLVs, as they are (hex).
 * Unknown keywords, missing values and repeated single keywords are errors.
 */
import { argsError, NlriError } from '../../src/core/errors.js';
import { uintArg } from '../../src/core/bgp.js';
import { toHex } from '../../src/core/hex.js';
import { ipv6ToString, parseAddr } from '../../src/core/ip.js';
import { MAX_LABEL } from '../../src/core/labels.js';
import { prefixFromString, prefixToString } from '../../src/core/prefix.js';
import { parseRd, rdToString } from '../../src/core/rd.js';
import { CAR_TYPE_COLOR_AWARE, CAR_TYPE_IP_PREFIX, isKnownType, isUnparsed, TLV_LABEL, TLV_SRV6_SID, type CarNlri, type CarRoute, type CarTlv } from './model.js';
import { labelIndexOf, labelsOf, srv6Of } from './tlv.js';

const SINGLE = new Set(['nlri-type', 'rd', 'prefix', 'color', 'key', 'rest', 'path-id']);
const REPEATED = new Set(['label', 'label-index', 'srv6-sid', 'srv6-transposition', 'tlv']);
const LABEL_INDEX_TYPE = 0x42;

function hexArg(s: string, what: string, family: string): Uint8Array {
  if (!/^([0-9a-fA-F]{2})*$/.test(s)) argsError(`invalid ${what}: ${JSON.stringify(s)} is not hex octets`, family);
  return Uint8Array.from(Buffer.from(s, 'hex'));
}

function labelEntries(labels: readonly number[]): Uint8Array {
  const v = new Uint8Array(labels.length * 3);
  labels.forEach((l, i) => {
    const e = (l << 4) | (i === labels.length - 1 ? 1 : 0);
    v[i * 3] = e >>> 16;
    v[i * 3 + 1] = (e >>> 8) & 0xff;
    v[i * 3 + 2] = e & 0xff;
  });
  return v;
}

export function carFromArgs(args: readonly string[], v6: boolean, vpn: boolean, family: string): CarNlri {
  const one = new Map<string, string>();
  const tlvs: CarTlv[] = [];
  let prev = '';
  for (let i = 0; i < args.length; i += 2) {
    const k = args[i]!;
    if (!SINGLE.has(k) && !REPEATED.has(k)) argsError(`unknown keyword ${JSON.stringify(k)}`, family);
    if (i + 1 >= args.length) argsError(`${k} needs a value`, family);
    const v = args[i + 1]!;
    if (SINGLE.has(k)) {
      if (one.has(k)) argsError(`${k} given twice`, family);
      one.set(k, v);
      prev = k;
      continue;
    }
    if (k === 'label') {
      const l = uintArg(v, 32, 'label', family);
      if (l > MAX_LABEL) argsError(`label out of range: ${l} (max ${MAX_LABEL})`, family);
      const last = tlvs[tlvs.length - 1];
      const labels = prev === 'label' && last ? [...labelsOf(last)!, l] : [l];
      if (labels.length * 3 > 255) argsError('too many labels for one Label TLV (255 octets)', family);
      const t: CarTlv = { type: TLV_LABEL, value: labelEntries(labels) };
      if (prev === 'label') tlvs[tlvs.length - 1] = t;
      else tlvs.push(t);
    } else if (k === 'srv6-sid') {
      const a = parseAddr(v);
      if (typeof a === 'string') argsError(`invalid srv6-sid: ${a}`, family);
      if (!a.v6) argsError(`srv6-sid ${v} is not an IPv6 address`, family);
      const last = tlvs[tlvs.length - 1];
      if (prev === 'srv6-sid' && last) {
        if (last.value.length + 16 > 255) argsError('too many SIDs for one SRv6 SID TLV (255 octets)', family);
        const value = new Uint8Array(last.value.length + 16);
        value.set(last.value);
        value.set(a.bytes, last.value.length);
        tlvs[tlvs.length - 1] = { type: TLV_SRV6_SID, value };
      } else tlvs.push({ type: TLV_SRV6_SID, value: a.bytes });
    } else if (k === 'srv6-transposition') {
      const value = hexArg(v, 'srv6-transposition', family);
      if (value.length < 1 || value.length > 15) argsError(`srv6-transposition must be 1..15 octets, got ${value.length}`, family);
      tlvs.push({ type: TLV_SRV6_SID, value });
    } else if (k === 'label-index') {
      const n = uintArg(v, 32, 'label-index', family);
      tlvs.push({ type: LABEL_INDEX_TYPE, value: Uint8Array.of(0, 0, 0, n >>> 24, (n >>> 16) & 0xff, (n >>> 8) & 0xff, n & 0xff) });
    } else {
      const c = v.indexOf(':');
      if (c < 0) argsError(`tlv ${JSON.stringify(v)}: expected <type>:<hex>`, family);
      const ts = v.slice(0, c);
      const type = /^0x[0-9a-fA-F]{1,2}$/.test(ts) ? parseInt(ts.slice(2), 16) : uintArg(ts, 8, 'tlv type', family);
      const value = hexArg(v.slice(c + 1), 'tlv value', family);
      if (value.length > 255) argsError(`tlv value of ${value.length} octets exceeds 255`, family);
      tlvs.push({ type, value });
    }
    prev = k;
  }
  const tText = one.get('nlri-type');
  const nlriType = tText === undefined ? CAR_TYPE_COLOR_AWARE : uintArg(tText, 8, 'nlri-type', family);
  const m: { -readonly [K in keyof CarNlri]: CarNlri[K] } = { v6, vpn, nlriType, tlvs };
  const rest = one.get('rest');
  if (rest !== undefined) m.rest = hexArg(rest, 'rest', family);
  const pid = one.get('path-id');
  if (pid !== undefined) m.pathId = uintArg(pid, 32, 'path-id', family);
  if (!isKnownType(nlriType)) {
    for (const k of ['rd', 'prefix', 'color']) if (one.has(k)) argsError(`${k} is for NLRI types 1 and 2; type ${nlriType} takes key <hex>`, family);
    if (tlvs.length > 0) argsError(`TLVs are read for NLRI types 1 and 2 only; for type ${nlriType} give the non-key octets as rest <hex>`, family);
    const key = one.get('key');
    if (key === undefined) argsError(`key required for NLRI type ${nlriType}`, family);
    m.key = hexArg(key, 'key', family);
    return m;
  }
  if (one.has('key')) argsError(`key is for NLRI types other than 1 and 2 (type ${nlriType} is built from rd, prefix, color)`, family);
  const rd = one.get('rd');
  if (vpn && rd === undefined) argsError('rd required for VPN CAR', family);
  if (!vpn && rd !== undefined) argsError('rd is for VPN CAR (SAFI 84) only', family);
  if (rd !== undefined) m.rd = parseRd(rd, family);
  const prefix = one.get('prefix');
  if (prefix === undefined) argsError('prefix required for CAR', family);
  const p = prefixFromString(prefix, family);
  if (p.v6 !== v6) argsError(`prefix ${prefix} is not an ${v6 ? 'IPv6' : 'IPv4'} prefix (family ${family})`, family);
  m.prefix = p;
  const color = one.get('color');
  if (nlriType === CAR_TYPE_COLOR_AWARE) {
    if (color === undefined) argsError('color required for a Color-Aware Route (NLRI type 1)', family);
    m.color = uintArg(color, 32, 'color', family);
  } else if (color !== undefined && nlriType === CAR_TYPE_IP_PREFIX) argsError('an IP Prefix NLRI (type 2) has no color', family);
  return m;
}

function tlvTokens(t: CarTlv, prevFriendly: string): { tokens: string[]; kind: string } {
  const raw = { tokens: ['tlv', `0x${t.type.toString(16).toUpperCase().padStart(2, '0')}:${toHex(t.value)}`], kind: 'tlv' };
  if (t.type === TLV_LABEL) {
    const ls = labelsOf(t);
    if (ls && prevFriendly !== 'label') return { tokens: ls.flatMap((l) => ['label', String(l)]), kind: 'label' };
  } else if (t.type === TLV_SRV6_SID) {
    const s = srv6Of(t);
    if (s?.sids && prevFriendly !== 'srv6-sid') return { tokens: s.sids.flatMap((x) => ['srv6-sid', ipv6ToString(x)]), kind: 'srv6-sid' };
    if (s?.transposition) return { tokens: ['srv6-transposition', toHex(s.transposition)], kind: 'srv6-transposition' };
  } else if (t.type === LABEL_INDEX_TYPE) {
    const li = labelIndexOf(t);
    if (li && li.reserved === 0 && li.flags === 0) return { tokens: ['label-index', String(li.index)], kind: 'label-index' };
  }
  return raw;
}

/** Tokens that `carFromArgs` turns back into the same bytes. */
export function carToArgs(m: CarRoute): string[] {
  if (isUnparsed(m)) throw new NlriError('invalid-model', 'an unparsed record has no args form', '', -1);
  const out = ['nlri-type', String(m.nlriType)];
  if (!isKnownType(m.nlriType)) {
    out.push('key', toHex(m.key ?? new Uint8Array(0)));
  } else {
    if (m.rd) out.push('rd', rdToString(m.rd));
    out.push('prefix', prefixToString(m.prefix!));
    if (m.color !== undefined) out.push('color', String(m.color));
    let prev = '';
    for (const t of m.tlvs) {
      const { tokens, kind } = tlvTokens(t, prev);
      out.push(...tokens);
      prev = kind;
    }
  }
  if (m.rest && m.rest.length > 0) out.push('rest', toHex(m.rest));
  if (m.pathId !== undefined) out.push('path-id', String(m.pathId));
  return out;
}
