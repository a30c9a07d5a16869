/**
 * pcap / pcapng captures of BGP sessions through PcapReader, CaptureReader and RouteReader, on
 * files built byte by byte (test/input/build.ts): TCP reassembly per direction (split,
 * retransmitted, out-of-order segments), BGP framing, ADD-PATH and 4-octet AS from the OPENs.
 */
import { describe, expect, it } from 'vitest';
import { defaultRegistry } from '../../src/index.js';
import { CaptureReader } from '../../src/input/bgp-capture.js';
import { PcapReader } from '../../src/input/pcap.js';
import * as B from './build.js';
import { decodeBytes } from './run.js';

const A = '192.0.2.1';
const Z = '192.0.2.2';
const SYN = 0x02;
const SYNACK = 0x12;

// A (AS 65001, sends ADD-PATH for IPv4 unicast) opens to Z (AS 65002, receives it); both 4-octet AS.
const OPEN_A = B.open(65001, A, { as4: 65001, addPath: [[1, 1, 2]] });
const OPEN_Z = B.open(65002, Z, { as4: 65002, addPath: [[1, 1, 1]] });
const UPD_AP = B.update(B.cat(B.ORIGIN_IGP, B.asPath([4200000000]), B.nextHop(A)), B.cat(B.u32(5), B.prefix4('203.0.113.0/24'), B.u32(6), B.prefix4('198.51.100.0/24')));

interface Seg {
  from: 'a' | 'z';
  seq: number;
  flags?: number;
  payload: B.Bytes;
}

/** Segments with relative sequence numbers (ISN A 1000, Z 5000) into Ethernet frames. */
function frames(segs: Seg[], v6 = false): B.Bytes[] {
  const a = v6 ? '2001:db8::1' : A;
  const z = v6 ? '2001:db8::2' : Z;
  return segs.map((s) => {
    const t = s.from === 'a' ? { src: a, dst: z, sport: 50000, dport: 179, seq: 1000 + s.seq } : { src: z, dst: a, sport: 179, dport: 50000, seq: 5000 + s.seq };
    return B.ipTcp({ ...t, flags: s.flags ?? 0x18, payload: s.payload });
  });
}

function session(): Seg[] {
  const upd = UPD_AP;
  return [
    { from: 'a', seq: 0, flags: SYN, payload: [] },
    { from: 'z', seq: 0, flags: SYNACK, payload: [] },
    { from: 'a', seq: 1, payload: OPEN_A },
    { from: 'z', seq: 1, payload: B.cat(OPEN_Z, B.KEEPALIVE) },
    { from: 'a', seq: 1 + OPEN_A.length, payload: B.KEEPALIVE },
    // The UPDATE in two segments, the second first (out of order), then the first twice (retransmission).
    { from: 'a', seq: 1 + OPEN_A.length + 19 + 20, payload: upd.slice(20) },
    { from: 'a', seq: 1 + OPEN_A.length + 19, payload: upd.slice(0, 20) },
    { from: 'a', seq: 1 + OPEN_A.length + 19, payload: upd.slice(0, 20) },
  ];
}

const ETH_PCAP = B.pcap(1, frames(session()).map((f, i) => ({ sec: 1700000000 + i, usec: 0, data: B.ethernet(f) })));

