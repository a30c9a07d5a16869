/**
 * Whole UPDATE messages from Ze's decode tests (test/vectors/ze/updates-*.jsonl): the NLRI field
 * of each MP_REACH/MP_UNREACH, decoded by ze-nlri, must give the NLRI objects of Ze's
 * `ze bgp decode --update --json` output for that family (compared as parsed JSON: Ze's update
 * path writes keys in its own order; like Ze, bytes it cannot parse become `parsed:false` records). Rows of docs/ze-compat.md apply here too: an update vector
 * listed there is expected to differ, and the row says how.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { decodeAll, defaultRegistry, toJson } from '../src/index.js';
import { mpNlriOf } from './support/update.js';
import { loadDeviations, VECTOR_DIR } from './support/vectors.js';

interface UpdateVector {
  id: string;
  family: string;
  update_hex: string;
  json: { bgp: { update: Record<string, unknown> } };
}

const files = readdirSync(VECTOR_DIR).filter((f) => f.startsWith('updates-') && f.endsWith('.jsonl'));
const vectors: UpdateVector[] = files.flatMap((f) =>
  readFileSync(join(VECTOR_DIR, f), 'utf8').split('\n').filter((l) => l.trim()).map((l) => JSON.parse(l) as UpdateVector),
);
const documented = new Set(loadDeviations().map((d) => d.id));

describe('Ze UPDATE vectors', () => {
  it('are there', () => expect(vectors.length).toBeGreaterThan(0));
  for (const v of vectors) {
    it.skipIf(documented.has(v.id))(`${v.id} ${v.family}`, () => {
      const bytes = Uint8Array.from(Buffer.from(v.update_hex, 'hex'));
      const update = v.json.bgp.update;
      for (const mp of mpNlriOf(bytes)) {
        const codec = defaultRegistry.byAfiSafi(mp.afi, mp.safi);
        if (!codec) continue;
        const blocks = (update[codec.name] ?? []) as Array<{ action: string; nlri: unknown[] }>;
        const want = blocks.filter((b) => b.action === (mp.kind === 'reach' ? 'add' : 'del')).flatMap((b) => b.nlri);
        const got = decodeAll(codec, mp.nlri, { lossless: true }).map((m) => JSON.parse(toJson(codec, [m])) as unknown[]).flat();
        expect(got).toEqual(want);
      }
    });
  }
});
