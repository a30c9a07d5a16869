/**
 * BGP-LS attribute TLVs that Ze does not decode (it prints them as `generic-lsid-<code>` hex),
 * in Ze's style (kebab-case keys, flags as one-letter objects with `RSV`, numbers as numbers):
 *
 *  - RFC 9514 §2 SRv6 Capabilities (1038, node) and §5 SRv6 Locator (1162, prefix);
 *  - RFC 9351 §3 Flexible Algorithm Definition (1039, node; sub-TLVs 1040-1043, 1045, 1046) and
 *    §4 Flexible Algorithm Prefix Metric (1044, prefix);
 *  - RFC 9815 §5.2 BGP-LS-SPF: Sequence Number (1181), IPv4/IPv6 Link Prefix Length (1182/1183),
 *    SPF Status (1184);
 *  - RFC 9857 §5 SR Policy state: SR Binding SID (1201), SR CP State (1202), SR CP Name (1203),
 *    SR CP Constraints (1204, sub-TLVs 1208-1211, 1214, 1215), SR Segment List (1205, sub-TLVs
 *    1206, 1207, 1216, 1217), SRv6 Binding SID (1212), SR Policy Name (1213).
 *
 * A value whose length does not fit the layout gives `undefined`: the caller then prints the TLV
 * as `generic-lsid-<code>` hex like any unknown code, so nothing is lost. Every sub-TLV walk
 * advances by the declared length and refuses a sub-TLV running past its container. Unknown
 * sub-TLVs are listed as `"<type>:<hex>"` under `other-sub-tlvs`.
 */
import { toHex } from '../../src/core/hex.js';
import { goFloat } from '../../src/core/json.js';
import { ipv4ToString, ipv6ToString } from '../../src/core/ip.js';

function u16(b: Uint8Array, o: number): number {
  return (b[o]! << 8) | b[o + 1]!;
}
function u32(b: Uint8Array, o: number): number {
  return ((b[o]! << 24) >>> 0) + ((b[o + 1]! << 16) | (b[o + 2]! << 8) | b[o + 3]!);
}
function u64(b: Uint8Array, o: number): string {
  return ((BigInt(u32(b, o)) << 32n) | BigInt(u32(b, o + 4))).toString();
}
function lowerHex(b: Uint8Array): string {
  return toHex(b).toLowerCase();
}

/** `{"A":1,…,"RSV":n}`: one key per named bit (`bits` from the most significant), keys sorted. */
function flags(value: number, width: 8 | 16, bits: readonly string[]): string {
  const parts: [string, number][] = [];
  let rsv = value;
  for (let i = 0; i < bits.length; i++) {
    const mask = 1 << (width - 1 - i);
    if (bits[i] === '') continue;
    parts.push([bits[i]!, value & mask ? 1 : 0]);
    rsv &= ~mask;
  }
  parts.push(['RSV', rsv]);
  parts.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  return '{' + parts.map(([k, v]) => `"${k}":${v}`).join(',') + '}';
}

function words(v: Uint8Array, start: number, end: number): string {
  const xs: number[] = [];
  for (let p = start; p + 4 <= end; p += 4) xs.push(u32(v, p));
  return '[' + xs.join(',') + ']';
}

function float32(b: Uint8Array, o: number): string | undefined {
  const f = new DataView(b.buffer, b.byteOffset + o, 4).getFloat32(0);
  return Number.isFinite(f) ? goFloat(f) : undefined;
}

function ip(v: Uint8Array, o: number, n: number): string {
  return '"' + (n === 16 ? ipv6ToString(v, o) : ipv4ToString(v, o)) + '"';
}

/** Walk sub-TLVs of `v[start..)`; undefined when one runs past the end or a tail is left. */
function subTlvs(v: Uint8Array, start: number): { type: number; value: Uint8Array }[] | undefined {
  const out: { type: number; value: Uint8Array }[] = [];
  let p = start;
  while (p < v.length) {
    if (v.length - p < 4) return undefined;
    const len = u16(v, p + 2);
    if (len > v.length - p - 4) return undefined;
    out.push({ type: u16(v, p), value: v.subarray(p + 4, p + 4 + len) });
    p += 4 + len;
  }
  return out;
}

