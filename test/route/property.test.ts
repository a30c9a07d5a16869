/**
 * Properties: any order of valid keyword runs gives the same attributes (type-code order, lists
 * joined in the order given), and the UPDATE buildUpdate makes decodes cleanly (RFC 7606: no
 * problem) with every attribute given and the NLRI back.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { decodeUpdate, encodeUpdate, toHex } from '../../src/index.js';
import { buildUpdate, parseRouteArgs } from '../../src/route/index.js';

/** Keyword runs that each set a different attribute (no list keyword twice: order-independent). */
const RUNS: readonly (readonly string[])[] = [
  ['origin', 'egp'],
  ['as-path', '[', '65000', '65001', ']'],
  ['med', '10'],
  ['local-preference', '200'],
  ['atomic-aggregate'],
  ['aggregator', '65000:192.0.2.1'],
  ['community', '65000:1', 'no-export'],
  ['large-community', '65000:1:2'],
  ['rt', '65000:100'],
  ['pmsi', 'ingress-replication', '192.0.2.1', 'label', '5'],
  ['prefix-sid', 'label-index', '7'],
  ['tunnel-encap', '[', 'vxlan', 'vni', '10', ']'],
  ['otc', '65000'],
  ['next-hop', '192.0.2.1'],
];

describe('order of keywords', () => {
  it('any order and subset gives the attributes of the canonical order', () => {
    fc.assert(
      fc.property(fc.shuffledSubarray([...RUNS.keys()], { minLength: 1 }), (idx) => {
        const shuffled = idx.flatMap((k) => RUNS[k]!);
        const sorted = [...idx].sort((x, y) => x - y).flatMap((k) => RUNS[k]!);
        const a = parseRouteArgs('l2vpn/evpn', ['type3', 'rd', '0:65000:100', 'ethernet-tag', '0', 'ip', '192.0.2.1', ...shuffled]);
        const b = parseRouteArgs('l2vpn/evpn', ['type3', 'rd', '0:65000:100', 'ethernet-tag', '0', 'ip', '192.0.2.1', ...sorted]);
        expect(a.attributesHex).toBe(b.attributesHex);
        const codes = a.attributes.map((x) => x.code);
        expect(codes).toEqual([...codes].sort((x, y) => x - y));
      }),
      { numRuns: 60 },
    );
  });
  it('the built UPDATE decodes with no problem, the same attributes and the NLRI', () => {
    fc.assert(
      fc.property(fc.shuffledSubarray([...RUNS.keys()], { minLength: 1 }), (idx) => {
        const r = parseRouteArgs('l2vpn/evpn', ['type3', 'rd', '0:65000:100', 'ethernet-tag', '0', 'ip', '192.0.2.1', ...idx.flatMap((k) => RUNS[k]!)]);
        const bytes = encodeUpdate(buildUpdate(r, undefined, { selfAddress: '192.0.2.9' }));
        const u = decodeUpdate(bytes);
        expect(u.problems).toEqual([]);
        const back = u.attributes.list.filter((x) => x.code !== 14);
        expect(back.map((x) => x.code)).toEqual(r.attributes.map((x) => x.code));
        expect(back.map((x) => toHex(x.raw))).toEqual(r.attributes.map((x) => toHex(x.raw)));
        const mp = u.attributes.get(14)!.value as { nlriBytes: Uint8Array };
        expect(toHex(mp.nlriBytes)).toBe(r.nlriHex);
      }),
      { numRuns: 60 },
    );
  });
});
