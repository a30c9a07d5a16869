/**
 * MRT (RFC 6396, RFC 8050) through MrtReader and RouteReader, on records built byte by byte
 * from the RFC figures (test/input/build.ts). Expected routes are written from the RFC fields;
 * the family and attribute JSON forms are Ze's (`ze bgp decode --update --json`).
 */
import { describe, expect, it } from 'vitest';
import { MrtReader } from '../../src/input/mrt.js';
import * as B from './build.js';
import { decodeBytes } from './run.js';

const PEERS = B.mrt(1700000000, 13, 1, B.peerIndexTable('192.0.2.100', 'view', [
  { bgpId: '192.0.2.1', ip: '192.0.2.1', as: 65001 },
  { bgpId: '192.0.2.2', ip: '2001:db8::2', as: 4200000000 },
  { bgpId: '192.0.2.3', ip: '192.0.2.3', as: 65003, as4: false },
]));
const ATTRS1 = B.cat(B.ORIGIN_IGP, B.asPath([65001, 4200000000]), B.nextHop('192.0.2.1'));
const ATTRS2 = B.cat(B.ORIGIN_IGP, B.asPath([4200000000]), B.nextHop('192.0.2.2'), B.med(50));
const RIB4 = B.mrt(1700000001, 13, 2, B.ribAfi(7, B.prefix4('198.51.100.0/24'), [
  { peer: 0, originated: 1600000000, attrs: ATTRS1 },
  { peer: 1, originated: 1600000001, attrs: ATTRS2 },
]));

