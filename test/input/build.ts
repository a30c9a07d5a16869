/**
 * Byte-by-byte builders for the test inputs, written from the RFC figures and independent of
 * src/input: BGP messages (RFC 4271 §4.1-§4.3), MRT records (RFC 6396 §2, §4.3, §4.4; RFC 8050),
 * BMP messages (RFC 7854 §4.1, §4.2, §4.6, §4.10; RFC 9069), pcap (File Header, Packet Record),
 * pcapng (SHB, IDB, EPB) with Ethernet / IPv4 / IPv6 / TCP headers (RFC 791, RFC 8200, RFC 9293).
 */
export type Bytes = number[];

export const u8 = (v: number): Bytes => [v & 0xff];
export const u16 = (v: number): Bytes => [(v >> 8) & 0xff, v & 0xff];
export const u32 = (v: number): Bytes => [(v >>> 24) & 0xff, (v >>> 16) & 0xff, (v >>> 8) & 0xff, v & 0xff];
export const u16le = (v: number): Bytes => [v & 0xff, (v >> 8) & 0xff];
export const u32le = (v: number): Bytes => [v & 0xff, (v >>> 8) & 0xff, (v >>> 16) & 0xff, (v >>> 24) & 0xff];
export const hex = (s: string): Bytes => (s.replace(/\s/g, '').match(/../g) ?? []).map((x) => parseInt(x, 16));
export const ip4 = (s: string): Bytes => s.split('.').map(Number);
export function ip6(s: string): Bytes {
  const [a, b] = s.split('::');
  const pa = a ? a.split(':') : [];
  const pb = b !== undefined && b !== '' ? b.split(':') : [];
  const groups = [...pa, ...Array(8 - pa.length - pb.length).fill('0'), ...pb];
  return groups.flatMap((g) => u16(parseInt(g, 16)));
}
export const cat = (...parts: Bytes[]): Bytes => parts.flat();
export const buf = (b: Bytes): Uint8Array => Uint8Array.from(b);

// ---- BGP (RFC 4271) ----
export const MARKER: Bytes = Array(16).fill(0xff);
export function bgpMessage(type: number, body: Bytes): Bytes {
  return cat(MARKER, u16(19 + body.length), u8(type), body);
}
export function attr(flags: number, code: number, value: Bytes): Bytes {
  return flags & 0x10 ? cat(u8(flags), u8(code), u16(value.length), value) : cat(u8(flags), u8(code), u8(value.length), value);
}
export const ORIGIN_IGP = attr(0x40, 1, [0]);
/** AS_PATH of one AS_SEQUENCE (RFC 4271 §4.3 / RFC 6793). */
export const asPath = (asns: number[], four = true): Bytes => attr(0x40, 2, cat(u8(2), u8(asns.length), ...asns.map((a) => (four ? u32(a) : u16(a)))));
export const nextHop = (a: string): Bytes => attr(0x40, 3, ip4(a));
export const med = (v: number): Bytes => attr(0x80, 4, u32(v));
/** IPv4 prefix in NLRI form (length in bits + octets). */
export function prefix4(p: string): Bytes {
  const [a, l] = p.split('/');
  const bits = Number(l);
  return cat(u8(bits), ip4(a!).slice(0, (bits + 7) >> 3));
}
export function prefix6(p: string): Bytes {
  const [a, l] = p.split('/');
  const bits = Number(l);
  return cat(u8(bits), ip6(a!).slice(0, (bits + 7) >> 3));
}
export function update(attrs: Bytes, nlri: Bytes = [], withdrawn: Bytes = []): Bytes {
  return bgpMessage(2, cat(u16(withdrawn.length), withdrawn, u16(attrs.length), attrs, nlri));
}
/** RFC 4760 §3 MP_REACH_NLRI in full. */
export const mpReach = (afi: number, safi: number, nh: Bytes, nlri: Bytes): Bytes => attr(0x80, 14, cat(u16(afi), u8(safi), u8(nh.length), nh, u8(0), nlri));
/** RFC 6396 §4.3.4: the short MP_REACH_NLRI of a RIB entry: Next Hop Length, Next Hop. */
export const mpReachShort = (nh: Bytes): Bytes => attr(0x80, 14, cat(u8(nh.length), nh));
/** RFC 4271 §4.2 OPEN with capabilities (RFC 5492): 4-octet AS (65), ADD-PATH (69) tuples. */
export function open(as: number, bgpId: string, caps: { as4?: number; addPath?: [number, number, number][] }): Bytes {
  const c: Bytes[] = [];
  if (caps.as4 !== undefined) c.push(cat(u8(65), u8(4), u32(caps.as4)));
  if (caps.addPath) c.push(cat(u8(69), u8(caps.addPath.length * 4), ...caps.addPath.map(([afi, safi, sr]) => cat(u16(afi), u8(safi), u8(sr)))));
  const capBytes = cat(...c);
  const params = capBytes.length ? cat(u8(2), u8(capBytes.length), capBytes) : [];
  return bgpMessage(1, cat(u8(4), u16(as > 65535 ? 23456 : as), u16(90), ip4(bgpId), u8(params.length), params));
}
export const KEEPALIVE = bgpMessage(4, []);

