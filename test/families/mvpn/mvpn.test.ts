/**
 * MCAST-VPN codec: every route type's layout (RFC 6514 §4.1-§4.6, RFC 6515 §2, RFC 6625 §4),
 * the raw fallback, strict mode, errors, the typed model and the args grammar. Expected bytes
 * and texts are written out by hand from the RFC layouts or taken from Ze's vectors.
 */
import { describe, expect, it } from 'vitest';
import { Parser } from 'binary-parser/dist/binary_parser.js'; // the package's exports map hides its types from NodeNext
import { decodeAll, decodeOne, encode, NlriError, toJson, fromHex, toHex, defaultRegistry } from '../../../src/index.js';
import { ipv4Mvpn, ipv6Mvpn, samples, type MvpnNlri } from '../../../families/mvpn/index.js';
import { codecError as err } from '../../support/helpers.js';

const hex = (s: string): Uint8Array => fromHex(s.replace(/\s+/g, ''));
const decode = (h: string, strict = false): MvpnNlri => decodeOne(ipv4Mvpn, hex(h), { strict });
const json = (h: string, family = 'ipv4/mvpn'): string => defaultRegistry.decodeHex(family, h.replace(/\s+/g, ''));
const args = (a: string[], family = 'ipv4/mvpn'): string => defaultRegistry.encodeArgs(family, a);


const RD = '0000FDE900000064'; // type 0, 65001:100

describe('decode: each RFC 6514 route type', () => {
  it('type 1 Intra-AS I-PMSI A-D (§4.1)', () => {
    expect(json(`01 0C ${RD} 0A000001`)).toBe('{"name":"intra-as-i-pmsi-ad","originator":"10.0.0.1","rd":"0:65001:100","route-type":1}');
  });
  it('type 1 with an IPv6 originator: the size follows from the length (RFC 6515 §2)', () => {
    expect(json(`01 18 ${RD} 20010DB8000000000000000000000001`, 'ipv6/mvpn')).toBe(
      '{"name":"intra-as-i-pmsi-ad","originator":"2001:db8::1","rd":"0:65001:100","route-type":1}',
    );
  });
  it('type 2 Inter-AS I-PMSI A-D (§4.2): a 4-octet source AS', () => {
    expect(json(`02 0C ${RD} FFFFFFFF`)).toBe('{"name":"inter-as-i-pmsi-ad","rd":"0:65001:100","route-type":2,"source-as":4294967295}');
  });
  it('type 3 S-PMSI A-D (§4.3), and its RFC 6625 wildcards', () => {
    expect(json(`03 16 ${RD} 20 0A010101 20 EF010101 0A000001`)).toBe(
      '{"group":"239.1.1.1","name":"s-pmsi-ad","originator":"10.0.0.1","rd":"0:65001:100","route-type":3,"source":"10.1.1.1"}',
    );
    expect(json(`03 0E ${RD} 00 00 0A000001`)).toBe(
      '{"group":"*","name":"s-pmsi-ad","originator":"10.0.0.1","rd":"0:65001:100","route-type":3,"source":"*"}',
    );
    expect(json(`03 12 ${RD} 00 20 EF010101 0A000001`)).toBe(
      '{"group":"239.1.1.1","name":"s-pmsi-ad","originator":"10.0.0.1","rd":"0:65001:100","route-type":3,"source":"*"}',
    );
  });
  it('type 4 Leaf A-D (§4.4): the route key is a whole NLRI and gives the RD', () => {
    const key = `03 16 0001C0000201 0007 20 0A010101 20 EF010101 0A000001`;
    expect(json(`04 1C ${key} 0A000002`)).toBe(
      '{"name":"leaf-ad","originator":"10.0.0.2","rd":"1:192.0.2.1:7","route-key":{"group":"239.1.1.1","name":"s-pmsi-ad","originator":"10.0.0.1","rd":"1:192.0.2.1:7","route-type":3,"source":"10.1.1.1"},"route-type":4}',
    );
  });
  it('type 4 whose route key is not an RFC 6514 route keeps the key raw', () => {
    expect(json(`04 07 09 01 AA 0A000002`)).toBe(
      '{"name":"leaf-ad","originator":"10.0.0.2","rd":"0:0:0","route-key":{"raw":"AA","rd":"0:0:0","route-type":9},"route-type":4}',
    );
  });
  it('type 5 Source Active A-D (§4.5) with IPv6 source and group (RFC 6515)', () => {
    expect(json('052A0000FDE80001869F80FD12000000000000000000000000000480FF0E0000000000000000000000000001', 'ipv6/mvpn')).toBe(
      '{"group":"ff0e::1","name":"source-active","rd":"0:65000:99999","route-type":5,"source":"fd12::4"}',
    );
  });
  it('types 6 and 7 C-multicast (§4.6), from Ze test encode/mvpn.ci', () => {
    expect(json('06160000FDE80001869F0000FDE8200A63C70120EFFBFFE4')).toBe(
      '{"group":"239.251.255.228","name":"shared-tree-join","rd":"0:65000:99999","route-type":6,"source":"10.99.199.1","source-as":65000}',
    );
    expect(json('07160000FDE80001869F0000FDE8200A630C0220EFFBFFE4')).toBe(
      '{"group":"239.251.255.228","name":"source-tree-join","rd":"0:65000:99999","route-type":7,"source":"10.99.12.2","source-as":65000}',
    );
  });
  it('RD types 1 and 2 and unknown RD types print as Ze prints them', () => {
    expect(json(`01 0C 0002FFFFFFFF0001 0A000001`)).toContain('"rd":"2:4294967295:1"');
    expect(json(`01 0C 0003FDE900000064 0A000001`)).toContain('"rd":"rd-type3:fde900000064"');
  });
});

