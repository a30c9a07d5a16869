/**
 * SR Policy NLRI (RFC 9830 §2.1, SAFI 73): wire layout, every error path with code and offset,
 * strict mode, ADD-PATH (RFC 7911 §3), JSON, the args grammar, samples, and random bytes / random
 * models. Expected bytes are laid out here by hand from the RFC 9830 §2.1 figure:
 *   length (bits: 96 / 192) | Distinguisher (4) | Policy Color (4) | Endpoint (4 / 16)
 * The families are not in src/families.ts yet: the tests use their own Registry.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeAll, decodeOne, encode, NlriError, Registry, toHex, toJson } from '../../../src/index.js';
import { codecs, ipv4SrPolicy, ipv6SrPolicy, samples, type SrPolicyNlri } from '../../../families/sr-policy/index.js';
import { arbitraries } from '../../../fuzz/arbitraries/sr-policy.js';
import { checkBytes, checkModel } from '../../../fuzz/checks.js';
import { bytes, codecError as error } from '../../support/helpers.js';

const reg = new Registry(codecs);
const u32 = (n: number): string => n.toString(16).toUpperCase().padStart(8, '0');
/** An NLRI built from the RFC 9830 §2.1 figure, field by field. */
const nlri = (d: number, c: number, endpoint: string): string => ((8 + endpoint.length / 2) * 8).toString(16).toUpperCase().padStart(2, '0') + u32(d) + u32(c) + endpoint;

describe('registration', () => {
  it('AFI/SAFI and names follow Ze’s name-table rules (no clash with any Ze SAFI name)', () => {
    expect(reg.byAfiSafi(1, 73)).toBe(ipv4SrPolicy);
    expect(reg.byAfiSafi(2, 73)).toBe(ipv6SrPolicy);
    expect(ipv4SrPolicy.name).toBe('ipv4/sr-policy');
    expect(ipv6SrPolicy.name).toBe('ipv6/sr-policy');
  });
});

describe('decode (RFC 9830 §2.1)', () => {
  it('IPv4 endpoint: 96 bits, fields in order; endpoint is a view of the input', () => {
    const input = bytes(nlri(1, 100, 'C0000201'));
    expect(toHex(input)).toBe('6000000001' + '00000064' + 'C0000201');
    const m = decodeOne(ipv4SrPolicy, input);
    expect(m.distinguisher).toBe(1);
    expect(m.color).toBe(100);
    expect(m.endpoint.buffer).toBe(input.buffer);
    expect(m.endpoint.byteOffset).toBe(9);
    expect(toJson(ipv4SrPolicy, m)).toBe('{"color":100,"distinguisher":1,"endpoint":"192.0.2.1"}');
    expect(ipv4SrPolicy.text!(m)).toBe('distinguisher 1 color 100 endpoint 192.0.2.1');
  });

  it('IPv6 endpoint: 192 bits; RFC 5952 text', () => {
    const h = nlri(0xdeadbeef, 0x80000000, '20010DB8000000000000000000000001');
    expect(h.slice(0, 2)).toBe('C0');
    expect(reg.decodeHex('ipv6/sr-policy', h)).toBe('{"color":2147483648,"distinguisher":3735928559,"endpoint":"2001:db8::1"}');
  });

  it('several NLRIs back to back: an array (RFC 4760 §5)', () => {
    const h = nlri(1, 1, '0A000001') + nlri(2, 1, '0A000001');
    expect(reg.decodeHex('ipv4/sr-policy', h)).toBe(
      '[{"color":1,"distinguisher":1,"endpoint":"10.0.0.1"},{"color":1,"distinguisher":2,"endpoint":"10.0.0.1"}]',
    );
  });

  it('ADD-PATH: the core reads the path id first (RFC 7911 §3)', () => {
    const h = '0000000A' + nlri(1, 100, 'C0000201');
    expect(reg.decodeHex('ipv4/sr-policy', h, { addPath: true })).toBe('{"color":100,"distinguisher":1,"endpoint":"192.0.2.1","path-id":10}');
    const m = decodeOne(ipv4SrPolicy, bytes(h), { addPath: true });
    expect(m.pathId).toBe(10);
    expect(toHex(encode(ipv4SrPolicy, m, { addPath: true }))).toBe(h);
    expect(reg.encodeArgs('ipv4/sr-policy', ['distinguisher', '1', 'color', '100', 'endpoint', '192.0.2.1', 'path-id', '10'])).toBe(nlri(1, 100, 'C0000201'));
  });

  it('the other AFI’s endpoint size: read by its length by default (GoBGP, Wireshark), malformed in strict mode', () => {
    const v6in4 = nlri(1, 2, '20010DB8000000000000000000000001');
    expect(reg.decodeHex('ipv4/sr-policy', v6in4)).toBe('{"color":2,"distinguisher":1,"endpoint":"2001:db8::1"}');
    expect(toHex(encode(ipv4SrPolicy, decodeOne(ipv4SrPolicy, bytes(v6in4))))).toBe(v6in4);
    const e = error(() => decodeAll(ipv4SrPolicy, bytes(v6in4), { strict: true }));
    expect([e.code, e.offset, e.family]).toEqual(['malformed', 0, 'ipv4/sr-policy']);
    const v4in6 = nlri(1, 2, 'C0000201');
    expect(reg.decodeHex('ipv6/sr-policy', v4in6)).toBe('{"color":2,"distinguisher":1,"endpoint":"192.0.2.1"}');
    const e6s = error(() => decodeAll(ipv6SrPolicy, bytes(v4in6), { strict: true }));
    expect([e6s.code, e6s.offset]).toEqual(['malformed', 0]);
    // strict accepts what the RFC allows
    expect(decodeAll(ipv4SrPolicy, bytes(nlri(1, 2, 'C0000201')), { strict: true })).toHaveLength(1);
  });
});

