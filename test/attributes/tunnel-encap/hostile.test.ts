/**
 * Hostile input: nested lengths at every level, zero-length sub-TLVs, unknown sub-TLVs in a loop
 * (GoBGP issue #3359 hung on those). Decoding always advances and stays inside its bounds:
 * either a model that re-encodes to the same bytes, or an NlriError.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { NlriError } from '../../../src/core/errors.js';
import { toHex } from '../../../src/core/hex.js';
import { JsonWriter } from '../../../src/core/json.js';
import { Reader } from '../../../src/core/reader.js';
import { attrHex, fromHexLoose } from './gen.js';
import { codec, ctx, decode, encode, json, tlv1, tlv2, tunnel } from './helpers.js';

let decoded = 0;
function outcome(b: Uint8Array): void {
  let m;
  try {
    m = codec.decode(new Reader(b), ctx, codec.flags);
  } catch (e) {
    expect(e).toBeInstanceOf(NlriError);
    return;
  }
  decoded++;
  // lossless: whatever decodes is written back byte for byte, also through JSON
  expect(encode(m)).toBe(toHex(b));
  const j = new JsonWriter();
  codec.json(m, j);
  expect(encode(codec.fromJson(JSON.parse(j.take()), ctx))).toBe(toHex(b));
}

describe('loops always advance', () => {
  it('thousands of zero-length unknown sub-TLVs (GoBGP #3359)', () => {
    const n = 16000;
    const m = decode(tunnel(15, '5000'.repeat(n)));
    expect(m.tunnels[0]!.subTlvs.length).toBe(n);
    expect(m.tunnels[0]!.subTlvs.every((s) => s.kind === 'raw' && s.value.length === 0)).toBe(true);
  });
  it('zero-length 2-octet-length sub-TLVs and zero-length segment list sub-TLVs', () => {
    expect(decode(tunnel(15, '990000'.repeat(1000))).tunnels[0]!.subTlvs.length).toBe(1000);
    const sl = decode(tunnel(15, tlv2(128, '00' + 'C800'.repeat(1000))));
    const s = sl.tunnels[0]!.subTlvs[0]!;
    expect(s.kind === 'segment-list' && s.subTlvs.length).toBe(1000);
  });
  it('many zero-length tunnels', () => {
    expect(decode('00630000'.repeat(5000)).tunnels.length).toBe(5000);
  });
  it('the largest attribute (65535 octets) of unknown sub-TLVs decodes and re-encodes', () => {
    // one tunnel of 65531 value octets: 254 sub-TLVs of 2 + 255 octets, then one of 2 + 251
    let body = '';
    for (let i = 0; i < 254; i++) body += tlv1(60, 'AB'.repeat(255));
    const used = 254 * 257;
    body += tlv1(61, 'CD'.repeat(65531 - used - 2));
    const hex = tunnel(200, body);
    expect(hex.length / 2).toBe(65535);
    expect(encode(decode(hex))).toBe(hex);
  });
});

describe('a length at one level never lets a read escape to the next', () => {
  it('a segment list that is shorter than its segments', () => {
    // segment list length 5 (Reserved + 4): the type A segment (8 octets) does not fit
    const e = (() => {
      try {
        decode('000F000C' + '800005' + '00' + '0106000003E81000' + '00');
      } catch (x) {
        return x as NlriError;
      }
      return undefined;
    })();
    expect(e?.code).toBe('truncated');
    expect(e?.offset).toBe(10);
  });
  it('a sub-TLV value that ends exactly at the tunnel end, followed by another tunnel', () => {
    const hex = tunnel(8, tlv1(8, '12B5')) + tunnel(8, tlv1(7, '00'));
    expect(json(decode(hex))).toBe(
      '[{"sub-tlvs":[{"port":4789,"type":8,"type-name":"udp-destination-port"}],"type":8,"type-name":"vxlan"},' +
        '{"sub-tlvs":[{"type":7,"type-name":"ds-field","value":0}],"type":8,"type-name":"vxlan"}]',
    );
  });
});

describe('random structured and damaged input', () => {
  it('decodes to a lossless model or fails with an NlriError', () => {
    decoded = 0;
    fc.assert(fc.property(attrHex, (h) => outcome(fromHexLoose(h))), { numRuns: 1500 });
    expect(decoded).toBeGreaterThan(300); // the generator reaches the decoders, not only the errors
  });
  it('the same, cut at any point or with one byte changed', () => {
    fc.assert(
      fc.property(attrHex, fc.nat(), fc.nat(), fc.integer({ min: 0, max: 255 }), (h, cut, at, v) => {
        const b = fromHexLoose(h);
        outcome(b.subarray(0, b.length ? cut % (b.length + 1) : 0));
        if (b.length) {
          const c = b.slice();
          c[at % c.length] = v;
          outcome(c);
        }
      }),
      { numRuns: 1500 },
    );
  });
  it('plain random bytes', () => {
    fc.assert(fc.property(fc.uint8Array({ maxLength: 80 }), (b) => outcome(b)), { numRuns: 1500 });
  });
});
