/**
 * FlowSpec wire edge cases: the spec's §7 table and §10 examples (flowspec.md), RFC 8955 §4.1
 * lengths, RFC 8955 §4.2.1.1 8-octet values, RFC 8956 §3.8 offset examples. Expected values come
 * from the spec, the RFCs and Ze's vectors.
 */
import { describe, expect, it } from 'vitest';
import { exactLengthModel } from '../../../fuzz/arbitraries/flowspec.js';
import { flowOps, type FlowOpComponent, type FlowPrefixComponent } from '../../../families/flowspec/index.js';
import { bytes, decodeText, encodeHex, errorOf, json, models, reg } from './helpers.js';

describe('spec §10 code-derived examples', () => {
  // Rows where Ze is RFC-correct: identical output.
  it.each([
    ['ipv4/flow', '0501140A00FF', '{"destination":[["10.0.255.0/20/0"]]}'], // host bits kept
    ['ipv4/flow', '03098300', '{"tcp-flags":[["!=0"]]}'],
    ['ipv4/flow', '050301060111', '{"protocol":[["=tcp"],["=udp"]]}'], // no end bit on the last pair
    ['ipv4/flow', '0803810601180A0000', '{"destination":[["10.0.0.0/24/0"]],"protocol":[["=tcp"]]}'], // out of order
    ['ipv4/flow', '0A01180A000001180B0000', '{"destination":[["10.0.0.0/24/0"],["11.0.0.0/24/0"]]}'], // repeated type
    ['ipv4/flow', 'F00501180A0000', '{"destination":[["10.0.0.0/24/0"]]}'], // non-canonical 2-octet length
    ['ipv6/flow', '1001680000000000000000000000FFFF0A', '{"destination-ipv6":[["::ffff:10.0.0.0/104/0"]]}'],
    ['ipv4/flow-vpn', '080000FDE800000064', '{"rd":"0:65000:100"}'],
  ])('%s %s', (family, hex, want) => {
    expect(decodeText(family, hex)).toBe(want);
  });

  // Issue 15 §1: where Ze prints two encodings alike, the RFC meaning of every bit is printed.
  it.each([
    // Length 33 > 32 (malformed, tolerated as Ze does): the 5 pattern octets as they are (Ze: invalid Prefix/0).
    ['ipv4/flow', '0701210A00000000', '{"destination":[["0x0a00000000/33/0"]]}'],
    // IPv6 length 129, offset 128: one pattern octet (RFC 8956 §3.1), printed as it is.
    ['ipv6/flow', '04018180FF', '{"destination-ipv6":[["0xff/129/128"]]}'],
    ['ipv4/flow', '03058750', '{"destination-port":[["true:80"]]}'], // RFC 8955 §4.2.1.1 Table 1: 111 = true (Ze: =80)
    ['ipv4/flow', '03058050', '{"destination-port":[["false:80"]]}'], // 000 = false (Ze: =80)
    ['ipv4/flow', '0403910106', '{"protocol":[["=262"]]}'], // 2-octet value 0x0106 is 262, not tcp (Ze: =tcp)
    ['ipv4/flow', '030C8010', '{"fragment":[["16"]]}'], // m = 0: any of the bits (Ze: =16)
    ['ipv4/flow', '0409900102', '{"tcp-flags":[["syn","256"]]}'], // 2-octet TCP flags 0x0102, RFC 8955 §4.2.2.9 (Ze: =syn)
    ['ipv4/flow', '0409910102', '{"tcp-flags":[["=syn","256"]]}'],
    ['ipv4/flow', '030C8011', '{"fragment":[["dont-fragment","16"]]}'], // unnamed bit 0x10 kept (Ze drops it)
    ['ipv4/flow', '05090002C204', '{"tcp-flags":[["syn"],["\\u0026!rst"]]}'], // a bit: AND (Ze: OR-looking)
    ['ipv4/flow', '050900028004', '{"tcp-flags":[["syn"],["rst"]]}'], // OR chain
    ['ipv4/flow', '0305C150', '{"destination-port":[["\\u0026=80"]]}'], // AND bit on the first pair
    ['ipv4/flow', '0309C102', '{"tcp-flags":[["\\u0026=syn"]]}'],
    ['ipv4/flow', '0503470681BB', '{"protocol":[["\\u0026true:tcp"],["=187"]]}'],
  ])('RFC meaning: %s %s', (family, hex, want) => {
    expect(decodeText(family, hex)).toBe(want);
  });

  it('reserved bit of a numeric operator is ignored (RFC 8955 §4.2.1.1), where Ze prints =', () => {
    expect(decodeText('ipv4/flow', '03058A50')).toBe('{"destination-port":[["\\u003e80"]]}');
  });

  it('trailing bytes that are no NLRI make the input malformed (RFC 7606 §5.3), where Ze ignores them', () => {
    expect(decodeText('ipv4/flow', '0501180A0000FFFF')).toMatch(/^error: no valid FlowSpec decoded: /);
  });

  it('RFC 8956 §3.8.1 decodes (Ze rejects it)', () => {
    expect(decodeText('ipv6/flow', '1201200020010DB8026840123456789A038106')).toBe(
      '{"destination-ipv6":[["2001:db8::/32/0"]],"next-header":[["=tcp"]],"source-ipv6":[["::1234:5678:9a00:0/104/64"]]}',
    );
  });

  it('encode examples of §10', () => {
    expect(reg.encodeArgs('ipv4/flow', ['destination', '10.0.0.129/25'])).toBe('0601190A000081');
    expect(reg.encodeArgs('ipv4/flow', ['tcp-flags', '&'])).toBe('0309C000');
    // Spec §10: 60 × `port =<1000..1059>`; Ze writes 60 type-4 components (240 octets, F0F0).
    // RFC 8955 §4.2 allows one type-4 component: one list of 60 OR-ed `=` pairs, 2-octet values
    // (op 0x11 = len 01 | eq; 0x91 with the end bit on the last), 1 + 60 × 3 = 181 = 0xB5 octets.
    const ports = Array.from({ length: 60 }, (_, i) => ['port', '=' + (1000 + i)]).flat();
    const hex = reg.encodeArgs('ipv4/flow', ports);
    expect(hex.slice(0, 10)).toBe('B5041103E8');
    expect(hex.slice(-6)).toBe('910423');
    expect(hex.length).toBe((1 + 181) * 2);
    // The 2-octet length from args: a /24 destination (5 octets) + 78 port values (1 + 234) = 240.
    const long = reg.encodeArgs('ipv4/flow', ['destination', '10.0.0.0/24', ...Array.from({ length: 78 }, (_, i) => ['port', '=' + (1000 + i)]).flat()]);
    expect(long.slice(0, 22)).toBe('F0F001180A0000041103E8');
    expect(long.length).toBe((2 + 240) * 2);
  });
});

