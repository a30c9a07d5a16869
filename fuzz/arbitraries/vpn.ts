/**
 * Valid VPN models (RFC 4364 §4.3.4, RFC 4659 §3.2, RFC 8277 §2.3-2.4): RDs mostly of the
 * assigned types 0/1/2, some of unassigned types (`rd.ts`), 1..n labels up to the 255-bit length limit, the withdrawal
 * Compatibility field, any prefix length with random host bits, random TC bits half of the time.
 *
 * One documented ambiguity is left out: a stack of several labels whose first label is 0 or
 * 524288 looks like a Compatibility field when the direction is unknown (decode-nlri: `withdraw`
 * undefined). With `withdraw: false` (MP_REACH) it is a stack; with `withdraw: true`
 * (MP_UNREACH, RFC 8277 §2.4) the label field is always one Compatibility field.
 */
import fc from 'fast-check';
import type { VpnNlri } from '../../families/vpn/model.js';
import { rdArb } from './rd.js';

const label = fc.integer({ min: 0, max: 0xfffff });

export function vpnArb(v6: boolean): fc.Arbitrary<VpnNlri> {
  const max = v6 ? 128 : 32;
  return fc
    .record({
      len: fc.integer({ min: 0, max }),
      withdraw: fc.boolean(),
      compat: fc.constantFrom(0x80000, 0),
      rd: rdArb,
      labels: fc.array(label, { minLength: 1, maxLength: 6 }),
      tc: fc.option(fc.array(fc.integer({ min: 0, max: 7 }), { minLength: 6, maxLength: 6 }), { nil: undefined }),
    })
    .chain(({ len, withdraw, compat, rd, labels, tc }) => {
      const room = Math.floor((255 - 64 - len) / 24);
      let ls = withdraw ? [compat] : labels.slice(0, Math.max(1, room));
      if (ls.length > 1 && (ls[0] === 0 || ls[0] === 0x80000)) ls = [ls[0] + 1, ...ls.slice(1)];
      return fc.uint8Array({ minLength: (len + 7) >>> 3, maxLength: (len + 7) >>> 3 }).map(
        (addr): VpnNlri => {
          const t = withdraw || tc === undefined ? undefined : tc.slice(0, ls.length);
          return { v6, labels: ls, withdraw, rd, prefix: { v6, len, addr }, ...(t && t.some((x) => x) ? { tc: t } : {}) };
        },
      );
    });
}

export const arbitraries = {
  'ipv4/mpls-vpn': vpnArb(false),
  'ipv6/mpls-vpn': vpnArb(true),
};