describe('MRT TABLE_DUMP_V2 (RFC 6396 §4.3)', () => {
  it('PEER_INDEX_TABLE (§4.3.1): peers with IPv4/IPv6 addresses and 2/4-octet AS', () => {
    const recs = new MrtReader().push(B.buf(PEERS));
    expect(recs).toHaveLength(1);
    const r = recs[0]!;
    expect(r.kind).toBe('peer-index');
    if (r.kind !== 'peer-index') return;
    expect(r.collectorId).toBe('192.0.2.100');
    expect(r.viewName).toBe('view');
    expect(r.peers).toEqual([
      { bgpId: '192.0.2.1', address: '192.0.2.1', as: 65001, as4: true },
      { bgpId: '192.0.2.2', address: '2001:db8::2', as: 4200000000, as4: true },
      { bgpId: '192.0.2.3', address: '192.0.2.3', as: 65003, as4: false },
    ]);
  });

  it('RIB_IPV4_UNICAST (§4.3.2, §4.3.4): one route per RIB entry, peer from the index table, 4-octet AS_PATH', () => {
    const file = B.cat(PEERS, RIB4);
    const d = decodeBytes('mrt', B.buf(file));
    expect(d.errors).toEqual([]);
    // Entry offsets: the RIB record starts after PEERS; header 12, sequence 4, prefix 4, count 2.
    const e0 = PEERS.length + 12 + 4 + 4 + 2;
    const e1 = e0 + 2 + 4 + 2 + ATTRS1.length;
    expect(d.routes).toEqual([
      {
        action: 'add',
        attr: { 'as-path': [65001, 4200000000], origin: 'igp' },
        family: 'ipv4/unicast',
        'next-hop': '192.0.2.1',
        nlri: '198.51.100.0/24',
        source: { format: 'mrt', offset: e0, peer: { address: '192.0.2.1', as: 65001, 'bgp-id': '192.0.2.1' }, record: 'TABLE_DUMP_V2/RIB_IPV4_UNICAST', timestamp: 1600000000 },
      },
      {
        action: 'add',
        attr: { 'as-path': [4200000000], med: 50, origin: 'igp' },
        family: 'ipv4/unicast',
        'next-hop': '192.0.2.2',
        nlri: '198.51.100.0/24',
        source: { format: 'mrt', offset: e1, peer: { address: '2001:db8::2', as: 4200000000, 'bgp-id': '192.0.2.2' }, record: 'TABLE_DUMP_V2/RIB_IPV4_UNICAST', timestamp: 1600000001 },
      },
    ]);
  });

  it('gives the same routes whatever the chunk size (1, 7, 4096 octets)', () => {
    const file = B.buf(B.cat(PEERS, RIB4, PEERS, RIB4));
    const whole = decodeBytes('mrt', file).lines;
    expect(whole).toHaveLength(4);
    for (const c of [1, 7, 4096]) expect(decodeBytes('mrt', file, c).lines).toEqual(whole);
  });

  it('RIB_IPV6_UNICAST: the short MP_REACH_NLRI (§4.3.4: next hop length + next hop) with global + link-local', () => {
    const attrs = B.cat(B.ORIGIN_IGP, B.asPath([65001]), B.mpReachShort(B.cat(B.ip6('2001:db8::1'), B.ip6('fe80::1'))));
    const d = decodeBytes('mrt', B.buf(B.cat(PEERS, B.mrt(1, 13, 4, B.ribAfi(1, B.prefix6('2001:db8:1::/48'), [{ peer: 0, originated: 5, attrs }])))));
    expect(d.errors).toEqual([]);
    expect(d.routes).toHaveLength(1);
    expect(d.routes[0]).toMatchObject({ family: 'ipv6/unicast', nlri: '2001:db8:1::/48', 'next-hop': '2001:db8::1', 'next-hop-link-local': 'fe80::1', attr: { 'as-path': [65001], origin: 'igp' } });
  });

  it('RIB_IPV6_MULTICAST and RIB_IPV4_MULTICAST map to SAFI 2', () => {
    const attrs6 = B.cat(B.ORIGIN_IGP, B.asPath([65001]), B.mpReachShort(B.ip6('2001:db8::1')));
    const attrs4 = B.cat(B.ORIGIN_IGP, B.asPath([65001]), B.mpReachShort(B.ip4('192.0.2.1')));
    const d = decodeBytes('mrt', B.buf(B.cat(
      PEERS,
      B.mrt(1, 13, 5, B.ribAfi(1, B.prefix6('2001:db8:2::/48'), [{ peer: 0, originated: 5, attrs: attrs6 }])),
      B.mrt(1, 13, 3, B.ribAfi(2, B.prefix4('232.1.0.0/16'), [{ peer: 0, originated: 5, attrs: attrs4 }])),
    )));
    expect(d.errors).toEqual([]);
    expect(d.routes.map((r) => [r.family, r.nlri, r['next-hop']])).toEqual([
      ['ipv6/multicast', '2001:db8:2::/48', '2001:db8::1'],
      ['ipv4/multicast', '232.1.0.0/16', '192.0.2.1'],
    ]);
  });

  it('RIB_IPV4_UNICAST_ADDPATH (RFC 8050 §4): the Path Identifier of each entry on its NLRI', () => {
    const rec = B.mrt(1, 13, 8, B.ribAfi(1, B.prefix4('198.51.100.0/24'), [
      { peer: 0, originated: 5, pathId: 1, attrs: ATTRS1 },
      { peer: 0, originated: 6, pathId: 2, attrs: ATTRS1 },
    ]));
    const d = decodeBytes('mrt', B.buf(B.cat(PEERS, rec)));
    expect(d.errors).toEqual([]);
    expect(d.routes.map((r) => r.nlri)).toEqual([{ 'path-id': 1, prefix: '198.51.100.0/24' }, { 'path-id': 2, prefix: '198.51.100.0/24' }]);
    expect(d.routes[0]!.source).toMatchObject({ record: 'TABLE_DUMP_V2/RIB_IPV4_UNICAST_ADDPATH' });
  });

  it('RIB_IPV6_UNICAST_ADDPATH: path id and the short MP_REACH_NLRI together', () => {
    const attrs = B.cat(B.ORIGIN_IGP, B.asPath([65001]), B.mpReachShort(B.ip6('2001:db8::1')));
    const d = decodeBytes('mrt', B.buf(B.cat(PEERS, B.mrt(1, 13, 10, B.ribAfi(1, B.prefix6('2001:db8:1::/48'), [{ peer: 0, originated: 5, pathId: 9, attrs }])))));
    expect(d.errors).toEqual([]);
    expect(d.routes[0]).toMatchObject({ family: 'ipv6/unicast', nlri: { 'path-id': 9, prefix: '2001:db8:1::/48' }, 'next-hop': '2001:db8::1' });
  });

  it('RIB_GENERIC (§4.3.3): the NLRI of AFI 1 / SAFI 128 (RFC 4364 §4.3.4 labeled VPN-IPv4), its end found by the family', () => {
    // Length 112 bits = label 24 + RD 64 + prefix 24; label 100 bottom of stack; RD type 0 65001:100; 10.1.2.0/24.
    const nlri = B.cat(B.u8(112), B.hex('000641'), B.hex('0000fde900000064'), B.ip4('10.1.2.0').slice(0, 3));
    const attrs = B.cat(B.ORIGIN_IGP, B.asPath([65001]), B.mpReachShort(B.cat(Array(8).fill(0), B.ip4('192.0.2.1'))));
    const d = decodeBytes('mrt', B.buf(B.cat(PEERS, B.mrt(1, 13, 6, B.ribGeneric(3, 1, 128, nlri, [{ peer: 0, originated: 5, attrs }, { peer: 2, originated: 6, attrs }])))));
    expect(d.errors).toEqual([]);
    expect(d.routes).toHaveLength(2);
    expect(d.routes[0]).toMatchObject({ family: 'ipv4/mpls-vpn', nlri: { labels: [[100]], prefix: '10.1.2.0/24', rd: '0:65001:100' }, 'next-hop': '192.0.2.1' });
    expect(d.routes[1]!.source).toMatchObject({ peer: { address: '192.0.2.3', as: 65003 } });
  });

  it('RIB_GENERIC_ADDPATH: path id in the RIB entry (as GoBGP and OpenBGPD write it)', () => {
    const d = decodeBytes('mrt', B.buf(B.cat(PEERS, B.mrt(1, 13, 12, B.ribGeneric(3, 1, 1, B.prefix4('203.0.113.0/24'), [{ peer: 0, originated: 5, pathId: 4, attrs: ATTRS1 }])))));
    expect(d.errors).toEqual([]);
    expect(d.routes[0]).toMatchObject({ family: 'ipv4/unicast', nlri: { 'path-id': 4, prefix: '203.0.113.0/24' }, 'next-hop': '192.0.2.1' });
  });

  it('an MP_REACH_NLRI in the full RFC 4760 form (some writers) keeps its next hop', () => {
    const attrs = B.cat(B.ORIGIN_IGP, B.asPath([65001]), B.mpReach(2, 1, B.ip6('2001:db8::9'), B.prefix6('2001:db8:1::/48')));
    const d = decodeBytes('mrt', B.buf(B.cat(PEERS, B.mrt(1, 13, 4, B.ribAfi(1, B.prefix6('2001:db8:1::/48'), [{ peer: 0, originated: 5, attrs }])))));
    expect(d.errors).toEqual([]);
    expect(d.routes.map((r) => [r.nlri, r['next-hop']])).toEqual([['2001:db8:1::/48', '2001:db8::9']]);
  });

  it('--family filters: only the routes of the families asked for', () => {
    const attrs6 = B.cat(B.ORIGIN_IGP, B.asPath([65001]), B.mpReachShort(B.ip6('2001:db8::1')));
    const file = B.buf(B.cat(PEERS, RIB4, B.mrt(1, 13, 4, B.ribAfi(1, B.prefix6('2001:db8:1::/48'), [{ peer: 0, originated: 5, attrs: attrs6 }]))));
    expect(decodeBytes('mrt', file, undefined, { families_filter: new Set(['ipv6/unicast']) }).routes.map((r) => r.family)).toEqual(['ipv6/unicast']);
  });
});

