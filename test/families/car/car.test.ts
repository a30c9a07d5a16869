/**
 * BGP CAR / VPN CAR codec (RFC 9871; layouts of draft-ietf-idr-bgp-car §2.9 and §8): the generic
 * NLRI frame, NLRI types 1 and 2, the non-key TLVs, the §2.10 error classes (code and offset),
 * strict mode, lossless unknowns, ADD-PATH (RFC 7911 §3), JSON and args (docs/families/car.md).
 * No published example or independent decoder exists: every expected byte string is built here
 * field by field from the draft's figures by `frame()`, independent of the codec under test.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeAll, decodeOne, encode, toJson } from '../../../src/registry/ops.js';
import { Registry } from '../../../src/registry/registry.js';
import { toHex } from '../../../src/core/hex.js';
import { NlriError } from '../../../src/core/errors.js';
import { codecs, ipv4Car, ipv4VpnCar, ipv6Car, ipv6VpnCar, samples } from '../../../families/car/index.js';
import type { CarNlri } from '../../../families/car/index.js';
import { arbitraries } from '../../../fuzz/arbitraries/car.js';
import { checkBytes, checkModel } from '../../../fuzz/checks.js';
import { bytes, codecError as error } from '../../support/helpers.js';

const reg = new Registry(codecs);
const h2 = (n: number): string => n.toString(16).toUpperCase().padStart(2, '0');

/** NLRI Length | Key Length | NLRI Type | key | TLVs (Type | Length | Value) | rest. */
function frame(type: number, key: string, tlvs: [number, string][] = [], rest = ''): string {
  const body = tlvs.map(([t, v]) => h2(t) + h2(v.length / 2) + v).join('') + rest;
  const len = 2 + key.length / 2 + body.length / 2;
  return (h2(len) + h2(key.length / 2) + h2(type) + key + body).toUpperCase();
}
/** Type 1 key: prefix length | [RD] | prefix octets | color. */
const key1 = (plen: number, prefix: string, color: number, rd = ''): string => h2(plen) + rd + prefix + color.toString(16).padStart(8, '0');
/** One 3-octet label entry (RFC 8277 §2.3): label(20) | Rsrv(3) | S(1). */
const entry = (label: number, s: boolean, tc = 0): string => ((label << 4) | (tc << 1) | (s ? 1 : 0)).toString(16).toUpperCase().padStart(6, '0');

const E1 = key1(32, 'C0000201', 100); // (192.0.2.1, 100)

