/**
 * TUNNEL_ENCAPSULATION argument tokens <-> model (RFC 9012 §2-§3, RFC 9830 §2.4, RFC 9831 §2).
 * The grammar (docs/attributes/tunnel-encap.md) is close to GoBGP's `gobgp global rib -a
 * ipv4-srpolicy add ... bsid <label> segs <labels> weight <n> priority <n> preference <n>` and
 * ExaBGP's SR Policy flags, one Tunnel TLV per tunnel keyword:
 *
 *   [tunnel-encap] <tunnel> <item>... [<tunnel> <item>...]...
 *   <tunnel>  sr-policy | vxlan | nvgre | vxlan-gpe | gre | mpls-in-gre | mpls-in-udp | mpls
 *             | ip-in-ip | l2tpv3 | tunnel-type <N>   (`mpls` inside a segment list is a type A
 *             segment: toArgs writes the MPLS tunnel as `tunnel-type 10`)
 *   <item>    vni <N> | mac <MAC> | key <N> | session-id <N> | cookie <HEX>      (Encapsulation)
 *             endpoint <IP>|none | color <N> | udp-port <N> | ds-field <N> | protocol-type <N>
 *             embedded-label-handling <N> | label-stack <L>[,<L>]... | prefix-sid <index>
 *             preference <N> | binding-sid <L>|none | srv6-binding-sid <IPv6> | enlp <N>
 *             priority <N> | candidate-path-name <S> | policy-name <S> | raw <type> <HEX>
 *             segment-list, then: weight <N> | mpls <L> | srv6 <IPv6> | type-a .. type-k
 *               | segment-raw <type> <HEX>; segment fields: algorithm <N> node <IP>
 *               local-interface-id <N> remote-interface-id <N> local-node <IP> remote-node <IP>
 *               local <IP> remote <IP> label <L> sid <IPv6>
 *   modifiers of the item before: flags <N> | reserved <N> | reserved-2 <N>
 *             | structure <behavior>,<block>,<node>,<function>,<argument>[,<reserved>]
 *   <L>       label[/tc/s/ttl]        numbers: decimal or 0x hex
 *   ExaBGP's spellings are accepted too: `binding-sid mpls <L>` / `binding-sid null`, `bsid`,
 *   `segment type-a mpls <L>`, `segment type-b srv6 <IPv6>`, `ipv4`/`ipv6` (node),
 *   `local-if-id`, `remote-if-id`, `local-ipv6`, `remote-ipv6`, `sid <label>` on SR-MPLS types,
 *   `endpoint-behavior <behavior> <block> <node> <function> <argument>`.
 *
 * Without `flags`, the builders' defaults apply (build.ts): VXLAN V/M from vni/mac, VXLAN-GPE V,
 * segment A/S/B from algorithm / SID / structure, SRv6 binding SID B from structure.
 */
import { argsError, NlriError, safeString } from '../../src/core/errors.js';
import { fromHex, toHex } from '../../src/core/hex.js';
import { ipv4ToString, ipv6ToString } from '../../src/core/ip.js';
import { macToString } from '../../src/core/bgp.js';
import type { LabelEntry, Segment, SegmentListSubTlv, SidStructure, SubTlv, Tunnel, TunnelEncap } from './model.js';
import { TUNNEL_TYPE_NAMES } from './model.js';
import { defaultSegmentFlags, egressEndpoint, ip, labelEntry, segment, type SegmentSpec } from './build.js';
import { SEGMENT_LAYOUTS } from './segments.js';