describe('MRT BGP4MP (RFC 6396 §4.4, RFC 8050 §3)', () => {
  const upd4 = B.update(B.cat(B.ORIGIN_IGP, B.asPath([4200000000]), B.nextHop('192.0.2.9')), B.prefix4('203.0.113.0/24'), B.prefix4('198.51.100.0/24'));
  it('BGP4MP_MESSAGE_AS4 (§4.4.3): withdrawals then announcements, peer AS and address as source', () => {
    const rec = B.mrt(1700000000, 16, 4, B.bgp4mpMessage(true, 4200000000, 65000, '192.0.2.9', '192.0.2.10', upd4));
    const d = decodeBytes('mrt', B.buf(rec));
    expect(d.errors).toEqual([]);
    expect(d.routes).toEqual([
      { action: 'del', family: 'ipv4/unicast', nlri: '198.51.100.0/24', source: { format: 'mrt', offset: 0, peer: { address: '192.0.2.9', as: 4200000000 }, record: 'BGP4MP/MESSAGE_AS4', timestamp: 1700000000 } },
      {
        action: 'add',
        attr: { 'as-path': [4200000000], origin: 'igp' },
        family: 'ipv4/unicast',
        'next-hop': '192.0.2.9',
        nlri: '203.0.113.0/24',
        source: { format: 'mrt', offset: 0, peer: { address: '192.0.2.9', as: 4200000000 }, record: 'BGP4MP/MESSAGE_AS4', timestamp: 1700000000 },
      },
    ]);
  });

  it('BGP4MP_MESSAGE (§4.4.2): 2-octet AS numbers in the AS_PATH', () => {
    const upd2 = B.update(B.cat(B.ORIGIN_IGP, B.asPath([65001, 65002], false), B.nextHop('192.0.2.9')), B.prefix4('203.0.113.0/24'));
    const d = decodeBytes('mrt', B.buf(B.mrt(5, 16, 1, B.bgp4mpMessage(false, 65001, 65000, '192.0.2.9', '192.0.2.10', upd2))));
    expect(d.errors).toEqual([]);
    expect(d.routes[0]).toMatchObject({ attr: { 'as-path': [65001, 65002] }, source: { peer: { as: 65001 }, record: 'BGP4MP/MESSAGE' } });
  });

  it('BGP4MP_ET (§3): the microsecond timestamp; IPv6 peer addresses', () => {
    const upd6 = B.update(B.cat(B.ORIGIN_IGP, B.asPath([65001]), B.mpReach(2, 1, B.ip6('2001:db8::9'), B.prefix6('2001:db8:5::/48'))));
    const d = decodeBytes('mrt', B.buf(B.mrt(1700000000, 17, 4, B.bgp4mpMessage(true, 65001, 65000, '2001:db8::9', '2001:db8::10', upd6), 250000)));
    expect(d.errors).toEqual([]);
    expect(d.routes[0]).toMatchObject({ family: 'ipv6/unicast', nlri: '2001:db8:5::/48', source: { peer: { address: '2001:db8::9' }, record: 'BGP4MP_ET/MESSAGE_AS4', timestamp: 1700000000.25 } });
  });

  it('BGP4MP_MESSAGE_AS4_ADDPATH (RFC 8050 §3): path identifiers on the NLRIs', () => {
    const upd = B.update(B.cat(B.ORIGIN_IGP, B.asPath([65001]), B.nextHop('192.0.2.9')), B.cat(B.u32(3), B.prefix4('203.0.113.0/24')));
    const d = decodeBytes('mrt', B.buf(B.mrt(5, 16, 9, B.bgp4mpMessage(true, 65001, 65000, '192.0.2.9', '192.0.2.10', upd))));
    expect(d.errors).toEqual([]);
    expect(d.routes.map((r) => r.nlri)).toEqual([{ 'path-id': 3, prefix: '203.0.113.0/24' }]);
  });

  it('STATE_CHANGE(_AS4) and non-UPDATE messages are counted as skipped, not routes', () => {
    const file = B.cat(
      B.mrt(5, 16, 0, B.bgp4mpState(false, 65001, 65000, '192.0.2.9', '192.0.2.10', 1, 2)),
      B.mrt(5, 16, 5, B.bgp4mpState(true, 65001, 65000, '192.0.2.9', '192.0.2.10', 5, 6)),
      B.mrt(5, 16, 4, B.bgp4mpMessage(true, 65001, 65000, '192.0.2.9', '192.0.2.10', B.KEEPALIVE)),
      B.mrt(5, 16, 4, B.bgp4mpMessage(true, 65001, 65000, '192.0.2.9', '192.0.2.10', B.open(65001, '192.0.2.9', { as4: 65001 }))),
      B.mrt(5, 11, 0, [1, 2, 3]),
    );
    const d = decodeBytes('mrt', B.buf(file));
    expect(d.routes).toEqual([]);
    expect(d.errors).toEqual([]);
    expect(Object.fromEntries(d.reader.skipped)).toEqual({ 'BGP4MP/STATE_CHANGE': 1, 'BGP4MP/STATE_CHANGE_AS4': 1, 'mrt/keepalive': 1, 'mrt/open': 1, '11/0': 1 });
  });

  it('a malformed UPDATE (RFC 7606 session reset) is reported with its source, and the next record still reads', () => {
    const bad = B.bgpMessage(2, B.cat(B.u16(0), B.u16(40), B.ORIGIN_IGP));
    const d = decodeBytes('mrt', B.buf(B.cat(B.mrt(5, 16, 4, B.bgp4mpMessage(true, 65001, 65000, '192.0.2.9', '192.0.2.10', bad)), B.mrt(6, 16, 4, B.bgp4mpMessage(true, 65001, 65000, '192.0.2.9', '192.0.2.10', upd4)))));
    expect(d.bad).toHaveLength(1);
    expect(JSON.parse(d.bad[0]!)).toMatchObject({ errors: [{ action: 'session-reset', code: 'bad-length' }], source: { offset: 0 } });
    expect(d.routes).toHaveLength(2);
  });
});