/** Sorted object text from key → JSON value pairs (Go map order). */
function object(fields: Map<string, string>): string {
  const keys = [...fields.keys()].sort();
  return '{' + keys.map((k) => `"${k}":${fields.get(k)}`).join(',') + '}';
}

/** Add typed sub-TLVs through `typed`; anything it does not know goes to `other-sub-tlvs`. */
function withSubs(fields: Map<string, string>, subs: { type: number; value: Uint8Array }[], typed: (type: number, v: Uint8Array, f: Map<string, string>) => boolean): void {
  const other: string[] = [];
  for (const s of subs) if (!typed(s.type, s.value, fields)) other.push(`"${s.type}:${lowerHex(s.value)}"`);
  if (other.length > 0) fields.set('other-sub-tlvs', '[' + other.join(',') + ']');
}

function push(f: Map<string, string>, key: string, item: string): void {
  const cur = f.get(key);
  f.set(key, cur === undefined || cur === '[]' ? '[' + item + ']' : cur.slice(0, -1) + ',' + item + ']');
}

// ------------------------------------------------------------------ RFC 9351 flex-algo

/** FAD sub-TLVs (RFC 9351 §3.1-3.6). */
function fadSub(type: number, v: Uint8Array, f: Map<string, string>): boolean {
  switch (type) {
    case 1040:
    case 1041:
    case 1042:
    case 1045: {
      if (v.length % 4 !== 0) return false;
      const key = type === 1040 ? 'exclude-any' : type === 1041 ? 'include-any' : type === 1042 ? 'include-all' : 'exclude-srlg';
      f.set(key, words(v, 0, v.length));
      return true;
    }
    case 1043: // RFC 9351 §3.4 (bits as RFC 9350 §6.4, M-flag first): a multiple of 4 octets
      if (v.length === 0 || v.length % 4 !== 0) return false;
      f.set('definition-flags', `{"M":${v[0]! >> 7},"bits":"0x${lowerHex(v)}"}`);
      return true;
    case 1046: {
      // Protocol-ID (1) + unsupported sub-TLV codes (2 each)
      if (v.length < 1 || (v.length - 1) % 2 !== 0) return false;
      const codes: number[] = [];
      for (let p = 1; p < v.length; p += 2) codes.push(u16(v, p));
      f.set('unsupported', `{"protocol-id":${v[0]},"sub-tlv-types":[${codes.join(',')}]}`);
      return true;
    }
  }
  return false;
}

function flexAlgoDefinition(v: Uint8Array): string | undefined {
  if (v.length < 4) return undefined;
  const subs = subTlvs(v, 4);
  if (subs === undefined) return undefined;
  const f = new Map<string, string>([
    ['flex-algorithm', String(v[0])],
    ['metric-type', String(v[1])],
    ['calc-type', String(v[2])],
    ['priority', String(v[3])],
  ]);
  withSubs(f, subs, fadSub);
  return object(f);
}

// ------------------------------------------------------------------ RFC 9857 SR Policy

const CP_STATE_FLAGS = ['S', 'A', 'B', 'E', 'V', 'O', 'D', 'C', 'I', 'T', 'U']; // §5.3
const BSID_FLAGS = ['D', 'B', 'U', 'L', 'F']; // §5.1
const SRV6_BSID_FLAGS = ['B', 'U', 'F']; // §5.2
const CONSTRAINT_FLAGS = ['D', 'P', 'U', 'A', 'T', 'S', 'F', 'H']; // §5.6
const SEGMENT_LIST_FLAGS = ['D', 'E', 'C', 'V', 'R', 'F', 'A', 'T', 'M']; // §5.7
const SEGMENT_FLAGS = ['S', 'E', 'V', 'R', 'A']; // §5.7.1
const SL_METRIC_FLAGS = ['M', 'A', 'B', 'V']; // §5.7.2
const METRIC_CONSTRAINT_FLAGS = ['O', 'M', 'A', 'B']; // §5.6.6
const DISJOINT_FLAGS = ['S', 'N', 'L', 'F', 'I', 'X']; // §5.6.4 (X in the status flags only)
const BIDIR_FLAGS = ['R', 'C']; // §5.6.5

/** The MPLS label of a 4-octet SID field: Label (20) | TC (3) | S (1) | TTL (8), §5.1. */
function label(v: Uint8Array, o: number): string {
  return String(u32(v, o) >>> 12);
}

