/**
 * An independent decoder: tshark 4.0.17's BGP dissector on the PMSI_TUNNEL samples (recorded in
 * tshark-pmsi.json: fields in dissection order). Our decoded model, written as tshark's fields,
 * must equal them. tshark reads only IPv4 forms of the tunnel identifiers (an IPv6 endpoint,
 * extended tunnel id, PIM address or mLDP root comes out as its first 4 octets, or not at all):
 * for those samples only the fields before the identifier are compared.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { pmsiTunnelCodec as codec, samples, type PmsiTunnel } from '../../../attributes/pmsi/index.js';
import { ipv4ToString } from '../../../src/core/ip.js';
import { decodeHex } from './helpers.js';

interface Oracle { vectors: Array<{ hex: string; fields: Array<[string, string]> }> }
const oracle = JSON.parse(readFileSync(fileURLToPath(new URL('./tshark-pmsi.json', import.meta.url)), 'utf8')) as Oracle;

const PIM: Record<number, [string, string]> = {
  3: ['pmsi.pimssm.root_node', 'pmsi.pimssm.pmulticast_group'],
  4: ['pmsi.pimsm.sender_address', 'pmsi.pimsm.pmulticast_group'],
  5: ['pmsi.bidir_pim_tree.sender', 'pmsi.bidir_pim_tree.pmulticast_group'],
};

/** Our model as tshark's field list; `v6` when tshark cannot show the identifier. */
function asTshark(m: PmsiTunnel): { fields: Array<[string, string]>; v6: boolean } {
  const f: Array<[string, string]> = [
    ['pmsi.tunnel.flags', String(m.flags)],
    ['pmsi.tunnel.type', String(m.tunnelType)],
    ['mpls_label_value_20bits', String(m.labelField >>> 4)],
  ];
  const t = m.tunnel;
  let v6 = false;
  switch (t.kind) {
    case 'ingress-replication':
      v6 = t.endpoint.length === 16;
      f.push(['pmsi.ingress_rep_ip', ipv4ToString(t.endpoint)]);
      break;
    case 'rsvp-te-p2mp': {
      v6 = t.extendedTunnelId.length === 16;
      const id = new Uint8Array([t.p2mpId >>> 24, (t.p2mpId >>> 16) & 0xff, (t.p2mpId >>> 8) & 0xff, t.p2mpId & 0xff]);
      f.push(['pmsi.rsvp.id', ipv4ToString(id)], ['pmsi.rsvp.tunnel_id', String(t.tunnelId)], ['pmsi.rsvp.ext_tunnel_idv4', ipv4ToString(t.extendedTunnelId)]);
      break;
    }
    case 'mldp': {
      v6 = t.root.length !== 4;
      f.push(['pmsi.mldp.fec.type', String(t.fecType)], ['pmsi.mldp.fec.address_family', String(t.addressFamily)], ['pmsi.mldp.fec.address_length', String(t.root.length)]);
      f.push(['pmsi.mldp.fec.root_nodev4', ipv4ToString(t.root)]);
      f.push(['pmsi.mldp.fec.opaque_length', String(t.opaque.reduce((n, e) => n + 3 + e.value.length, 0))]);
      for (const e of t.opaque) {
        f.push(['pmsi.mldp.fec.opaque_value_type', String(e.type)], ['pmsi.mldp.fec.opaque_value_length', String(e.value.length)]);
        if (e.type === 1) f.push(['pmsi.mldp.fec.opaque_value_unique_id_rn', String(((e.value[0]! << 24) | (e.value[1]! << 16) | (e.value[2]! << 8) | e.value[3]!) >>> 0)]);
      }
      break;
    }
    case 'pim': {
      v6 = t.sender.length === 16;
      const [s, g] = PIM[m.tunnelType]!;
      f.push([s, ipv4ToString(t.sender)], [g, ipv4ToString(t.group)]);
      break;
    }
    default:
  }
  return { fields: f, v6 };
}

describe('PMSI_TUNNEL against tshark 4.0.17', () => {
  it('covers every sample', () => expect(oracle.vectors.map((v) => v.hex)).toEqual(samples.map((s) => s.hex)));
  for (const v of oracle.vectors) {
    it(v.hex, () => {
      const { fields, v6 } = asTshark(decodeHex(codec, v.hex));
      if (v6) expect(v.fields.slice(0, 3)).toEqual(fields.slice(0, 3));
      else expect(v.fields).toEqual(fields);
    });
  }
});
