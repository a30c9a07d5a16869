/**
 * TUNNEL_ENCAPSULATION JSON (Ze has no parser for attribute 23: Ze's style, kebab-case keys,
 * sorted byte-wise, compact; docs/attributes/tunnel-encap.md shows the form).
 *
 * `[{"sub-tlvs":[...],"type":15,"type-name":"sr-policy"}, ...]`: one object per Tunnel TLV;
 * each sub-TLV `{"type":N,"type-name":"...",<fields>}`, unknown or not-decoded ones
 * `{"raw":"<UPPER HEX of the value>","type":N}`. `type-name` is informational (written for the
 * registered types, ignored on input). Flags are numbers, always written; Reserved fields are
 * written (`"reserved":N`) only when not zero; label fields as `"label":N` plus `"tc"`, `"s"`,
 * `"ttl"` when not zero. `toPlain` / `fromPlain` are exact inverses: json -> fromJson -> encode
 * gives the decoded bytes.
 */
import { modelError } from '../../src/core/errors.js';
import { fromHex, toHex } from '../../src/core/hex.js';
import { ipv4ToString, ipv6ToString, parseAddr } from '../../src/core/ip.js';
import { macFromString, macToString } from '../../src/core/bgp.js';
import { goMarshal } from '../../src/core/json.js';
import type {
  LabelEntry,
  LabelIndexTlv,
  RawTlv,
  Segment,
  SegmentListSubTlv,
  SidStructure,
  SubTlv,
  Tunnel,
  TunnelEncap,
} from './model.js';
import { SEGMENT_SUB_TLV_NAMES, SUB_TLV_NAMES, TUNNEL_TYPE_NAMES } from './model.js';
import { SEGMENT_LAYOUTS } from './segments.js';

type Obj = Record<string, unknown>;

// ---- model -> plain ---------------------------------------------------------------------------

export function tunnelEncapToPlain(m: TunnelEncap): unknown[] {
  return m.tunnels.map(tunnelToPlain);
}

export function tunnelEncapJsonText(m: TunnelEncap): string {
  return goMarshal(tunnelEncapToPlain(m));
}

function tunnelToPlain(t: Tunnel): Obj {
  const o: Obj = { type: t.type, 'sub-tlvs': t.subTlvs.map(subTlvToPlain) };
  const n = TUNNEL_TYPE_NAMES[t.type];
  if (n) o['type-name'] = n;
  return o;
}

function addr(b: Uint8Array): string {
  return b.length === 4 ? ipv4ToString(b) : ipv6ToString(b);
}

function labelInto(o: Obj, e: LabelEntry): void {
  o.label = e.label;
  if (e.tc) o.tc = e.tc;
  if (e.s) o.s = true;
  if (e.ttl) o.ttl = e.ttl;
}

function labelToPlain(e: LabelEntry): Obj {
  const o: Obj = {};
  labelInto(o, e);
  return o;
}

function structureToPlain(s: SidStructure): Obj {
  const o: Obj = {
    'endpoint-behavior': s.endpointBehavior,
    'loc-block-len': s.locBlockLen,
    'loc-node-len': s.locNodeLen,
    'func-len': s.funcLen,
    'arg-len': s.argLen,
  };
  if (s.reserved) o.reserved = s.reserved;
  return o;
}

function rawToPlain(t: RawTlv, names: Readonly<Record<number, string>>): Obj {
  const o: Obj = { type: t.type, raw: toHex(t.value) };
  const n = names[t.type];
  if (n) o['type-name'] = n;
  return o;
}