// ---- MRT (RFC 6396) ----
export function mrt(ts: number, type: number, subtype: number, body: Bytes, usec?: number): Bytes {
  const b = usec === undefined ? body : cat(u32(usec), body);
  return cat(u32(ts), u16(type), u16(subtype), u32(b.length), b);
}
export interface PeerEntry {
  bgpId: string;
  ip: string;
  as: number;
  as4?: boolean;
}
/** §4.3.1 PEER_INDEX_TABLE. */
export function peerIndexTable(collector: string, view: string, peers: PeerEntry[]): Bytes {
  const name = [...Buffer.from(view, 'utf8')];
  return cat(
    ip4(collector),
    u16(name.length),
    name,
    u16(peers.length),
    ...peers.map((p) => {
      const v6 = p.ip.includes(':');
      const t = (v6 ? 1 : 0) | (p.as4 !== false ? 2 : 0);
      return cat(u8(t), ip4(p.bgpId), v6 ? ip6(p.ip) : ip4(p.ip), p.as4 !== false ? u32(p.as) : u16(p.as));
    }),
  );
}
export interface RibEntry {
  peer: number;
  originated: number;
  pathId?: number;
  attrs: Bytes;
}
/** §4.3.4 RIB entries after the Entry Count (RFC 8050 §4: Path Identifier after Originated Time). */
export const ribEntries = (entries: RibEntry[]): Bytes =>
  cat(u16(entries.length), ...entries.map((e) => cat(u16(e.peer), u32(e.originated), e.pathId !== undefined ? u32(e.pathId) : [], u16(e.attrs.length), e.attrs)));
/** §4.3.2 RIB_AFI_SAFI body. */
export const ribAfi = (seq: number, nlri: Bytes, entries: RibEntry[]): Bytes => cat(u32(seq), nlri, ribEntries(entries));
/** §4.3.3 RIB_GENERIC body. */
export const ribGeneric = (seq: number, afi: number, safi: number, nlri: Bytes, entries: RibEntry[]): Bytes => cat(u32(seq), u16(afi), u8(safi), nlri, ribEntries(entries));
/** §4.4.2 / §4.4.3 BGP4MP_MESSAGE(_AS4) body. */
export function bgp4mpMessage(as4: boolean, peerAs: number, localAs: number, peerIp: string, localIp: string, msg: Bytes): Bytes {
  const v6 = peerIp.includes(':');
  const a = as4 ? u32 : u16;
  return cat(a(peerAs), a(localAs), u16(0), u16(v6 ? 2 : 1), v6 ? ip6(peerIp) : ip4(peerIp), v6 ? ip6(localIp) : ip4(localIp), msg);
}
export function bgp4mpState(as4: boolean, peerAs: number, localAs: number, peerIp: string, localIp: string, from: number, to: number): Bytes {
  return bgp4mpMessage(as4, peerAs, localAs, peerIp, localIp, cat(u16(from), u16(to)));
}

// ---- BMP (RFC 7854) ----
export function bmp(type: number, body: Bytes): Bytes {
  return cat(u8(3), u32(6 + body.length), u8(type), body);
}
export interface PerPeer {
  type?: number;
  flags?: number;
  rd?: Bytes;
  ip: string;
  as: number;
  bgpId: string;
  sec: number;
  usec?: number;
}
/** §4.2 Per-Peer Header: IPv4 addresses in the last 4 of the 16 octets. */
export function perPeer(p: PerPeer): Bytes {
  const v6 = p.ip.includes(':');
  const addr = p.ip === '' ? Array(16).fill(0) : v6 ? ip6(p.ip) : cat(Array(12).fill(0), ip4(p.ip));
  return cat(u8(p.type ?? 0), u8(p.flags ?? 0), p.rd ?? Array(8).fill(0), addr, u32(p.as), ip4(p.bgpId), u32(p.sec), u32(p.usec ?? 0));
}
/** §4.10 Peer Up body after the per-peer header. */
export const peerUp = (local: string, lport: number, rport: number, sent: Bytes, received: Bytes): Bytes =>
  cat(cat(Array(12).fill(0), ip4(local)), u16(lport), u16(rport), sent, received);

