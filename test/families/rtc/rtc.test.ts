/**
 * Route Target Constraint (RFC 4684 §4): lengths 0 and 32..96, partial route targets, Ze's JSON
 * (rtc.md §5) and ze-nlri's args grammar (docs/families/rtc.md; Ze has no encoder). Expected
 * values from the spec, Ze's vectors and RFC 4684 / RFC 4360 layouts worked by hand.
 */
import { describe, expect, it } from 'vitest';
import { decodeAll, decodeOne, defaultRegistry, encode, NlriError, toHex, toJson } from '../../../src/index.js';
import { ipv4Rtc, RtcView, type RtcNlri } from '../../../families/rtc/index.js';
import { codecError as error, bytes } from '../../support/helpers.js';

const decodeHex = (h: string): string => defaultRegistry.decodeHex('ipv4/rtc', h);
const enc = (args: string[]): string => defaultRegistry.encodeArgs('ipv4/rtc', args);


describe('decode', () => {
  it('is a view: the route-target octets are a subarray of the input', () => {
    const input = bytes('600000FDE90002FDE900000064');
    const m = decodeOne(ipv4Rtc, input) as RtcView;
    expect(m).toBeInstanceOf(RtcView);
    expect(m.originAs).toBe(65001);
    expect(m.routeTarget.buffer).toBe(input.buffer);
    expect(m.routeTarget.byteOffset).toBe(5);
    expect(m.isDefault).toBe(false);
  });

  it('Ze\'s route-target texts by the type\'s high octet (rtc.md §5)', () => {
    expect(decodeHex('600000FDE900020000FDE90064')).toBe('{"is-default":false,"origin-as":65001,"route-target":"0:4259905636"}');
    expect(decodeHex('600000FDE90000FDE900000064')).toBe('{"is-default":false,"origin-as":65001,"route-target":"65001:100"}');
    expect(decodeHex('600000FDE901020A000001FFFF')).toBe('{"is-default":false,"origin-as":65001,"route-target":"10.0.0.1:65535"}');
    expect(decodeHex('600000FDEA02000000FDE900C8')).toBe('{"is-default":false,"origin-as":65002,"route-target":"65001:200"}');
    expect(decodeHex('600000FDE94002FDE900000064')).toBe('{"is-default":false,"origin-as":65001,"route-target":"rt-type16386:fde900000064"}');
  });

  it('the default route target is the zero-length prefix', () => {
    expect(decodeHex('00')).toBe('{"is-default":true,"origin-as":0,"route-target":"0:0"}');
    // An all-zero /96 is not the default (Ze says it is: rtc.md R3).
    expect(decodeHex('60' + '00'.repeat(12))).toBe('{"is-default":false,"origin-as":0,"route-target":"0:0"}');
  });

  it('partial route targets carry prefix-length; bits after it are cleared in the text only', () => {
    // /64: 32 route-target bits, type 0x0002 and AS 65001 (RFC 4684 §4: every RT starting so).
    expect(decodeHex('400000FDE90002FDE9')).toBe('{"is-default":false,"origin-as":65001,"prefix-length":64,"route-target":"0x0002fde9/32"}');
    // /44: origin AS + 12 bits of the RT type: 0x00 0x0F → 0x00 0x00 after clearing the low 4 bits.
    const m = decodeOne(ipv4Rtc, bytes('2C0000FDE9000F'));
    expect(toJson(ipv4Rtc, m)).toBe('{"is-default":false,"origin-as":65001,"prefix-length":44,"route-target":"0x0000/12"}');
    expect(toHex(encode(ipv4Rtc, m))).toBe('2C0000FDE9000F');
    expect(enc(ipv4Rtc.toArgs!(m))).toBe('2C0000FDE9000F');
  });

  it('decodes every NLRI (rtc-013, rtc-021)', () => {
    expect(decodeAll(ipv4Rtc, bytes('00' + '2000000064')).map((m) => m.prefixLength)).toEqual([0, 32]);
  });

  const errors: [string, string, string, number][] = [
    ['length 96 without data (rtc-009)', '60', 'truncated', 0],
    ['length 255 (rtc-010)', 'FF', 'truncated', 0],
    ['length 104 with 12 octets (rtc-019)', '680000FDE900020000FDE90064', 'truncated', 0],
    ['length 8 (rtc-020, RFC 4684 §4 minimum 32)', '0800', 'bad-length', 0],
    ['length 31', '1F00000000', 'bad-length', 0],
    ['length 97 (rtc-018)', '610000FDE900020000FDE9006400', 'bad-length', 0],
  ];
  it.each(errors)('%s', (_, hex, code, offset) => {
    const e = error(() => decodeAll(ipv4Rtc, bytes(hex)));
    expect(e.code).toBe(code);
    expect(e.offset).toBe(offset);
    expect(e.message).toMatch(/^rtc: /);
  });

  it('decode-nlri errors carry Ze\'s phrase', () => {
    expect(error(() => decodeHex('60')).message).toContain('parse RTC failed: rtc: truncated data');
    expect(error(() => decodeHex('00' + '0800')).offset).toBe(1);
  });
});

