/**
 * A second reading of SR Policy Tunnel Encapsulation values (RFC 9830 §2.4; segment types A and B
 * of §2.4.4.2.1-2): GoBGP v4.8.0 (Go module proxy), `bgp.GetPathAttribute` + `DecodeFromBytes` +
 * `json.Marshal` of each value as a TUNNEL_ENCAPSULATION attribute, recorded once with a throwaway
 * program outside the repository (2026-12-06) in test/vectors/tunnel-encap/gobgp-v4.8.0-sr-policy.jsonl:
 * the canonical sample and 40 values built from fixed-seed args (preference, binding SID as
 * label, IPv6 or none, SRv6 binding SID, ENLP, priority, both names, 1-3 segment lists of type A
 * labels with TC/S/TTL bits or type B SIDs with and without SID structure, any segment flags).
 * GoBGP re-encoded every one to the same bytes. Each value is decoded here and compared with
 * GoBGP's reading fact by fact; GoBGP keeps sub-TLVs 20 (SRv6 Binding SID) and 130 (Policy
 * Name) as raw bytes, which are compared as bytes.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ipv6ToString } from '../../../src/core/ip.js';
import type { LabelEntry, SidStructure, SubTlv } from '../../../attributes/tunnel-encap/index.js';
import { decode, encode } from './helpers.js';

interface Vector {
  hex: string;
  gobgp_json: { type: 23; value: { type: number; value: Record<string, unknown>[] }[] };
  gobgp_reencoded_same: boolean;
}

const vectors: Vector[] = readFileSync(new URL('../../vectors/tunnel-encap/gobgp-v4.8.0-sr-policy.jsonl', import.meta.url), 'utf8')
  .trim()
  .split('\n')
  .map((l) => JSON.parse(l) as Vector);

const b64 = (b: Uint8Array): string => Buffer.from(b).toString('base64');

/** GoBGP's segment flag booleans (RFC 9830 §2.4.4.2.12: V 0x80, A 0x40, S 0x20, B 0x10). */
const flagBits = (f: number): Record<string, boolean> => ({
  v_flag: (f & 0x80) !== 0,
  a_flag: (f & 0x40) !== 0,
  s_flag: (f & 0x20) !== 0,
  b_flag: (f & 0x10) !== 0,
});

const labelFacts = (l: LabelEntry): Record<string, unknown> => ({ label: l.label, tc: l.tc, s: l.s, ttl: l.ttl });

const structureFacts = (s: SidStructure | undefined): Record<string, number> | null =>
  s === undefined
    ? null
    : { behavior: s.endpointBehavior, block_Len: s.locBlockLen, node_len: s.locNodeLen, func_len: s.funcLen, arg_len: s.argLen };

/** The value octets of an SRv6 Binding SID sub-TLV as RFC 9830 §2.4.3 lays them out, from the model. */
function srv6BsidOctets(t: Extract<SubTlv, { kind: 'srv6-binding-sid' }>): Uint8Array {
  const st = t.structure;
  const tail = st ? [st.endpointBehavior >> 8, st.endpointBehavior & 0xff, st.reserved >> 8, st.reserved & 0xff, st.locBlockLen, st.locNodeLen, st.funcLen, st.argLen] : [];
  return Uint8Array.from([t.flags, t.reserved, ...t.sid, ...tail]);
}

/** ze-nlri's reading of one SR Policy sub-TLV in GoBGP's JSON shape. */
function asGobgp(t: SubTlv): Record<string, unknown> {
  switch (t.kind) {
    case 'preference':
      return { type: 12, flags: t.flags, preference: t.preference };
    case 'binding-sid':
      return { type: 13, flags: t.flags, binding_sid: t.label ? String(t.label.label) : t.sid ? ipv6ToString(t.sid) : 'n/a' };
    case 'enlp':
      return { type: 14, flags: t.flags, enlp: t.enlp };
    case 'priority':
      return { type: 15, priority: t.priority };
    case 'srv6-binding-sid':
      return { type: 20, value: b64(srv6BsidOctets(t)) };
    case 'name':
      return t.type === 129
        ? { type: 129, candidate_path_name: t.name }
        : { type: 130, value: b64(Uint8Array.from([t.reserved, ...Buffer.from(t.name, 'utf8')])) };
    case 'segment-list': {
      const weight = t.subTlvs.find((s) => s.kind === 'weight');
      return {
        type: 128,
        Weight: weight && weight.kind === 'weight' ? { type: 9, flags: weight.flags, weight: weight.weight } : null,
        Segments: t.subTlvs
          .filter((s) => s.kind === 'segment')
          .map((s) =>
            s.kind !== 'segment'
              ? {}
              : s.type === 1
                ? { type: 1, ...flagBits(s.flags), ...labelFacts(s.label!) }
                : { type: s.type, ...flagBits(s.flags), sid: ipv6ToString(s.sid!), endpointBehaviorStructure: structureFacts(s.structure) },
          ),
      };
    }
    default:
      return { kind: t.kind };
  }
}

describe('GoBGP v4.8.0 (recorded): SR Policy Tunnel Encapsulation, types A and B (RFC 9830 §2.4)', () => {
  it('has the vectors (the sample and 40 generated)', () => {
    expect(vectors.length).toBe(41);
    expect(vectors.every((v) => v.gobgp_reencoded_same)).toBe(true);
  });

  it.each(vectors.map((v, i) => [i, v] as const))('vector %i: same sub-TLVs, fields and values; re-encodes byte for byte', (_, v) => {
    const m = decode(v.hex);
    expect(encode(m)).toBe(v.hex);
    expect(m.tunnels.map((t) => t.type)).toEqual(v.gobgp_json.value.map((t) => t.type));
    m.tunnels.forEach((t, k) => {
      expect(t.subTlvs.map(asGobgp)).toEqual(v.gobgp_json.value[k]!.value);
    });
  });

  it('the canonical sample: preference 100, BSID 24000, two lists of weight 1 (two labels) and 2 (one SID)', () => {
    const v = vectors[0]!;
    const sr = v.gobgp_json.value[0]!.value;
    expect(sr.map((s) => s.type)).toEqual([12, 13, 129, 130, 128, 128]);
    expect(sr[1]).toEqual({ type: 13, flags: 0, binding_sid: '24000' });
    const lists = sr.filter((s) => s.type === 128) as { Weight: { weight: number }; Segments: { label?: number; sid?: string }[] }[];
    expect(lists.map((l) => [l.Weight.weight, l.Segments.map((g) => g.label ?? g.sid)])).toEqual([
      [1, [16001, 16002]],
      [2, ['2001:db8::1']],
    ]);
  });
});
