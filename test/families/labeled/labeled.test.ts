/**
 * Labeled unicast: wire edge cases and error paths (RFC 8277 §2.1-2.4), Ze's hand-built JSON
 * (labeled.md §5), the args grammar (labeled.md §6) and the documented differences from Ze
 * (docs/ze-compat.md, section labeled). Expected values from the spec, Ze's vectors and the RFC.
 */
import { describe, expect, it } from 'vitest';
import { decodeAll, decodeOne, defaultRegistry, encode, NlriError, toHex, toJson } from '../../../src/index.js';
import { ipv4MplsLabel, ipv6MplsLabel, LabeledView, type LabeledNlri } from '../../../families/labeled/index.js';
import { codecError as error, bytes } from '../../support/helpers.js';
import { checkBytes } from '../../../fuzz/checks.js';

const decodeHex = (f: string, h: string): string => defaultRegistry.decodeHex(f, h);
const enc = (f: string, args: string[]): string => defaultRegistry.encodeArgs(f, args);


describe('decode', () => {
  it('is a view of the input: prefix octets are a subarray', () => {
    const input = bytes('3003E801C0A801');
    const m = decodeOne(ipv4MplsLabel, input) as LabeledNlri;
    expect(m).toBeInstanceOf(LabeledView);
    expect(m.prefix.addr.buffer).toBe(input.buffer);
    expect(m.prefix.addr.byteOffset).toBe(4);
    expect(m.labels).toEqual([16000]);
  });

  it('writes prefix first, then a flat labels array (Ze\'s hand-built text)', () => {
    expect(decodeHex('ipv4/mpls-label', '48000640000C81C0A801')).toBe('{"prefix":"192.168.1.0/24","labels":[100,200]}');
    expect(decodeHex('ipv6/mpls-label', '3800064120010DB8')).toBe('{"prefix":"2001:db8::/32","labels":[100]}');
  });

  it('clears host bits in the text, keeps them for encoding (labeled-031)', () => {
    const m = decodeOne(ipv4MplsLabel, bytes('2C0006410A00FF'));
    expect(toJson(ipv4MplsLabel, m)).toBe('{"prefix":"10.0.240.0/20","labels":[100]}');
    expect(toHex(encode(ipv4MplsLabel, m))).toBe('2C0006410A00FF');
    expect(enc('ipv4/mpls-label', ipv4MplsLabel.toArgs!(m))).toBe('2C0006410A00FF');
  });

  it('decodes every NLRI of the input (labeled-027)', () => {
    const ms = decodeAll(ipv4MplsLabel, bytes('200006410A200006410B'));
    expect(ms.map((m) => toJson(ipv4MplsLabel, m))).toEqual(['{"prefix":"10.0.0.0/8","labels":[100]}', '{"prefix":"11.0.0.0/8","labels":[100]}']);
  });

  const errors: [string, string, string, number, string][] = [
    ['fewer than 4 bytes (labeled-005)', '38', 'truncated', 0, 'truncated labeled unicast NLRI'],
    ['prefix octets missing (labeled-034)', '2100064180', 'truncated', 0, 'truncated prefix in labeled unicast NLRI'],
    ['length shorter than the stack (labeled-033)', '100006410A', 'bad-length', 0, 'invalid labeled unicast: totalBits=16 labels=1'],
    ['length not a whole label', '1400064100', 'bad-length', 0, 'invalid labeled unicast: totalBits=20 labels=1'],
    ['no S bit within the NLRI (labeled-029)', '300006400000000A', 'malformed', 1, 'no bottom-of-stack bit'],
    ['IPv4 prefix over 32 bits (labeled-030)', '400006410A00000000', 'bad-length', 0, 'prefix length 40 exceeds 32'],
  ];
  it.each(errors)('%s', (_, hex, code, offset, msg) => {
    const e = error(() => decodeAll(ipv4MplsLabel, bytes(hex)));
    expect(e.code).toBe(code);
    expect(e.offset).toBe(offset);
    expect(e.message).toContain(msg);
    expect(e.family).toBe('ipv4/mpls-label');
  });

  it('a trailing byte is a second, truncated NLRI, at its own offset (labeled-032)', () => {
    const e = error(() => decodeAll(ipv6MplsLabel, bytes('2C00064120010DFF')));
    expect(e.code).toBe('truncated');
    expect(e.offset).toBe(7);
  });

  it('maxLabels (RFC 8277 §2.1): 1 without the capability refuses a two-label stack', () => {
    const e = error(() => decodeOne(ipv4MplsLabel, bytes('38000640000C810A'), { maxLabels: 1 } as never));
    expect(e.code).toBe('malformed');
    expect(e.message).toContain('RFC 8277 §2.1');
  });
});

