/**
 * Every decode error of attributes/path, with its code and offset (relative to the attribute
 * value), from the RFC rules: RFC 7606 §7.1-§7.10, RFC 6793 §6, RFC 7311 §3, RFC 9234 §5.
 */
import { describe, expect, it } from 'vitest';
import { codecs } from '../../../attributes/path/index.js';
import { fromHex } from '../../../src/core/hex.js';
import { Reader } from '../../../src/core/reader.js';
import { ctx, decode, thrown } from './helpers.js';

type Case = [code: number, hex: string, err: string, offset: number, why: string, opts?: { as4?: boolean; strict?: boolean }];

const CASES: Case[] = [
  // ORIGIN: length 1 (RFC 7606 §7.1)
  [1, '', 'bad-length', 0, 'ORIGIN length 0'],
  [1, '0000', 'bad-length', 0, 'ORIGIN length 2'],
  [1, '03', 'bad-value', 0, 'ORIGIN 3 in strict mode', { strict: true }],
  [1, 'FF', 'bad-value', 0, 'ORIGIN 255 in strict mode', { strict: true }],
  // AS_PATH (RFC 7606 §7.2)
  [2, '00010000FDE8', 'unknown-type', 0, 'segment type 0'],
  [2, '05010000FDE8', 'unknown-type', 0, 'segment type 5'],
  [2, '02010000FDE80601FDE8', 'unknown-type', 6, 'second segment of an unknown type'],
  [2, '0200', 'bad-length', 1, 'segment length 0'],
  [2, '02010000FDE80200', 'bad-length', 7, 'second segment of length 0'],
  [2, '02020000FDE8', 'truncated', 2, 'overrun: 2 ASNs announced, 1 there (4-octet)'],
  [2, '0202FDE8', 'truncated', 2, 'overrun: 2 ASNs announced, 1 there (2-octet)', { as4: false }],
  [2, '02', 'truncated', 0, 'underrun: a single octet'],
  [2, '02010000FDE802', 'truncated', 6, 'underrun: one octet after the last segment'],
  [2, '0201FDE802', 'truncated', 4, 'underrun after a 2-octet segment', { as4: false }],
  // NEXT_HOP, MED, LOCAL_PREF, ORIGINATOR_ID, OTC: length 4
  [3, 'C00002', 'bad-length', 0, 'NEXT_HOP of 3 octets'],
  [3, 'C000020100', 'bad-length', 0, 'NEXT_HOP of 5 octets'],
  [3, '', 'bad-length', 0, 'NEXT_HOP of 0 octets'],
  [4, '000064', 'bad-length', 0, 'MED of 3 octets'],
  [4, '0000000064', 'bad-length', 0, 'MED of 5 octets'],
  [5, '', 'bad-length', 0, 'LOCAL_PREF of 0 octets'],
  [5, '00000000C8', 'bad-length', 0, 'LOCAL_PREF of 5 octets'],
  [9, '0A0000', 'bad-length', 0, 'ORIGINATOR_ID of 3 octets'],
  [35, '00FDE8', 'bad-length', 0, 'OTC of 3 octets (RFC 9234 §5)'],
  [35, '0000FDE800', 'bad-length', 0, 'OTC of 5 octets'],
  // ATOMIC_AGGREGATE: length 0 (RFC 7606 §7.6)
  [6, '00', 'bad-length', 0, 'ATOMIC_AGGREGATE of 1 octet'],
  // AGGREGATOR: 6 or 8 by the session (RFC 7606 §7.7)
  [7, 'FDE8C0000201', 'bad-length', 0, 'a 6-octet AGGREGATOR on a 4-octet session'],
  [7, '0000FDE8C0000201', 'bad-length', 0, 'an 8-octet AGGREGATOR on a 2-octet session', { as4: false }],
  [7, 'FDE8C00002', 'bad-length', 0, 'a 5-octet AGGREGATOR', { as4: false }],
  // CLUSTER_LIST: a non-zero multiple of 4 (RFC 7606 §7.10)
  [10, '', 'bad-length', 0, 'empty CLUSTER_LIST'],
  [10, '0A000002FF', 'bad-length', 0, 'CLUSTER_LIST of 5 octets'],
  // AS4_PATH (RFC 6793 §6)
  [17, '', 'bad-length', 0, 'empty AS4_PATH'],
  [17, '0201FDE8', 'bad-length', 0, 'AS4_PATH shorter than 6'],
  [17, '0201FA56EA0000', 'bad-length', 0, 'AS4_PATH of odd length'],
  [17, '0501FA56EA00', 'unknown-type', 0, 'AS4_PATH segment type 5'],
  [17, '0200FA56EA00', 'bad-length', 1, 'AS4_PATH segment length 0'],
  [17, '0202FA56EA00', 'truncated', 2, 'AS4_PATH overrun (2-octet ASNs are not accepted)'],
  [17, '0201FA56EA000201', 'truncated', 8, 'AS4_PATH second segment overrun'],
  // AS4_AGGREGATOR: 8 (RFC 6793 §6)
  [18, 'FDE8C0000201', 'bad-length', 0, 'AS4_AGGREGATOR of 6 octets', { as4: false }],
  [18, '', 'bad-length', 0, 'empty AS4_AGGREGATOR'],
  // AIGP (RFC 7311 §3)
  [26, '01000B00000000000000', 'truncated', 3, 'AIGP metric overrun (7 of 8 octets)'],
  [26, '01000A00000000000000', 'bad-length', 1, 'AIGP TLV length 10'],
  [26, '01000C000000000000006400', 'bad-length', 1, 'AIGP TLV length 12'],
  [26, '050002', 'bad-length', 1, 'TLV length 2 (below its header)'],
  [26, '050000', 'bad-length', 1, 'TLV length 0 (would not advance)'],
  [26, '0500', 'truncated', 0, 'TLV header overrun'],
  [26, '01000B0000000000000064050006ABCD', 'truncated', 14, 'unknown TLV value overrun'],
  [26, '01000B000000000000006401000B0000000000000065', 'malformed', 11, 'a second AIGP TLV in strict mode', { strict: true }],
];