describe('pcap of a BGP session', () => {
  it('PcapReader: the packet records of a little-endian microsecond pcap', () => {
    const pk = new PcapReader().push(B.buf(ETH_PCAP));
    expect(pk).toHaveLength(8);
    expect(pk[0]).toMatchObject({ kind: 'packet', offset: 24, timestamp: 1700000000, linkType: 1 });
  });

  it('messages per direction, OPENs learned, ADD-PATH applied to the UPDATE reassembled from out-of-order segments', () => {
    const c = new CaptureReader({ families: defaultRegistry });
    const msgs = c.push(B.buf(ETH_PCAP));
    expect(msgs.map((m) => (m.kind === 'bgp' ? `${m.src}>${m.dst} ${m.type}` : m.kind))).toEqual([`${A}>${Z} 1`, `${Z}>${A} 1`, `${Z}>${A} 4`, `${A}>${Z} 4`, `${A}>${Z} 2`]);
    const u = msgs[4]!;
    expect(u.kind === 'bgp' && u.session).toEqual({ as4: true, addPath: ['ipv4/unicast'] });
    // Z never sends ADD-PATH (it only receives it).
    const z = msgs[2]!;
    expect(z.kind === 'bgp' && z.session).toEqual({ as4: true, addPath: [] });
    expect(c.stats.retransmitted).toBe(1);
  });

  it('routes with the TCP endpoints as source; the packet that carried the first octet gives offset and time', () => {
    const d = decodeBytes('pcap', B.buf(ETH_PCAP));
    expect(d.errors).toEqual([]);
    // The first UPDATE octet came in packet 7 (index 6): 24 + 6 records before it.
    const lens = frames(session()).map((f) => 16 + 14 + f.length);
    const off = 24 + lens.slice(0, 6).reduce((a, b) => a + b, 0);
    const source = { format: 'pcap', offset: off, peer: { address: A, port: 50000 }, record: 'update', timestamp: 1700000006, to: { address: Z, port: 179 } };
    expect(d.routes).toEqual([
      { action: 'add', attr: { 'as-path': [4200000000], origin: 'igp' }, family: 'ipv4/unicast', 'next-hop': A, nlri: { 'path-id': 5, prefix: '203.0.113.0/24' }, source },
      { action: 'add', attr: { 'as-path': [4200000000], origin: 'igp' }, family: 'ipv4/unicast', 'next-hop': A, nlri: { 'path-id': 6, prefix: '198.51.100.0/24' }, source },
    ]);
    expect(Object.fromEntries(d.reader.skipped)).toEqual({ 'bgp/open': 2, 'bgp/keepalive': 2 });
  });

  it('the same routes whatever the chunk size', () => {
    const whole = decodeBytes('pcap', B.buf(ETH_PCAP)).lines;
    for (const c of [1, 13, 100]) expect(decodeBytes('pcap', B.buf(ETH_PCAP), c).lines).toEqual(whole);
  });

  it('2-octet AS when an OPEN lacks capability 65 (RFC 6793 §4)', () => {
    const openA = B.open(65001, A, {});
    const upd = B.update(B.cat(B.ORIGIN_IGP, B.asPath([65001, 65003], false), B.nextHop(A)), B.prefix4('203.0.113.0/24'));
    const segs: Seg[] = [
      { from: 'a', seq: 0, flags: SYN, payload: [] },
      { from: 'z', seq: 0, flags: SYNACK, payload: [] },
      { from: 'a', seq: 1, payload: openA },
      { from: 'z', seq: 1, payload: OPEN_Z },
      { from: 'a', seq: 1 + openA.length, payload: upd },
    ];
    const d = decodeBytes('pcap', B.buf(B.pcap(1, frames(segs).map((f) => ({ sec: 1, usec: 0, data: B.ethernet(f) })))));
    expect(d.errors).toEqual([]);
    expect(d.routes[0]).toMatchObject({ attr: { 'as-path': [65001, 65003] }, nlri: '203.0.113.0/24' });
  });

  it('a capture that starts mid-session: read from the first marker, defaults for the session', () => {
    const upd = B.update(B.cat(B.ORIGIN_IGP, B.asPath([65001]), B.nextHop(A)), B.prefix4('203.0.113.0/24'));
    const segs: Seg[] = [{ from: 'a', seq: 100, payload: B.cat([1, 2, 3, 0xff, 0xff], upd) }];
    const d = decodeBytes('pcap', B.buf(B.pcap(1, frames(segs).map((f) => ({ sec: 1, usec: 0, data: B.ethernet(f) })))));
    expect(d.errors).toEqual([]);
    expect(d.routes.map((r) => r.nlri)).toEqual(['203.0.113.0/24']);
  });

  it('a BGP header with a bad Length is reported and the stream resynchronises on the next marker', () => {
    const upd = B.update(B.cat(B.ORIGIN_IGP, B.asPath([65001]), B.nextHop(A)), B.prefix4('203.0.113.0/24'));
    const bad = B.cat(B.MARKER, B.u16(3), B.u8(2));
    const segs: Seg[] = [
      { from: 'a', seq: 0, flags: SYN, payload: [] },
      { from: 'a', seq: 1, payload: B.cat(bad, upd) },
    ];
    const d = decodeBytes('pcap', B.buf(B.pcap(1, frames(segs).map((f) => ({ sec: 1, usec: 0, data: B.ethernet(f) })))));
    const second = 24 + 16 + 14 + frames(segs)[0]!.length;
    expect(d.errors).toEqual([{ code: 'bad-value', offset: second, message: `${A}:50000 > ${Z}:179: BGP Length 3 under 19 at TCP stream octet 0; looking for the next marker`, fatal: false }]);
    expect(d.routes.map((r) => r.nlri)).toEqual(['203.0.113.0/24']);
  });

  it('a segment that never arrives: the gap is reported once the pending bound is passed', () => {
    const upd = B.update(B.cat(B.ORIGIN_IGP, B.asPath([65001]), B.nextHop(A)), B.prefix4('203.0.113.0/24'));
    const segs: Seg[] = [
      { from: 'a', seq: 0, flags: SYN, payload: [] },
      { from: 'a', seq: 1, payload: upd.slice(0, 10) },
      // upd[10..] never arrives; the next UPDATE comes 1000 octets later.
      { from: 'a', seq: 1 + 1000, payload: upd },
    ];
    const file = B.buf(B.pcap(1, frames(segs).map((f) => ({ sec: 1, usec: 0, data: B.ethernet(f) }))));
    const c = new CaptureReader({ families: defaultRegistry, maxPending: 16 });
    const out = [...c.push(file), ...c.end()];
    expect(out[0]).toMatchObject({ kind: 'error', error: { code: 'truncated', message: `${A}:50000 > ${Z}:179: 990 octets of the TCP stream never arrived` }, fatal: false });
    expect(out.filter((m) => m.kind === 'bgp').map((m) => m.kind === 'bgp' && m.type)).toEqual([2]);
  });
});

