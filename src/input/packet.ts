/**
 * From a captured frame to a TCP segment: the link layers (LINKTYPE_NULL / LOOP, Ethernet II
 * with IEEE 802.1Q / 802.1ad tags, LINKTYPE_RAW, Linux cooked SLL and SLL2, LINKTYPE_IPV4 /
 * IPV6), IPv4 (RFC 791 §3.1: IHL, Total Length, fragments are not reassembled and are skipped),
 * IPv6 (RFC 8200 §3-§4: the Hop-by-Hop, Routing and Destination Options headers are walked; a
 * Fragment header skips the packet) and the TCP header (RFC 9293 §3.1: ports, Sequence Number,
 * Data Offset, SYN / FIN / RST). Padding after the IP Total Length is dropped.
 */
import { ipToString } from '../core/ip.js';
import { be16, be32 } from './queue.js';

export interface TcpSegment {
  readonly src: string;
  readonly dst: string;
  readonly srcPort: number;
  readonly dstPort: number;
  readonly seq: number;
  readonly syn: boolean;
  readonly fin: boolean;
  readonly rst: boolean;
  /** The TCP payload (view). */
  readonly payload: Uint8Array;
}

/** Why a frame gave no segment (for the counts), or the segment. */
export type FrameResult = TcpSegment | 'not-ip' | 'not-tcp' | 'fragment' | 'short' | 'link';

const ETH_IPV4 = 0x0800;
const ETH_IPV6 = 0x86dd;

/** Offset of the IP header in `d` for `linkType`, and its EtherType-like protocol (0: look at the version nibble). */
function linkPayload(linkType: number, d: Uint8Array): [number, number] | undefined {
  switch (linkType) {
    case 0: // LINKTYPE_NULL: 4-octet address family in the capturing host's order.
    case 108: {
      // LINKTYPE_LOOP: the same, big-endian.
      if (d.length < 4) return undefined;
      return [4, 0];
    }
    case 1: {
      // Ethernet II, skipping 802.1Q (0x8100) and 802.1ad (0x88a8) tags.
      let p = 12;
      if (d.length < 14) return undefined;
      let et = be16(d, p);
      while ((et === 0x8100 || et === 0x88a8 || et === 0x9100) && p + 6 <= d.length) {
        p += 4;
        et = be16(d, p);
      }
      return [p + 2, et];
    }
    case 12:
    case 14:
    case 101:
    case 228:
    case 229:
      return [0, 0];
    case 113: // Linux cooked SLL: protocol at 14, 16-octet header.
      if (d.length < 16) return undefined;
      return [16, be16(d, 14)];
    case 276: // SLL2: protocol at 0, 20-octet header.
      if (d.length < 20) return undefined;
      return [20, be16(d, 0)];
    default:
      return undefined;
  }
}

export function tcpSegment(linkType: number, d: Uint8Array): FrameResult {
  const lp = linkPayload(linkType, d);
  if (!lp) return 'link';
  let [p, proto] = lp;
  if (p >= d.length) return 'short';
  const version = d[p]! >> 4;
  if (proto === 0) proto = version === 4 ? ETH_IPV4 : version === 6 ? ETH_IPV6 : -1;
  let src: string;
  let dst: string;
  let end: number;
  if (proto === ETH_IPV4 && version === 4) {
    if (d.length - p < 20) return 'short';
    const ihl = (d[p]! & 0x0f) * 4;
    const total = be16(d, p + 2);
    if (ihl < 20 || total < ihl || d.length - p < ihl) return 'short';
    const frag = be16(d, p + 6);
    if ((frag & 0x3fff) !== 0) return 'fragment';
    if (d[p + 9] !== 6) return 'not-tcp';
    src = ipToString(false, d, p + 12);
    dst = ipToString(false, d, p + 16);
    end = Math.min(d.length, p + total);
    p += ihl;
  } else if (proto === ETH_IPV6 && version === 6) {
    if (d.length - p < 40) return 'short';
    const plen = be16(d, p + 4);
    let next = d[p + 6]!;
    src = ipToString(true, d, p + 8);
    dst = ipToString(true, d, p + 24);
    end = Math.min(d.length, p + 40 + plen);
    p += 40;
    // RFC 8200 §4: extension headers, each (Next Header, Hdr Ext Len in 8-octet units).
    for (let n = 0; next === 0 || next === 43 || next === 60 || next === 44; n++) {
      if (next === 44) return 'fragment';
      if (end - p < 8 || n > 8) return 'short';
      const nh = d[p]!;
      p += (d[p + 1]! + 1) * 8;
      next = nh;
    }
    if (next !== 6) return 'not-tcp';
  } else {
    return 'not-ip';
  }
  if (end - p < 20) return 'short';
  const off = (d[p + 12]! >> 4) * 4;
  if (off < 20 || end - p < off) return 'short';
  const flags = d[p + 13]!;
  return {
    src,
    dst,
    srcPort: be16(d, p),
    dstPort: be16(d, p + 2),
    seq: be32(d, p + 4),
    syn: (flags & 0x02) !== 0,
    fin: (flags & 0x01) !== 0,
    rst: (flags & 0x04) !== 0,
    payload: d.subarray(p + off, end),
  };
}