describe('NLRI length, RFC 8955 §4.1', () => {
  it.each([
    [239, 'EF'],
    [240, 'F0F0'],
    [4095, 'FFFF'],
  ])('%i octets -> length %s', (n, prefix) => {
    for (const family of ['ipv4/flow', 'ipv6/flow', 'ipv4/flow-vpn', 'ipv6/flow-vpn']) {
      const m = exactLengthModel(n, family.startsWith('ipv6'), family.endsWith('vpn'));
      const hex = encodeHex(family, m);
      expect(hex.startsWith(prefix)).toBe(true);
      expect(hex.length / 2).toBe(n + prefix.length / 2);
      expect(encodeHex(family, models(family, hex))).toBe(hex);
    }
  });

  it('4096 octets do not fit the 12-bit length', () => {
    const m = exactLengthModel(4095, false, false);
    (m.components[1] as FlowOpComponent).ops.unshift(0x40);
    (m.components[1] as FlowOpComponent).values.unshift(1);
    expect(errorOf(() => encodeHex('ipv4/flow', m)).code).toBe('too-long');
  });

  it('the 2-octet form of a short length is kept (longLength) and re-encoded', () => {
    const [m] = models('ipv4/flow', 'F00501180A0000');
    expect(m!.longLength).toBe(true);
    expect(encodeHex('ipv4/flow', m!)).toBe('F00501180A0000');
  });

  it('a length beyond the input is an error at offset 0', () => {
    const e = errorOf(() => models('ipv4/flow', '0701180A0000'));
    expect([e.code, e.offset]).toEqual(['truncated', 1]);
    expect(decodeText('ipv4/flow', 'FFFF')).toMatch(/^error: no valid FlowSpec decoded/);
    expect(decodeText('ipv4/flow', '')).toMatch(/^error: no valid FlowSpec decoded/);
  });
});

