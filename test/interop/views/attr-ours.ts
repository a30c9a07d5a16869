/**
 * ze-nlri's typed reading of one path attribute as a list of facts, the form every oracle's
 * attribute view (attr-tshark.ts, attr-exabgp.ts, attr-gobgp.ts) writes too. One fact per
 * value the RFC layout defines: ORIGIN / AS_PATH segments / MED / LOCAL_PREF / AGGREGATOR …
 * (RFC 4271 §4.3, RFC 4456 §8, RFC 6793 §3, RFC 7311 §3, RFC 9234 §5), one per community
 * (RFC 1997, RFC 8092 §3), one per extended community (RFC 4360 §2: `TTSS:` type and sub-type
 * in hex, then the sub-type's values, or `raw:` and the 6 value octets where the oracle does
 * not type that sub-type), PMSI_TUNNEL fields (RFC 6514 §5), Prefix-SID TLVs (RFC 8669 §3,
 * RFC 9252 §2-3), Tunnel Encapsulation TLVs (RFC 9012 §2-3).
 */
import { ipv4ToString, ipv6ToString, toHex } from '../../../src/index.js';
import type { PathAttribute } from '../../../src/index.js';
import type { ExtendedCommunity, Ipv6ExtendedCommunity } from '../../../attributes/communities/model.js';
import type { PmsiTunnel } from '../../../attributes/pmsi/model.js';
import type { PrefixSid } from '../../../attributes/prefix-sid/model.js';
import type { TunnelEncap } from '../../../attributes/tunnel-encap/model.js';
import type { Facts } from './types.js';

export const ip = (b: Uint8Array): string => (b.length === 4 ? ipv4ToString(b) : b.length === 16 ? ipv6ToString(b) : `0x${toHex(b).toLowerCase()}`);
export const hx = (b: Uint8Array): string => toHex(b).toLowerCase();
const h2 = (n: number): string => n.toString(16).padStart(2, '0');
const b01 = (v: boolean): number => (v ? 1 : 0);

/** `TTSS` of an extended community (from its first two octets). */
export const ttss = (b: Uint8Array): string => h2(b[0]!) + h2(b[1]!);

/** What an oracle decides per extended community: print its values (typed) or only its octets. */
export type ExtTyped = (c: ExtendedCommunity, raw: Uint8Array) => boolean;

/** One extended community as a fact: typed by its kind, or `TTSS:raw:<6 octets>`. */
export function extFact(c: ExtendedCommunity, raw: Uint8Array, typed: ExtTyped): string {
  const t = ttss(raw);
  if (c.kind === 'raw' || !typed(c, raw)) return `${t}:raw:${hx(raw.subarray(2))}`;
  switch (c.kind) {
    case 'route-target':
    case 'route-origin':
    case 'redirect':
      return `${t}:${c.form === 'ipv4' ? c.ip : c.asn}:${c.local}`;
    case 'traffic-rate-bytes':
    case 'traffic-rate-packets':
      return `${t}:${c.id}:${c.rate}`;
    case 'traffic-action':
      return `${t}:S${b01(c.sample)}T${b01(c.terminal)}`;
    case 'traffic-marking':
      return `${t}:${c.dscp}`;
    case 'redirect-ip':
      return `${t}:${c.ip}:C${b01(c.copy)}`;
    case 'redirect-next-hop':
      return `${t}:C${b01(c.copy)}`;
    case 'mac-mobility':
      return `${t}:${b01(c.sticky)}:${c.sequence}`;
    case 'esi-label':
      return `${t}:${b01(c.singleActive)}:${c.label}`;
    case 'es-import-rt':
    case 'router-mac':
      return `${t}:${c.mac.toLowerCase()}`;
    case 'l2-attributes':
      return `${t}:B${b01(c.backup)}P${b01(c.primary)}C${b01(c.controlWord)}F${b01(c.flowLabel)}:${c.mtu}`;
    case 'default-gateway':
      return t;
    case 'encapsulation':
      return `${t}:${c.tunnelType}`;
    case 'color':
      return `${t}:${c.colorOnly}:${c.color}`;
    case 'mup-segment-id':
      return `${t}:${c.global}:${c.local}`;
    case 'link-bandwidth':
      return `${t}:${c.asn}:${c.bandwidth}`;
    case 'l2-info':
      return `${t}:${c.encaps}:${c.control}:${c.mtu}:${c.preference}`;
  }
}

export function ipv6ExtFact(c: Ipv6ExtendedCommunity, raw: Uint8Array, typed: (c: Ipv6ExtendedCommunity) => boolean): string {
  const t = ttss(raw);
  if (c.kind === 'raw' || !typed(c)) return `${t}:raw:${hx(raw.subarray(2))}`;
  if (c.kind === 'redirect-ip') return `${t}:${c.ip}:C${b01(c.copy)}`;
  return `${t}:${c.ip}:${c.local}`;
}

