/**
 * An independent decoder: tshark 4.0.17's BGP dissector on the Prefix-SID samples (recorded in
 * tshark-prefix-sid.json: fields in dissection order). Our decoded model, written as tshark's
 * fields, must equal them. tshark shows no field for an unknown TLV's value, and unknown
 * SRv6 sub-TLVs and sub-sub-TLVs as type, length (and value).
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { isRaw, prefixSidCodec as codec, samples, type PrefixSid } from '../../../attributes/prefix-sid/index.js';
import { ipv6ToString } from '../../../src/core/ip.js';
import { decodeHex } from '../pmsi/helpers.js';

interface Oracle { vectors: Array<{ hex: string; fields: Array<[string, string]> }> }
const oracle = JSON.parse(readFileSync(fileURLToPath(new URL('./tshark-prefix-sid.json', import.meta.url)), 'utf8')) as Oracle;

const h2 = (v: number): string => v.toString(16).padStart(2, '0');
const hx = (v: number, n: number): string => '0x' + v.toString(16).padStart(n, '0');

/** Our model as tshark's field list (`complete` false where tshark stops early). */
function asTshark(m: PrefixSid, hex: string): { fields: Array<[string, string]>; complete: boolean } {
  const f: Array<[string, string]> = [];
  let complete = true;
  let p = 0;
  for (const t of m.tlvs) {
    const len = parseInt(hex.slice(p * 2 + 2, p * 2 + 6), 16);
    p += 3 + len;
    f.push(['prefix_sid.type', String(t.type)], ['prefix_sid.length', String(len)]);
    if (isRaw(t)) continue;
    switch (t.type) {
      case 1:
        f.push(['prefix_sid.reserved', h2(t.reserved)], ['prefix_sid.label_index.flags', hx(t.flags, 4)], ['prefix_sid.label_index.value', String(t.labelIndex)]);
        break;
      case 3:
        f.push(['prefix_sid.originator_srgb.flags', hx(t.flags, 4)]);
        for (const g of t.srgb) f.push(['prefix_sid.originator_srgb_base', String(g.base)], ['prefix_sid.originator_srgb_range', String(g.range)]);
        break;
      default: {
        const k = t.type === 5 ? 'srv6_l3vpn' : 'srv6_l2vpn';
        f.push(['prefix_sid.reserved', h2(t.reserved)]);
        for (const s of t.subTlvs) {
          if (isRaw(s)) {
            f.push([`prefix_sid.${k}.sub_tlv.type`, String(s.type)], [`prefix_sid.${k}.sub_tlv.length`, String(s.raw.length)]);
            if (s.raw.length > 0) f.push([`prefix_sid.${k}.sub_tlv.value`, Buffer.from(s.raw).toString('hex')]);
            continue;
          }
          const sl = 21 + s.subSubTlvs.reduce((n, x) => n + 3 + (isRaw(x) ? x.raw.length : 6), 0);
          f.push([`prefix_sid.${k}.sub_tlv.type`, '1'], [`prefix_sid.${k}.sub_tlv.length`, String(sl)], [`prefix_sid.${k}.sub_tlv.reserved`, h2(s.reserved1)]);
          f.push([`prefix_sid.${k}.sid_value`, ipv6ToString(s.sid)], [`prefix_sid.${k}.sid_flags`, hx(s.sidFlags, 2)], [`prefix_sid.${k}.srv6_endpoint_behavior`, hx(s.behavior, 4)], [`prefix_sid.${k}.reserved`, h2(s.reserved2)]);
          for (const x of s.subSubTlvs) {
            if (isRaw(x)) {
              f.push([`prefix_sid.${k}.sub_sub_tlv.type`, String(x.type)], [`prefix_sid.${k}.sub_sub_tlv.length`, String(x.raw.length)]);
              // How tshark shows a non-empty unknown sub-sub-TLV value was not recorded.
              if (x.raw.length > 0) complete = false;
              continue;
            }
            f.push([`prefix_sid.${k}.sub_sub_tlv.type`, '1'], [`prefix_sid.${k}.sub_sub_tlv.length`, '6']);
            f.push(
              [`prefix_sid.${k}.sid.locator_block_len`, String(x.locatorBlockLength)],
              [`prefix_sid.${k}.sid.locator_node_len`, String(x.locatorNodeLength)],
              [`prefix_sid.${k}.sid.func_len`, String(x.functionLength)],
              [`prefix_sid.${k}.sid.arg_len`, String(x.argumentLength)],
              [`prefix_sid.${k}.sid.trans_len`, String(x.transpositionLength)],
              [`prefix_sid.${k}.sid.trans_offset`, String(x.transpositionOffset)],
            );
          }
        }
      }
    }
  }
  return { fields: f, complete };
}

describe('Prefix-SID against tshark 4.0.17', () => {
  it('covers every sample', () => expect(oracle.vectors.map((v) => v.hex)).toEqual(samples.map((s) => s.hex)));
  for (const v of oracle.vectors) {
    it(v.hex.slice(0, 40), () => {
      const { fields, complete } = asTshark(decodeHex(codec, v.hex), v.hex);
      if (complete) expect(v.fields).toEqual(fields);
      else expect(fields.slice(0, v.fields.length)).toEqual(v.fields);
    });
  }
});
