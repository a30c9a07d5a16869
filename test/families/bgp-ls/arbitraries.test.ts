/**
 * The BGP-LS model arbitraries (fuzz/arbitraries/bgp-ls.ts).
 *
 * - `arbitraries` (round-trip test, fuzzer, interop inputs sent to tshark) must generate NLRIs
 *   with RFC 9552 §5.1-5.2 structure: checked on the encoded bytes by the independent walker
 *   below, which knows the RFC's layout, not the codec.
 * - `lenientArbitraries` (TLVs in any order and place) must still survive model → bytes → model
 *   → the same bytes, since the generic round-trip test no longer sees them.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { arbitraries, lenientArbitraries } from '../../../fuzz/arbitraries/bgp-ls.js';
import { bgpLs, bgpLsSpf, bgpLsVpn } from '../../../families/bgp-ls/index.js';
import { decodeAll, encode } from '../../../src/registry/ops.js';

const u16 = (b: Uint8Array, p: number): number => (b[p]! << 8) | b[p + 1]!;

/** TLVs of `b[start..end)` as [type, value offset, length]; throws when they do not tile it exactly. */
function tlvs(b: Uint8Array, start: number, end: number): [number, number, number][] {
  const out: [number, number, number][] = [];
  let p = start;
  while (p < end) {
    if (end - p < 4) throw new Error(`${end - p} octets after the last TLV`);
    const len = u16(b, p + 2);
    if (p + 4 + len > end) throw new Error(`TLV ${u16(b, p)} runs past its container`);
    out.push([u16(b, p), p + 4, len]);
    p += 4 + len;
  }
  return out;
}

/**
 * What RFC 9552 §5.2 (RFC 9857 §4 for type 5, RFC 9514 §5 for type 6, RFC 9815 §5.2.2.1 for
 * TLV 1185 in a link) allows after the Local Node Descriptors.
 */
const ALLOWED: Record<number, readonly number[]> = {
  1: [],
  2: [257, 258, 259, 260, 261, 262, 263, 1185],
  3: [263, 264, 265],
  4: [263, 264, 265],
  5: [554],
  6: [263, 518],
};
const MANDATORY: Record<number, readonly number[]> = { 1: [], 2: [257], 3: [265], 4: [265], 5: [554], 6: [518] };

/** Problems with the RFC structure of one encoded NLRI (empty when it follows RFC 9552 §5.1-5.2). */
function rfcProblems(b: Uint8Array, vpn: boolean): string[] {
  const type = u16(b, 0);
  if (u16(b, 2) !== b.length - 4) return ['total NLRI length'];
  if (!(type in ALLOWED)) return []; // an unknown NLRI type: opaque (§5.2)
  const body = 4 + (vpn ? 8 : 0);
  const out: string[] = [];
  const protocolId = b[body]!;
  if (type === 5 ? protocolId !== 9 : protocolId < 1 || protocolId > 7) out.push(`protocol-id ${protocolId}`);
  const top = tlvs(b, body + 9, b.length);
  const types = top.map((t) => t[0]);
  if (types[0] !== 256) out.push(`first TLV ${types[0]}, not Local Node Descriptors 256`);
  types.slice(1).forEach((t) => ALLOWED[type]!.includes(t) || out.push(`TLV ${t} in NLRI type ${type}`));
  for (let i = 1; i < types.length; i++) if (types[i]! <= types[i - 1]!) out.push(`TLV ${types[i]} after ${types[i - 1]}: not ascending`);
  for (const m of MANDATORY[type]!) if (!types.includes(m)) out.push(`no TLV ${m}`);
  if (types.includes(258) && types.some((t) => t >= 259 && t <= 262)) out.push('Link Identifiers beside interface/neighbor addresses (§5.2.2)');
  for (const [t, v, len] of top) {
    if (t === 263 && len !== 2) out.push(`MT-ID TLV length ${len} (§5.2.2.1: one MT-ID)`);
    if (t === 256 || t === 257) {
      const subs = tlvs(b, v, v + len).map((s) => s[0]);
      subs.forEach((s, i) => {
        if (s < 512 || s > 517) out.push(`node descriptor sub-TLV ${s}`);
        if (i > 0 && s <= subs[i - 1]!) out.push(`sub-TLV ${s} after ${subs[i - 1]}: not ascending, or repeated`);
      });
      if (!subs.includes(515) && !subs.includes(516)) out.push(`TLV ${t} without a router id`);
    }
  }
  return out;
}