export function pmsiFacts(p: PmsiTunnel, labelOf: (field: number, p: PmsiTunnel) => number = (f) => f >>> 4): Facts {
  const out = [`flags=${p.flags}`, `type=${p.tunnelType}`, `label=${labelOf(p.labelField, p)}`];
  const t = p.tunnel;
  switch (t.kind) {
    case 'ingress-replication':
      out.push(`endpoint=${ip(t.endpoint)}`);
      break;
    case 'pim':
      out.push(`sender=${ip(t.sender)}`, `group=${ip(t.group)}`);
      break;
    case 'rsvp-te-p2mp':
      out.push(`p2mp-id=${t.p2mpId}`, `tunnel-id=${t.tunnelId}`, `ext-tunnel-id=${ip(t.extendedTunnelId)}`);
      break;
    case 'mldp':
      out.push(`fec-type=${t.fecType}`, `af=${t.addressFamily}`, `root=${ip(t.root)}`, ...t.opaque.map((o) => `opaque=${o.type}:${hx(o.value)}`));
      break;
    case 'raw':
      out.push(`id=${hx(t.bytes)}`);
      break;
  }
  return out;
}

/** Prefix-SID TLVs: label index, SRGBs, SRv6 services with SID information and structure; `tlv=` for the rest. */
export function prefixSidFacts(p: PrefixSid): Facts {
  const out: Facts = [];
  for (const t of p.tlvs) {
    if ('raw' in t) out.push(`tlv=${t.type}:${hx(t.raw)}`);
    else if (t.type === 1) out.push(`label-index=${t.labelIndex}`, `label-index-flags=${t.flags}`);
    else if (t.type === 3) out.push(`srgb-flags=${t.flags}`, ...t.srgb.map((s) => `srgb=${s.base}:${s.range}`));
    else {
      const svc = t.type === 5 ? 'l3' : 'l2';
      out.push(`srv6-${svc}`);
      for (const s of t.subTlvs) {
        if ('raw' in s) out.push(`srv6-${svc}-sub=${s.type}:${hx(s.raw)}`);
        else {
          out.push(`srv6-${svc}-sid=${ip(s.sid)}`, `srv6-${svc}-behavior=${s.behavior}`, `srv6-${svc}-sid-flags=${s.sidFlags}`);
          for (const ss of s.subSubTlvs) {
            if ('raw' in ss) out.push(`srv6-${svc}-subsub=${ss.type}:${hx(ss.raw)}`);
            else out.push(`srv6-${svc}-structure=${[ss.locatorBlockLength, ss.locatorNodeLength, ss.functionLength, ss.argumentLength, ss.transpositionLength, ss.transpositionOffset].join(',')}`);
          }
        }
      }
    }
  }
  return out;
}

/** Tunnel Encapsulation: the tunnel types, each sub-TLV's type, and the values most oracles show. */
export function tunnelFacts(t: TunnelEncap): Facts {
  const out: Facts = [];
  for (const tn of t.tunnels) {
    out.push(`tunnel=${tn.type}`);
    for (const s of tn.subTlvs) {
      out.push(`${tn.type}/sub=${s.type}`);
      if (s.kind === 'egress-endpoint') out.push(`${tn.type}/endpoint=${s.address.length ? ip(s.address) : ''}`);
      else if (s.kind === 'color') out.push(`${tn.type}/color=${s.color}`);
      else if (s.kind === 'udp-port') out.push(`${tn.type}/udp-port=${s.port}`);
      else if (s.kind === 'vxlan') out.push(`${tn.type}/vnid=${s.vnId}`);
      else if (s.kind === 'gre-key') out.push(`${tn.type}/gre-key=${s.key}`);
      else if (s.kind === 'preference') out.push(`${tn.type}/preference=${s.preference}`);
      else if (s.kind === 'name') out.push(`${tn.type}/name=${s.name}`);
    }
  }
  return out;
}

/** The facts of the simple attributes (codes 1-10, 17, 18, 26, 32, 35); undefined for others. */
export function simpleFacts(a: PathAttribute): Facts | undefined {
  const v = a.value as any;
  switch (a.code) {
    case 1:
    case 4:
    case 5:
      return [String(v.value)];
    case 2:
    case 17:
      return (v.segments as { type: number; asns: number[] }[]).map((s) => `${s.type}:${s.asns.join(' ')}`);
    case 6:
      return ['present'];
    case 7:
    case 18:
      return [`${v.asn} ${ip(v.address)}`];
    case 8:
      return (v.communities as number[]).map((c) => `${c >>> 16}:${c & 0xffff}`);
    case 9:
      return [ip(v.id)];
    case 10:
      return (v.ids as Uint8Array[]).map(ip);
    case 26:
      return (v.tlvs as { type: number; metric?: bigint; raw?: Uint8Array }[]).map((t) => (t.metric !== undefined ? `${t.type}:${t.metric}` : `${t.type}:${hx(t.raw!)}`));
    case 32:
      return (v.communities as { global: number; local1: number; local2: number }[]).map((c) => `${c.global}:${c.local1}:${c.local2}`);
    case 35:
      return [String(v.asn)];
  }
  return undefined;
}

/** Every extended community of the attribute with its 8 octets. */
export function extFacts(a: PathAttribute, typed: ExtTyped): Facts {
  return ((a.value as { communities: ExtendedCommunity[] }).communities).map((c, i) => extFact(c, a.raw.subarray(8 * i, 8 * i + 8), typed));
}

export function ipv6ExtFacts(a: PathAttribute, typed: (c: Ipv6ExtendedCommunity) => boolean): Facts {
  return ((a.value as { communities: Ipv6ExtendedCommunity[] }).communities).map((c, i) => ipv6ExtFact(c, a.raw.subarray(20 * i, 20 * i + 20), typed));
}
