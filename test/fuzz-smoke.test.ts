/**
 * A short fuzz run in every `npm test` (the long campaign is `npm run fuzz`), and the replay of
 * every input that once broke a codec (fuzz/crashes/*.json).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { defaultRegistry, samples } from '../src/index.js';
import { checkBytes, mutate } from '../fuzz/checks.js';
import type { DecodeOptions } from '../src/index.js';

const CRASH_DIR = join(import.meta.dirname, '..', 'fuzz', 'crashes');

describe('fuzz smoke: arbitrary bytes give a value or the codec error', () => {
  for (const codec of defaultRegistry.list()) {
    it(codec.name, () => {
      fc.assert(
        fc.property(fc.uint8Array({ maxLength: 300 }), fc.boolean(), fc.boolean(), fc.boolean(), (b, addPath, strict, withdraw) => {
          // withdraw is given: unknown, the RFC 8277 §2.4 reading is a heuristic that cannot round-trip.
          const r = checkBytes(codec, b, { addPath, strict, withdraw });
          if (r.finding) throw new Error(r.finding.problem);
        }),
        { numRuns: 500 },
      );
    });
  }
});

describe('fuzz smoke: mutated samples', () => {
  for (const codec of defaultRegistry.list()) {
    const seeds = samples.filter((s) => s.family === codec.name).map((s) => Uint8Array.from(Buffer.from(s.hex, 'hex')));
    it(codec.name, () => {
      fc.assert(
        fc.property(fc.nat(seeds.length - 1), fc.integer(), fc.boolean(), fc.boolean(), (i, seed, lossless, withdraw) => {
          let x = seed | 1;
          const rnd = (): number => {
            x ^= x << 13; x ^= x >>> 17; x ^= x << 5;
            return ((x >>> 0) % 1_000_000) / 1_000_000;
          };
          const r = checkBytes(codec, mutate(seeds[i]!, rnd), { lossless, withdraw });
          if (r.finding) throw new Error(`${r.finding.problem} (${r.finding.hex})`);
        }),
        { numRuns: 500 },
      );
    });
  }
});

interface Crash {
  family: string;
  hex: string;
  opts?: DecodeOptions;
  problem?: string;
}

describe('crash corpus replay', () => {
  const files = readdirSync(CRASH_DIR).filter((f) => f.endsWith('.json')).sort();
  it('has a README and well-formed entries', () => {
    for (const f of files) {
      const c = JSON.parse(readFileSync(join(CRASH_DIR, f), 'utf8')) as Crash;
      expect(typeof c.family).toBe('string');
      expect(c.hex).toMatch(/^([0-9A-Fa-f]{2})*$/);
    }
  });
  for (const f of files) {
    it(f, () => {
      const c = JSON.parse(readFileSync(join(CRASH_DIR, f), 'utf8')) as Crash;
      const codec = defaultRegistry.get(c.family);
      if (!codec) throw new Error(`crash ${f}: family ${c.family} is not registered`);
      const r = checkBytes(codec, Uint8Array.from(Buffer.from(c.hex, 'hex')), c.opts ?? {});
      expect(r.finding?.problem).toBeUndefined();
    });
  }
});
