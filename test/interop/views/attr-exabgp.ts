/**
 * ExaBGP 4.2.21's reading of each path attribute (its API JSON `attribute` object,
 * lib/attr-exabgp.ts) as the facts of views/attr-ours.ts.
 *
 * ExaBGP's forms: AS_PATH as one flat list per segment type (`as-path`, `as-set`,
 * `confederation-path`, `confederation-set`), so segments are compared per type, concatenated;
 * extended communities as the 64-bit `value` and a `string` that is empty for sub-types it does
 * not type (then both sides give the octets); the traffic-rate id is not printed and the rate is
 * printed truncated (`%d`); a route origin's IPv4 administrator printed after its number and a
 * 2-octet-AS route origin's number printed as an IPv4 address (normalised here); PMSI as
 * `pmsi:<type name>:<flags>:<label>[(<field>)]:<identifier>`; Prefix-SID as label index and
 * SRGBs; attributes it does not know (Tunnel Encapsulation, OTC, AS4_PATH, IPv6 extended
 * communities) as `attribute-0x<code>-0x<flags>` with their value.
 */
import type { PathAttribute } from '../../../src/index.js';
import type { ExtendedCommunity } from '../../../attributes/communities/model.js';
import type { PmsiTunnel } from '../../../attributes/pmsi/model.js';
import type { PrefixSid } from '../../../attributes/prefix-sid/model.js';
import { extFact, hx, ip, ipv6ExtFacts, simpleFacts, ttss } from './attr-ours.js';
import { ipText } from './text.js';
import type { Facts } from './types.js';

const ORIGIN: Record<string, number> = { igp: 0, egp: 1, incomplete: 2 };
const ENCAP: Record<string, number> = { DEFAULT: 0, L2TPv3: 1, GRE: 2, IPIP: 7, VXLAN: 8, NVGRE: 9, MPLS: 10, VXLAN_GPE: 12, MPLS_UDP: 13 };
const PMSI_NAME: Record<number, string> = {
  0: 'notunnel',
  1: 'rsvp-tep2mplsp',
  2: 'mldpp2mplsp',
  3: 'pim-ssmtree',
  4: 'pim-smtree',
  5: 'bidir-pimtree',
  6: 'ingressreplication',
  7: 'mldpmp2mplsp',
};
const SEG_KEY: Record<number, string> = { 1: 'as-set', 2: 'as-path', 3: 'confederation-path', 4: 'confederation-set' };

const dotted = (s: string): number => (s.includes('.') ? s.split('.').reduce((a, x) => a * 256 + Number(x), 0) : Number(s.replace(/L$/, '')));
const noL = (s: string): string => s.replace(/L$/, '');

/** Extended community TTSS values ExaBGP 4.2 prints a string for (the others: empty string). */
const TYPED = new Set(['0002', '4002', '0102', '0202', '4202', '0003', '4003', '0103', '0203', '4203', '010c', '030c', '0600', '0800', '8006', '8007', '8008', '8208', '8009', '800a']);

/** ExaBGP's `string` → the fact form; undefined: not understood. */
function extFromString(t: string, s: string): string | undefined {
  let m: RegExpExecArray | null;
  if ((m = /^(target|origin|redirect):([^:]+):([^:]+)$/.exec(s))) {
    // route origin, IPv4 administrator: ExaBGP prints `origin:<number>:<ip>`
    if (t.endsWith('03') && m[3]!.includes('.') && t.startsWith('01')) return `${t}:${m[3]}:${m[2]}`;
    const local = t === '0003' || t === '4003' ? dotted(m[3]!) : noL(m[3]!);
    return `${t}:${noL(m[2]!)}:${local}`;
  }
  if ((m = /^(redirect|copy)-to-nexthop-ietf (\S+)( \(with copy\))?$/.exec(s))) return `${t}:${ipText(m[2]!)}:C${m[3] ? 1 : 0}`;
  if ((m = /^(redirect|copy)-to-nexthop$/.exec(s))) return `${t}:C${m[1] === 'copy' ? 1 : 0}`;
  // an unnamed tunnel type is printed `encap:encap:UNKNOWN-<n>`
  if ((m = /^encap:(?:encap:)?UNKNOWN-(\d+)$/.exec(s))) return `${t}:${m[1]}`;
  if ((m = /^encap:(\S+)$/.exec(s))) return `${t}:${ENCAP[m[1]!] ?? `?${m[1]}`}`;
  if ((m = /^mac-mobility:(\d+)(:sticky)?$/.exec(s))) return `${t}:${m[2] ? 1 : 0}:${m[1]}`;
  if ((m = /^rate-limit:(-?\d+)$/.exec(s))) return `${t}:${m[1]}`;
  if ((m = /^action (.*)$/.exec(s))) {
    const w = m[1]!.split('-');
    return `${t}:S${w.includes('sample') ? 1 : 0}T${w.includes('terminal') ? 1 : 0}`;
  }
  if ((m = /^mark (\d+)$/.exec(s))) return `${t}:${m[1]}`;
  if ((m = /^l2info:(\d+):(\d+):(\d+):(\d+)$/.exec(s))) return `${t}:${m[1]}:${m[2]}:${m[3]}:${m[4]}`;
  return undefined;
}