/** SRv6 Endpoint Behavior (1250) and SID Structure (1252) inside SRv6 BSIDs and segments. */
function srv6Sub(type: number, s: Uint8Array, m: Map<string, string>): boolean {
  if (type === 1250 && s.length === 4) m.set('srv6-endpoint-behavior', `{"algorithm":${s[3]},"behavior":${u16(s, 0)},"flags":${s[2]}}`);
  else if (type === 1252 && s.length === 4) m.set('srv6-sid-structure', `{"arg-len":${s[3]},"func-len":${s[2]},"loc-block-len":${s[0]},"loc-node-len":${s[1]}}`);
  else return false;
  return true;
}

function bindingSid(v: Uint8Array): string | undefined {
  if (v.length < 4) return undefined;
  const f = u16(v, 0);
  const n = f & 0x8000 ? 16 : 4;
  if (v.length !== 4 + 2 * n) return undefined;
  const sid = (o: number): string => (n === 16 ? ip(v, o, 16) : label(v, o));
  return `{"binding-sid":${sid(4)},"flags":${flags(f, 16, BSID_FLAGS)},"specified-binding-sid":${sid(4 + n)}}`;
}

function srv6BindingSid(v: Uint8Array): string | undefined {
  if (v.length < 36) return undefined;
  const subs = subTlvs(v, 36);
  if (subs === undefined) return undefined;
  const f = new Map<string, string>([
    ['binding-sid', ip(v, 4, 16)],
    ['flags', flags(u16(v, 0), 16, SRV6_BSID_FLAGS)],
    ['specified-binding-sid', ip(v, 20, 16)],
  ]);
  withSubs(f, subs, srv6Sub);
  return object(f);
}

function cpState(v: Uint8Array): string | undefined {
  if (v.length !== 8) return undefined;
  return `{"flags":${flags(u16(v, 2), 16, CP_STATE_FLAGS)},"preference":${u32(v, 4)},"priority":${v[0]}}`;
}

/** Metric Type (1), Flags (1), Reserved (2), Margin (4), Bound (4) [, Value (4)]: §5.6.6, §5.7.2. */
function metric(v: Uint8Array, withValue: boolean): string | undefined {
  if (v.length !== (withValue ? 16 : 12)) return undefined;
  const fl = flags(v[1]!, 8, withValue ? SL_METRIC_FLAGS : METRIC_CONSTRAINT_FLAGS);
  let s = `{"flags":${fl},"metric-bound":${u32(v, 8)},"metric-margin":${u32(v, 4)},"metric-type":${v[0]}`;
  if (withValue) s += `,"metric-value":${u32(v, 12)}`;
  return s + '}';
}

/** A group identifier (§5.6.4, §5.6.5): a 4-octet group ID, or a whole PCEP ASSOCIATION object. */
function group(v: Uint8Array): string {
  return v.length === 8 ? `"group-id":${u32(v, 4)}` : `"pcep-association":"${lowerHex(v.subarray(4))}"`;
}

/** SR CP Constraints sub-TLVs (RFC 9857 §5.6.1-5.6.6); the first of a single-instance one counts. */
function constraintSub(type: number, v: Uint8Array, f: Map<string, string>): boolean {
  const once = (k: string, val: string | undefined): boolean => {
    if (val === undefined || f.has(k)) return false;
    f.set(k, val);
    return true;
  };
  switch (type) {
    case 1208: {
      // Excl-Any-Size, Incl-Any-Size, Incl-All-Size (in 4-octet words), Reserved, the masks
      if (v.length < 4) return false;
      const a = v[0]! * 4;
      const b = v[1]! * 4;
      const c = v[2]! * 4;
      if (v.length !== 4 + a + b + c) return false;
      return once('affinity', `{"exclude-any":${words(v, 4, 4 + a)},"include-all":${words(v, 4 + a + b, 4 + a + b + c)},"include-any":${words(v, 4 + a, 4 + a + b)}}`);
    }
    case 1209:
      return once('srlgs', v.length > 0 && v.length % 4 === 0 ? words(v, 0, v.length) : undefined);
    case 1210:
      return once('bandwidth', v.length === 4 ? float32(v, 0) : undefined);
    case 1211:
      if (v.length < 8) return false;
      return once('disjoint-group', `{${group(v)},"request-flags":${flags(v[0]!, 8, DISJOINT_FLAGS.slice(0, 5))},"status-flags":${flags(v[1]!, 8, DISJOINT_FLAGS)}}`);
    case 1214:
      if (v.length < 8) return false;
      return once('bidirectional-group', `{"flags":${flags(u16(v, 0), 16, BIDIR_FLAGS)},${group(v)}}`);
    case 1215: {
      const m = metric(v, false);
      if (m === undefined) return false;
      push(f, 'metrics', m);
      return true;
    }
  }
  return false;
}

