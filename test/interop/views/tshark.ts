/**
 * Views of tshark 4.0.17's BGP dissection, per Ze family. Field names are Wireshark's display
 * filter names (`bgp.*`).
 */
import type { TsField, TsNlri } from '../lib/tshark.js';
import { ipText, labelList, prefixText, rdNoType } from './text.js';
import type { Facts, View } from './types.js';

const get = (n: TsNlri, name: string): TsField | undefined => n.fields.find((f) => f.name === name);
const all = (n: TsNlri, name: string): TsField[] => n.fields.filter((f) => f.name === name);

/** tshark's label stack text: `100,200 (bottom)` or `0 (withdrawn)`. */
function tsLabels(show: string): string {
  if (show.includes('withdrawn')) return 'withdrawn';
  return show.replace(/\s*\(bottom\)\s*$/, '');
}

const oursLabels = (j: Record<string, any>): string => (j.withdraw ? 'withdrawn' : labelList(j.labels));

// ---- RFC 4364/4659 VPN (SAFI 128) and RFC 8277 labeled unicast (SAFI 4)

const vpn4: View<TsNlri> = {
  skip: (j) => rdSkip(j),
  ours: (j) => [`rd=${rdNoType(j.rd)}`, `labels=${oursLabels(j)}`, `prefix=${prefixText(j.prefix)}`],
  theirs: (n) => {
    const labels = tsLabels(get(n, 'bgp.label_stack')?.show ?? '');
    const nlab = labels === 'withdrawn' ? 1 : labels.split(',').length;
    const bits = Number(get(n, 'bgp.prefix_length')?.show) - 24 * nlab - 64;
    const addr = get(n, 'bgp.mp_reach_nlri_ipv4_prefix') ?? get(n, 'bgp.mp_unreach_nlri_ipv4_prefix');
    return [`rd=${get(n, 'bgp.rd')?.show}`, `labels=${labels}`, `prefix=${addr?.show}/${bits}`];
  },
};

/** IPv6 VPN is one text item: `Label Stack=200 (bottom) RD=192.0.2.1:5, IPv6=2001:db8:1::/48`. */
const vpn6: View<TsNlri> = {
  skip: vpn4.skip,
  ours: vpn4.ours,
  theirs: (n) => {
    const t = n.fields[0]?.showname ?? '';
    const m = /Label Stack=(.*?) RD=(.*?), IPv6=(\S+)/.exec(t);
    if (!m) return [`unparsed=${t}`];
    return [`rd=${m[2]}`, `labels=${tsLabels(m[1]!)}`, `prefix=${prefixText(m[3]!)}`];
  },
};

const labeled = (v6: boolean): View<TsNlri> => ({
  ours: (j) => [`labels=${oursLabels(j)}`, `prefix=${prefixText(j.prefix)}`],
  theirs: (n) => {
    const labels = tsLabels(get(n, 'bgp.label_stack')?.show ?? '');
    const nlab = labels === 'withdrawn' ? 1 : labels.split(',').length;
    const bits = Number(get(n, 'bgp.prefix_length')?.show) - 24 * nlab;
    const dir = n.fields.some((f) => f.name.startsWith('bgp.mp_unreach')) ? 'unreach' : 'reach';
    const addr = get(n, `bgp.mp_${dir}_nlri_ipv${v6 ? 6 : 4}_prefix`)?.show ?? (v6 ? '::' : '0.0.0.0');
    return [`labels=${labels}`, `prefix=${prefixText(`${addr}/${bits}`)}`];
  },
});

// ---- RFC 6514 MVPN (SAFI 5): flat fields, one group per route

const MVPN_ORIGIN = ['bgp.mcast_vpn_nlri_origin_router_ipv4', 'bgp.mcast_vpn_nlri_origin_router_ipv6'];