/** ze-nlri's fact for one extended community as ExaBGP shows it (rate: no id, truncated). */
function extOurs(c: ExtendedCommunity, raw: Uint8Array): string {
  // a traffic-marking with its reserved bits set: ze-nlri keeps the octets, the DSCP is the low 6 bits (RFC 8955 §7.5)
  if (c.kind === 'raw' && ttss(raw) === '8009') return `8009:${raw[7]! & 0x3f}`;
  const f = extFact(c, raw, (_c, r) => TYPED.has(ttss(r)));
  if (c.kind === 'traffic-rate-bytes' && !f.includes(':raw:')) return `${ttss(raw)}:${Math.trunc(c.rate)}`;
  return f;
}

/** AS path segments per type, concatenated (ExaBGP's JSON keeps no segment boundaries). */
function segmentsByType(segs: readonly { type: number; asns: readonly number[] }[]): Facts {
  const by = new Map<number, number[]>();
  for (const s of segs) by.set(s.type, [...(by.get(s.type) ?? []), ...s.asns]);
  return [...by].filter(([, a]) => a.length).map(([t, a]) => `${t}:${a.join(' ')}`);
}

/** ExaBGP's AS4_PATH text `[ seq ( set ) ][ confed-seq ( confed-set ) ]`. */
function as4Text(s: string): Facts {
  const groups = s.split('][');
  const out: Facts = [];
  groups.forEach((g, i) => {
    const inSet = /\(([^)]*)\)/.exec(g)?.[1]?.trim() ?? '';
    const seq = g.replace(/\([^)]*\)/, ' ').replace(/[[\]]/g, ' ').trim();
    const [tSeq, tSet] = i === 0 ? [2, 1] : [3, 4];
    if (seq) out.push(`${tSeq}:${seq.split(/\s+/).join(' ')}`);
    if (inSet) out.push(`${tSet}:${inSet.split(/\s+/).join(' ')}`);
  });
  return out;
}

/** ExaBGP's IPv6 extended communities text: `[ 0x<int> redirect-to-nexthop-ietf <ip> … ]`. */
function ipv6ExtText(s: string): Facts {
  const out: Facts = [];
  for (const m of s.matchAll(/0x([0-9A-Fa-f]+)|(redirect|copy)-to-nexthop-ietf (\S+)( \(with copy\))?/g)) {
    if (m[1]) {
      const h = m[1].toLowerCase().padStart(40, '0');
      out.push(`${h.slice(0, 4)}:raw:${h.slice(4)}`);
    } else out.push(`000c:${ipText(m[3]!)}:C${m[4] ? 1 : 0}`);
  }
  return out;
}

/** The generic form's key for a code. */
const genericKey = (attr: Record<string, any>, code: number): string | undefined =>
  Object.keys(attr).find((k) => k.toLowerCase().startsWith(`attribute-0x${code.toString(16).padStart(2, '0')}-`));

export function exabgpSkip(a: PathAttribute): string | undefined {
  if (a.code === 26) return 'ExaBGP 4.2 reports AIGP only on sessions configured for it (RFC 7311 §3.1: with AIGP_SESSION disabled the attribute is treated as an unrecognised non-transitive one); none is';
  if (a.code === 29) return 'BGP-LS attribute: not compared (BGP-LS is not sent to ExaBGP, docs/INTEROP.md)';
  return undefined;
}