describe('MRT errors (bounded lengths, file offsets)', () => {
  it('a record Length over the bound stops the reader with the offset of the Length field', () => {
    const huge = [...B.u32(0), ...B.u16(13), ...B.u16(2), ...B.u32(0x7fffffff)];
    const d = decodeBytes('mrt', B.buf(B.cat(RIB4, huge, RIB4)));
    expect(d.errors).toEqual([{ code: 'bad-length', offset: RIB4.length + 8, message: 'MRT record Length 2147483647 exceeds the 16777216-octet bound', fatal: true }]);
    expect(d.routes).toHaveLength(2);
  });

  it('a file that ends inside a record: truncated at the record start', () => {
    const d = decodeBytes('mrt', B.buf(B.cat(RIB4, RIB4.slice(0, 20))));
    expect(d.errors).toEqual([{ code: 'truncated', offset: RIB4.length, message: 'the file ends 20 octets into an MRT record', fatal: true }]);
  });

  it('a RIB entry that overruns its record is reported at its file offset, and the next record reads', () => {
    // Attribute Length 200 with 3 octets left.
    const body = B.cat(B.u32(1), B.prefix4('198.51.100.0/24'), B.u16(1), B.u16(0), B.u32(5), B.u16(200), [1, 2, 3]);
    const d = decodeBytes('mrt', B.buf(B.cat(B.mrt(1, 13, 2, body), RIB4)));
    // The Attribute Length field sits at 12 + 4 + 4 + 2 + 2 + 4; the value starts 2 later.
    expect(d.errors).toEqual([{ code: 'truncated', offset: 30, message: 'TABLE_DUMP_V2/RIB_IPV4_UNICAST: BGP Attributes needs 200 bytes, 3 left', fatal: false }]);
    expect(d.routes).toHaveLength(2);
  });

  it('a Prefix Length over 32 is a bad value at its offset', () => {
    const d = decodeBytes('mrt', B.buf(B.mrt(1, 13, 2, B.cat(B.u32(1), B.u8(33), B.ip4('1.2.3.4'), B.u8(0), B.u16(0)))));
    expect(d.errors).toEqual([{ code: 'bad-value', offset: 16, message: 'TABLE_DUMP_V2/RIB_IPV4_UNICAST: Prefix Length 33 exceeds 32', fatal: false }]);
  });

  it('a BGP4MP Address Family other than 1 or 2 is a bad value', () => {
    const body = B.cat(B.u32(1), B.u32(2), B.u16(0), B.u16(7), Array(8).fill(0));
    const d = decodeBytes('mrt', B.buf(B.mrt(1, 16, 4, body)));
    expect(d.errors).toEqual([{ code: 'bad-value', offset: 12 + 10, message: 'BGP4MP/MESSAGE_AS4: Address Family 7 is neither IPv4 (1) nor IPv6 (2)', fatal: false }]);
  });

  it('trailing octets after the peer entries of a PEER_INDEX_TABLE', () => {
    const body = B.cat(B.ip4('1.2.3.4'), B.u16(0), B.u16(0), [9, 9]);
    const d = decodeBytes('mrt', B.buf(B.mrt(1, 13, 1, body)));
    expect(d.errors).toEqual([{ code: 'trailing-bytes', offset: 12 + 8, message: 'TABLE_DUMP_V2/PEER_INDEX_TABLE: 2 octets after the 0 peer entries', fatal: false }]);
  });

  it('RIB_GENERIC: an AFI/SAFI without a codec is skipped and counted; an NLRI the codec rejects is reported', () => {
    const unknown = B.mrt(1, 13, 6, B.ribGeneric(1, 99, 99, [1, 2, 3], []));
    const badNlri = B.mrt(1, 13, 6, B.ribGeneric(1, 1, 1, [40, 1, 2], []));
    const d = decodeBytes('mrt', B.buf(B.cat(unknown, badNlri)));
    expect(Object.fromEntries(d.reader.skipped)).toEqual({ 'TABLE_DUMP_V2/RIB_GENERIC (afi 99 safi 99)': 1 });
    expect(d.errors).toHaveLength(1);
    expect(d.errors[0]).toMatchObject({ offset: unknown.length + 12 + 7, fatal: false, message: expect.stringMatching(/^TABLE_DUMP_V2\/RIB_GENERIC: /) });
  });

  it('TABLE_DUMP (v1, §4.2): one route per record, the peer in the record, 2-octet AS_PATH', () => {
    const attrs = B.cat(B.ORIGIN_IGP, B.asPath([65001, 65002], false), B.nextHop('192.0.2.1'));
    const attrs6 = B.cat(B.ORIGIN_IGP, B.asPath([65001], false), B.mpReachShort(B.ip6('2001:db8::1')));
    const r4 = B.mrt(1000, 12, 1, B.tableDump(0, 1, '198.51.100.0/24', '192.0.2.1', 65001, 999, attrs));
    const r6 = B.mrt(1000, 12, 2, B.tableDump(0, 2, '2001:db8:1::/48', '2001:db8::1', 65001, 998, attrs6));
    const d = decodeBytes('mrt', B.buf(B.cat(r4, r6)));
    expect(d.errors).toEqual([]);
    expect(d.routes).toEqual([
      {
        action: 'add',
        attr: { 'as-path': [65001, 65002], origin: 'igp' },
        family: 'ipv4/unicast',
        'next-hop': '192.0.2.1',
        nlri: '198.51.100.0/24',
        source: { format: 'mrt', offset: 12 + 2 + 2 + 4 + 1 + 1 + 4 + 4 + 2, peer: { address: '192.0.2.1', as: 65001 }, record: 'TABLE_DUMP/AFI_IPv4', timestamp: 999 },
      },
      {
        action: 'add',
        attr: { 'as-path': [65001], origin: 'igp' },
        family: 'ipv6/unicast',
        'next-hop': '2001:db8::1',
        nlri: '2001:db8:1::/48',
        source: { format: 'mrt', offset: r4.length + 12 + 2 + 2 + 16 + 1 + 1 + 4 + 16 + 2, peer: { address: '2001:db8::1', as: 65001 }, record: 'TABLE_DUMP/AFI_IPv6', timestamp: 998 },
      },
    ]);
  });

  it('RIB_IPV4_MULTICAST without MP_REACH_NLRI: NEXT_HOP is the next hop', () => {
    const d = decodeBytes('mrt', B.buf(B.cat(PEERS, B.mrt(1, 13, 3, B.ribAfi(1, B.prefix4('232.1.0.0/16'), [{ peer: 0, originated: 5, attrs: ATTRS1 }])))));
    expect(d.errors).toEqual([]);
    expect(d.routes.map((r) => [r.family, r.nlri, r['next-hop']])).toEqual([['ipv4/multicast', '232.1.0.0/16', '192.0.2.1']]);
  });

  it('an MP_REACH_NLRI of neither form is replaced (one MP_REACH_NLRI, no next hop): the route is still there', () => {
    const attrs = B.cat(B.ORIGIN_IGP, B.asPath([65001]), B.attr(0x80, 14, [9, 9, 9]));
    const d = decodeBytes('mrt', B.buf(B.cat(PEERS, B.mrt(1, 13, 4, B.ribAfi(1, B.prefix6('2001:db8:1::/48'), [{ peer: 0, originated: 5, attrs }])))));
    expect(d.bad).toEqual([]);
    expect(d.routes.map((r) => [r.family, r.nlri])).toEqual([['ipv6/unicast', '2001:db8:1::/48']]);
  });
});