function subTlvToPlain(t: SubTlv): Obj {
  if (t.kind === 'raw') return rawToPlain(t, SUB_TLV_NAMES);
  const o: Obj = { type: t.type, 'type-name': SUB_TLV_NAMES[t.type] };
  const reserved = (v: number): void => {
    if (v) o.reserved = v;
  };
  switch (t.kind) {
    case 'vxlan':
      o.flags = t.flags;
      o['vn-id'] = t.vnId;
      o.mac = macToString(t.mac);
      reserved(t.reserved);
      break;
    case 'vxlan-gpe':
      o.flags = t.flags;
      o['vn-id'] = t.vnId;
      reserved(t.reserved);
      if (t.reserved2) o['reserved-2'] = t.reserved2;
      break;
    case 'l2tpv3':
      o['session-id'] = t.sessionId;
      if (t.cookie.length) o.cookie = toHex(t.cookie);
      break;
    case 'gre-key': o.key = t.key; break;
    case 'protocol-type': o.ethertype = t.ethertype; break;
    case 'color':
      o.flags = t.flags;
      o.color = t.color;
      break;
    case 'egress-endpoint':
      o.afi = t.afi;
      if (t.address.length) o.address = addr(t.address);
      reserved(t.reserved);
      break;
    case 'ds-field':
    case 'embedded-label-handling':
      o.value = t.value;
      break;
    case 'udp-port': o.port = t.port; break;
    case 'label-stack': o.labels = t.entries.map(labelToPlain); break;
    case 'prefix-sid': o.tlvs = t.tlvs.map(prefixSidTlvToPlain); break;
    case 'preference':
      o.flags = t.flags;
      o.preference = t.preference;
      reserved(t.reserved);
      break;
    case 'binding-sid':
      o.flags = t.flags;
      if (t.label) labelInto(o, t.label);
      if (t.sid) o.sid = ipv6ToString(t.sid);
      reserved(t.reserved);
      break;
    case 'srv6-binding-sid':
      o.flags = t.flags;
      o.sid = ipv6ToString(t.sid);
      if (t.structure) o['sid-structure'] = structureToPlain(t.structure);
      reserved(t.reserved);
      break;
    case 'enlp':
      o.flags = t.flags;
      o.enlp = t.enlp;
      reserved(t.reserved);
      break;
    case 'priority':
      o.priority = t.priority;
      reserved(t.reserved);
      break;
    case 'name':
      o.name = t.name;
      reserved(t.reserved);
      break;
    case 'segment-list':
      o['sub-tlvs'] = t.subTlvs.map(segmentSubTlvToPlain);
      reserved(t.reserved);
      break;
  }
  return o;
}

function prefixSidTlvToPlain(t: LabelIndexTlv | RawTlv): Obj {
  if (t.kind === 'raw') return rawToPlain(t, { 1: 'label-index' });
  const o: Obj = { type: 1, 'type-name': 'label-index', flags: t.flags, 'label-index': t.labelIndex };
  if (t.reserved) o.reserved = t.reserved;
  return o;
}

const FIELD_KEYS: Record<string, string> = {
  localInterfaceId: 'local-interface-id',
  remoteInterfaceId: 'remote-interface-id',
  nodeAddress: 'node-address',
  localNodeAddress: 'local-node-address',
  remoteNodeAddress: 'remote-node-address',
  localAddress: 'local-address',
  remoteAddress: 'remote-address',
};

function segmentSubTlvToPlain(t: SegmentListSubTlv): Obj {
  if (t.kind === 'raw') return rawToPlain(t, SEGMENT_SUB_TLV_NAMES);
  if (t.kind === 'weight') {
    const o: Obj = { type: 9, 'type-name': 'weight', flags: t.flags, weight: t.weight };
    if (t.reserved) o.reserved = t.reserved;
    return o;
  }
  const l = SEGMENT_LAYOUTS[t.type]!;
  const o: Obj = { type: t.type, 'type-name': SEGMENT_SUB_TLV_NAMES[t.type], flags: t.flags };
  if (l.second === 'algorithm') o.algorithm = t.algorithm ?? 0;
  else if (t.reserved) o.reserved = t.reserved;
  for (const [name, k] of l.fields) {
    const v = (t as unknown as Obj)[name];
    o[FIELD_KEYS[name]!] = k === 'u32' ? v : addr(v as Uint8Array);
  }
  if (t.label) labelInto(o, t.label);
  if (t.sid) o.sid = ipv6ToString(t.sid);
  if (t.structure) o['sid-structure'] = structureToPlain(t.structure);
  return o;
}

// ---- plain -> model ---------------------------------------------------------------------------

function obj(v: unknown, what: string): Obj {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) modelError(`${what}: expected an object`);
  return v as Obj;
}

function arr(v: unknown, what: string): unknown[] {
  if (!Array.isArray(v)) modelError(`${what}: expected an array`);
  return v;
}

/** An unsigned integer field of at most `max`; numbers or decimal strings (bigints) accepted. */
function uint(o: Obj, key: string, max: number, what: string, dflt?: number): number {
  let v = o[key];
  if (v === undefined && dflt !== undefined) return dflt;
  if (typeof v === 'bigint') v = Number(v);
  else if (typeof v === 'string' && /^[0-9]+$/.test(v)) v = Number(v);
  if (typeof v !== 'number' || !Number.isInteger(v) || v < 0 || v > max) {
    modelError(`${what}: "${key}" must be an integer 0..${max}`);
  }
  return v;
}

function hexField(o: Obj, key: string, what: string): Uint8Array {
  const v = o[key];
  if (typeof v !== 'string' || !/^([0-9A-Fa-f]{2})*$/.test(v)) modelError(`${what}: "${key}" must be hex`);
  return fromHex(v);
}

