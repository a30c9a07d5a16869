/**
 * The line protocol's JSON encode and text decode for FlowSpec (flowspec.md §8): Ze's decode JSON
 * back to tokens and bytes (`fromZeJson`), Ze's `decode text` line (`text`), and both through
 * `answerLine`. Expected hex and text are written by hand from the spec's rules (§5, §6) and from
 * the way Ze's text formatter prints its decode map (Go `%v` of the string lists).
 */
import { describe, expect, test } from 'vitest';
import { answerLine } from '../../../src/cli/line-protocol.js';
import { samples, zeJsonToArgs } from '../../../families/flowspec/index.js';
import { encodeHex, errorOf, models, reg } from './helpers.js';

/** decode JSON → fromZeJson → encode, as hex. */
function viaJson(family: string, hex: string): string {
  const value: unknown = JSON.parse(reg.decodeHex(family, hex));
  return encodeHex(family, reg.require(family).fromZeJson!(value) as never);
}

describe('fromZeJson: decode JSON → encode json → hex', () => {
  const withArgs = samples.filter((s) => s.args !== undefined);
  // Issue 15 §1: the JSON carries every operator bit (bitmask a and m, numeric 000/111), so the
  // bytes come back exactly (Ze's JSON turned `syn &!rst` into `=syn !rst`: other bytes).
  test.each(withArgs.map((s) => [s.family, s.hex.slice(0, 48), s] as const))('%s %s', (family, _h, s) => {
    expect(viaJson(family, s.hex)).toBe(s.hex);
  });

  test.each([
    ['ipv4/flow', '05090002C204'], // syn AND NOT rst
    ['ipv4/flow', '050C00018002'], // m = 0
    ['ipv4/flow', '0409910102'], // 2-octet TCP flags
    ['ipv4/flow', '030C8011'], // unnamed fragment bit
    ['ipv4/flow', '0503470681BB'], // AND on the first pair, true:tcp
    ['ipv4/flow', '050300068706'], // false:tcp OR true:tcp
    ['ipv4/flow', '05030606C404'], // protocol !=6 AND <4
    ['ipv4/flow', '06044150D501BB'], // port &=80 AND <=443
    ['ipv4/flow', '0305C050'], // false:80 with the AND bit
  ])('every operator bit survives JSON: %s %s', (family, hex) => {
    expect(viaJson(family, hex)).toBe(hex);
  });

  test("Ze's token rules: /0 stripped, protocol = stripped, rd first, groups repeat the keyword", () => {
    expect(
      zeJsonToArgs({ protocol: [['=tcp'], ['=udp']], rd: '0:100:1', destination: [['10.0.0.0/24/0']], port: [['>80', '<100'], ['=443']] }, 'ipv4/flow-vpn'),
    ).toEqual(['rd', '0:100:1', 'destination', '10.0.0.0/24', 'protocol', 'tcp', 'protocol', 'udp', 'port', '>80', '<100', 'port', '=443']);
    // A bitmask group is one pair: its members are joined.
    expect(zeJsonToArgs({ 'tcp-flags': [['=fin', 'push'], ['!rst']] }, 'ipv4/flow')).toEqual(['tcp-flags', '=fin&push', '!rst']);
    // Unknown keys, non-array values and non-string members are skipped.
    expect(zeJsonToArgs({ foo: [['x']], dscp: 'x', 'icmp-type': [[8, '=8']] }, 'ipv4/flow')).toEqual(['icmp-type', '=8']);
  });

  test('OR groups stay OR, one bitmask group stays one pair', () => {
    const c = reg.require('ipv4/flow');
    // port =80 OR =443: 01 50, end|len 1|eq 0x91 01BB (RFC 8955 §4.2.1.1)
    expect(encodeHex('ipv4/flow', c.fromZeJson!({ port: [['=80'], ['=443']] }) as never)).toBe('060401509101BB');
    // fin+push with match: one pair end|match 0x81, value 0x09 (RFC 8955 §4.2.2.9)
    expect(encodeHex('ipv4/flow', c.fromZeJson!({ 'tcp-flags': [['=fin', 'push']] }) as never)).toBe('03098109');
  });

  test('errors are invalid-args with Ze wording', () => {
    const c = reg.require('ipv4/flow');
    const e = errorOf(() => c.fromZeJson!({ foo: 1 }));
    expect(e.code).toBe('invalid-args');
    expect(e.message).toBe('no valid components in JSON');
    expect(errorOf(() => c.fromZeJson!([1])).message).toBe('invalid JSON: expected an object');
    expect(errorOf(() => reg.require('ipv4/flow-vpn').fromZeJson!({ destination: [['10.0.0.0/24/0']] })).message).toBe('rd required for VPN family');
    expect(errorOf(() => reg.require('ipv6/flow').fromZeJson!({ 'source-ipv6': [['::1/128/120']] })).message).toMatch(/^invalid prefix: /);
  });
});

describe('text: Ze\'s decode text line', () => {
  const text = (family: string, hex: string): string => reg.require(family).text!(models(family, hex)[0]!);
  test.each([
    ['ipv4/flow', '0801180A0000038106', 'destination [[10.0.0.0/24/0]] protocol [[=tcp]]'],
    ['ipv4/flow', '0B04025044641201BBD401F4', 'port [[>80 <100] [>443 <500]]'],
    ['ipv4/flow', '050901048109', 'tcp-flags [[=rst] [=fin push]]'],
    ['ipv4/flow-vpn', '0D0000FDE80000006401180A0000', 'destination [[10.0.0.0/24/0]] rd 0:65000:100'],
    ['ipv6/flow', '0D01200020010DB8038106098002', 'tcp-flags [[syn]] destination-ipv6 [[2001:db8::/32/0]] next-header [[=tcp]]'],
    ['ipv4/flow', '00', '(empty)'],
  ])('%s %s', (family, hex, expected) => {
    expect(text(family, hex)).toBe(expected);
  });
});

describe('answerLine', () => {
  test('encode json nlri', () => {
    expect(answerLine(reg, 'encode json nlri ipv4/flow {"destination":[["10.0.0.0/24/0"]]}')).toBe('encoded hex 0501180A0000');
    expect(answerLine(reg, 'encode json nlri IPV4/FLOW-VPN {"rd":"0:100:100", "destination":[["10.0.0.0/24/0"]]}')).toBe(
      'encoded hex 0D000000640000006401180A0000',
    );
    expect(answerLine(reg, 'encode json nlri ipv4/flow {"foo":[]}')).toBe('encoded error no valid components in JSON');
  });

  test('decode text nlri', () => {
    expect(answerLine(reg, 'decode text nlri ipv4/flow 0801180a0000038106')).toBe('decoded text destination [[10.0.0.0/24/0]] protocol [[=tcp]]');
    expect(answerLine(reg, 'decode text nlri ipv4/flow 0501180a0000')).toBe('decoded text destination [[10.0.0.0/24/0]]');
  });
});
