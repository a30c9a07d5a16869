/**
 * fuzz/arbitraries/vpn.ts: generated RDs are mostly of the assigned types 0, 1, 2 (RFC 4364
 * §4.2), so interop tests can compare them (other implementations print other types each their
 * own way), with some of unassigned types left for decoders to carry through.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { arbitraries } from '../../../fuzz/arbitraries/vpn.js';

describe('vpn arbitraries: Route Distinguisher types', () => {
  for (const [family, arb] of Object.entries(arbitraries)) {
    it(family, () => {
      const types = fc.sample(arb, { seed: 8, numRuns: 700 }).map((m) => (m.rd[0]! << 8) | m.rd[1]!);
      const assigned = types.filter((t) => t <= 2).length / types.length;
      expect(assigned).toBeGreaterThan(0.7);
      expect(assigned).toBeLessThan(0.95);
      for (const t of [0, 1, 2]) expect(types).toContain(t);
    });
  }
});
