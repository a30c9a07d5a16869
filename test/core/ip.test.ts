import { describe, expect, it } from 'vitest';
import { ipv6ToString, parseAddr, parsePrefix, prefixFromString, prefixToString } from '../../src/core/index.js';

const v6 = (hex: string): Uint8Array => Uint8Array.from(Buffer.from(hex, 'hex'));

describe('IPv6 text by Go netip rules', () => {
  // Expected strings are what Go's netip.Addr.String() prints for these addresses.
  it.each([
    ['20010db8000000000000000000000001', '2001:db8::1'],
    ['00000000000000000000000000000000', '::'],
    ['00000000000000000000000000000001', '::1'],
    ['20010db8000000010000000000000001', '2001:db8:0:1::1'],
    ['2a020b800015000007aca39fffeaea87', '2a02:b80:15:0:7ac:a39f:ffea:ea87'],
    ['20010000000100000000000000000001', '2001:0:1::1'],
    ['20010db8000000000001000000000001', '2001:db8::1:0:0:1'],
    ['00000000000000000000ffff0a000001', '::ffff:10.0.0.1'],
    ['0000000000000000000000000a000001', '::a00:1'],
    ['fe800000000000000000000000000000', 'fe80::'],
    ['00010000000000000000000000000000', '1::'],
    ['00010002000300040005000600070008', '1:2:3:4:5:6:7:8'],
    ['00010000000300000000000000070008', '1:0:3::7:8'],
    ['00010000000000030000000000070008', '1::3:0:0:7:8'],
  ])('%s -> %s', (hex, text) => {
    expect(ipv6ToString(v6(hex))).toBe(text);
  });

  it('prints a short prefix zero-filled', () => {
    expect(prefixToString({ v6: true, len: 32, addr: v6('20010db8') })).toBe('2001:db8::/32');
    expect(prefixToString({ v6: false, len: 20, addr: Uint8Array.from([10, 0, 255]) })).toBe('10.0.255.0/20');
  });
});

describe('parsing by Go netip rules', () => {
  it.each([
    ['10.0.0.0/24', false, '0a000000', 24],
    ['10.0.0.129/25', false, '0a000081', 25],
    ['2001:db8::/32', true, '20010db8000000000000000000000000', 32],
    ['::ffff:10.0.0.0/104', true, '00000000000000000000ffff0a000000', 104],
    ['::/0', true, '00000000000000000000000000000000', 0],
    ['1:2:3:4:5:6:7:8/128', true, '00010002000300040005000600070008', 128],
    ['::1.2.3.4/128', true, '00000000000000000000000001020304', 128],
  ])('%s', (text, isV6, hex, len) => {
    const p = prefixFromString(text);
    expect(p.v6).toBe(isV6);
    expect(Buffer.from(p.addr).toString('hex')).toBe(hex);
    expect(p.len).toBe(len);
  });

  // Reasons as Go's netip reports them.
  it.each([
    ['10.0.0.0', `netip.ParsePrefix("10.0.0.0"): no '/'`],
    ['10.0.0.0/33', 'netip.ParsePrefix("10.0.0.0/33"): prefix length out of range'],
    ['10.0.0/8', 'netip.ParsePrefix("10.0.0/8"): ParseAddr("10.0.0"): IPv4 address too short'],
    ['010.0.0.0/8', 'netip.ParsePrefix("010.0.0.0/8"): ParseAddr("010.0.0.0"): IPv4 field has octet with leading zero'],
    ['256.0.0.0/8', 'netip.ParsePrefix("256.0.0.0/8"): ParseAddr("256.0.0.0"): IPv4 field has value >255'],
    ['10.0.0.0/08', 'netip.ParsePrefix("10.0.0.0/08"): bad bits after slash: "08"'],
    ['2001:db8::/129', 'netip.ParsePrefix("2001:db8::/129"): prefix length out of range'],
    ['fe80::1%eth0/64', 'netip.ParsePrefix("fe80::1%eth0/64"): IPv6 zones cannot be present in a prefix'],
    ['1::2::3/64', 'netip.ParsePrefix("1::2::3/64"): ParseAddr("1::2::3"): multiple :: in address'],
    ['12345::/16', 'netip.ParsePrefix("12345::/16"): ParseAddr("12345::"): each colon-separated field must have at most 4 hex digits'],
    ['/8', 'netip.ParsePrefix("/8"): ParseAddr(""): unable to parse IP'],
  ])('rejects %s', (text, message) => {
    expect(parsePrefix(text)).toBe(message);
  });

  it('parses addresses', () => {
    expect(parseAddr('1:2:3:4:5:6:7')).toBe('ParseAddr("1:2:3:4:5:6:7"): address string too short');
    expect(parseAddr('1:2:3:4:5:6:7:8:9')).toBe('ParseAddr("1:2:3:4:5:6:7:8:9"): trailing garbage after address');
    expect(parseAddr('1.2.3.4.5')).toBe('ParseAddr("1.2.3.4.5"): IPv4 address too long');
  });
});
