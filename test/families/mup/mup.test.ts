/**
 * BGP-MUP codec: each 3gpp-5g route type (draft-ietf-bess-mup-safi-00 §3.1.1-§3.1.4.1), Ze's
 * own shortened T1ST forms, the raw fallback, strict mode, errors, the typed model and Ze's
 * args grammar (spec mup.md §4). Expected bytes are written out from the draft's layouts or
 * taken from Ze's vectors.
 */
import { describe, expect, it } from 'vitest';
import { decodeAll, decodeOne, encode, NlriError, toJson, fromHex, toHex, defaultRegistry } from '../../../src/index.js';
import { ipv4Mup, ipv6Mup, samples, type MupNlri } from '../../../families/mup/index.js';
import { codecError as err } from '../../support/helpers.js';

const hex = (s: string): Uint8Array => fromHex(s.replace(/\s+/g, ''));
const decode4 = (h: string, strict = false): MupNlri => decodeOne(ipv4Mup, hex(h), { strict });
const decode6 = (h: string, strict = false): MupNlri => decodeOne(ipv6Mup, hex(h), { strict });
const json = (h: string, family = 'ipv4/mup'): string => defaultRegistry.decodeHex(family, h.replace(/\s+/g, ''));
const args = (a: string[], family = 'ipv4/mup'): string => defaultRegistry.encodeArgs(family, a);


const RD = '0000006400000064'; // 0:100:100

describe('decode: the draft layouts', () => {
  it('ISD (§3.1.1): prefix of ⌈bits/8⌉ octets, host bits kept', () => {
    expect(json(`01 0001 0C ${RD} 14 0A000F`)).toBe('{"arch-type":1,"prefix":"10.0.15.0/20","rd":"0:100:100","route-type":1}');
    expect(json(`01 0001 09 ${RD} 00`)).toBe('{"arch-type":1,"prefix":"0.0.0.0/0","rd":"0:100:100","route-type":1}');
  });
  it('ISD under ipv4/mup with an IPv6-sized prefix (Ze writes those) is read as IPv6; strict refuses it', () => {
    expect(json(`01 0001 11 ${RD} 40 2001000000000000`)).toContain('"prefix":"2001::/64"');
    expect(err(() => decode4(`01 0001 11 ${RD} 40 2001000000000000`, true)).code).toBe('malformed');
  });
  it('DSD (§3.1.2): the address size follows the data; strict wants the AFI size', () => {
    expect(json(`01 0002 18 ${RD} 20010000000000000000000000000001`)).toBe('{"address":"2001::1","arch-type":1,"rd":"0:100:100","route-type":2}');
    expect(err(() => decode4(`01 0002 18 ${RD} 20010000000000000000000000000001`, true)).message).toBe('mup: DSD address of 16 bytes under this AFI');
  });
  it('T1ST (§3.1.3.1) in the draft form, with source length 0', () => {
    const h = `01 0003 18 ${RD} 20 C0A80001 00003039 09 20 0A000001 00`;
    expect(json(h)).toBe('{"arch-type":1,"endpoint":"10.0.0.1","prefix":"192.168.0.1/32","qfi":9,"rd":"0:100:100","route-type":3,"teid":12345}');
    const m = decode4(h, true);
    expect(m.kind === 't1st' && m.source?.length).toBe(0);
    expect(toHex(encode(ipv4Mup, m))).toBe(h.replace(/\s+/g, ''));
  });
  it('T1ST in Ze\'s shortened forms (no source length; no endpoint): read, refused by strict', () => {
    const noSource = `01 0003 17 ${RD} 20 C0A80001 00003039 09 20 0A000001`;
    const noEndpoint = `01 0003 12 ${RD} 20 C0A80001 00003039 09`;
    expect(json(noEndpoint)).toBe('{"arch-type":1,"prefix":"192.168.0.1/32","qfi":9,"rd":"0:100:100","route-type":3,"teid":12345}');
    expect(err(() => decode4(noSource, true)).message).toBe('mup: T1ST without source length');
    expect(err(() => decode4(noEndpoint, true)).message).toBe('mup: T1ST without endpoint');
  });
  it('T1ST TEID 0 is malformed by the draft (strict only)', () => {
    const h = `01 0003 18 ${RD} 20 C0A80001 00000000 09 20 0A000001 00`;
    expect(json(h)).toContain('"teid":0');
    expect(err(() => decode4(h, true)).message).toBe('mup: T1ST TEID 0');
  });
  it('T2ST (§3.1.4.1): endpoint length = address bits + TEID bits', () => {
    expect(json(`01 0004 10 ${RD} 37 0A000001 003039`)).toBe(
      '{"arch-type":1,"endpoint":"10.0.0.1","rd":"0:100:100","route-type":4,"teid":12345,"teid-length":23}',
    );
    expect(json(`01 0004 1D ${RD} A0 20010000000000000000000000000001 00003039`, 'ipv6/mup')).toBe(
      '{"arch-type":1,"endpoint":"2001::1","rd":"0:100:100","route-type":4,"teid":12345,"teid-length":32}',
    );
    expect(json(`01 0004 0E ${RD} 21 0A000001 80`)).toContain('"teid":128,"teid-length":1');
  });
  it('T2ST with more than 32 TEID bits (draft maximum 64/160) is kept raw', () => {
    expect(decode4(`01 0004 12 ${RD} 48 0A000001 0000003039`).kind).toBe('raw');
  });
});

