/**
 * BMP (RFC 7854, RFC 9069) through BmpReader and RouteReader, on messages built byte by byte
 * from the RFC figures (test/input/build.ts).
 */
import { describe, expect, it } from 'vitest';
import { BmpReader } from '../../src/input/bmp.js';
import * as B from './build.js';
import { decodeBytes } from './run.js';

const PEER = { ip: '192.0.2.1', as: 65001, bgpId: '192.0.2.1', sec: 1700000000, usec: 500000 };
const UPD4 = B.update(B.cat(B.ORIGIN_IGP, B.asPath([4200000000]), B.nextHop('192.0.2.1')), B.prefix4('203.0.113.0/24'));
const UPD2 = B.update(B.cat(B.ORIGIN_IGP, B.asPath([65001, 65002], false), B.nextHop('192.0.2.1')), B.prefix4('203.0.113.0/24'));
const INIT = B.bmp(4, B.cat(B.u16(0), B.u16(4), [...Buffer.from('test')]));

describe('BMP (RFC 7854)', () => {
  it('Route Monitoring (§4.6): the per-peer header (§4.2) as source, the UPDATE inside decoded', () => {
    const rm = B.bmp(0, B.cat(B.perPeer({ ...PEER, flags: 0x40 }), UPD4));
    const d = decodeBytes('bmp', B.buf(B.cat(INIT, rm)));
    expect(d.errors).toEqual([]);
    expect(d.routes).toEqual([
      {
        action: 'add',
        attr: { 'as-path': [4200000000], origin: 'igp' },
        family: 'ipv4/unicast',
        'next-hop': '192.0.2.1',
        nlri: '203.0.113.0/24',
        source: { format: 'bmp', offset: INIT.length, peer: { address: '192.0.2.1', as: 65001, 'bgp-id': '192.0.2.1', 'post-policy': true, type: 'global' }, record: 'route-monitoring', timestamp: 1700000000.5 },
      },
    ]);
    expect(Object.fromEntries(d.reader.skipped)).toEqual({ 'bmp/initiation': 1 });
  });

  it('flag A (§4.2): the UPDATE has 2-octet AS_PATH', () => {
    const d = decodeBytes('bmp', B.buf(B.bmp(0, B.cat(B.perPeer({ ...PEER, flags: 0x20 }), UPD2))));
    expect(d.errors).toEqual([]);
    expect(d.routes[0]).toMatchObject({ attr: { 'as-path': [65001, 65002] } });
  });

  it('flag V: an IPv6 peer address; peer type 1 with its distinguisher', () => {
    const rd = B.hex('0000fde900000064');
    const d = decodeBytes('bmp', B.buf(B.bmp(0, B.cat(B.perPeer({ ...PEER, ip: '2001:db8::1', flags: 0x80, type: 1, rd }), UPD4))));
    expect(d.routes[0]!.source).toEqual({ format: 'bmp', offset: 0, peer: { address: '2001:db8::1', as: 65001, 'bgp-id': '192.0.2.1', distinguisher: '0:65001:100', 'post-policy': false, type: 'rd' }, record: 'route-monitoring', timestamp: 1700000000.5 });
  });

  it('Peer Up (§4.10) supplies ADD-PATH: the peer sends, the monitored router receives (RFC 7911 §5)', () => {
    const sent = B.open(65000, '192.0.2.254', { as4: 65000, addPath: [[1, 1, 1]] });
    const received = B.open(65001, '192.0.2.1', { as4: 65001, addPath: [[1, 1, 2]] });
    const up = B.bmp(3, B.cat(B.perPeer(PEER), B.peerUp('192.0.2.254', 179, 50000, sent, received)));
    const upd = B.update(B.cat(B.ORIGIN_IGP, B.asPath([65001]), B.nextHop('192.0.2.1')), B.cat(B.u32(11), B.prefix4('203.0.113.0/24')));
    const rm = B.bmp(0, B.cat(B.perPeer(PEER), upd));
    const recs = new BmpReader().push(B.buf(up));
    expect(recs[0]).toMatchObject({ kind: 'peer-up', localAddress: '192.0.2.254', localPort: 179, remotePort: 50000 });
    const d = decodeBytes('bmp', B.buf(B.cat(up, rm)));
    expect(d.errors).toEqual([]);
    expect(d.routes.map((r) => r.nlri)).toEqual([{ 'path-id': 11, prefix: '203.0.113.0/24' }]);
  });

  it('Peer Down (§4.9) forgets what the Peer Up said', () => {
    const sent = B.open(65000, '192.0.2.254', { as4: 65000, addPath: [[1, 1, 1]] });
    const received = B.open(65001, '192.0.2.1', { as4: 65001, addPath: [[1, 1, 2]] });
    const up = B.bmp(3, B.cat(B.perPeer(PEER), B.peerUp('192.0.2.254', 179, 50000, sent, received)));
    const down = B.bmp(2, B.cat(B.perPeer(PEER), [2]));
    const d = decodeBytes('bmp', B.buf(B.cat(up, down, B.bmp(0, B.cat(B.perPeer(PEER), UPD4)))));
    expect(d.errors).toEqual([]);
    expect(d.routes.map((r) => r.nlri)).toEqual(['203.0.113.0/24']);
  });

  it('RFC 9069 Loc-RIB (peer type 3): flag F, 4-octet AS whatever the flags', () => {
    const d = decodeBytes('bmp', B.buf(B.bmp(0, B.cat(B.perPeer({ ...PEER, ip: '', type: 3, flags: 0xa0 }), UPD4))));
    expect(d.errors).toEqual([]);
    expect(d.routes[0]).toMatchObject({ attr: { 'as-path': [4200000000] }, source: { peer: { address: '', filtered: true, type: 'loc-rib' } } });
  });

  it('Statistics, Peer Down, Termination are counted as skipped', () => {
    const file = B.cat(B.bmp(1, B.cat(B.perPeer(PEER), B.u32(0))), B.bmp(2, B.cat(B.perPeer(PEER), [2])), B.bmp(5, []));
    const d = decodeBytes('bmp', B.buf(file), 3);
    expect(d.routes).toEqual([]);
    expect(Object.fromEntries(d.reader.skipped)).toEqual({ 'bmp/statistics': 1, 'bmp/peer-down': 1, 'bmp/termination': 1 });
  });

  it('the same routes whatever the chunk size', () => {
    const file = B.buf(B.cat(INIT, B.bmp(0, B.cat(B.perPeer(PEER), UPD4)), B.bmp(0, B.cat(B.perPeer({ ...PEER, flags: 0x20 }), UPD2))));
    const whole = decodeBytes('bmp', file).lines;
    expect(whole).toHaveLength(2);
    for (const c of [1, 5, 64]) expect(decodeBytes('bmp', file, c).lines).toEqual(whole);
  });
});