function mvpnOurs(j: Record<string, any>): Facts {
  const f: Facts = [`route-type=${j['route-type']}`];
  if (j['route-type'] < 1 || j['route-type'] > 7) return [...f, `raw=${String(j.raw).toLowerCase()}`];
  if (j['route-type'] !== 4) f.push(`rd=${rdNoType(j.rd)}`);
  if (j.originator !== undefined) f.push(`originator=${ipText(j.originator)}`);
  if (j['source-as'] !== undefined) f.push(`source-as=${j['source-as']}`);
  if (j.source !== undefined) f.push(`source=${j.source === '*' ? '*' : ipText(j.source)}`);
  if (j.group !== undefined) f.push(`group=${j.group === '*' ? '*' : ipText(j.group)}`);
  return f;
}

function mvpnTheirs(n: TsNlri): Facts {
  const rt = Number(get(n, 'bgp.mcast_vpn_nlri_route_type')?.show);
  const f: Facts = [`route-type=${rt}`];
  if (rt < 1 || rt > 7) return [...f, `raw=${(get(n, 'bgp.mcast_vpn_nlri')?.show ?? '').replace(/:/g, '')}`];
  const rd = get(n, 'bgp.mcast_vpn_nlri_rd');
  if (rd) f.push(`rd=${/Route Distinguisher: (.*)$/.exec(rd.showname)?.[1]}`);
  // type 4: the originator is the last one (the route key is kept raw by tshark 4.0)
  const orig = n.fields.filter((x) => MVPN_ORIGIN.includes(x.name)).pop();
  if (orig) f.push(`originator=${ipText(orig.show)}`);
  const as = get(n, 'bgp.mcast_vpn_nlri_source_as');
  if (as) f.push(`source-as=${as.show}`);
  for (const [k, len] of [['source', 'bgp.mcast_vpn_nlri_source_length'], ['group', 'bgp.mcast_vpn_nlri_group_length']] as const) {
    const l = get(n, len);
    if (!l) continue;
    const a = n.fields.find((x) => x.name.startsWith(`bgp.mcast_vpn_nlri_${k}_addr_ipv`));
    f.push(`${k}=${l.show === '0' ? '*' : ipText(a?.show ?? '?')}`);
  }
  return f;
}

const mvpn: View<TsNlri> = {
  ours: mvpnOurs,
  theirs: mvpnTheirs,
  skip: (j) => (j['route-type'] === 4 ? undefined : j.rd === undefined ? undefined : rdSkip(j)),
};

// ---- RFC 8955/8956 FlowSpec

/** Ze's JSON component names → FlowSpec component type (RFC 8955 §4.2.2, RFC 8956 §3). */
const FLOW_TYPE: Record<string, number> = {
  destination: 1, 'destination-ipv4': 1, 'destination-ipv6': 1,
  source: 2, 'source-ipv4': 2, 'source-ipv6': 2,
  protocol: 3, 'next-header': 3, port: 4, 'destination-port': 5, 'source-port': 6,
  'icmp-type': 7, 'icmp-code': 8, 'tcp-flags': 9, 'packet-length': 10, dscp: 11, 'traffic-class': 11,
  fragment: 12, 'flow-label': 13,
};
/** IANA protocol numbers for the names Ze prints (RFC 8955 §4.2.2.3 values). */
const PROTO: Record<string, number> = { icmp: 1, igmp: 2, tcp: 6, egp: 8, gre: 47, udp: 17, rsvp: 46, ipv6: 41, esp: 50, ah: 51, icmpv6: 58, ospf: 89, pim: 103, sctp: 132 };
/** Numeric operator text by the lt/gt/eq bits (RFC 8955 §4.2.1.1); 000 and 111 print `=` in Ze. */
// RFC 8955 §4.2.1.1 lt/gt/eq bits 000 and 111 are the constant false and true (ze-nlri's `false:`, `true:`).
const NUM_OP = ['false:', '=', '>', '>=', '<', '<=', '!=', 'true:'];

function numericValue(t: string): string {
  const m = /^&?(true:|false:|[<>=!]*)(.*)$/.exec(t)!;
  const v = PROTO[m[2]!] ?? m[2];
  return `${m[1]}${v}`;
}

