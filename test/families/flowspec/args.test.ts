/**
 * encode-nlri args (flowspec.md §6): the grammar, and every error text (Ze's wording where Ze has
 * one; ze-nlri's where Ze crashes or has no grammar).
 */
import { describe, expect, it } from 'vitest';
import { NlriError } from '../../../src/core/errors.js';
import { reg, enc } from './helpers.js';

describe('grammar (spec §6)', () => {
  it.each([
    // [family, args, hex]: spec §6.3-6.8 examples
    ['ipv4/flow', ['DESTINATION', '10.0.0.0/24'], '0501180A0000'], // keywords are case-insensitive
    ['ipv4/flow', ['destination', '10.0.0.1/24'], '0501180A0000'], // only ceil(24/8) octets
    ['ipv6/flow', ['destination-ipv6', '2001:db8::/32'], '0701200020010DB8'],
    ['ipv4/flow', ['next-header', 'TCP'], '03038106'], // names lower-cased
    ['ipv4/flow', ['protocol', '0x11'], '03038111'],
    ['ipv4/flow', ['destination-port', '=80', '=443', '=8080'], '090501505101BBD11F90'],
    ['ipv4/flow', ['port', '0X50'], '03048150'],
    ['ipv4/flow', ['flow-label', '4294967295'], '060DA1FFFFFFFF'],
    ['ipv4/flow', ['tcp-flags', '=syn', '&!=rst'], '05090102C304'],
    ['ipv4/flow', ['tcp-flags', '!'], '03098200'],
    ['ipv4/flow', ['fragment', 'df&isf&ff&lf'], '030C800F'],
    ['ipv4/flow', ['tcp-flags', '1&0x80'], '03098081'],
    ['ipv4/flow', ['destination-port', '=80', 'destination', '10.0.0.0/8'], '0601080A058150'], // sorted by type
    ['ipv4/flow-vpn', ['rd', '100:1', 'destination', '10.0.0.0/24'], '0D000000640000000101180A0000'],
    ['ipv4/flow-vpn', ['rd', '2:100:1', 'destination', '10.0.0.0/8'], '0B000200000064000101080A'], // typed RD kept (general rules)
  ])('%s %j', (family, args, hex) => {
    expect(enc(family, args)).toBe(hex);
  });

  it('raw <HEX> takes a whole NLRI, for what the grammar cannot say', () => {
    expect(enc('ipv6/flow', ['raw', '1201200020010db8026840123456789a038106'])).toBe('1201200020010DB8026840123456789A038106');
    expect(enc('ipv4/flow-vpn', ['rd', '0:100:100', 'raw', '0D000000640000006401180A0000'])).toBe('0D000000640000006401180A0000');
  });

  it('toArgs gives Ze tokens when it can, raw otherwise', () => {
    const c = reg.require('ipv4/flow');
    const m = c.fromArgs(['destination', '10.0.0.0/24', 'tcp-flags', 'syn', '&!rst', 'port', '>=80', '<=90']);
    expect(c.toArgs!(m)).toEqual(['destination', '10.0.0.0/24', 'port', '>=80', '<=90', 'tcp-flags', 'syn', '&!rst']);
    const orInside = c.fromArgs(['raw', '050301060111']);
    expect(c.toArgs!(orInside)).toEqual(['raw', '050301060111']);
  });
});

