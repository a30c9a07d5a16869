/**
 * BGP-LS NLRI bytes ↔ model.
 *
 * RFC 9552 §5.1 (TLV format: 2-octet type, 2-octet length, value; no padding),
 * §5.2 (NLRI: type, total length, [RD for SAFI 72], Protocol-ID, Identifier, TLVs),
 * §5.2.1 (Node Descriptors 256/257 and their sub-TLVs 512-515), §5.2.2 (Link Descriptors
 * 258-263), §5.2.3 (Prefix Descriptors 263-265); RFC 9086 §4 (sub-TLVs 516, 517);
 * RFC 9514 §6 (SRv6 SID NLRI, type 6) and §6.1 (SRv6 SID Information TLV 518);
 * RFC 9857 §4 (SR Policy Candidate Path NLRI, type 5: Protocol-ID, Identifier, the headend's
 * TLV 256, TLV 554 SR Policy Candidate Path Descriptor); RFC 9815 §5.2.2.1 (TLV 1185 Address
 * Family Link Descriptor, BGP-LS-SPF). SAFI 80 (RFC 9815 §5.1) uses the SAFI 71 layout.
 *
 * Every TLV walk advances by the declared length and stops at the container's end; a TLV whose
 * length runs past its container ends the walk (the rest is kept as `trailing`), so no input can
 * make a walk loop or read outside the NLRI. Decoding follows Ze where Ze is right:
 *  - a Node or SRv6 SID NLRI is refused (Ze: `parsed:false`) when a TLV before or inside its
 *    first TLV 256 runs past its container (Ze's descriptor validation);
 *  - the same damage elsewhere is tolerated and kept in `trailing` (`strict` refuses it).
 * The VPN family reads the Route Distinguisher that RFC 9552 §5.2 puts after the length (Ze
 * does not; docs/ze-compat.md).
 */
import type { DecodeOptions, WireSpan } from '../../src/registry/family.js';
import type { Reader } from '../../src/core/reader.js';
import { Writer } from '../../src/core/writer.js';
import { NlriError, modelError } from '../../src/core/errors.js';
import {
  KIND_BY_TYPE,
  NLRI_TYPE,
  TLV,
  type BgpLsModel,
  type BgpLsNlri,
  type BgpLsUnparsed,
  type LsNlriKind,
  type LsTlv,
  type NodeDescriptor,
  type NodeDescriptors,
} from './model.js';
import { u16 } from './tlv-read.js';
import { BgpLsView } from './view.js';

/** Protocol-ID (1) + Identifier (8). */
const HEAD = 9;