describe('attributes/path decode errors', () => {
  for (const [code, hex, err, offset, why, opts] of CASES) {
    it(`${code} ${hex || '(empty)'}: ${why}`, () => {
      const e = thrown(() => decode(code, hex, ctx(opts)));
      expect([e.code, e.offset]).toEqual([err, offset]);
    });
  }

  it('locates errors in a larger input, relative to the reader base', () => {
    // The value sits at 5..11 of a bigger buffer; the reader's base is the value start.
    const buf = fromHex('FFFFFFFFFF' + '0200' + 'FFFF');
    const k = codecs.find((c) => c.code === 2)!;
    const r = new Reader(buf, '', 5, 7);
    const e = thrown(() => k.decode(r, ctx(), k.flags));
    expect([e.code, e.offset]).toEqual(['bad-length', 1]);
  });

  it('tolerates what non-strict mode tolerates', () => {
    expect(decode(1, '03')).toEqual({ value: 3 });
    const two = decode(26, '01000B000000000000006401000B0000000000000065');
    expect(two.tlvs.map((t: { metric: bigint }) => t.metric)).toEqual([100n, 101n]);
    // confederation segments in AS4_PATH decode (RFC 6793 §6 makes the receiver drop them: mergeAs4Path)
    expect(decode(17, '0301FA56EA00').segments).toEqual([{ type: 3, asns: [4200000000] }]);
  });

  it('throws only NlriError on every short prefix and one-octet change of every sample', async () => {
    const { samples } = await import('../../../attributes/path/index.js');
    for (const s of samples.filter((x) => x.hex.length <= 64)) {
      const b = fromHex(s.hex + '00');
      for (const strict of [false, true]) {
        for (const as4 of [false, true]) {
          const c = ctx({ as4, strict });
          for (let n = 0; n <= b.length; n++) {
            for (const flip of [-1, 0, n - 1]) {
              const v = b.slice(0, n);
              if (flip >= 0 && flip < n) v[flip] = v[flip]! ^ 0xff;
              const k = codecs.find((x) => x.code === s.code)!;
              const r = new Reader(v);
              try {
                k.decode(r, c, k.flags);
                expect(r.pos).toBe(r.end);
              } catch (e) {
                expect((e as Error).name).toBe('NlriError');
              }
            }
          }
        }
      }
    }
  });
});