describe('CAR frame and NLRI type 1 (draft-ietf-idr-bgp-car §2.9.1-2.9.2)', () => {
  it('decodes prefix, color and a Label TLV; the model holds views', () => {
    const hex = frame(1, E1, [[0x01, entry(16001, true)]]);
    expect(hex).toBe(samples[0]!.hex);
    const input = bytes(hex);
    const m = decodeOne(ipv4Car, input) as CarNlri;
    expect([m.nlriType, m.color, m.prefix!.len]).toEqual([1, 100, 32]);
    expect(m.prefix!.addr.buffer).toBe(input.buffer);
    expect(m.tlvs[0]!.value.byteOffset).toBe(14);
    expect(toJson(ipv4Car, m)).toBe('{"color":100,"nlri-type":1,"prefix":"192.0.2.1/32","tlvs":[{"labels":[16001],"type":1}]}');
  });

  it('a label stack in one Label TLV, outermost first (§2.9.2.1, RFC 8277 §2.3)', () => {
    const hex = frame(1, E1, [[0x01, entry(16001, false) + entry(24001, true)]]);
    expect(reg.decodeHex('ipv4/car', hex)).toBe('{"color":100,"nlri-type":1,"prefix":"192.0.2.1/32","tlvs":[{"labels":[16001,24001],"type":1}]}');
    expect(reg.encodeArgs('ipv4/car', ['prefix', '192.0.2.1/32', 'color', '100', 'label', '16001', 'label', '24001'])).toBe(hex);
  });

  it('Label Index TLV: Reserved, Flags, Label Index (§2.9.2.2); T bit shown, reserved shown when not 0', () => {
    expect(reg.decodeHex('ipv4/car', frame(1, E1, [[0x42, '00' + '0000' + '00000002']]))).toBe(
      '{"color":100,"nlri-type":1,"prefix":"192.0.2.1/32","tlvs":[{"flags":0,"label-index":2,"transitive":true,"type":2}]}',
    );
    expect(reg.decodeHex('ipv4/car', frame(1, E1, [[0x02, '07' + '8001' + 'FFFFFFFF']]))).toBe(
      '{"color":100,"nlri-type":1,"prefix":"192.0.2.1/32","tlvs":[{"flags":32769,"label-index":4294967295,"reserved":7,"type":2}]}',
    );
  });

  it('SRv6 SID TLV: SIDs (multiples of 16) or a transposition (1..15 octets) (§2.9.2.3)', () => {
    const k6 = key1(128, '20010DB8000000000000000000000001', 200);
    const two = '20010DB8010000000000000000000001' + 'FC000000000000000000000000000000';
    expect(reg.decodeHex('ipv6/car', frame(1, k6, [[0x03, two]]))).toBe(
      '{"color":200,"nlri-type":1,"prefix":"2001:db8::1/128","tlvs":[{"sids":["2001:db8:100::1","fc00::"],"type":3}]}',
    );
    expect(reg.decodeHex('ipv6/car', frame(1, k6, [[0x03, 'ABCDEF']]))).toBe(
      '{"color":200,"nlri-type":1,"prefix":"2001:db8::1/128","tlvs":[{"transposition":"ABCDEF","type":3}]}',
    );
  });

  it('IPv4 key lengths 5..9 and IPv6 5..21 (§2.9.2): /0 has no prefix octets', () => {
    expect(reg.decodeHex('ipv4/car', frame(1, key1(0, '', 7)))).toBe('{"color":7,"nlri-type":1,"prefix":"0.0.0.0/0"}');
    expect(reg.decodeHex('ipv6/car', frame(1, key1(0, '', 7)))).toBe('{"color":7,"nlri-type":1,"prefix":"::/0"}');
    expect(reg.decodeHex('ipv6/car', frame(1, key1(127, '20010DB80000000000000000000000FF', 1)))).toBe('{"color":1,"nlri-type":1,"prefix":"2001:db8::fe/127"}');
  });

  it('host bits are cleared in the text and kept on the wire (RFC 4271 §4.3)', () => {
    const hex = frame(1, key1(23, 'C00003', 1));
    expect(reg.decodeHex('ipv4/car', hex)).toBe('{"color":1,"nlri-type":1,"prefix":"192.0.2.0/23"}');
    expect(toHex(encode(ipv4Car, decodeOne(ipv4Car, bytes(hex))))).toBe(hex);
  });

  it('NLRI type 2 (IP Prefix): prefix only (no color)', () => {
    expect(reg.decodeHex('ipv4/car', frame(2, '18C63364', [[0x01, entry(3000, true)]]))).toBe(
      '{"nlri-type":2,"prefix":"198.51.100.0/24","tlvs":[{"labels":[3000],"type":1}]}',
    );
  });

  it('several NLRIs back to back: NLRI Length locates each (RFC 4760 §5, §2.10)', () => {
    const two = frame(1, E1, [[0x01, entry(16001, true)]]) + frame(1, key1(32, 'C0000202', 100));
    expect(reg.decodeHex('ipv4/car', two)).toBe(
      '[{"color":100,"nlri-type":1,"prefix":"192.0.2.1/32","tlvs":[{"labels":[16001],"type":1}]},{"color":100,"nlri-type":1,"prefix":"192.0.2.2/32"}]',
    );
  });

  it('ADD-PATH: a path id before each NLRI (RFC 7911 §3)', () => {
    const hex = '00000005' + frame(1, E1);
    expect(reg.decodeHex('ipv4/car', hex, { addPath: true })).toBe('{"color":100,"nlri-type":1,"path-id":5,"prefix":"192.0.2.1/32"}');
    expect(toHex(encode(ipv4Car, decodeOne(ipv4Car, bytes(hex), { addPath: true }), { addPath: true }))).toBe(hex);
  });
});