function addrField(o: Obj, key: string, what: string, v6: boolean): Uint8Array {
  const v = o[key];
  const a = typeof v === 'string' ? parseAddr(v) : undefined;
  if (a === undefined || typeof a === 'string' || a.v6 !== v6) modelError(`${what}: "${key}" must be an ${v6 ? 'IPv6' : 'IPv4'} address`);
  return a.bytes;
}

function labelFrom(o: Obj, what: string): LabelEntry {
  const s = o.s;
  if (s !== undefined && typeof s !== 'boolean') modelError(`${what}: "s" must be true or false`);
  return { label: uint(o, 'label', 0xfffff, what), tc: uint(o, 'tc', 7, what, 0), s: s === true, ttl: uint(o, 'ttl', 255, what, 0) };
}

function structureFrom(v: unknown, what: string): SidStructure {
  const o = obj(v, what);
  return {
    endpointBehavior: uint(o, 'endpoint-behavior', 0xffff, what),
    reserved: uint(o, 'reserved', 0xffff, what, 0),
    locBlockLen: uint(o, 'loc-block-len', 255, what),
    locNodeLen: uint(o, 'loc-node-len', 255, what),
    funcLen: uint(o, 'func-len', 255, what),
    argLen: uint(o, 'arg-len', 255, what),
  };
}

export function tunnelEncapFromPlain(v: unknown): TunnelEncap {
  const list = arr(v, 'tunnel-encapsulation');
  return {
    tunnels: list.map((x, i) => {
      const what = `tunnel-encapsulation[${i}]`;
      const o = obj(x, what);
      const type = uint(o, 'type', 0xffff, what);
      const subs = arr(o['sub-tlvs'] ?? [], `${what}.sub-tlvs`);
      return { type, subTlvs: subs.map((s, j) => subTlvFromPlain(s, type, `${what}.sub-tlvs[${j}]`)) };
    }),
  };
}

function rawFrom(o: Obj, type: number, what: string): RawTlv {
  return { kind: 'raw', type, value: hexField(o, 'raw', what) };
}

