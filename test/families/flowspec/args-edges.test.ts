/**
 * Edges of the encode-nlri grammar (spec §6) that the args parser's fast paths decide: the case
 * test without toLowerCase, decimal values read as numbers (15 digits) or as BigInt (longer),
 * the numeric and bitmask operator prefixes read by character, components sorted by insertion,
 * and the encoder's direct writes (and its checked fallback). Expected bytes are worked out from
 * RFC 8955 §4.1 (length), §4.2.1.1-2 (operator octets: e a len 0 lt gt eq / e a len 0 0 not m)
 * and §4.2.2 (type codes); expected texts are Go's strconv.ParseUint / Ze's messages.
 */
import { describe, expect, it } from 'vitest';
import { toHex } from '../../../src/core/hex.js';
import { Writer } from '../../../src/core/writer.js';
import { encodeInto } from '../../../src/registry/ops.js';
import { canonicalComponents } from '../../../families/flowspec/canonical.js';
import { flowOps, type FlowComponent, type FlowSpecNlri } from '../../../families/flowspec/index.js';
import { bytes, encodeHex, errorOf, reg, enc } from './helpers.js';

describe('keywords and names, matched case-insensitively', () => {
  it.each([
    [['PACKET-LENGTH', '=64'], '030A8140'], // type 10, end|eq, 64
    [['pac\u212Aet-length', '=64'], '030A8140'], // U+212A KELVIN SIGN lower-cases to k (Go's ToLower too)
    [['Destination', '10.0.0.0/8', 'Port', '=80'], '0601080A048150'],
    [['protocol', 'Tcp', 'UDP'], '050301068111'], // OR-ed: 0x01 6, end 0x81 17
    [['tcp-flags', 'SYN'], '03098002'],
    [['fragment', 'DF&IsF'], '030C8003'],
  ])('%j', (args, hex) => {
    expect(enc('ipv4/flow', args)).toBe(hex);
  });

  it.each([
    [['bogus'], 'unknown component: bogus'],
    [['BOGUS'], 'unknown component: bogus'], // the keyword is shown lower-cased
    [['port', '=80', ''], 'unknown component: '], // an empty token ends the values, and is no keyword
    [['\u212A'], 'unknown component: k'],
    [['port', '=80', 'RD', '1:1'], 'rd not allowed for ipv4/flow'],
    [['port', '=80', 'Raw', '00'], 'unknown component: raw'], // raw only first
  ])('%j -> %s', (args, message) => {
    expect(enc('ipv4/flow', args)).toBe('error: ' + message);
  });

  it('raw is matched case-insensitively in the first place', () => {
    expect(enc('ipv4/flow', ['RAW', '03038106'])).toBe('03038106');
  });
});

describe('numeric values (RFC 8955 §4.2.1.1)', () => {
  it.each([
    [['port', '=0080'], '03048150'], // leading zeros: decimal, as Go
    [['port', '0'], '03048100'],
    [['port', '=1000'], '04049103E8'], // 2-octet value: len bits 01
    [['port', '65535'], '040491FFFF'],
    [['flow-label', '=65536'], '060DA100010000'], // 4-octet value: len bits 10
    [['port', 'true:5'], '03048705'], // lt gt eq = 111
    [['port', 'false:5'], '03048005'], // 000
    [['port', '&=80'], '0304C150'], // AND bit on the first pair
    [['port', '>=1', '<=9', '!=5'], '070403014509C605'], // the later pairs ANDed
    [['port', '>80', 'destination', '10.0.0.0/8', 'port', '<5'], '0801080A0402508405'], // sorted, the ports OR-ed
    [['port', '=1', 'port', '=2', 'source', '10.0.0.0/8', 'port', '=3'], '0A02080A04010101028103'],
  ])('%j', (args, hex) => {
    expect(enc('ipv4/flow', args)).toBe(hex);
  });

  it.each([
    [['port', '999999999999999'], 'port value 999999999999999 exceeds max 65535'], // 15 digits
    [['port', '9999999999999999'], 'port value 9999999999999999 exceeds max 65535'], // 16
    [['port', '18446744073709551615'], 'port value 18446744073709551615 exceeds max 65535'],
    [['port', '18446744073709551616'], 'invalid port value: strconv.ParseUint: parsing "18446744073709551616": value out of range'],
    [['port', ''], 'invalid port value: strconv.ParseUint: parsing "": invalid syntax'],
    [['port', '&'], 'invalid port value: strconv.ParseUint: parsing "": invalid syntax'],
    [['port', '!80'], 'invalid port value: strconv.ParseUint: parsing "!80": invalid syntax'],
    [['port', 'TRUE:5'], 'invalid port value: strconv.ParseUint: parsing "TRUE:5": invalid syntax'], // values are not lower-cased
    [['port', '+80'], 'invalid port value: strconv.ParseUint: parsing "+80": invalid syntax'],
    [['port', '8 0'], 'invalid port value: strconv.ParseUint: parsing "8 0": invalid syntax'],
    [['port', '0x'], 'invalid port value: strconv.ParseUint: parsing "": invalid syntax'],
    [['flow-label', '0x100000000'], 'flow-label value 4294967296 exceeds max 4294967295'],
  ])('%j -> %s', (args, message) => {
    expect(enc('ipv4/flow', args)).toBe('error: ' + message);
  });
});