function flowOurs(j: Record<string, any>): Facts {
  const f: Facts = [];
  if (j.rd !== undefined) f.push(`rd=${rdNoType(j.rd)}`);
  for (const [k, v] of Object.entries(j)) {
    const type = FLOW_TYPE[k];
    if (type === undefined) continue;
    if (type <= 2) {
      for (const g of v as string[][]) for (const p of g) {
        const [a, l, off] = p.split('/');
        f.push(`t${type}=${ipText(a!)}/${l}${a!.includes(':') ? `/${off ?? 0}` : ''}`);
      }
    } else if (type === 9 || type === 12) {
      f.push(`t${type}`);
    } else if (type === 11) {
      f.push(`t11.values=${(v as string[][]).flat().map((t) => t.replace(/^[^0-9]*/, '')).join(',')}`);
    } else {
      f.push(`t${type}=${(v as string[][]).map((g) => g.map(numericValue).join('&')).join('|')}`);
    }
  }
  return f;
}

function flowTheirs(n: TsNlri): Facts {
  const f: Facts = [];
  const rdt = get(n, 'bgp.flowspec_route_distinguisher');
  if (rdt) {
    const admin = n.fields.find((x) => x.name.startsWith('bgp.flowspec_route_distinguisher_admin'));
    const asg = n.fields.find((x) => x.name.startsWith('bgp.flowspec_route_distinguisher_asnum'));
    const num = (t = ''): string => (t.startsWith('0x') ? String(parseInt(t, 16)) : t);
    f.push(`rd=${admin?.show}:${num(asg?.show)}`);
  }
  const byType = new Map<number, string[][]>();
  const filters = n.fields.filter((x) => x.name === 'bgp.flowspec_nlri.filter');
  for (const filt of filters) {
    const i = n.fields.indexOf(filt);
    let end = i + 1;
    while (end < n.fields.length && n.fields[end]!.depth > filt.depth) end++;
    const sub = n.fields.slice(i + 1, end);
    const type = Number(sub.find((x) => x.name === 'bgp.flowspec_nlri.filter_type')?.show);
    if (type <= 2) {
      const v4 = sub.find((x) => x.name === (type === 1 ? 'bgp.flowspec_nlri.dst_prefix_filter' : 'bgp.flowspec_nlri.src_prefix_filter'));
      if (v4) {
        const len = sub.find((x) => x.name === 'bgp.prefix_length')?.show;
        f.push(`t${type}=${v4.show}/${len}`);
      } else {
        const a = sub.find((x) => x.name === (type === 1 ? 'bgp.flowspec_nlri.dst_ipv6_pref' : 'bgp.flowspec_nlri.src_ipv6_pref'));
        const len = sub.find((x) => x.name === 'bgp.flowspec_nlri.ipv6_pref_length')?.show;
        const off = sub.find((x) => x.name === 'bgp.flowspec_nlri.ipv6_pref_offset')?.show;
        f.push(`t${type}=${ipText(a?.show ?? '?')}/${len}/${off}`);
      }
      continue;
    }
    const groups = byType.get(type) ?? [];
    byType.set(type, groups);
    const ops = sub.filter((x) => x.name === 'bgp.flowspec_nlri.opflags');
    if (type === 9 || type === 12) {
      groups.push([]);
      continue;
    }
    if (type === 11) {
      // tshark 4.0 reads the DSCP operator as a bitmask operator: compare the values only
      f.push(`t11.values=${sub.filter((x) => x.name === 'bgp.flowspec_nlri.val_dsfield').map((x) => parseInt(x.show, 16)).join(',')}`);
      byType.delete(11);
      continue;
    }
    for (const op of ops) {
      const k = sub.indexOf(op);
      const bit = (name: string): boolean => sub.slice(k + 1).find((x) => x.name === name)?.show === '1';
      const vlen = Number(sub.slice(k + 1).find((x) => x.name === 'bgp.flowspec_nlri.op.val_len')?.show);
      if (vlen >= 2) f.push(`!bug:tshark-flow-wide-values`);
      const val = sub.slice(k + 1).find((x) => /^bgp\.flowspec_nlri\.dec_val_/.test(x.name))?.show;
      const text = `${NUM_OP[(bit('bgp.flowspec_nlri.op.lt') ? 4 : 0) | (bit('bgp.flowspec_nlri.op.gt') ? 2 : 0) | (bit('bgp.flowspec_nlri.op.equal') ? 1 : 0)]}${val}`;
      if (groups.length === 0 || !bit('bgp.flowspec_nlri.op.and')) groups.push([text]);
      else groups[groups.length - 1]!.push(text);
    }
  }
  for (const [type, groups] of byType) {
    if (type === 9 || type === 12) f.push(`t${type}`);
    else f.push(`t${type}=${groups.map((g) => g.join('&')).join('|')}`);
  }
  return f;
}