describe('arbitraries: RFC 9552 §5.2 structure', () => {
  for (const [family, codec, vpn] of [['bgp-ls/bgp-ls', bgpLs, false], ['bgp-ls/bgp-ls-vpn', bgpLsVpn, true], ['bgp-ls/bgp-ls-spf', bgpLsSpf, false]] as const) {
    it(`${family}: every generated NLRI`, () => {
      fc.assert(
        fc.property(arbitraries[family], (m) => {
          const b = encode(codec, m);
          expect(rfcProblems(b, vpn)).toEqual([]);
        }),
        { seed: 8, numRuns: 400 },
      );
    });
  }

  it('the walker finds what the RFC forbids (Ze vectors bgpls-070 and bgpls-075, TLVs out of order)', () => {
    const hex = (h: string): Uint8Array => Uint8Array.from(Buffer.from(h, 'hex'));
    // bgpls-070: Link Identifiers beside addresses, MT-ID TLV of length 4
    expect(rfcProblems(hex('0002006503000000000000000501000018020000040000FDE90202000400000000020300040101010101010018020000040000FDE902020004000000000203000402020202010200080000000700000009010300040A000001010400040A0000020107000480020003'), false)).toEqual([
      'Link Identifiers beside interface/neighbor addresses (§5.2.2)',
      'MT-ID TLV length 4 (§5.2.2.1: one MT-ID)',
    ]);
    // bgpls-016 with its two top-level TLVs swapped: 265 first
    expect(rfcProblems(hex('0003002503000000000000010001090004180A0000' + '01000010020000040000FDE90203000401010101'), false)).toContain('first TLV 265, not Local Node Descriptors 256');
  });
});

describe('lenientArbitraries: any TLV order still round-trips', () => {
  for (const [family, codec] of [['bgp-ls/bgp-ls', bgpLs], ['bgp-ls/bgp-ls-vpn', bgpLsVpn], ['bgp-ls/bgp-ls-spf', bgpLsSpf]] as const) {
    it(family, () => {
      let outOfOrder = 0;
      fc.assert(
        fc.property(lenientArbitraries[family], (m) => {
          const b = encode(codec, m);
          const back = decodeAll(codec, b);
          expect(back).toHaveLength(1);
          expect(Buffer.from(encode(codec, back[0]!)).toString('hex')).toBe(Buffer.from(b).toString('hex'));
          if (rfcProblems(b, family.endsWith('vpn')).length > 0) outOfOrder++;
        }),
        { seed: 8, numRuns: 300 },
      );
      expect(outOfOrder).toBeGreaterThan(0); // it does generate what the RFC arbitrary does not
    });
  }
});

describe('arbitraries: the new NLRI shapes are generated', () => {
  it('SR Policy Candidate Path NLRIs on SAFI 71/72, BGP-LS-SPF node keys with TLV 516 on SAFI 80', () => {
    const kinds = new Set<string>();
    fc.assert(
      fc.property(arbitraries['bgp-ls/bgp-ls'], (m) => {
        kinds.add(m.kind);
      }),
      { seed: 3, numRuns: 300 },
    );
    expect(kinds.has('sr-policy-cp')).toBe(true);
    fc.assert(
      fc.property(arbitraries['bgp-ls/bgp-ls-spf'], (m) => {
        if (m.kind === 'unparsed') return;
        const local = m.tlvs[0]!;
        expect(local.kind).toBe('local-node');
        if (local.kind === 'local-node') expect(local.descriptors.map((d) => d.kind)).toEqual(['as', 'bgp-router-id']);
        if (m.kind !== 'prefix-v4' && m.kind !== 'prefix-v6') expect(m.protocolId).toBe(4);
      }),
      { seed: 3, numRuns: 200 },
    );
  });
});