describe('decode errors: NlriError with code and offset', () => {
  const cases: [string, string, string, number][] = [
    ['length 0', '00', 'bad-length', 0],
    ['length 95', '5F' + '00'.repeat(12), 'bad-length', 0],
    ['length 97', '61' + '00'.repeat(13), 'bad-length', 0],
    ['length 128 (not a fixed form)', '80' + '00'.repeat(16), 'bad-length', 0],
    ['length 255', 'FF' + '00'.repeat(32), 'bad-length', 0],
    ['96 bits, 11 bytes', '60' + '00'.repeat(11), 'truncated', 0],
    ['96 bits, nothing', '60', 'truncated', 0],
    ['second NLRI bad length', nlri(1, 1, '0A000001') + '61', 'bad-length', 13],
    ['second NLRI truncated', nlri(1, 1, '0A000001') + '6000', 'truncated', 13],
  ];
  it.each(cases)('%s', (_, hex, code, offset) => {
    const e = error(() => decodeAll(ipv4SrPolicy, bytes(hex)));
    expect(e).toBeInstanceOf(NlriError);
    expect([e.code, e.offset, e.family]).toEqual([code, offset, 'ipv4/sr-policy']);
  });

  it('no bytes: no NLRI (the core), and decode-nlri calls that an error', () => {
    expect(decodeAll(ipv4SrPolicy, new Uint8Array(0))).toEqual([]);
    expect(error(() => reg.decodeHex('ipv4/sr-policy', '')).code).toBe('truncated');
  });

  it('a truncated ADD-PATH path id', () => {
    const e = error(() => decodeAll(ipv6SrPolicy, bytes('000001'), { addPath: true }));
    expect([e.code, e.offset]).toEqual(['truncated', 0]);
  });

  it('decode-nlri reports them (no parsed:false record: Ze has no decoder for SAFI 73)', () => {
    expect(() => reg.decodeHex('ipv4/sr-policy', '61')).toThrow(/RFC 9830 §2.1/);
  });
});

describe('encode', () => {
  it('writes the §2.1 layout; length from the endpoint', () => {
    const m: SrPolicyNlri = { distinguisher: 7, color: 0xffffffff, endpoint: Uint8Array.of(10, 1, 2, 3) };
    expect(toHex(encode(ipv4SrPolicy, m))).toBe('60' + '00000007' + 'FFFFFFFF' + '0A010203');
  });
  const bad: [string, Partial<SrPolicyNlri> & Record<string, unknown>][] = [
    ['negative color', { distinguisher: 0, color: -1, endpoint: new Uint8Array(4) }],
    ['color over 32 bits', { distinguisher: 0, color: 2 ** 32, endpoint: new Uint8Array(4) }],
    ['fractional distinguisher', { distinguisher: 1.5, color: 0, endpoint: new Uint8Array(4) }],
    ['distinguisher missing', { color: 0, endpoint: new Uint8Array(4) }],
    ['5-octet endpoint', { distinguisher: 0, color: 0, endpoint: new Uint8Array(5) }],
    ['endpoint not bytes', { distinguisher: 0, color: 0, endpoint: '10.0.0.1' as unknown as Uint8Array }],
  ];
  it.each(bad)('%s: invalid-model', (_, m) => {
    const e = error(() => encode(ipv4SrPolicy, m as SrPolicyNlri));
    expect([e.code, e.offset, e.family]).toEqual(['invalid-model', -1, 'ipv4/sr-policy']);
  });
});

