/**
 * Small sample inputs for the README and docs/decode-file.md (test/input/samples/), built here
 * from the RFC layouts of build.ts. The committed files must equal what this builds
 * (UPDATE_SAMPLES=1 rewrites them), and decode-file's readers read them without errors.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import * as B from './build.js';
import { decodeBytes } from './run.js';

const DIR = join(import.meta.dirname, 'samples');

function samples(): Record<string, { format: 'mrt' | 'bmp' | 'pcap' | 'hex'; bytes: Uint8Array; routes: number }> {
  const peers = B.mrt(1700000000, 13, 1, B.peerIndexTable('192.0.2.100', 'main', [
    { bgpId: '192.0.2.1', ip: '192.0.2.1', as: 65001 },
    { bgpId: '192.0.2.2', ip: '2001:db8::2', as: 4200000000 },
  ]));
  const a1 = B.cat(B.ORIGIN_IGP, B.asPath([65001, 64496]), B.nextHop('192.0.2.1'), B.med(10));
  const a2 = B.cat(B.ORIGIN_IGP, B.asPath([4200000000, 64496]), B.nextHop('192.0.2.2'));
  const a6 = B.cat(B.ORIGIN_IGP, B.asPath([4200000000]), B.mpReachShort(B.cat(B.ip6('2001:db8::2'), B.ip6('fe80::2'))));
  const mrt = B.cat(
    peers,
    B.mrt(1700000000, 13, 2, B.ribAfi(0, B.prefix4('198.51.100.0/24'), [{ peer: 0, originated: 1699990000, attrs: a1 }, { peer: 1, originated: 1699990001, attrs: a2 }])),
    B.mrt(1700000000, 13, 4, B.ribAfi(1, B.prefix6('2001:db8:100::/40'), [{ peer: 1, originated: 1699990002, attrs: a6 }])),
    B.mrt(1700000005, 17, 4, B.bgp4mpMessage(true, 65001, 65000, '192.0.2.1', '192.0.2.254', B.update(a1, B.prefix4('203.0.113.0/24'), B.prefix4('198.51.100.0/24'))), 123456),
  );
  const sent = B.open(65000, '192.0.2.254', { as4: 65000, addPath: [[1, 1, 1]] });
  const recv = B.open(65001, '192.0.2.1', { as4: 65001, addPath: [[1, 1, 2]] });
  const peer = { ip: '192.0.2.1', as: 65001, bgpId: '192.0.2.1', sec: 1700000000 };
  const bmp = B.cat(
    B.bmp(4, B.cat(B.u16(2), B.u16(6), [...Buffer.from('router')])),
    B.bmp(3, B.cat(B.perPeer(peer), B.peerUp('192.0.2.254', 179, 40001, sent, recv))),
    B.bmp(0, B.cat(B.perPeer({ ...peer, usec: 250000 }), B.update(a1, B.cat(B.u32(1), B.prefix4('203.0.113.0/24'), B.u32(2), B.prefix4('203.0.113.0/24'))))),
    B.bmp(0, B.cat(B.perPeer({ ip: '', type: 3, as: 65000, bgpId: '192.0.2.254', sec: 1700000001 }), B.update(a2, B.prefix4('198.51.100.0/24')))),
  );
  const A = '192.0.2.1';
  const Z = '192.0.2.254';
  const openA = B.open(65001, A, { as4: 65001 });
  const openZ = B.open(65000, Z, { as4: 65000 });
  const upd = B.update(a1, B.cat(B.prefix4('203.0.113.0/24'), B.prefix4('198.51.100.0/25')));
  const segs = [
    { src: A, dst: Z, sport: 40001, dport: 179, seq: 100, flags: 0x02, payload: [] as B.Bytes },
    { src: Z, dst: A, sport: 179, dport: 40001, seq: 900, flags: 0x12, payload: [] as B.Bytes },
    { src: A, dst: Z, sport: 40001, dport: 179, seq: 101, payload: openA },
    { src: Z, dst: A, sport: 179, dport: 40001, seq: 901, payload: B.cat(openZ, B.KEEPALIVE) },
    { src: A, dst: Z, sport: 40001, dport: 179, seq: 101 + openA.length, payload: B.cat(B.KEEPALIVE, upd.slice(0, 30)) },
    { src: A, dst: Z, sport: 40001, dport: 179, seq: 101 + openA.length + 19 + 30, payload: upd.slice(30) },
  ];
  const pcap = B.pcap(1, segs.map((s, i) => ({ sec: 1700000000 + i, usec: 0, data: B.ethernet(B.ipTcp(s)) })));
  const hex = `# one UPDATE per line\n${Buffer.from(upd).toString('hex')}\n${Buffer.from(B.update(B.cat(B.ORIGIN_IGP, B.asPath([65001]), B.mpReach(2, 1, B.ip6('2001:db8::1'), B.prefix6('2001:db8:1::/48'))))).toString('hex').toUpperCase().match(/../g)!.join(' ')}\n`;
  return {
    'rib.mrt': { format: 'mrt', bytes: B.buf(mrt), routes: 5 },
    'monitor.bmp': { format: 'bmp', bytes: B.buf(bmp), routes: 3 },
    'session.pcap': { format: 'pcap', bytes: B.buf(pcap), routes: 2 },
    'updates.hex': { format: 'hex', bytes: new TextEncoder().encode(hex), routes: 3 },
  };
}

describe('test/input/samples', () => {
  for (const [name, s] of Object.entries(samples())) {
    it(`${name}: committed as built, read without errors`, () => {
      const path = join(DIR, name);
      if (process.env.UPDATE_SAMPLES) {
        mkdirSync(DIR, { recursive: true });
        writeFileSync(path, s.bytes);
      }
      expect(existsSync(path)).toBe(true);
      expect(new Uint8Array(readFileSync(path))).toEqual(s.bytes);
      const d = decodeBytes(s.format, s.bytes);
      expect(d.errors).toEqual([]);
      expect(d.bad).toEqual([]);
      expect(d.routes).toHaveLength(s.routes);
    });
  }
});
