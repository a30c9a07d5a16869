/**
 * Classful Transport NLRI (RFC 9832, SAFI 76): the RFC 8277 labeled VPN layout with an RD, as in
 * SAFI 128 (RFC 4364 §4.3.4, RFC 4659 §3.2), through the VPN family's wire code. Expected bytes
 * are laid out here by hand: length in bits | label entries (label << 4 | S, RFC 8277 §2.2-2.3)
 * | RD (RFC 4364 §4.2) | Transport Endpoint prefix. Every error path with code and offset, the
 * RFC 8277 §2.4 withdrawal by direction, ADD-PATH (RFC 7911 §3), strict mode, args, samples, the
 * Transport Class Route Target helpers, random bytes and random models.
 * The families are not in src/families.ts yet: the tests use their own Registry.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeAll, decodeOne, encode, NlriError, Registry, toHex, toJson } from '../../../src/index.js';
import {
  codecs,
  ipv4ClassfulTransport,
  ipv6ClassfulTransport,
  readTransportClassRt,
  samples,
  transportClassRt,
  type ClassfulTransportNlri,
} from '../../../families/ct/index.js';
import { ipv4MplsVpn } from '../../../families/vpn/index.js';
import { arbitraries } from '../../../fuzz/arbitraries/ct.js';
import { checkBytes, checkModel } from '../../../fuzz/checks.js';
import { bytes, codecError as error } from '../../support/helpers.js';

const reg = new Registry(codecs);
const hex2 = (n: number, w: number): string => n.toString(16).toUpperCase().padStart(w, '0');
/** A label entry without TC: label << 4 | S (RFC 8277 §2.3). */
const entry = (label: number, s: boolean): string => hex2(label * 16 + (s ? 1 : 0), 6);
const RD0 = '0000' + 'FDE8' + '00000064'; // 0:65000:100
const EP = 'C0000201'; // 192.0.2.1

describe('registration', () => {
  it('AFI/SAFI 1/76 and 2/76, names following Ze’s rules', () => {
    expect(reg.byAfiSafi(1, 76)).toBe(ipv4ClassfulTransport);
    expect(reg.byAfiSafi(2, 76)).toBe(ipv6ClassfulTransport);
    expect(ipv4ClassfulTransport.group).toBe('ct');
    // the VPN family registers beside it (different SAFI, different name)
    expect(() => new Registry([...codecs, ipv4MplsVpn])).not.toThrow();
  });
});

