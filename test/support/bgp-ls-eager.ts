/**
 * The BGP-LS NLRI decoder as it was before the lazy view (families/bgp-ls/view.ts): every TLV
 * turned into a plain object at decode. Frozen here, reachable only from tests, so the view's
 * fields, errors and recoveries can be compared with it on the same bytes.
 */
import type { DecodeOptions, FamilyCodec } from '../../src/registry/family.js';
import type { Reader } from '../../src/core/reader.js';
import {
  KIND_BY_TYPE,
  TLV,
  type BgpLsModel,
  type BgpLsNlri,
  type BgpLsUnparsed,
  type LsTlv,
  type NodeDescriptor,
  type NodeDescriptors,
} from '../../families/bgp-ls/model.js';

/** Protocol-ID (1) + Identifier (8). */
const HEAD = 9;

function u16(b: Uint8Array, o: number): number {
  return (b[o]! << 8) | b[o + 1]!;
}

function u32(b: Uint8Array, o: number): number {
  return ((b[o]! << 24) >>> 0) + ((b[o + 1]! << 16) | (b[o + 2]! << 8) | b[o + 3]!);
}

/** How many whole TLVs `b[start..end)` holds before the end or the first one that runs past it. */
function countTlvs(b: Uint8Array, start: number, end: number): number {
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
function readDescriptors(kind: 'local-node' | 'remote-node', b: Uint8Array, start: number, end: number): NodeDescriptors {
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

function readTlv(type: number, len: number, b: Uint8Array, v: number): LsTlv {
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

/** TLV 554's length for its flags octet (RFC 9857 §4.1): 24, 36 or 48. */
function cpDescriptorLength(flags: number): number {
  return 16 + (flags & 0x80 ? 16 : 4) + (flags & 0x40 ? 16 : 4);
}

/**
 * Ze's descriptor validation for Node and SRv6 SID NLRIs: walk the TLVs; enter the first TLV 256
 * (and any 256 inside it) instead of stepping over it; a TLV running past what contains it is an
 * error. Returns the absolute offset of the bad TLV, or -1.
 */
function zeDescriptorCheck(b: Uint8Array, start: number, end: number): number {
  let p = start;
  while (end - p >= 4) {
    const type = u16(b, p);
    const len = u16(b, p + 2);
    if (len > end - p - 4) return p;
    if (type === TLV.LOCAL_NODE) {
      end = p + 4 + len;
      p += 4;
    } else {
      p += 4 + len;
    }
  }
  return -1;
}

/**
 * `strict`: refuse the damage Ze tolerates (a TLV running past its container, a short tail), and
 * a Link or Prefix descriptor MT-ID that is not exactly one (RFC 7752 §3.2.1.5, kept by RFC 9552
 * §5.2.2.1: "only a single MT-ID TLV containing the MT-ID of the topology where the link or the
 * prefix is reachable is allowed"; several topologies are several NLRIs). Ze reads any even
 * length as a list (bgpls-070) and the default follows it. This is the consumer's semantic check
 * of RFC 9552 §8.2 (a TLV length that is not permissible), never applied by a propagator.
 */
function strictCheck(r: Reader, m: BgpLsNlri, body: number, end: number): void {
  const at = (a: Uint8Array): number => a.byteOffset - r.buf.byteOffset;
  if (m.kind === 'link' || m.kind === 'prefix-v4' || m.kind === 'prefix-v6') {
    const b = r.buf;
    let seen = false;
    for (let p = body; end - p >= 4 && u16(b, p + 2) <= end - p - 4; p += 4 + u16(b, p + 2)) {
      if (u16(b, p) !== TLV.MT_ID) continue;
      const len = u16(b, p + 2);
      const where = m.kind === 'link' ? 'Link' : 'Prefix';
      if (seen) r.fail('malformed', `a second Multi-Topology ID TLV 263 in a ${where} NLRI: its descriptor carries one MT-ID (RFC 9552 §5.2.2.1)`, p);
      if (len !== 2) r.fail('malformed', `Multi-Topology ID TLV 263 of length ${len} in a ${where} NLRI: its descriptor carries one MT-ID, length 2 (RFC 9552 §5.2.2.1)`, p);
      seen = true;
    }
  }
  if (m.kind === 'sr-policy-cp') {
    // RFC 9857 §4: the headend's Local Node Descriptors and the Candidate Path Descriptor are mandatory
    if (!m.tlvs.some((t) => t.kind === 'local-node')) r.fail('malformed', 'SR Policy Candidate Path NLRI without Local Node Descriptors TLV 256 (RFC 9857 §4)', body);
    if (!m.tlvs.some((t) => t.kind === 'sr-policy-cp')) {
      const bad = m.tlvs.find((t) => t.kind === 'tlv' && t.type === TLV.SR_POLICY_CP);
      r.fail('malformed', bad ? 'SR Policy Candidate Path Descriptor TLV 554 of a length its E/O flags do not give (RFC 9857 §4.1)' : 'SR Policy Candidate Path NLRI without TLV 554 (RFC 9857 §4)', bad?.kind === 'tlv' ? at(bad.value) - 4 : body);
    }
  }
  if (m.trailing) r.fail('malformed', `${m.trailing.length} bytes after the last whole TLV of the NLRI`, at(m.trailing));
  for (const t of m.tlvs) {
    if ((t.kind === 'local-node' || t.kind === 'remote-node') && t.trailing) {
      r.fail('malformed', `${t.trailing.length} bytes after the last whole sub-TLV of TLV ${t.kind === 'local-node' ? 256 : 257}`, at(t.trailing));
    }
  }
}

/** The smallest Total NLRI Length: Protocol-ID + Identifier (+ RD for VPN). */
function minBodyLength(vpn: boolean): number {
  return HEAD + (vpn ? 8 : 0);
}

/** Decode one BGP-LS NLRI at `r.pos` (RFC 9552 §5.2). */
export function decodeNlri(r: Reader, vpn: boolean, opts: DecodeOptions): BgpLsModel {
  const start = r.pos;
  const type = r.u16('NLRI type');
  const len = r.u16('total NLRI length');
  const min = minBodyLength(vpn);
  if (len < min) r.fail('bad-length', `total NLRI length ${len} is below the ${min} octets of its fixed fields`, start + 2);
  const old = r.limit(len, 'total NLRI length');
  const kind = type < KIND_BY_TYPE.length ? KIND_BY_TYPE[type] : undefined;
  if (kind === undefined) {
    // RFC 9552 §5.2: an unknown NLRI type is kept, not dropped; the length frames it.
    r.restore(old);
    return { kind: 'unparsed', raw: r.buf.subarray(start, r.pos) };
  }
  const rd = vpn ? r.bytes(8, 'route distinguisher') : undefined;
  const protocolId = r.u8('protocol-id');
  const identifier = r.u64('identifier');
  const b = r.buf;
  const body = r.pos;
  const end = r.end;
  if (kind === 'node' || kind === 'srv6-sid') {
    const bad = zeDescriptorCheck(b, body, end);
    if (bad >= 0) r.fail('malformed', `descriptor TLV runs past its container`, bad);
  }
  const tlvs = new Array<LsTlv>(countTlvs(b, body, end));
  let p = body;
  for (let i = 0; i < tlvs.length; i++) {
    const t = u16(b, p);
    const l = u16(b, p + 2);
    const v = p + 4;
    tlvs[i] = readTlv(t, l, b, v);
    p = v + l;
  }
  const m: BgpLsNlri =
    p < end
      ? rd
        ? { kind, protocolId, identifier, rd, tlvs, trailing: b.subarray(p, end) }
        : { kind, protocolId, identifier, tlvs, trailing: b.subarray(p, end) }
      : rd
        ? { kind, protocolId, identifier, rd, tlvs }
        : { kind, protocolId, identifier, tlvs };
  if (opts.strict) strictCheck(r, m, body, end);
  r.restore(old);
  return m;
}

/**
 * Ze's lossless record for bytes that `decodeNlri` refused: the one NLRI when its header frames
 * it (length within the input and not below the fixed fields), otherwise everything that is left.
 */
export function recoverNlri(r: Reader, start: number, vpn: boolean): BgpLsUnparsed {
  const b = r.buf;
  let stop = r.end;
  if (r.end - start >= 4) {
    const len = u16(b, start + 2);
    if (len >= minBodyLength(vpn) && len <= r.end - start - 4) stop = start + 4 + len;
  }
  r.pos = stop;
  return { kind: 'unparsed', raw: b.subarray(start, stop) };
}

/** `codec` with the eager decoder and recovery in place of its own (same name, SAFI, JSON, encoder). */
export function eagerCodec(codec: FamilyCodec<BgpLsModel>): FamilyCodec<BgpLsModel> {
  const vpn = codec.name === 'bgp-ls/bgp-ls-vpn';
  return { ...codec, decode: (r, opts) => decodeNlri(r, vpn, opts), recover: (r, start) => recoverNlri(r, start, vpn) };
}
