/**
 * 2- and 4-octet AS forms (RFC 6793 §3), the RFC 6793 §4.2 helpers, encode / fromJson / fromArgs
 * errors, and the args grammar (Ze's `update text` forms).
 */
import { describe, expect, it } from 'vitest';
import {
  AS_TRANS,
  asPathLength,
  mergeAs4Path,
  nextHopText,
  isMalformedOrigin,
  resolveAs4,
  splitForOldSpeaker,
  type AsPath,
} from '../../../attributes/path/index.js';
import { codec, ctx, decode, encode, json, thrown } from './helpers.js';

const seq = (...asns: number[]) => ({ type: 2, asns });
const set = (...asns: number[]) => ({ type: 1, asns });
const cseq = (...asns: number[]) => ({ type: 3, asns });
const path = (...segments: { type: number; asns: number[] }[]): AsPath => ({ segments });
const ip = (a: number, b: number, c: number, d: number) => new Uint8Array([a, b, c, d]);

describe('AS width (RFC 6793 §3)', () => {
  it('AS_PATH: the same path, 2 octets per ASN without the capability, 4 with it', () => {
    const m = path(seq(65000, 65001), set(1));
    expect(encode(2, m, ctx({ as4: false }))).toBe('0202FDE8FDE9' + '01010001');
    expect(encode(2, m, ctx({ as4: true }))).toBe('02020000FDE80000FDE9' + '010100000001');
  });
  it('the same bytes read differently by the session: 0201FDE80201FDE9', () => {
    expect(decode(2, '0201FDE80201FDE9', ctx({ as4: false }))).toEqual(path(seq(65000), seq(65001)));
    // Read with 4-octet ASNs, the first ASN is FDE80201 and the next "segment" has type 0xFD: malformed.
    const e = thrown(() => decode(2, '0201FDE80201FDE9', ctx({ as4: true })));
    expect([e.code, e.offset]).toEqual(['unknown-type', 6]);
  });
  it('a non-mappable ASN does not fit a 2-octet session: encode fails (AS_TRANS is the caller\'s choice)', () => {
    const e = thrown(() => encode(2, path(seq(4200000000)), ctx({ as4: false })));
    expect(e.code).toBe('invalid-model');
    expect(thrown(() => encode(7, { asn: 70000, address: ip(1, 2, 3, 4) }, ctx({ as4: false }))).code).toBe('invalid-model');
    expect(encode(7, { asn: 70000, address: ip(1, 2, 3, 4) }, ctx({ as4: true }))).toBe('0001117001020304');
  });
  it('AS4_PATH and AS4_AGGREGATOR are 4-octet on either session', () => {
    for (const as4 of [false, true]) {
      expect(encode(17, path(seq(1)), ctx({ as4 }))).toBe('020100000001');
      expect(encode(18, { asn: 1, address: ip(1, 2, 3, 4) }, ctx({ as4 }))).toBe('0000000101020304');
    }
  });
});

describe('RFC 6793 §4.2 helpers', () => {
  it('§4.2.2: AS_TRANS for non-mappable ASNs, AS4_PATH without confederation segments', () => {
    const p = path(cseq(65010), seq(4200000000, 65000));
    const out = splitForOldSpeaker(p, { asn: 4200000000, address: ip(192, 0, 2, 1) });
    expect(out.asPath).toEqual(path(cseq(65010), seq(AS_TRANS, 65000)));
    expect(out.as4Path).toEqual(path(seq(4200000000, 65000)));
    expect(out.aggregator).toEqual({ asn: AS_TRANS, address: ip(192, 0, 2, 1) });
    expect(out.as4Aggregator).toEqual({ asn: 4200000000, address: ip(192, 0, 2, 1) });
  });
  it('§4.2.2: no AS4_PATH / AS4_AGGREGATOR when every ASN is mappable', () => {
    const out = splitForOldSpeaker(path(seq(1, 2)), { asn: 3, address: ip(1, 1, 1, 1) });
    expect(out.as4Path).toBeUndefined();
    expect(out.as4Aggregator).toBeUndefined();
    expect(out.asPath).toEqual(path(seq(1, 2)));
  });
  it('§4.2.3: leading ASNs of AS_PATH prepended to AS4_PATH up to the AS_PATH length', () => {
    // An OLD speaker (AS 65001) prepended itself to a path a NEW speaker sent as [AS_TRANS 65000] + AS4_PATH [4200000000 65000].
    const merged = mergeAs4Path(path(seq(65001, AS_TRANS, 65000)), path(seq(4200000000, 65000)));
    expect(merged).toEqual(path(seq(65001, 4200000000, 65000)));
  });
  it('§4.2.3: AS4_PATH ignored when it is longer than AS_PATH', () => {
    const as2 = path(seq(AS_TRANS));
    expect(mergeAs4Path(as2, path(seq(4200000000, 4200000001)))).toBe(as2);
  });
  it('§4.2.3: AS_SET counts one, confederation segments zero, a leading confederation segment is kept', () => {
    const as2 = path(cseq(65010, 65011), seq(65001), set(AS_TRANS, 7));
    expect(asPathLength(as2)).toBe(2);
    const merged = mergeAs4Path(as2, path(set(4200000000, 7)));
    expect(merged).toEqual(path(cseq(65010, 65011), seq(65001), set(4200000000, 7)));
  });
  it('§6: confederation segments in AS4_PATH are discarded', () => {
    expect(mergeAs4Path(path(seq(AS_TRANS)), path(cseq(1), seq(4200000000)))).toEqual(path(seq(4200000000)));
  });
  it('§4.2.3: AGGREGATOR not AS_TRANS wins over AS4_AGGREGATOR, and AS4_PATH is ignored', () => {
    const a = { asn: 65000, address: ip(1, 1, 1, 1) };
    const a4 = { asn: 4200000000, address: ip(2, 2, 2, 2) };
    const as2 = path(seq(AS_TRANS));
    expect(resolveAs4(as2, a, path(seq(4200000000)), a4)).toEqual({ asPath: as2, aggregator: a });
    expect(resolveAs4(as2, { asn: AS_TRANS, address: ip(2, 2, 2, 2) }, path(seq(4200000000)), a4)).toEqual({ asPath: path(seq(4200000000)), aggregator: a4 });
  });
});