const flow: View<TsNlri> = {
  ours: flowOurs,
  theirs: flowTheirs,
  skip: (j) => {
    if (j.rd !== undefined && rdSkip(j)) return rdSkip(j);
    if ('flow-label' in j) return 'tshark 4.0 has no FlowSpec flow-label (RFC 8956 type 13)';
    if ((j.dscp as string[][] | undefined)?.flat().some((t) => Number(t.replace(/^[^0-9]*/, '')) > 63))
      return 'tshark shows DSCP values as 6 bits (RFC 8955 §4.2.2.8 carries a 1-octet value)';
    return undefined;
  },
};

// ---- RFC 4684 RTC: /96 routes and the default route only (tshark 4.0 reads no other length)

const rtc: View<TsNlri> = {
  ours: (j) => (j['is-default'] ? ['default'] : [`origin-as=${j['origin-as']}`, `route-target=${j['route-target']}`]),
  theirs: (n) => {
    const as = get(n, 'bgp.originating_as');
    if (!as) return ['default'];
    return [`origin-as=${as.show}`, `route-target=${get(n, 'bgp.community_prefix')?.show}`];
  },
  skip: (_j, i) => (i.bytes[0] !== 0 && i.bytes[0] !== 96 ? 'tshark 4.0 reads only /0 and /96 RTC routes (RFC 4684 §4 allows 32..96)' : undefined),
};

/** RD type of Ze's `type:admin:assigned` text; tshark 4.0 knows types 0-2 only (RFC 4364 §4.2). */
const rdSkip = (j: Record<string, any>): string | undefined =>
  /^[012]:/.test(String(j.rd)) ? undefined : 'tshark 4.0 dissects RD types 0-2 only (RFC 4364 §4.2)';

export const tsharkViews: Record<string, View<TsNlri>> = {
  'ipv4/mpls-vpn': vpn4,
  'ipv6/mpls-vpn': vpn6,
  'ipv4/mpls-vpn-multicast': vpn4,
  'ipv6/mpls-vpn-multicast': vpn6,
  'ipv4/mpls-label': labeled(false),
  'ipv6/mpls-label': labeled(true),
  'ipv4/mvpn': mvpn,
  'ipv6/mvpn': mvpn,
  'ipv4/flow': flow,
  'ipv6/flow': flow,
  'ipv4/flow-vpn': flow,
  'ipv6/flow-vpn': flow,
  'ipv4/rtc': rtc,
};

/** Structure-only families: inputs tshark cannot read at all. */
export const tsharkSkip: Record<string, (i: { bytes: Uint8Array }) => string | undefined> = {
  'bgp-ls/bgp-ls': (i) => (((i.bytes[0]! << 8) | i.bytes[1]!) > 4 ? 'tshark 4.0 dissects BGP-LS NLRI types 1-4 only (no RFC 9514 SRv6 SID)' : undefined),
  'l2vpn/evpn': (i) => ((i.bytes[0] ?? 0) > 5 ? 'tshark 4.0 dissects EVPN route types 1-5 only' : undefined),
};

/** Families tshark 4.0.17 dissects (bgp-ls-vpn is misread: it takes the RD for protocol-id). */
export const TSHARK_FAMILIES = new Set([
  'ipv4/flow', 'ipv6/flow', 'ipv4/flow-vpn', 'ipv6/flow-vpn', 'l2vpn/evpn', 'ipv4/mpls-vpn', 'ipv6/mpls-vpn',
  'ipv4/mpls-vpn-multicast', 'ipv6/mpls-vpn-multicast', 'ipv4/mpls-label', 'ipv6/mpls-label', 'bgp-ls/bgp-ls', 'ipv4/mvpn', 'ipv6/mvpn', 'ipv4/rtc', 'l2vpn/vpls',
]);
