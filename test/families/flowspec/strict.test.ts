/**
 * `strict` decoding: what RFC 8955 §4.2 / §4.2.1 and RFC 8956 §3 call malformed but Ze (and the
 * default mode) tolerate. Each input decodes by default and fails with `strict`.
 */
import { describe, expect, it } from 'vitest';
import { decodeText, errorOf, models } from './helpers.js';

const cases: [string, string, string, string][] = [
  // [why, family, hex, code]
  ['components out of order (RFC 8955 §4.2)', 'ipv4/flow', '0803810601180A0000', 'malformed'],
  ['a component type twice (RFC 8955 §4.2)', 'ipv4/flow', '0A01180A000001180B0000', 'malformed'],
  ['numeric reserved bit (RFC 8955 §4.2.1.1)', 'ipv4/flow', '03058A50', 'malformed'],
  ['bitmask reserved bits (RFC 8955 §4.2.1.2)', 'ipv4/flow', '03098402', 'malformed'],
  ['AND bit on the first operator (RFC 8955 §4.2.1.1)', 'ipv4/flow', '0305C150', 'malformed'],
  ['no end-of-list bit (RFC 8955 §4.2.1.1)', 'ipv4/flow', '050301060111', 'malformed'],
  ['2-octet DSCP (RFC 8955 §4.2.2.11)', 'ipv4/flow', '040B91002E', 'malformed'],
  ['2-octet fragment (RFC 8955 §4.2.2.12)', 'ipv4/flow', '040C910001', 'malformed'],
  ['4-octet TCP flags (RFC 8955 §4.2.2.9)', 'ipv4/flow', '0609A100000002', 'malformed'],
  ['flow label in IPv4 (RFC 8956 §3.7 is IPv6 only)', 'ipv4/flow', '060DA100012345', 'unknown-type'],
  ['IPv4 prefix longer than 32 (RFC 8955 §4.2.2.1)', 'ipv4/flow', '0701210A00000100', 'bad-length'],
  ['IPv6 prefix longer than 128 (RFC 8956 §3.1)', 'ipv6/flow', '140181' + '00'.repeat(18), 'bad-length'],
  ['IPv6 offset equal to the length (RFC 8956 §3.1)', 'ipv6/flow', '03011010', 'malformed'],
];

describe('strict rejects, default accepts', () => {
  it.each(cases)('%s', (_, family, hex, code) => {
    expect(models(family, hex)).toHaveLength(1);
    const e = errorOf(() => models(family, hex, true));
    expect(e.code).toBe(code);
    expect(e.offset).toBeGreaterThanOrEqual(1);
    expect(decodeText(family, hex, true)).toMatch(/^error: no valid FlowSpec decoded: /);
  });

  it('strict accepts what the RFC allows: 8-octet values, 2-octet TCP flags, offsets, the 2-octet length form', () => {
    for (const [family, hex] of [
      ['ipv4/flow', '0A0AB10000000000010000'],
      ['ipv4/flow', '04099100FF'],
      ['ipv6/flow', '1201200020010DB8026840123456789A038106'],
      ['ipv4/flow', 'F00501180A0000'],
      ['ipv4/flow', '1301200A00000202200A00000103810605910C38'],
      ['ipv6/flow-vpn', '0F00010A00000100C801200020010DB8'],
    ]) {
      expect(models(family!, hex!, true)).toHaveLength(1);
    }
  });
});