/** Flags (2), Reserved (2), MT-ID (2), Algorithm (1), Reserved (1): TLVs 1204 (§5.6) and 1205 (§5.7). */
function policyHead(v: Uint8Array, f: Map<string, string>, names: readonly string[]): void {
  f.set('flags', flags(u16(v, 0), 16, names));
  f.set('mt-id', String(u16(v, 4)));
  f.set('algorithm', String(v[6]));
}

function cpConstraints(v: Uint8Array): string | undefined {
  if (v.length < 8) return undefined;
  const subs = subTlvs(v, 8);
  if (subs === undefined) return undefined;
  const f = new Map<string, string>();
  policyHead(v, f, CONSTRAINT_FLAGS);
  withSubs(f, subs, constraintSub);
  return object(f);
}

/**
 * Segment Descriptor fields by Segment Type (RFC 9857 §5.7.1; RFC 9256 §4 types A-K = 1-11), in
 * wire order as [key, octets]: `algorithm` 1 octet, interface IDs 4, addresses 4 or 16.
 */
const SEGMENT_LAYOUTS: Readonly<Record<number, readonly (readonly [string, number])[]>> = {
  1: [['algorithm', 1]],
  2: [['algorithm', 1]],
  3: [['algorithm', 1], ['node-address', 4]],
  4: [['algorithm', 1], ['node-address', 16]],
  5: [['node-address', 4], ['local-interface-id', 4]],
  6: [['local-address', 4], ['remote-address', 4]],
  7: [['local-address', 16], ['local-interface-id', 4], ['remote-address', 16], ['remote-interface-id', 4]],
  8: [['local-address', 16], ['remote-address', 16]],
  9: [['algorithm', 1], ['node-address', 16]],
  10: [['local-address', 16], ['local-interface-id', 4], ['remote-address', 16], ['remote-interface-id', 4]],
  11: [['local-address', 16], ['remote-address', 16]],
};

/**
 * SR Segment sub-TLV 1206 (RFC 9857 §5.7.1): Segment Type (1), Reserved (1), Flags (2), the SID
 * (a 4-octet label field for types A and C-H, a 16-octet SRv6 SID for B and I-K), the Segment
 * Descriptor of the type (RFC 9256 §4 letters A-K: 1-11), then SRv6 sub-TLVs. An unknown type
 * shows its bytes after the flags as `value`.
 */
function segment(v: Uint8Array): string | undefined {
  if (v.length < 4) return undefined;
  const t = v[0]!;
  const f = new Map<string, string>([
    ['segment-type', String(t)],
    ['flags', flags(u16(v, 2), 16, SEGMENT_FLAGS)],
  ]);
  const v6sid = t === 2 || (t >= 9 && t <= 11);
  const layout = SEGMENT_LAYOUTS[t];
  if (layout === undefined) {
    f.set('value', `"${lowerHex(v.subarray(4))}"`);
    return object(f);
  }
  const sidLen = v6sid ? 16 : 4;
  let need = 4 + sidLen;
  for (const [, n] of layout) need += n;
  if (v.length < need) return undefined;
  const subs = subTlvs(v, need);
  if (subs === undefined) return undefined;
  if (v6sid) f.set('sid', ip(v, 4, 16));
  else f.set('label', label(v, 4));
  let p = 4 + sidLen;
  for (const [k, n] of layout) {
    f.set(k, n === 1 ? String(v[p]) : k.endsWith('-id') ? String(u32(v, p)) : ip(v, p, n));
    p += n;
  }
  withSubs(f, subs, srv6Sub);
  return object(f);
}

