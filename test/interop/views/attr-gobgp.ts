/**
 * GoBGP 3.10's reading of each path attribute (the `attrs` of the input's path in gobgpd's
 * Adj-RIB-In, `gobgp neighbor … adj-in -j`; lib/attr-gobgp.ts) as the facts of
 * views/attr-ours.ts.
 *
 * GoBGP's forms: 4-octet AS numbers of extended communities in asdot (`64086.59904`, RFC 5396:
 * same value, normalised here); sub-types it does not type as base64 of sub-type + 6 value octets
 * (then both sides give the octets); the ESI Label and PMSI label fields as the raw 24-bit number
 * (compared as that field: the label is its high 20 bits, RFC 7432 §7.5, RFC 6514 §5); the Color
 * extended community without its flags; PMSI flags as the Leaf Information Required bit only and
 * non-ingress-replication tunnel identifiers as raw bytes in a string (not compared); Prefix-SID
 * with its SRv6 Service TLVs only (no Label-Index / Originator SRGB in its JSON); AS4_PATH
 * discarded, as RFC 6793 §4.1 asks between 4-octet speakers.
 */
import type { PathAttribute } from '../../../src/index.js';
import type { ExtendedCommunity } from '../../../attributes/communities/model.js';
import type { PmsiTunnel } from '../../../attributes/pmsi/model.js';
import type { PrefixSid } from '../../../attributes/prefix-sid/model.js';
import type { TunnelEncap } from '../../../attributes/tunnel-encap/model.js';
import { extFact, hx, ip, simpleFacts, ttss } from './attr-ours.js';
import { ipText } from './text.js';
import type { Facts } from './types.js';

const h2 = (n: number): string => n.toString(16).padStart(2, '0');
const asdot = (s: string): string => {
  const m = /^(\d+)\.(\d+)$/.exec(s);
  return m ? String(Number(m[1]) * 65536 + Number(m[2])) : s;
};
const g6 = (x: unknown): string => String(Number(Number(x).toPrecision(6)));
const b64 = (s: string): Uint8Array => Uint8Array.from(Buffer.from(s, 'base64'));
const u16 = (b: Uint8Array, o: number): number => (b[o]! << 8) | b[o + 1]!;
const u32 = (b: Uint8Array, o: number): number => ((b[o]! << 24) | (b[o + 1]! << 16) | (b[o + 2]! << 8) | b[o + 3]!) >>> 0;

/** Extended-community TTSS values GoBGP 3.10 types in its JSON. */
const TYPED = new Set([
  '0002', '0003', '4002', '4003', '0102', '0103', '4102', '4103', '0202', '0203', '4202', '4203',
  '8006', '8007', '8008', '8108', '8208', '8009', '010c', '0600', '0601', '0602', '0603', '030d', '030c', '030b', '0c00', '4004', '4300',
]);

/** Type families GoBGP prints as `<administrator>:<number>` whatever the sub-type (RFC 4360 §3.1-3.2, RFC 5668 §2). */
const adminFamily = (t: string): number | undefined => {
  const tt = parseInt(t.slice(0, 2), 16) & 0xbf;
  return tt <= 2 && t !== '0004' && t !== '4004' ? tt : undefined;
};

