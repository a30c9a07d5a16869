/**
 * The ESI and MAC value parsers of EVPN encode-nlri args, edge by edge, and the key/value order of
 * the args loop. Ze's parsers: `ParseESIString` (`0` or empty → zero; 10 colon-separated parts,
 * each `strconv.ParseUint(p, 16, 8)`; or 20 hex digits through `hex.DecodeString`) and the MAC
 * parser (6 colon-separated parts, each `strconv.ParseUint(p, 16, 8)`). Expected bytes and
 * messages are written out from those Go functions' documented behaviour, not computed.
 */
import { describe, expect, it } from 'vitest';
import { encodeArgs, NlriError } from '../../../src/index.js';

const enc = (args: string[]): string => encodeArgs('l2vpn/evpn', args);
const RD = '0000FDE800000064';

/** Type 2 route hex for an ESI and a MAC (no IP, label 16), RFC 7432 §7.2. */
const type2 = (esi: string, mac: string): string => '0221' + RD + esi + '00000000' + '30' + mac + '00' + '000101';
const withEsi = (esi: string): string => enc(['type2', 'rd', '65000:100', 'esi', esi, 'label', '16']);
const withMac = (mac: string): string => enc(['type2', 'rd', '65000:100', 'mac', mac, 'label', '16']);

/** The exact error: code, whole message, offset. */
function error(f: () => unknown): { code: string; message: string; offset: number } {
  try {
    f();
  } catch (e) {
    expect(e).toBeInstanceOf(NlriError);
    const n = e as NlriError;
    return { code: n.code, message: n.message, offset: n.offset };
  }
  throw new Error('no error');
}
const argsError = (message: string) => ({ code: 'invalid-args', message, offset: -1 });

describe('ESI values', () => {
  it.each([
    ['0', '00000000000000000000'],
    ['', '00000000000000000000'],
    ['00:11:22:33:44:55:66:77:88:99', '00112233445566778899'],
    ['1:2:3:4:5:6:7:8:9:a', '0102030405060708090A'],
    ['FF:ff:0A:0b:cD:Ef:00:00:00:01', 'FFFF0A0BCDEF00000001'],
    ['000ff:0:0:0:0:0:0:0:0:00000000000000000000001', 'FF000000000000000001'], // ParseUint takes leading zeros
    ['aabbccddeeff00112233', 'AABBCCDDEEFF00112233'],
    ['AABBCCDDEEFF0011223F', 'AABBCCDDEEFF0011223F'],
  ])('%j → %s', (esi, hex) => {
    expect(withEsi(esi)).toBe(type2(hex, '000000000000'));
  });

  it.each([
    ['00', 'invalid ESI format: 00'],
    ['00112233445566778899A', 'invalid ESI format: 00112233445566778899A'],
    ['0011223344556677889', 'invalid ESI format: 0011223344556677889'],
    ['00:11:22:33:44:55:66:77:88', 'invalid ESI format: expected 10 parts, got 9'],
    ['00:11:22:33:44:55:66:77:88:99:aa', 'invalid ESI format: expected 10 parts, got 11'],
    [':', 'invalid ESI format: expected 10 parts, got 2'],
    ['00:11:22:33:44:55:66:77:88:zz:', 'invalid ESI format: expected 10 parts, got 11'], // the count is checked first
    ['100:0:0:0:0:0:0:0:0:0', 'invalid ESI byte 0: 100'],
    ['0:0:0:0:0:0:0:0:0:1ff', 'invalid ESI byte 9: 1ff'],
    ['00::22:33:44:55:66:77:88:99', 'invalid ESI byte 1: '],
    ['00:11:22:33:44:55:66:77:88:', 'invalid ESI byte 9: '],
    ['+1:0:0:0:0:0:0:0:0:0', 'invalid ESI byte 0: +1'],
    ['0x1:0:0:0:0:0:0:0:0:0', 'invalid ESI byte 0: 0x1'],
    ['0:0:0:0:0:0:0:0:g:0', 'invalid ESI byte 8: g'],
    ['0:0:0:0:0:0:0:0:é:0', 'invalid ESI byte 8: é'],
    ['G0112233445566778899', "invalid ESI hex: encoding/hex: invalid byte: U+0047 'G'"],
    ['001122334455667788 9', "invalid ESI hex: encoding/hex: invalid byte: U+0020 ' '"],
    ['é0112233445566778899', "invalid ESI hex: encoding/hex: invalid byte: U+00C3 'Ã'"],
  ])('%j → %s', (esi, message) => {
    expect(error(() => withEsi(esi))).toEqual(argsError(`invalid esi: ${message}`));
  });
});

