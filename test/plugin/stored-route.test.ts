/**
 * The plugin keeps each route as its bytes (stored-route.ts) and renders Ze's JSON by decoding
 * again: for every sample of every family, with and without an ADD-PATH path id, the `routes`
 * JSON is the JSON of the route as it was decoded when announced, and a withdrawal removes it.
 */
import { describe, expect, it } from 'vitest';
import { defaultRegistry, samples } from '../../src/index.js';
import { JsonWriter } from '../../src/core/json.js';
import type { FamilyCodec, NlriBase } from '../../src/registry/family.js';
import { Logger } from '../../src/plugin/log.js';
import { NlriPlugin } from '../../src/plugin/nlri/app.js';
import { loadRoute, storeRoute } from '../../src/plugin/nlri/stored-route.js';
import { decodeOne, writeJson } from '../../src/registry/ops.js';
import { bytes } from '../support/helpers.js';

/** One route's JSON as the routes command writes it (no jsonMany array). */
function one(codec: FamilyCodec<any>, m: NlriBase): string {
  const j = new JsonWriter();
  writeJson(codec, m, j);
  return j.take();
}

describe('stored routes', () => {
  it('keep the bytes after one flag character, one character per byte (long NLRIs too)', () => {
    const b = Uint8Array.from({ length: 3000 }, (_, k) => (k * 7) & 0xff);
    for (const [s, e] of [[0, 0], [0, 1], [5, 13], [0, 8], [0, 9], [1, 3000]] as const) {
      for (const ap of [false, true]) {
        const r = storeRoute(b, s, e, ap);
        expect(r.length).toBe(e - s + 1);
        expect(r.charCodeAt(0)).toBe(ap ? 1 : 0);
        expect(Array.from(r.slice(1), (c) => c.charCodeAt(0))).toEqual(Array.from(b.subarray(s, e)));
      }
    }
  });

  it.each(samples.map((s, i) => [`${s.family} #${i}`, s] as const))('%s: routes renders what was announced', (_, s) => {
    const codec = defaultRegistry.require(s.family);
    for (const addPath of [false, true]) {
      const hex = (addPath ? '0000002A' : '') + s.hex;
      // An announcement: labeled families read a label stack (RFC 8277 §2.4 is for withdrawals).
      const p = new NlriPlugin({ registry: defaultRegistry, families: [codec], name: 'ze-nlri', logger: new Logger({ write: () => undefined }) });
      const ev = (kind: 'nlri' | 'withdrawn') =>
        JSON.stringify({ type: 'bgp', bgp: { message: { type: 'update' }, peer: { address: '127.0.0.1' }, raw: { [kind]: { [s.family]: hex }, 'add-path': { [s.family]: addPath } } } });
      expect(p.handleBatch(Buffer.from(JSON.stringify({ events: [ev('nlri')] })))).toBe(true);
      let model: NlriBase;
      try {
        model = decodeOne(codec, bytes(hex), { addPath, withdraw: false });
      } catch {
        // A withdrawal-only sample (RFC 8277 §2.4 field) is not a valid announcement: counted, not kept.
        expect(p.stats.decodeErrors).toBe(1);
        expect(p.table.count()).toBe(0);
        continue;
      }
      expect(one(codec, loadRoute(codec, storeRoute(bytes(hex), 0, hex.length / 2, addPath), false))).toBe(one(codec, model));
      expect(p.stats.decodeErrors).toBe(0);
      expect(p.routesJson()).toBe(`{"127.0.0.1":{${JSON.stringify(s.family)}:[${one(codec, model)}]}}`);
      p.handleEventText(ev('withdrawn'));
      // The same bytes withdrawn are the same route, except where a withdrawal reads them
      // differently (RFC 8277 §2.4: its label field is one Compatibility field, not a stack).
      let same = true;
      if (codec.routeKey) {
        try {
          same = codec.routeKey(decodeOne(codec, bytes(hex), { addPath, withdraw: true })) === codec.routeKey(model);
        } catch {
          same = false;
        }
      }
      expect(p.table.count()).toBe(same ? 0 : 1);
    }
  });
});