const TUNNEL_BY_NAME = new Map(Object.entries(TUNNEL_TYPE_NAMES).map(([k, v]) => [v, Number(k)]));
const SEGMENT_FIELD_TOKENS: Record<string, keyof SegmentSpec> = {
  node: 'nodeAddress',
  'local-interface-id': 'localInterfaceId',
  'remote-interface-id': 'remoteInterfaceId',
  'local-node': 'localNodeAddress',
  'remote-node': 'remoteNodeAddress',
  local: 'localAddress',
  remote: 'remoteAddress',
};
const FIELD_TOKEN = Object.fromEntries(Object.entries(SEGMENT_FIELD_TOKENS).map(([k, v]) => [v, k]));
/** ExaBGP's spellings of the same fields (`type-c ipv4 <IP>`, `type-g local-if-id <N> local-ipv6 <IP>`). */
const EXABGP_FIELD_TOKENS: Record<string, keyof SegmentSpec> = {
  ipv4: 'nodeAddress',
  ipv6: 'nodeAddress',
  'local-if-id': 'localInterfaceId',
  'remote-if-id': 'remoteInterfaceId',
  'local-ipv6': 'localNodeAddress',
  'remote-ipv6': 'remoteNodeAddress',
};

type Mut = Record<string, any>;

/** A parsed item: the model under construction and whether `flags` was given. */
interface Item {
  m: Mut;
  flagsSet: boolean;
  /** Segment: the spec finished into a model at the end. */
  seg?: SegmentSpec & Mut;
  vni?: boolean;
  mac?: boolean;
}

function num(tok: string | undefined, max: number, what: string): number {
  if (tok === undefined) argsError(`${what}: value missing`);
  const v = /^0x[0-9a-fA-F]+$/.test(tok) ? parseInt(tok.slice(2), 16) : /^[0-9]+$/.test(tok) ? Number(tok) : NaN;
  if (!Number.isSafeInteger(v) || v > max) argsError(`${what}: ${JSON.stringify(tok)} is not an integer 0..${max}`);
  return v;
}

function label(tok: string | undefined, what: string): LabelEntry {
  if (tok === undefined) argsError(`${what}: label missing`);
  const p = tok.split('/');
  if (p.length !== 1 && p.length !== 4) argsError(`${what}: ${JSON.stringify(tok)} is not label[/tc/s/ttl]`);
  return {
    label: num(p[0], 0xfffff, what),
    tc: p.length === 4 ? num(p[1], 7, `${what} TC`) : 0,
    s: p.length === 4 ? num(p[2], 1, `${what} S`) === 1 : false,
    ttl: p.length === 4 ? num(p[3], 255, `${what} TTL`) : 0,
  };
}

function labelText(e: LabelEntry): string {
  return e.tc || e.s || e.ttl ? `${e.label}/${e.tc}/${e.s ? 1 : 0}/${e.ttl}` : String(e.label);
}

function addrArg(tok: string | undefined, v6: boolean | undefined, what: string): Uint8Array {
  if (tok === undefined) argsError(`${what}: address missing`);
  try {
    return ip(tok, v6, what);
  } catch (e) {
    if (e instanceof NlriError) argsError(e.message);
    throw e;
  }
}

function hexArg(tok: string | undefined, what: string): Uint8Array {
  if (tok === undefined || !/^([0-9A-Fa-f]{2})*$/.test(tok)) argsError(`${what}: ${JSON.stringify(tok)} is not hex`);
  return fromHex(tok);
}

function structureArg(tok: string | undefined): SidStructure {
  const p = (tok ?? '').split(',');
  if (p.length !== 5 && p.length !== 6) argsError(`structure: ${JSON.stringify(tok)} is not behavior,block,node,function,argument[,reserved]`);
  return {
    endpointBehavior: num(p[0], 0xffff, 'structure behavior'),
    locBlockLen: num(p[1], 255, 'structure block'),
    locNodeLen: num(p[2], 255, 'structure node'),
    funcLen: num(p[3], 255, 'structure function'),
    argLen: num(p[4], 255, 'structure argument'),
    reserved: p.length === 6 ? num(p[5], 0xffff, 'structure reserved') : 0,
  };
}

