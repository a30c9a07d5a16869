/**
 * The BGP-LS attribute (type 29) against Ze's vectors (test/vectors/ze/bgp-ls-attr.jsonl, not
 * run by the generic conformance test) and the attribute values of Ze's UPDATE tests.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  bgpLsAttributeJson,
  decodeBgpLsAttribute,
  decodeBgpLsAttributeHex,
  encodeBgpLsAttribute,
} from '../../../families/bgp-ls/index.js';
import { attributeArbitrary } from '../../../fuzz/arbitraries/bgp-ls.js';
import { NlriError } from '../../../src/core/errors.js';
import { fromHex, toHex } from '../../../src/core/hex.js';
import { loadDeviations, VECTOR_DIR } from '../../support/vectors.js';

interface AttrVector {
  id: string;
  kind: 'attr' | 'attr-error';
  hex: string;
  json_text?: string;
  error?: string;
}

const vectors = readFileSync(join(VECTOR_DIR, 'bgp-ls-attr.jsonl'), 'utf8')
  .split('\n')
  .filter((l) => l.trim() !== '')
  .map((l) => JSON.parse(l) as AttrVector);

/** The one attribute vector where ze-nlri deliberately differs (docs/ze-compat.md, bgp-ls). */
const OURS: Record<string, string> = {
  // Repeats of an unknown code accumulate instead of overwriting each other.
  'bgpls-attr-061': '{"generic-lsid-9999":["0xFF","0x"],"opaque-link-attr":"0xBBCC"}',
};

describe('Ze attribute vectors', () => {
  it('are all here', () => expect(vectors.length).toBe(79));
  it.each(vectors.map((v) => [v.id, v] as const))('%s', (_, v) => {
    if (v.kind === 'attr-error') {
      expect(() => decodeBgpLsAttributeHex(v.hex)).toThrow(v.error!);
      try {
        decodeBgpLsAttributeHex(v.hex);
      } catch (e) {
        expect(e).toBeInstanceOf(NlriError);
      }
    } else {
      expect(decodeBgpLsAttributeHex(v.hex)).toBe(OURS[v.id] ?? v.json_text);
    }
    // every value re-encodes to its bytes, whatever Ze made of it
    expect(toHex(encodeBgpLsAttribute(decodeBgpLsAttribute(fromHex(v.hex))))).toBe(v.hex.toUpperCase());
  });
  it('the deviation is the one described in docs/ze-compat.md', () => {
    expect(vectors.find((v) => v.id === 'bgpls-attr-061')!.json_text).not.toBe(OURS['bgpls-attr-061']);
    const text = readFileSync(join(VECTOR_DIR, '..', '..', '..', 'docs', 'ze-compat.md'), 'utf8');
    expect(text).toContain('bgpls-attr-061');
    expect(loadDeviations().some((d) => d.id === 'bgpls-attr-061')).toBe(false); // prose, not a conformance row
  });
});

describe("attribute values from Ze's UPDATE tests (updates-bgp-ls.jsonl)", () => {
  const ups = readFileSync(join(VECTOR_DIR, 'updates-bgp-ls.jsonl'), 'utf8')
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map((l) => JSON.parse(l) as { id: string; bgp_ls_attr_hex?: string; json: { bgp: { update: { attr: Record<string, unknown> } } } });
  it.each(ups.filter((u) => u.bgp_ls_attr_hex).map((u) => [u.id, u] as const))('%s', (_, u) => {
    // the .ci files compare semantically: compare parsed values
    expect(JSON.parse(decodeBgpLsAttributeHex(u.bgp_ls_attr_hex!))).toEqual(u.json.bgp.update.attr['bgp-ls']);
  });
});

describe('attribute edge cases', () => {
  it('empty value is an empty object', () => expect(decodeBgpLsAttributeHex('')).toBe('{}'));
  it('keeps a truncated TLV and a short tail as trailing bytes, and re-encodes them', () => {
    // node-name "r1-xy", then TLV 1088 declaring 10 octets with 4 present (bgpls-attr-070)
    const b = fromHex('0402000572312D78790440000A00000001');
    const m = decodeBgpLsAttribute(b);
    expect(m.tlvs.length).toBe(1);
    expect(toHex(m.trailing!)).toBe('0440000A00000001');
    expect(toHex(encodeBgpLsAttribute(m))).toBe('0402000572312D78790440000A00000001');
  });
  it('strict refuses a truncated TLV with its offset', () => {
    try {
      decodeBgpLsAttribute(fromHex('0402000572312D78790440000A00000001'), { strict: true });
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(NlriError);
      expect((e as NlriError).code).toBe('truncated');
      expect((e as NlriError).offset).toBe(9);
    }
    expect(() => decodeBgpLsAttribute(fromHex('04470001FFAB'), { strict: true })).toThrow(/after the last attribute TLV/);
  });
  it('a zero-length TLV stream ends (no loop on length 0)', () => {
    const m = decodeBgpLsAttribute(new Uint8Array(4 * 1000)); // 1000 TLVs of type 0, length 0
    expect(m.tlvs.length).toBe(1000);
    expect(bgpLsAttributeJson(m)).toBe('{"generic-lsid-0":[' + Array(1000).fill('"0x"').join(',') + ']}');
  });
  it('NaN and -Inf bandwidths fail like Go', () => {
    expect(() => decodeBgpLsAttributeHex('044100047FC00000')).toThrow('json: unsupported value: NaN');
    expect(() => decodeBgpLsAttributeHex('04410004FF800000')).toThrow('json: unsupported value: -Inf');
  });
  it('an Inf bandwidth replaced by a later TLV does not fail (only what is printed counts)', () => {
    expect(decodeBgpLsAttributeHex('044100047F800000044100044E9502F9')).toBe('{"max-link-bandwidth":1250000000}');
  });
  it('Go UTF-8 rules in names: one \\ufffd per bad byte, valid U+FFFD kept, U+2028 escaped', () => {
    // E2 82 then "A": two bad bytes; EF BF BD is a valid U+FFFD; E2 80 A8 is U+2028
    expect(decodeBgpLsAttributeHex('04020009E28241EFBFBDE280A8')).toBe('{"node-name":"\\ufffd\\ufffdA\uFFFD\\u2028"}');
  });
  it('invalid hex carries Go\'s text', () => {
    expect(() => decodeBgpLsAttributeHex('0G')).toThrow("invalid hex: encoding/hex: invalid byte: U+0047 'G'");
  });
  it('encode refuses an oversized value', () => {
    expect(() => encodeBgpLsAttribute({ tlvs: [{ type: 1, value: new Uint8Array(0x10000) }] })).toThrow(NlriError);
  });
  it('generated attributes round-trip through bytes', () => {
    fc.assert(
      fc.property(attributeArbitrary, (m) => {
        const b = encodeBgpLsAttribute(m);
        const back = decodeBgpLsAttribute(b);
        expect(toHex(encodeBgpLsAttribute(back))).toBe(toHex(b));
        let j1: string | undefined;
        try {
          j1 = bgpLsAttributeJson(m);
        } catch (e) {
          expect(e).toBeInstanceOf(NlriError);
          return;
        }
        const j2 = bgpLsAttributeJson(back);
        expect(j2).toBe(j1);
        JSON.parse(j2);
      }),
      { numRuns: 300 },
    );
  });
});
