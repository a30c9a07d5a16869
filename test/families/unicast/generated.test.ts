/** Generated unicast models (fuzz/arbitraries/unicast.ts) through the generic checks, and bytes → value-or-NlriError. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { arbitraries } from '../../../fuzz/arbitraries/unicast.js';
import { checkModel } from '../../../fuzz/checks.js';
import { codecs } from '../../../families/unicast/index.js';
import { NlriError } from '../../../src/core/errors.js';
import { Registry } from '../../../src/registry/registry.js';
import { decodeAll } from '../../../src/registry/ops.js';

const reg = new Registry(codecs);

describe('unicast generated models round-trip', () => {
  for (const [family, arb] of Object.entries(arbitraries)) {
    it(family, () => {
      const codec = reg.require(family);
      fc.assert(
        fc.property(arb, (m) => {
          const f = checkModel(codec, m);
          if (f) throw new Error(`${f.problem} (${f.hex})`);
        }),
        { numRuns: 300 },
      );
    });
  }

  it('random bytes give models or NlriError only', () => {
    for (const codec of codecs) {
      fc.assert(
        fc.property(fc.uint8Array({ maxLength: 40 }), fc.boolean(), (b, addPath) => {
          try {
            decodeAll(codec, b, { addPath });
          } catch (e) {
            expect(e).toBeInstanceOf(NlriError);
          }
        }),
        { numRuns: 300 },
      );
    }
  });
});
