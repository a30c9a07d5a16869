/**
 * Issue 15 §2, RFC 4684 §4: "Route targets can then be expressed as prefixes": a /33../95 prefix
 * covers every route target that starts with its bits. The JSON prints the bits the prefix
 * carries and only those (`0x<hex>/<bits>`), the same way whatever the type octet; before, a /40
 * with type octet 0x01 printed the whole route target `0.0.0.0:0` (zeros invented), 0x00 `0:0`,
 * 0x03 `rt-type768:000000000000`. Expected texts are written by hand from the RFC 4684 §4 figure
 * (origin AS 4 octets, then the route target's first (length − 32) bits).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeHex, encodeArgs, encode, decodeOne, toHex } from '../../../src/index.js';
import { ipv4Rtc } from '../../../families/rtc/index.js';
import { bytes } from '../../support/helpers.js';

const AS = '0000FDE9'; // origin AS 65001
const json = (len: number, rt: string): string =>
  `{"is-default":false,"origin-as":65001,"prefix-length":${len},"route-target":"${rt}"}`;

describe('partial route targets, RFC 4684 §4', () => {
  it.each([
    ['28' + AS + '01', json(40, '0x01/8')],
    ['29' + AS + '01FF', json(41, '0x0180/9')],
    ['28' + AS + '00', json(40, '0x00/8')],
    ['28' + AS + '03', json(40, '0x03/8')],
    ['29' + AS + '0280', json(41, '0x0280/9')],
    ['20' + AS, json(32, '0x/0')],
    ['5F' + AS + '0102C0A80001FFFF', json(95, '0x0102c0a80001fffe/63')],
  ])('%s', (hex, want) => {
    expect(decodeHex('ipv4/rtc', hex)).toBe(want);
  });

  it('a whole route target (/96) keeps Ze text', () => {
    expect(decodeHex('ipv4/rtc', '60' + AS + '0102C0A800010064')).toBe('{"is-default":false,"origin-as":65001,"route-target":"192.168.0.1:100"}');
  });

  it('args read the partial form back', () => {
    expect(encodeArgs('ipv4/rtc', ['origin-as', '65001', 'route-target', '0x0180/9'])).toBe('29' + AS + '0180');
    expect(encodeArgs('ipv4/rtc', ['origin-as', '65001', 'route-target', '0x/0'])).toBe('20' + AS);
    expect(encodeArgs('ipv4/rtc', ['origin-as', '65001', 'route-target', '0x01/8', 'prefix-length', '40'])).toBe('28' + AS + '01');
    expect(() => encodeArgs('ipv4/rtc', ['origin-as', '65001', 'route-target', '0x01/8', 'prefix-length', '41'])).toThrow('needs prefix-length 40');
    expect(() => encodeArgs('ipv4/rtc', ['origin-as', '65001', 'route-target', '0x0101/8'])).toThrow('8 bits take 1 octets');
    expect(() => encodeArgs('ipv4/rtc', ['origin-as', '65001', 'route-target', '0x/65'])).toThrow('a route target has 64');
  });

  it('every length 0..96 and every type octet: JSON → args → the same meaning, and distinct prefixes print distinctly', () => {
    fc.assert(
      fc.property(fc.integer({ min: 32, max: 96 }), fc.uint8Array({ minLength: 8, maxLength: 8 }), (len, rt) => {
        // A whole route target keeps Ze's text, which names the layout by the type's high octet
        // and so says the subtype only for route targets proper (0x0002, 0x0102, 0x0202).
        if (len === 96) rt[1] = 0x02;
        if (len === 96 && rt[0]! > 2) rt[0] = 0;
        if (len === 96 && rt[0] === 2 && rt[2] === 0 && rt[3] === 0) rt[2] = 1; // a 4-octet AS above 65535
        const k = ((len + 7) >> 3) - 4;
        const hex = len.toString(16).padStart(2, '0').toUpperCase() + AS + toHex(rt.subarray(0, k));
        const o = JSON.parse(decodeHex('ipv4/rtc', hex)) as { 'route-target': string; 'prefix-length'?: number };
        const back = encodeArgs('ipv4/rtc', ['origin-as', '65001', 'route-target', o['route-target'], ...(o['prefix-length'] !== undefined ? ['prefix-length', String(o['prefix-length'])] : [])]);
        // The same NLRI up to the bits after the length, which RFC 4271 §4.3 makes irrelevant.
        const canon = (h: string): string => {
          const m = decodeOne(ipv4Rtc, bytes(h));
          return toHex(encode(ipv4Rtc, { prefixLength: m.prefixLength, originAs: m.originAs, routeTarget: cleared(m.routeTarget, len) }));
        };
        expect(canon(back)).toBe(canon(hex));
        if (len < 96) expect(o['route-target']).toMatch(new RegExp(`^0x[0-9a-f]{${2 * k}}/${len - 32}$`));
      }),
      { numRuns: 400 },
    );
  });
});

function cleared(rt: Uint8Array, len: number): Uint8Array {
  const out = Uint8Array.from(rt);
  const rem = len & 7;
  if (rem && out.length > 0) out[out.length - 1]! &= 0xff << (8 - rem);
  return out;
}
