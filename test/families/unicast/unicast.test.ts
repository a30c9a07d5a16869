/**
 * Unicast / multicast families: wire layout from RFC 4271 §4.3 / RFC 4760 §5 built by hand,
 * every error path, JSON forms (Ze's plain strings, the ADD-PATH object), args grammar and
 * fromZeJson. Expected JSON from Ze's `ze bgp decode --update --json` output (see
 * test/vectors/ze-update/mp.jsonl) and Ze's event formatter (path-id object).
 */
import { describe, expect, it } from 'vitest';
import { codecs, ipv4Multicast, ipv4Unicast, ipv6Multicast, ipv6Unicast, samples } from '../../../families/unicast/index.js';
import type { UnicastNlri } from '../../../families/unicast/index.js';
import { Reader } from '../../../src/core/reader.js';
import { toHex } from '../../../src/core/hex.js';
import { Registry } from '../../../src/registry/registry.js';
import { decodeAll, decodeOne, encode, toJson } from '../../../src/registry/ops.js';
import { bytes, codecError } from '../../support/helpers.js';

const reg = new Registry(codecs);

describe('unicast families: registration', () => {
  it('has the four Ze family names and numbers', () => {
    expect(codecs.map((c) => [c.name, c.afi, c.safi])).toEqual([
      ['ipv4/unicast', 1, 1],
      ['ipv6/unicast', 2, 1],
      ['ipv4/multicast', 1, 2],
      ['ipv6/multicast', 2, 2],
    ]);
    expect(reg.byAfiSafi(2, 2)).toBe(ipv6Multicast);
  });
});

describe('unicast wire (RFC 4271 §4.3)', () => {
  it('decodes length + ceil(len/8) octets, as views', () => {
    const b = bytes('180A0000');
    const m = decodeOne(ipv4Unicast, b);
    expect(m.prefix.len).toBe(24);
    expect(toHex(m.prefix.addr)).toBe('0A0000');
    expect(m.prefix.addr.buffer).toBe(b.buffer);
  });

  it('decodes several NLRIs back to back (RFC 4760 §5)', () => {
    const ms = decodeAll(ipv4Unicast, bytes('180A000000' + '20C0000201'));
    expect(ms.map((m) => m.prefix.len)).toEqual([24, 0, 32]);
    expect(toJson(ipv4Unicast, ms)).toBe('["10.0.0.0/24","0.0.0.0/0","192.0.2.1/32"]');
  });

  it('IPv6 prefix length 49 takes 7 octets', () => {
    const r = new Reader(bytes('3120010DB8008000FF'), 'ipv6/unicast');
    const m = ipv6Unicast.decode(r, {});
    expect(r.pos).toBe(8);
    expect(m.prefix.len).toBe(49);
  });

  it('keeps host bits on the wire and in JSON, as ze bgp decode prints them; the route key clears them', () => {
    const m = decodeOne(ipv4Unicast, bytes('170A0001'));
    expect(toJson(ipv4Unicast, m)).toBe('"10.0.1.0/23"');
    expect(toHex(encode(ipv4Unicast, m))).toBe('170A0001');
    expect(ipv4Unicast.toArgs!(m)).toEqual(['prefix', '10.0.1.0/23']);
    expect(ipv4Unicast.routeKey!(m)).toBe(ipv4Unicast.routeKey!(decodeOne(ipv4Unicast, bytes('170A0000'))));
  });

  it('IPv6 text per Go netip', () => {
    expect(toJson(ipv6Unicast, decodeOne(ipv6Unicast, bytes('2020010DB8')))).toBe('"2001:db8::/32"');
    expect(toJson(ipv6Multicast, decodeOne(ipv6Multicast, bytes('08FF')))).toBe('"ff00::/8"');
    expect(toJson(ipv4Multicast, decodeOne(ipv4Multicast, bytes('04E0')))).toBe('"224.0.0.0/4"');
  });

  it('errors: length above 32 / 128 is bad-length at the length octet (RFC 7606 §5.3)', () => {
    const e = codecError(() => decodeAll(ipv4Unicast, bytes('180A0000210A000000FF')));
    expect([e.code, e.offset, e.family]).toEqual(['bad-length', 4, 'ipv4/unicast']);
    const e6 = codecError(() => decodeOne(ipv6Unicast, bytes('81' + '00'.repeat(17))));
    expect([e6.code, e6.offset]).toEqual(['bad-length', 0]);
    // 128 is fine for IPv6, 33 is not for IPv4
    expect(decodeOne(ipv6Unicast, bytes('80' + '00'.repeat(16))).prefix.len).toBe(128);
  });

  it('errors: octets missing is truncated; empty input has no length octet', () => {
    const e = codecError(() => decodeAll(ipv4Unicast, bytes('180A00')));
    expect([e.code, e.offset]).toEqual(['truncated', 1]);
    const e2 = codecError(() => ipv4Unicast.decode(new Reader(new Uint8Array(0), 'ipv4/unicast'), {}));
    expect([e2.code, e2.offset]).toEqual(['truncated', 0]);
    const e3 = codecError(() => decodeOne(ipv4Unicast, bytes('180A000001')));
    expect([e3.code, e3.offset]).toEqual(['trailing-bytes', 4]);
  });

  it('encode checks the model', () => {
    const v6: UnicastNlri = { prefix: { v6: true, len: 8, addr: bytes('FF') } };
    expect(codecError(() => encode(ipv4Unicast, v6)).code).toBe('invalid-model');
    expect(codecError(() => encode(ipv4Unicast, { prefix: { v6: false, len: 33, addr: new Uint8Array(5) } })).code).toBe('invalid-model');
    expect(codecError(() => encode(ipv4Unicast, {} as never)).code).toBe('invalid-model');
    // fewer octets than the length needs: zero-filled
    expect(toHex(encode(ipv4Unicast, { prefix: { v6: false, len: 24, addr: bytes('0A') } }))).toBe('180A0000');
  });
});