function segmentListSub(type: number, v: Uint8Array, f: Map<string, string>): boolean {
  switch (type) {
    case 1206: {
      const s = segment(v);
      if (s === undefined) return false;
      push(f, 'segments', s);
      return true;
    }
    case 1207: {
      const m = metric(v, true);
      if (m === undefined) return false;
      push(f, 'metrics', m);
      return true;
    }
    case 1216: {
      const bw = v.length === 4 && !f.has('bandwidth') ? float32(v, 0) : undefined;
      if (bw === undefined) return false;
      f.set('bandwidth', bw);
      return true;
    }
    case 1217:
      if (v.length !== 4 || f.has('identifier')) return false;
      f.set('identifier', String(u32(v, 0)));
      return true;
  }
  return false;
}

function segmentList(v: Uint8Array): string | undefined {
  if (v.length < 12) return undefined;
  const subs = subTlvs(v, 12);
  if (subs === undefined) return undefined;
  const f = new Map<string, string>();
  policyHead(v, f, SEGMENT_LIST_FLAGS);
  f.set('weight', String(u32(v, 8)));
  f.set('segments', '[]');
  withSubs(f, subs, segmentListSub);
  return object(f);
}

// ------------------------------------------------------------------ the table

/** Keys whose values accumulate when the TLV repeats (several FADs, FAPMs, segment lists). */
export const MORE_MERGED: ReadonlySet<string> = new Set(['flex-algo-definitions', 'flex-algo-prefix-metrics', 'sr-segment-lists', 'srv6-binding-sids']);

/**
 * Key and JSON value for one TLV this module knows, `undefined` when it does not know the code
 * or the value does not fit its layout (then the caller prints `generic-lsid-<code>`). For a
 * merged key the value is ONE array element. `quote` writes bytes as a Go string.
 */
export function moreFragment(type: number, v: Uint8Array, quote: (b: Uint8Array) => string): [string, string] | undefined {
  const n = v.length;
  let s: string | undefined;
  switch (type) {
    case 1038: // RFC 9514 §2: Flags (2, O-flag bit 1), Reserved (2)
      return n === 4 ? ['srv6-capabilities', `{"flags":${flags(u16(v, 0), 16, ['', 'O'])}}`] : undefined;
    case 1039:
      s = flexAlgoDefinition(v);
      return s === undefined ? undefined : ['flex-algo-definitions', s];
    case 1044: // RFC 9351 §4: Flex-Algorithm (1), Flags (1), Reserved (2), Metric (4)
      return n === 8 ? ['flex-algo-prefix-metrics', `{"flags":${v[1]},"flex-algorithm":${v[0]},"metric":${u32(v, 4)}}`] : undefined;
    case 1162: {
      // RFC 9514 §5: Flags (1, D-flag bit 0), Algorithm (1), Reserved (2), Metric (4), sub-TLVs
      if (n < 8) return undefined;
      const subs = subTlvs(v, 8);
      if (subs === undefined) return undefined;
      const f = new Map<string, string>([
        ['flags', flags(v[0]!, 8, ['D'])],
        ['algorithm', String(v[1])],
        ['metric', String(u32(v, 4))],
      ]);
      withSubs(f, subs, () => false);
      return ['srv6-locator', object(f)];
    }
    case 1181:
      return n === 8 ? ['spf-sequence-number', u64(v, 0)] : undefined;
    case 1182:
      return n === 1 ? ['ipv4-link-prefix-length', String(v[0])] : undefined;
    case 1183:
      return n === 1 ? ['ipv6-link-prefix-length', String(v[0])] : undefined;
    case 1184:
      return n === 1 ? ['spf-status', String(v[0])] : undefined;
    case 1201:
      s = bindingSid(v);
      return s === undefined ? undefined : ['sr-binding-sid', s];
    case 1202:
      s = cpState(v);
      return s === undefined ? undefined : ['sr-cp-state', s];
    case 1203:
      return ['sr-cp-name', quote(v)];
    case 1204:
      s = cpConstraints(v);
      return s === undefined ? undefined : ['sr-cp-constraints', s];
    case 1205:
      s = segmentList(v);
      return s === undefined ? undefined : ['sr-segment-lists', s];
    case 1212:
      s = srv6BindingSid(v);
      return s === undefined ? undefined : ['srv6-binding-sids', s];
    case 1213:
      return ['sr-policy-name', quote(v)];
  }
  return undefined;
}
