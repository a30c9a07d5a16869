/**
 * Views of GoBGP 3.10's Adj-RIB-In JSON (`gobgp neighbor <addr> adj-in -a <family> -j`, the
 * `nlri` of each path), per Ze family. GoBGP prints RDs as {type, admin, assigned}, VPN and
 * labeled labels as label values, EVPN labels as the raw 24-bit field (shown here shifted by 4:
 * the MPLS label of RFC 7432 §7, see docs/INTEROP.md), FlowSpec components as {type, value} with
 * operator octets and numbers.
 */
import { network } from './exabgp.js';
import { ipText } from './text.js';
import type { Facts, View } from './types.js';

/** GoBGP RD object → Ze's `type:admin:assigned`. */
const rdText = (rd: any): string => (rd ? `${rd.type}:${rd.admin}:${rd.assigned}` : '-');
/** RD types 0-2 only: GoBGP prints others as unknown. */
const rdKnown = (rd: unknown): boolean => rd === undefined || /^[012]:/.test(String(rd));

const vpn: View<any> = {
  skip: (j) => (rdKnown(j.rd) ? undefined : 'RD of an unassigned type'),
  ours: (j) => [`prefix=${network(j.prefix)}`, `labels=${(j.labels as number[][]).map((l) => l[0]).join(',')}`, `rd=${j.rd}`],
  theirs: (n) => [`prefix=${network(n.prefix)}`, `labels=${(n.labels as number[]).join(',')}`, `rd=${rdText(n.rd)}`],
};

const labeled: View<any> = {
  ours: (j) => [`prefix=${network(j.prefix)}`, `labels=${(j.labels as number[]).join(',')}`],
  theirs: (n) => [`prefix=${network(n.prefix)}`, `labels=${(n.labels as number[]).join(',')}`],
};

// --- FlowSpec (RFC 8955 §4.2.2, RFC 8956 §3)

const FLOW_TYPE: Record<string, number> = {
  destination: 1, 'destination-ipv4': 1, 'destination-ipv6': 1, source: 2, 'source-ipv4': 2, 'source-ipv6': 2,
  protocol: 3, 'next-header': 3, port: 4, 'destination-port': 5, 'source-port': 6, 'icmp-type': 7, 'icmp-code': 8,
  'tcp-flags': 9, 'packet-length': 10, dscp: 11, 'traffic-class': 11, fragment: 12, 'flow-label': 13,
};
/** IANA protocol numbers for the names Ze prints. */
const PROTO: Record<string, number> = { icmp: 1, igmp: 2, tcp: 6, udp: 17, gre: 47, icmpv6: 58, ospf: 89, sctp: 132 };
const TCP_BITS: Record<string, number> = { fin: 1, syn: 2, rst: 4, push: 8, ack: 0x10, urg: 0x20, ece: 0x40, cwr: 0x80 };
const FRAG_BITS: Record<string, number> = { 'dont-fragment': 1, 'is-fragment': 2, 'first-fragment': 4, 'last-fragment': 8 };

/** One of Ze's value texts (`=tcp`, `>=1024`, `!rst`, `=syn+ack`…) → the number, or undefined. */
function flowValue(type: number, text: string): number | undefined {
  const v = text.replace(/^[&!=<>]+/, '');
  if (/^\d+$/.test(v)) return Number(v);
  if (type === 3) return PROTO[v];
  const table = type === 9 ? TCP_BITS : type === 12 ? FRAG_BITS : undefined;
  if (!table) return undefined;
  let bits = 0;
  for (const n of v.split(/[+|,]/)) {
    if (table[n] === undefined) return undefined;
    bits |= table[n]!;
  }
  return bits;
}

function flowOurs(j: Record<string, any>): Facts {
  const f: Facts = [];
  for (const [k, v] of Object.entries(j)) {
    if (k === 'rd') {
      f.push(`rd=${v}`);
      continue;
    }
    const t = FLOW_TYPE[k];
    if (t === undefined) continue;
    const vals = (v as string[][]).flat();
    if (t <= 2) {
      for (const p of vals) {
        const [a, l, o] = p.split('/');
        f.push(`${t}=${network(`${a}/${l}`)}/${o ?? 0}`);
      }
      continue;
    }
    const nums = vals.map((s) => flowValue(t, s));
    f.push(nums.includes(undefined) ? `${t}#${nums.length}` : `${t}=${nums.join(',')}`);
  }
  return f;
}

