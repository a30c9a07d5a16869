/**
 * VPN multicast (SAFI 129; RFC 6513 §5.1.1, RFC 6514 §1: the SAFI 128 encoding of RFC 4364
 * §4.3.4 / RFC 4659 §3.2 with RFC 8277 labels). The codec is the L3VPN group's: these tests pin
 * the names and numbers, that the same bytes give the same text as ipv4/mpls-vpn (the expected
 * JSON texts are Ze's output for those bytes as ipv4/mpls-vpn and ipv6/mpls-vpn, recorded from
 * `ze bgp decode --nlri ipv4/mpls-vpn --json`), errors with this family's name, ADD-PATH, args,
 * and the generated-model round trip.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeAll, decodeOne, encode, toJson } from '../../../src/registry/ops.js';
import { Registry } from '../../../src/registry/registry.js';
import { toHex } from '../../../src/core/hex.js';
import { builtinCodecs } from '../../../src/families.js';
import { codecs, ipv4MplsVpnMulticast, ipv6MplsVpnMulticast, samples } from '../../../families/vpn-multicast/index.js';
import { ipv4MplsVpn } from '../../../families/vpn/index.js';
import { arbitraries } from '../../../fuzz/arbitraries/vpn-multicast.js';
import { checkBytes, checkModel } from '../../../fuzz/checks.js';
import { bytes, codecError as error } from '../../support/helpers.js';

const reg = new Registry(codecs);

/** Ze's decode of the same NLRI bytes as SAFI 128 (ze bgp decode --nlri ipv4/mpls-vpn --json). */
const ZE_SAFI128: [string, string, string][] = [
  ['ipv4/mpls-vpn-multicast', '70003E810000FDE8000000640A0000', '{"labels":[[1000]],"prefix":"10.0.0.0/24","rd":"0:65000:100"}'],
  ['ipv4/mpls-vpn-multicast', '780006410001C0000201000AC0A80A01', '{"labels":[[100]],"prefix":"192.168.10.1/32","rd":"1:192.0.2.1:10"}'],
  ['ipv6/mpls-vpn-multicast', '88003E810000FDE80000006420010DB80001', '{"labels":[[1000]],"prefix":"2001:db8:1::/48","rd":"0:65000:100"}'],
];

describe('vpn-multicast: names and numbers', () => {
  it('AFI 1/2, SAFI 129, group vpn-multicast; the names pass the name-table check next to every built-in family', () => {
    expect([ipv4MplsVpnMulticast.afi, ipv4MplsVpnMulticast.safi, ipv6MplsVpnMulticast.afi, ipv6MplsVpnMulticast.safi]).toEqual([1, 129, 2, 129]);
    expect(codecs.map((c) => c.group)).toEqual(['vpn-multicast', 'vpn-multicast']);
    const all = new Registry([...builtinCodecs.filter((c) => c.safi !== 129), ...codecs]);
    expect(all.byAfiSafi(1, 129)?.name).toBe('ipv4/mpls-vpn-multicast');
    expect(all.byAfiSafi(2, 129)?.name).toBe('ipv6/mpls-vpn-multicast');
  });
});