describe('decode (RFC 9832 with RFC 8277 §2.2-2.4)', () => {
  it('one label, RD, IPv4 /32 endpoint; a view of the input', () => {
    const h = hex2(24 + 64 + 32, 2) + entry(1000, true) + RD0 + EP;
    expect(h).toBe('78003E810000FDE800000064C0000201');
    const input = bytes(h);
    const m = decodeOne(ipv4ClassfulTransport, input) as ClassfulTransportNlri;
    expect(m.labels).toEqual([1000]);
    expect(m.rd.buffer).toBe(input.buffer);
    expect(m.rd.byteOffset).toBe(4);
    expect(m.prefix.len).toBe(32);
    expect(toJson(ipv4ClassfulTransport, m)).toBe('{"labels":[[1000]],"prefix":"192.0.2.1/32","rd":"0:65000:100"}');
    expect(ipv4ClassfulTransport.routeKey!(m)).toBe('0:65000:100 192.0.2.1/32');
  });

  it('a label stack ends at the S bit (RFC 8277 §2.3)', () => {
    const h = hex2(24 * 3 + 64 + 32, 2) + entry(16, false) + entry(17, false) + entry(18, true) + RD0 + EP;
    expect(reg.decodeHex('ipv4/classful-transport', h)).toBe('{"labels":[[16],[17],[18]],"prefix":"192.0.2.1/32","rd":"0:65000:100"}');
  });

  it('IPv6 endpoint, RD type 1 and 2 (RFC 4364 §4.2)', () => {
    const v6 = hex2(24 + 64 + 128, 2) + entry(1000, true) + '0001' + 'C0000201' + '0064' + '20010DB8000000000000000000000001';
    expect(reg.decodeHex('ipv6/classful-transport', v6)).toBe('{"labels":[[1000]],"prefix":"2001:db8::1/128","rd":"1:192.0.2.1:100"}');
    const rd2 = hex2(24 + 64 + 24, 2) + entry(5, true) + '0002' + 'FA56EA01' + '0007' + '0A0000';
    expect(reg.decodeHex('ipv4/classful-transport', rd2)).toBe('{"labels":[[5]],"prefix":"10.0.0.0/24","rd":"2:4200000001:7"}');
  });

  it('withdrawal by direction (RFC 8277 §2.4): MP_UNREACH is always the Compatibility field', () => {
    const h = hex2(24 + 64 + 32, 2) + '800000' + RD0 + EP;
    const w = decodeOne(ipv4ClassfulTransport, bytes(h), { withdraw: true }) as ClassfulTransportNlri;
    expect(w.withdraw).toBe(true);
    expect(toJson(ipv4ClassfulTransport, w)).toBe('{"labels":[[524288]],"prefix":"192.0.2.1/32","rd":"0:65000:100","withdraw":true}');
    // unknown direction (decode-nlri): 0x800000 with a prefix length that fits reads as the Compatibility field
    expect(reg.decodeHex('ipv4/classful-transport', h)).toBe('{"labels":[[524288]],"prefix":"192.0.2.1/32","rd":"0:65000:100","withdraw":true}');
    // any other value from MP_UNREACH is kept and shown
    const odd = hex2(24 + 64 + 32, 2) + '123456' + RD0 + EP;
    const m = decodeOne(ipv4ClassfulTransport, bytes(odd), { withdraw: true });
    expect(toJson(ipv4ClassfulTransport, m)).toBe('{"labels":[[74565]],"prefix":"192.0.2.1/32","rd":"0:65000:100","withdraw":true,"compatibility":"0x123456"}');
    expect(toHex(encode(ipv4ClassfulTransport, m))).toBe(odd);
  });

  it('ADD-PATH: the core reads the path id (RFC 7911 §3)', () => {
    const h = '00000007' + samples[0]!.hex;
    expect(reg.decodeHex('ipv4/classful-transport', h, { addPath: true })).toBe('{"labels":[[1000]],"path-id":7,"prefix":"192.0.2.1/32","rd":"0:65000:100"}');
    const m = decodeOne(ipv4ClassfulTransport, bytes(h), { addPath: true });
    expect(toHex(encode(ipv4ClassfulTransport, m, { addPath: true }))).toBe(h);
  });

  it('strict changes nothing: RFC 9832 adds no malformation rule beyond RFC 8277’s (which fail in every mode)', () => {
    for (const s of samples) {
      const c = reg.require(s.family);
      expect(toJson(c, decodeAll(c, bytes(s.hex), { strict: true }))).toBe(toJson(c, decodeAll(c, bytes(s.hex))));
    }
  });
});

describe('decode errors: NlriError with code and offset', () => {
  const cases: [string, string, string, number, object][] = [
    ['length beyond the bytes', '78003E81', 'truncated', 0, {}],
    // RD 0:2:2 and endpoint 192.0.2.0 hold no S bit at a 3-octet boundary either
    ['no S bit within the NLRI', hex2(24 + 64 + 32, 2) + entry(1000, false) + '0000000200000002' + 'C0000200', 'malformed', 1, {}],
    ['too short for label + RD', hex2(24 + 32, 2) + entry(1, true) + '00000000', 'bad-length', 0, {}],
    ['IPv4 prefix longer than 32', hex2(24 + 64 + 40, 2) + entry(1, true) + RD0 + EP + '00', 'bad-length', 0, {}],
    ['more labels than the Multiple Labels count (RFC 8277 §2.1)', hex2(48 + 64 + 32, 2) + entry(1, false) + entry(2, true) + RD0 + EP, 'malformed', 1, { maxLabels: 1 }],
    ['second NLRI truncated', samples[0]!.hex + '78', 'truncated', 16, {}],
  ];
  it.each(cases)('%s', (_, hex, code, offset, opts) => {
    const e = error(() => decodeAll(ipv4ClassfulTransport, bytes(hex), opts));
    expect(e).toBeInstanceOf(NlriError);
    expect([e.code, e.offset, e.family]).toEqual([code, offset, 'ipv4/classful-transport']);
  });
  it('IPv6 prefix longer than 128', () => {
    const e = error(() => decodeAll(ipv6ClassfulTransport, bytes('E1' + entry(1, true) + RD0 + '00'.repeat(18))));
    expect([e.code, e.offset]).toEqual(['bad-length', 0]);
  });
  it('decode-nlri reports errors (no parsed:false record: Ze has no decoder for SAFI 76)', () => {
    expect(() => reg.decodeHex('ipv4/classful-transport', '78003E81')).toThrow(NlriError);
  });
});

