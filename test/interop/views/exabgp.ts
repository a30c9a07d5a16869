/**
 * Views of ExaBGP 4.2.21's API JSON, per Ze family. ExaBGP prints prefixes with their trailing
 * bits as sent, Ze masks them (RFC 4271 §4.3: trailing bits are irrelevant), so prefixes are
 * compared as networks; ExaBGP prints RDs without their type and EVPN labels as [label, raw].
 */
import { ipText, rdNoType } from './text.js';
import { sorted, type Facts, type View } from './types.js';

/** `addr/len` with the bits past `len` cleared and the address normalised. */
export function network(p: string): string {
  const [a, l] = p.split('/') as [string, string];
  const bits = Number(l);
  if (!a.includes(':')) {
    const n = a.split('.').reduce((v, x) => v * 256 + Number(x), 0);
    const m = bits === 0 ? 0 : Number((BigInt(n) >> BigInt(32 - bits)) << BigInt(32 - bits));
    return `${[24, 16, 8, 0].map((s) => (m / 2 ** s) & 0xff).join('.')}/${bits}`;
  }
  const full = ipText(a);
  const groups = full.includes('::') ? expand(full) : full.split(':');
  let v = groups.reduce((acc, g) => (acc << 16n) | BigInt(parseInt(g || '0', 16)), 0n);
  v = bits === 0 ? 0n : (v >> BigInt(128 - bits)) << BigInt(128 - bits);
  const out = Array.from({ length: 8 }, (_, i) => ((v >> BigInt(112 - 16 * i)) & 0xffffn).toString(16));
  return `${ipText(out.join(':'))}/${bits}`;
}

function expand(a: string): string[] {
  const [h, t] = a.split('::') as [string, string];
  const hs = h ? h.split(':') : [];
  const ts = t ? t.split(':') : [];
  return [...hs, ...Array(8 - hs.length - ts.length).fill('0'), ...ts];
}

const labelsOf = (l: unknown): string => (Array.isArray(l) ? l.map((x) => (Array.isArray(x) ? x[0] : x)).join(',') : '');
/** RD types 0-2 are printed `admin:assigned` by both; others differ in spelling only. */
const rdKnown = (rd: unknown): boolean => /^[012]:/.test(String(rd));

const vpn: View<Record<string, any>> = {
  skip: (j) => (rdKnown(j.rd) ? undefined : 'RD of an unassigned type: ExaBGP prints it as hex'),
  ours: (j) => [`prefix=${network(j.prefix)}`, `labels=${labelsOf(j.labels)}`, `rd=${rdNoType(j.rd)}`],
  theirs: (n) => [`prefix=${network(n.nlri)}`, `labels=${labelsOf(n.label)}`, `rd=${n.rd}`],
};

const labeled: View<Record<string, any>> = {
  ours: (j) => [`prefix=${network(j.prefix)}`, `labels=${labelsOf(j.labels)}`],
  theirs: (n) => [`prefix=${network(n.nlri)}`, `labels=${labelsOf(n.label)}`],
};

const FLOW_KEYS: Record<string, string> = {
  destination: 'destination', 'destination-ipv4': 'destination', 'destination-ipv6': 'destination',
  source: 'source', 'source-ipv4': 'source', 'source-ipv6': 'source',
  protocol: 'protocol', 'next-header': 'protocol', port: 'port', 'destination-port': 'destination-port',
  'source-port': 'source-port', 'icmp-type': 'icmp-type', 'icmp-code': 'icmp-code', 'tcp-flags': 'tcp-flags',
  'packet-length': 'packet-length', dscp: 'dscp', 'traffic-class': 'dscp', fragment: 'fragment', 'flow-label': 'flow-label',
};

/** FlowSpec: which components, and the IPv4 prefixes (ExaBGP's IPv6 offset text differs in form). */
const flow: View<Record<string, any>> = {
  ours: (j) =>
    Object.entries(j).flatMap(([k, v]): Facts => {
      const c = FLOW_KEYS[k];
      if (!c) return k === 'rd' && rdKnown(v) ? [`rd=${rdNoType(v)}`] : [];
      if (k === 'destination' || k === 'source') return (v as string[][]).flat().map((p) => `${c}=${network(p.split('/').slice(0, 2).join('/'))}`);
      return [c];
    }),
  theirs: (n) =>
    Object.entries(n).flatMap(([k, v]): Facts => {
      const c = FLOW_KEYS[k];
      if (!c) return k === 'rd' && /^[^0x]/.test(String(v)) ? [`rd=${v}`] : [];
      if (k === 'destination-ipv4' || k === 'source-ipv4') return (v as string[]).map((p) => `${c}=${network(p)}`);
      return [c];
    }),
};

const evpn: View<Record<string, any>> = {
  skip: (j) => (rdKnown(j.rd) && Number(j.code) <= 5 ? undefined : 'RD of an unassigned type or EVPN route type > 5'),
  ours: (j) => evpnFacts(j),
  theirs: (n) => evpnFacts(n),
};

function evpnFacts(j: Record<string, any>): Facts {
  const f: Facts = [`code=${j.code}`, `rd=${rdNoType(j.rd)}`];
  // addresses are named differently per route type on each side (originator/ip/prefix/gateway): not compared yet
  for (const k of ['esi', 'ethernet-tag', 'mac']) if (j[k] !== undefined) f.push(`${k}=${String(j[k]).toLowerCase()}`);
  if (j.label !== undefined) f.push(`labels=${labelsOf(j.label)}`);
  return f;
}

const vpls: View<Record<string, any>> = {
  skip: (j) => (rdKnown(j.rd) ? undefined : 'RD of an unassigned type: ExaBGP prints it as hex'),
  ours: (j) => [`rd=${rdNoType(j.rd)}`, `ve-id=${j['ve-id']}`, `base=${j['label-base']}`, `offset=${j['ve-block-offset']}`, `size=${j['ve-block-size']}`],
  theirs: (n) => [`rd=${n.rd}`, `ve-id=${n.endpoint}`, `base=${n.base}`, `offset=${n.offset}`, `size=${n.size}`],
};

const bgpls: View<Record<string, any>> = {
  ours: (j) => [`type=${j['ls-nlri-type']}`, `protocol-id=${j['protocol-id']}`],
  theirs: (n) => [`type=${n['ls-nlri-type']}`, `protocol-id=${n['protocol-id']}`],
};

export const exabgpViews: Record<string, View<Record<string, any>>> = {
  'ipv4/mpls-vpn': vpn,
  'ipv6/mpls-vpn': vpn,
  'ipv4/mpls-label': labeled,
  'ipv6/mpls-label': labeled,
  'ipv4/flow': flow,
  'ipv6/flow': flow,
  'ipv4/flow-vpn': flow,
  'ipv6/flow-vpn': flow,
  'l2vpn/evpn': evpn,
  'l2vpn/vpls': vpls,
  'bgp-ls/bgp-ls': bgpls,
  'bgp-ls/bgp-ls-vpn': bgpls,
};

export { sorted };