export function tunnelEncapFromArgs(args: readonly string[]): TunnelEncap {
  let i = 0;
  if (args[0] === 'tunnel-encap' || args[0] === 'tunnel-encapsulation') i++;
  const tunnels: { type: number; items: Item[] }[] = [];
  let cur: { type: number; items: Item[] } | undefined;
  let list: Item | undefined; // the open segment list
  let last: Item | undefined;
  const need = (t: string): { type: number; items: Item[] } => {
    if (!cur) argsError(`${t}: give a tunnel type first (sr-policy, vxlan, ..., tunnel-type <N>)`);
    return cur;
  };
  const add = (t: string, m: Mut): Item => {
    const c = need(t);
    list = undefined;
    const it: Item = { m, flagsSet: false };
    c.items.push(it);
    return (last = it);
  };
  const addSeg = (t: string, it: Item): Item => {
    if (!list) argsError(`${t}: only inside a segment-list`);
    list.m.subTlvs.push(it);
    return (last = it);
  };
  /** `vni` and `mac` fill one Encapsulation sub-TLV; a repeated one starts the next. */
  const encap = (t: string, kind: string, field: 'vni' | 'mac', make: () => Mut): Item => {
    if (last && last.m.kind === kind && !last[field] && list === undefined && cur?.items.at(-1) === last) return last;
    return add(t, make());
  };
  while (i < args.length) {
    const t = args[i++]!;
    const next = (): string | undefined => args[i++];
    // Inside a segment list `mpls` is a type A segment; elsewhere the MPLS tunnel (type 10).
    const tt = list !== undefined && t === 'mpls' ? undefined : TUNNEL_BY_NAME.get(t);
    if (tt !== undefined || t === 'tunnel-type') {
      cur = { type: tt ?? num(next(), 0xffff, 'tunnel-type'), items: [] };
      tunnels.push(cur);
      list = undefined;
      last = undefined;
      continue;
    }
    switch (t) {
      case 'vni': {
        const c = need(t);
        const v = num(next(), 0xffffff, 'vni');
        const gpe = c.type === 12;
        const it = encap(t, gpe ? 'vxlan-gpe' : 'vxlan', 'vni', () =>
          gpe ? { kind: 'vxlan-gpe', type: 1, flags: 0, reserved: 0, vnId: 0, reserved2: 0 } : { kind: 'vxlan', type: 1, flags: 0, vnId: 0, mac: new Uint8Array(6), reserved: 0 });
        it.m.vnId = v;
        it.vni = true;
        break;
      }
      case 'mac': {
        const tok = next();
        const it = encap(t, 'vxlan', 'mac', () => ({ kind: 'vxlan', type: 1, flags: 0, vnId: 0, mac: new Uint8Array(6), reserved: 0 }));
        const parts = (tok ?? '').split(':');
        if (parts.length !== 6 || !parts.every((p) => /^[0-9a-fA-F]{2}$/.test(p))) argsError(`mac: ${JSON.stringify(tok)} is not aa:bb:cc:dd:ee:ff`);
        it.m.mac = fromHex(parts.join(''));
        it.mac = true;
        break;
      }
      case 'key': add(t, { kind: 'gre-key', type: 1, key: num(next(), 0xffffffff, 'key') }); break;
      case 'session-id': add(t, { kind: 'l2tpv3', type: 1, sessionId: num(next(), 0xffffffff, 'session-id'), cookie: new Uint8Array(0) }); break;
      case 'cookie': {
        if (!last || last.m.kind !== 'l2tpv3') argsError('cookie: give session-id first');
        const c = hexArg(next(), 'cookie');
        if (c.length > 8) argsError('cookie: at most 8 octets');
        last.m.cookie = c;
        break;
      }
      case 'endpoint': {
        const tok = next();
        add(t, { ...(tok === 'none' ? egressEndpoint(null) : egressEndpoint(ipv4or6(addrArg(tok, undefined, 'endpoint')))) });
        break;
      }
      case 'color': add(t, { kind: 'color', type: 4, flags: 0, color: num(next(), 0xffffffff, 'color') }); break;
      case 'udp-port': {
        const port = num(next(), 0xffff, 'udp-port');
        if (port === 0) argsError('udp-port: 0 is reserved (RFC 9012 §3.3.2); give raw 8 0000 to send it anyway');
        add(t, { kind: 'udp-port', type: 8, port });
        break;
      }
      case 'ds-field': add(t, { kind: 'ds-field', type: 7, value: num(next(), 255, 'ds-field') }); break;
      case 'embedded-label-handling': {
        const v = num(next(), 255, 'embedded-label-handling');
        if (v !== 1 && v !== 2) argsError('embedded-label-handling: 1 or 2 (RFC 9012 §3.5)');
        add(t, { kind: 'embedded-label-handling', type: 9, value: v });
        break;
      }
      case 'protocol-type': {
        const v = num(next(), 0xffff, 'protocol-type');
        if (v === 0xffff) argsError('protocol-type: 0xFFFF is reserved (RFC 9012 §3.4.1)');
        add(t, { kind: 'protocol-type', type: 2, ethertype: v });
        break;
      }
      case 'label-stack': {
        const tok = next();
        if (tok === undefined) argsError('label-stack: labels missing');
        add(t, { kind: 'label-stack', type: 10, entries: tok.split(',').map((x) => label(x, 'label-stack')) });
        break;
      }
      case 'prefix-sid':
        add(t, { kind: 'prefix-sid', type: 11, tlvs: [{ kind: 'label-index', type: 1, reserved: 0, flags: 0, labelIndex: num(next(), 0xffffffff, 'prefix-sid') }] });
        break;
      case 'preference': add(t, { kind: 'preference', type: 12, flags: 0, reserved: 0, preference: num(next(), 0xffffffff, 'preference') }); break;
      case 'binding-sid':
      case 'bsid': {
        let tok = next();
        if (tok === 'mpls') tok = next(); // ExaBGP: binding-sid mpls <label>
        const m: Mut = { kind: 'binding-sid', type: 13, flags: 0, reserved: 0 };
        if (tok !== undefined && tok.includes(':')) m.sid = addrArg(tok, true, 'binding-sid');
        else if (tok !== 'none' && tok !== 'null') m.label = label(tok, 'binding-sid');
        add(t, m);
        break;
      }
      case 'srv6-binding-sid': add(t, { kind: 'srv6-binding-sid', type: 20, flags: 0, reserved: 0, sid: addrArg(next(), true, 'srv6-binding-sid') }); break;
      case 'enlp': add(t, { kind: 'enlp', type: 14, flags: 0, reserved: 0, enlp: num(next(), 255, 'enlp') }); break;
      case 'priority': add(t, { kind: 'priority', type: 15, priority: num(next(), 255, 'priority'), reserved: 0 }); break;
      case 'candidate-path-name':
      case 'cp-name':
      case 'policy-name': {
        const s = next();
        if (s === undefined) argsError(`${t}: name missing`);
        add(t, { kind: 'name', type: t === 'policy-name' ? 130 : 129, reserved: 0, name: s });
        break;
      }
      case 'raw': {
        const type = num(next(), 255, 'raw type');
        add(t, { kind: 'raw', type, value: hexArg(next(), 'raw value') });
        break;
      }
      case 'segment-list': {
        const it = add(t, { kind: 'segment-list', type: 128, reserved: 0, subTlvs: [] });
        list = it;
        break;
      }
      case 'weight': addSeg(t, { m: { kind: 'weight', type: 9, flags: 0, reserved: 0, weight: num(next(), 0xffffffff, 'weight') }, flagsSet: false }); break;
      case 'segment-raw': {
        const type = num(next(), 255, 'segment-raw type');
        addSeg(t, { m: { kind: 'raw', type, value: hexArg(next(), 'segment-raw value') }, flagsSet: false });
        break;
      }
      case 'mpls':
        if (last?.seg?.type === 'a' && last.seg.label === undefined) last.seg.label = label(next(), 'mpls');
        else addSeg(t, { m: {}, flagsSet: false, seg: { type: 'a', label: label(next(), 'mpls') } });
        break;
      case 'srv6':
        if (last?.seg?.type === 'b' && last.seg.sid === undefined) last.seg.sid = addrArg(next(), true, 'srv6');
        else addSeg(t, { m: {}, flagsSet: false, seg: { type: 'b', sid: addrArg(next(), true, 'srv6') } });
        break;
      case 'segment': // ExaBGP: segment type-x ...
        if (!list) argsError('segment: only inside a segment-list');
        break;
      case 'endpoint-behavior': {
        // ExaBGP: endpoint-behavior <behavior> <block> <node> <function> <argument>
        const p = [next(), next(), next(), next(), next()];
        if (p.some((x) => x === undefined)) argsError('endpoint-behavior: behavior block node function argument');
        const st = structureArg(p.join(','));
        if (last?.seg) last.seg.structure = { behavior: st.endpointBehavior, block: st.locBlockLen, node: st.locNodeLen, function: st.funcLen, argument: st.argLen };
        else if (last?.m.kind === 'srv6-binding-sid') last.m.structure = st;
        else argsError('endpoint-behavior: only after srv6-binding-sid or an SRv6 segment');
        break;
      }
      case 'algorithm': segSpec(t).algorithm = num(next(), 255, 'algorithm'); break;
      case 'label': segSpec(t).label = label(next(), 'label'); break;
      case 'sid': {
        const spec = segSpec(t);
        const tok = next();
        if (tok !== undefined && !tok.includes(':') && 'acdefgh'.includes(spec.type)) spec.label = label(tok, 'sid'); // ExaBGP: sid <label>
        else spec.sid = addrArg(tok, true, 'sid');
        break;
      }
      case 'flags': {
        if (!last) argsError('flags: nothing to apply them to');
        const max = last.m.kind === 'color' ? 0xffff : 255;
        const v = num(next(), max, 'flags');
        if (last.seg) last.seg.flags = v;
        else last.m.flags = v;
        last.flagsSet = true;
        break;
      }
      case 'reserved': {
        if (!last) argsError('reserved: nothing to apply it to');
        const k = last.seg ? 'seg' : last.m.kind;
        const max = k === 'egress-endpoint' ? 0xffffffff : k === 'vxlan-gpe' ? 0xffffff : k === 'vxlan' ? 0xffff : 255;
        const v = num(next(), max, 'reserved');
        if (last.seg) last.seg.reserved = v;
        else if (!('reserved' in last.m)) argsError(`reserved: ${safeString(last.m.kind)} has no reserved field`);
        else last.m.reserved = v;
        break;
      }
      case 'reserved-2':
        if (!last || last.m.kind !== 'vxlan-gpe') argsError('reserved-2: only after a vxlan-gpe vni');
        last.m.reserved2 = num(next(), 255, 'reserved-2');
        break;
      case 'structure': {
        if (!last) argsError('structure: nothing to apply it to');
        const s = structureArg(next());
        if (last.seg) last.seg.structure = { behavior: s.endpointBehavior, block: s.locBlockLen, node: s.locNodeLen, function: s.funcLen, argument: s.argLen, reserved: s.reserved };
        else if (last.m.kind === 'srv6-binding-sid') last.m.structure = s;
        else argsError('structure: only after srv6-binding-sid or an SRv6 segment');
        break;
      }
      default: {
        const m = /^type-([a-k])$/.exec(t);
        if (m) {
          addSeg(t, { m: {}, flagsSet: false, seg: { type: m[1] as SegmentSpec['type'] } });
          break;
        }
        const f = SEGMENT_FIELD_TOKENS[t] ?? (last?.seg ? EXABGP_FIELD_TOKENS[t] : undefined);
        if (f) {
          const spec = segSpec(t);
          const tok = next();
          if (f.endsWith('InterfaceId')) (spec as Mut)[f] = num(tok, 0xffffffff, t);
          else (spec as Mut)[f] = addrArg(tok, undefined, t);
          break;
        }
        argsError(`unknown token ${JSON.stringify(t)}`);
      }
    }
  }
  function segSpec(t: string): SegmentSpec & Mut {
    if (!last?.seg) argsError(`${t}: only after a segment (mpls, srv6, type-a .. type-k)`);
    return last.seg;
  }
  // No tokens (after the optional attribute name): the empty attribute, so toArgs round-trips.
  return { tunnels: tunnels.map((c): Tunnel => ({ type: c.type, subTlvs: c.items.map(finishItem) as SubTlv[] })) };
}

