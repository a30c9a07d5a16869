/**
 * Prefix-SID (RFC 8669, RFC 9252): samples, error paths with offsets (RFC 8669 §6 malformed
 * cases, RFC 9252 §3.1 minimum SID Information length), Ze's config forms, builders.
 */
import { describe, expect, it } from 'vitest';
import {
  codecs,
  labelIndexSid,
  prefixSid,
  prefixSidCodec as codec,
  samples,
  srv6L2Service,
  srv6L3Service,
  type PrefixSid,
} from '../../../attributes/prefix-sid/index.js';
import { bytes, codecError } from '../../support/helpers.js';
import { prefixSidMalformedAction } from '../../../attributes/prefix-sid/index.js';
import { checkSample, ctx, decodeHex, encodeHex, jsonOf } from '../pmsi/helpers.js';

describe('prefix-sid samples', () => {
  for (const s of samples) it(s.note, () => checkSample(codec, s));
});

describe('prefix-sid codec', () => {
  it('is optional transitive type 40, attribute-discard (RFC 8669 §6)', () => {
    expect(codec.code).toBe(40);
    expect(codec.name).toBe('prefix-sid');
    expect(codec.flags).toBe(0xc0);
    expect(codec.onMalformed).toBe('attribute-discard');
    expect(codecs).toEqual([codec]);
  });

  it('RFC 9252 §7 vs RFC 8669 §6: the action depends on the TLV the error is in', () => {
    const act = (hex: string): string => prefixSidMalformedAction(bytes(hex), codecError(() => decodeHex(codec, hex)));
    expect(act('010006000000000064')).toBe('attribute-discard');
    expect(act('')).toBe('attribute-discard');
    expect(act('01')).toBe('attribute-discard');
    expect(act('050004' + '00' + '010005')).toBe('treat-as-withdraw');
    expect(act('050000')).toBe('treat-as-withdraw');
    // An SRv6 Service TLV whose length runs past the attribute is a malformed SRv6 Service TLV.
    expect(act('060030' + '00')).toBe('treat-as-withdraw');
    // A bad TLV after a good SRv6 one: the bad one decides.
    expect(act('060001' + '00' + '03000700000000010000')).toBe('attribute-discard');
    expect(act('01000700000000000064' + '050000')).toBe('treat-as-withdraw');
  });

  it("Ze's config words give the same bytes as the canonical ones", () => {
    const ze = ['l3-service', '2001:db8::1', '0x48', '[64,24,16,0,0,0]'];
    expect(encodeHex(codec, codec.fromArgs!(ze))).toBe(samples[5]!.hex);
    expect(encodeHex(codec, codec.fromArgs!(['prefix-sid', 'label-index', '100']))).toBe(samples[0]!.hex);
    // Ze's update text (route_mup.go: `bgp-prefix-sid-srv6 ( l3-service ... )`) and config (`bgp-prefix-sid 777`).
    expect(encodeHex(codec, codec.fromArgs!(['bgp-prefix-sid-srv6', '(', ...ze, ')']))).toBe(samples[5]!.hex);
    expect(encodeHex(codec, codec.fromArgs!(['bgp-prefix-sid', '100']))).toBe(samples[0]!.hex);
  });

  it('several SRv6 TLVs and a sub-TLV of zero length still advance', () => {
    const hex = '050004' + '00' + '090000' + '060001' + '00';
    const m = decodeHex(codec, hex);
    expect(jsonOf(codec, m)).toBe('[{"name":"srv6-l3-service","sub-tlvs":[{"raw":"","type":9}],"type":5},{"name":"srv6-l2-service","sub-tlvs":[],"type":6}]');
    expect(encodeHex(codec, codec.fromArgs!(codec.toArgs!(m)))).toBe(hex);
  });
});

