/**
 * tshark 4.0.17's reading of each path attribute (PDML fields, lib/attr-tshark.ts) as the facts
 * of views/attr-ours.ts. Where tshark does not type an extended community sub-type (it shows
 * `value_raw`), both sides give the 6 value octets (tshark's taken from the bytes its
 * `bgp.ext_community` item covers). tshark 4.0 does not decode IPv6 Address Specific extended
 * communities (25) nor OTC (35): "Unknown Path attributes"; nor the Tunnel Egress Endpoint
 * sub-TLV's address (shown as a value).
 */
import type { PathAttribute } from '../../../src/index.js';
import type { PmsiTunnel } from '../../../attributes/pmsi/model.js';
import type { PrefixSid } from '../../../attributes/prefix-sid/model.js';
import type { TunnelEncap } from '../../../attributes/tunnel-encap/model.js';
import type { TsAttr } from '../lib/attr-tshark.js';
import type { TsField } from '../lib/tshark.js';
import { extFacts, hx, pmsiFacts, prefixSidFacts, simpleFacts, ttss, tunnelFacts } from './attr-ours.js';
import { ipText } from './text.js';
import type { Facts } from './types.js';

const num = (s: string | undefined): number => (s === undefined ? NaN : s.startsWith('0x') ? parseInt(s, 16) : Number(s));

/** The fields of one item: its descendants up to the next sibling at its depth. */
function itemsOf(fields: readonly TsField[], name: string): { item: TsField; sub: TsField[] }[] {
  const out: { item: TsField; sub: TsField[] }[] = [];
  for (let i = 0; i < fields.length; i++) {
    const f = fields[i]!;
    if (f.name !== name) continue;
    const sub: TsField[] = [];
    for (let j = i + 1; j < fields.length && fields[j]!.depth > f.depth; j++) sub.push(fields[j]!);
    out.push({ item: f, sub });
  }
  return out;
}

const get = (sub: readonly TsField[], name: string): string | undefined => sub.find((f) => f.name === name)?.show;
const all = (sub: readonly TsField[], name: string): string[] => sub.filter((f) => f.name === name).map((f) => f.show);

/** Extended-community TTSS values tshark 4.0 types (others: value_raw or "Unknown"). */
const TYPED = new Set(['0002', '0003', '0102', '0103', '0202', '0203', '8006', '8007', '8008', '8108', '8208', '8009', '0600', '0601', '0602', '0603', '0604', '030d', '030c', '4004']);

/** Floats as tshark prints them (%g: 6 significant digits). */
export const g6 = (x: number | string | undefined): string => String(Number(Number(x).toPrecision(6)));

function extTheirs(sub: readonly TsField[], raw: Uint8Array, oursRaw: boolean): string {
  const t = ttss(raw);
  // ze-nlri keeps a sub-type whose reserved bits are set as octets: compared as octets
  if (!TYPED.has(t) || oursRaw) return `${t}:raw:${hx(raw.subarray(2))}`;
  const g = (n: string): string | undefined => get(sub, n);
  switch (t) {
    case '0002':
    case '0003':
    case '8008':
      return `${t}:${g('bgp.ext_com.value_as2')}:${g('bgp.ext_com.value_an4')}`;
    case '0102':
    case '0103':
    case '8108':
      return `${t}:${g('bgp.ext_com.value_IP4')}:${g('bgp.ext_com.value_an2')}`;
    case '0202':
    case '0203':
    case '8208':
      return `${t}:${g('bgp.ext_com.value_as4')}:${g('bgp.ext_com.value_an2')}`;
    case '8006':
      return `${t}:${g('bgp.ext_com.value_as2')}:${g6(g('bgp.ext_com_flow.rate_limit'))}`;
    case '8007':
      return `${t}:S${g('bgp.ext_com_flow.sample')}T${g('bgp.ext_com_flow.traff_act')}`;
    case '8009':
      return `${t}:${num(g('bgp.ext_com.value_fs_dscp'))}`;
    case '0600':
      return `${t}:${g('bgp.ext_com_evpn.mmac.flags.sticky')}:${g('bgp.ext_com_evpn.mmac.seq')}`;
    case '0601':
      return `${t}:${g('bgp.ext_com_l2.esi_label_flag')}:${g('bgp.update.path_attribute.mpls_label_value_20bits')}`;
    case '0602':
      return `${t}:${g('bgp.ext_com_evpn.esi.rt')}`;
    case '0603':
      return `${t}:${g('bgp.ext_com_evpn.esi.router_mac')}`;
    case '0604':
      return `${t}:B${g('bgp.ext_com_evpn.l2attr.flag_b')}P${g('bgp.ext_com_evpn.l2attr.flag_p')}C${g('bgp.ext_com_evpn.l2attr.flag_c')}F${g('bgp.ext_com_evpn.l2attr.flag_f')}:${g('bgp.ext_com_evpn.l2attr.l2_mtu')}`;
    case '030d':
      return t;
    case '030c':
      return `${t}:${g('bgp.ext_com.tunnel_type')}`;
    case '4004':
      return `${t}:${g('bgp.ext_com.value_as2')}:${g6(g('bgp.ext_com.value_link_bw'))}`;
  }
  return `${t}:?`;
}

