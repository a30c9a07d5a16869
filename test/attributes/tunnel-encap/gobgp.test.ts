/**
 * An independent decoder of the RFC 9012 sub-TLVs: GoBGP v3.37.0 (`bgp.GetPathAttribute` +
 * `DecodeFromBytes` + `json.Marshal`, output recorded in test/vectors/tunnel-encap/gobgp.jsonl).
 * GoBGP reads every Encapsulation sub-TLV as RFC 5512's Key (4) + Cookie (rest), whatever the
 * tunnel type: for VXLAN/NVGRE the key is Flags << 24 | VN-ID and the cookie MAC + Reserved.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ipv4ToString, ipv6ToString } from '../../../src/core/ip.js';
import type { SubTlv } from '../../../attributes/tunnel-encap/index.js';
import { decode } from './helpers.js';

interface Vector {
  hex: string;
  gobgp_json: { type: 23; value: { type: number; value: Record<string, unknown>[] }[] };
}
const vectors: Vector[] = readFileSync(new URL('../../vectors/tunnel-encap/gobgp.jsonl', import.meta.url), 'utf8')
  .split('\n')
  .filter((l) => l.trim() !== '')
  .map((l) => JSON.parse(l) as Vector);

const b64 = (b: Uint8Array): string => Buffer.from(b).toString('base64');

function asGo(s: SubTlv): Record<string, unknown> {
  switch (s.kind) {
    case 'vxlan': {
      const cookie = new Uint8Array(8);
      cookie.set(s.mac, 0);
      cookie[6] = s.reserved >> 8;
      cookie[7] = s.reserved & 0xff;
      return { type: 1, key: s.flags * 0x1000000 + s.vnId, cookie: b64(cookie) };
    }
    case 'gre-key': return { type: 1, key: s.key, cookie: '' };
    case 'egress-endpoint': return { type: 6, address: s.afi === 0 ? '' : s.afi === 1 ? ipv4ToString(s.address) : ipv6ToString(s.address) };
    case 'udp-port': return { type: 8, port: s.port };
    case 'color': return { type: 4, color: s.color };
    case 'protocol-type': return { type: 2, protocol: s.ethertype };
    case 'ds-field': return { type: 7, value: b64(Uint8Array.of(s.value)) };
    case 'label-stack': {
      const b = new Uint8Array(4 * s.entries.length);
      s.entries.forEach((e, i) => {
        const v = e.label * 4096 + (e.tc << 9) + (e.s ? 256 : 0) + e.ttl;
        b.set([v >>> 24, (v >>> 16) & 0xff, (v >>> 8) & 0xff, v & 0xff], 4 * i);
      });
      return { type: 10, value: b64(b) };
    }
    default: throw new Error(`no GoBGP form for ${s.kind}`);
  }
}

describe('GoBGP as an independent decoder of RFC 9012 sub-TLVs', () => {
  for (const v of vectors) {
    it(v.hex.slice(0, 8), () => {
      const m = decode(v.hex);
      expect({ type: 23, value: m.tunnels.map((t) => ({ type: t.type, value: t.subTlvs.map(asGo) })) }).toEqual(v.gobgp_json);
    });
  }
});
