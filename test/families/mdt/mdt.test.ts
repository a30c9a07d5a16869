/**
 * MDT SAFI codec (RFC 6037 MDT SAFI, AFI 1 / SAFI 66): wire layout, every error path (code and
 * offset), strict mode, lossless records, ADD-PATH (RFC 7911 §3), the JSON form and the args
 * grammar (docs/families/mdt.md). Expected bytes are built here field by field from the RFC 6037
 * figure (length 0x80 | RD 8 | IPv4 address 4 | group 4), never by the codec under test.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeAll, decodeOne, encode, toJson } from '../../../src/registry/ops.js';
import { Registry } from '../../../src/registry/registry.js';
import { toHex } from '../../../src/core/hex.js';
import { NlriError } from '../../../src/core/errors.js';
import { codecs, ipv4Mdt, samples } from '../../../families/mdt/index.js';
import type { MdtNlri } from '../../../families/mdt/index.js';
import { arbitraries } from '../../../fuzz/arbitraries/mdt.js';
import { checkBytes, checkModel } from '../../../fuzz/checks.js';
import { bytes, codecError as error } from '../../support/helpers.js';

const reg = new Registry(codecs);
const hex = (...parts: string[]): string => parts.join('').toUpperCase();
/** RFC 6037: one MDT NLRI, built from its fields. */
const nlri = (rd: string, src: string, grp: string): string => hex('80', rd, src, grp);
const RD0 = '0000FDE800000064'; // type 0, 65000:100 (RFC 4364 §4.2)
const PE = 'C0000201'; // 192.0.2.1
const GRP = 'EF010101'; // 239.1.1.1

describe('ipv4/mdt wire (RFC 6037)', () => {
  it('decodes RD, PE address and group as views of the input', () => {
    const input = bytes(nlri(RD0, PE, GRP));
    const m = decodeOne(ipv4Mdt, input) as MdtNlri;
    expect(m.rd.buffer).toBe(input.buffer);
    expect(m.rd.byteOffset).toBe(1);
    expect(toHex(m.source)).toBe(PE);
    expect(m.group.byteOffset).toBe(13);
    expect(toJson(ipv4Mdt, m)).toBe('{"group":"239.1.1.1","rd":"0:65000:100","source":"192.0.2.1"}');
    expect(toHex(encode(ipv4Mdt, m))).toBe(nlri(RD0, PE, GRP));
  });

  it('renders every RD type (RFC 4364 §4.2) and keeps an unassigned one', () => {
    expect(reg.decodeHex('ipv4/mdt', nlri('0001C63364010007', 'C6336401', 'E8000001'))).toBe('{"group":"232.0.0.1","rd":"1:198.51.100.1:7","source":"198.51.100.1"}');
    expect(reg.decodeHex('ipv4/mdt', nlri('000200010001000A', PE, GRP))).toBe('{"group":"239.1.1.1","rd":"2:65537:10","source":"192.0.2.1"}');
    const odd = nlri('0007AABBCCDDEEFF', PE, GRP);
    expect(reg.decodeHex('ipv4/mdt', odd)).toBe('{"group":"239.1.1.1","rd":"rd-type7:aabbccddeeff","source":"192.0.2.1"}');
    expect(toHex(encode(ipv4Mdt, decodeOne(ipv4Mdt, bytes(odd))))).toBe(odd);
  });

  it('several NLRIs back to back (RFC 4760 §5): an array', () => {
    const two = nlri(RD0, PE, GRP) + nlri(RD0, 'C0000202', 'EF010102');
    expect(decodeAll(ipv4Mdt, bytes(two))).toHaveLength(2);
    expect(reg.decodeHex('ipv4/mdt', two)).toBe(
      '[{"group":"239.1.1.1","rd":"0:65000:100","source":"192.0.2.1"},{"group":"239.1.1.2","rd":"0:65000:100","source":"192.0.2.2"}]',
    );
  });

  it('ADD-PATH: a 4-octet path id before each NLRI (RFC 7911 §3)', () => {
    const input = hex('00000007', nlri(RD0, PE, GRP));
    const m = decodeOne(ipv4Mdt, bytes(input), { addPath: true });
    expect(m.pathId).toBe(7);
    expect(reg.decodeHex('ipv4/mdt', input, { addPath: true })).toBe('{"group":"239.1.1.1","path-id":7,"rd":"0:65000:100","source":"192.0.2.1"}');
    expect(toHex(encode(ipv4Mdt, m, { addPath: true }))).toBe(input);
    const e = error(() => decodeOne(ipv4Mdt, bytes('000000'), { addPath: true }));
    expect(e.code).toBe('truncated');
  });
});

