/**
 * A whole Classful Transport route through `decodeUpdate` (src/index.ts): MP_REACH_NLRI
 * (RFC 4760 §3) with AFI 1 SAFI 76 and one CT NLRI (RFC 9832: label 1000, RD 0:65000:100,
 * Transport Endpoint 192.0.2.1/32), and the Transport Class Route Target extended communities
 * (RFC 9832: 0x0A/0x02 transitive, 0x4A/0x02 non-transitive; kept raw by the communities group
 * today). Bytes laid out by hand; Ze's decoding of the same message (f09f9ac2) recorded.
 */
import { describe, expect, it } from 'vitest';
import { decodeUpdate, decodeUpdateHex, defaultRegistry, encodeUpdate, Registry, toHex } from '../../../src/index.js';
import { codecs, readTransportClassRt, transportClassRt } from '../../../families/ct/index.js';
import { bytes } from '../../support/helpers.js';

const families = new Registry([...defaultRegistry.list().filter((c) => c.safi !== 76), ...codecs]);
const NLRI = '78' + '003E81' + '0000FDE800000064' + 'C0000201';
const MP = '0001' + '4C' + '04' + 'C00002FE' + '00' + NLRI;
const EXT = toHex(transportClassRt(100)) + toHex(transportClassRt(200, false));
const ATTRS = '40010100' + '400200' + '800E19' + MP + 'C01010' + EXT;
const MESSAGE = 'F'.repeat(32) + '004D' + '02' + '0000' + '0036' + ATTRS;

/** Ze f09f9ac2: family `ipv4/safi-76`, the labeled NLRI misread as a 120-bit prefix. */
const ZE_OUTPUT =
  '{"bgp":{"message":{"direction":"received","id":0,"type":"update"},"peer":{"address":"127.0.0.1","remote":{"as":65533}},"update":{"attr":{"extended-community":[{"string":"0x0a02:000000000064","value":721138890332700772},{"string":"0x4a02:0000000000c8","value":5332824908760088776}],"origin":"igp"},"ipv4/safi-76":[{"action":"add","next-hop":"192.0.2.254","nlri":["0.62.129.0/120"]}]}},"type":"bgp"}';

describe('a Classful Transport route with its Transport Class', () => {
  it('lengths add up', () => {
    expect(MP.length / 2).toBe(0x19);
    expect(ATTRS.length / 2).toBe(0x36);
    expect(MESSAGE.length / 2).toBe(0x4d);
  });

  it('decodes: the NLRI with the VPN JSON keys, the communities with their type 0x0A / 0x4A', () => {
    const u = decodeUpdate(bytes(MESSAGE), { families });
    expect(u.problems).toEqual([]);
    const j = JSON.parse(decodeUpdateHex(MESSAGE, { families })) as { bgp: { update: Record<string, any> } };
    const up = j.bgp.update;
    expect(up['ipv4/classful-transport']).toEqual([{ action: 'add', 'next-hop': '192.0.2.254', nlri: [{ labels: [[1000]], prefix: '192.0.2.1/32', rd: '0:65000:100' }] }]);
    const ec = up.attr['extended-community'] as { type: number; 'sub-type': number; string: string }[];
    expect(ec.map((c) => [c.type, c['sub-type'], c.string])).toEqual([
      [0x0a, 2, '0x0a02:000000000064'],
      [0x4a, 2, '0x4a02:0000000000c8'],
    ]);
    expect(readTransportClassRt(bytes(EXT), 0)?.id).toBe(100);
    expect(readTransportClassRt(bytes(EXT), 8)?.id).toBe(200);
  });

  it('encodes back to the same bytes', () => {
    expect(toHex(encodeUpdate(decodeUpdate(bytes(MESSAGE), { families }), { families }))).toBe(MESSAGE);
  });

  it('what Ze does (recorded): the communities alike, the NLRI misread', () => {
    const ze = JSON.parse(ZE_OUTPUT) as { bgp: { update: Record<string, any> } };
    expect(ze.bgp.update['ipv4/safi-76'][0].nlri).toEqual(['0.62.129.0/120']);
    const ours = JSON.parse(decodeUpdateHex(MESSAGE, { families })) as { bgp: { update: Record<string, any> } };
    expect(ours.bgp.update.attr['extended-community'].map((c: { string: string; value: number }) => [c.string, c.value])).toEqual(
      ze.bgp.update.attr['extended-community'].map((c: { string: string; value: number }) => [c.string, c.value]),
    );
  });
});