/** The fact GoBGP's form gives for the 8 octets, computed from them (for what ze-nlri keeps raw). */
function fromBytes(t: string, r: Uint8Array): string {
  const fam = adminFamily(t);
  if (fam === 0) return `${t}:${u16(r, 2)}:${u32(r, 4)}`;
  if (fam === 1) return `${t}:${ip(r.subarray(2, 6))}:${u16(r, 6)}`;
  if (fam === 2) return `${t}:${u32(r, 2)}:${u16(r, 6)}`;
  switch (t) {
    case '0002': case '0003': case '4002': case '4003': case '8008':
      return `${t}:${u16(r, 2)}:${u32(r, 4)}`;
    case '0102': case '0103': case '4102': case '4103': case '8108': case '010c':
      return `${t}:${ip(r.subarray(2, 6))}:${u16(r, 6)}`;
    case '0202': case '0203': case '4202': case '4203': case '8208':
      return `${t}:${u32(r, 2)}:${u16(r, 6)}`;
    case '8007':
      return `${t}:S${(r[7]! >> 1) & 1}T${r[7]! & 1}`;
    case '8009':
      return `${t}:${r[7]! & 0x3f}`;
    case '0600':
      return `${t}:${r[2]! & 1}:${u32(r, 4)}`;
    case '0601':
      return `${t}:${r[2]! & 1}:${((r[5]! << 16) | (r[6]! << 8) | r[7]!) >>> 4}`;
    case '0602': case '0603':
      return `${t}:${Array.from(r.subarray(2, 8), h2).join(':')}`;
    case '030d':
      return t;
    case '030c':
      return `${t}:${u16(r, 6)}`;
    case '030b':
      return `${t}:${u32(r, 4)}`;
    case '0c00':
      return `${t}:${u16(r, 2)}:${u32(r, 4)}`;
    case '4300':
      return `${t}:${r[7]}`;
  }
  return `${t}:raw:${hx(r.subarray(2))}`;
}

function extOurs(c: ExtendedCommunity, raw: Uint8Array): string {
  const t = ttss(raw);
  if (!TYPED.has(t) && adminFamily(t) === undefined) return `${t}:raw:${hx(raw.subarray(2))}`;
  if (c.kind === 'raw' || t === '010c' || t === '4300' || !TYPED.has(t)) return fromBytes(t, raw);
  const f = extFact(c, raw, () => true);
  if (c.kind === 'color') return `${t}:${c.color}`;
  if (c.kind === 'traffic-rate-bytes') return `${t}:${c.id}:${g6(c.rate)}`;
  if (c.kind === 'link-bandwidth') return `${t}:${c.asn}:${g6(c.bandwidth)}`;
  return f;
}

function extTheirs(e: Record<string, any>): string {
  const t = h2(e.type) + h2(e.subtype ?? 0);
  const v = e.value;
  if (adminFamily(t) !== undefined && typeof v === 'string' && v.includes(':')) {
    const i = v.lastIndexOf(':');
    return `${t}:${asdot(v.slice(0, i))}:${v.slice(i + 1)}`;
  }
  // untyped: base64 of sub-type + 6 octets
  if (typeof v === 'string' && !TYPED.has(t)) return `${t}:raw:${hx(b64(v).subarray(1))}`;
  switch (t) {
    case '0002': case '0003': case '4002': case '4003': case '8008':
    case '0102': case '0103': case '4102': case '4103': case '8108': case '010c':
    case '0202': case '0203': case '4202': case '4203': case '8208': {
      const i = String(v).lastIndexOf(':');
      return `${t}:${asdot(String(v).slice(0, i))}:${String(v).slice(i + 1)}`;
    }
    case '8006':
      return `${t}:${e.as}:${g6(e.rate)}`;
    case '8007':
      return `${t}:S${e.sample ? 1 : 0}T${e.terminal ? 1 : 0}`;
    case '8009':
      return `${t}:${v}`;
    case '0600':
      return `${t}:${e.is_sticky ? 1 : 0}:${e.sequence ?? 0}`;
    case '0601':
      return `${t}:${e.is_single_active ? 1 : 0}:${Number(e.label ?? 0) >>> 4}`;
    case '0602':
      return `${t}:${String(v).toLowerCase()}`;
    case '0603':
      return `${t}:${String(e.mac).toLowerCase()}`;
    case '030d':
      return t;
    case '030c':
      return `${t}:${e.tunnel_type}`;
    case '030b':
      return `${t}:${e.color}`;
    case '0c00':
      return `${t}:${e.segmend_id ?? e.segment_id}`;
    case '4004':
      return `${t}:${e.asn}:${g6(e.bandwidth)}`;
    case '4300':
      return `${t}:${v}`;
  }
  return `${t}:?${JSON.stringify(e)}`;
}

export function gobgpSkip(a: PathAttribute): string | undefined {
  if (a.code === 17) return 'AS4_PATH: GoBGP discards it between 4-octet speakers, as RFC 6793 §4.1 asks';
  if (a.code === 29) return 'BGP-LS attribute: not compared (the GoBGP 3.10 CLI shows no BGP-LS JSON)';
  return undefined;
}