describe('VPN CAR (SAFI 84, draft §8): the RD after the prefix length octet', () => {
  const RD = '0000FDE800000064';
  it('type 1 and type 2 keys', () => {
    const hex = frame(1, key1(32, 'C0000201', 100, RD), [[0x01, entry(16001, true)]]);
    expect(hex).toBe('181101200000FDE800000064C000020100000064010303E811');
    expect(reg.decodeHex('ipv4/vpn-car', hex)).toBe('{"color":100,"nlri-type":1,"prefix":"192.0.2.1/32","rd":"0:65000:100","tlvs":[{"labels":[16001],"type":1}]}');
    expect(reg.decodeHex('ipv6/vpn-car', frame(2, '30' + RD + '20010DB80001'))).toBe('{"nlri-type":2,"prefix":"2001:db8:1::/48","rd":"0:65000:100"}');
  });
  it('a key length without room for the RD conflicts with the prefix length (bad-length at the Key Length)', () => {
    const e = error(() => decodeOne(ipv4VpnCar, bytes(frame(1, E1))));
    expect([e.code, e.offset, e.family]).toEqual(['bad-length', 1, 'ipv4/vpn-car']);
  });
  it('args need rd on VPN CAR and refuse it on CAR', () => {
    expect(error(() => reg.encodeArgs('ipv4/vpn-car', ['prefix', '192.0.2.1/32', 'color', '1'])).message).toContain('rd required');
    expect(error(() => reg.encodeArgs('ipv4/car', ['rd', '0:1:1', 'prefix', '192.0.2.1/32', 'color', '1'])).message).toContain('VPN CAR');
  });
});

describe('§2.10 errors that stop the parse: code and offset', () => {
  it.each([
    ['NLRI Length past the input', '10090120C0000201', 'truncated', 0],
    ['no length octet', '', 'truncated', 0],
    ['NLRI Length 1', '0101', 'bad-length', 0],
    ['NLRI Length 0', '00', 'bad-length', 0],
    ['Key Length above NLRI Length − 2', '040301AABB', 'bad-length', 1],
    ['type 1 with key length 0', '020001', 'bad-length', 1],
    ['prefix length 33', frame(1, key1(33, 'C000020100', 1)), 'bad-length', 3],
    ['key length conflicts with prefix length (one octet short)', frame(1, '20C00002' + '00000064'), 'bad-length', 1],
    ['key length conflicts with prefix length (type 2 with a color)', frame(2, '20C0000201' + '00000064'), 'bad-length', 1],
  ])('%s', (_, hex, code, offset) => {
    const e = error(() => decodeOne(ipv4Car, bytes(hex)));
    expect([e.code, e.offset, e.family]).toEqual([code, offset, 'ipv4/car']);
  });

  it('IPv6 prefix length 129 is bad-length at the prefix length octet', () => {
    const e = error(() => decodeOne(ipv6Car, bytes(frame(1, key1(129, '00'.repeat(17), 1)))));
    expect([e.code, e.offset]).toEqual(['bad-length', 3]);
  });

  it('the offset of an error in a second NLRI counts from the input start', () => {
    const first = frame(1, E1);
    const e = error(() => decodeAll(ipv4Car, bytes(first + '040301AABB')));
    expect([e.code, e.offset]).toEqual(['bad-length', first.length / 2 + 1]);
  });

  it('lossless: Ze’s parsed:false record for the rest of the input, written back', () => {
    const input = frame(1, E1) + '040301AABB';
    expect(reg.decodeHex('ipv4/car', input)).toBe('[{"color":100,"nlri-type":1,"prefix":"192.0.2.1/32"},{"parsed":false,"raw":"040301AABB"}]');
    expect(toHex(encode(ipv4Car, decodeAll(ipv4Car, bytes(input), { lossless: true })))).toBe(input);
  });
});

