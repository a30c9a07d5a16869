/**
 * FlowSpec operator components as typed terms (issue 17 §3): RFC 8955 §4.2.1.1 (numeric
 * operator: e, a, len, lt/gt/eq bits), §4.2.1.2 (bitmask operator: not and m bits). The bytes are
 * built and read by hand from those sections; the expected terms are not produced by the code.
 */
import { describe, expect, it } from 'vitest';
import {
  buildOps,
  type BitmaskOpText,
  type FlowComponent,
  type FlowSpecNlri,
  type NumericOpText,
} from '../../../families/flowspec/index.js';
import { encodeHex, models } from './helpers.js';

/** The components of the one NLRI in `hex`. */
const components = (hex: string): FlowComponent[] => models('ipv4/flow', hex)[0]!.components;

describe('terms read from the wire (RFC 8955 §4.2.1)', () => {
  it('port >80 AND <100 OR >443 AND <500, the last two values in two octets', () => {
    // 0B length; 04 port; 02 >80; 44 and <100; 12 2-octet >443; D4 end and 2-octet <500.
    const [c] = components('0B04025044641201BBD401F4');
    expect(c!.type).toBe(4);
    expect(c).toMatchObject({ ops: [0x02, 0x44, 0x12, 0xd4], values: [80, 100, 443, 500] });
    if (c!.type !== 4) throw new Error('not a port component');
    expect(c!.terms).toEqual([
      { op: '>', value: 80, and: false, octets: 1 },
      { op: '<', value: 100, and: true, octets: 1 },
      { op: '>', value: 443, and: false, octets: 2 },
      { op: '<', value: 500, and: true, octets: 2 },
    ]);
  });

  it('port =80 OR =443', () => {
    // 06 length; 04 port; 01 =80; 91 end, 2-octet =443.
    const [c] = components('060401509101BB');
    expect(c).toMatchObject({ terms: [{ op: '=', value: 80, and: false }, { op: '=', value: 443, and: false, octets: 2 }] });
  });

  it('every lt/gt/eq combination has its name (Table 1 of §4.2.1.1), false = 000 and true = 111', () => {
    // protocol with eight pairs, bits 000..111, value 6; the last has the end bit.
    const hex = '11' + '03' + '0006' + '0106' + '0206' + '0306' + '0406' + '0506' + '0606' + '8706';
    const [c] = components(hex);
    if (c?.type !== 3) throw new Error('not a protocol component');
    const names = c.terms.map((t) => t.op);
    expect(names).toEqual(['false', '=', '>', '>=', '<', '<=', '!=', 'true']);
  });

  it('TCP flags: SYN all set AND ACK none set; not-all FIN|RST (bitmask, §4.2.1.2)', () => {
    // 07 length; 09 tcp-flags; 01 m: (data & 02) == 02; 42 and, not: (data & 10) == 0;
    // 83 end, not and m: (data & 05) != 05.
    const [c] = components('0709010242108305');
    expect(c!.type).toBe(9);
    if (c!.type !== 9) throw new Error('not tcp-flags');
    expect(c!.terms).toEqual([
      { op: 'all', value: 0x02, and: false, octets: 1 },
      { op: 'none', value: 0x10, and: true, octets: 1 },
      { op: 'not-all', value: 0x05, and: false, octets: 1 },
    ]);
  });

  it('fragment: any of don\'t-fragment (bitmask with neither bit)', () => {
    // 03 length; 0C fragment; 80 end, match any; 01 DF.
    const [c] = components('030C8001');
    expect(c).toMatchObject({ type: 12, terms: [{ op: 'any', value: 1, and: false, octets: 1 }] });
  });

  it('an 8-octet value is a bigint (packet length = 2^32)', () => {
    // 0A length; 0A packet-length; B1 end, len 3 (8 octets), =; 0000000100000000.
    const [c] = components('0A0AB10000000100000000');
    expect(c).toMatchObject({ type: 10, terms: [{ op: '=', value: 4294967296n, and: false, octets: 8 }] });
  });

  it('reserved bits are kept in ops and left out of terms', () => {
    // numeric reserved bit 0x08 set with =: 0x89; bitmask reserved bits 0x0c with m: 0x8d.
    const [num] = components('03038906');
    expect(num).toMatchObject({ ops: [0x89], terms: [{ op: '=', value: 6 }] });
    const [bm] = components('03098D02');
    expect(bm).toMatchObject({ ops: [0x8d], terms: [{ op: 'all', value: 2 }] });
  });
});

describe('terms as plain data', () => {
  it('JSON.stringify shows the terms, 8-octet values as decimal strings', () => {
    const [c] = components('0A0AB10000000100000000');
    expect(JSON.parse(JSON.stringify(c))).toEqual({
      type: 10,
      ops: [0xb1],
      values: ['4294967296'],
      terms: [{ op: '=', value: '4294967296', and: false, octets: 8 }],
    });
  });
});

describe('buildOps from terms', () => {
  it('builds the RFC bytes of port >80 AND <100 OR >443 AND <500', () => {
    const nlri: FlowSpecNlri = {
      components: [
        buildOps(4, [
          { op: '>', value: 80 },
          { op: '<', value: 100, and: true },
          { op: '>', value: 443 },
          { op: '<', value: 500, and: true },
        ]),
      ],
    };
    expect(encodeHex('ipv4/flow', nlri)).toBe('0B04025044641201BBD401F4');
  });

  it('a decoded component\'s own terms give back its bytes, value sizes included', () => {
    for (const hex of ['0B04025044641201BBD401F4', '060401509101BB', '0709010242108305', '030C8001', '0A0AB10000000100000000']) {
      const [c] = components(hex);
      if (c === undefined || c.type === 1 || c.type === 2) throw new Error('expected an operator component');
      expect(encodeHex('ipv4/flow', { components: [buildOps(c.type, c.terms)] })).toBe(hex);
    }
  });

  it('an explicit value size is kept (a 2-octet 80)', () => {
    expect(buildOps(5, [{ op: '=', value: 80, octets: 2 }]).ops).toEqual([0x91]);
  });

  it('refuses an operator name of the other kind, an unknown size and a value that does not fit', () => {
    expect(() => buildOps(4, [{ op: 'all', value: 1 }])).toThrow(/unknown numeric operator "all"/);
    expect(() => buildOps(9, [{ op: '>=', value: 1 }])).toThrow(/unknown bitmask operator ">="/);
    expect(() => buildOps(4, [{ op: '=', value: 1, octets: 3 as 1 }])).toThrow(/value size 3/);
    expect(() => buildOps(4, [{ op: '=', value: 300, octets: 1 }])).toThrow(/does not fit/);
  });
});

describe('types narrow on the component type (compile-time)', () => {
  it('numeric and bitmask terms carry their own operator names', () => {
    const ops = (c: FlowComponent): string[] => {
      if (c.type === 1 || c.type === 2) return [String(c.len)]; // a prefix: len, no terms
      if (c.type === 9 || c.type === 12) {
        const names: BitmaskOpText[] = c.terms.map((t) => t.op);
        return names;
      }
      const names: NumericOpText[] = c.terms.map((t) => t.op);
      return names;
    };
    expect(components('0709010242108305').map(ops)).toEqual([['all', 'none', 'not-all']]);
    const port = buildOps(4, [{ op: '>=', value: 1024 }]);
    // @ts-expect-error a numeric component has numeric terms only
    const wrong: BitmaskOpText = port.terms[0]!.op;
    expect(wrong).toBe('>=');
  });
});