/** ze-nlri's facts as GoBGP shows them; undefined: not compared. */
export function gobgpOurs(a: PathAttribute): Facts | undefined {
  const v = a.value as any;
  switch (a.code) {
    case 16:
      return (v.communities as ExtendedCommunity[]).map((c, i) => extOurs(c, a.raw.subarray(8 * i, 8 * i + 8)));
    case 25:
      return Array.from({ length: a.raw.length / 20 }, (_, i) => {
        const r = a.raw.subarray(20 * i, 20 * i + 20);
        const t = ttss(r);
        return `${t}:${ip(r.subarray(2, 18))}:${u16(r, 18)}`;
      });
    case 22: {
      const p = v as PmsiTunnel;
      const out = [`leaf=${p.flags & 1}`, `type=${p.tunnelType}`, `label-field=${p.labelField}`];
      if (p.tunnel.kind === 'ingress-replication') out.push(`endpoint=${ip(p.tunnel.endpoint)}`);
      return out;
    }
    case 23:
      return tunnelOurs(v as TunnelEncap);
    case 26:
      return (v.tlvs as { type: number; metric?: bigint; raw?: Uint8Array }[]).map((t) => (t.metric !== undefined ? `${t.type}:${t.metric}` : `${t.type}:${hx(t.raw!)}`));
    case 35:
      return [`value=${hx(a.raw)}`];
    case 40: {
      // GoBGP's JSON has the SRv6 Service TLVs only: without one there is nothing to compare
      if (!(v as PrefixSid).tlvs.some((t) => t.type === 5 || t.type === 6)) return undefined;
      const out: Facts = [];
      for (const t of (v as PrefixSid).tlvs) {
        if ('raw' in t || t.type === 1 || t.type === 3) continue;
        const svc = t.type === 5 ? 'l3' : 'l2';
        out.push(`srv6-${svc}`);
        for (const s of t.subTlvs) {
          if ('raw' in s) {
            out.push(`srv6-${svc}-sub=${s.type}`);
            continue;
          }
          out.push(`srv6-${svc}-sid=${ip(s.sid)}`, `srv6-${svc}-behavior=${s.behavior}`, `srv6-${svc}-sid-flags=${s.sidFlags}`);
          for (const ss of s.subSubTlvs) {
            if ('raw' in ss) out.push(`srv6-${svc}-subsub=${ss.type}`);
            else out.push(`srv6-${svc}-structure=${[ss.locatorBlockLength, ss.locatorNodeLength, ss.functionLength, ss.argumentLength, ss.transpositionLength, ss.transpositionOffset].join(',')}`);
          }
        }
      }
      return out;
    }
  }
  return simpleFacts(a);
}

/** Tunnel Encapsulation as GoBGP shows it: tunnel and sub-TLV types, endpoint, color, UDP port, GRE key. */
function tunnelOurs(t: TunnelEncap): Facts {
  const out: Facts = [];
  for (const tn of t.tunnels) {
    out.push(`tunnel=${tn.type}`);
    for (const s of tn.subTlvs) {
      out.push(`${tn.type}/sub=${s.type}`);
      if (s.kind === 'egress-endpoint') out.push(`${tn.type}/endpoint=${s.address.length ? ip(s.address) : ''}`);
      else if (s.kind === 'color') out.push(`${tn.type}/color=${s.color}`);
      else if (s.kind === 'udp-port') out.push(`${tn.type}/udp-port=${s.port}`);
      else if (s.kind === 'gre-key') out.push(`${tn.type}/gre-key=${s.key}`);
      else if (s.kind === 'l2tpv3') out.push(`${tn.type}/key=${s.sessionId}`);
      else if (s.kind === 'vxlan') out.push(`${tn.type}/vnid=${s.vnId}`);
    }
  }
  return out;
}

