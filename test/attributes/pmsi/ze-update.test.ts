/**
 * Ze's `ze bgp decode --update --json` (f09f9ac2) on UPDATEs carrying PMSI_TUNNEL (22) and
 * Prefix-SID (40), recorded in test/vectors/ze-update/pmsi-prefix-sid.jsonl: Ze has no parser
 * for either and leaves them out of `update.attr` entirely. This test pins that (so a Ze
 * upgrade that starts decoding them shows up), and decodes the same attribute values with this
 * group's codecs, found by a walker written from RFC 4271 §4.3 independently of src/update.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { AttributeCodec } from '../../../src/attributes/attribute.js';
import { NlriError } from '../../../src/core/errors.js';
import { pmsiTunnelCodec } from '../../../attributes/pmsi/index.js';
import { prefixSidCodec } from '../../../attributes/prefix-sid/index.js';
import { bytes } from '../../support/helpers.js';
import { decodeHex, jsonOf, strictCtx } from './helpers.js';

interface Vector { id: string; note: string; hex: string; json_text: string }

const file = fileURLToPath(new URL('../../vectors/ze-update/pmsi-prefix-sid.jsonl', import.meta.url));
const vectors: Vector[] = readFileSync(file, 'utf8').trim().split('\n').map((l) => JSON.parse(l) as Vector);

/** Path attributes of a whole UPDATE message: [type code, value hex]. RFC 4271 §4.3. */
function attrsOf(msg: Uint8Array): Array<[number, string]> {
  let p = 19;
  const wl = (msg[p]! << 8) | msg[p + 1]!;
  p += 2 + wl;
  const al = (msg[p]! << 8) | msg[p + 1]!;
  p += 2;
  const end = p + al;
  const out: Array<[number, string]> = [];
  while (p < end) {
    const flags = msg[p]!;
    const code = msg[p + 1]!;
    const ext = (flags & 0x10) !== 0;
    const len = ext ? (msg[p + 2]! << 8) | msg[p + 3]! : msg[p + 2]!;
    p += ext ? 4 : 3;
    out.push([code, Buffer.from(msg.subarray(p, p + len)).toString('hex').toUpperCase()]);
    p += len;
  }
  return out;
}

const CODECS: Record<number, AttributeCodec<any>> = { 22: pmsiTunnelCodec, 40: prefixSidCodec };

describe('Ze UPDATE JSON with PMSI_TUNNEL / Prefix-SID', () => {
  it('has the recorded vectors', () => expect(vectors.length).toBeGreaterThanOrEqual(10));
  for (const v of vectors) {
    it(`${v.id}: Ze drops the attribute; ze-nlri decodes it`, () => {
      const ze = JSON.parse(v.json_text) as { bgp: { update: { attr: Record<string, unknown> } } };
      expect(Object.keys(ze.bgp.update.attr)).not.toContain('pmsi-tunnel');
      expect(Object.keys(ze.bgp.update.attr)).not.toContain('prefix-sid');
      expect(v.json_text).not.toMatch(/pmsi|prefix-sid|"code":(22|40)/i);
      const found = attrsOf(bytes(v.hex)).filter(([c]) => CODECS[c]);
      expect(found.length).toBeGreaterThan(0);
      for (const [code, hex] of found) {
        const codec = CODECS[code]!;
        if (v.id.endsWith('-malformed')) {
          expect(() => decodeHex(codec, hex, strictCtx)).toThrow(NlriError);
        } else {
          expect(jsonOf(codec, decodeHex(codec, hex)).length).toBeGreaterThan(2);
        }
      }
    });
  }
  it('the EVPN Inclusive Multicast route itself is decoded by Ze, without its PMSI tunnel', () => {
    const v = vectors.find((x) => x.id === 'pmsi-imet-evpn')!;
    expect(v.json_text).toContain('"name":"Inclusive Multicast"');
    const pmsi = attrsOf(bytes(v.hex)).find(([c]) => c === 22)![1];
    expect(jsonOf(pmsiTunnelCodec, decodeHex(pmsiTunnelCodec, pmsi))).toBe(
      '{"endpoint":"192.0.2.1","flags":0,"label":625,"label-field":10010,"leaf-information-required":false,"tunnel-type":6,"tunnel-type-name":"ingress-replication"}',
    );
  });
});
