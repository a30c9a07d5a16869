/**
 * EVPN encode-nlri args: Ze's grammar and error texts (evpn.md §8), ze-nlri's additions
 * (docs/families/evpn.md), and toArgs giving back the same bytes. Expected hex is written out from
 * the RFC layouts or taken from Ze's vectors.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { encodeArgs, encode, toHex } from '../../../src/index.js';
import { evpn } from '../../../families/evpn/index.js';
import { evpnArb } from '../../../fuzz/arbitraries/evpn.js';

const enc = (args: string[]): string => encodeArgs('l2vpn/evpn', args);
const RD = '0000FDE800000064';
const ZERO_ESI = '00000000000000000000';

describe("Ze's errors, in Ze's order", () => {
  it.each([
    [[], 'empty args'],
    [['type2', 'rd', '65000:100', 'bogus', 'x'], 'unknown EVPN key: bogus'],
    [['type2', 'rd'], 'key "rd" requires value'],
    [['type2', 'mac', '00:11:22:33:44:55'], 'rd required for EVPN'],
    [['mac-ip', 'rd', '65000:100'], 'unsupported EVPN route type: mac-ip'],
    [['TYPE2', 'rd', '65000:100'], 'unsupported EVPN route type: TYPE2'],
    [['type2', 'rd', '65000:100', 'esi', 'invalid'], 'invalid esi: invalid ESI format: invalid'],
    [['type2', 'rd', '65000:100', 'esi', '00:11:22'], 'invalid esi: invalid ESI format: expected 10 parts, got 3'],
    [['type2', 'rd', '65000:100', 'esi', '00:11:22:33:44:55:66:77:88:zz'], 'invalid esi: invalid ESI byte 9: zz'],
    [['type2', 'rd', '65000:100', 'esi', '0011223344556677889Z'], 'invalid esi: invalid ESI hex: encoding/hex: invalid byte: U+005A'],
    [['type2', 'rd', '65000:100', 'mac', '00-11-22-33-44-55'], 'invalid mac: invalid MAC format: 00-11-22-33-44-55'],
    [['type2', 'rd', '65000:100', 'mac', '00:11:22:33:44:5g'], 'invalid mac: invalid MAC byte "5g": strconv.ParseUint: parsing "5g": invalid syntax'],
    [['type2', 'rd', '65000:100', 'ethernet-tag', '-1'], 'invalid ethernet-tag: strconv.ParseUint: parsing "-1": invalid syntax'],
    [['type2', 'rd', '65000:100', 'label', '4294967296'], 'invalid label: strconv.ParseUint: parsing "4294967296": value out of range'],
    [['type2', 'rd', '65000:100', 'ip', '10.0.0.01'], 'invalid ip: ParseAddr("10.0.0.01")'],
    [['type5', 'rd', '65000:100', 'prefix', '10.0.0.0'], "invalid prefix: netip.ParsePrefix(\"10.0.0.0\"): no '/'"],
    [['type3', 'rd', '1:2:3', 'ip', '10.0.0.1'], 'invalid rd: invalid RD format: type 1 requires IP address, got 2'],
  ])('%j → %s', (args, message) => {
    expect(() => enc(args)).toThrow(message);
  });
});

describe('deliberate differences from Ze', () => {
  it('a label above 20 bits is refused (Ze truncates it)', () => {
    expect(() => enc(['type2', 'rd', '65000:100', 'label', '1048576'])).toThrow('exceeds the 20-bit MPLS label range');
  });

  it('type5 without a prefix, or with two labels, is refused', () => {
    expect(() => enc(['type5', 'rd', '65000:100'])).toThrow('prefix required for EVPN type5');
    expect(() => enc(['type5', 'rd', '65000:100', 'prefix', '10.0.0.0/24', 'label', '1', 'label', '2'])).toThrow('one label field');
  });

  it('type5 without a label writes a zero label field under length 34 (Ze writes length 31)', () => {
    expect(enc(['type5', 'rd', '1:1', 'prefix', '10.0.0.0/24'])).toBe('0522' + '0000000100000001' + ZERO_ESI + '00000000' + '18' + '0A000000' + '00000000' + '000000');
  });

  it('an explicit RD type is honoured: 2:65000:1 is a type-2 RD', () => {
    expect(enc(['type3', 'rd', '2:65000:1', 'ip', '10.0.0.1'])).toBe('0311' + '00020000FDE80001' + '00000000' + '200A000001');
  });

  it('IPv4 prefix with an IPv6 gateway is refused (Ze panics); IPv6 prefix with an IPv4 gateway maps it', () => {
    expect(() => enc(['type5', 'rd', '1:1', 'prefix', '10.0.0.0/24', 'gateway', '2001:db8::1', 'label', '1'])).toThrow('IPv6 gateway');
    expect(enc(['type5', 'rd', '1:1', 'prefix', '2001:db8::/32', 'gateway', '192.0.2.1', 'label', '1'])).toBe(
      '053A' + '0000000100000001' + ZERO_ESI + '00000000' + '20' + '20010DB8000000000000000000000000' + '00000000000000000000FFFFC0000201' + '000011',
    );
  });
});

describe("Ze's quirks kept", () => {
  it('type3 without ip writes originator :: (evpn.md §8.2)', () => {
    expect(enc(['type3', 'rd', '1:1'])).toBe('031D' + '0000000100000001' + '00000000' + '80' + '00'.repeat(16));
  });
  it('type2 labels are a stack with BOS on the last; keys irrelevant to the type are ignored', () => {
    expect(enc(['type2', 'rd', '65000:100', 'prefix', '10.0.0.0/8', 'label', '100', 'label', '200'])).toBe(
      '0224' + RD + ZERO_ESI + '00000000' + '30' + '000000000000' + '00' + '000640' + '000C81',
    );
  });
});

describe("ze-nlri's route types and keys", () => {
  it('vni writes the whole 3-octet field (RFC 8365 §5.1.3)', () => {
    expect(enc(['type1', 'rd', '65000:100', 'vni', '256000'])).toBe('0119' + RD + ZERO_ESI + '00000000' + '03E800');
  });
  it('type4 with an IPv6 originator', () => {
    expect(enc(['type4', 'rd', '65000:100', 'esi', '01:02:03:04:05:06:07:08:09:0a', 'ip', '2001:db8::1'])).toBe(
      '0423' + RD + '0102030405060708090A' + '80' + '20010DB8000000000000000000000001',
    );
  });
  it('type6 needs group and originator', () => {
    expect(() => enc(['type6', 'rd', '65000:100', 'originator', '192.0.2.1'])).toThrow('group required for EVPN type6');
    expect(() => enc(['type6', 'rd', '65000:100', 'group', '239.1.1.1'])).toThrow('originator required for EVPN type6');
  });
  it('type11 needs no rd; its route key must be one whole route', () => {
    expect(enc(['type11', 'route-key', '0C00', 'originator', '192.0.2.1'])).toBe('0B07' + '0C00' + '20C0000201');
    expect(() => enc(['type11', 'route-key', '0C05AA', 'originator', '192.0.2.1'])).toThrow('one whole EVPN route');
  });
  it('raw keeps one whole route, even a malformed one; more than one route is refused', () => {
    expect(enc(['raw', '023200'])).toBe('023200');
    expect(enc(['raw', '0221' + RD])).toBe('0221' + RD);
    expect(() => enc(['raw', '0C000C00'])).toThrow('exactly one EVPN route');
    expect(() => enc(['raw', '0C'])).toThrow('exactly one EVPN route');
  });
  it('type<N> payload for types without a layout', () => {
    expect(enc(['type200', 'payload', '0102'])).toBe('C8020102');
    expect(() => enc(['type256', 'payload', '01'])).toThrow('rd required for EVPN');
  });
});

describe('toArgs', () => {
  it('gives back the bytes of every generated route', () => {
    fc.assert(
      fc.property(evpnArb, (m) => {
        const back = evpn.fromArgs(evpn.toArgs!(m));
        expect(toHex(encode(evpn, back))).toBe(toHex(encode(evpn, m)));
      }),
      { numRuns: 300 },
    );
  });
  it('falls back to raw for octets the grammar cannot say', () => {
    const hex = '0313' + RD + '00000000' + '200A000001' + 'FFFF';
    expect(evpn.toArgs!(evpn.fromArgs(['raw', hex]))).toEqual(['raw', hex]);
  });
  it("spells a Ze-shaped route the way Ze's update-text caller does (evpn.md §8.4)", () => {
    const m = evpn.fromArgs(['type2', 'rd', '0:65000:100', 'mac', '00:11:22:33:44:55', 'ip', '10.0.0.1', 'label', '16']);
    expect(evpn.toArgs!(m)).toEqual(['type2', 'rd', '0:65000:100', 'esi', '00:00:00:00:00:00:00:00:00:00', 'ethernet-tag', '0', 'mac', '00:11:22:33:44:55', 'ip', '10.0.0.1', 'label', '16']);
  });
});