describe('RFC 8277 §2.4 withdrawal Compatibility field (labeled-028)', () => {
  it('0x800000 then the prefix', () => {
    expect(decodeHex('ipv4/mpls-label', '308000000A0000')).toBe('{"prefix":"10.0.0.0/24","labels":[524288],"withdraw":true}');
    expect(enc('ipv4/mpls-label', ['prefix', '10.0.0.0/24', 'withdraw', '0x800000'])).toBe('308000000A0000');
    expect(enc('ipv4/mpls-label', ['prefix', '10.0.0.0/24', 'withdraw', '0x000000'])).toBe('300000000A0000');
  });
  it('the default route withdrawn: 0x800000 and no prefix octet', () => {
    expect(decodeHex('ipv4/mpls-label', '18800000')).toBe('{"prefix":"0.0.0.0/0","labels":[524288],"withdraw":true}');
  });
  it('withdraw:false reads label 0 without S as the first of a stack', () => {
    // labels 0 (no S), 100 (S), 10/8: 24*2 + 8 = 56 = 0x38. Unknown context: 56 - 24 = 32 also
    // fits the Compatibility reading, so only the caller can tell.
    const h = '380000000006410A';
    expect((decodeOne(ipv4MplsLabel, bytes(h), { withdraw: false } as never) as LabeledNlri).labels).toEqual([0, 100]);
    expect((decodeOne(ipv4MplsLabel, bytes(h)) as LabeledNlri).withdraw).toBe(true);
  });
});

describe('encode-nlri args (labeled.md §6)', () => {
  it('Ze\'s examples, literal bytes', () => {
    expect(enc('ipv4/mpls-label', ['prefix', '10.0.0.0/8', 'label', '100'])).toBe('200006410A');
    expect(enc('ipv4/mpls-label', ['prefix', '192.168.1.0/24', 'label', '16000'])).toBe('3003E801C0A801');
    expect(enc('ipv4/mpls-label', ['prefix', '0.0.0.0/0', 'label', '3'])).toBe('18000031');
    expect(enc('ipv4/mpls-label', ['prefix', '10.1.2.3/32', 'label', '1048575'])).toBe('38FFFFF10A010203');
    expect(enc('ipv6/mpls-label', ['prefix', '2001:db8::/32', 'label', '100'])).toBe('3800064120010DB8');
    expect(enc('ipv4/mpls-label', ['prefix', '10.0.0.0/8', 'label', '100', 'label', '200'])).toBe('38000640000C810A');
  });
  it('skips rd and other unknown tokens; path-id is accepted and not written', () => {
    expect(enc('ipv4/mpls-label', ['rd', '1:1', 'prefix', '10.0.0.0/8', 'label', '100', 'path-id', '42'])).toBe('200006410A');
  });
  const bad: [string, string, string[], string][] = [
    ['missing prefix', 'ipv4/mpls-label', ['label', '1'], 'prefix required for labeled unicast'],
    ['missing label', 'ipv4/mpls-label', ['prefix', '10.0.0.0/8'], 'label required for labeled unicast'],
    ['prefix checked before label', 'ipv4/mpls-label', [], 'prefix required'],
    ['keyword without value', 'ipv4/mpls-label', ['prefix'], 'prefix requires value'],
    ['label above 20 bits', 'ipv4/mpls-label', ['prefix', '10.0.0.0/8', 'label', '4294967295'], 'label out of range'],
    ['label over 32 bits', 'ipv4/mpls-label', ['prefix', '10.0.0.0/8', 'label', '4294967296'], 'invalid label: strconv.ParseUint: parsing "4294967296": value out of range'],
    ['other address family', 'ipv6/mpls-label', ['prefix', '10.0.0.0/8', 'label', '1'], 'is not an IPv6 prefix'],
    ['over 255 bits', 'ipv6/mpls-label', ['prefix', '2001:db8::1/128', ...Array.from({ length: 6 }, (_, i) => ['label', String(i + 1)]).flat()], 'exceeds 255'],
  ];
  it.each(bad)('%s', (_, family, args, msg) => {
    const e = error(() => enc(family, args));
    expect(e.code).toBe('invalid-args');
    expect(e.message).toContain(msg);
  });
});

