/**
 * Ze's whole-UPDATE decode tests (test/vectors/ze/updates-*.jsonl, from Ze's test/decode/*.ci):
 * each MP_REACH_NLRI / MP_UNREACH_NLRI value, decoded by the attribute codecs, must give Ze's
 * operation object for its family: the same members (action, next hop) and as many NLRIs,
 * compared as parsed JSON (Ze's update path writes keys in its own order). The NLRIs' content
 * is each family's, compared by test/updates.test.ts; vectors listed in docs/ze-compat.md are
 * skipped as there.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { mpReachNlri, mpUnreachNlri, writeReachMembers, writeUnreachMembers, type MpReach, type MpUnreach } from '../../../attributes/mp/index.js';
import { JsonWriter } from '../../../src/core/json.js';
import { toHex } from '../../../src/core/hex.js';
import { loadDeviations, VECTOR_DIR } from '../../support/vectors.js';
import { decodeValue } from './support.js';

interface UpdateVector {
  id: string;
  update_hex: string;
  json: { bgp: { update: Record<string, unknown> } };
}

const vectors: UpdateVector[] = readdirSync(VECTOR_DIR)
  .filter((f) => f.startsWith('updates-') && f.endsWith('.jsonl'))
  .flatMap((f) => readFileSync(join(VECTOR_DIR, f), 'utf8').split('\n').filter((l) => l.trim()).map((l) => JSON.parse(l) as UpdateVector));
const documented = new Set(loadDeviations().map((d) => d.id));

/** The MP attribute values of an UPDATE (RFC 4271 §4.3 attribute headers, walked by hand). */
function mpValues(hex: string): { type: number; value: string }[] {
  const b = Buffer.from(hex, 'hex');
  // With the 16-octet marker and 19-octet header, or the body alone.
  let p = b.length >= 19 && b.subarray(0, 16).every((x) => x === 0xff) ? 19 : 0;
  p += 2 + b.readUInt16BE(p);
  const end = p + 2 + b.readUInt16BE(p);
  p += 2;
  const out: { type: number; value: string }[] = [];
  while (p < end) {
    const flags = b[p]!;
    const type = b[p + 1]!;
    const ext = (flags & 0x10) !== 0;
    const len = ext ? b.readUInt16BE(p + 2) : b[p + 2]!;
    const v = p + (ext ? 4 : 3);
    if (type === 14 || type === 15) out.push({ type, value: toHex(b.subarray(v, v + len)) });
    p = v + len;
  }
  return out;
}

describe("Ze's UPDATE vectors through the MP attribute codecs", () => {
  it('are there', () => expect(vectors.length).toBeGreaterThan(0));
  for (const v of vectors) {
    it.skipIf(documented.has(v.id))(v.id, () => {
      const values = mpValues(v.update_hex);
      expect(values.length).toBeGreaterThan(0);
      for (const { type, value } of values) {
        const j = new JsonWriter().beginObject();
        let family: string;
        if (type === 14) {
          const m = decodeValue(mpReachNlri, value) as MpReach;
          writeReachMembers(m, j);
          family = m.family;
        } else {
          const m = decodeValue(mpUnreachNlri, value) as MpUnreach;
          writeUnreachMembers(m, j);
          family = m.family;
        }
        const ours = JSON.parse(j.endObject().take()) as { action: string; nlri: unknown[] };
        const ops = (v.json.bgp.update[family] ?? []) as { action: string; nlri: unknown[] }[];
        const zes = ops.filter((o) => o.action === ours.action);
        expect(zes).toHaveLength(1);
        // The operation's own members exactly; the NLRIs' content is each family's (test/updates.test.ts).
        const { nlri, ...members } = ours;
        const { nlri: zeNlri, ...zeMembers } = zes[0]!;
        expect(members).toEqual(zeMembers);
        expect(nlri).toHaveLength(zeNlri.length);
      }
    });
  }
});
