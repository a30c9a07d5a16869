/**
 * L3VPN codec: wire edge cases and every error path (RFC 4364 §4.3.4, RFC 4659 §3.2,
 * RFC 8277 §2.1-2.4), Ze's JSON forms (vpn.md §5), the args grammar (vpn.md §6) and what
 * ze-nlri does where Ze is wrong (docs/ze-compat.md, section vpn). Expected bytes and texts come
 * from the spec, Ze's vectors or the RFC layouts worked by hand.
 */
import { describe, expect, it } from 'vitest';
import { decodeAll, decodeOne, defaultRegistry, encode, NlriError, toHex, toJson } from '../../../src/index.js';
import { ipv4MplsVpn, ipv6MplsVpn, VpnView } from '../../../families/vpn/index.js';
import type { VpnNlri } from '../../../families/vpn/index.js';
import { codecError as error, bytes } from '../../support/helpers.js';
import { checkBytes } from '../../../fuzz/checks.js';

const decodeHex = (f: string, h: string): string => defaultRegistry.decodeHex(f, h);
const enc = (f: string, args: string[]): string => defaultRegistry.encodeArgs(f, args);


describe('decode: the model is a view of the input', () => {
  it('holds the input buffer and offsets; rd and prefix octets are subarrays, not copies', () => {
    const input = bytes('70003E810000FDE8000000640A0000');
    const m = decodeOne(ipv4MplsVpn, input) as VpnNlri;
    expect(m).toBeInstanceOf(VpnView);
    expect(m.rd.buffer).toBe(input.buffer);
    expect(m.rd.byteOffset).toBe(4);
    expect(m.prefix.addr.buffer).toBe(input.buffer);
    expect(m.prefix.addr.byteOffset).toBe(12);
    expect(m.labels).toEqual([1000]);
    expect(m.prefix.len).toBe(24);
    expect(m.withdraw).toBe(false);
  });

  it('keeps the Rsrv (TC) bits of a label in the model and writes them back (RFC 8277 §2.3, issue 15)', () => {
    // label 100, Rsrv 0b111, S: 00064F
    const m = decodeOne(ipv4MplsVpn, bytes('7000064F00000001000000010A0000'));
    expect(toJson(ipv4MplsVpn, m)).toBe('{"labels":[[100]],"prefix":"10.0.0.0/24","rd":"0:1:1"}');
    expect((m as { tc?: number[] }).tc).toEqual([7]);
    expect(toHex(encode(ipv4MplsVpn, m))).toBe('7000064F00000001000000010A0000');
  });

  it('keeps host bits for re-encoding, clears them in the JSON (vpn-069)', () => {
    const m = decodeOne(ipv4MplsVpn, bytes('7400064100000001000000010A00000F'));
    expect(toJson(ipv4MplsVpn, m)).toBe('{"labels":[[100]],"prefix":"10.0.0.0/28","rd":"0:1:1"}');
    expect(toHex(encode(ipv4MplsVpn, m))).toBe('7400064100000001000000010A00000F');
    expect(ipv4MplsVpn.toArgs!(m)).toEqual(['rd', '0:1:1', 'label', '100', 'prefix', '10.0.0.15/28']);
  });

  it('prints unknown RD types as rd-type<T>:<hex> (vpn.md §7)', () => {
    expect(decodeHex('ipv4/mpls-vpn', '7000064100030102030405060A0000')).toBe(
      '{"labels":[[100]],"prefix":"10.0.0.0/24","rd":"rd-type3:010203040506"}',
    );
  });

  it('prints an IPv4-mapped IPv6 prefix the Go way', () => {
    // 24 + 64 + 128 = 216 = 0xD8; ::ffff:10.0.0.1/128
    expect(decodeHex('ipv6/mpls-vpn', 'D80006410000000100000001' + '00000000000000000000FFFF0A000001')).toBe(
      '{"labels":[[100]],"prefix":"::ffff:10.0.0.1/128","rd":"0:1:1"}',
    );
  });

  it('decodes several NLRIs: an object for one, an array for several (vpn-063)', () => {
    const two = '7000064100000001000000010A0000' + '7000064100000001000000010B0000';
    expect(decodeAll(ipv4MplsVpn, bytes(two)).length).toBe(2);
  });
});