describe('encode: typed models are checked', () => {
  const base: LabeledNlri = { v6: false, labels: [100], prefix: { v6: false, len: 8, addr: bytes('0A') } };
  it('a plain model', () => {
    expect(toHex(encode(ipv4MplsLabel, base))).toBe('200006410A');
    expect(toJson(ipv4MplsLabel, base)).toBe('{"prefix":"10.0.0.0/8","labels":[100]}');
  });
  it.each([
    ['no label', { ...base, labels: [] }, 'invalid-model'],
    ['label above 20 bits', { ...base, labels: [0x100000] }, 'invalid-model'],
    ['prefix length 33', { ...base, prefix: { v6: false, len: 33, addr: new Uint8Array(5) } }, 'invalid-model'],
    ['withdraw with two labels', { ...base, labels: [0x80000, 1], withdraw: true }, 'invalid-model'],
  ] as [string, LabeledNlri, string][])('%s', (_, m, code) => {
    expect(error(() => encode(ipv4MplsLabel, m)).code).toBe(code);
  });
});

describe('RFC 8277 §2.4 by direction: from MP_UNREACH always one 3-octet Compatibility field', () => {
  // RFC 8277 §2.4: Length | Compatibility (3 octets) | Prefix; the value SHOULD be 0x800000 on
  // transmission and MUST be ignored on reception, "whether or not the Multiple Labels Capability
  // has been sent or received". 10.0.0.0/24 withdrawn: 24 + 24 = 48 bits = 0x30.
  const unreach = { withdraw: true } as never;
  const cases: [string, string, number, number[], string][] = [
    ['0x800000 (RFC 3107)', '308000000A0000', 0x800000, [524288], '{"prefix":"10.0.0.0/24","labels":[524288],"withdraw":true}'],
    ['0x000000', '300000000A0000', 0x000000, [0], '{"prefix":"10.0.0.0/24","labels":[0],"withdraw":true}'],
    ['an echoed label 100 with S (0x000641)', '300006410A0000', 0x000641, [100], '{"prefix":"10.0.0.0/24","labels":[100],"withdraw":true,"compatibility":"0x000641"}'],
    ['label 0 with TC bits, no S (0x000008)', '300000080A0000', 0x000008, [0], '{"prefix":"10.0.0.0/24","labels":[0],"withdraw":true,"compatibility":"0x000008"}'],
  ];
  it.each(cases)('%s: one field, prefix length 48 - 24 = 24, the same bytes back', (_, h, value, labels, json) => {
    const m = decodeOne(ipv4MplsLabel, bytes(h), unreach) as LabeledNlri;
    expect(m.withdraw).toBe(true);
    expect(m.compatibility).toBe(value);
    expect(m.labels).toEqual(labels);
    expect(m.prefix.len).toBe(24);
    expect(toJson(ipv4MplsLabel, m)).toBe(json);
    expect(toHex(encode(ipv4MplsLabel, m))).toBe(h);
    // and through args: `withdraw 0x<value>`
    expect(enc('ipv4/mpls-label', ipv4MplsLabel.toArgs!(m))).toBe(h);
  });
  it('IPv6: 2001:db8::/32 withdrawn with 0x000641 is 24 + 32 = 56 bits', () => {
    const m = decodeOne(ipv6MplsLabel, bytes('3800064120010DB8'), unreach) as LabeledNlri;
    expect(toJson(ipv6MplsLabel, m)).toBe('{"prefix":"2001:db8::/32","labels":[100],"withdraw":true,"compatibility":"0x000641"}');
    expect(toHex(encode(ipv6MplsLabel, m))).toBe('3800064120010DB8');
  });
  it('from MP_REACH the same bytes are a stack (or fail without an S bit)', () => {
    expect((decodeOne(ipv4MplsLabel, bytes('300006410A0000'), { withdraw: false } as never) as LabeledNlri).labels).toEqual([100]);
    expect(error(() => decodeOne(ipv4MplsLabel, bytes('300000080A0000'), { withdraw: false } as never)).code).toBe('malformed');
  });
  it('direction unknown (decode-nlri): the heuristic is unchanged, only exactly 0x800000 / 0x000000 count', () => {
    expect(decodeHex('ipv4/mpls-label', '300006410A0000')).toBe('{"prefix":"10.0.0.0/24","labels":[100]}');
    expect(decodeHex('ipv4/mpls-label', '300000000A0000')).toBe('{"prefix":"10.0.0.0/24","labels":[0],"withdraw":true}');
  });
  it('args: `withdraw` takes any 3-octet hex value; a built model without `compatibility` writes 0x800000 for [524288]', () => {
    expect(enc('ipv4/mpls-label', ['prefix', '10.0.0.0/24', 'withdraw', '0x000641'])).toBe('300006410A0000');
    expect(error(() => enc('ipv4/mpls-label', ['prefix', '10.0.0.0/24', 'withdraw', '0x80000'])).message).toContain('invalid withdraw');
    const built: LabeledNlri = { v6: false, labels: [524288], withdraw: true, prefix: { v6: false, len: 24, addr: bytes('0A0000') } };
    expect(toHex(encode(ipv4MplsLabel, built))).toBe('308000000A0000');
    expect(error(() => encode(ipv4MplsLabel, { ...built, compatibility: 0x000641 })).code).toBe('invalid-model');
    expect(toHex(encode(ipv4MplsLabel, { ...built, labels: [100], compatibility: 0x000641 }))).toBe('300006410A0000');
  });
  it('the fuzz campaign inputs are stable under withdraw:true (fuzz/crashes/labeled-unreach-*.json)', () => {
    // 0x000008 then 0x245E1B: once read as the stack [0, 148961], re-encoded with TC dropped.
    const m = decodeOne(ipv4MplsLabel, bytes('34000008245E1BBF'), unreach) as LabeledNlri;
    expect(toJson(ipv4MplsLabel, m)).toBe('{"prefix":"36.94.27.176/28","labels":[0],"withdraw":true,"compatibility":"0x000008"}');
    for (const h of ['34000008245E1BBF', 'DB0000084F8540FFFFF0065440A60320000130442B6000001102782FCA']) {
      for (const extra of [{}, { strict: true }, { lossless: true }]) {
        expect(checkBytes(ipv4MplsLabel, bytes(h), { withdraw: true, ...extra }).finding).toBeUndefined();
      }
    }
    // 219 bits: one field leaves a 195-bit prefix, an error both times.
    expect(error(() => decodeOne(ipv4MplsLabel, bytes('DB0000084F8540FFFFF0065440A60320000130442B6000001102782FCA'), unreach)).code).toBe('bad-length');
  });
});