/** ze-nlri's facts as ExaBGP shows them; undefined: not compared. */
export function exabgpOurs(a: PathAttribute): Facts | undefined {
  const v = a.value as any;
  switch (a.code) {
    case 2:
    case 17:
      return segmentsByType(v.segments);
    case 16:
      return (v.communities as ExtendedCommunity[]).map((c, i) => extOurs(c, a.raw.subarray(8 * i, 8 * i + 8)));
    case 25:
      // ExaBGP prints a 0x000c community as its address and the low bit of its last octet (copy), whatever the other bits
      return ipv6ExtFacts(a, () => false).map((f, i) => {
        const raw = a.raw.subarray(20 * i, 20 * i + 20);
        return f.startsWith('000c:') ? `000c:${ip(raw.subarray(2, 18))}:C${raw[19]! & 1}` : f;
      });
    case 22: {
      const p = v as PmsiTunnel;
      // type 0 (no tunnel information, RFC 6514 §5): ExaBGP prints no identifier
      const id =
        p.tunnelType === 6 && p.tunnel.kind === 'ingress-replication' ? ip(p.tunnel.endpoint) : a.raw.length > 5 && p.tunnelType !== 0 ? `0x${hx(a.raw.subarray(5)).toUpperCase()}` : '';
      return [`name=${PMSI_NAME[p.tunnelType] ?? 'unknown'}`, `flags=${p.flags}`, `label=${p.labelField >>> 4}`, `id=${id}`];
    }
    case 40: {
      const out: Facts = [];
      for (const t of (v as PrefixSid).tlvs) {
        if ('raw' in t) out.push(`tlv=${t.type}`);
        else if (t.type === 1) out.push(`label-index=${t.labelIndex}`);
        else if (t.type === 3) out.push(...t.srgb.map((s) => `srgb=${s.base}:${s.range}`));
        else out.push(`srv6-${t.type === 5 ? 'l3' : 'l2'}`);
      }
      return out;
    }
    case 23:
    case 35:
      return [`value=${hx(a.raw)}`];
  }
  return simpleFacts(a);
}

/** ExaBGP's facts for the attribute (its `attribute` object of the UPDATE). */
export function exabgpTheirs(attr: Record<string, any>, a: PathAttribute): Facts {
  switch (a.code) {
    case 1:
      return attr.origin === undefined ? [] : [String(ORIGIN[attr.origin] ?? attr.origin)];
    case 2:
      return Object.entries(SEG_KEY)
        .filter(([, k]) => Array.isArray(attr[k]) && attr[k].length)
        .map(([t, k]) => `${t}:${(attr[k] as number[]).join(' ')}`);
    case 4:
      return attr.med === undefined ? [] : [String(attr.med)];
    case 5:
      return attr['local-preference'] === undefined ? [] : [String(attr['local-preference'])];
    case 6:
      return attr['atomic-aggregate'] ? ['present'] : [];
    case 18:
      // RFC 6793 §4.1: between 4-octet speakers AS4_AGGREGATOR MUST be discarded; ExaBGP reports it as the aggregator
      return attr.aggregator ? ['!bug:exabgp-as4-aggregator-kept'] : [];
    case 7: {
      const g = attr.aggregator as string | undefined;
      if (!g) return [];
      const i = g.lastIndexOf(':');
      return [`${g.slice(0, i)} ${g.slice(i + 1)}`];
    }
    case 8:
      return ((attr.community ?? []) as number[][]).map(([h, l]) => `${h}:${l}`);
    case 32:
      return ((attr['large-community'] ?? []) as number[][]).map(([g, l1, l2]) => `${g}:${l1}:${l2}`);
    case 9:
      return attr['originator-id'] ? [attr['originator-id']] : [];
    case 10:
      return (attr['cluster-list'] ?? []) as string[];
    case 16:
      return ((attr['extended-community'] ?? []) as { value: string | number; string: string }[]).map((e, i) => {
        const h = BigInt(e.value).toString(16).padStart(16, '0');
        const t = h.slice(0, 4);
        const c = (a.value as { communities: ExtendedCommunity[] }).communities[i];
        // ze-nlri keeps a sub-type with reserved bits set as octets: compared as octets
        if (!e.string || (c?.kind === 'raw' && t !== '8009') || !TYPED.has(t)) return `${t}:raw:${h.slice(4)}`;
        return extFromString(t, e.string) ?? `${t}:?${e.string}`;
      });
    case 17: {
      const k = genericKey(attr, 17);
      return k ? as4Text(String(attr[k])) : [];
    }
    case 25: {
      const k = genericKey(attr, 25);
      return k ? ipv6ExtText(String(attr[k])) : [];
    }
    case 22: {
      const m = /^pmsi:([^:]*):(\d+):(\d+)(?:\(\d+\))?:(.*)$/.exec(String(attr.pmsi ?? ''));
      return m ? [`name=${m[1]}`, `flags=${m[2]}`, `label=${m[3]}`, `id=${m[4]!.startsWith('0x') ? m[4] : ipText(m[4]!)}`] : [];
    }
    case 40: {
      const p = (attr['bgp-prefix-sid'] ?? {}) as Record<string, any>;
      const out: Facts = [];
      if (p['sr-label-index'] !== undefined) out.push(`label-index=${p['sr-label-index']}`);
      for (const [b, r] of (p['sr-srgbs'] ?? []) as number[][]) out.push(`srgb=${b}:${r}`);
      return out;
    }
    case 23:
    case 35: {
      const k = genericKey(attr, a.code);
      return k ? [`value=${String(attr[k]).replace(/^0x/, '').toLowerCase()}`] : [];
    }
  }
  return [];
}