function subTlvFromPlain(v: unknown, tunnelType: number, what: string): SubTlv {
  const o = obj(v, what);
  const type = uint(o, 'type', 255, what);
  if (o.raw !== undefined) return rawFrom(o, type, what);
  const res = (max: number): number => uint(o, 'reserved', max, what, 0);
  switch (type) {
    case 1:
      switch (tunnelType) {
        case 8:
        case 9: {
          const mac = typeof o.mac === 'string' ? macFromString(o.mac) : undefined;
          if (!mac) modelError(`${what}: "mac" must be a MAC address`);
          return { kind: 'vxlan', type: 1, flags: uint(o, 'flags', 255, what), vnId: uint(o, 'vn-id', 0xffffff, what), mac, reserved: res(0xffff) };
        }
        case 12:
          return {
            kind: 'vxlan-gpe',
            type: 1,
            flags: uint(o, 'flags', 255, what),
            reserved: res(0xffffff),
            vnId: uint(o, 'vn-id', 0xffffff, what),
            reserved2: uint(o, 'reserved-2', 255, what, 0),
          };
        case 1:
          return { kind: 'l2tpv3', type: 1, sessionId: uint(o, 'session-id', 0xffffffff, what), cookie: o.cookie === undefined ? new Uint8Array(0) : hexField(o, 'cookie', what) };
        case 2:
        case 11:
          return { kind: 'gre-key', type: 1, key: uint(o, 'key', 0xffffffff, what) };
      }
      modelError(`${what}: tunnel type ${tunnelType} has no decoded encapsulation form: give "raw"`);
    // eslint-disable-next-line no-fallthrough
    case 2: return { kind: 'protocol-type', type: 2, ethertype: uint(o, 'ethertype', 0xffff, what) };
    case 4: return { kind: 'color', type: 4, flags: uint(o, 'flags', 0xffff, what), color: uint(o, 'color', 0xffffffff, what) };
    case 6: {
      const afi = uint(o, 'afi', 0xffff, what);
      if (afi > 2) modelError(`${what}: AFI ${afi} has no address form: give "raw"`);
      const address = afi === 0 ? new Uint8Array(0) : addrField(o, 'address', what, afi === 2);
      return { kind: 'egress-endpoint', type: 6, reserved: res(0xffffffff), afi, address };
    }
    case 7: return { kind: 'ds-field', type: 7, value: uint(o, 'value', 255, what) };
    case 9: return { kind: 'embedded-label-handling', type: 9, value: uint(o, 'value', 255, what) };
    case 8: return { kind: 'udp-port', type: 8, port: uint(o, 'port', 0xffff, what) };
    case 10: return { kind: 'label-stack', type: 10, entries: arr(o.labels, `${what}.labels`).map((e, i) => labelFrom(obj(e, `${what}.labels[${i}]`), `${what}.labels[${i}]`)) };
    case 11:
      return {
        kind: 'prefix-sid',
        type: 11,
        tlvs: arr(o.tlvs, `${what}.tlvs`).map((e, i): LabelIndexTlv | RawTlv => {
          const w = `${what}.tlvs[${i}]`;
          const p = obj(e, w);
          const t = uint(p, 'type', 255, w);
          if (p.raw !== undefined || t !== 1) return rawFrom(p, t, w);
          return { kind: 'label-index', type: 1, reserved: uint(p, 'reserved', 255, w, 0), flags: uint(p, 'flags', 0xffff, w), labelIndex: uint(p, 'label-index', 0xffffffff, w) };
        }),
      };
    case 12: return { kind: 'preference', type: 12, flags: uint(o, 'flags', 255, what), reserved: res(255), preference: uint(o, 'preference', 0xffffffff, what) };
    case 13: {
      const base = { kind: 'binding-sid' as const, type: 13 as const, flags: uint(o, 'flags', 255, what), reserved: res(255) };
      if (o.label !== undefined) return { ...base, label: labelFrom(o, what) };
      if (o.sid !== undefined) return { ...base, sid: addrField(o, 'sid', what, true) };
      return base;
    }
    case 20: {
      const s = {
        kind: 'srv6-binding-sid' as const,
        type: 20 as const,
        flags: uint(o, 'flags', 255, what),
        reserved: res(255),
        sid: addrField(o, 'sid', what, true),
      };
      return o['sid-structure'] === undefined ? s : { ...s, structure: structureFrom(o['sid-structure'], `${what}.sid-structure`) };
    }
    case 14: return { kind: 'enlp', type: 14, flags: uint(o, 'flags', 255, what), reserved: res(255), enlp: uint(o, 'enlp', 255, what) };
    case 15: return { kind: 'priority', type: 15, priority: uint(o, 'priority', 255, what), reserved: res(255) };
    case 128:
      return {
        kind: 'segment-list',
        type: 128,
        reserved: res(255),
        subTlvs: arr(o['sub-tlvs'] ?? [], `${what}.sub-tlvs`).map((s, i) => segmentSubTlvFromPlain(s, `${what}.sub-tlvs[${i}]`)),
      };
    case 129:
    case 130: {
      if (typeof o.name !== 'string') modelError(`${what}: "name" must be a string`);
      return { kind: 'name', type, reserved: res(255), name: o.name };
    }
  }
  modelError(`${what}: sub-TLV type ${type} has no decoded form: give "raw"`);
}

function segmentSubTlvFromPlain(v: unknown, what: string): SegmentListSubTlv {
  const o = obj(v, what);
  const type = uint(o, 'type', 255, what);
  if (o.raw !== undefined) return rawFrom(o, type, what);
  if (type === 9) return { kind: 'weight', type: 9, flags: uint(o, 'flags', 255, what), reserved: uint(o, 'reserved', 255, what, 0), weight: uint(o, 'weight', 0xffffffff, what) };
  const l = SEGMENT_LAYOUTS[type];
  if (!l) modelError(`${what}: segment list sub-TLV type ${type} has no decoded form: give "raw"`);
  const s: { -readonly [K in keyof Segment]: Segment[K] } = { kind: 'segment', type, flags: uint(o, 'flags', 255, what) };
  if (l.second === 'algorithm') s.algorithm = uint(o, 'algorithm', 255, what, 0);
  else s.reserved = uint(o, 'reserved', 255, what, 0);
  for (const [name, k] of l.fields) {
    const key = FIELD_KEYS[name]!;
    (s as Obj)[name] = k === 'u32' ? uint(o, key, 0xffffffff, what) : addrField(o, key, what, k === 'v6');
  }
  const mpls = l.tail === 'mpls' || l.tail === 'mpls?';
  if (mpls && (o.label !== undefined || l.tail === 'mpls')) s.label = labelFrom(o, what);
  if (!mpls && (o.sid !== undefined || l.tail === 'srv6')) s.sid = addrField(o, 'sid', what, true);
  if (!mpls && o['sid-structure'] !== undefined) {
    if (!s.sid) modelError(`${what}: "sid-structure" needs "sid"`);
    s.structure = structureFrom(o['sid-structure'], `${what}.sid-structure`);
  }
  return s;
}