describe('decode: errors are NlriError with offsets (no parsed:false without lossless)', () => {
  const cases: [string, string, string, number][] = [
    ['length larger than the bytes', '70000641', 'truncated', 0],
    ['no S bit within the NLRI (vpn-067)', '7000064000000001000000010A0000', 'malformed', 1],
    ['too short for the RD', '38000641' + '0000000100', 'bad-length', 0],
    ['IPv4 prefix longer than 32 (vpn-072)', '8000064100000001000000010A00000100', 'bad-length', 0],
    ['IPv6 prefix longer than 128', 'E1' + '000641' + '0000000100000001' + '00'.repeat(18), 'bad-length', 0],
  ];
  it.each(cases)('%s', (_, hex, code, offset) => {
    const codec = hex.startsWith('E1') ? ipv6MplsVpn : ipv4MplsVpn;
    const e = error(() => decodeAll(codec, bytes(hex), {}));
    expect(e.code).toBe(code);
    expect(e.offset).toBe(offset);
    expect(e.family).toBe(codec.name);
  });

  it('an empty input decodes to no NLRI; decode-nlri refuses it with Ze\'s phrase (vpn-027)', () => {
    expect(decodeAll(ipv4MplsVpn, new Uint8Array(0))).toEqual([]);
    expect(error(() => decodeHex('ipv4/mpls-vpn', '')).message).toContain('no valid VPN routes decoded');
  });

  it('the error of a second NLRI carries its own offset', () => {
    const e = error(() => decodeAll(ipv4MplsVpn, bytes('7000064100000001000000010A0000' + '7000064000000001000000010A0000')));
    expect(e.offset).toBe(16);
  });

  it('decode-nlri keeps Ze\'s parsed:false record for the rest of the input (vpn-064)', () => {
    expect(decodeHex('ipv4/mpls-vpn', '7000064100000001000000010A000070000641')).toBe(
      '[{"labels":[[100]],"prefix":"10.0.0.0/24","rd":"0:1:1"},{"parsed":false,"raw":"70000641"}]',
    );
  });
});

describe('RFC 8277 §2.1: multiple labels and the Multiple Labels Capability count', () => {
  const three = 'A0000640000C800012C100000001000000010A0000';
  it('reads a three-label stack to the S bit', () => {
    expect((decodeOne(ipv4MplsVpn, bytes(three)) as VpnNlri).labels).toEqual([100, 200, 300]);
  });
  it('refuses more labels than maxLabels', () => {
    const e = error(() => decodeOne(ipv4MplsVpn, bytes(three), { maxLabels: 2 } as never));
    expect(e.code).toBe('malformed');
    expect(e.offset).toBe(1);
    expect(e.message).toContain('RFC 8277 §2.1');
    expect((decodeOne(ipv4MplsVpn, bytes(three), { maxLabels: 3 } as never) as VpnNlri).labels).toEqual([100, 200, 300]);
  });
});