describe('encode-nlri args (ze-nlri grammar, docs/families/rtc.md)', () => {
  const ok: [string[], string][] = [
    [['default'], '00'],
    [['origin-as', '65001', 'route-target', '65001:100'], '600000FDE90002FDE900000064'],
    [['origin-as', '65001', 'route-target', '10.0.0.1:65535'], '600000FDE901020A000001FFFF'],
    [['origin-as', '65002', 'route-target', '4200000001:200'], '600000FDEA0202FA56EA0100C8'],
    [['origin-as', '65001', 'route-target', 'rt-type16386:fde900000064'], '600000FDE94002FDE900000064'],
    [['origin-as', '100'], '2000000064'],
    [['origin-as', '65001', 'route-target', '65001:0', 'prefix-length', '64'], '400000FDE90002FDE9'],
    [['origin-as', '65001', 'route-target', '65001:100', 'prefix-length', '50'], '320000FDE90002FD'],
    [['path-id', '5', 'origin-as', '100'], '2000000064'],
    // The bounds of each RT form (RFC 4360 §4, RFC 5668 §2), written byte by byte.
    [['origin-as', '65001', 'route-target', '255.255.255.255:65535'], '600000FDE90102FFFFFFFFFFFF'],
    [['origin-as', '65001', 'route-target', '0.0.0.0:0'], '600000FDE901020000000000'.padEnd(26, '0')],
    [['origin-as', '65001', 'route-target', '65535:4294967295'], '600000FDE90002FFFFFFFFFFFF'],
    [['origin-as', '65001', 'route-target', '4294967295:65535'], '600000FDE90202FFFFFFFFFFFF'],
    [['origin-as', '65001', 'route-target', '65536:0'], '600000FDE902020001000000'.padEnd(26, '0')],
    [['origin-as', '65001', 'route-target', 'rt-type65535:ffffffffffff'], '600000FDE9FFFFFFFFFFFFFFFF'],
  ];
  it.each(ok)('%j', (args, hex) => {
    expect(enc(args)).toBe(hex);
    // And back: toArgs of the decoded bytes gives the same bytes.
    expect(enc(ipv4Rtc.toArgs!(decodeOne(ipv4Rtc, bytes(hex))))).toBe(hex);
  });

  it('a four-octet-AS RT with a small AS, and a type Ze prints like another, keep their type through toArgs', () => {
    // 0x0200 type with AS 65001: Ze prints 65001:200, which would parse as 0x0002.
    const m = decodeOne(ipv4Rtc, bytes('600000FDEA02000000FDE900C8'));
    expect(ipv4Rtc.toArgs!(m)).toEqual(['origin-as', '65002', 'route-target', 'rt-type512:0000fde900c8']);
    expect(enc(ipv4Rtc.toArgs!(m))).toBe('600000FDEA02000000FDE900C8');
  });

  it('path-id goes into the model and is written with ADD-PATH', () => {
    expect(toHex(encode(ipv4Rtc, ipv4Rtc.fromArgs(['origin-as', '100', 'path-id', '5']), { addPath: true }))).toBe('000000052000000064');
  });

  const bad: [string[], string][] = [
    [[], 'origin-as required'],
    [['origin-as'], 'origin-as requires value'],
    [['origin-as', '4294967296'], 'invalid origin-as'],
    [['origin-as', '1', 'route-target', '65001'], 'invalid route-target'],
    [['origin-as', '1', 'route-target', '300.0.0.1:1'], 'invalid route-target'],
    [['origin-as', '1', 'route-target', '10.0.0.01:1'], 'bad IPv4 address 10.0.0.01'],
    [['origin-as', '1', 'route-target', '10.0.0:1'], 'bad IPv4 address 10.0.0'],
    [['origin-as', '1', 'route-target', '1.2.3.4.5:1'], 'bad IPv4 address 1.2.3.4.5'],
    [['origin-as', '1', 'route-target', '1..3.4:1'], 'bad IPv4 address 1..3.4'],
    [['origin-as', '1', 'route-target', '1.2.3.256:1'], 'bad IPv4 address 1.2.3.256'],
    [['origin-as', '1', 'route-target', '1.2.3.4:65536'], 'invalid route-target number'],
    [['origin-as', '1', 'route-target', 'rt-type65536:000000000000'], 'type 65536 out of range'],
    [['origin-as', '1', 'route-target', '65001:4294967296'], 'invalid route-target number'],
    [['origin-as', '1', 'route-target', '70000:65536'], 'invalid route-target number'],
    [['origin-as', '1', 'prefix-length', '64'], 'route-target required for prefix-length 64'],
    [['origin-as', '1', 'route-target', '1:1', 'prefix-length', '32'], 'route-target needs a prefix-length above 32'],
    [['origin-as', '1', 'route-target', '1:1', 'prefix-length', '97'], 'invalid prefix-length'],
    [['origin-as', '1', 'prefix-length', '8'], 'invalid prefix-length'],
    [['default', 'origin-as', '1'], 'default is the zero-length prefix'],
    [['rt', '1:1'], 'unknown argument: rt'],
  ];
  it.each(bad)('%j', (args, msg) => {
    const e = error(() => enc(args));
    expect(e.code).toBe('invalid-args');
    expect(e.message).toContain(msg);
  });
});

describe('encode: typed models are checked', () => {
  it.each([
    ['length 16', { prefixLength: 16, originAs: 0, routeTarget: new Uint8Array(0) }, 'invalid-model'],
    ['origin AS over 32 bits', { prefixLength: 32, originAs: 2 ** 32, routeTarget: new Uint8Array(0) }, 'invalid-model'],
    ['too few RT octets', { prefixLength: 96, originAs: 1, routeTarget: new Uint8Array(4) }, 'invalid-model'],
  ] as [string, RtcNlri, string][])('%s', (_, m, code) => {
    expect(error(() => encode(ipv4Rtc, m)).code).toBe(code);
  });
  it('a model holding all 8 RT octets writes only those its length covers', () => {
    const m: RtcNlri = { prefixLength: 48, originAs: 65001, routeTarget: bytes('0002FDE900000064') };
    expect(toHex(encode(ipv4Rtc, m))).toBe('300000FDE90002');
    expect(toJson(ipv4Rtc, m)).toBe('{"is-default":false,"origin-as":65001,"prefix-length":48,"route-target":"0x0002/16"}');
  });
});
