/**
 * Every MP_REACH_NLRI / MP_UNREACH_NLRI in the recorded Ze whole-UPDATE corpus
 * (test/vectors/ze-update/{ze-tests,hand,rfc}.jsonl): the operation members other than the
 * NLRIs (action, next hop) must be Ze's, except where docs/attributes/mp.md says why not:
 *   - a VPN next hop (RD + address, RFC 4364 §4.3.2 / RFC 4659 §3.2 / RFC 8950 §3): Ze prints
 *     the field as hex, ze-nlri the address (and `next-hop-rd` when the RD is nonzero);
 *   - a link-local next hop (RFC 2545 §3): ze-nlri adds `next-hop-link-local`;
 *   - End-of-RIB or an empty NLRI field: Ze prints no operation, ze-nlri an empty `nlri`;
 *   - values the RFCs call malformed (RFC 7606 §7.11, §5.3): Ze skips the attribute, ze-nlri
 *     fails with an NlriError (listed below by id).
 * The NLRIs themselves are each family's (test/updates.test.ts, test/conformance.test.ts).
 * Ze keeps the last of two MP_REACH attributes; so does this comparison.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { mpReachNlri, mpUnreachNlri, writeReachMembers, writeUnreachMembers, type MpReach, type MpUnreach } from '../../../attributes/mp/index.js';
import { JsonWriter } from '../../../src/core/json.js';
import { toHex } from '../../../src/core/hex.js';
import { NlriError } from '../../../src/core/errors.js';
import { decodeValue } from './support.js';

const DIR = join(import.meta.dirname, '..', '..', 'vectors', 'ze-update');

/** Values ze-nlri refuses (Ze ignores the attribute or part of it). */
const MALFORMED: Record<string, string> = {
  'ze-rfc7606_test-27': 'MP_REACH without room for the reserved octet (RFC 7606 §7.11)',
  'ze-rfc7606_test-31': 'IPv6 prefix length 129 (RFC 7606 §5.3)',
  'ze-rfc7606_test-52': 'MP_UNREACH shorter than AFI + SAFI (RFC 4760 §4)',
  'hand-mp-reach-nh-past-end': 'next-hop length past the value (RFC 7606 §7.11)',
  'hand-mp-reach-no-reserved': 'no reserved octet (RFC 7606 §7.11)',
  'hand-mp-unreach-short': 'MP_UNREACH shorter than AFI + SAFI (RFC 4760 §4)',
  'hand-flow-len-past-end': 'FlowSpec NLRI length past the field (RFC 8955 §4.1): the family refuses it',
  'ze-encode-flow-6': 'FlowSpec component type 0 (RFC 8955 §4.2): the family refuses it',
};

interface V {
  id: string;
  hex: string;
  json_text: string;
}

const vectors: V[] = ['ze-tests', 'hand', 'rfc'].flatMap((f) =>
  readFileSync(join(DIR, `${f}.jsonl`), 'utf8').split('\n').filter((l) => l.trim()).map((l) => JSON.parse(l) as V),
);

/** The last MP_REACH and MP_UNREACH values of a message (tolerant walk, stops at a bad header). */
function mpValues(hex: string): Map<number, string> {
  const b = Buffer.from(hex, 'hex');
  const out = new Map<number, string>();
  let p = b.length >= 19 && b.subarray(0, 16).every((x) => x === 0xff) ? 19 : 0;
  if (p + 2 > b.length) return out;
  p += 2 + b.readUInt16BE(p);
  if (p + 2 > b.length) return out;
  const end = Math.min(b.length, p + 2 + b.readUInt16BE(p));
  p += 2;
  while (p + 3 <= end) {
    const ext = (b[p]! & 0x10) !== 0;
    if (ext && p + 4 > end) break;
    const len = ext ? b.readUInt16BE(p + 2) : b[p + 2]!;
    const v = p + (ext ? 4 : 3);
    if (v + len > end) break;
    const type = b[p + 1]!;
    if (type === 14 || type === 15) out.set(type, toHex(b.subarray(v, v + len)));
    p = v + len;
  }
  return out;
}

type Op = Record<string, unknown> & { action: string; nlri: unknown[] };

describe("MP attributes of Ze's recorded UPDATE corpus", () => {
  const cases = vectors.filter((v) => mpValues(v.hex).size > 0);
  it('has MP attributes to compare', () => expect(cases.length).toBeGreaterThan(150));
  it('every value listed as malformed exists and fails', () => {
    for (const id of Object.keys(MALFORMED)) {
      const v = cases.find((c) => c.id === id);
      expect(v, id).toBeDefined();
      const failures = [...mpValues(v!.hex)].filter(([type, value]) => {
        try {
          decodeValue((type === 14 ? mpReachNlri : mpUnreachNlri) as typeof mpReachNlri, value);
          return false;
        } catch (e) {
          return e instanceof NlriError;
        }
      });
      expect(failures.length, id).toBeGreaterThan(0);
    }
  });
  for (const v of cases) {
    it(v.id, () => {
      const update = (JSON.parse(v.json_text) as { bgp?: { update?: Record<string, Op[]> } }).bgp?.update ?? {};
      for (const [type, value] of mpValues(v.hex)) {
        const codec = type === 14 ? mpReachNlri : mpUnreachNlri;
        let m: MpReach | MpUnreach;
        try {
          m = decodeValue(codec as typeof mpReachNlri, value) as MpReach | MpUnreach;
        } catch (e) {
          expect(e).toBeInstanceOf(NlriError);
          expect(MALFORMED[v.id], `${v.id} failed: ${(e as Error).message}`).toBeDefined();
          continue;
        }
        const j = new JsonWriter().beginObject();
        if (type === 14) writeReachMembers(m as MpReach, j);
        else writeUnreachMembers(m as MpUnreach, j);
        const { nlri, ...ours } = JSON.parse(j.endObject().take()) as Op;
        const ze = (update[m.family] ?? []).find((o) => o.action === ours.action);
        if (ze === undefined) {
          // End-of-RIB / empty field: Ze shows no operation
          expect(nlri).toEqual([]);
          continue;
        }
        const { nlri: zeNlri, ...zeOurs } = ze;
        void zeNlri;
        const want: Record<string, unknown> = { ...zeOurs };
        if (type === 14) {
          const nh = (m as MpReach).nextHop;
          if (nh.kind.startsWith('vpn-')) {
            expect(want['next-hop']).toBe(toHex(nh.bytes).toLowerCase());
            want['next-hop'] = nh.address;
            if (ours['next-hop-rd'] !== undefined) want['next-hop-rd'] = ours['next-hop-rd'];
          }
          if (nh.linkLocal !== undefined) want['next-hop-link-local'] = nh.linkLocal;
          if (ours['next-hop-link-local-rd'] !== undefined) want['next-hop-link-local-rd'] = ours['next-hop-link-local-rd'];
          if ((m as MpReach).reserved !== 0) want.reserved = (m as MpReach).reserved;
          // A next-hop field its text does not rebuild (4 octets for a VPN SAFI; Ze's FlowSpec
          // next hop of 4 octets where RFC 8955 §5 has 0): the field as hex beside it.
          if (ours['next-hop-field'] !== undefined) {
            expect(ours['next-hop-field']).toBe(toHex(nh.bytes));
            want['next-hop-field'] = ours['next-hop-field'];
          }
        }
        expect(ours).toEqual(want);
      }
    });
  }
});