function ipv4or6(b: Uint8Array): string {
  return b.length === 4 ? ipv4ToString(b) : ipv6ToString(b);
}

function finishItem(it: Item): SubTlv | SegmentListSubTlv {
  if (it.seg) {
    try {
      return segment(it.seg);
    } catch (e) {
      if (e instanceof NlriError) argsError(`type-${it.seg.type}: ${e.message}`);
      throw e;
    }
  }
  const m = it.m;
  if (!it.flagsSet) {
    if (m.kind === 'vxlan') m.flags = (it.vni ? 0x80 : 0) | (it.mac ? 0x40 : 0);
    else if (m.kind === 'vxlan-gpe') m.flags = it.vni ? 0x08 : 0;
    else if (m.kind === 'srv6-binding-sid') m.flags = m.structure ? 0x20 : 0;
  }
  if (m.kind === 'segment-list') m.subTlvs = (m.subTlvs as Item[]).map(finishItem);
  return m as SubTlv;
}

// ---- model -> tokens ---------------------------------------------------------------------------

export function tunnelEncapToArgs(m: TunnelEncap): string[] {
  const out: string[] = [];
  for (const t of m.tunnels) {
    const n = TUNNEL_TYPE_NAMES[t.type];
    if (n && t.type !== 10) out.push(n);
    else out.push('tunnel-type', String(t.type));
    for (const s of t.subTlvs) subTlvArgs(s, t.type, out);
  }
  return out;
}

