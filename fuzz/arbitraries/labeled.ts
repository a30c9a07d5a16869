/**
 * Valid labeled-unicast models (RFC 8277 §2.2-2.4): 1..n labels up to the 255-bit length limit,
 * the withdrawal Compatibility field, any prefix length with random host bits.
 *
 * Label entries carry random TC bits half of the time (`tc`). As for VPN, a stack of several labels whose first label is 0 or 524288 is left out (it reads as
 * a Compatibility field unless the caller says MP_REACH; test/families/labeled covers it).
 */
import fc from 'fast-check';
import type { LabeledNlri } from '../../families/labeled/model.js';

const label = fc.integer({ min: 0, max: 0xfffff });

export function labeledArb(v6: boolean): fc.Arbitrary<LabeledNlri> {
  const max = v6 ? 128 : 32;
  return fc
    .record({
      len: fc.integer({ min: 0, max }),
      withdraw: fc.boolean(),
      compat: fc.constantFrom(0x80000, 0),
      labels: fc.array(label, { minLength: 1, maxLength: 10 }),
      tc: fc.option(fc.array(fc.integer({ min: 0, max: 7 }), { minLength: 10, maxLength: 10 }), { nil: undefined }),
    })
    .chain(({ len, withdraw, compat, labels, tc }) => {
      const room = Math.floor((255 - len) / 24);
      let ls = withdraw ? [compat] : labels.slice(0, Math.max(1, room));
      if (ls.length > 1 && (ls[0] === 0 || ls[0] === 0x80000)) ls = [ls[0] + 1, ...ls.slice(1)];
      return fc.uint8Array({ minLength: (len + 7) >>> 3, maxLength: (len + 7) >>> 3 }).map(
        (addr): LabeledNlri => {
          const t = withdraw || tc === undefined ? undefined : tc.slice(0, ls.length);
          return { v6, labels: ls, withdraw, prefix: { v6, len, addr }, ...(t && t.some((x) => x) ? { tc: t } : {}) };
        },
      );
    });
}

export const arbitraries = {
  'ipv4/mpls-label': labeledArb(false),
  'ipv6/mpls-label': labeledArb(true),
};