describe('decode: payloads not in their layout are kept whole', () => {
  const cases: [string, string][] = [
    [`01 0B ${RD} 0A0000`, 'originator of 3 bytes'],
    [`02 0B ${RD} 000001`, 'source AS of 3 bytes'],
    [`03 0E ${RD} 18 00 0A000001`, 'source length 24 (only 0, 32, 128 exist)'],
    [`05 10 ${RD} 20 0A010101 20 EF01`, 'group cut short'],
    [`06 13 ${RD} 0000FDE8 20 0A010101 00 FF`, 'a byte after the group'],
    [`04 05 01 05 ${RD.slice(0, 6)}`, 'route key running past the payload'],
    [`00 00`, 'route type 0'],
    [`FF 01 AB`, 'route type 255'],
  ];
  it.each(cases)('%s (%s)', (h) => {
    const m = decode(h);
    expect(m.kind).toBe('raw');
    const bytes = hex(h);
    expect(toHex(encode(ipv4Mvpn, m))).toBe(toHex(bytes));
    expect(JSON.parse(toJson(ipv4Mvpn, m)).raw).toBe(toHex(bytes.subarray(2)));
  });
  it('strict mode rejects them', () => {
    for (const [h] of cases) {
      const e = err(() => decode(h, true));
      expect(['malformed', 'unknown-type']).toContain(e.code);
      expect(e.offset).toBe(0);
    }
    expect(err(() => decode('0904DEADBEEF', true)).message).toBe('mvpn: unknown route type 9');
    expect(err(() => decode(`04 07 09 01 AA 0A000002`, true)).code).toBe('unknown-type');
  });
});

describe('decode: truncation (Ze: parse MVPN failed: mvpn: truncated data)', () => {
  it.each(['01', '0110', 'FFFFFFFF', '010D0000FDE9000000640A000001'])('%s', (h) => {
    const e = err(() => decode(h));
    expect(e.code).toBe('truncated');
    expect(e.message).toBe('mvpn: truncated data');
    expect(e.family).toBe('ipv4/mvpn');
    expect(() => json(h)).toThrow('parse MVPN failed: mvpn: truncated data');
  });
  it('a truncated second NLRI fails the whole input at its offset', () => {
    const e = err(() => decodeAll(ipv4Mvpn, hex(`01 0C ${RD} 0A000001 01 0C`)));
    expect(e.offset).toBe(14);
  });
});