function flowTheirs(n: Record<string, any>): Facts {
  const f: Facts = [];
  if (n.rd) f.push(`rd=${rdText(n.rd)}`);
  for (const c of (n.value as any[]) ?? []) {
    const t = Number(c.type);
    if (t <= 2) f.push(`${t}=${network(c.value.prefix)}/${c.offset ?? 0}`);
    else if (Array.isArray(c.value)) f.push(`${t}=${c.value.map((x: any) => x.value).join(',')}`);
    else f.push(`${t}?${JSON.stringify(c)}`);
  }
  return f;
}

/** Ze's numeric text may name a value GoBGP shows as a number only: compare counts there. */
function flowAlign(ours: Facts, theirs: Facts): Facts {
  return theirs.map((t) => {
    const [k] = t.split('=');
    const o = ours.find((x) => x.startsWith(`${k}#`));
    return o ? `${k}#${t.slice(k!.length + 1).split(',').length}` : t;
  });
}

const flow: View<any> = {
  skip: (j) => (rdKnown(j.rd) ? undefined : 'RD of an unassigned type'),
  ours: (j) => flowOurs(j),
  theirs: (n) => flowTheirs(n),
};

// --- EVPN (RFC 7432 §7, RFC 9136 §3)

const ESI_NAMES = ['ESI_ARBITRARY', 'ESI_LACP', 'ESI_MSTP', 'ESI_MAC', 'ESI_ROUTERID', 'ESI_AS'];

function esiOurs(e: string | undefined): string | undefined {
  if (e === undefined) return undefined;
  if (e === '-' || /^(00:){9}00$/.test(e)) return '-';
  const t = parseInt(e.slice(0, 2), 16);
  return t === 0 ? e.slice(3) : `type ${ESI_NAMES[t] ?? t}`;
}

function esiTheirs(e: string | undefined): string | undefined {
  if (e === undefined) return undefined;
  if (e === 'single-homed') return '-';
  const m = /^(\w+) \| (.*)$/.exec(e);
  if (m && m[1] === 'ESI_ARBITRARY') return m[2]!.toLowerCase();
  return m ? `type ${m[1]}` : e;
}

const isZeroIp = (a: unknown): boolean => a === undefined || a === '0.0.0.0' || a === '::' || a === '';

function evpnOurs(j: Record<string, any>): Facts {
  const f: Facts = [`type=${j.code}`, `rd=${j.rd}`];
  const esi = esiOurs(j.esi);
  if (esi !== undefined && j.code !== 3) f.push(`esi=${esi}`);
  if (j['ethernet-tag'] !== undefined) f.push(`etag=${j['ethernet-tag']}`);
  if (j.mac !== undefined) f.push(`mac=${String(j.mac).toLowerCase()}`);
  const ip = j.ip ?? j.originator;
  if (!isZeroIp(ip)) f.push(`ip=${ipText(ip)}`);
  if (j.prefix !== undefined) f.push(`prefix=${network(j.prefix)}`);
  if (!isZeroIp(j.gateway)) f.push(`gateway=${ipText(j.gateway)}`);
  if (j.label !== undefined) f.push(`labels=${(j.label as number[][]).map((l) => l[0]).join(',')}`);
  return f;
}

function evpnTheirs(n: Record<string, any>): Facts {
  const v = n.value ?? {};
  const f: Facts = [`type=${n.type}`, `rd=${rdText(v.rd)}`];
  const esi = esiTheirs(v.esi);
  if (esi !== undefined) f.push(`esi=${esi}`);
  if (v.etag !== undefined) f.push(`etag=${v.etag}`);
  if (v.mac !== undefined) f.push(`mac=${String(v.mac).toLowerCase()}`);
  if (!isZeroIp(v.ip)) f.push(`ip=${ipText(v.ip)}`);
  if (v.prefix !== undefined) f.push(`prefix=${network(v.prefix)}`);
  if (!isZeroIp(v.gateway)) f.push(`gateway=${ipText(v.gateway)}`);
  // GoBGP holds the raw 3-octet field; RFC 7432 §7: the MPLS label is its high-order 20 bits
  const raw: number[] | undefined = v.labels ?? (v.label !== undefined ? [v.label] : undefined);
  if (raw) f.push(`labels=${raw.map((x) => x >>> 4).join(',')}`);
  return f;
}