const P = 'bgp.update.path_attribute.pmsi.';

function pmsiTheirs(f: readonly TsField[]): Facts {
  const g = (n: string): string | undefined => get(f, P + n);
  const type = num(g('tunnel.type'));
    // with a VXLAN Encapsulation extended community tshark shows the field as a VNI (RFC 8365 §5.1.3)
  const vni = get(f, 'bgp.evpn.nlri.vni');
  const label = get(f, 'bgp.update.path_attribute.mpls_label_value_20bits') ?? (vni === undefined ? undefined : Number(vni) >>> 4);
  const out = [`flags=${num(g('tunnel.flags'))}`, `type=${type}`, `label=${label}`];
  const v = (a: string | undefined, b: string | undefined): string => ipText(a ?? b ?? '?');
  if (type === 6) out.push(`endpoint=${v(g('ingress_rep_ip'), g('ingress_rep_ip6'))}`);
  else if (type === 3) out.push(`sender=${v(g('pimssm.root_node'), undefined)}`, `group=${v(g('pimssm.pmulticast_group'), undefined)}`);
  else if (type === 4) out.push(`sender=${v(g('pimsm.sender_address'), undefined)}`, `group=${v(g('pimsm.pmulticast_group'), undefined)}`);
  else if (type === 5) out.push(`sender=${v(g('bidir_pim_tree.sender'), undefined)}`, `group=${v(g('bidir_pim_tree.pmulticast_group'), undefined)}`);
  else if (type === 1) {
    const id = g('rsvp.id') ?? '';
    const n = id.includes('.') ? id.split('.').reduce((a, x) => a * 256 + Number(x), 0) : num(id);
    out.push(`p2mp-id=${n}`, `tunnel-id=${num(g('rsvp.tunnel_id'))}`, `ext-tunnel-id=${v(g('rsvp.ext_tunnel_idv4'), g('rsvp.ext_tunnel_idv6'))}`);
  } else if (type === 2 || type === 7) {
    out.push(`fec-type=${num(g('mldp.fec.type'))}`, `af=${num(g('mldp.fec.address_family'))}`, `root=${v(g('mldp.fec.root_nodev4'), g('mldp.fec.root_nodev6'))}`);
    for (const t of all(f, P + 'mldp.fec.opaque_value_type')) out.push(`opaque-type=${num(t)}`);
  }
  return out;
}

/** tshark's facts for PMSI: mLDP opaque values by type only (it prints type 1 as a number, others not). */
function pmsiOurs(p: PmsiTunnel): Facts {
  return pmsiFacts(p)
    .filter((x) => !x.startsWith('id='))
    .map((x) => (x.startsWith('opaque=') ? `opaque-type=${x.slice(7).split(':')[0]}` : x));
}

const S = 'bgp.prefix_sid.';