describe('RFC 8277 §2.4: the withdrawal Compatibility field', () => {
  const w800 = '708000000000FDE8000000640A0000';
  const w000 = '700000000000FDE8000000640A0000';
  it('0x800000 and 0x000000 are one 3-octet field, not a label', () => {
    expect(decodeHex('ipv4/mpls-vpn', w800)).toBe('{"labels":[[524288]],"prefix":"10.0.0.0/24","rd":"0:65000:100","withdraw":true}');
    expect(decodeHex('ipv4/mpls-vpn', w000)).toBe('{"labels":[[0]],"prefix":"10.0.0.0/24","rd":"0:65000:100","withdraw":true}');
  });
  it('re-encodes byte for byte, and through args', () => {
    for (const h of [w800, w000]) {
      const m = decodeOne(ipv4MplsVpn, bytes(h));
      expect(toHex(encode(ipv4MplsVpn, m))).toBe(h);
      expect(enc('ipv4/mpls-vpn', ipv4MplsVpn.toArgs!(m))).toBe(h);
    }
    expect(ipv4MplsVpn.toArgs!(decodeOne(ipv4MplsVpn, bytes(w800)))).toEqual(['rd', '0:65000:100', 'withdraw', '0x800000', 'prefix', '10.0.0.0/24']);
  });
  it('with 0x800001 (S set) it is a label, as in Ze (vpn.md §7)', () => {
    expect(decodeHex('ipv4/mpls-vpn', '708000010000FDE8000000640A0000')).toBe('{"labels":[[524288]],"prefix":"10.0.0.0/24","rd":"0:65000:100"}');
  });
  it('a two-label stack starting with label 0 stays a stack when the Compatibility reading has no valid prefix', () => {
    // labels 0 (no S) and 100 (S), RD 0:1:1, 10.0.0.0/24: 48 + 64 + 24 = 136 = 0x88; as a
    // withdrawal the prefix would be 136 - 88 = 48 bits > 32, so it is read as a stack.
    expect((decodeOne(ipv4MplsVpn, bytes('88000000000641' + '0000000100000001' + '0A0000')) as VpnNlri).labels).toEqual([0, 100]);
  });
  it('withdraw:false (MP_REACH) reads label 524288 without S as a label, withdraw:true always as the field', () => {
    // IPv6: labels 524288, 100; RD; 2001:db8::/32 → 48 + 64 + 32 = 144 = 0x90. Without the option
    // it also fits the Compatibility reading (prefix 56 bits): the caller decides.
    const h = '90800000000641' + '0000000100000001' + '20010DB8';
    expect((decodeOne(ipv6MplsVpn, bytes(h), { withdraw: false } as never) as VpnNlri).labels).toEqual([524288, 100]);
    expect((decodeOne(ipv6MplsVpn, bytes(h)) as VpnNlri).withdraw).toBe(true);
    // MP_UNREACH with an echoed one-label stack (S set): still the Compatibility field (§2.4).
    const echoed = decodeOne(ipv4MplsVpn, bytes('7000064100000001000000010A0000'), { withdraw: true } as never) as VpnNlri;
    expect(echoed.labels).toEqual([100]);
    expect(echoed.withdraw).toBe(true);
    expect(echoed.compatibility).toBe(0x000641);
  });
});

describe('encode-nlri args (vpn.md §6)', () => {
  it('Ze\'s examples', () => {
    expect(enc('ipv4/mpls-vpn', ['rd', '0:65000:100', 'label', '1000', 'prefix', '10.0.0.0/24'])).toBe('70003E810000FDE8000000640A0000');
    expect(enc('ipv4/mpls-vpn', ['rd', '1:192.0.2.1:100', 'label', '1000', 'prefix', '10.0.0.0/24'])).toBe('70003E810001C000020100640A0000');
    expect(enc('ipv6/mpls-vpn', ['rd', '0:65000:100', 'label', '1000', 'prefix', '2001:db8:1::/48'])).toBe('88003E810000FDE80000006420010DB80001');
  });
  it('skips unknown tokens, keeps host bits of the last octet, later rd/prefix replace earlier', () => {
    expect(enc('ipv4/mpls-vpn', ['next-hop', '1.2.3.4', 'rd', '9:9', 'rd', '1:1', 'label', '100', 'prefix', '11.0.0.0/8', 'prefix', '10.0.0.129/25'])).toBe(
      '71000641' + '0000000100000001' + '0A000081',
    );
  });
  it('path-id is accepted; encode-nlri writes no path id, ADD-PATH encode does', () => {
    const args = ['rd', '1:1', 'label', '100', 'prefix', '10.0.0.0/24', 'path-id', '42'];
    expect(enc('ipv4/mpls-vpn', args)).toBe('7000064100000001000000010A0000');
    expect(toHex(encode(ipv4MplsVpn, ipv4MplsVpn.fromArgs(args), { addPath: true }))).toBe('0000002A7000064100000001000000010A0000');
  });
  it('a typed RD keeps its type: 2:65000:1 is type 2 (vpn-003, RFC 4364 §4.2)', () => {
    expect(enc('ipv6/mpls-vpn', ['rd', '2:65000:1', 'label', '200', 'prefix', '2001:db8::/32'])).toBe('78000C8100020000FDE8000120010DB8');
  });
  const bad: [string, string[], string][] = [
    ['missing rd', ['label', '1', 'prefix', '10.0.0.0/24'], 'rd required for VPN'],
    ['missing label', ['rd', '1:1', 'prefix', '10.0.0.0/24'], 'label required for VPN'],
    ['missing prefix', ['rd', '1:1', 'label', '1'], 'prefix required for VPN'],
    ['keyword without value', ['rd', '1:1', 'label'], 'label requires value'],
    ['bad label', ['rd', '1:1', 'label', '-1', 'prefix', '10.0.0.0/24'], 'invalid label: strconv.ParseUint: parsing "-1": invalid syntax'],
    ['label above 20 bits', ['rd', '1:1', 'label', '1048576', 'prefix', '10.0.0.0/24'], 'label out of range'],
    ['bad rd', ['rd', 'x', 'label', '1', 'prefix', '10.0.0.0/24'], 'invalid rd'],
    ['bad prefix', ['rd', '1:1', 'label', '1', 'prefix', '10.0.0.0'], 'invalid prefix: netip.ParsePrefix("10.0.0.0"): no \'/\''],
    ['bad path-id', ['rd', '1:1', 'label', '1', 'prefix', '10.0.0.0/24', 'path-id', 'x'], 'invalid path-id'],
    ['other address family', ['rd', '1:1', 'label', '1', 'prefix', '2001:db8::/32'], 'is not an IPv4 prefix'],
    ['bad withdraw value', ['rd', '1:1', 'withdraw', '0x8000001', 'prefix', '10.0.0.0/24'], 'invalid withdraw'],
    ['withdraw value not hex', ['rd', '1:1', 'withdraw', '800000', 'prefix', '10.0.0.0/24'], 'invalid withdraw'],
    ['withdraw and label', ['rd', '1:1', 'label', '1', 'withdraw', '0x800000', 'prefix', '10.0.0.0/24'], 'not both'],
  ];
  it.each(bad)('%s', (_, args, msg) => {
    const e = error(() => enc('ipv4/mpls-vpn', args));
    expect(e.code).toBe('invalid-args');
    expect(e.message).toContain(msg);
  });
  it('an NLRI over 255 bits is refused (Ze wraps the length octet, vpn.md §7)', () => {
    const e = error(() => enc('ipv6/mpls-vpn', ['rd', '1:1', 'label', '1', 'label', '2', 'label', '3', 'prefix', '2001:db8::1/128']));
    expect(e.message).toContain('exceeds 255');
  });
});