describe('ipv4/mdt errors: code and offset', () => {
  it('a length other than 128 bits is bad-length at the length octet', () => {
    for (const len of ['60', '7F', '81', '00', 'FF']) {
      const e = error(() => decodeOne(ipv4Mdt, bytes(len + RD0 + PE + GRP)));
      expect([e.code, e.offset, e.family]).toEqual(['bad-length', 0, 'ipv4/mdt']);
    }
    // second NLRI: the offset is where it starts
    const e = error(() => decodeAll(ipv4Mdt, bytes(nlri(RD0, PE, GRP) + '60' + RD0 + PE)));
    expect([e.code, e.offset]).toEqual(['bad-length', 17]);
  });

  it('fewer than 16 octets after the length is truncated at the NLRI', () => {
    for (let n = 0; n < 16; n++) {
      const e = error(() => decodeOne(ipv4Mdt, bytes(nlri(RD0, PE, GRP).slice(0, 2 + 2 * n))));
      expect([e.code, e.offset]).toEqual(['truncated', 0]);
    }
    expect(error(() => decodeOne(ipv4Mdt, new Uint8Array(0))).code).toBe('truncated');
  });

  it('strict: a group outside 224.0.0.0/4 is bad-value at the group (default keeps it)', () => {
    const unicastGroup = nlri(RD0, PE, '0A000001');
    expect(reg.decodeHex('ipv4/mdt', unicastGroup)).toBe('{"group":"10.0.0.1","rd":"0:65000:100","source":"192.0.2.1"}');
    const e = error(() => decodeOne(ipv4Mdt, bytes(unicastGroup), { strict: true }));
    expect([e.code, e.offset]).toEqual(['bad-value', 13]);
    for (const g of ['E0000000', 'EFFFFFFF']) expect(() => decodeOne(ipv4Mdt, bytes(nlri(RD0, PE, g)), { strict: true })).not.toThrow();
    for (const g of ['DFFFFFFF', 'F0000000']) expect(error(() => decodeOne(ipv4Mdt, bytes(nlri(RD0, PE, g)), { strict: true })).code).toBe('bad-value');
  });

  it('lossless: the rest of the input from a bad NLRI is one parsed:false record, written back', () => {
    const input = nlri(RD0, PE, GRP) + '60' + RD0;
    expect(reg.decodeHex('ipv4/mdt', input)).toBe(
      `[{"group":"239.1.1.1","rd":"0:65000:100","source":"192.0.2.1"},{"parsed":false,"raw":"60${RD0}"}]`,
    );
    const ms = decodeAll(ipv4Mdt, bytes(input), { lossless: true });
    expect(toHex(encode(ipv4Mdt, ms))).toBe(input);
  });

  it('models: wrong field sizes are invalid-model', () => {
    const good = decodeOne(ipv4Mdt, bytes(nlri(RD0, PE, GRP))) as MdtNlri;
    for (const bad of [{ ...good, rd: new Uint8Array(7) }, { ...good, source: new Uint8Array(16) }, { ...good, group: new Uint8Array(3) }]) {
      expect(error(() => encode(ipv4Mdt, bad)).code).toBe('invalid-model');
    }
  });
});