/** GoBGP's facts for the attribute, from the path's `attrs` list. */
export function gobgpTheirs(attrs: readonly Record<string, any>[], a: PathAttribute): Facts {
  const g = attrs.find((x) => x.type === a.code);
  if (!g) return [];
  switch (a.code) {
    case 1:
      return [String(g.value)];
    case 2:
      return ((g.as_paths ?? []) as { segment_type: number; asns: number[] }[]).map((s) => `${s.segment_type}:${s.asns.join(' ')}`);
    case 4:
      return [String(g.metric)];
    case 5:
      return [String(g.value)];
    case 6:
      return ['present'];
    case 7:
    case 18:
      return [`${g.as} ${g.address}`];
    case 8:
      return ((g.communities ?? []) as number[]).map((c) => `${c >>> 16}:${c & 0xffff}`);
    case 9:
      return [String(g.value)];
    case 10:
      return (g.value ?? []) as string[];
    case 16:
      return ((g.value ?? []) as Record<string, any>[]).map(extTheirs);
    case 25:
      return ((g.value ?? []) as Record<string, any>[]).map((e) => {
        const t = h2(e.type) + h2(e.subtype ?? 0);
        // every sub-type printed as <IPv6 address>:<number> (RFC 5701 §2 layout)
        const s = String(e.value);
        const i = s.lastIndexOf(':');
        return `${t}:${ipText(s.slice(0, i))}:${s.slice(i + 1)}`;
      });
    case 22: {
      const out = [`leaf=${g['is-leaf-info-required'] ? 1 : 0}`, `type=${g['tunnel-type']}`, `label-field=${g.label}`];
      if (g['tunnel-type'] === 6) out.push(`endpoint=${ipText(String(g['tunnel-id']))}`);
      return out;
    }
    case 23: {
      const out: Facts = [];
      for (const tn of (g.value ?? []) as { type: number; value: Record<string, any>[] }[]) {
        out.push(`tunnel=${tn.type}`);
        for (const s of tn.value ?? []) {
          out.push(`${tn.type}/sub=${s.type}`);
          if (s.type === 6) out.push(`${tn.type}/endpoint=${s.address ? ipText(s.address) : ''}`);
          else if (s.type === 4) out.push(`${tn.type}/color=${s.color}`);
          else if (s.type === 8 && s.port !== undefined) out.push(`${tn.type}/udp-port=${s.port}`);
          else if (s.type === 1 && s.key !== undefined) out.push(tn.type === 2 || tn.type === 11 ? `${tn.type}/gre-key=${s.key}` : `${tn.type}/key=${s.key}`);
        }
      }
      return out;
    }
    case 26:
      return ((g.value ?? []) as { type: number; metric?: number | string; value?: string }[]).map((t) =>
        t.metric !== undefined ? `${t.type}:${BigInt(t.metric)}` : `${t.type}:${hx(b64(t.value ?? ''))}`,
      );
    case 32:
      return ((g.value ?? []) as { ASN: number; LocalData1: number; LocalData2: number }[]).map((c) => `${c.ASN}:${c.LocalData1}:${c.LocalData2}`);
    case 35:
      return [`value=${hx(b64(String(g.value)))}`];
    case 40: {
      const out: Facts = [];
      for (const t of (g.TLVs ?? []) as Record<string, any>[]) {
        const svc = t.type === 5 ? 'l3' : 'l2';
        out.push(`srv6-${svc}`);
        for (const s of (t.SubTLVs ?? []) as Record<string, any>[]) {
          if (s.type !== 1) {
            out.push(`srv6-${svc}-sub=${s.type}`);
            continue;
          }
          out.push(`srv6-${svc}-sid=${ip(b64(s.sid))}`, `srv6-${svc}-behavior=${s.endpoint_behavior}`, `srv6-${svc}-sid-flags=${s.flags}`);
          for (const ss of (s.sub_sub_tlvs ?? []) as Record<string, any>[]) {
            if (ss.type !== 1) out.push(`srv6-${svc}-subsub=${ss.type}`);
            else out.push(`srv6-${svc}-structure=${[ss.locator_block_length, ss.locator_node_length, ss.function_length, ss.argument_length, ss.transposition_length, ss.transposition_offset].map((x) => x ?? 0).join(',')}`);
          }
        }
      }
      return out;
    }
  }
  return [];
}