describe('encode: typed models are checked', () => {
  const base: VpnNlri = { v6: false, labels: [100], rd: bytes('0000000100000001'), prefix: { v6: false, len: 24, addr: bytes('0A0000') } };
  it('a plain model encodes like its decoded twin', () => {
    expect(toHex(encode(ipv4MplsVpn, base))).toBe('7000064100000001000000010A0000');
    expect(toJson(ipv4MplsVpn, base)).toBe('{"labels":[[100]],"prefix":"10.0.0.0/24","rd":"0:1:1"}');
  });
  const bad: [string, VpnNlri, string][] = [
    ['no label', { ...base, labels: [] }, 'invalid-model'],
    ['label above 20 bits', { ...base, labels: [0x100000] }, 'invalid-model'],
    ['short RD', { ...base, rd: bytes('0000') }, 'invalid-model'],
    ['wrong address family', { ...base, prefix: { v6: true, len: 24, addr: bytes('0A0000') } }, 'invalid-model'],
    ['withdraw with a label value', { ...base, withdraw: true }, 'invalid-model'],
    ['over 255 bits', { ...base, v6: true, prefix: { v6: true, len: 128, addr: new Uint8Array(16) }, labels: [1, 2, 3] }, 'too-long'],
  ];
  it.each(bad)('%s', (_, m, code) => {
    const codec = m.v6 ? ipv6MplsVpn : ipv4MplsVpn;
    const e = error(() => encode(codec, m));
    expect(e.code).toBe(code);
    expect(e.family).toBe(codec.name);
  });
});