describe('decode: an independent reading of the C-multicast layout (binary-parser)', () => {
  const parser = new Parser()
    .uint8('type').uint8('length').buffer('rd', { length: 8 }).uint32be('sourceAs')
    .uint8('sourceBits').buffer('source', { length: (ctx: { sourceBits: number }) => ctx.sourceBits / 8 } as never)
    .uint8('groupBits').buffer('group', { length: (ctx: { groupBits: number }) => ctx.groupBits / 8 } as never);
  it.each(samples.filter((s) => s.hex.startsWith('06') || s.hex.startsWith('07')))('$hex', (s) => {
    const p = parser.parse(Buffer.from(hex(s.hex))) as { sourceAs: number; source: Buffer; group: Buffer };
    const m = decodeOne(ipv6Mvpn, hex(s.hex)) as Extract<MvpnNlri, { kind: 'shared-tree-join' | 'source-tree-join' }>;
    expect(m.sourceAs).toBe(p.sourceAs);
    expect(toHex(m.source)).toBe(toHex(p.source));
    expect(toHex(m.group)).toBe(toHex(p.group));
  });
});

describe('samples', () => {
  it.each(samples)('$family $hex: decode → encode gives the bytes; args give the bytes', (s) => {
    const codec = s.family === 'ipv4/mvpn' ? ipv4Mvpn : ipv6Mvpn;
    const m = decodeOne(codec, hex(s.hex), { strict: !s.hex.startsWith('09') });
    expect(toHex(encode(codec, m))).toBe(s.hex);
    expect(args([...s.args!], s.family)).toBe(s.hex);
    expect(codec.toArgs!(m)).toEqual(s.args);
  });
  it('cover all seven route types and an unknown one', () => {
    expect(new Set(samples.map((s) => s.hex.slice(0, 2)))).toEqual(new Set(['01', '02', '03', '04', '05', '06', '07', '09']));
  });
});

describe('encode from the typed model', () => {
  const rd = hex(RD);
  it('builds every type from plain objects', () => {
    const source = hex('0A010101');
    const group = hex('EF010101');
    const originator = hex('0A000001');
    const key: MvpnNlri = { kind: 's-pmsi-ad', type: 3, rd, source, group, originator };
    expect(toHex(encode(ipv4Mvpn, key))).toBe(`0316${RD}200A01010120EF0101010A000001`);
    expect(toHex(encode(ipv4Mvpn, { kind: 'leaf-ad', type: 4, routeKey: key, originator: hex('0A000002') }))).toBe(
      `041C0316${RD}200A01010120EF0101010A0000010A000002`,
    );
    expect(toHex(encode(ipv4Mvpn, { kind: 'inter-as-i-pmsi-ad', type: 2, rd, sourceAs: 65001 }))).toBe(`020C${RD}0000FDE9`);
    expect(toHex(encode(ipv4Mvpn, { kind: 'source-tree-join', type: 7, rd, sourceAs: 1, source: new Uint8Array(0), group }))).toBe(
      `0712${RD}000000010020EF010101`,
    );
    expect(toHex(encode(ipv4Mvpn, { kind: 'raw', type: 200, raw: hex('0102') }))).toBe('C8020102');
  });
  it('rejects impossible models with invalid-model', () => {
    const bad: unknown[] = [
      { kind: 'intra-as-i-pmsi-ad', type: 1, rd: hex('00'), originator: hex('0A000001') },
      { kind: 'intra-as-i-pmsi-ad', type: 1, rd, originator: new Uint8Array(0) },
      { kind: 's-pmsi-ad', type: 3, rd, source: hex('0A01'), group: hex('EF010101'), originator: hex('0A000001') },
      { kind: 'inter-as-i-pmsi-ad', type: 2, rd, sourceAs: 2 ** 32 },
      { kind: 'raw', type: 256, raw: new Uint8Array(0) },
      { kind: 'raw', type: 1, raw: new Uint8Array(256) },
      { kind: 'nothing', type: 1 },
    ];
    for (const m of bad) expect(err(() => encode(ipv4Mvpn, m as MvpnNlri)).code).toBe('invalid-model');
  });
});

