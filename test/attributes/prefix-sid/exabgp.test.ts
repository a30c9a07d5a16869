/**
 * A second independent decoder: ExaBGP 4.2.21 on the Prefix-SID samples (recorded in
 * exabgp-prefix-sid.json: its `bgp-prefix-sid` JSON, or the error it logged). ExaBGP reads the
 * Label-Index and Originator SRGB TLVs; those must agree with our decoding. Its SRv6 TLVs
 * follow a draft layout (it wants the SRv6 Service TLV to be exactly 21 octets) and it fails on
 * every RFC 9252 sample, and on a type 2 TLV (it wants 19 octets): those are recorded as its
 * errors and checked to be SRv6 / type 2 samples.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { prefixSidCodec as codec, samples } from '../../../attributes/prefix-sid/index.js';
import { decodeHex } from '../pmsi/helpers.js';

interface Oracle { vectors: Array<{ hex: string; exabgp?: { 'sr-label-index'?: number; 'sr-srgbs'?: number[][] }; error?: string }> }
const oracle = JSON.parse(readFileSync(fileURLToPath(new URL('./exabgp-prefix-sid.json', import.meta.url)), 'utf8')) as Oracle;

describe('Prefix-SID against ExaBGP 4.2.21', () => {
  it('covers every sample', () => expect(oracle.vectors.map((v) => v.hex)).toEqual(samples.map((s) => s.hex)));
  for (const v of oracle.vectors) {
    it(v.hex.slice(0, 40), () => {
      const m = decodeHex(codec, v.hex);
      if (v.error !== undefined) {
        expect(m.tlvs.some((t) => t.type === 5 || t.type === 6 || t.type === 2)).toBe(true);
        return;
      }
      const li = m.tlvs.find((t) => t.type === 1);
      const sr = m.tlvs.find((t) => t.type === 3);
      expect(v.exabgp!['sr-label-index']).toBe(li && 'labelIndex' in li ? li.labelIndex : undefined);
      expect(v.exabgp!['sr-srgbs']).toEqual(sr && 'srgb' in sr ? sr.srgb.map((g) => [g.base, g.range]) : undefined);
    });
  }
});