describe('encode and fromJson reject bad models', () => {
  const bad: [number, unknown][] = [
    [1, { value: 256 }],
    [2, path({ type: 5, asns: [1] })],
    [2, path({ type: 2, asns: [] })],
    [2, path({ type: 2, asns: new Array(256).fill(1) })],
    [2, path(seq(-1))],
    [3, { address: new Uint8Array(3) }],
    [4, { value: 2 ** 32 }],
    [5, { value: 1.5 }],
    [9, { id: new Uint8Array(16) }],
    [10, { ids: [] }],
    [17, path()],
    [26, { tlvs: [{ type: 1, metric: -1n }] }],
    [26, { tlvs: [{ type: 1, metric: 2n ** 64n }] }],
    [26, { tlvs: [{ type: 300, raw: new Uint8Array(0) }] }],
    [35, { asn: 2 ** 32 }],
  ];
  for (const [code, m] of bad) {
    it(`${codec(code).name} ${JSON.stringify(m, (_k, v) => (typeof v === 'bigint' ? String(v) : v instanceof Uint8Array ? `u8[${v.length}]` : v)).slice(0, 60)}`, () => {
      const e = thrown(() => encode(code, m));
      expect([e.code, e.offset]).toEqual(['invalid-model', -1]);
    });
  }
  const badJson: [number, unknown][] = [
    [1, 'IGP'],
    [1, 256],
    [2, [1, 'x']],
    [2, [2 ** 32]],
    [2, { segments: [{ asns: [1], type: 'as-nothing' }] }],
    [2, { segments: [{ asns: [], type: 'as-set' }] }],
    [2, { flat: [1, 2], segments: [{ asns: [1], type: 'as-set' }] }],
    [2, 'x'],
    [3, '2001:db8::1'],
    [3, '1.2.3'],
    [4, -1],
    [4, '1e3'],
    [6, false],
    [7, '65000'],
    [7, '65000:1.2.3.4.5'],
    [7, 'x:1.2.3.4'],
    [10, []],
    [10, ['1.2.3.4', 5]],
    [26, { metric: 2 ** 60 }],
    [26, { metric: '18446744073709551616' }],
    [26, {}],
    [26, { tlvs: [{ type: 5 }] }],
    [26, { tlvs: [{ raw: 'ZZ', type: 5 }] }],
    [26, { metric: 7, tlvs: [{ metric: 8, type: 1 }] }],
    [35, '65000x'],
  ];
  for (const [code, v] of badJson) {
    it(`${codec(code).name} fromJson ${JSON.stringify(v)}`, () => {
      const e = thrown(() => codec(code).fromJson(v, ctx()));
      expect([e.code, e.offset]).toEqual(['invalid-model', -1]);
    });
  }
  it('accepts integers as strings and bigints where above 2^53', () => {
    expect(encode(26, codec(26).fromJson({ metric: '9007199254740993' }, ctx()))).toBe('01000B0020000000000001');
    expect(encode(26, codec(26).fromJson({ metric: 9007199254740993n }, ctx()))).toBe('01000B0020000000000001');
  });
});

