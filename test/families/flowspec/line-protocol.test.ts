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

/**
 * Samples whose JSON cannot carry what the args said (§9 D4): a bitmask pair's AND bit and the
 * operator 0x00 both print as `=`/OR, so the JSON encodes back with the match bit and no AND.
 */
const BITMASK_LOSS: Record<string, string> = {
  // tcp-flags syn &!rst → [["=syn"],["!rst"]] → =syn (0x01), !rst (end|not 0x82)
  '05090002C204': '050901028204',
  // fragment dont-fragment is-fragment → =dont-fragment (0x01), =is-fragment (end|match 0x81)
  '050C00018002': '050C01018102',
  // next-header tcp tcp-flags syn → tcp-flags =syn (end|match 0x81)
  '06038106098002': '06038106098102',
};

describe('fromZeJson: decode JSON → encode json → hex', () => {
  const withArgs = samples.filter((s) => s.args !== undefined);
  test.each(withArgs.map((s) => [s.family, s.hex.slice(0, 48), s] as const))('%s %s', (family, _h, s) => {
    const expected = BITMASK_LOSS[s.hex] ?? s.hex;
    expect(viaJson(family, s.hex)).toBe(expected);
    // Where the bytes change, the meaning Ze's JSON shows does not.
    expect(reg.decodeHex(family, expected)).toBe(reg.decodeHex(family, s.hex));
  });

  test('every sample family is covered and the lossy ones are only bitmask samples', () => {
    expect(new Set(withArgs.map((s) => s.family))).toEqual(new Set(['ipv4/flow', 'ipv6/flow', 'ipv4/flow-vpn', 'ipv6/flow-vpn']));
    for (const hex of Object.keys(BITMASK_LOSS)) expect(withArgs.some((s) => s.hex === hex)).toBe(true);
  });

  test("Ze's token rules: /0 stripped, protocol = stripped, rd first, groups repeat the keyword", () => {
    expect(
      zeJsonToArgs({ protocol: [['=tcp'], ['=udp']], rd: '0:100:1', destination: [['10.0.0.0/24/0']], port: [['>80', '<100'], ['=443']] }, 'ipv4/flow-vpn'),
    ).toEqual(['rd', '0:100:1', 'destination', '10.0.0.0/24', 'protocol', 'tcp', 'protocol', 'udp', 'port', '>80', '<100', 'port', '=443']);
    // A bitmask group is one pair: its members are joined.
    expect(zeJsonToArgs({ 'tcp-flags': [['=fin', 'push'], ['!rst']] }, 'ipv4/flow')).toEqual(['tcp-flags', '=fin&push', 'tcp-flags', '!rst']);
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
    ['ipv6/flow', '0D01200020010DB8038106098002', 'tcp-flags [[=syn]] destination-ipv6 [[2001:db8::/32/0]] next-header [[=tcp]]'],
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