describe('decode: kept whole', () => {
  const cases = [
    `02 0001 0C ${RD} 180A0001`, // architecture 2
    `01 0005 04 01020304`, // route type 5
    `01 0001 0C ${RD} 0A000001`, // ISD prefix length 10 + stray octet (Ze test bgp-mup-1)
    `01 0001 0A ${RD} 21 00`, // ISD prefix length 33 with too few octets
    `01 0001 0A ${RD} 81 00`, // prefix length 129
    `01 0002 0B ${RD} 0A0000`, // DSD address of 3 octets
    `01 0003 1B ${RD} 20 C0A80001 00003039 09 20 0A000001 18 0A0001`, // source length 24
    `01 0003 17 ${RD} 20 C0A80001 00003039 09 21 0A000001`, // endpoint length 33
    `01 0004 0E ${RD} 28 0A000001 00`, // T2ST: 32 + 8 bits and one TEID octet agree (not raw)
  ];
  it.each(cases.slice(0, -1))('%s', (h) => {
    const m = decode4(h);
    expect(m.kind).toBe('raw');
    expect(toHex(encode(ipv4Mup, m))).toBe(h.replace(/\s+/g, ''));
    expect(JSON.parse(toJson(ipv4Mup, m)).raw).toBe(h.replace(/\s+/g, '').slice(8));
    expect(['malformed', 'unknown-type']).toContain(err(() => decode4(h, true)).code);
  });
  it('a T2ST whose length and octets agree is not raw', () => {
    expect(decode4(cases.at(-1)!).kind).toBe('t2st');
  });
});

describe('decode: truncation (Ze: parse MUP failed: mup: truncated data)', () => {
  it.each(['01', '010001', '01000110', 'FFFFFFFF', '0100010D0000FDE9000000640A000001'])('%s', (h) => {
    const e = err(() => decode4(h));
    expect(e.code).toBe('truncated');
    expect(e.message).toBe('mup: truncated data');
    expect(() => json(h)).toThrow('parse MUP failed: mup: truncated data');
  });
  it('several NLRIs decode one after the other', () => {
    const two = decodeAll(ipv6Mup, hex(`01 0002 0C ${RD} 0A000001 01 0001 09 ${RD} 00`));
    expect(two.map((m) => m.kind)).toEqual(['dsd', 'isd']);
  });
});

describe('samples', () => {
  it.each(samples)('$family $hex', (s) => {
    const codec = s.family === 'ipv4/mup' ? ipv4Mup : ipv6Mup;
    const m = decodeOne(codec, hex(s.hex));
    expect(toHex(encode(codec, m))).toBe(s.hex);
    expect(args([...s.args!], s.family)).toBe(s.hex);
    expect(codec.toArgs!(m)).toEqual(s.args);
  });
  it('cover the four route types and a raw one', () => {
    expect(new Set(samples.map((s) => s.hex.slice(2, 6)))).toEqual(new Set(['0001', '0002', '0003', '0004', '0005']));
  });
});