describe('§7 edge cases', () => {
  it('empty value and RD-only VPN NLRI', () => {
    expect(decodeText('ipv4/flow', '00')).toBe('{}');
    expect(decodeText('ipv6/flow-vpn', '080001C00002010007')).toBe('{"rd":"1:192.0.2.1:7"}');
    expect(decodeText('ipv4/flow-vpn', '06000000010000')).toMatch(/^error: no valid FlowSpec decoded: .*route distinguisher/);
  });

  it('unknown component types 0 and 14 are errors with the offset of the type octet', () => {
    for (const hex of ['020006', '020E06']) {
      const e = errorOf(() => models('ipv4/flow', hex));
      expect([e.code, e.offset, e.family]).toEqual(['unknown-type', 1, 'ipv4/flow']);
    }
  });

  it('every lt/gt/eq combination prints its RFC 8955 Table 1 meaning (Ze prints = for 000 and 111)', () => {
    const want = ['false:', '=', '>', '>=', '<', '<=', '!=', 'true:'];
    for (let bits = 0; bits < 8; bits++) {
      const hex = '03058' + bits.toString(16) + '50';
      expect(decodeText('ipv4/flow', hex)).toBe(JSON.stringify({ 'destination-port': [[want[bits] + '80']] }).replace(/>/g, '\\u003e').replace(/</g, '\\u003c'));
      expect(encodeHex('ipv4/flow', models('ipv4/flow', hex))).toBe(hex.toUpperCase());
    }
  });

  it('1-, 2-, 4- and 8-octet values', () => {
    expect(decodeText('ipv4/flow', '030B812E')).toBe('{"dscp":[["=46"]]}');
    expect(decodeText('ipv4/flow', '040B91002E')).toBe('{"dscp":[["=46"]]}'); // size not checked by default
    expect(decodeText('ipv4/flow', '060AA100010000')).toBe('{"packet-length":[["=65536"]]}');
    const [m] = models('ipv4/flow', '0A0DB1FFFFFFFFFFFFFFFF');
    expect((m!.components[0] as FlowOpComponent).values).toEqual([0xffffffffffffffffn]);
    expect(json('ipv4/flow', m!)).toBe('{"flow-label":[["=18446744073709551615"]]}');
    expect(encodeHex('ipv4/flow', m!)).toBe('0A0DB1FFFFFFFFFFFFFFFF');
  });

  it('non-minimal value sizes re-encode byte for byte', () => {
    for (const hex of ['0405910050', '060AA100000050', '0A0AB10000000000000050']) {
      expect(encodeHex('ipv4/flow', models('ipv4/flow', hex))).toBe(hex);
      expect(decodeText('ipv4/flow', hex)).toMatch(/=80/);
    }
  });

  it('a missing end bit runs the list to the end of the NLRI (Ze)', () => {
    const [m] = models('ipv4/flow', '0703010601180A00');
    const c = m!.components[0] as FlowOpComponent;
    expect(c.ops).toEqual([0x01, 0x01, 0x0a]);
    expect(c.values).toEqual([6, 0x18, 0]);
  });

  it('every bitmask operator: a, not, m (RFC 8955 §4.2.1.2)', () => {
    const want = ['', '=', '!', '!='];
    for (let bits = 0; bits < 4; bits++) {
      for (const and of [0, 0x40]) {
        const hex = '0309' + (0x80 | and | bits).toString(16).toUpperCase() + '02';
        const term = (and ? '\\u0026' : '') + want[bits] + 'syn';
        expect(decodeText('ipv4/flow', hex)).toBe('{"tcp-flags":[["' + term + '"]]}');
      }
    }
  });

  it('components out of order and repeated are kept in wire order', () => {
    const hex = '0D03810601180A000001180B0000';
    expect(encodeHex('ipv4/flow', models('ipv4/flow', hex))).toBe(hex);
  });

  it('several NLRIs decode to an array', () => {
    expect(decodeText('ipv4/flow', '03058150030581BB')).toBe('[{"destination-port":[["=80"]]},{"destination-port":[["=187"]]}]');
  });
});