function flagsArgs(out: string[], flags: number, dflt: number): void {
  if (flags !== dflt) out.push('flags', String(flags));
}

function reservedArgs(out: string[], r: number | undefined): void {
  if (r) out.push('reserved', String(r));
}

function structureText(s: SidStructure): string {
  const p = [s.endpointBehavior, s.locBlockLen, s.locNodeLen, s.funcLen, s.argLen];
  if (s.reserved) p.push(s.reserved);
  return p.join(',');
}

function subTlvArgs(s: SubTlv, tunnelType: number, out: string[]): void {
  switch (s.kind) {
    case 'raw':
      out.push('raw', String(s.type), toHex(s.value));
      return;
    case 'vxlan': {
      const macGiven = (s.flags & 0x40) !== 0 || s.mac.some((b) => b !== 0);
      out.push('vni', String(s.vnId));
      if (macGiven) out.push('mac', macToString(s.mac));
      flagsArgs(out, s.flags, 0x80 | (macGiven ? 0x40 : 0));
      reservedArgs(out, s.reserved);
      if (tunnelType === 12) throw new NlriError('invalid-model', 'a VXLAN encapsulation under a VXLAN-GPE tunnel has no args form', '', -1);
      return;
    }
    case 'vxlan-gpe':
      if (tunnelType !== 12) throw new NlriError('invalid-model', 'a VXLAN-GPE encapsulation outside a VXLAN-GPE tunnel has no args form', '', -1);
      out.push('vni', String(s.vnId));
      flagsArgs(out, s.flags, 0x08);
      reservedArgs(out, s.reserved);
      if (s.reserved2) out.push('reserved-2', String(s.reserved2));
      return;
    case 'l2tpv3':
      out.push('session-id', String(s.sessionId));
      if (s.cookie.length) out.push('cookie', toHex(s.cookie));
      return;
    case 'gre-key': out.push('key', String(s.key)); return;
    case 'protocol-type': out.push('protocol-type', String(s.ethertype)); return;
    case 'color':
      out.push('color', String(s.color));
      flagsArgs(out, s.flags, 0);
      return;
    case 'egress-endpoint':
      out.push('endpoint', s.afi === 0 ? 'none' : ipv4or6(s.address));
      reservedArgs(out, s.reserved);
      return;
    case 'ds-field': out.push('ds-field', String(s.value)); return;
    case 'embedded-label-handling': out.push('embedded-label-handling', String(s.value)); return;
    case 'udp-port': out.push('udp-port', String(s.port)); return;
    case 'label-stack':
      if (s.entries.length === 0) out.push('raw', '10', '');
      else out.push('label-stack', s.entries.map(labelText).join(','));
      return;
    case 'prefix-sid': {
      const x = s.tlvs[0];
      if (s.tlvs.length === 1 && x?.kind === 'label-index' && !x.reserved && !x.flags) out.push('prefix-sid', String(x.labelIndex));
      else {
        const body: string[] = [];
        for (const t of s.tlvs) {
          if (t.kind === 'raw') body.push(toHex(Uint8Array.of(t.type, t.value.length >>> 8, t.value.length & 0xff)), toHex(t.value));
          else body.push(toHex(Uint8Array.of(1, 0, 7, t.reserved, t.flags >>> 8, t.flags & 0xff, t.labelIndex >>> 24, (t.labelIndex >>> 16) & 0xff, (t.labelIndex >>> 8) & 0xff, t.labelIndex & 0xff)));
        }
        out.push('raw', '11', body.join(''));
      }
      return;
    }
    case 'preference':
      out.push('preference', String(s.preference));
      flagsArgs(out, s.flags, 0);
      reservedArgs(out, s.reserved);
      return;
    case 'binding-sid':
      out.push('binding-sid', s.label ? labelText(s.label) : s.sid ? ipv6ToString(s.sid) : 'none');
      flagsArgs(out, s.flags, 0);
      reservedArgs(out, s.reserved);
      return;
    case 'srv6-binding-sid':
      out.push('srv6-binding-sid', ipv6ToString(s.sid));
      if (s.structure) out.push('structure', structureText(s.structure));
      flagsArgs(out, s.flags, s.structure ? 0x20 : 0);
      reservedArgs(out, s.reserved);
      return;
    case 'enlp':
      out.push('enlp', String(s.enlp));
      flagsArgs(out, s.flags, 0);
      reservedArgs(out, s.reserved);
      return;
    case 'priority':
      out.push('priority', String(s.priority));
      reservedArgs(out, s.reserved);
      return;
    case 'name':
      out.push(s.type === 129 ? 'candidate-path-name' : 'policy-name', s.name);
      reservedArgs(out, s.reserved);
      return;
    case 'segment-list':
      out.push('segment-list');
      reservedArgs(out, s.reserved);
      for (const x of s.subTlvs) segmentArgs(x, out);
      return;
  }
}