describe('§2.10 treat-as-withdraw cases and TLV rules: kept by default, refused in strict mode', () => {
  const tlvAt = 3 + 9; // length, key length, type, 9 key octets
  it('a TLV running past the NLRI: rest (default) or malformed at the TLV (strict)', () => {
    const hex = frame(1, E1, [], '0105' + 'AABB');
    expect(reg.decodeHex('ipv4/car', hex)).toBe('{"color":100,"nlri-type":1,"prefix":"192.0.2.1/32","rest":"0105AABB"}');
    expect(toHex(encode(ipv4Car, decodeOne(ipv4Car, bytes(hex))))).toBe(hex);
    const e = error(() => decodeOne(ipv4Car, bytes(hex), { strict: true }));
    expect([e.code, e.offset]).toEqual(['malformed', tlvAt]);
  });

  it('one octet left after the TLVs: rest (default) or malformed (strict)', () => {
    const hex = frame(1, E1, [[0x01, entry(1, true)]], '7F');
    expect(reg.decodeHex('ipv4/car', hex)).toBe('{"color":100,"nlri-type":1,"prefix":"192.0.2.1/32","rest":"7F","tlvs":[{"labels":[1],"type":1}]}');
    const e = error(() => decodeOne(ipv4Car, bytes(hex), { strict: true }));
    expect([e.code, e.offset]).toEqual(['malformed', tlvAt + 5]);
  });

  it.each([
    ['Label TLV of 4 octets', 0x01, '00001100'],
    ['Label TLV of 0 octets', 0x01, ''],
    ['Label TLV without S on the last label', 0x01, entry(5, false)],
    ['Label TLV with S on the first of two', 0x01, entry(5, true) + entry(6, true)],
    ['Label Index TLV of 6 octets', 0x42, '000000000002'],
    ['SRv6 SID TLV of 17 octets', 0x03, '00'.repeat(17)],
    ['SRv6 SID TLV of 0 octets', 0x03, ''],
  ])('%s: value kept raw (default), malformed at the TLV (strict)', (_, type, value) => {
    const hex = frame(1, E1, [[type, value]]);
    const t = type & 0x40 ? ',"transitive":true' : '';
    expect(reg.decodeHex('ipv4/car', hex)).toBe(`{"color":100,"nlri-type":1,"prefix":"192.0.2.1/32","tlvs":[{${t.slice(1)}${t ? ',' : ''}"type":${type & 0x3f},"value":"${value}"}]}`);
    expect(toHex(encode(ipv4Car, decodeOne(ipv4Car, bytes(hex))))).toBe(hex);
    const e = error(() => decodeOne(ipv4Car, bytes(hex), { strict: true }));
    expect([e.code, e.offset]).toEqual(['malformed', tlvAt]);
  });

  it('a label with Rsrv (TC) bits set is shown raw, never hidden (strict accepts it)', () => {
    const hex = frame(1, E1, [[0x01, entry(5, true, 3)]]);
    expect(reg.decodeHex('ipv4/car', hex, { strict: true })).toBe('{"color":100,"nlri-type":1,"prefix":"192.0.2.1/32","tlvs":[{"type":1,"value":"000057"}]}');
  });

  it('the R bit is shown (ignored on receipt, §2.9.2), unknown TLV codes kept raw, repeated types all kept', () => {
    const hex = frame(1, E1, [[0x81, entry(7, true)], [0x3f, 'CAFE'], [0x01, entry(8, true)]]);
    expect(reg.decodeHex('ipv4/car', hex, { strict: true })).toBe(
      '{"color":100,"nlri-type":1,"prefix":"192.0.2.1/32","tlvs":[{"labels":[7],"reserved-bit":true,"type":1},{"type":63,"value":"CAFE"},{"labels":[8],"type":1}]}',
    );
    const m = decodeOne(ipv4Car, bytes(hex));
    expect(toHex(encode(ipv4Car, m))).toBe(hex);
    expect(toHex(encode(ipv4Car, ipv4Car.fromArgs(ipv4Car.toArgs!(m))))).toBe(hex);
  });

  it('an unknown NLRI type keeps key and non-key octets raw (§2.9.1: the key length makes it opaque)', () => {
    expect(reg.decodeHex('ipv6/car', frame(200, 'AABBCC', [], '0102'), { strict: true })).toBe('{"key":"AABBCC","nlri-type":200,"rest":"0102"}');
    expect(reg.decodeHex('ipv4/car', '020000')).toBe('{"key":"","nlri-type":0}');
  });
});