describe('RFC 8277 §2.4 by direction: from MP_UNREACH always one 3-octet Compatibility field', () => {
  // RFC 8277 §2.4: Length | Compatibility (3 octets) | RD | Prefix, the value ignored on
  // reception. RD 0:65000:100, 10.0.0.0/24 withdrawn: 24 + 64 + 24 = 112 bits = 0x70.
  const unreach = { withdraw: true } as never;
  const rd = '0000FDE800000064';
  const cases: [string, string, number, number[], string][] = [
    ['0x800000 (RFC 3107)', '70800000' + rd + '0A0000', 0x800000, [524288], '{"labels":[[524288]],"prefix":"10.0.0.0/24","rd":"0:65000:100","withdraw":true}'],
    ['0x000000', '70000000' + rd + '0A0000', 0x000000, [0], '{"labels":[[0]],"prefix":"10.0.0.0/24","rd":"0:65000:100","withdraw":true}'],
    ['an echoed label 100 with S (0x000641)', '70000641' + rd + '0A0000', 0x000641, [100], '{"labels":[[100]],"prefix":"10.0.0.0/24","rd":"0:65000:100","withdraw":true,"compatibility":"0x000641"}'],
    ['label 0 with TC bits, no S (0x000008)', '70000008' + rd + '0A0000', 0x000008, [0], '{"labels":[[0]],"prefix":"10.0.0.0/24","rd":"0:65000:100","withdraw":true,"compatibility":"0x000008"}'],
  ];
  it.each(cases)('%s: one field, prefix length 112 - 24 - 64 = 24, the same bytes back', (_, h, value, labels, json) => {
    const m = decodeOne(ipv4MplsVpn, bytes(h), unreach) as VpnNlri;
    expect(m.withdraw).toBe(true);
    expect(m.compatibility).toBe(value);
    expect(m.labels).toEqual(labels);
    expect(m.prefix.len).toBe(24);
    expect(toHex(m.rd)).toBe(rd);
    expect(toJson(ipv4MplsVpn, m)).toBe(json);
    expect(toHex(encode(ipv4MplsVpn, m))).toBe(h);
    expect(enc('ipv4/mpls-vpn', ipv4MplsVpn.toArgs!(m))).toBe(h);
  });
  it('a two-label echo from MP_UNREACH is still one field: the rest is RD and prefix', () => {
    // labels 0 (no S) and 100 (S) then RD 0:1:1 and 10.0.0.0/24 = 136 bits (0x88). From
    // MP_UNREACH: field 0x000000, RD 000641 00000001 00, prefix 136 - 88 = 48 bits > 32: an error.
    const h = '88000000000641' + '0000000100000001' + '0A0000';
    expect(error(() => decodeOne(ipv4MplsVpn, bytes(h), unreach)).code).toBe('bad-length');
    expect((decodeOne(ipv4MplsVpn, bytes(h), { withdraw: false } as never) as VpnNlri).labels).toEqual([0, 100]);
  });
  it('direction unknown (decode-nlri): the heuristic is unchanged, only exactly 0x800000 / 0x000000 count', () => {
    expect(decodeHex('ipv4/mpls-vpn', '70000641' + rd + '0A0000')).toBe('{"labels":[[100]],"prefix":"10.0.0.0/24","rd":"0:65000:100"}');
  });
  it('args: `withdraw 0x000641` writes that value; built models are checked', () => {
    expect(enc('ipv4/mpls-vpn', ['rd', '0:65000:100', 'withdraw', '0x000641', 'prefix', '10.0.0.0/24'])).toBe('70000641' + rd + '0A0000');
    const built: VpnNlri = { v6: false, labels: [524288], withdraw: true, rd: bytes(rd), prefix: { v6: false, len: 24, addr: bytes('0A0000') } };
    expect(toHex(encode(ipv4MplsVpn, built))).toBe('70800000' + rd + '0A0000');
    expect(error(() => encode(ipv4MplsVpn, { ...built, compatibility: -1 })).code).toBe('invalid-model');
    expect(error(() => encode(ipv4MplsVpn, { ...built, compatibility: 0x000641 })).code).toBe('invalid-model');
  });
  it('IPv6 fuzz-style inputs with a non-canonical field re-encode stably under withdraw:true', () => {
    // 0x000008, RD 0:1:1, 2001:db8::/32: 24 + 64 + 32 = 120 bits (0x78).
    const h = '78000008' + '0000000100000001' + '20010DB8';
    const m = decodeOne(ipv6MplsVpn, bytes(h), unreach) as VpnNlri;
    expect(toJson(ipv6MplsVpn, m)).toBe('{"labels":[[0]],"prefix":"2001:db8::/32","rd":"0:1:1","withdraw":true,"compatibility":"0x000008"}');
    expect(toHex(encode(ipv6MplsVpn, m))).toBe(h);
    for (const c of [ipv4MplsVpn, ipv6MplsVpn]) {
      for (const x of [h, '34000008245E1BBF', 'DB0000084F8540FFFFF0065440A60320000130442B6000001102782FCA']) {
        expect(checkBytes(c, bytes(x), { withdraw: true }).finding).toBeUndefined();
        expect(checkBytes(c, bytes(x), { withdraw: true, lossless: true }).finding).toBeUndefined();
      }
    }
  });
});