describe('protocol values', () => {
  it.each([
    [['protocol', '&=6'], '0303C106'],
    [['protocol', '!=udp'], '03038611'],
    [['protocol', '>=TCP'], '03038306'],
    [['protocol', 'TRUE:6'], '03038706'], // lower-cased, so the operator too
    [['protocol', '00006'], '03038106'],
    [['protocol', '0xFF'], '030381FF'],
    [['protocol', 'icmpv6', 'sctp', 'ospf', 'gre', 'igmp', 'icmp'], '0D03013A01840159012F01028101'],
  ])('%j', (args, hex) => {
    expect(enc('ipv4/flow', args)).toBe(hex);
  });

  it.each([
    [['protocol', '=TCQ'], 'invalid protocol: =tcq'],
    [['protocol', '='], 'invalid protocol: ='],
    [['protocol', '255', '256'], 'unknown component: 256'], // a later bad value ends the list
    [['protocol', 'tcp', 'Udpx'], 'unknown component: udpx'],
  ])('%j -> %s', (args, message) => {
    expect(enc('ipv4/flow', args)).toBe('error: ' + message);
  });
});

describe('bitmask values (RFC 8955 §4.2.1.2)', () => {
  it.each([
    [['tcp-flags', 'syn', '&!=fin&ack'], '05090002C311'], // and|not|m = 0x43, end
    [['tcp-flags', 'fin& syn'], '03098003'], // the parts are trimmed
    [['tcp-flags', '&&syn'], '0309C002'], // empty parts are skipped; the AND mark
    [['tcp-flags', '0x100'], '0409900100'], // 2-octet value
    [['fragment', '='], '030C8100'],
  ])('%j', (args, hex) => {
    expect(enc('ipv4/flow', args)).toBe(hex);
  });

  it.each([
    [['tcp-flags', 'syn&bogus'], 'invalid tcp-flags: unknown flag: bogus'],
    [['tcp-flags', '!!syn'], 'invalid tcp-flags: unknown flag: !syn'],
    [['fragment', 'DONT'], 'invalid fragment: unknown flag: dont'],
  ])('%j -> %s', (args, message) => {
    expect(enc('ipv4/flow', args)).toBe('error: ' + message);
  });
});

describe('prefix patterns from args', () => {
  it('the pattern is its ceil(len/8) octets, a copy of them', () => {
    const c = reg.require('ipv4/flow');
    const m = c.fromArgs(['destination', '10.1.2.3/20']);
    const p = m.components[0]!;
    expect(p.type).toBe(1);
    if (p.type !== 1) return;
    expect([p.len, p.offset, toHex(p.pattern)]).toEqual([20, 0, '0A0102']);
    expect(p.pattern.length).toBe(3);
    expect(enc('ipv4/flow', ['destination', '0.0.0.0/0'])).toBe('020100');
    expect(enc('ipv6/flow', ['source', '2001:db8::1/128'])).toBe('1302800020010DB8000000000000000000000001');
  });
});

describe('canonicalComponents order', () => {
  const never = (): never => {
    throw new Error('no prefix here');
  };

  it('sorts by type, stably, and merges a repeated operator type', () => {
    const a = flowOps(4, [0x81], [1]);
    const b = flowOps(3, [0x81], [6]);
    const c = flowOps(4, [0x81], [2]);
    const d = flowOps(12, [0x80], [1]);
    const out = canonicalComponents([d, a, b, c], never);
    expect(out.map((x) => x.type)).toEqual([3, 4, 12]);
    expect(out[0]).toBe(b);
    expect(out[2]).toBe(d);
    const port = out[1] as ReturnType<typeof flowOps>;
    expect([port.ops, port.values]).toEqual([[0x01, 0x81], [1, 2]]);
  });

  it('a component with a non-integer type goes through sort, as before', () => {
    const odd = { type: '4', ops: [0x81], values: [9] } as unknown as FlowComponent;
    const out = canonicalComponents([flowOps(5, [0x81], [1]), odd], never);
    expect(out.map((x) => x.type)).toEqual(['4', 5]); // '4' - 5 < 0
    expect(canonicalComponents([null as unknown as FlowComponent], never)).toEqual([null]);
  });
});

describe('encoder', () => {
  it('writes every value size (RFC 8955 §4.2.1: len bits 00, 01, 10, 11)', () => {
    const m: FlowSpecNlri = { components: [flowOps(4, [0x01, 0x11, 0x21, 0xb1], [1, 0x203, 0x4050607, 0x1000000000000n])] };
    expect(encodeHex('ipv4/flow', m)).toBe('140401011102032104050607B10001000000000000');
  });

  it('zero-fills a short pattern, and writes the RD', () => {
    const rd = bytes('0000FDE800000064');
    const m: FlowSpecNlri = { rd, components: [{ type: 1, len: 24, offset: 0, pattern: bytes('0A') }] };
    expect(encodeHex('ipv4/flow-vpn', m)).toBe('0D0000FDE80000006401180A0000');
    // Into a used buffer: the missing pattern octets are written as zeros, not left as they were.
    const buf = new Uint8Array(16).fill(0xff);
    expect(encodeInto(reg.require('ipv4/flow-vpn'), m, buf, 1)).toBe(15);
    expect(toHex(buf)).toBe('FF0D0000FDE80000006401180A0000FF');
  });

  it('a writer too short for the model fails where the encoding overruns', () => {
    const c = reg.require('ipv4/flow');
    const m: FlowSpecNlri = { components: [{ type: 1, len: 24, offset: 0, pattern: bytes('0A0000') }] };
    const e = errorOf(() => c.encode(m, new Writer(3)));
    expect([e.code, e.message, e.offset]).toEqual(['too-long', 'encoder wrote past its measured length (3)', 3]);
    const w = new Writer(6);
    c.encode(m, w);
    expect(toHex(w.finish())).toBe('0501180A0000');
  });
});