describe('ADD-PATH (RFC 7911) JSON', () => {
  it('a path id makes an object with path-id before prefix', () => {
    const ms = decodeAll(ipv4Unicast, bytes('00000007180A0000' + '0000000100'), { addPath: true });
    expect(ms[0]!.pathId).toBe(7);
    expect(toJson(ipv4Unicast, ms)).toBe('[{"path-id":7,"prefix":"10.0.0.0/24"},{"path-id":1,"prefix":"0.0.0.0/0"}]');
    expect(toHex(encode(ipv4Unicast, ms, { addPath: true }))).toBe('00000007180A00000000000100');
  });

  it('path id 0 keeps the object (Ze writes a plain string)', () => {
    const m = decodeOne(ipv6Unicast, bytes('000000002020010DB8'), { addPath: true });
    expect(toJson(ipv6Unicast, m)).toBe('{"path-id":0,"prefix":"2001:db8::/32"}');
  });

  it('the injection never leaks into a following NLRI', () => {
    const ms = [{ prefix: { v6: false, len: 8, addr: bytes('0A') }, pathId: 3 }, { prefix: { v6: false, len: 8, addr: bytes('0B') } }];
    expect(toJson(ipv4Unicast, ms)).toBe('[{"path-id":3,"prefix":"10.0.0.0/8"},"11.0.0.0/8"]');
  });
});

describe('args', () => {
  it('prefix keyword or the prefix alone, path-id', () => {
    expect(reg.encodeArgs('ipv4/unicast', ['prefix', '10.0.0.0/24'])).toBe('180A0000');
    expect(reg.encodeArgs('ipv4/unicast', ['10.0.0.0/24'])).toBe('180A0000');
    expect(reg.encodeArgs('ipv6/unicast', ['2001:db8::/32'])).toBe('2020010DB8');
    const m = ipv4Unicast.fromArgs(['10.0.0.0/8', 'path-id', '9']);
    expect(m.pathId).toBe(9);
    expect(ipv4Unicast.toArgs!(m)).toEqual(['prefix', '10.0.0.0/8', 'path-id', '9']);
  });

  it('errors name the token', () => {
    const cases: [string[], string][] = [
      [[], 'prefix required for ipv4/unicast'],
      [['prefix'], 'prefix needs a value'],
      [['prefix', '10.0.0.0'], "no '/'"],
      [['prefix', '2001:db8::/32'], 'is not an IPv4 prefix'],
      [['10.0.0.0/33'], 'prefix length out of range'],
      [['10.0.0.0/8', 'bogus'], 'unexpected token: bogus'],
      [['10.0.0.0/8', 'prefix', '11.0.0.0/8'], 'prefix given twice'],
      [['10.0.0.0/8', 'path-id', 'x'], 'invalid path-id'],
    ];
    for (const [args, msg] of cases) {
      const e = codecError(() => ipv4Unicast.fromArgs(args));
      expect(e.code).toBe('invalid-args');
      expect(e.message).toContain(msg);
    }
  });
});

describe('fromZeJson', () => {
  it('accepts the string and the object form', () => {
    expect(toHex(encode(ipv4Unicast, ipv4Unicast.fromZeJson!('10.0.0.0/24')))).toBe('180A0000');
    const m = ipv6Unicast.fromZeJson!({ prefix: '2001:db8::/32', 'path-id': 5 });
    expect(m.pathId).toBe(5);
    expect(toHex(encode(ipv6Unicast, m, { addPath: true }))).toBe('000000052020010DB8');
  });

  it('refuses anything else', () => {
    for (const v of [1, null, [], { prefix: 1 }, { prefix: '10.0.0.0/8', x: 1 }, { prefix: '10.0.0.0/8', 'path-id': -1 }, '2001::/16']) {
      expect(codecError(() => ipv4Unicast.fromZeJson!(v)).code).toBe('invalid-model');
    }
  });
});

describe('samples', () => {
  for (const s of samples) {
    it(`${s.family} ${s.hex}`, () => {
      const c = reg.require(s.family);
      expect(toHex(encode(c, decodeOne(c, bytes(s.hex))))).toBe(s.hex);
      if (s.args) expect(reg.encodeArgs(s.family, s.args)).toBe(s.hex);
    });
  }
});