describe('pcapng, Linux SLL, IPv6', () => {
  it('pcapng (SHB, IDB with if_tsresol 10^-9, EPB) of an IPv6 session over Linux cooked capture', () => {
    const upd6 = B.update(B.cat(B.ORIGIN_IGP, B.asPath([65001]), B.mpReach(2, 1, B.ip6('2001:db8::1'), B.prefix6('2001:db8:7::/48'))));
    const segs: Seg[] = [
      { from: 'a', seq: 0, flags: SYN, payload: [] },
      { from: 'a', seq: 1, payload: OPEN_A },
      { from: 'a', seq: 1 + OPEN_A.length, payload: upd6 },
    ];
    const file = B.pcapng(113, frames(segs, true).map((f, i) => ({ ts: 1700000000_123456789n + BigInt(i), data: B.sll(f, true) })), 9);
    const d = decodeBytes('pcap', B.buf(file));
    expect(d.errors).toEqual([]);
    expect(d.routes).toHaveLength(1);
    expect(d.routes[0]).toMatchObject({ family: 'ipv6/unicast', nlri: '2001:db8:7::/48', 'next-hop': '2001:db8::1', source: { peer: { address: '2001:db8::1', port: 50000 }, to: { address: '2001:db8::2', port: 179 }, timestamp: 1700000000.123457 } });
  });

  it('pcapng default resolution (microseconds) and raw IP link type 101', () => {
    const upd = B.update(B.cat(B.ORIGIN_IGP, B.asPath([65001]), B.nextHop(A)), B.prefix4('203.0.113.0/24'));
    const file = B.pcapng(101, frames([{ from: 'a', seq: 1, payload: upd }]).map((f) => ({ ts: 1700000000_250000n, data: f })));
    const d = decodeBytes('pcap', B.buf(file), 7);
    expect(d.errors).toEqual([]);
    expect(d.routes[0]).toMatchObject({ nlri: '203.0.113.0/24', source: { timestamp: 1700000000.25 } });
  });

  it('pcapng errors: a block length not a multiple of 4 stops the reader; a wrong trailing length too', () => {
    const good = B.pcapng(1, []);
    const bad = B.cat(good, B.u32(6), B.u32(13), [0, 0, 0, 0, 0], B.u32(13));
    expect(decodeBytes('pcap', B.buf(bad)).errors).toEqual([{ code: 'bad-length', offset: good.length + 4, message: 'pcapng Block Total Length 13 is not a multiple of 4 in 12..16777216', fatal: true }]);
    const bad2 = B.cat(good, B.u32(5), B.u32(16), B.u32(0), B.u32(20));
    expect(decodeBytes('pcap', B.buf(bad2)).errors).toEqual([{ code: 'bad-length', offset: good.length + 12, message: "pcapng block's trailing Block Total Length 20 differs from 16", fatal: true }]);
  });

  it('pcap errors: bad magic, a record length over the bound, a file cut inside a record', () => {
    expect(decodeBytes('pcap', B.buf([1, 2, 3, 4, 5])).errors).toEqual([{ code: 'bad-value', offset: 0, message: 'neither a pcap magic number nor a pcapng Section Header Block', fatal: true }]);
    const head = B.pcap(1, []);
    const big = B.cat(head, B.u32le(0), B.u32le(0), B.u32le(0x01000000), B.u32le(0));
    expect(decodeBytes('pcap', B.buf(big)).errors).toEqual([{ code: 'bad-length', offset: 24 + 8, message: 'pcap record captured length 16777216 exceeds the 262144-octet bound', fatal: true }]);
    const cut = ETH_PCAP.slice(0, 24 + 20);
    expect(decodeBytes('pcap', B.buf(cut)).errors).toEqual([{ code: 'truncated', offset: 24, message: 'the file ends 20 octets into a pcap record', fatal: true }]);
  });

  it('non-BGP traffic (other ports, UDP, ARP) is skipped', () => {
    const other = B.ipTcp({ src: A, dst: Z, sport: 80, dport: 8080, seq: 1, payload: [1, 2, 3] });
    const udp = B.cat(B.u8(0x45), B.u8(0), B.u16(28), B.u16(1), B.u16(0), B.u8(64), B.u8(17), B.u16(0), B.ip4(A), B.ip4(Z), Array(8).fill(0));
    const arp = B.cat(B.hex('ffffffffffff020000000001'), B.u16(0x0806), Array(28).fill(0));
    const c = new CaptureReader({ families: defaultRegistry });
    expect(c.push(B.buf(B.pcap(1, [B.ethernet(other), B.ethernet(udp), arp].map((data) => ({ sec: 1, usec: 0, data })))))).toEqual([]);
    expect(c.stats).toMatchObject({ packets: 3, segments: 0, skipped: 3 });
  });

  it('pcapng packet blocks: an unknown interface, a captured length over the block, a Simple Packet Block', () => {
    const upd = B.update(B.cat(B.ORIGIN_IGP, B.asPath([65001]), B.nextHop(A)), B.prefix4('203.0.113.0/24'));
    const base = B.pcapng(101, []);
    const block = (type: number, body: B.Bytes): B.Bytes => {
      const padded = B.cat(body, Array((4 - (body.length % 4)) % 4).fill(0));
      return B.cat(B.u32(type), B.u32(12 + padded.length), padded, B.u32(12 + padded.length));
    };
    const frame = frames([{ from: 'a', seq: 1, payload: upd }])[0]!;
    const noIface = block(6, B.cat(B.u32(3), B.u32(0), B.u32(0), B.u32(4), B.u32(4), [1, 2, 3, 4]));
    const tooLong = block(6, B.cat(B.u32(0), B.u32(0), B.u32(0), B.u32(99), B.u32(99), [1, 2, 3, 4]));
    const spb = block(3, B.cat(B.u32(frame.length), frame));
    const d = decodeBytes('pcap', B.buf(B.cat(base, noIface, tooLong, spb)));
    expect(d.errors).toEqual([
      { code: 'bad-value', offset: base.length + 8, message: 'pcapng packet names Interface ID 3, not described', fatal: false },
      { code: 'bad-length', offset: base.length + noIface.length + 20, message: 'pcapng Captured Packet Length 99 exceeds the 4 octets of the block', fatal: false },
    ]);
    expect(d.routes.map((r) => [r.nlri, (r.source as { timestamp: number }).timestamp])).toEqual([['203.0.113.0/24', 0]]);
  });

  it('an OPEN whose optional parameters overrun it is reported; its direction keeps the defaults', () => {
    const bad = B.bgpMessage(1, B.cat(B.u8(4), B.u16(65001), B.u16(90), B.ip4(A), B.u8(20), [2, 6]));
    const c = new CaptureReader({ families: defaultRegistry });
    const out = c.push(B.buf(B.pcap(1, frames([{ from: 'a', seq: 0, flags: SYN, payload: [] }, { from: 'a', seq: 1, payload: bad }]).map((f) => ({ sec: 1, usec: 0, data: B.ethernet(f) })))));
    expect(out[0]).toMatchObject({ kind: 'error', fatal: false, error: { code: 'truncated', message: `${A}:50000 > ${Z}:179: OPEN: Optional Parameters 20 exceeds the 2 bytes left` } });
    expect(out[1]).toMatchObject({ kind: 'bgp', type: 1, session: { as4: true, addPath: [] } });
  });

  it('802.1Q-tagged Ethernet and LINKTYPE_NULL frames', () => {
    const upd = B.update(B.cat(B.ORIGIN_IGP, B.asPath([65001]), B.nextHop(A)), B.prefix4('203.0.113.0/24'));
    const f = frames([{ from: 'a', seq: 1, payload: upd }])[0]!;
    const tagged = B.cat(B.hex('020000000001020000000002'), B.u16(0x8100), B.u16(100), B.u16(0x0800), f);
    expect(decodeBytes('pcap', B.buf(B.pcap(1, [{ sec: 1, usec: 0, data: tagged }]))).routes).toHaveLength(1);
    expect(decodeBytes('pcap', B.buf(B.pcap(0, [{ sec: 1, usec: 0, data: B.cat(B.u32le(2), f) }]))).routes).toHaveLength(1);
  });

  it('two sessions interleaved packet by packet keep their own streams; an IPv6 Hop-by-Hop header is walked', () => {
    const upd = (p: string): B.Bytes => B.update(B.cat(B.ORIGIN_IGP, B.asPath([65001]), B.nextHop(A)), B.prefix4(p));
    const u1 = upd('203.0.113.0/24');
    const u2 = upd('198.51.100.0/24');
    const s1 = (seq: number, payload: B.Bytes): B.Bytes => B.ipTcp({ src: A, dst: Z, sport: 50001, dport: 179, seq, payload });
    const s2 = (seq: number, payload: B.Bytes): B.Bytes => B.ipTcp({ src: A, dst: Z, sport: 50002, dport: 179, seq, payload });
    const pk = [s1(1, u1.slice(0, 25)), s2(7, u2.slice(0, 10)), s1(26, u1.slice(25)), s2(17, u2.slice(10))];
    const d = decodeBytes('pcap', B.buf(B.pcap(101, pk.map((data) => ({ sec: 1, usec: 0, data })))));
    expect(d.errors).toEqual([]);
    expect(d.routes.map((r) => [r.nlri, (r.source as { peer: { port: number } }).peer.port])).toEqual([
      ['203.0.113.0/24', 50001],
      ['198.51.100.0/24', 50002],
    ]);
    // IPv6 with a Hop-by-Hop Options header (Next Header 0, 8 octets) before TCP.
    const v6 = B.ipTcp({ src: '2001:db8::1', dst: '2001:db8::2', sport: 50000, dport: 179, seq: 1, payload: u1 });
    const withHbh = B.cat(v6.slice(0, 4), B.u16(v6.length - 40 + 8), B.u8(0), v6.slice(7, 40), [6, 0, 1, 4, 0, 0, 0, 0], v6.slice(40));
    expect(decodeBytes('pcap', B.buf(B.pcap(101, [{ sec: 1, usec: 0, data: withHbh }]))).routes.map((r) => r.nlri)).toEqual(['203.0.113.0/24']);
  });
});
