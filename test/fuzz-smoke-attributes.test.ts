/**
 * A short fuzz run of every path attribute codec and of decodeUpdate in every `npm test` (the long
 * campaign is `npm run fuzz:update`): random and mutated bytes give a value or an NlriError,
 * values render, re-encode idempotently, and their JSON reads back to the same bytes.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { attributeSamples, createSession, defaultAttributes } from '../src/index.js';
import { checkAttribute, checkAttributeModel, checkUpdate } from '../fuzz/attr-checks.js';
import { attributeArbitraries, attributeArbitrariesAs2 } from '../fuzz/arbitraries/attributes/index.js';
import { mutate } from '../fuzz/checks.js';
import { loadUpdateVectors } from './support/update-vectors.js';

const sessions = [createSession({}), createSession({ as4: false }), createSession({ addPath: true }), createSession({ strict: true })];

function rng(seed: number): () => number {
  let x = seed | 1;
  return () => {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    return ((x >>> 0) % 1_000_000) / 1_000_000;
  };
}

describe('fuzz smoke: attribute values', () => {
  for (const codec of defaultAttributes.list()) {
    const seeds = attributeSamples.filter((s) => s.code === codec.code).map((s) => Uint8Array.from(Buffer.from(s.hex, 'hex')));
    it(`${codec.name} (${codec.code})`, () => {
      fc.assert(
        fc.property(fc.uint8Array({ maxLength: 200 }), fc.nat(sessions.length - 1), fc.integer(), (b, si, seed) => {
          const s = sessions[si]!;
          const input = seeds.length && seed % 2 === 0 ? mutate(seeds[Math.abs(seed) % seeds.length]!, rng(seed)) : b;
          const r = checkAttribute(codec, input, s.ctx);
          if (r.finding) throw new Error(`${r.finding.problem} (${r.finding.hex})`);
        }),
        { numRuns: 400 },
      );
    });
  }
});

describe('fuzz smoke: generated attribute models', () => {
  for (const [code, arb] of Object.entries(attributeArbitraries)) {
    const codec = defaultAttributes.get(Number(code));
    it(`${codec?.name ?? code}: model → bytes → model → same bytes, JSON reads back`, () => {
      expect(codec).toBeDefined();
      fc.assert(
        fc.property(arb, (m) => {
          const f = checkAttributeModel(codec!, m, sessions[0]!.ctx);
          if (f) throw new Error(`${f.problem} (${f.hex})`);
        }),
        { numRuns: 150 },
      );
    });
  }
  for (const [code, arb] of Object.entries(attributeArbitrariesAs2)) {
    const codec = defaultAttributes.get(Number(code))!;
    it(`${codec.name} on a 2-octet-AS session`, () => {
      fc.assert(
        fc.property(arb, (m) => {
          const f = checkAttributeModel(codec, m, sessions[1]!.ctx);
          if (f) throw new Error(`${f.problem} (${f.hex})`);
        }),
        { numRuns: 100 },
      );
    });
  }
});

describe('fuzz smoke: whole UPDATEs', () => {
  const seeds = loadUpdateVectors().map((v) => Uint8Array.from(Buffer.from(v.hex, 'hex')));
  it('random and mutated messages', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 300 }), fc.nat(sessions.length - 1), fc.integer(), (b, si, seed) => {
        const input = seed % 4 !== 0 ? mutate(seeds[Math.abs(seed) % seeds.length]!, rng(seed)) : b;
        const r = checkUpdate(input, sessions[si]!);
        if (r.finding) throw new Error(`${r.finding.problem} (${r.finding.hex})`);
      }),
      { numRuns: 1500 },
    );
  });
});