describe('vpn-multicast: the SAFI 128 layout on SAFI 129', () => {
  it.each(ZE_SAFI128)('%s %s → Ze’s SAFI 128 text', (family, hex, json) => {
    expect(reg.decodeHex(family, hex)).toBe(json);
    const c = reg.require(family);
    expect(toHex(encode(c, decodeOne(c, bytes(hex))))).toBe(hex);
  });

  it('decodes exactly like ipv4/mpls-vpn, withdrawal Compatibility field included (RFC 8277 §2.4)', () => {
    for (const hex of ['708000000000FDE8000000640A0000', 'A0000640000C800012C100000001000000010A0000', '580006410000000100000001']) {
      expect(toJson(ipv4MplsVpnMulticast, decodeAll(ipv4MplsVpnMulticast, bytes(hex)))).toBe(toJson(ipv4MplsVpn, decodeAll(ipv4MplsVpn, bytes(hex))));
    }
    const w = decodeOne(ipv4MplsVpnMulticast, bytes('708000000000FDE8000000640A0000'), { withdraw: true });
    expect(toJson(ipv4MplsVpnMulticast, w)).toBe('{"labels":[[524288]],"prefix":"10.0.0.0/24","rd":"0:65000:100","withdraw":true}');
  });

  it('errors carry this family’s name and the byte offset', () => {
    // length 0x70 = 112 bits needs 14 octets; 3 given
    let e = error(() => decodeOne(ipv4MplsVpnMulticast, bytes('70003E81')));
    expect([e.code, e.offset, e.family]).toEqual(['truncated', 0, 'ipv4/mpls-vpn-multicast']);
    // label without S bit anywhere in the NLRI (RFC 8277 §2.3)
    e = error(() => decodeOne(ipv4MplsVpnMulticast, bytes('58003E800000006400000064')));
    expect([e.code, e.offset]).toEqual(['malformed', 1]);
    // prefix length 33 after label and RD
    e = error(() => decodeOne(ipv4MplsVpnMulticast, bytes('79003E810000FDE8000000640A0000000000')));
    expect([e.code, e.offset]).toEqual(['bad-length', 0]);
    expect(() => reg.decodeHex('ipv4/mpls-vpn-multicast', '')).toThrow('no valid VPN routes decoded');
  });

  it('ADD-PATH (RFC 7911 §3)', () => {
    const input = '0000002A70003E810000FDE8000000640A0000';
    expect(reg.decodeHex('ipv4/mpls-vpn-multicast', input, { addPath: true })).toBe('{"labels":[[1000]],"path-id":42,"prefix":"10.0.0.0/24","rd":"0:65000:100"}');
    const m = decodeOne(ipv4MplsVpnMulticast, bytes(input), { addPath: true });
    expect(toHex(encode(ipv4MplsVpnMulticast, m, { addPath: true }))).toBe(input);
  });

  it('args: the mpls-vpn grammar; an IPv6 prefix on ipv4 is refused with this family’s name', () => {
    expect(reg.encodeArgs('ipv4/mpls-vpn-multicast', ['rd', '0:65000:100', 'label', '1000', 'prefix', '10.0.0.0/24'])).toBe('70003E810000FDE8000000640A0000');
    const e = error(() => reg.encodeArgs('ipv4/mpls-vpn-multicast', ['rd', '0:1:1', 'label', '1', 'prefix', '2001:db8::/32']));
    expect([e.code, e.family]).toEqual(['invalid-args', 'ipv4/mpls-vpn-multicast']);
    expect(e.message).toContain('ipv4/mpls-vpn-multicast');
  });

  it.each(samples.map((s) => [s.family, s.hex, s] as const))('sample %s %s: canonical, args, toArgs', (_, __, s) => {
    const c = reg.require(s.family);
    const m = decodeOne(c, bytes(s.hex));
    expect(toHex(encode(c, m))).toBe(s.hex);
    expect(reg.encodeArgs(s.family, s.args!)).toBe(s.hex);
    expect(toHex(encode(c, c.fromArgs(c.toArgs!(m))))).toBe(s.hex);
  });
});

describe('vpn-multicast properties (fast-check)', () => {
  for (const c of codecs) {
    it(`${c.name}: random bytes give a value or an NlriError`, () => {
      fc.assert(
        fc.property(fc.uint8Array({ maxLength: 48 }), fc.boolean(), fc.boolean(), (b, addPath, strict) => {
          const r = checkBytes(c, b, { addPath, strict });
          if (r.finding) throw new Error(r.finding.problem);
        }),
        { numRuns: 1000 },
      );
    });
    it(`${c.name}: model → bytes → model → the same bytes and JSON`, () => {
      fc.assert(
        fc.property(arbitraries[c.name as keyof typeof arbitraries], (m) => {
          const f = checkModel(c, m);
          if (f) throw new Error(`${f.problem} (${f.hex})`);
        }),
        { numRuns: 300 },
      );
    });
  }
});