describe('args grammar (docs/families/car.md)', () => {
  it('builds every TLV kind in order', () => {
    const hex = frame(1, E1, [[0x01, entry(16, true)], [0x42, '00000000000009'], [0x03, '20010DB8000000000000000000000001'], [0x03, 'AB'], [0x45, 'DEAD']]);
    const args = ['prefix', '192.0.2.1/32', 'color', '100', 'label', '16', 'label-index', '9', 'srv6-sid', '2001:db8::1', 'srv6-transposition', 'AB', 'tlv', '0x45:DEAD'];
    expect(reg.encodeArgs('ipv4/car', args)).toBe(hex);
    expect(reg.encodeArgs('ipv4/car', ['nlri-type', '1', ...args.slice(0, 4), 'tlv', '69:dead'])).toBe(frame(1, E1, [[0x45, 'DEAD']]));
    expect(reg.encodeArgs('ipv4/car', ['nlri-type', '7', 'key', 'C0FFEE', 'rest', '00'])).toBe(frame(7, 'C0FFEE', [], '00'));
    const m = ipv4Car.fromArgs([...args, 'path-id', '3']);
    expect(m.pathId).toBe(3);
    expect(toHex(encode(ipv4Car, ipv4Car.fromArgs(ipv4Car.toArgs!(m))))).toBe(hex);
  });

  it('two Label TLVs in a row come back through toArgs as label + tlv', () => {
    const hex = frame(1, E1, [[0x01, entry(1, true)], [0x01, entry(2, true)]]);
    const m = decodeOne(ipv4Car, bytes(hex));
    expect(ipv4Car.toArgs!(m)).toEqual(['nlri-type', '1', 'prefix', '192.0.2.1/32', 'color', '100', 'label', '1', 'tlv', '0x01:000021']);
    expect(reg.encodeArgs('ipv4/car', ipv4Car.toArgs!(m))).toBe(hex);
  });

  it.each([
    [['color', '1'], 'prefix required'],
    [['prefix', '192.0.2.1/32'], 'color required'],
    [['nlri-type', '2', 'prefix', '192.0.2.1/32', 'color', '1'], 'no color'],
    [['prefix', '2001:db8::/32', 'color', '1'], 'not an IPv4 prefix'],
    [['prefix', '192.0.2.1/32', 'color', '4294967296'], 'invalid color'],
    [['prefix', '192.0.2.1/32', 'color', '1', 'label', '1048576'], 'label out of range'],
    [['prefix', '192.0.2.1/32', 'color', '1', 'srv6-sid', '10.0.0.1'], 'not an IPv6 address'],
    [['prefix', '192.0.2.1/32', 'color', '1', 'srv6-transposition', '00'.repeat(16)], '1..15 octets'],
    [['prefix', '192.0.2.1/32', 'color', '1', 'tlv', '5'], '<type>:<hex>'],
    [['prefix', '192.0.2.1/32', 'color', '1', 'tlv', '256:00'], 'invalid tlv type'],
    [['prefix', '192.0.2.1/32', 'color', '1', 'tlv', '5:0'], 'not hex octets'],
    [['prefix', '192.0.2.1/32', 'color', '1', 'color', '2'], 'given twice'],
    [['prefix', '192.0.2.1/32', 'color'], 'needs a value'],
    [['prefix', '192.0.2.1/32', 'colour', '1'], 'unknown keyword'],
    [['nlri-type', '9', 'prefix', '192.0.2.1/32'], 'takes key'],
    [['nlri-type', '9'], 'key required'],
    [['nlri-type', '9', 'key', '00', 'label', '1'], 'rest <hex>'],
    [['key', '00', 'prefix', '192.0.2.1/32', 'color', '1'], 'key is for NLRI types other'],
    [['prefix', '192.0.2.1/32', 'color', '1', 'rest', '00'.repeat(250)], 'exceeds 255'],
  ])('%j → %s', (args, msg) => {
    const e = error(() => reg.encodeArgs('ipv4/car', args));
    expect(['invalid-args', 'too-long']).toContain(e.code);
    expect(e.message).toContain(msg);
  });
});