describe('args: rd <RD> label <N>... prefix <P> [withdraw 0x…] [path-id <N>] (the VPN grammar)', () => {
  it('builds the bytes laid out by hand', () => {
    expect(reg.encodeArgs('ipv4/classful-transport', ['rd', '0:65000:100', 'label', '1000', 'prefix', '192.0.2.1/32'])).toBe('78003E810000FDE800000064C0000201');
    expect(reg.encodeArgs('ipv4/classful-transport', ['rd', '0:65000:100', 'withdraw', '0x800000', 'prefix', '192.0.2.1/32'])).toBe('788000000000FDE800000064C0000201');
  });
  const bad: [string, string, string[], RegExp][] = [
    ['no rd', 'ipv4/classful-transport', ['label', '1', 'prefix', '10.0.0.1/32'], /^rd required/],
    ['no label', 'ipv4/classful-transport', ['rd', '0:1:1', 'prefix', '10.0.0.1/32'], /^label required/],
    ['no prefix', 'ipv4/classful-transport', ['rd', '0:1:1', 'label', '1'], /^prefix required/],
    ['other address family', 'ipv4/classful-transport', ['rd', '0:1:1', 'label', '1', 'prefix', '2001:db8::1/128'], /is not an IPv4 prefix/],
    ['label out of range', 'ipv6/classful-transport', ['rd', '0:1:1', 'label', '1048576', 'prefix', '2001:db8::1/128'], /label/],
    ['both label and withdraw', 'ipv4/classful-transport', ['rd', '0:1:1', 'label', '1', 'withdraw', '0x800000', 'prefix', '10.0.0.1/32'], /withdraw replaces the labels/],
  ];
  it.each(bad)('%s', (_, family, args, msg) => {
    const e = error(() => reg.encodeArgs(family, args));
    expect(e.code).toBe('invalid-args');
    expect(e.message).toMatch(msg);
  });
});

describe('samples', () => {
  it.each(samples.map((s) => [s.note, s] as const))('%s', (_, s) => {
    const codec = reg.require(s.family);
    const m = decodeOne(codec, bytes(s.hex));
    expect(toHex(encode(codec, m))).toBe(s.hex);
    expect(reg.encodeArgs(s.family, s.args!)).toBe(s.hex);
    expect(codec.toArgs!(m)).toEqual(s.args);
  });
});

describe('Transport Class Route Target (RFC 9832; type 0x0A, sub-type 0x02, Reserved (2), Transport Class ID (4))', () => {
  it('builds and reads the 8 octets', () => {
    expect(toHex(transportClassRt(100))).toBe('0A02000000000064');
    expect(toHex(transportClassRt(0xffffffff, false))).toBe('4A020000FFFFFFFF');
    expect(readTransportClassRt(bytes('0A02000000000064'))).toEqual({ id: 100, transitive: true, reserved: 0 });
    expect(readTransportClassRt(bytes('4A020001000000C8'))).toEqual({ id: 200, transitive: false, reserved: 1 });
    expect(readTransportClassRt(bytes('0002FDE800000064'))).toBeUndefined(); // a plain RT
    expect(readTransportClassRt(bytes('0A03000000000064'))).toBeUndefined();
    expect(readTransportClassRt(bytes('0A020000'))).toBeUndefined();
    expect(() => transportClassRt(-1)).toThrow(RangeError);
  });
});

describe('properties (a short fuzz)', () => {
  for (const codec of codecs) {
    it(`${codec.name}: random bytes decode to a model that re-encodes, or fail with an NlriError`, () => {
      fc.assert(
        fc.property(fc.uint8Array({ maxLength: 60 }), fc.constantFrom(undefined, true, false), fc.boolean(), (b, withdraw, addPath) => {
          const r = checkBytes(codec, b, { withdraw, addPath, strict: true });
          if (r.finding) throw new Error(r.finding.problem);
        }),
        { numRuns: 2000 },
      );
    });
    it(`${codec.name}: model → bytes → model → same bytes; args round trip`, () => {
      fc.assert(
        fc.property(arbitraries[codec.name as keyof typeof arbitraries], (m) => {
          const f = checkModel(codec, m);
          if (f) throw new Error(f.problem);
          expect(toHex(encode(codec, codec.fromArgs(codec.toArgs!(m))))).toBe(toHex(encode(codec, m)));
        }),
        { numRuns: 500 },
      );
    });
  }
});
