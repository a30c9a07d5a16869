/**
 * A second reading of the RFC 9351 Flexible Algorithm Definition TLV (1039) by tshark 4.0 (its
 * BGP-LS dissector knows the FAD header and the affinity sub-TLVs 1040-1042, not 1043-1046):
 * generated FADs ride in the BGP-LS attribute of an UPDATE carrying a BGP-LS-SPF-shaped Node
 * NLRI; one `tshark -T pdml` run reads them all, and every field it shows must be the value of
 * ze-nlri's JSON. Skipped where tshark is not installed.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeBgpLsAttributeHex } from '../../../families/bgp-ls/index.js';
import { toHex } from '../../../src/core/hex.js';
import { tsharkAttrs } from '../../interop/lib/attr-tshark.js';
import { attribute, concat, message } from '../../interop/lib/bgp.js';
import { TSHARK } from '../../interop/lib/tools.js';

const u16 = (n: number): Uint8Array => Uint8Array.of(n >> 8, n & 0xff);
const u32 = (n: number): Uint8Array => Uint8Array.of(n >>> 24, (n >>> 16) & 0xff, (n >>> 8) & 0xff, n & 0xff);
const tlv = (type: number, value: Uint8Array): Uint8Array => concat([u16(type), u16(value.length), value]);
const hex = (s: string): Uint8Array => Uint8Array.from(Buffer.from(s, 'hex'));

interface Fad {
  algo: number;
  metric: number;
  calc: number;
  prio: number;
  subs: [1040 | 1041 | 1042, number[]][];
}

const fadArb: fc.Arbitrary<Fad> = fc.record({
  algo: fc.integer({ min: 128, max: 255 }),
  metric: fc.nat(255),
  calc: fc.nat(255),
  prio: fc.nat(255),
  subs: fc.uniqueArray(fc.tuple(fc.constantFrom(1040 as const, 1041 as const, 1042 as const), fc.array(fc.nat(0xffffffff), { minLength: 1, maxLength: 3 })), { selector: (s) => s[0], maxLength: 3 }),
});

const fadBytes = (f: Fad): Uint8Array => tlv(1039, concat([Uint8Array.of(f.algo, f.metric, f.calc, f.prio), ...f.subs.map(([t, ws]) => tlv(t, concat(ws.map(u32))))]));

function update(ls: Uint8Array): Uint8Array {
  const node = hex('0001001D04000000000000000001000010020000040000FDE90204000401010101');
  const mp = concat([u16(16388), Uint8Array.of(71, 4), hex('0a000001'), Uint8Array.of(0), node]);
  const attrs = concat([attribute(0x40, 1, Uint8Array.of(0)), attribute(0x40, 2, new Uint8Array(0)), attribute(0x90, 14, mp), attribute(0x80, 29, ls)]);
  return message(2, concat([u16(0), u16(attrs.length), attrs]));
}

const KEY = { 1040: 'exclude_any_affinity', 1041: 'include_any_affinity', 1042: 'include_all_affinity' } as const;
const OURS = { 1040: 'exclude-any', 1041: 'include-any', 1042: 'include-all' } as const;

describe.skipIf(!TSHARK)('tshark 4.0 reads RFC 9351 FAD TLVs as ze-nlri does', () => {
  it('60 generated FADs, field by field', () => {
    const fads = fc.sample(fadArb, { seed: 9351, numRuns: 60 });
    const out = tsharkAttrs(fads.map((f) => update(fadBytes(f))));
    fads.forEach((f, i) => {
      const ours = JSON.parse(decodeBgpLsAttributeHex(toHex(fadBytes(f))))['flex-algo-definitions'][0];
      const a = out[i]!.attrs.find((x) => x.code === 29)!;
      const field = (n: string): string[] => a.fields.filter((x) => x.name === `bgp.ls.sr.tlv.flex_algo.${n}`).map((x) => x.show);
      expect(out[i]!.problems).toEqual([]);
      expect(field('flex_algorithm').map(Number)).toEqual([ours['flex-algorithm']]);
      expect(field('metric_type').map(Number)).toEqual([ours['metric-type']]);
      expect(field('calculation_type').map(Number)).toEqual([ours['calc-type']]);
      expect(field('priority').map(Number)).toEqual([ours.priority]);
      for (const [t] of f.subs) {
        // the EAG words inside this sub-TLV, as tshark shows them (aa:bb:cc:dd)
        const at = a.fields.findIndex((x) => x.name === `bgp.ls.sr.tlv.flex_algo.${KEY[t]}`);
        expect(at).toBeGreaterThanOrEqual(0);
        const words: number[] = [];
        for (let k = at + 1; k < a.fields.length && a.fields[k]!.depth > a.fields[at]!.depth; k++) {
          if (a.fields[k]!.name === 'bgp.ls.tlv.extended_administrative_group_value') words.push(parseInt(a.fields[k]!.show.replace(/:/g, ''), 16));
        }
        expect(words).toEqual(ours[OURS[t]]);
      }
    });
  });
});