describe('args: distinguisher <N> color <N> endpoint <IP> [path-id <N>]', () => {
  it('any order, later keyword wins', () => {
    expect(reg.encodeArgs('ipv4/sr-policy', ['endpoint', '192.0.2.1', 'color', '100', 'distinguisher', '1'])).toBe(nlri(1, 100, 'C0000201'));
    expect(reg.encodeArgs('ipv4/sr-policy', ['distinguisher', '9', 'color', '100', 'endpoint', '192.0.2.1', 'distinguisher', '1'])).toBe(nlri(1, 100, 'C0000201'));
    expect(reg.encodeArgs('ipv6/sr-policy', ['distinguisher', '0', 'color', '0', 'endpoint', '::ffff:10.0.0.1'])).toBe(nlri(0, 0, '00000000000000000000FFFF0A000001'));
  });
  const bad: [string, string, string[], RegExp][] = [
    ['no distinguisher', 'ipv4/sr-policy', ['color', '1', 'endpoint', '10.0.0.1'], /^distinguisher required/],
    ['no color', 'ipv4/sr-policy', ['distinguisher', '1', 'endpoint', '10.0.0.1'], /^color required/],
    ['no endpoint', 'ipv4/sr-policy', ['distinguisher', '1', 'color', '1'], /^endpoint required/],
    ['keyword without value', 'ipv4/sr-policy', ['distinguisher', '1', 'color'], /^color requires value/],
    ['color too large', 'ipv4/sr-policy', ['distinguisher', '1', 'color', '4294967296', 'endpoint', '10.0.0.1'], /^invalid color: .*value out of range/],
    ['distinguisher not decimal', 'ipv4/sr-policy', ['distinguisher', '0x1', 'color', '1', 'endpoint', '10.0.0.1'], /^invalid distinguisher: .*invalid syntax/],
    ['bad endpoint', 'ipv4/sr-policy', ['distinguisher', '1', 'color', '1', 'endpoint', '10.0.0'], /^invalid endpoint: ParseAddr/],
    ['IPv6 endpoint for ipv4', 'ipv4/sr-policy', ['distinguisher', '1', 'color', '1', 'endpoint', '2001:db8::1'], /is not an IPv4 address/],
    ['IPv4 endpoint for ipv6', 'ipv6/sr-policy', ['distinguisher', '1', 'color', '1', 'endpoint', '10.0.0.1'], /is not an IPv6 address/],
    ['unknown token', 'ipv4/sr-policy', ['distinguisher', '1', 'colour', '1', 'endpoint', '10.0.0.1'], /^unknown token "colour"/],
    ['path-id too large', 'ipv4/sr-policy', ['distinguisher', '1', 'color', '1', 'endpoint', '10.0.0.1', 'path-id', '-1'], /^invalid path-id/],
  ];
  it.each(bad)('%s', (_, family, args, msg) => {
    const e = error(() => reg.encodeArgs(family, args));
    expect(e.code).toBe('invalid-args');
    expect(e.message).toMatch(msg);
  });
  it('toArgs refuses an endpoint of the other AFI (no args spell it)', () => {
    const m = decodeOne(ipv4SrPolicy, bytes(nlri(1, 2, '20010DB8000000000000000000000001')));
    expect(error(() => ipv4SrPolicy.toArgs!(m)).code).toBe('invalid-model');
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
  it('cover both families', () => {
    expect(new Set(samples.map((s) => s.family))).toEqual(new Set(['ipv4/sr-policy', 'ipv6/sr-policy']));
  });
});

describe('properties (a short fuzz)', () => {
  for (const codec of codecs) {
    it(`${codec.name}: random bytes decode to a model that re-encodes, or fail with an NlriError`, () => {
      fc.assert(
        fc.property(fc.uint8Array({ maxLength: 60 }), fc.boolean(), fc.boolean(), (b, addPath, strict) => {
          const r = checkBytes(codec, b, { addPath, strict });
          if (r.finding) throw new Error(r.finding.problem);
        }),
        { numRuns: 2000 },
      );
    });
    it(`${codec.name}: mutated samples`, () => {
      const seeds = samples.filter((s) => s.family === codec.name).map((s) => bytes(s.hex));
      fc.assert(
        fc.property(fc.constantFrom(...seeds), fc.integer({ min: 0, max: 40 }), fc.integer({ min: 0, max: 255 }), (seed, i, v) => {
          const b = Uint8Array.from(seed);
          if (i < b.length) b[i] = v;
          const r = checkBytes(codec, b.subarray(0, Math.min(b.length, i + 1 + (v % 30))), {});
          if (r.finding) throw new Error(r.finding.problem);
        }),
        { numRuns: 1000 },
      );
    });
    it(`${codec.name}: model → bytes → model → same bytes`, () => {
      fc.assert(
        fc.property(arbitraries[codec.name as keyof typeof arbitraries], (m) => {
          const f = checkModel(codec, m);
          if (f) throw new Error(f.problem);
          expect(codec.fromArgs(codec.toArgs!(m))).toEqual({ ...m, endpoint: m.endpoint });
        }),
        { numRuns: 500 },
      );
    });
  }
});