describe('ipv4/mdt args: rd <RD> source <IPv4> group <IPv4> [path-id <N>]', () => {
  it('builds the RFC 6037 bytes', () => {
    expect(reg.encodeArgs('ipv4/mdt', ['rd', '0:65000:100', 'source', '192.0.2.1', 'group', '239.1.1.1'])).toBe(nlri(RD0, PE, GRP));
    expect(reg.encodeArgs('ipv4/mdt', ['group', '239.1.1.1', 'source', '192.0.2.1', 'rd', '65000:100'])).toBe(nlri(RD0, PE, GRP));
    const m = ipv4Mdt.fromArgs(['rd', '0:65000:100', 'source', '192.0.2.1', 'group', '239.1.1.1', 'path-id', '9']);
    expect(m.pathId).toBe(9);
    expect(ipv4Mdt.toArgs!(m)).toEqual(['rd', '0:65000:100', 'source', '192.0.2.1', 'group', '239.1.1.1', 'path-id', '9']);
  });

  it.each([
    [['source', '192.0.2.1', 'group', '239.1.1.1'], 'rd required'],
    [['rd', '0:1:1', 'group', '239.1.1.1'], 'source required'],
    [['rd', '0:1:1', 'source', '192.0.2.1'], 'group required'],
    [['rd', '0:1:1', 'source', '2001:db8::1', 'group', '239.1.1.1'], 'not an IPv4 address'],
    [['rd', '0:1:1', 'source', '192.0.2.300', 'group', '239.1.1.1'], 'invalid source'],
    [['rd', '0:1:1', 'source', '192.0.2.1', 'group'], 'group needs a value'],
    [['rd', '0:1:1', 'rd', '0:1:2'], 'rd given twice'],
    [['label', '5'], 'unknown keyword'],
    [['rd', 'x', 'source', '192.0.2.1', 'group', '239.1.1.1'], 'RD'],
    [['rd', '0:1:1', 'source', '192.0.2.1', 'group', '239.1.1.1', 'path-id', '-1'], 'invalid path-id'],
  ])('%j → %s', (args, msg) => {
    const e = error(() => reg.encodeArgs('ipv4/mdt', args));
    expect(e.code).toBe('invalid-args');
    expect(e.offset).toBe(-1);
    expect(e.message).toContain(msg);
  });
});

describe('ipv4/mdt samples and properties', () => {
  it.each(samples.map((s) => [s.hex, s] as const))('sample %s is canonical and its args give it', (_, s) => {
    const m = decodeOne(ipv4Mdt, bytes(s.hex), { strict: true });
    expect(toHex(encode(ipv4Mdt, m))).toBe(s.hex);
    expect(reg.encodeArgs(s.family, s.args!)).toBe(s.hex);
    expect(toHex(encode(ipv4Mdt, ipv4Mdt.fromArgs(ipv4Mdt.toArgs!(m))))).toBe(s.hex);
    expect(ipv4Mdt.text!(m)).toMatch(/^rd \S+ source \S+ group \S+$/);
  });

  it('random bytes: a value or an NlriError, never anything else (fast-check)', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 40 }), fc.boolean(), fc.boolean(), (b, addPath, strict) => {
        const r = checkBytes(ipv4Mdt, b, { addPath, strict });
        if (r.finding) throw new Error(r.finding.problem);
      }),
      { numRuns: 2000 },
    );
  });

  it('model → bytes → model → the same bytes and JSON (fast-check)', () => {
    fc.assert(
      fc.property(arbitraries['ipv4/mdt'], (m) => {
        const f = checkModel(ipv4Mdt, m);
        if (f) throw new Error(`${f.problem} (${f.hex})`);
      }),
      { numRuns: 500 },
    );
  });

  it('nothing but NlriError escapes a decode of a mutated sample', () => {
    for (const s of samples) {
      const b = bytes(s.hex);
      for (let i = 0; i < b.length; i++) {
        for (const v of [0, 0x7f, 0x80, 0xff]) {
          const c = b.slice();
          c[i] = v;
          try {
            decodeAll(ipv4Mdt, c, { strict: true });
          } catch (e) {
            expect(e).toBeInstanceOf(NlriError);
          }
        }
      }
    }
  });
});
