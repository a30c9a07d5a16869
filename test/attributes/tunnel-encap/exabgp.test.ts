/**
 * An independent decoder: ExaBGP's tunnel_encap/sr_policy (Exa-Networks/exabgp main, 2026, run
 * from source on these bytes; its JSON recorded in test/vectors/tunnel-encap/exabgp.jsonl). Every
 * field ExaBGP reports must be what ze-nlri decodes. ExaBGP does not know ENLP (sub-TLV 14: it
 * reports `unknown-subtlv-14`) and keeps no flags or reserved fields.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ipv4ToString, ipv6ToString } from '../../../src/core/ip.js';
import type { Segment, SubTlv } from '../../../attributes/tunnel-encap/index.js';
import { SEGMENT_LAYOUTS } from '../../../attributes/tunnel-encap/index.js';
import { decode } from './helpers.js';

interface Vector {
  id: string;
  hex: string;
  exabgp_json: { 'sr-policy': Record<string, any> };
}
const vectors: Vector[] = readFileSync(new URL('../../vectors/tunnel-encap/exabgp.jsonl', import.meta.url), 'utf8')
  .split('\n')
  .filter((l) => l.trim() !== '')
  .map((l) => JSON.parse(l) as Vector);

const a = (b: Uint8Array | undefined): string | undefined => (b === undefined ? undefined : b.length === 4 ? ipv4ToString(b) : ipv6ToString(b));

/** Our segment in ExaBGP's JSON shape (the keys ExaBGP writes for each type). */
function asExa(s: Segment): Record<string, unknown> {
  const letter = SEGMENT_LAYOUTS[s.type]!.letter.toUpperCase();
  const o: Record<string, unknown> = { type: letter };
  const structure = s.structure && {
    behavior: s.structure.endpointBehavior,
    'lb-length': s.structure.locBlockLen,
    'ln-length': s.structure.locNodeLen,
    'fun-length': s.structure.funcLen,
    'arg-length': s.structure.argLen,
  };
  switch (letter) {
    case 'A':
      Object.assign(o, { label: s.label!.label, tc: s.label!.tc, s: s.label!.s, ttl: s.label!.ttl });
      break;
    case 'B':
      o.sid = a(s.sid);
      break;
    case 'C':
    case 'D':
      o[letter === 'C' ? 'ipv4_node' : 'ipv6_node'] = a(s.nodeAddress);
      o.algorithm = s.algorithm;
      break;
    case 'E':
      Object.assign(o, { local_if_id: s.localInterfaceId, ipv4_node: a(s.nodeAddress) });
      break;
    case 'F':
      Object.assign(o, { local_ipv4: a(s.localAddress), remote_ipv4: a(s.remoteAddress) });
      break;
    case 'G':
    case 'J':
      Object.assign(o, { local_if_id: s.localInterfaceId, local_ipv6: a(s.localNodeAddress), remote_if_id: s.remoteInterfaceId, remote_ipv6: a(s.remoteNodeAddress) });
      break;
    case 'H':
    case 'K':
      Object.assign(o, { local_ipv6: a(s.localAddress), remote_ipv6: a(s.remoteAddress) });
      break;
    case 'I':
      o.ipv6_node = a(s.nodeAddress);
      break;
  }
  if ('IJK'.includes(letter)) o.algorithm = s.algorithm;
  if (letter !== 'A' && s.label) {
    o.sid = s.label.label;
    if (letter === 'C') Object.assign(o, { tc: s.label.tc, s: s.label.s, ttl: s.label.ttl });
  }
  if (letter !== 'B' && s.sid) o.sid = a(s.sid);
  if (structure) o['endpoint-behavior'] = structure;
  return o;
}

function policyAsExa(subs: readonly SubTlv[]): Record<string, unknown> {
  const o: Record<string, unknown> = {};
  const lists: unknown[] = [];
  for (const s of subs) {
    switch (s.kind) {
      case 'preference': o.preference = s.preference; break;
      case 'priority': o.priority = s.priority; break;
      case 'binding-sid': o['binding-sid'] = { type: 'mpls', label: s.label!.label }; break;
      case 'srv6-binding-sid':
        o['srv6-binding-sid'] = {
          sid: a(s.sid),
          ...(s.structure && { behavior: s.structure.endpointBehavior, 'lb-length': s.structure.locBlockLen, 'ln-length': s.structure.locNodeLen, 'fun-length': s.structure.funcLen, 'arg-length': s.structure.argLen }),
        };
        break;
      case 'enlp': o['unknown-subtlv-14'] = '0x' + [s.flags, s.reserved, s.enlp].map((x) => x.toString(16).toUpperCase().padStart(2, '0')).join(''); break;
      case 'name': o[s.type === 129 ? 'candidate-path-name' : 'policy-name'] = s.name; break;
      case 'segment-list': {
        const l: Record<string, unknown> = {};
        const segs: unknown[] = [];
        for (const x of s.subTlvs) {
          if (x.kind === 'weight') l.weight = x.weight;
          else if (x.kind === 'segment') segs.push(asExa(x));
        }
        l.segments = segs;
        lists.push(l);
        break;
      }
      default: throw new Error(`unexpected ${s.kind}`);
    }
  }
  if (lists.length) o['segment-lists'] = lists;
  return o;
}

describe('ExaBGP as an independent decoder of SR Policy values', () => {
  for (const v of vectors) {
    it(v.id, () => {
      const m = decode(v.hex);
      expect(m.tunnels.length).toBe(1);
      expect(m.tunnels[0]!.type).toBe(15);
      expect(policyAsExa(m.tunnels[0]!.subTlvs)).toEqual(v.exabgp_json['sr-policy']);
    });
  }
});