describe('models that cannot be encoded', () => {
  const good = (): CarNlri => decodeOne(ipv4Car, bytes(samples[0]!.hex)) as CarNlri;
  it.each([
    ['a VPN CAR model on CAR', (m: CarNlri) => ({ ...m, vpn: true })],
    ['an IPv6 prefix on ipv4', (m: CarNlri) => ({ ...m, prefix: { v6: true, len: 32, addr: new Uint8Array(4) } })],
    ['no prefix', (m: CarNlri) => ({ ...m, prefix: undefined })],
    ['a negative color', (m: CarNlri) => ({ ...m, color: -1 })],
    ['an RD on CAR', (m: CarNlri) => ({ ...m, rd: new Uint8Array(8) })],
    ['a TLV type of 256', (m: CarNlri) => ({ ...m, tlvs: [{ type: 256, value: new Uint8Array(0) }] })],
    ['an unknown type without key', (m: CarNlri) => ({ ...m, nlriType: 9 })],
    ['no tlvs array', (m: CarNlri) => ({ ...m, tlvs: undefined })],
    ['an NLRI type of 256', (m: CarNlri) => ({ ...m, nlriType: 256 })],
    ['a type 2 with a color', (m: CarNlri) => ({ ...m, nlriType: 2 })],
  ])('%s: invalid-model', (_, f) => {
    expect(error(() => encode(ipv4Car, f(good()) as CarNlri)).code).toBe('invalid-model');
  });
  it('over 255 octets: too-long', () => {
    const m = { ...good(), tlvs: [{ type: 5, value: new Uint8Array(250) }] };
    expect(error(() => encode(ipv4Car, m)).code).toBe('too-long');
    expect(error(() => encode(ipv4Car, { ...good(), tlvs: [{ type: 5, value: new Uint8Array(256) }] })).code).toBe('too-long');
  });
  it('VPN CAR needs an 8-octet RD', () => {
    const m = decodeOne(ipv4VpnCar, bytes('181101200000FDE800000064C000020100000064010303E811')) as CarNlri;
    expect(error(() => encode(ipv4VpnCar, { ...m, rd: new Uint8Array(4) })).code).toBe('invalid-model');
  });
});

describe('samples and properties (fast-check)', () => {
  it.each(samples.map((s, i) => [`${s.family} #${i}`, s] as const))('%s: canonical, strict, args, toArgs', (_, s) => {
    const c = reg.require(s.family);
    const m = decodeOne(c, bytes(s.hex), { strict: true });
    expect(toHex(encode(c, m))).toBe(s.hex);
    expect(reg.encodeArgs(s.family, s.args!)).toBe(s.hex);
    expect(toHex(encode(c, c.fromArgs(c.toArgs!(m))))).toBe(s.hex);
    expect(typeof c.text!(m)).toBe('string');
  });

  for (const c of [ipv4Car, ipv6Car, ipv4VpnCar, ipv6VpnCar]) {
    it(`${c.name}: random bytes give a value or an NlriError (default, strict, ADD-PATH)`, () => {
      fc.assert(
        fc.property(fc.uint8Array({ maxLength: 64 }), fc.boolean(), fc.boolean(), (b, addPath, strict) => {
          const r = checkBytes(c, b, { addPath, strict });
          if (r.finding) throw new Error(r.finding.problem);
        }),
        { numRuns: 1500 },
      );
    });
    it(`${c.name}: framed random NLRIs (valid lengths, random content) give a value or an NlriError`, () => {
      fc.assert(
        fc.property(fc.integer({ min: 0, max: 3 }), fc.uint8Array({ maxLength: 60 }), fc.boolean(), (type, body, strict) => {
          const b = Uint8Array.of(body.length + 2, Math.min(body.length, body[0] ?? 0), type, ...body);
          const r = checkBytes(c, b, { strict });
          if (r.finding) throw new Error(r.finding.problem);
        }),
        { numRuns: 1500 },
      );
    });
    it(`${c.name}: model → bytes → model → the same bytes and JSON`, () => {
      fc.assert(
        fc.property(arbitraries[c.name as keyof typeof arbitraries], (m) => {
          const f = checkModel(c, m);
          if (f) throw new Error(`${f.problem} (${f.hex})`);
        }),
        { numRuns: 400 },
      );
    });
  }

  it('nothing but NlriError escapes a decode of a mutated sample', () => {
    for (const s of samples) {
      const c = reg.require(s.family);
      const b = bytes(s.hex);
      for (let i = 0; i < b.length; i++) {
        for (const v of [0, 1, 0x7f, 0x80, 0xff]) {
          const x = b.slice();
          x[i] = v;
          for (const strict of [false, true]) {
            try {
              decodeAll(c, x, { strict });
            } catch (e) {
              expect(e).toBeInstanceOf(NlriError);
            }
          }
        }
      }
    }
  });
});