function prefixSidTheirs(f: readonly TsField[], raw: Uint8Array): Facts {
  const out: Facts = [];
  for (const x of f) {
    if (x.depth !== 0) continue;
    const sub = itemsOf(f, x.name).find((i) => i.item === x)!.sub;
    const g = (n: string): string | undefined => get(sub, S + n);
    if (x.name === S + 'label_index') out.push(`label-index=${num(g('label_index.value'))}`, `label-index-flags=${num(g('label_index.flags'))}`);
    else if (x.name === S + 'originator_srgb') {
      out.push(`srgb-flags=${num(g('originator_srgb.flags'))}`);
      const b = all(sub, S + 'originator_srgb_base');
      const r = all(sub, S + 'originator_srgb_range');
      b.forEach((base, i) => out.push(`srgb=${base}:${r[i]}`));
    } else if (x.name === S + 'srv6_l3vpn' || x.name === S + 'srv6_l2vpn') {
      const svc = x.name.endsWith('l3vpn') ? 'l3' : 'l2';
      const p = `${x.name}.`;
      out.push(`srv6-${svc}`);
      for (const s of itemsOf(sub, `${p}sub_tlv`)) {
        const type = num(get(s.sub, `${p}sub_tlv.type`));
        if (type !== 1) {
          const len = num(get(s.sub, `${p}sub_tlv.length`));
          out.push(`srv6-${svc}-sub=${type}:${hx(raw.subarray(s.item.off + 3, s.item.off + 3 + len))}`);
          continue;
        }
        out.push(`srv6-${svc}-sid=${ipText(get(s.sub, `${p}sid_value`) ?? '?')}`, `srv6-${svc}-behavior=${num(get(s.sub, `${p}srv6_endpoint_behavior`))}`, `srv6-${svc}-sid-flags=${num(get(s.sub, `${p}sid_flags`))}`);
        for (const ss of itemsOf(s.sub, `${p}sub_sub_tlv`)) {
          const st = num(get(ss.sub, `${p}sub_sub_tlv.type`));
          const g2 = (n: string): string | undefined => get(ss.sub, `${p}sid.${n}`);
          if (st === 1) out.push(`srv6-${svc}-structure=${['locator_block_len', 'locator_node_len', 'func_len', 'arg_len', 'trans_len', 'trans_offset'].map((n) => num(g2(n))).join(',')}`);
          else {
            const len = num(get(ss.sub, `${p}sub_sub_tlv.length`));
            out.push(`srv6-${svc}-subsub=${st}:${hx(raw.subarray(ss.item.off + 3, ss.item.off + 3 + len))}`);
          }
        }
      }
    } else if (x.name === S + 'unknown' || x.name === S + 'tlv') {
      const tf = sub.find((y) => y.name === S + 'type');
      const type = num(tf?.show);
      const len = num(get(sub, S + 'length'));
      const at = tf ? tf.off + 3 : x.off + 3;
      out.push(`tlv=${type}:${hx(raw.subarray(at, at + len))}`);
    }
  }
  return out;
}

const T = 'bgp.update.encaps_tunnel_';

function tunnelTheirs(f: readonly TsField[]): Facts {
  return tunnelAll(f).filter(tunnelShown);
}

function tunnelAll(f: readonly TsField[]): Facts {
  const out: Facts = [];
  let tunnel = NaN;
  for (const x of f) {
    if (x.name === `${T}tlv_type`) {
      tunnel = num(/\((\d+)\)/.exec(x.showname)?.[1] ?? x.show);
      out.push(`tunnel=${tunnel}`);
    } else if (x.name === `${T}subtlv_type`) out.push(`${tunnel}/sub=${num(/\((\d+)\)/.exec(x.showname)?.[1] ?? x.show)}`);
    else if (x.name === `${T}tlv_subtlv.vxlan.vnid`) out.push(`${tunnel}/vnid=${num(x.show)}`);
    else if (x.name === `${T}tlv_subtlv_gre_key`) out.push(`${tunnel}/gre-key=${num(x.show)}`);
    else if (x.name === `${T}tlv_subtlv_color_value`) out.push(`${tunnel}/color=${num(x.show)}`);
    else if (x.name === `${T}tlv_subtlv.pref.preference`) out.push(`${tunnel}/preference=${parseInt(x.show.replace(/:/g, ''), 16)}`);
    else if (x.name === `${T}tlv_subtlv.policy_name.name` || x.name === `${T}tlv_subtlv.cp_name.name`) out.push(`${tunnel}/name=${x.show}`);
    else if (x.name === `${T}tlv_subtlv_udp_dst_port` || x.name === `${T}tlv_subtlv.udp_dst_port`) out.push(`${tunnel}/udp-port=${num(x.show)}`);
  }
  return out;
}

