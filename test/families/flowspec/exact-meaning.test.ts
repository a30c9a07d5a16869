/**
 * Issue 15 §1: the JSON, the text and the args say exactly what the bytes say (RFC 8955
 * §4.2.1.1-§4.2.1.2). For every model in the RFC form (fuzz/arbitraries/flowspec.ts
 * `rfcArbitraries`: all eight numeric lt/gt/eq combinations, all four bitmask not/m
 * combinations, the AND bit on any pair, every value the type's RFC size allows):
 *   model → args (Ze's grammar, never `raw`) → bytes equal the model's bytes;
 *   bytes → JSON → args (fromZeJson) → the same bytes;
 *   the text line is a function of the JSON (two NLRIs with different bytes never share a JSON).
 * Without the fix these fail at once: 000/111 both printed `=`, a bitmask AND or m = 0 vanished,
 * 2-octet TCP flags lost their high octet.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { rfcArbitraries } from '../../../fuzz/arbitraries/flowspec.js';
import { encodeHex, reg } from './helpers.js';

describe.each(Object.keys(rfcArbitraries))('%s: args → bytes → JSON → args', (family) => {
  const codec = reg.require(family);
  it('round trips byte for byte through args and through JSON', () => {
    fc.assert(
      fc.property(rfcArbitraries[family]!, (m) => {
        const hex = encodeHex(family, m);
        const args = codec.toArgs!(m);
        expect(args).not.toContain('raw');
        expect(reg.encodeArgs(family, args).toUpperCase()).toBe(hex);
        const jsonText = reg.decodeHex(family, hex);
        const back = codec.fromZeJson!(JSON.parse(jsonText));
        expect(encodeHex(family, back as never)).toBe(hex);
        expect(reg.decodeHex(family, encodeHex(family, back as never))).toBe(jsonText);
      }),
      { numRuns: 300 },
    );
  });
});