describe('MAC values', () => {
  it.each([
    ['00:11:22:33:44:55', '001122334455'],
    ['0:1:2:3:4:5', '000102030405'],
    ['AA:bb:Cc:dD:0e:F0', 'AABBCCDD0EF0'],
    ['000ff:0:0:0:0:01', 'FF0000000001'],
  ])('%j → %s', (mac, hex) => {
    expect(withMac(mac)).toBe(type2('00000000000000000000', hex));
  });

  it.each([
    ['', 'invalid MAC format: '],
    ['00:11:22:33:44', 'invalid MAC format: 00:11:22:33:44'],
    ['00:11:22:33:44:55:66', 'invalid MAC format: 00:11:22:33:44:55:66'],
    ['001122334455', 'invalid MAC format: 001122334455'],
    ['00-11-22-33-44-55', 'invalid MAC format: 00-11-22-33-44-55'],
    ['00:11:22:33:44:100', 'invalid MAC byte "100": strconv.ParseUint: parsing "100": value out of range'],
    ['00:11::33:44:55', 'invalid MAC byte "": strconv.ParseUint: parsing "": invalid syntax'],
    ['00:11:22:33:44:', 'invalid MAC byte "": strconv.ParseUint: parsing "": invalid syntax'],
    ['0x:11:22:33:44:55', 'invalid MAC byte "0x": strconv.ParseUint: parsing "0x": invalid syntax'],
    ['-1:11:22:33:44:55', 'invalid MAC byte "-1": strconv.ParseUint: parsing "-1": invalid syntax'],
    ['1ff:11:22:33:44:zz', 'invalid MAC byte "1ff": strconv.ParseUint: parsing "1ff": value out of range'], // the first bad part
  ])('%j → %s', (mac, message) => {
    expect(error(() => withMac(mac))).toEqual(argsError(`invalid mac: ${message}`));
  });
});

describe('the args loop', () => {
  it('refuses an unknown key before a missing value, a missing value of a known key after', () => {
    expect(error(() => enc(['type2', 'rd', '65000:100', 'bogus']))).toEqual(argsError('unknown EVPN key: bogus'));
    expect(error(() => enc(['type2', 'rd', '65000:100', 'esi']))).toEqual(argsError('key "esi" requires value'));
    expect(error(() => enc(['type2', 'bogus', 'x', 'rd']))).toEqual(argsError('unknown EVPN key: bogus'));
    expect(error(() => enc(['type2', 'rd', 'x', 'bogus', 'y']))).toEqual(argsError('invalid rd: invalid RD format: x (expected ASN:value or IP:value)'));
  });
  it('reads values left to right: the first bad value wins, the last of a repeated key is kept', () => {
    expect(error(() => enc(['type2', 'mac', 'x', 'esi', 'y']))).toEqual(argsError('invalid mac: invalid MAC format: x'));
    expect(enc(['type2', 'rd', '1:1', 'rd', '65000:100', 'mac', '1:1:1:1:1:1', 'mac', '0:11:22:33:44:55', 'label', '16'])).toBe(
      type2('00000000000000000000', '001122334455'),
    );
  });
  it('type5 counts its labels before it wants a prefix; an unknown type is refused after rd', () => {
    expect(error(() => enc(['type5', 'rd', '65000:100', 'label', '1', 'label', '2']))).toEqual(argsError('EVPN type5 takes one label field, got 2'));
    expect(error(() => enc(['type5', 'rd', '65000:100']))).toEqual(argsError('prefix required for EVPN type5'));
    expect(enc(['type12'])).toBe('0C00'); // type<N> needs no rd
    expect(error(() => enc(['type2']))).toEqual(argsError('rd required for EVPN'));
    expect(error(() => enc(['type99x', 'rd', '65000:100']))).toEqual(argsError('unsupported EVPN route type: type99x'));
    expect(error(() => enc(['type011', 'rd', '65000:100']))).toEqual(argsError('unsupported EVPN route type: type011'));
  });
});

describe('type 5 gateways (RFC 9136 §3.1)', () => {
  const head = '0000FDE800000064' + '00000000000000000000' + '00000000';
  it('absent: zero octets of the prefix family', () => {
    expect(enc(['type5', 'rd', '65000:100', 'prefix', '10.0.0.0/24', 'label', '1'])).toBe('0522' + head + '18' + '0A000000' + '00000000' + '000011');
    expect(enc(['type5', 'rd', '65000:100', 'prefix', '2001:db8::/32', 'label', '1'])).toBe(
      '053A' + head + '20' + '20010DB8000000000000000000000000' + '00'.repeat(16) + '000011',
    );
  });
  it('the same family is written as it is; IPv4 in the IPv6 layout is IPv4-mapped', () => {
    expect(enc(['type5', 'rd', '65000:100', 'prefix', '10.0.0.0/24', 'gateway', '192.168.1.254', 'label', '100'])).toBe(
      '0522' + head + '18' + '0A000000' + 'C0A801FE' + '000641',
    );
    expect(enc(['type5', 'rd', '65000:100', 'prefix', '2001:db8::/64', 'gateway', '2001:db8::1', 'label', '100'])).toBe(
      '053A' + head + '40' + '20010DB8000000000000000000000000' + '20010DB8000000000000000000000001' + '000641',
    );
    expect(enc(['type5', 'rd', '65000:100', 'prefix', '2001:db8::/64', 'gateway', '10.0.0.1'])).toBe(
      '053A' + head + '40' + '20010DB8000000000000000000000000' + '00000000000000000000FFFF0A000001' + '000000',
    );
  });
  it('IPv6 in the IPv4 layout is refused', () => {
    expect(error(() => enc(['type5', 'rd', '65000:100', 'prefix', '10.0.0.0/24', 'gateway', '::1']))).toEqual({
      code: 'invalid-model',
      message: 'route type 5: an IPv6 gateway needs an IPv6 prefix',
      offset: -1,
    });
  });
});