/**
 * Tunnel Encapsulation facts tshark 4.0 shows: tunnel and sub-TLV types, the VN-ID of VXLAN (8), the GRE key of GRE/MPLS-in-GRE (2, 11), Color, Preference; not the egress endpoint,
 * the UDP port nor the names (it knows the Candidate Path Name only, as ASCII).
 */
const tunnelShown = (x: string): boolean =>
  !/\/(endpoint|udp-port|name)=/.test(x) &&
  !(/^(\d+)\/vnid=/.test(x) && !/^8\//.test(x)) &&
  !(/^(\d+)\/gre-key=/.test(x) && !/^(2|11)\//.test(x));

/** Inputs outside what tshark 4.0 reads: PMSI tunnel types it does not know (> 7: "Tunnel type N wrong"). */
export function tsharkSkip(a: PathAttribute): string | undefined {
  if (a.code === 22 && (a.value as PmsiTunnel).tunnelType > 7) return 'PMSI tunnel type unknown to tshark 4.0';
  return undefined;
}

/** ze-nlri's facts as tshark can show them; undefined: tshark does not decode this attribute. */
export function tsharkOurs(a: PathAttribute): Facts | undefined {
  if (a.code === 25 || a.code === 35) return undefined;
  if (a.code === 16)
    return extFacts(a, (_c, raw) => TYPED.has(ttss(raw))).map((x) => (/^(8006|4004):/.test(x) && !x.includes(':raw:') ? x.replace(/:([^:]+)$/, (_m, v: string) => `:${g6(v)}`) : x));
  if (a.code === 22) return pmsiOurs(a.value as PmsiTunnel);
  if (a.code === 40) return prefixSidFacts(a.value as PrefixSid);
  if (a.code === 23) return tunnelFacts(a.value as TunnelEncap).filter(tunnelShown);
  return simpleFacts(a);
}

/** tshark's facts for the attribute. */
export function tsharkTheirs(t: TsAttr, a: PathAttribute): Facts {
  const f = t.fields;
  const g = (n: string): string | undefined => get(f, n);
  const pa = 'bgp.update.path_attribute.';
  switch (a.code) {
    case 1:
      return [String(num(g(pa + 'origin')))];
    case 2:
    case 17:
      return itemsOf(f, pa + 'as_path_segment').map((s) => `${num(get(s.sub, pa + 'as_path_segment.type'))}:${all(s.sub, pa + 'as_path_segment.as4').join(' ')}`);
    case 4:
      return [String(g(pa + 'multi_exit_disc'))];
    case 5:
      return [String(g(pa + 'local_pref'))];
    case 6:
      return ['present'];
    case 7:
    case 18:
      return [`${g(pa + 'aggregator_as')} ${g(pa + 'aggregator_origin')}`];
    case 8:
      return f
        .filter((x) => x.name === pa + 'community' || x.name === pa + 'community_wellknown')
        .map((x) => {
          if (x.name === pa + 'community_wellknown') {
            const v = num(x.show);
            return `${v >>> 16}:${v & 0xffff}`;
          }
          const sub = itemsOf(f, x.name).find((i) => i.item === x)!.sub;
          return `${get(sub, pa + 'community_as')}:${get(sub, pa + 'community_value')}`;
        });
    case 9:
      return [String(g(pa + 'originator_id'))];
    case 10:
      return all(f, 'bgp.path_attribute.cluster_id');
    case 16:
      return itemsOf(f, 'bgp.ext_community').map((c, i) =>
        extTheirs(c.sub, a.raw.subarray(c.item.off, c.item.off + 8), (a.value as { communities: { kind: string }[] }).communities[i]?.kind === 'raw'),
      );
    case 22:
      return pmsiTheirs(f);
    case 23:
      return tunnelTheirs(f);
    case 26:
      return itemsOf(f, pa + 'aigp').length
        ? f.filter((x) => x.name === 'bgp.update.attribute.aigp.type').map((x, i) => `${x.show}:${all(f, 'bgp.update.attribute.aigp.accu_igp_metric')[i]}`)
        : [];
    case 32:
      return all(f, 'bgp.large_communities.ga').map((ga, i) => `${ga}:${all(f, 'bgp.large_communities.ldp1')[i]}:${all(f, 'bgp.large_communities.ldp2')[i]}`);
    case 40:
      return prefixSidTheirs(f, a.raw);
  }
  return [];
}