// ---- captures ----
export interface Tcp {
  src: string;
  dst: string;
  sport: number;
  dport: number;
  seq: number;
  flags?: number;
  payload: Bytes;
}
/** RFC 9293 §3.1 TCP header (20 octets, checksum 0) + RFC 791 IPv4 / RFC 8200 IPv6 header. */
export function ipTcp(t: Tcp): Bytes {
  const tcp = cat(u16(t.sport), u16(t.dport), u32(t.seq), u32(0), u8(5 << 4), u8(t.flags ?? 0x18), u16(65535), u16(0), u16(0), t.payload);
  if (t.src.includes(':')) return cat(u32(0x60000000), u16(tcp.length), u8(6), u8(64), ip6(t.src), ip6(t.dst), tcp);
  return cat(u8(0x45), u8(0), u16(20 + tcp.length), u16(1), u16(0x4000), u8(64), u8(6), u16(0), ip4(t.src), ip4(t.dst), tcp);
}
export const ethernet = (ipPacket: Bytes, v6 = false): Bytes => cat(hex('020000000001'), hex('020000000002'), u16(v6 ? 0x86dd : 0x0800), ipPacket);
/** Linux cooked capture (SLL) header: packet type, ARPHRD, address length, address, protocol. */
export const sll = (ipPacket: Bytes, v6 = false): Bytes => cat(u16(0), u16(1), u16(6), hex('0200000000010000'), u16(v6 ? 0x86dd : 0x0800), ipPacket);
/** pcap File Header (little-endian, microseconds) + Packet Records. */
export function pcap(linkType: number, packets: { sec: number; usec: number; data: Bytes }[]): Bytes {
  return cat(
    u32le(0xa1b2c3d4),
    u16le(2),
    u16le(4),
    u32le(0),
    u32le(0),
    u32le(262144),
    u32le(linkType),
    ...packets.map((p) => cat(u32le(p.sec), u32le(p.usec), u32le(p.data.length), u32le(p.data.length), p.data)),
  );
}
/** pcapng (big-endian section): SHB, one IDB (if_tsresol option when given), EPBs. */
export function pcapng(linkType: number, packets: { ts: bigint; data: Bytes }[], tsresol?: number): Bytes {
  const block = (type: number, body: Bytes): Bytes => {
    const padded = cat(body, Array((4 - (body.length % 4)) % 4).fill(0));
    const len = 12 + padded.length;
    return cat(u32(type), u32(len), padded, u32(len));
  };
  const shb = block(0x0a0d0d0a, cat(u32(0x1a2b3c4d), u16(1), u16(0), u32(0xffffffff), u32(0xffffffff)));
  const opts = tsresol === undefined ? [] : cat(u16(9), u16(1), u8(tsresol), [0, 0, 0], u16(0), u16(0));
  const idb = block(1, cat(u16(linkType), u16(0), u32(262144), opts));
  const epbs = packets.map((p) => block(6, cat(u32(0), u32(Number(p.ts >> 32n)), u32(Number(p.ts & 0xffffffffn)), u32(p.data.length), u32(p.data.length), p.data)));
  return cat(shb, idb, ...epbs);
}

/** RFC 6396 §4.2 TABLE_DUMP body (subtype 1 AFI_IPv4 / 2 AFI_IPv6): one route, 2-octet Peer AS. */
export function tableDump(view: number, seq: number, prefix: string, peerIp: string, peerAs: number, originated: number, attrs: Bytes): Bytes {
  const [a, l] = prefix.split('/');
  const v6 = a!.includes(':');
  return cat(u16(view), u16(seq), v6 ? ip6(a!) : ip4(a!), u8(Number(l)), u8(1), u32(originated), v6 ? ip6(peerIp) : ip4(peerIp), u16(peerAs), u16(attrs.length), attrs);
}