/** TLV 554's length for its flags octet (RFC 9857 §4.1): 24, 36 or 48. */
export function cpDescriptorLength(flags: number): number {
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
export function minBodyLength(vpn: boolean): number {
  return HEAD + (vpn ? 8 : 0);
}

/**
 * Decode one BGP-LS NLRI at `r.pos` (RFC 9552 §5.2): check its framing (and, for a Node or SRv6
 * SID NLRI, Ze's descriptor validation; with `strict`, the checks of `strictCheck`) and return a
 * `BgpLsView` of its bytes; an unknown type is kept as bytes.
 */
export function decodeNlri(r: Reader, vpn: boolean, opts: DecodeOptions): BgpLsModel {
  const b = r.buf;
  const start = r.pos;
  const type = r.u16('NLRI type');
  const len = r.u16('total NLRI length');
  const min = minBodyLength(vpn);
  if (len < min) r.fail('bad-length', `total NLRI length ${len} is below the ${min} octets of its fixed fields`, start + 2);
  if (len > r.end - r.pos) r.limit(len, 'total NLRI length'); // throws: truncated
  const end = r.pos + len;
  const kind = type < KIND_BY_TYPE.length ? KIND_BY_TYPE[type] : undefined;
  if (kind === undefined) {
    // RFC 9552 §5.2: an unknown NLRI type is kept, not dropped; the length frames it.
    r.pos = end;
    return { kind: 'unparsed', raw: b.subarray(start, end) };
  }
  const body = r.pos + min;
  if (kind === 'node' || kind === 'srv6-sid') {
    const bad = zeDescriptorCheck(b, body, end);
    if (bad >= 0) r.fail('malformed', `descriptor TLV runs past its container`, bad);
  }
  const m = new BgpLsView(b, start, end, vpn);
  if (opts.strict) strictCheck(r, m, body, end);
  r.pos = end;
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

// ---------------------------------------------------------------- encode

function descriptorLength(d: NodeDescriptor): number {
  switch (d.kind) {
    case 'as':
    case 'bgp-ls-id':
    case 'ospf-area-id':
    case 'bgp-router-id':
    case 'member-asn':
      return 8;
    case 'igp-router-id':
      return 4 + d.id.length;
    case 'srv6-sid':
      return 20;
    case 'tlv':
      return 4 + d.value.length;
  }
}

function tlvLength(t: LsTlv): number {
  switch (t.kind) {
    case 'local-node':
    case 'remote-node': {
      let n = 4 + (t.trailing?.length ?? 0);
      for (const d of t.descriptors) n += descriptorLength(d);
      return n;
    }
    case 'link-id':
      return 12;
    case 'ipv4-interface':
    case 'ipv4-neighbor':
      return 8;
    case 'ipv6-interface':
    case 'ipv6-neighbor':
      return 20;
    case 'mt-id':
      return 4 + 2 * t.ids.length;
    case 'ospf-route-type':
      return 5;
    case 'ip-reachability':
      return 5 + ((t.length + 7) >>> 3);
    case 'srv6-sid':
      return 20;
    case 'sr-policy-cp':
      return 4 + cpDescriptorLength(t.flags);
    case 'af-link':
      return 5;
    case 'tlv':
      return 4 + t.value.length;
  }
}

function checkValueLength(n: number, what: string): void {
  if (n > 0xffff) modelError(`${what} value of ${n} octets does not fit a TLV length`);
}

/** Exact encoded size of one NLRI. */
export function nlriLength(m: BgpLsModel, vpn: boolean): number {
  if (m instanceof BgpLsView && m._vpn === vpn && m._copiable()) return m._e - m._s;
  if (m.kind === 'unparsed') return m.raw.length;
  let n = 4 + HEAD + (vpn ? 8 : 0) + (m.trailing?.length ?? 0);
  for (const t of m.tlvs) n += tlvLength(t);
  return n;
}

function writeDescriptor(w: Writer, d: NodeDescriptor): void {
  switch (d.kind) {
    case 'as':
      w.u16(TLV.AS), w.u16(4), w.u32(d.asn);
      return;
    case 'bgp-ls-id':
      w.u16(TLV.BGP_LS_ID), w.u16(4), w.u32(d.id);
      return;
    case 'ospf-area-id':
      w.u16(TLV.OSPF_AREA_ID), w.u16(4), w.u32(d.area);
      return;
    case 'igp-router-id':
      w.u16(TLV.IGP_ROUTER_ID), w.u16(d.id.length), w.bytes(d.id);
      return;
    case 'bgp-router-id':
      w.u16(TLV.BGP_ROUTER_ID), w.u16(4), w.bytes(d.id);
      return;
    case 'member-asn':
      w.u16(TLV.MEMBER_ASN), w.u16(4), w.u32(d.asn);
      return;
    case 'srv6-sid':
      w.u16(TLV.SRV6_SID), w.u16(16), w.bytes(d.sid);
      return;
    case 'tlv':
      w.u16(d.type), w.u16(d.value.length), w.bytes(d.value);
      return;
  }
}

function need(a: Uint8Array, n: number, what: string): Uint8Array {
  if (a.length !== n) modelError(`${what} must be ${n} octets, got ${a.length}`);
  return a;
}

function writeTlv(w: Writer, t: LsTlv): void {
  switch (t.kind) {
    case 'local-node':
    case 'remote-node': {
      const n = tlvLength(t) - 4;
      checkValueLength(n, t.kind === 'local-node' ? 'TLV 256' : 'TLV 257');
      w.u16(t.kind === 'local-node' ? TLV.LOCAL_NODE : TLV.REMOTE_NODE);
      w.u16(n);
      for (const d of t.descriptors) writeDescriptor(w, d);
      if (t.trailing) w.bytes(t.trailing);
      return;
    }
    case 'link-id':
      w.u16(TLV.LINK_ID), w.u16(8), w.u32(t.local), w.u32(t.remote);
      return;
    case 'ipv4-interface':
      w.u16(TLV.IPV4_INTERFACE), w.u16(4), w.bytes(need(t.addr, 4, 'IPv4 interface address'));
      return;
    case 'ipv4-neighbor':
      w.u16(TLV.IPV4_NEIGHBOR), w.u16(4), w.bytes(need(t.addr, 4, 'IPv4 neighbor address'));
      return;
    case 'ipv6-interface':
      w.u16(TLV.IPV6_INTERFACE), w.u16(16), w.bytes(need(t.addr, 16, 'IPv6 interface address'));
      return;
    case 'ipv6-neighbor':
      w.u16(TLV.IPV6_NEIGHBOR), w.u16(16), w.bytes(need(t.addr, 16, 'IPv6 neighbor address'));
      return;
    case 'mt-id':
      checkValueLength(2 * t.ids.length, 'TLV 263');
      w.u16(TLV.MT_ID), w.u16(2 * t.ids.length);
      for (const id of t.ids) w.u16(id);
      return;
    case 'ospf-route-type':
      w.u16(TLV.OSPF_ROUTE_TYPE), w.u16(1), w.u8(t.routeType);
      return;
    case 'ip-reachability': {
      const n = (t.length + 7) >>> 3;
      w.u16(TLV.IP_REACHABILITY), w.u16(1 + n), w.u8(t.length);
      if (t.addr.length >= n) w.range(t.addr, 0, n);
      else w.bytes(t.addr), w.zeros(n - t.addr.length);
      return;
    }
    case 'srv6-sid':
      w.u16(TLV.SRV6_SID), w.u16(16), w.bytes(need(t.sid, 16, 'SRv6 SID'));
      return;
    case 'sr-policy-cp': {
      const ep = t.flags & 0x80 ? 16 : 4;
      const og = t.flags & 0x40 ? 16 : 4;
      w.u16(TLV.SR_POLICY_CP), w.u16(cpDescriptorLength(t.flags));
      w.u8(t.protocolOrigin), w.u8(t.flags), w.u16(t.reserved);
      w.bytes(need(t.endpoint, ep, `SR Policy endpoint (E flag ${ep === 16 ? 'set' : 'clear'})`));
      w.u32(t.color), w.u32(t.originatorAsn);
      w.bytes(need(t.originator, og, `SR Policy originator address (O flag ${og === 16 ? 'set' : 'clear'})`));
      w.u32(t.discriminator);
      return;
    }
    case 'af-link':
      w.u16(TLV.AF_LINK), w.u16(1), w.u8(t.af);
      return;
    case 'tlv':
      checkValueLength(t.value.length, `TLV ${t.type}`);
      w.u16(t.type), w.u16(t.value.length), w.bytes(t.value);
      return;
  }
}

/** One TLV as on the wire (type, length, value): for the JSON of the TLVs it has no key for. */
export function tlvBytes(t: LsTlv): Uint8Array {
  const w = new Writer(tlvLength(t));
  writeTlv(w, t);
  return w.finish();
}

/** `FamilyCodec.verbatim`: a view as decoded (view.ts `_copiable`), for the same RD layout, is its input bytes. */
export function nlriVerbatim(m: BgpLsModel, vpn: boolean, span: WireSpan): boolean {
  if (!(m instanceof BgpLsView) || m._vpn !== vpn || !m._copiable()) return false;
  span.buf = m._b;
  span.start = m._s;
  span.end = m._e;
  return true;
}

/** Write one NLRI (exactly `nlriLength` bytes). */
export function encodeNlri(m: BgpLsModel, w: Writer, vpn: boolean): void {
  if (m instanceof BgpLsView && m._vpn === vpn && m._copiable()) {
    w.range(m._b, m._s, m._e); // a decoded NLRI, as received
    return;
  }
  encodeModel(m, w, vpn);
}

function encodeModel(m: BgpLsModel, w: Writer, vpn: boolean): void {
  if (m.kind === 'unparsed') {
    w.bytes(m.raw);
    return;
  }
  const type = NLRI_TYPE[m.kind as LsNlriKind];
  if (type === undefined) modelError(`unknown BGP-LS NLRI kind ${JSON.stringify(m.kind)}`);
  const total = nlriLength(m, vpn) - 4;
  if (total > 0xffff) throw new NlriError('too-long', `BGP-LS NLRI of ${total} octets exceeds the 2-octet total length`, '', -1);
  if (vpn && m.rd === undefined) modelError('bgp-ls-vpn NLRI needs a route distinguisher (rd)');
  if (!vpn && m.rd !== undefined) modelError('only bgp-ls-vpn NLRIs carry a route distinguisher');
  w.u16(type);
  w.u16(total);
  if (vpn) w.bytes(need(m.rd!, 8, 'route distinguisher'));
  w.u8(m.protocolId);
  w.u64(m.identifier);
  for (const t of m.tlvs) writeTlv(w, t);
  if (m.trailing) w.bytes(m.trailing);
}