describe('encode from the typed model', () => {
  const rd = hex(RD);
  it('writes each route type', () => {
    expect(toHex(encode(ipv4Mup, { kind: 'isd', archType: 1, routeType: 1, rd, prefix: { v6: false, len: 24, addr: hex('0A0001') } }))).toBe(`0100010C${RD}180A0001`);
    expect(toHex(encode(ipv4Mup, { kind: 'dsd', archType: 1, routeType: 2, address: hex('0A000001') }))).toBe('010002040A000001');
    expect(
      toHex(encode(ipv4Mup, { kind: 't1st', archType: 1, routeType: 3, rd, prefix: { v6: false, len: 32, addr: hex('C0A80001') }, teid: 1, qfi: 2, endpoint: hex('0A000001'), source: hex('0A000002') })),
    ).toBe(`0100031C${RD}20C0A800010000000102200A000001200A000002`);
    expect(toHex(encode(ipv4Mup, { kind: 't2st', archType: 1, routeType: 4, rd, endpoint: hex('0A000001'), teidLength: 12, teid: 0xabc }))).toBe(`0100040F${RD}2C0A0000010ABC`);
    expect(toHex(encode(ipv4Mup, { kind: 'raw', archType: 9, routeType: 0x1234, raw: hex('FF') }))).toBe('09123401FF');
  });
  it('rejects impossible models with invalid-model', () => {
    const bad: unknown[] = [
      { kind: 'isd', archType: 2, routeType: 1, rd, prefix: { v6: false, len: 8, addr: hex('0A') } },
      { kind: 'isd', archType: 1, routeType: 1, rd, prefix: { v6: false, len: 33, addr: hex('0A') } },
      { kind: 'dsd', archType: 1, routeType: 2, rd: hex('00'), address: hex('0A000001') },
      { kind: 'dsd', archType: 1, routeType: 2, address: hex('0A00') },
      { kind: 't1st', archType: 1, routeType: 3, prefix: { v6: false, len: 0, addr: hex('') }, qfi: 256 },
      { kind: 't2st', archType: 1, routeType: 4, endpoint: hex('0A000001'), teidLength: 8, teid: 256 },
      { kind: 't2st', archType: 1, routeType: 4, endpoint: hex('0A000001'), teidLength: 224, teid: 0 },
      { kind: 'raw', archType: 256, routeType: 1, raw: hex('') },
      { kind: 'raw', archType: 1, routeType: 1, raw: new Uint8Array(256) },
    ];
    for (const m of bad) expect(err(() => encode(ipv4Mup, m as MupNlri)).code, JSON.stringify(m)).toBe('invalid-model');
  });
});

