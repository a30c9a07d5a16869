/**
 * A classic libpcap file (LINKTYPE_ETHERNET) with one Ethernet/IPv4/TCP frame per payload, each in
 * its own TCP stream to port 179 so a dissector sees one BGP message per frame. IPv4 and TCP
 * checksums are correct (RFC 791 §3.1, RFC 793 §3.1), so nothing is flagged for them.
 */
import { concat } from './bgp.js';

function checksum(b: Uint8Array): number {
  let s = 0;
  for (let i = 0; i < b.length; i += 2) s += (b[i]! << 8) | (b[i + 1] ?? 0);
  while (s > 0xffff) s = (s & 0xffff) + (s >>> 16);
  return ~s & 0xffff;
}

const SRC = Uint8Array.of(127, 0, 0, 2);
const DST = Uint8Array.of(127, 0, 0, 1);

export function tcpFrame(payload: Uint8Array, sport: number, dport = 179): Uint8Array {
  const tcp = new Uint8Array(20);
  const tv = new DataView(tcp.buffer);
  tv.setUint16(0, sport);
  tv.setUint16(2, dport);
  tv.setUint32(4, 1);
  tv.setUint32(8, 1);
  tcp[12] = 5 << 4;
  tcp[13] = 0x18; // PSH, ACK
  tv.setUint16(14, 65535);
  const pseudo = concat([SRC, DST, Uint8Array.of(0, 6, (20 + payload.length) >> 8, (20 + payload.length) & 0xff)]);
  tv.setUint16(16, checksum(concat([pseudo, tcp, payload])));
  const ip = new Uint8Array(20);
  const iv = new DataView(ip.buffer);
  ip[0] = 0x45;
  iv.setUint16(2, 40 + payload.length);
  iv.setUint16(4, 1);
  iv.setUint16(6, 0x4000);
  ip[8] = 64;
  ip[9] = 6;
  ip.set(SRC, 12);
  ip.set(DST, 16);
  iv.setUint16(10, checksum(ip));
  const eth = Uint8Array.of(2, 0, 0, 0, 0, 1, 2, 0, 0, 0, 0, 2, 0x08, 0x00);
  return concat([eth, ip, tcp, payload]);
}

/** The pcap bytes: frame i is payload i, from source port 20000 + i. */
export function pcap(payloads: readonly Uint8Array[]): Uint8Array {
  const parts: Uint8Array[] = [];
  const head = new DataView(new ArrayBuffer(24));
  head.setUint32(0, 0xa1b2c3d4, true);
  head.setUint16(4, 2, true);
  head.setUint16(6, 4, true);
  head.setUint32(16, 262144, true);
  head.setUint32(20, 1, true);
  parts.push(new Uint8Array(head.buffer));
  payloads.forEach((p, i) => {
    const frame = tcpFrame(p, 20000 + (i % 40000));
    const rec = new DataView(new ArrayBuffer(16));
    rec.setUint32(0, 1700000000 + i, true);
    rec.setUint32(8, frame.length, true);
    rec.setUint32(12, frame.length, true);
    parts.push(new Uint8Array(rec.buffer), frame);
  });
  return concat(parts);
}