describe('args (Ze update text forms)', () => {
  const ok: [number, string[], string, { as4?: boolean }?][] = [
    [1, ['IGP'], '00'],
    [1, ['?'], '02'],
    [1, ['Incomplete'], '02'],
    [2, ['[65000,65001]'], '02020000FDE80000FDE9'],
    [2, ['[65000', '65001]'], '02020000FDE80000FDE9'],
    [2, ['[65000 65001]'], '02020000FDE80000FDE9'],
    [2, ['65000'], '02010000FDE8'],
    [2, ['65000', '65001'], '02020000FDE80000FDE9'],
    [2, ['65000,65001'], '02020000FDE80000FDE9'],
    [2, ['[]'], ''],
    [2, ['[', '1', '{2,3}', ']'], '020100000001010200000002' + '00000003'],
    [2, ['[', '(', '1', ')', '(', '{', '2', '}', ')', ']'], '030100000001040100000002'],
    [2, ['{1}', '{2}'], '010100000001010100000002'],
    [7, ['65000', '192.0.2.1'], 'FDE8C0000201', { as4: false }],
    [10, ['10.0.0.2'], '0A000002'],
    [10, ['10.0.0.2,10.0.0.3'], '0A0000020A000003'],
    [26, ['tlv', '5', 'abcd', '7'], '050005ABCD01000B0000000000000007'],
  ];
  for (const [code, args, hex, o] of ok) {
    it(`${codec(code).name} ${args.join(' ')}`, () => expect(encode(code, codec(code).fromArgs!(args), ctx(o))).toBe(hex));
  }
  const bad: [number, string[]][] = [
    [1, []],
    [1, ['igp', 'egp']],
    [1, ['bgp']],
    [1, ['256']],
    [2, ['[', '1']],
    [2, ['1', ']']],
    [2, ['[', '[', '1', ']', ']']],
    [2, ['x']],
    [2, ['4294967296']],
    [2, ['{', '1']],
    [2, ['1', '}']],
    [2, ['{', '}']],
    [2, ['{', '{', '1', '}', '}']],
    [2, ['(', ')']],
    [2, ['(', '1']],
    [2, ['1', ')']],
    [2, ['{', '(', '1', ')', '}']],
    [2, ['(', '(', '1', ')', ')']],
    [2, ['{', ...new Array(256).fill('1'), '}']],
    [3, ['1.2.3.4', '5.6.7.8']],
    [3, ['::1']],
    [4, ['-1']],
    [4, ['4294967296']],
    [5, ['0x10']],
    [6, ['true']],
    [7, ['65000']],
    [7, ['4294967296:1.2.3.4']],
    [9, ['1.2.3.4.5']],
    [10, ['[', ']']],
    [10, ['1.2.3']],
    [26, []],
    [26, ['-5']],
    [26, ['18446744073709551616']],
    [26, ['tlv', '5']],
    [26, ['tlv', '1', '00']],
    [26, ['tlv', '256', '00']],
    [26, ['tlv', '5', 'XYZ']],
    [35, ['as65000']],
  ];
  for (const [code, args] of bad) {
    it(`${codec(code).name} rejects ${args.join(' ').slice(0, 40) || '(nothing)'}`, () => {
      const e = thrown(() => codec(code).fromArgs!(args));
      expect([e.code, e.offset]).toEqual(['invalid-args', -1]);
    });
  }
  it('a 256-ASN sequence splits into 255 + 1 segments', () => {
    const m = codec(2).fromArgs!(['[', ...Array.from({ length: 256 }, (_, i) => String(i + 1)), ']']);
    expect(m.segments.map((s: { asns: number[] }) => s.asns.length)).toEqual([255, 1]);
  });
});

describe('helpers for the update layer', () => {
  it('nextHopText and isMalformedOrigin', () => {
    expect(nextHopText(decode(3, 'C0000201'))).toBe('192.0.2.1');
    expect(isMalformedOrigin(decode(1, '02'))).toBe(false);
    expect(isMalformedOrigin(decode(1, '03'))).toBe(true);
  });
  it('flags and RFC 7606 actions', () => {
    const got = [1, 2, 3, 4, 5, 6, 7, 9, 10, 17, 18, 26, 35].map((c) => [c, codec(c).flags, codec(c).onMalformed]);
    expect(got).toEqual([
      [1, 0x40, 'treat-as-withdraw'],
      [2, 0x40, 'treat-as-withdraw'],
      [3, 0x40, 'treat-as-withdraw'],
      [4, 0x80, 'treat-as-withdraw'],
      [5, 0x40, 'treat-as-withdraw'],
      [6, 0x40, 'attribute-discard'],
      [7, 0xc0, 'attribute-discard'],
      [9, 0x80, 'treat-as-withdraw'],
      [10, 0x80, 'treat-as-withdraw'],
      [17, 0xc0, 'attribute-discard'],
      [18, 0xc0, 'attribute-discard'],
      [26, 0x80, 'attribute-discard'],
      [35, 0xc0, 'treat-as-withdraw'],
    ]);
  });
  it('JSON of a model made by fromArgs', () => {
    expect(json(2, codec(2).fromArgs!(['[', '1', '{', '2', '}', ']']))).toBe('{"flat":[1,2],"segments":[{"asns":[1],"type":"as-sequence"},{"asns":[2],"type":"as-set"}]}');
  });
});