describe('IPv6 prefix offset, RFC 8956 §3.1 and §3.8', () => {
  it('§3.8.1: pattern 12 34 56 78 9a at offset 64, length 104', () => {
    const [m] = models('ipv6/flow', '1201200020010DB8026840123456789A038106');
    const src = m!.components[1] as FlowPrefixComponent;
    expect([src.type, src.len, src.offset]).toEqual([2, 104, 64]);
    expect(Buffer.from(src.pattern).toString('hex')).toBe('123456789a');
    expect(encodeHex('ipv6/flow', m!)).toBe('1201200020010DB8026840123456789A038106');
  });

  it('§3.8.2: 39-bit pattern at offset 65 with one padding bit', () => {
    expect(decodeText('ipv6/flow', '0F01200020010DB80268412468ACF134')).toBe(
      '{"destination-ipv6":[["2001:db8::/32/0"]],"source-ipv6":[["::1234:5678:9a00:0/104/65"]]}',
    );
  });

  it('offset above the length is malformed; equal is accepted by default', () => {
    expect(errorOf(() => models('ipv6/flow', '0401102000')).code).toBe('malformed');
    expect(decodeText('ipv6/flow', '03011010')).toBe('{"destination-ipv6":[["::/16/16"]]}');
  });

  it('a model with an offset encodes the pattern only', () => {
    const p: FlowPrefixComponent = { type: 1, len: 64, offset: 8, pattern: bytes('010DB800000000') };
    expect(encodeHex('ipv6/flow', { components: [p] })).toBe('0A014008010DB800000000');
  });
});

describe('model checks on encode', () => {
  const bad: [string, unknown][] = [
    ['no components array', {}],
    ['unknown type', { components: [{ type: 14, ops: [0x81], values: [1] }] }],
    ['ops/values mismatch', { components: [{ type: 4, ops: [0x81], values: [] }] }],
    ['value too big for 1 octet', { components: [{ type: 4, ops: [0x81], values: [256] }] }],
    ['end bit before the last pair', { components: [{ type: 4, ops: [0x81, 0x81], values: [1, 2] }] }],
    ['no end bit on a middle component', { components: [{ type: 4, ops: [0x01], values: [1] }, { type: 5, ops: [0x81], values: [1] }] }],
    ['IPv4 offset', { components: [{ type: 1, len: 8, offset: 1, pattern: bytes('0A') }] }],
    ['rd on a non-VPN family', { rd: new Uint8Array(8), components: [] }],
  ];
  it.each(bad)('%s', (_, m) => {
    const e = errorOf(() => encodeHex('ipv4/flow', m as never));
    expect(e.code).toBe('invalid-model');
    expect(e.family).toBe('ipv4/flow');
  });

  it('VPN needs an 8-octet RD', () => {
    expect(errorOf(() => encodeHex('ipv4/flow-vpn', { components: [] })).code).toBe('invalid-model');
  });

  it('the end bit may be missing on the last component (decodes back the same)', () => {
    expect(encodeHex('ipv4/flow', { components: [flowOps(4, [0x01], [80])] })).toBe('03040150');
  });
});