function segmentArgs(x: SegmentListSubTlv, out: string[]): void {
  if (x.kind === 'raw') {
    out.push('segment-raw', String(x.type), toHex(x.value));
    return;
  }
  if (x.kind === 'weight') {
    out.push('weight', String(x.weight));
    flagsArgs(out, x.flags, 0);
    reservedArgs(out, x.reserved);
    return;
  }
  const s: Segment = x;
  const l = SEGMENT_LAYOUTS[s.type]!;
  if (s.type === 1) out.push('mpls', labelText(s.label!));
  else if (s.type === 13) out.push('srv6', ipv6ToString(s.sid!));
  else out.push(`type-${l.letter}`);
  if (l.second === 'algorithm') out.push('algorithm', String(s.algorithm ?? 0));
  else reservedArgs(out, s.reserved);
  for (const [name, k] of l.fields) {
    const v = (s as unknown as Mut)[name];
    out.push(FIELD_TOKEN[name]!, k === 'u32' ? String(v) : ipv4or6(v as Uint8Array));
  }
  if (s.label && s.type !== 1) out.push('label', labelText(s.label));
  if (s.sid && s.type !== 13) out.push('sid', ipv6ToString(s.sid));
  if (s.structure) out.push('structure', structureText(s.structure));
  flagsArgs(out, s.flags, defaultSegmentFlags(s.type, l.second === 'algorithm', !!(s.label || s.sid), !!s.structure));
}

export { labelEntry };
