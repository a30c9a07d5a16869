import { inspect } from 'node:util';
import { describe, expect, it } from 'vitest';
import { fromHex } from '../../src/core/index.js';
import { decodeAll, defaultRegistry, plainOf } from '../../src/index.js';

// Hex built by hand from the RFC figures.
const CASES: Array<[string, string, Record<string, unknown>]> = [
  // RFC 8277 §2.2 + RFC 4364 §4.3.4: length 112, label 1000 BoS (0x003E81), RD 0:65000:100, 10.0.0.0/24.
  ['ipv4/mpls-vpn', '70003E810000FDE8000000640A0000', { rd: '0000FDE800000064', labels: [1000], prefix: { v6: false, len: 24, addr: '0A0000' } }],
  // RFC 8277 §2.2: length 48, label 1000 BoS, 192.168.1.0/24.
  ['ipv4/mpls-label', '30003E81C0A801', { labels: [1000], prefix: { v6: false, len: 24, addr: 'C0A801' } }],
  // RFC 4684 §4: length 96, origin AS 65001, RT 0002FDE900000064.
  ['ipv4/rtc', '600000FDE90002FDE900000064', { prefixLength: 96, originAs: 65001, routeTarget: '0002FDE900000064' }],
  // RFC 6074 §3.2.2 (BGP-AD, length 12): RD 0:65001:100, PE 10.0.0.1.
  ['l2vpn/vpls', '000C0000FDE9000000640A000001', { autoDiscovery: true, rdText: '0:65001:100' }],
  // RFC 7432 §7.3: type 3, length 17, RD 0:65000:100, tag 0, IPv4 originator 10.0.0.1.
  ['l2vpn/evpn', '03110000FDE80000006400000000200A000001', { code: 3, rdText: '0:65000:100', originator: '10.0.0.1' }],
];

describe('lazy models print and serialise as plain objects (issue 17 §3)', () => {
  for (const [family, hex, want] of CASES) {
    it(family, () => {
      const [m] = decodeAll(defaultRegistry.require(family), fromHex(hex));
      const json = JSON.parse(JSON.stringify(m)) as Record<string, unknown>;
      expect(json).toMatchObject(want);
      for (const k of Object.keys(json)) expect(k).not.toMatch(/^_|^(buf|start|end|src|at|size|a|b|p)$/);
      const text = inspect(m, { depth: 5 });
      expect(text).not.toMatch(/\b_\w+:|\bbuf:|\bstart:|\bend:/);
      const plain = plainOf(m!);
      expect(Object.getPrototypeOf(plain)).toBe(Object.prototype);
      expect(plain).not.toHaveProperty('pathId'); // undefined values are left out
    });
  }

  it('a FlowSpec prefix component (RFC 8955 §4.2.2.1) prints its pattern, not the input buffer', () => {
    // length 8: dest prefix 10.0.0.0/24 (01 18 0A0000), IP protocol == 6 (03 81 06).
    const [m] = decodeAll(defaultRegistry.require('ipv4/flow'), fromHex('0801180A0000038106'));
    expect(JSON.parse(JSON.stringify(m))).toEqual({
      components: [
        { type: 1, len: 24, offset: 0, pattern: '0A0000' },
        { type: 3, ops: [129], values: [6], terms: [{ op: '=', value: 6, and: false, octets: 1 }] },
      ],
    });
    expect(inspect(m, { depth: 5 })).not.toMatch(/\bsrc:|\bat:/);
  });

  it('the path id shows once set (RFC 7911)', () => {
    const [m] = decodeAll(defaultRegistry.require('ipv4/mpls-label'), fromHex('0000000730003E81C0A801'), { addPath: true });
    expect(JSON.parse(JSON.stringify(m))).toMatchObject({ pathId: 7, labels: [1000] });
    expect(inspect(m)).toMatch(/^LabeledView \{/);
  });
});