describe('BMP errors', () => {
  it('a Version other than 3 stops the reader (§4.1)', () => {
    const d = decodeBytes('bmp', B.buf(B.cat(INIT, [1, 0, 0, 0, 6, 0])));
    expect(d.errors).toEqual([{ code: 'bad-value', offset: INIT.length, message: 'BMP Version 1 is not 3 (RFC 7854 §4.1)', fatal: true }]);
  });

  it('a Message Length under 6 or over the bound stops the reader at the Length field', () => {
    expect(decodeBytes('bmp', B.buf([3, 0, 0, 0, 5, 0])).errors).toEqual([{ code: 'bad-length', offset: 1, message: 'BMP Message Length 5 outside 6..16777216', fatal: true }]);
    expect(decodeBytes('bmp', B.buf([3, 0x7f, 0, 0, 0, 0])).errors[0]).toMatchObject({ code: 'bad-length', offset: 1, fatal: true });
  });

  it('a per-peer header cut short is reported for that message and the next one reads', () => {
    const short = B.bmp(0, B.perPeer(PEER).slice(0, 30));
    const d = decodeBytes('bmp', B.buf(B.cat(short, B.bmp(0, B.cat(B.perPeer(PEER), UPD4)))));
    expect(d.errors).toEqual([{ code: 'truncated', offset: 6 + 30, message: 'BMP route-monitoring: Peer BGP ID needs 4 bytes, 0 left', fatal: false }]);
    expect(d.routes).toHaveLength(1);
  });

  it('a Peer Up whose OPEN has no marker', () => {
    const up = B.bmp(3, B.cat(B.perPeer(PEER), B.peerUp('192.0.2.254', 179, 50000, Array(19).fill(0), B.open(1, '1.1.1.1', {}))));
    const d = decodeBytes('bmp', B.buf(up));
    expect(d.errors).toEqual([{ code: 'bad-value', offset: 6 + 42 + 20, message: 'BMP peer-up: Sent OPEN Message: no BGP marker', fatal: false }]);
  });

  it('the input ends inside a message', () => {
    expect(decodeBytes('bmp', B.buf(INIT.slice(0, 8))).errors).toEqual([{ code: 'truncated', offset: 0, message: 'the input ends 8 octets into a BMP message', fatal: true }]);
  });
});