describe('prefix-sid errors', () => {
  const SID = '20010DB8000000000000000000000001';
  const cases: Array<[string, string, string, number]> = [
    ['TLV header cut', '01', 'truncated', 1],
    ['TLV length past the attribute (RFC 8669 §6)', '0100090000000000000064', 'truncated', 3],
    ['Label-Index length 6 (RFC 8669 §3.1: 7)', '010006000000000064', 'bad-length', 1],
    ['Label-Index length 8', '0100080000000000006400', 'bad-length', 1],
    ['second TLV bad after a good one', '01000700000000000064' + '010006000000000064', 'bad-length', 11],
    ['Originator SRGB length 7 (2 + 6n)', '03000700000000010000', 'bad-length', 1],
    ['Originator SRGB length 1', '03000100', 'bad-length', 1],
    ['Originator SRGB with no SRGB (length 2)', '0300020000', 'bad-length', 1],
    ['empty attribute (RFC 8669 §6 minimum length)', '', 'bad-length', 0],
    ['SRv6 Service TLV of length 0', '050000', 'bad-length', 1],
    ['sub-TLV past the service TLV', '050004' + '00' + '010005', 'truncated', 7],
    ['SID Information of 20 octets (RFC 9252 §3.1: 21), as Ze builds without a structure', '050018' + '00' + '010014' + '00' + SID + '00' + '0048', 'bad-length', 5],
    ['sub-sub-TLV header cut', '05001A' + '00' + '010016' + '00' + SID + '00' + '0013' + '00' + '01', 'truncated', 29],
    ['SID Structure of length 5', '050021' + '00' + '01001D' + '00' + SID + '00' + '0013' + '00' + '010005' + '2818100010', 'bad-length', 29],
    ['SID Structure past the sub-TLV', '050021' + '00' + '01001D' + '00' + SID + '00' + '0013' + '00' + '010006' + '2818100010', 'truncated', 31],
    ['unknown sub-sub-TLV past the sub-TLV', '05001C' + '00' + '010018' + '00' + SID + '00' + '0013' + '00' + '070005', 'truncated', 31],
  ];
  for (const [what, hex, code, offset] of cases) {
    it(what, () => {
      const e = codecError(() => decodeHex(codec, hex));
      expect([e.code, e.offset]).toEqual([code, offset]);
    });
  }

  it('invalid models', () => {
    const bad: PrefixSid[] = [
      { tlvs: [{ type: 1, reserved: 0, flags: 0, labelIndex: 2 ** 32 }] },
      { tlvs: [{ type: 3, flags: 0, srgb: [{ base: 0x1000000, range: 1 }] }] },
      { tlvs: [{ type: 5, reserved: 0, subTlvs: [{ type: 1, reserved1: 0, sid: new Uint8Array(4), sidFlags: 0, behavior: 0, reserved2: 0, subSubTlvs: [] }] }] },
      { tlvs: [{ type: 7 } as never] },
      { tlvs: [{ type: 300, raw: new Uint8Array(0) }] },
      {} as never,
    ];
    for (const m of bad) expect(codecError(() => encodeHex(codec, m)).code).toBe('invalid-model');
  });

  it('fromJson errors', () => {
    for (const v of [null, {}, [1], [{}], [{ type: 7 }], [{ type: 1 }], [{ type: 2, raw: 'XY' }], [{ type: 5, 'sub-tlvs': [{ type: 1, sid: '10.0.0.1', 'endpoint-behavior': 1 }] }], [{ type: 3, srgb: 'x' }]]) {
      expect(codecError(() => codec.fromJson(v, ctx)).code).toBe('invalid-model');
    }
  });

  it('args errors name the token', () => {
    const bad: Array<[string[], RegExp]> = [
      [[], /no TLV/],
      [['prefix-sid'], /no TLV/],
      [['label-index'], /missing value for label-index/],
      [['label-index', 'x'], /invalid label-index "x"/],
      [['label-index', '4294967296'], /invalid label-index/],
      [['srgb', 'abc'], /srgb wants <base>:<range>, got "abc"/],
      [['srgb', '16777216:1'], /invalid srgb base/],
      [['srv6-l3-service', '10.0.0.1'], /wants an IPv6 SID, got "10.0.0.1"/],
      [['srv6-l3-service', '2001:db8::1', 'structure', '1,2,3'], /want 6 comma-separated lengths/],
      [['srv6-l3-service', '2001:db8::1', 'behavior', '65536'], /invalid behavior/],
      [['bogus'], /unexpected "bogus"/],
    ];
    for (const [a, re] of bad) {
      const e = codecError(() => codec.fromArgs!(a));
      expect(e.code).toBe('invalid-args');
      expect(e.message).toMatch(re);
    }
  });
});

describe('prefix-sid builders', () => {
  it('labelIndexSid', () => {
    expect(encodeHex(codec, labelIndexSid(100))).toBe(samples[0]!.hex);
    expect(encodeHex(codec, labelIndexSid(100, { srgb: [[16000, 8000]] }))).toBe(samples[1]!.hex);
  });
  it('srv6L3Service / srv6L2Service', () => {
    expect(encodeHex(codec, srv6L3Service('2001:db8:1:1::', 19, { structure: [40, 24, 16, 0, 16, 64] }))).toBe(samples[3]!.hex);
    expect(encodeHex(codec, srv6L2Service('fc00:0:1:e000::', 23))).toBe(samples[4]!.hex);
    expect(codecError(() => srv6L3Service('10.0.0.1', 19)).code).toBe('invalid-args');
  });
  it('prefixSid joins TLVs in order', () => {
    expect(encodeHex(codec, prefixSid(labelIndexSid(100), srv6L2Service('fc00:0:1:e000::', 23)))).toBe(samples[0]!.hex + samples[4]!.hex);
  });
  it('text', () => {
    expect(codec.text!(labelIndexSid(100, { srgb: [[16000, 8000]] }))).toBe('prefix-sid label-index 100 srgb 16000:8000');
  });
});
