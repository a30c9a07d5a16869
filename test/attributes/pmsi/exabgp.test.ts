/**
 * A second independent decoder: ExaBGP 4.2.21 on the PMSI_TUNNEL samples (recorded in
 * exabgp-pmsi.json). ExaBGP prints `pmsi:<type name>:<flags>:<label>[(<label field>)]:<rest>`:
 * the endpoint for ingress replication, `0x<identifier hex>` for the other types. Flags, label,
 * field and identifier must agree with our decoding. ExaBGP 4.2.21 fails on an IPv6 ingress
 * replication endpoint (recorded error); that sample is only checked to be that error.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { pmsiTunnelCodec as codec, samples } from '../../../attributes/pmsi/index.js';
import { ipToString } from '../../../src/core/ip.js';
import { decodeHex } from './helpers.js';

interface Oracle { vectors: Array<{ hex: string; exabgp?: string; error?: string }> }
const oracle = JSON.parse(readFileSync(fileURLToPath(new URL('./exabgp-pmsi.json', import.meta.url)), 'utf8')) as Oracle;

describe('PMSI_TUNNEL against ExaBGP 4.2.21', () => {
  it('covers every sample', () => expect(oracle.vectors.map((v) => v.hex)).toEqual(samples.map((s) => s.hex)));
  for (const v of oracle.vectors) {
    it(v.hex, () => {
      const m = decodeHex(codec, v.hex);
      if (v.error !== undefined) {
        expect(m.tunnel.kind === 'ingress-replication' && m.tunnel.endpoint.length === 16).toBe(true);
        expect(v.error).toMatch(/invalid length of packed IP address/);
        return;
      }
      const [, , flags, label, ...rest] = v.exabgp!.split(':');
      expect(Number(flags)).toBe(m.flags);
      const lm = /^(\d+)(?:\((\d+)\))?$/.exec(label!)!;
      expect(Number(lm[1])).toBe(m.labelField >>> 4);
      if (lm[2] !== undefined) expect(Number(lm[2])).toBe(m.labelField);
      const id = rest.join(':');
      if (m.tunnel.kind === 'ingress-replication') expect(id).toBe(ipToString(false, m.tunnel.endpoint));
      else expect(id).toBe(v.hex.length > 10 ? '0x' + v.hex.slice(10) : '');
    });
  }
});