const evpn: View<any> = {
  skip: (j) => (Number(j.code) > 5 ? 'EVPN route type > 5: GoBGP 3.10 reads types 1-5 (and disables the family on others)' : rdKnown(j.rd) ? undefined : 'RD of an unassigned type'),
  ours: evpnOurs,
  theirs: evpnTheirs,
};

// --- MUP (draft-mpmz-bess-mup-safi §3.1)

const mup: View<any> = {
  skip: (j) =>
    j['arch-type'] !== 1 || !(Number(j['route-type']) >= 1 && Number(j['route-type']) <= 4)
      ? 'architecture type other than 3gpp-5g or route type > 4: GoBGP 3.10 disables the family'
      : rdKnown(j.rd) ? undefined : 'RD of an unassigned type',
  ours: (j) => {
    const f: Facts = [`arch=${j['arch-type']}`, `type=${j['route-type']}`, `rd=${j.rd}`];
    if (j.prefix !== undefined) f.push(`prefix=${network(j.prefix)}`);
    if (j.address !== undefined) f.push(`address=${ipText(j.address)}`);
    if (j.teid !== undefined) f.push(`teid=${j.teid}`);
    if (j.qfi !== undefined) f.push(`qfi=${j.qfi}`);
    if (j.endpoint !== undefined) f.push(`endpoint=${ipText(j.endpoint)}`);
    if (j.source !== undefined) f.push(`source=${ipText(j.source)}`);
    return f;
  },
  theirs: (n) => {
    const v = n.value ?? {};
    const f: Facts = [`arch=${n.arch_type}`, `type=${n.route_type}`, `rd=${rdText(v.rd)}`];
    if (v.prefix !== undefined) f.push(`prefix=${network(v.prefix)}`);
    if (v.address !== undefined) f.push(`address=${ipText(v.address)}`);
    if (v.teid !== undefined && !(n.route_type === 4 && v.teid === 0)) f.push(`teid=${v.teid}`);
    if (v.qfi !== undefined) f.push(`qfi=${v.qfi}`);
    if (v.endpoint_address !== undefined) f.push(`endpoint=${ipText(v.endpoint_address)}`);
    if (v.source_address !== undefined) f.push(`source=${ipText(v.source_address)}`);
    return f;
  },
};

// --- RTC (RFC 4684 §4)

const rtc: View<any> = {
  skip: (j, i) =>
    j['is-default'] === true
      ? 'the RTC default route: GoBGP 3.10 lists no Adj-RIB-In path for it (RFC 4684 §4 allows it; docs/INTEROP.md)'
      : i.bytes[0] !== 96
        ? 'RTC prefix length other than 0 / 96: GoBGP 3.10 disables the family'
        : undefined,
  ours: (j) => [`origin-as=${j['origin-as']}`, `rt=${j['route-target']}`],
  theirs: (n) => {
    const p = String(n.prefix ?? JSON.stringify(n));
    const i = p.indexOf(':');
    // GoBGP prints a 4-octet-AS route target in asdot (RFC 5396 §1): 64086.59905 = 4200000001
    const rt = p.slice(i + 1).replace(/^(\d+)\.(\d+):(\d+)$/, (_m, hi, lo, v) => `${Number(hi) * 65536 + Number(lo)}:${v}`);
    return [`origin-as=${p.slice(0, i)}`, `rt=${rt}`];
  },
};

export const gobgpViews: Record<string, View<any>> = {
  'ipv4/mpls-vpn': vpn,
  'ipv6/mpls-vpn': vpn,
  'ipv4/mpls-label': labeled,
  'ipv6/mpls-label': labeled,
  'ipv4/flow': flow,
  'ipv6/flow': flow,
  'ipv4/flow-vpn': flow,
  'ipv6/flow-vpn': flow,
  'l2vpn/evpn': evpn,
  'ipv4/mup': mup,
  'ipv6/mup': mup,
  'ipv4/rtc': rtc,
};

export { flowAlign };