describe('args', () => {
  it('take Ze configuration names and display names alike', () => {
    const h = '06160000FDE80001869F0000FDE8200A63C70120EFFBFFE4';
    expect(args(['shared-join', 'rp', '10.99.199.1', 'group', '239.251.255.228', 'rd', '65000:99999', 'source-as', '65000'])).toBe(h);
    expect(args(['shared-tree-join', 'source', '10.99.199.1', 'group', '239.251.255.228', 'rd', '0:65000:99999', 'source-as', '65000'])).toBe(h);
  });
  it('honour the explicit RD type (rd 2:100:1 is a type-2 RD)', () => {
    expect(args(['inter-as-i-pmsi-ad', 'rd', '2:100:1', 'source-as', '1'])).toBe('020C' + '0002000000640001' + '00000001');
  });
  it('fail with Ze-style messages', () => {
    const cases: [string[], string][] = [
      [[], 'MVPN route type required'],
      [['join'], 'unknown MVPN route type: join'],
      [['type-256', 'raw', ''], 'unknown MVPN route type: type-256'],
      [['intra-as-i-pmsi-ad', 'rd'], 'rd requires value'],
      [['intra-as-i-pmsi-ad', 'colour', 'red'], 'unknown MVPN argument: colour'],
      [['intra-as-i-pmsi-ad', 'rd', '1:1'], 'MVPN intra-as-i-pmsi-ad requires originator'],
      [['shared-join', 'group', '239.1.1.1', 'rd', '1:1', 'source-as', '1'], 'MVPN shared-join requires rp'],
      [['source-join', 'rp', '10.0.0.1'], 'MVPN source-join does not take rp'],
      [['intra-as-i-pmsi-ad', 'rd', '1:1', 'originator', '10.0.0.1', 'group', '239.1.1.1'], 'MVPN intra-as-i-pmsi-ad does not take group'],
      [['intra-as-i-pmsi-ad', 'rd', 'x', 'originator', '10.0.0.1'], 'invalid RD "x": '],
      [['intra-as-i-pmsi-ad', 'rd', '1:1', 'originator', '*'], 'invalid MVPN originator "*": ParseAddr("*"): unable to parse IP'],
      [['source-ad', 'rd', '1:1', 'source', '10.0.0.256', 'group', '*'], 'invalid MVPN source "10.0.0.256": ParseAddr("10.0.0.256"): IPv4 field has value >255'],
      [['inter-as-i-pmsi-ad', 'rd', '1:1', 'source-as', '4294967296'], 'invalid source-as: strconv.ParseUint: parsing "4294967296": value out of range'],
      [['leaf-ad', 'route-key', '0110', 'originator', '10.0.0.1'], 'invalid MVPN route-key "0110": mvpn: truncated data'],
      [['leaf-ad', 'route-key', '010000', 'originator', '10.0.0.1'], 'invalid MVPN route-key "010000": 1 bytes after the NLRI'],
      [['type-9'], 'MVPN type-9 requires raw'],
      [['type-9', 'raw', 'XY'], 'invalid MVPN raw "XY": invalid hex'],
      [['source-ad', 'raw', '00', 'rd', '1:1'], 'MVPN source-ad raw does not take rd'],
    ];
    for (const [a, msg] of cases) {
      const e = err(() => args(a));
      expect(e.code, a.join(' ')).toBe('invalid-args');
      expect(e.message, a.join(' ')).toContain(msg);
    }
  });
  it('raw works for any route type', () => {
    expect(args(['leaf-ad', 'raw', 'ABCD'])).toBe('0402ABCD');
    expect(args(['type-0', 'raw', ''])).toBe('0000');
  });
});