describe('errors', () => {
  it.each([
    ['ipv4/flow', [], 'flowspec requires at least one component'],
    ['ipv4/flow', ['destination'], 'destination requires prefix'],
    ['ipv4/flow', ['Source'], 'Source requires prefix'],
    ['ipv4/flow', ['destination', 'not-a-prefix'], `invalid prefix: netip.ParsePrefix("not-a-prefix"): no '/'`],
    ['ipv4/flow', ['destination', '10.0.0.0/33'], 'invalid prefix: netip.ParsePrefix("10.0.0.0/33"): prefix length out of range'],
    ['ipv6/flow', ['destination', '10.0.0.0/24'], 'IPv4 prefix for IPv6 flowspec'],
    ['ipv4/flow', ['destination', '2001:db8::/32'], 'IPv6 prefix for IPv4 flowspec'],
    ['ipv4/flow', ['destination', '::ffff:10.0.0.0/104'], 'IPv6 prefix for IPv4 flowspec'],
    ['ipv4/flow', ['protocol'], 'protocol requires value'],
    ['ipv4/flow', ['protocol', 'Unknown'], 'invalid protocol: unknown'],
    ['ipv4/flow', ['protocol', '256'], 'invalid protocol: 256'],
    ['ipv4/flow', ['protocol', '=tcq'], 'invalid protocol: =tcq'],
    ['ipv4/flow', ['protocol', 'tcp', 'bogus'], 'unknown component: bogus'],
    ['ipv4/flow', ['port'], 'port requires value'],
    ['ipv4/flow', ['destination-port', 'abc'], 'invalid destination-port value: strconv.ParseUint: parsing "abc": invalid syntax'],
    ['ipv4/flow', ['source-port', '==80'], 'invalid source-port value: strconv.ParseUint: parsing "=80": invalid syntax'],
    ['ipv4/flow', ['packet-length', '>'], 'invalid packet-length value: strconv.ParseUint: parsing "": invalid syntax'],
    ['ipv4/flow', ['icmp-type', '0xZZ'], 'invalid icmp-type value: strconv.ParseUint: parsing "ZZ": invalid syntax'],
    ['ipv4/flow', ['icmp-code', '18446744073709551616'], 'invalid icmp-code value: strconv.ParseUint: parsing "18446744073709551616": value out of range'],
    ['ipv4/flow', ['destination-port', '99999'], 'destination-port value 99999 exceeds max 65535'],
    ['ipv4/flow', ['port', '=80', '70000'], 'port value 70000 exceeds max 65535'],
    ['ipv4/flow', ['dscp', '64'], 'dscp value 64 exceeds max 63'],
    ['ipv4/flow', ['icmp-type', '256'], 'icmp-type value 256 exceeds max 255'],
    ['ipv4/flow', ['icmp-code', '256'], 'icmp-code value 256 exceeds max 255'],
    ['ipv4/flow', ['source-port', '65536'], 'source-port value 65536 exceeds max 65535'],
    ['ipv4/flow', ['packet-length', '65536'], 'packet-length value 65536 exceeds max 65535'],
    ['ipv4/flow', ['flow-label', '4294967296'], 'flow-label value 4294967296 exceeds max 4294967295'],
    ['ipv4/flow', ['port', '=80', '>x'], 'unknown component: >x'],
    ['ipv4/flow', ['tcp-flags'], 'tcp-flags requires value'],
    ['ipv4/flow', ['fragment'], 'fragment requires value'],
    ['ipv4/flow', ['tcp-flags', 'unknown'], 'invalid tcp-flags: unknown flag: unknown'],
    ['ipv4/flow', ['fragment', 'unknown'], 'invalid fragment: unknown flag: unknown'],
    ['ipv4/flow', ['tcp-flags', '=!syn'], 'invalid tcp-flags: unknown flag: !syn'],
    ['ipv4/flow', ['tcp-flags', '65536'], 'invalid tcp-flags: unknown flag: 65536'], // 2 octets at most (RFC 8955 §4.2.2.9)
    ['ipv4/flow', ['fragment', '256'], 'invalid fragment: unknown flag: 256'], // 1 octet (RFC 8955 §4.2.2.12)
    ['ipv4/flow', ['tcp-flags', 'syn', 'bad'], 'unknown component: bad'],
    ['ipv4/flow', ['traffic-class', '1'], 'unknown component: traffic-class'],
    ['ipv4/flow', ['destination-ipv4', '10.0.0.0/8'], 'unknown component: destination-ipv4'],
    ['ipv4/flow', ['rd', '1:1', 'destination', '10.0.0.0/8'], 'rd not allowed for ipv4/flow'],
    ['ipv4/flow', ['destination', '10.0.0.0/8', 'RD', '1:1'], 'rd not allowed for ipv4/flow'],
    ['ipv4/flow-vpn', ['destination', '10.0.0.0/24'], 'rd required for VPN family'],
    ['ipv4/flow-vpn', ['RD', '1:1', 'destination', '10.0.0.0/24'], 'rd required for VPN family'],
    ['ipv4/flow-vpn', ['destination', '10.0.0.0/24', 'rd'], 'rd required for VPN family'],
    ['ipv4/flow-vpn', ['rd', 'x:1'], 'invalid rd: invalid ASN in RD: x'],
    ['ipv4/flow-vpn', ['destination', '10.0.0.0/24', 'rd', '1:1'], 'rd must be the first argument'],
    ['ipv4/flow-vpn', ['rd', '1:1', 'destination', '10.0.0.0/24', 'rd', '1:2'], 'rd must be the first argument'],
    ['ipv4/flow-vpn', ['rd', '1:1'], 'flowspec requires at least one component'],
    ['ipv4/flow', ['raw'], 'raw requires hex'],
    ['ipv4/flow', ['raw', '00', 'port', '80'], 'raw must be the last argument, alone with its value'],
    ['ipv4/flow', ['raw', 'zz'], "invalid raw: invalid hex: encoding/hex: invalid byte: U+007A 'z'"],
    ['ipv4/flow', ['raw', '0100'], 'invalid raw: unknown FlowSpec component type 0'],
    ['ipv4/flow', ['raw', '0000'], 'invalid raw: 1 bytes after the NLRI'],
    ['ipv4/flow-vpn', ['rd', '0:1:1', 'raw', '080000000100000002'], 'rd does not match the raw NLRI'],
  ] as [string, string[], string][])('%s %j', (family, args, message) => {
    const got = enc(family, args);
    expect(got).toBe('error: ' + message);
  });

  it('RD errors carry the core RD parser message', () => {
    expect(enc('ipv4/flow-vpn', ['rd', '1:2:3:4'])).toMatch(/^error: invalid rd: invalid RD format: 1:2:3:4/);
  });

  it('errors are invalid-args with the family and offset -1', () => {
    try {
      reg.encodeArgs('ipv6/flow', ['dscp', '64']);
      throw new Error('no error');
    } catch (e) {
      expect(e).toBeInstanceOf(NlriError);
      const n = e as NlriError;
      expect([n.code, n.family, n.offset]).toEqual(['invalid-args', 'ipv6/flow', -1]);
    }
  });
});
