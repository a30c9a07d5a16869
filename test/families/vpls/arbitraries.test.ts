/**
 * fuzz/arbitraries/vpls.ts: generated RDs are mostly of the assigned types 0, 1, 2 (RFC 4364
 * §4.2, used by RFC 4761 §3.2.2), so interop tests can compare them, with some of unassigned
 * types left for decoders to carry through.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { arbitraries } from '../../../fuzz/arbitraries/vpls.js';
import { encode } from '../../../src/registry/ops.js';
import { defaultRegistry } from '../../../src/index.js';

describe('vpls arbitraries: Route Distinguisher types', () => {
  it('l2vpn/vpls', () => {
    const codec = defaultRegistry.require('l2vpn/vpls');
    // RFC 4761 §3.2.2: 2-octet length, then the RD
    const types = fc.sample(arbitraries['l2vpn/vpls'], { seed: 8, numRuns: 700 }).map((m) => {
      const b = encode(codec, m as never);
      return (b[2]! << 8) | b[3]!;
    });
    const assigned = types.filter((t) => t <= 2).length / types.length;
    expect(assigned).toBeGreaterThan(0.7);
    expect(assigned).toBeLessThan(0.95);
    for (const t of [0, 1, 2]) expect(types).toContain(t);
  });
});