describe('args: Ze\'s grammar (mup.md §4)', () => {
  it('RD absent → no RD bytes; the family does not decide address sizes', () => {
    expect(args(['route-type', 'mup-dsd', 'address', '10.0.0.1'], 'ipv6/mup')).toBe('010002040A000001');
  });
  it('ISD prefix bytes are copied unmasked', () => {
    expect(args(['route-type', 'mup-isd', 'rd', '100:100', 'prefix', '10.0.15.1/20'])).toBe(`0100010C${RD}140A000F`);
  });
  it('T1ST defaults: no teid → no TEID field; qfi 0; no endpoint/source → no length octets', () => {
    expect(args(['route-type', 'mup-t1st', 'rd', '100:100', 'prefix', '10.0.0.0/8'])).toBe(`0100030B${RD}080A00`);
    expect(args(['route-type', 'mup-t1st', 'prefix', '10.0.0.0/8', 'teid', '5/0', 'source', '10.0.0.2'])).toBe('01000308080A00200A000002');
  });
  it('TEID text is lenient like Ze: bad numbers give 0, bad bit counts 32', () => {
    expect(args(['route-type', 'mup-t1st', 'prefix', '10.0.0.0/8', 'teid', 'abc'])).toBe('01000307080A0000000000');
    expect(args(['route-type', 'mup-t2st', 'address', '10.0.0.1', 'teid', '7/x'])).toBe('01000409400A00000100000007');
    expect(args(['route-type', 'mup-t2st', 'address', '10.0.0.1', 'teid', '1/2/3'])).toBe('01000409400A00000100000000');
  });
  it('T2ST partial TEID: the low-order octets of the value (mup.md §4.2)', () => {
    expect(args(['route-type', 'mup-t2st', 'rd', '100:100', 'address', '10.0.0.1', 'teid', '12345/23'])).toBe(`01000410${RD}370A000001003039`);
    expect(args(['route-type', 'mup-t2st', 'address', '10.0.0.1', 'teid', '4294967295/40'])).toBe('0100040A480A00000100FFFFFFFF');
  });
  it('unknown tokens are skipped one at a time; the last repeat wins; ipv6 takes a value', () => {
    expect(args(['colour', 'route-type', 'mup-dsd', 'address', '10.0.0.9', 'address', '10.0.0.1', 'ipv6', 'true'])).toBe('010002040A000001');
  });
  it('Ze\'s errors', () => {
    const cases: [string[], string][] = [
      [[], 'route-type required for MUP'],
      [['route-type', ''], 'route-type required for MUP'],
      [['route-type'], 'route-type requires value'],
      [['route-type', 'mup-isd', 'qfi'], 'qfi requires value'],
      [['route-type', 'mup-t1st', 'qfi', '256'], 'invalid qfi: strconv.ParseUint: parsing "256": value out of range'],
      [['route-type', 'isd'], 'unknown MUP route type: isd'],
      [['route-type', 'mup-isd', 'rd', 'x'], 'invalid RD "x": '],
      [['route-type', 'mup-isd'], 'MUP ISD requires prefix'],
      [['route-type', 'mup-isd', 'prefix', '10.0.0.0'], `invalid ISD prefix "10.0.0.0": netip.ParsePrefix("10.0.0.0"): no '/'`],
      [['route-type', 'mup-dsd'], 'MUP DSD requires address'],
      [['route-type', 'mup-dsd', 'address', '1.2.3'], 'invalid DSD address "1.2.3": ParseAddr("1.2.3"): IPv4 address too short'],
      [['route-type', 'mup-t1st'], 'MUP T1ST requires prefix'],
      [['route-type', 'mup-t1st', 'prefix', '1.0.0.0/8', 'endpoint', 'x'], 'invalid T1ST endpoint "x": ParseAddr("x"): unable to parse IP'],
      [['route-type', 'mup-t1st', 'prefix', '1.0.0.0/8', 'source', 'x'], 'invalid T1ST source "x"'],
      [['route-type', 'mup-t2st'], 'MUP T2ST requires address'],
      [['route-type', 'mup-t2st', 'address', 'x'], 'invalid T2ST endpoint "x"'],
      [['route-type', 'mup-t2st', 'address', '2001::1', 'teid', '1/128'], 'invalid T2ST teid "1/128"'],
      [['route-type', '5', 'prefix', '10.0.0.0/8'], 'takes only arch-type and raw'],
      [['route-type', '5', 'arch-type', '256'], 'invalid arch-type'],
      [['route-type', '70000'], 'unknown MUP route type: 70000'],
    ];
    for (const [a, msg] of cases) {
      const e = err(() => args(a));
      expect(e.code, a.join(' ')).toBe('invalid-args');
      expect(e.message, a.join(' ')).toContain(msg);
    }
  });
  it('extensions in args Ze refuses: source none, numeric route-type with arch-type and raw', () => {
    expect(args(['route-type', 'mup-t1st', 'prefix', '10.0.0.0/8', 'teid', '1', 'source', 'none'])).toBe('01000308080A000000010000');
    expect(args(['route-type', '7', 'arch-type', '3', 'raw', 'abcd'])).toBe('03000702ABCD');
    expect(args(['route-type', '0'])).toBe('01000000');
  });
});
