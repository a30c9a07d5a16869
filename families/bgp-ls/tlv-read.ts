/**
 * Reading BGP-LS TLVs out of NLRI bytes (RFC 9552 §5.1 TLV format; §5.2.1 Node Descriptor
 * sub-TLVs 512-515, RFC 9086 §4 516/517; §5.2.2, §5.2.3 Link and Prefix Descriptors 258-265;
 * RFC 9514 §6.1 TLV 518; RFC 9857 §4.1 TLV 554; RFC 9815 §5.2.2.1 TLV 1185). Shared by the
 * decoded view (view.ts: its `tlvs`, computed when first read), the decoder's `strict` checks
 * and the JSON writer. Every walk stops at its container's end (wire.ts module comment).
 */
import { TLV, type LsTlv, type NodeDescriptor, type NodeDescriptors } from './model.js';

export function u16(b: Uint8Array, o: number): number {
  return (b[o]! << 8) | b[o + 1]!;
}

export function u32(b: Uint8Array, o: number): number {
  return ((b[o]! << 24) >>> 0) + ((b[o + 1]! << 16) | (b[o + 2]! << 8) | b[o + 3]!);
}

/** How many whole TLVs `b[start..end)` holds before the end or the first one that runs past it. */
export function countTlvs(b: Uint8Array, start: number, end: number): number {
  let n = 0;
  let p = start;
  while (end - p >= 4) {
    const len = u16(b, p + 2);
    if (len > end - p - 4) break;
    p += 4 + len;
    n++;
  }
  return n;
}

/** Walk the sub-TLVs of a TLV 256/257 value `b[start..end)`. */
export function readDescriptors(kind: 'local-node' | 'remote-node', b: Uint8Array, start: number, end: number): NodeDescriptors {
  // Counted first, then made at its size: an empty array's first push reserves 16 slots.
  const descriptors = new Array<NodeDescriptor>(countTlvs(b, start, end));
  let p = start;
  for (let i = 0; i < descriptors.length; i++) {
    const type = u16(b, p);
    const len = u16(b, p + 2);
    const v = p + 4;
    descriptors[i] = readDescriptor(type, len, b, v);
    p = v + len;
  }
  return p < end ? { kind, descriptors, trailing: b.subarray(p, end) } : { kind, descriptors };
}

function readDescriptor(type: number, len: number, b: Uint8Array, v: number): NodeDescriptor {
  switch (type) {
    case TLV.AS:
      if (len === 4) return { kind: 'as', asn: u32(b, v) };
      break;
    case TLV.BGP_LS_ID:
      if (len === 4) return { kind: 'bgp-ls-id', id: u32(b, v) };
      break;
    case TLV.OSPF_AREA_ID:
      if (len === 4) return { kind: 'ospf-area-id', area: u32(b, v) };
      break;
    case TLV.IGP_ROUTER_ID:
      if (len === 4 || len === 6 || len === 7 || len === 8) return { kind: 'igp-router-id', id: b.subarray(v, v + len) };
      break;
    case TLV.BGP_ROUTER_ID:
      if (len === 4) return { kind: 'bgp-router-id', id: b.subarray(v, v + 4) };
      break;
    case TLV.MEMBER_ASN:
      if (len === 4) return { kind: 'member-asn', asn: u32(b, v) };
      break;
    case TLV.SRV6_SID:
      if (len === 16) return { kind: 'srv6-sid', sid: b.subarray(v, v + 16) };
      break;
  }
  return { kind: 'tlv', type, value: b.subarray(v, v + len) };
}

export function readTlv(type: number, len: number, b: Uint8Array, v: number): LsTlv {
  switch (type) {
    case TLV.LOCAL_NODE:
      return readDescriptors('local-node', b, v, v + len);
    case TLV.REMOTE_NODE:
      return readDescriptors('remote-node', b, v, v + len);
    case TLV.LINK_ID:
      if (len === 8) return { kind: 'link-id', local: u32(b, v), remote: u32(b, v + 4) };
      break;
    case TLV.IPV4_INTERFACE:
      if (len === 4) return { kind: 'ipv4-interface', addr: b.subarray(v, v + 4) };
      break;
    case TLV.IPV4_NEIGHBOR:
      if (len === 4) return { kind: 'ipv4-neighbor', addr: b.subarray(v, v + 4) };
      break;
    case TLV.IPV6_INTERFACE:
      if (len === 16) return { kind: 'ipv6-interface', addr: b.subarray(v, v + 16) };
      break;
    case TLV.IPV6_NEIGHBOR:
      if (len === 16) return { kind: 'ipv6-neighbor', addr: b.subarray(v, v + 16) };
      break;
    case TLV.MT_ID:
      if ((len & 1) === 0) {
        const ids: number[] = [];
        for (let i = 0; i < len; i += 2) ids.push(u16(b, v + i));
        return { kind: 'mt-id', ids };
      }
      break;
    case TLV.OSPF_ROUTE_TYPE:
      if (len === 1) return { kind: 'ospf-route-type', routeType: b[v]! };
      break;
    case TLV.IP_REACHABILITY:
      if (len >= 1 && len === 1 + ((b[v]! + 7) >>> 3)) return { kind: 'ip-reachability', length: b[v]!, addr: b.subarray(v + 1, v + len) };
      break;
    case TLV.SRV6_SID:
      if (len === 16) return { kind: 'srv6-sid', sid: b.subarray(v, v + 16) };
      break;
    case TLV.SR_POLICY_CP: {
      if (len < 2) break;
      const ep = b[v + 1]! & 0x80 ? 16 : 4;
      const og = b[v + 1]! & 0x40 ? 16 : 4;
      if (len !== 16 + ep + og) break;
      const o = v + 4 + ep;
      return {
        kind: 'sr-policy-cp',
        protocolOrigin: b[v]!,
        flags: b[v + 1]!,
        reserved: u16(b, v + 2),
        endpoint: b.subarray(v + 4, o),
        color: u32(b, o),
        originatorAsn: u32(b, o + 4),
        originator: b.subarray(o + 8, o + 8 + og),
        discriminator: u32(b, o + 8 + og),
      };
    }
    case TLV.AF_LINK:
      if (len === 1) return { kind: 'af-link', af: b[v]! };
      break;
  }
  return { kind: 'tlv', type, value: b.subarray(v, v + len) };
}

/** The index just after the last whole TLV of `b[start..end)`: `end` unless there is `trailing`. */
export function tlvsEnd(b: Uint8Array, start: number, end: number): number {
  let p = start;
  while (end - p >= 4) {
    const len = u16(b, p + 2);
    if (len > end - p - 4) break;
    p += 4 + len;
  }
  return p;
}

/** The whole TLVs of `b[start..end)`, in wire order (an NLRI's body after Protocol-ID and Identifier). */
export function readTlvs(b: Uint8Array, start: number, end: number): LsTlv[] {
  // Counted first, then made at its size: an empty array's first push reserves 16 slots.
  const tlvs = new Array<LsTlv>(countTlvs(b, start, end));
  let p = start;
  for (let i = 0; i < tlvs.length; i++) {
    const t = u16(b, p);
    const l = u16(b, p + 2);
    const v = p + 4;
    tlvs[i] = readTlv(t, l, b, v);
    p = v + l;
  }
  return tlvs;
}
