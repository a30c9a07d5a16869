/**
 * Canonical samples of the basic path attributes (docs/ADDING-AN-ATTRIBUTE.md §3): value bytes
 * laid out by hand from the RFC figures (RFC 4271 §4.3, RFC 5065 §3, RFC 4456 §8, RFC 6793 §3,
 * RFC 7311 §3, RFC 9234 §5); JSON in Ze's forms (test/vectors/ze-update/path-attrs.jsonl) where
 * Ze has one, else the forms docs/attributes/path.md sets out.
 */
import type { AttributeSample } from '../../src/attributes/attribute.js';

const as2 = { as4: false } as const;

/** ASNs 1..256 in one 4-octet AS_PATH: a full 255-ASN AS_SEQUENCE, then one of 1 (RFC 4271 §4.3). */
function longPath(): { hex: string; json: string; args: string[] } {
  let hex = '02FF';
  const asns: number[] = [];
  for (let a = 1; a <= 256; a++) {
    if (a === 256) hex += '0201';
    hex += a.toString(16).toUpperCase().padStart(8, '0');
    asns.push(a);
  }
  return { hex, json: '[' + asns.join(',') + ']', args: ['[', ...asns.map(String), ']'] };
}
const long = longPath();

export const samples: readonly AttributeSample[] = [
  // ORIGIN (1)
  { code: 1, hex: '00', json: '"igp"', args: ['igp'], note: 'ORIGIN IGP (RFC 4271 §4.3 a, §5.1.1)' },
  { code: 1, hex: '01', json: '"egp"', args: ['egp'], note: 'ORIGIN EGP' },
  { code: 1, hex: '02', json: '"incomplete"', args: ['incomplete'], note: 'ORIGIN INCOMPLETE' },
  { code: 1, hex: '05', json: '5', args: ['5'], note: 'ORIGIN 5: undefined, malformed (RFC 7606 §7.1), rendered as its number (Ze drops it)' },

  // AS_PATH (2)
  { code: 2, hex: '02020000FDE80000FDE9', json: '[65000,65001]', args: ['[', '65000', '65001', ']'], note: 'AS_SEQUENCE of two 4-octet ASNs (RFC 4271 §4.3 b, RFC 6793 §3)' },
  { code: 2, hex: '0202FDE8FDE9', json: '[65000,65001]', args: ['[', '65000', '65001', ']'], ctx: as2, note: 'the same AS_SEQUENCE with 2-octet ASNs (no 4-octet AS capability, RFC 6793 §3)' },
  { code: 2, hex: '', json: '[]', args: ['[', ']'], note: 'empty AS_PATH (iBGP, RFC 4271 §5.1.2)' },
  { code: 2, hex: '0201FA56EA00', json: '[4200000000]', args: ['[', '4200000000', ']'], note: 'a non-mappable 4-octet ASN (RFC 6793 §3)' },
  { code: 2, hex: '02015BA0', json: '[23456]', args: ['[', '23456', ']'], ctx: as2, note: 'AS_TRANS in a 2-octet AS_PATH (RFC 6793 §4.2.2)' },
  {
    code: 2,
    hex: '02010000FDE801020000FDEA0000FDEB',
    json: '{"flat":[65000,65002,65003],"segments":[{"asns":[65000],"type":"as-sequence"},{"asns":[65002,65003],"type":"as-set"}]}',
    args: ['[', '65000', '{', '65002', '65003', '}', ']'],
    note: 'AS_SEQUENCE then AS_SET (RFC 4271 §4.3 b, §9.2.2.2 aggregation)',
  },
  {
    code: 2,
    hex: '01020001000202010003',
    json: '{"flat":[1,2,3],"segments":[{"asns":[1,2],"type":"as-set"},{"asns":[3],"type":"as-sequence"}]}',
    args: ['[', '{', '1', '2', '}', '3', ']'],
    ctx: as2,
    note: 'AS_SET first, 2-octet ASNs (RFC 4271 §4.3 b)',
  },
  {
    code: 2,
    hex: '0302FDE8FDE90401FDEA02010001',
    json: '{"flat":[65000,65001,65002,1],"segments":[{"asns":[65000,65001],"type":"as-confed-sequence"},{"asns":[65002],"type":"as-confed-set"},{"asns":[1],"type":"as-sequence"}]}',
    args: ['[', '(', '65000', '65001', ')', '(', '{', '65002', '}', ')', '1', ']'],
    ctx: as2,
    note: 'AS_CONFED_SEQUENCE, AS_CONFED_SET, AS_SEQUENCE (RFC 5065 §3), 2-octet ASNs',
  },
  {
    code: 2,
    hex: '020100000001020100000002',
    json: '{"flat":[1,2],"segments":[{"asns":[1],"type":"as-sequence"},{"asns":[2],"type":"as-sequence"}]}',
    note: 'two short AS_SEQUENCE segments back to back: kept as two (not canonical, no args form)',
  },
  { code: 2, hex: long.hex, json: long.json, args: long.args, note: '256 ASNs: a full 255-ASN AS_SEQUENCE then one more segment (RFC 4271 §4.3: the count is one octet)' },

  // NEXT_HOP (3)
  { code: 3, hex: 'C0000201', json: '"192.0.2.1"', args: ['192.0.2.1'], note: 'NEXT_HOP (RFC 4271 §4.3 c, §5.1.3)' },

  // MULTI_EXIT_DISC (4), LOCAL_PREF (5)
  { code: 4, hex: '00000064', json: '100', args: ['100'], note: 'MULTI_EXIT_DISC 100 (RFC 4271 §4.3 d)' },
  { code: 4, hex: 'FFFFFFFF', json: '4294967295', args: ['4294967295'], note: 'MULTI_EXIT_DISC, the largest value' },
  { code: 5, hex: '000000C8', json: '200', args: ['200'], note: 'LOCAL_PREF 200 (RFC 4271 §4.3 e)' },
  { code: 5, hex: '00000000', json: '0', args: ['0'], note: 'LOCAL_PREF 0' },

  // ATOMIC_AGGREGATE (6)
  { code: 6, hex: '', json: 'true', args: [], note: 'ATOMIC_AGGREGATE, length 0 (RFC 4271 §4.3 f)' },

  // AGGREGATOR (7)
  { code: 7, hex: '0000FDE8C0000201', json: '"65000:192.0.2.1"', args: ['65000:192.0.2.1'], note: 'AGGREGATOR, 4-octet AS: 8 octets (RFC 6793 §3)' },
  { code: 7, hex: 'FDE8C0000201', json: '"65000:192.0.2.1"', args: ['65000:192.0.2.1'], ctx: as2, note: 'AGGREGATOR, 2-octet AS: 6 octets (RFC 4271 §4.3 g)' },
  { code: 7, hex: '5BA0C0000201', json: '"23456:192.0.2.1"', args: ['23456:192.0.2.1'], ctx: as2, note: 'AGGREGATOR with AS_TRANS (RFC 6793 §4.2.2)' },

  // ORIGINATOR_ID (9), CLUSTER_LIST (10)
  { code: 9, hex: '0A000001', json: '"10.0.0.1"', args: ['10.0.0.1'], note: 'ORIGINATOR_ID (RFC 4456 §8)' },
  { code: 10, hex: '0A000002', json: '["10.0.0.2"]', args: ['[', '10.0.0.2', ']'], note: 'CLUSTER_LIST of one CLUSTER_ID (RFC 4456 §8)' },
  { code: 10, hex: '0A0000020A000003', json: '["10.0.0.2","10.0.0.3"]', args: ['[', '10.0.0.2', '10.0.0.3', ']'], note: 'CLUSTER_LIST of two, in order' },

  // AS4_PATH (17), AS4_AGGREGATOR (18)
  { code: 17, hex: '0202FA56EA00FA56EA01', json: '[4200000000,4200000001]', args: ['[', '4200000000', '4200000001', ']'], ctx: as2, note: 'AS4_PATH: 4-octet ASNs on a 2-octet session (RFC 6793 §3)' },
  {
    code: 17,
    hex: '0201FA56EA000102FA56EA01FA56EA02',
    json: '{"flat":[4200000000,4200000001,4200000002],"segments":[{"asns":[4200000000],"type":"as-sequence"},{"asns":[4200000001,4200000002],"type":"as-set"}]}',
    args: ['[', '4200000000', '{', '4200000001', '4200000002', '}', ']'],
    ctx: as2,
    note: 'AS4_PATH with an AS_SET (RFC 6793 §3)',
  },
  { code: 18, hex: 'FA56EA00C0000201', json: '"4200000000:192.0.2.1"', args: ['4200000000:192.0.2.1'], ctx: as2, note: 'AS4_AGGREGATOR: 4-octet AS, 8 octets (RFC 6793 §3)' },

  // AIGP (26)
  { code: 26, hex: '01000B0000000000000064', json: '{"metric":100}', args: ['100'], note: 'AIGP TLV, metric 100 (RFC 7311 §3.1)' },
  { code: 26, hex: '01000BFFFFFFFFFFFFFFFF', json: '{"metric":18446744073709551615}', args: ['18446744073709551615'], note: 'AIGP TLV, metric 2^64-1: exact (64-bit)' },
  {
    code: 26,
    hex: '01000B0000000000000064050005ABCD',
    json: '{"metric":100,"tlvs":[{"metric":100,"type":1},{"raw":"ABCD","type":5}]}',
    args: ['100', 'tlv', '5', '0xABCD'],
    note: 'AIGP TLV then an unknown TLV 5, kept raw (RFC 7311 §3)',
  },
  { code: 26, hex: '070003', json: '{"tlvs":[{"raw":"","type":7}]}', args: ['tlv', '7', '0x'], note: 'only an unknown TLV, empty value (length 3 = header only)' },

  // OTC (35)
  { code: 35, hex: '0000FDE8', json: '65000', args: ['65000'], note: 'OTC, AS 65000 (RFC 9234 §5)' },
  { code: 35, hex: 'FA56EA00', json: '4200000000', args: ['4200000000'], note: 'OTC, a 4-octet AS' },
];
