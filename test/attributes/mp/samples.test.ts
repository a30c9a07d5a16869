/**
 * MP_REACH_NLRI / MP_UNREACH_NLRI samples (hand-written JSON) and Ze's real output for the same
 * values inside whole UPDATEs (test/vectors/ze-update/mp.jsonl, recorded with
 * `ze bgp decode --update --json`): byte-identical where Ze is right, the documented
 * deviations (docs/attributes/mp.md) where not.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { codecs, samples, writeReachMembers, writeUnreachMembers, type MpReach, type MpUnreach } from '../../../attributes/mp/index.js';
import { goMarshal, JsonWriter } from '../../../src/core/json.js';
import { toHex } from '../../../src/core/hex.js';
import { encode } from '../../../src/registry/ops.js';
import { codecError } from '../../support/helpers.js';
import { ctx, decodeValue, encodeValue, jsonOf } from './support.js';

const byCode = (code: number) => codecs.find((c) => c.code === code)!;

describe('samples', () => {
  for (const s of samples) {
    it(`${s.code} ${s.note}`, () => {
      const c = byCode(s.code);
      const m = decodeValue(c, s.hex);
      expect(jsonOf(c, m)).toBe(s.json);
      expect(encodeValue(c, m)).toBe(s.hex);
      const parsed = JSON.parse(s.json!);
      if (/mpls-vpn|bgp-ls/.test(parsed.family)) {
        // These families' codecs have no fromZeJson: their NLRIs come back only as {"hex"} / {"args"}.
        const e = codecError(() => c.fromJson(parsed, ctx()));
        expect(e.code).toBe('invalid-model');
        expect(e.message).toContain('{"hex":"<NLRI>"}');
        const r = m as MpReach;
        const nlri = r.nlri.map((n) => ({ hex: toHex(encode(r.codec!, n)) }));
        expect(encodeValue(c, c.fromJson({ ...parsed, nlri }, ctx()))).toBe(s.hex);
      } else {
        expect(encodeValue(c, c.fromJson(parsed, ctx()))).toBe(s.hex);
      }
    });
  }
});

interface ZeVector {
  id: string;
  hex: string;
  json_text: string;
  note: string;
}

const vectors: ZeVector[] = readFileSync(join(import.meta.dirname, '..', '..', 'vectors', 'ze-update', 'mp.jsonl'), 'utf8')
  .trim()
  .split('\n')
  .map((l) => JSON.parse(l) as ZeVector);

/**
 * Where ze-nlri's operation object differs from Ze's on purpose (docs/attributes/mp.md), the
 * reason; every other vector must match Ze byte for byte.
 */
const DEVIATIONS: Record<string, string> = {
  'mp-003': 'superset next-hop-link-local (RFC 2545 §3)',
  'mp-005': 'VPN next hop as RD + address (RFC 4364 §4.3.2); Ze prints hex',
  'mp-006': 'VPN next hop as RD + address (RFC 4659 §3.2); Ze prints hex',
  'mp-007': 'VPN next hop with link-local (RFC 4659 §3.2.1); Ze prints hex',
  'mp-008': 'VPN next hop with nonzero RD: next-hop-rd; Ze prints hex',
  'mp-010': 'superset next-hop-link-local (RFC 8950 §3 / RFC 2545 §3)',
  'mp-011': 'VPN-IPv6 next hop for VPN-IPv4 (RFC 8950 §3); Ze prints hex',
  'mp-016': 'unknown SAFI: NLRI field kept raw; Ze reads it as IPv4 prefixes',
  'mp-018': 'empty NLRI field: nlri []; Ze shows nothing',
  'mp-019': 'End-of-RIB shown as an empty del; Ze shows nothing',
  'mp-020': 'End-of-RIB shown as an empty del; Ze shows nothing',
  'mp-022': 'RFC 8277 §2.4 withdraw Compatibility field; Ze misreads it as a label stack',
  'mp-024': 'unknown AFI: NLRI field kept raw; Ze reads it as IPv4 prefixes',
};

/** The attribute value inside a one-attribute UPDATE: header 19, withdrawn length 2, attributes length 2, attribute header 3. */
function valueOf(v: ZeVector): { code: number; hex: string } {
  return { code: parseInt(v.hex.slice(48, 50), 16), hex: v.hex.slice(52) };
}

describe("Ze's whole-UPDATE JSON (ze bgp decode --update --json)", () => {
  it('the vectors are the samples, in order', () => {
    expect(vectors.map((v) => valueOf(v).hex)).toEqual(samples.map((s) => s.hex));
  });
  for (const v of vectors) {
    it(`${v.id} ${v.note}`, () => {
      const { code, hex } = valueOf(v);
      const m = decodeValue(byCode(code), hex);
      const j = new JsonWriter();
      j.beginObject();
      if (code === 14) writeReachMembers(m as MpReach, j);
      else writeUnreachMembers(m as MpUnreach, j);
      j.endObject();
      const ours = j.take();
      const ze = JSON.parse(v.json_text).bgp.update as Record<string, unknown[]>;
      const zeOp = ze[m.family]?.[0];
      if (DEVIATIONS[v.id]) {
        expect(zeOp === undefined ? undefined : goMarshal(zeOp)).not.toBe(ours);
      } else {
        expect(Object.keys(ze)).toEqual([m.family]);
        expect(ours).toBe(goMarshal(zeOp));
      }
    });
  }
});
