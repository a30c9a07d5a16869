/**
 * BGP-LS NLRI model → Ze's JSON text (Ze `bgp-nlri-ls` decode-nlri output, written straight
 * through `JsonWriter`; keys in Go map order, i.e. byte-wise sorted).
 *
 * RFC 9552 §5.2 (fields), §5.2.1.4 (node descriptor sub-TLVs), §5.2.2 (link descriptors),
 * §5.2.3 (prefix descriptors); RFC 9514 §6 (SRv6 SID NLRI). Ze's rendering rules, all kept:
 *  - node descriptors: one single-key object per rendered sub-TLV in wire order; 512/513/514
 *    use the first 4 octets when longer and are dropped when shorter; 515 by length (4 dotted,
 *    6 system-id hex, 7 hex + `psn`, 8 router-id + `designated-router-id`); an empty list is
 *    `null`. Node/SRv6 NLRIs read the first TLV 256 (`[]` when absent), link and prefix NLRIs
 *    the last TLV 256/257 (`null` when absent);
 *  - link: 258 with ≥ 8 octets, 259/260 with exactly 4, 261/262 with exactly 16, MT-IDs as
 *    `word & 0x0FFF` (an odd last octet ignored);
 *  - prefix: the last TLV 265 decides (an invalid last one removes the prefix), host bits kept,
 *    printed twice (`ip-reach-prefix`, `ip-reachability-tlv`).
 * Beyond Ze (docs/ze-compat.md): `rd` for the VPN family, and for SRv6 SID NLRIs `srv6-sid`
 * (TLV 518) and `multi-topology-ids` when a TLV 263 is present. Every TLV the codec reads is
 * printed (issue 15): in node descriptors, `{"bgp-router-id":"a.b.c.d"}` (516, RFC 9086 §4.1,
 * part of the node key on SAFI 80 by RFC 9815), `{"member-asn":N}` (517, RFC 9086 §4.1),
 * `{"srv6-sid":"…"}` (518) and `{"tlv":"<type>:<hex>"}` for any sub-TLV Ze drops (an unknown
 * code, a known code of another length), the same form as the args' `tlv`; in prefix NLRIs
 * `ospf-route-type` (264, RFC 9552 §5.2.3.1); and `other-tlvs`, `["<type>:<hex>",…]` in wire
 * order, for every top-level TLV the NLRI type's keys do not show (an unknown code, a TLV of
 * another NLRI type, a node NLRI's second TLV 256, an earlier TLV 256/257/265 that the last
 * one replaces, …). `trailing` bytes (not a TLV) are not shown.
 *
 * Types Ze does not decode (it keeps them as parsed:false), in the same style: the SR Policy
 * Candidate Path NLRI (type 5, RFC 9857 §4): `node-descriptors` for the headend's TLV 256 and
 * `sr-policy-cp` for TLV 554 (`color`, `discriminator`, `endpoint`, `flags` {E, O, RSV},
 * `originator-address`, `originator-asn`, `protocol-origin`); and in Link NLRIs
 * `address-family-link` (TLV 1185, RFC 9815 §5.2.2.1: 1 IPv4, 2 IPv6).
 */
import type { JsonWriter } from '../../src/core/json.js';
import { ipToString, ipv4ToString, ipv6ToString } from '../../src/core/ip.js';
import { toHex } from '../../src/core/hex.js';
import { rdToString } from '../../src/core/rd.js';
import { TLV, ZE_TYPE_NAME, type BgpLsModel, type BgpLsNlri, type LsTlv, type NodeDescriptor, type NodeDescriptors, type SrPolicyCpDescriptor } from './model.js';
import { tlvBytes } from './wire.js';

function u32(b: Uint8Array, o: number): number {
  return ((b[o]! << 24) >>> 0) + ((b[o + 1]! << 16) | (b[o + 2]! << 8) | b[o + 3]!);
}

function dotted(n: number): string {
  return (n >>> 24) + '.' + ((n >>> 16) & 0xff) + '.' + ((n >>> 8) & 0xff) + '.' + (n & 0xff);
}

function lowerHex(b: Uint8Array): string {
  let s = '';
  for (let i = 0; i < b.length; i++) s += (b[i]! < 16 ? '0' : '') + b[i]!.toString(16);
  return s;
}

/** Ze's object for one IGP Router-ID value; false when Ze shows nothing for that length. */
function routerId(id: Uint8Array, j: JsonWriter): boolean {
  switch (id.length) {
    case 4:
      j.beginObject().keyRaw('router-id').stringRaw(ipv4ToString(id)).endObject();
      return true;
    case 6:
      j.beginObject().keyRaw('router-id').stringRaw(lowerHex(id)).endObject();
      return true;
    case 7:
      j.beginObject().keyRaw('psn').stringRaw(String(id[6])).keyRaw('router-id').stringRaw(lowerHex(id)).endObject();
      return true;
    case 8:
      j.beginObject().keyRaw('designated-router-id').stringRaw(ipv4ToString(id, 4)).keyRaw('router-id').stringRaw(ipv4ToString(id)).endObject();
      return true;
  }
  return false;
}

/** Write one descriptor element if Ze renders it; returns whether something was written. */
function descriptor(d: NodeDescriptor, j: JsonWriter): boolean {
  switch (d.kind) {
    case 'as':
      j.beginObject().keyRaw('autonomous-system').number(d.asn).endObject();
      return true;
    case 'bgp-ls-id':
      j.beginObject().keyRaw('bgp-ls-identifier').stringRaw(String(d.id)).endObject();
      return true;
    case 'ospf-area-id':
      j.beginObject().keyRaw('ospf-area-id').stringRaw(dotted(d.area)).endObject();
      return true;
    case 'igp-router-id':
      if (!routerId(d.id, j)) rawDescriptor(TLV.IGP_ROUTER_ID, d.id, j);
      return true;
    case 'tlv': {
      // Known codes with a longer value: Ze uses the first 4 octets.
      const v = d.value;
      if (v.length >= 4 && d.type === TLV.AS) j.beginObject().keyRaw('autonomous-system').number(u32(v, 0)).endObject();
      else if (v.length >= 4 && d.type === TLV.BGP_LS_ID) j.beginObject().keyRaw('bgp-ls-identifier').stringRaw(String(u32(v, 0))).endObject();
      else if (v.length >= 4 && d.type === TLV.OSPF_AREA_ID) j.beginObject().keyRaw('ospf-area-id').stringRaw(ipv4ToString(v)).endObject();
      else rawDescriptor(d.type, v, j);
      return true;
    }
    // Ze parses 516, 517 and 518 but never shows them; ze-nlri does (RFC 9086 §4.1).
    case 'bgp-router-id':
      j.beginObject().keyRaw('bgp-router-id').stringRaw(ipv4ToString(d.id)).endObject();
      return true;
    case 'member-asn':
      j.beginObject().keyRaw('member-asn').number(d.asn).endObject();
      return true;
    case 'srv6-sid':
      j.beginObject().keyRaw('srv6-sid').stringRaw(ipv6ToString(d.sid)).endObject();
      return true;
  }
}

/** `{"tlv":"<type>:<hex>"}` for a sub-TLV Ze does not show (the args' `tlv` form). */
function rawDescriptor(type: number, value: Uint8Array, j: JsonWriter): void {
  j.beginObject().keyRaw('tlv').stringRaw(type + ':' + lowerHex(value)).endObject();
}

/** The descriptor array, or `null` when the container is absent or holds no sub-TLV (Ze). */
function descriptors(c: NodeDescriptors | undefined, j: JsonWriter): void {
  if (c === undefined || c.descriptors.length === 0) {
    j.null();
    return;
  }
  j.beginArray();
  for (const d of c.descriptors) descriptor(d, j);
  j.endArray();
}

function firstLocal(m: BgpLsNlri): NodeDescriptors | undefined {
  for (const t of m.tlvs) if (t.kind === 'local-node') return t;
  return undefined;
}

function mtIds(t: LsTlv, out: number[]): void {
  if (t.kind === 'mt-id') for (const id of t.ids) out.push(id & 0x0fff);
  else if (t.kind === 'tlv' && t.type === TLV.MT_ID) for (let i = 0; i + 1 < t.value.length; i += 2) out.push(((t.value[i]! << 8) | t.value[i + 1]!) & 0x0fff);
}

/** Ze's prefix text from a TLV 265 value (`undefined` when Ze shows none). */
function zePrefix(v6: boolean, value: Uint8Array): string | undefined {
  if (value.length === 0) return undefined;
  const plen = value[0]!;
  const n = (plen + 7) >>> 3;
  if (value.length - 1 < n) return undefined;
  return ipToString(v6, value, 1, Math.min(n, v6 ? 16 : 4)) + '/' + plen;
}

function header(m: BgpLsNlri, j: JsonWriter): void {
  j.keyRaw('l3-routing-topology').bigint(m.identifier);
  j.keyRaw('ls-nlri-type').stringRaw(ZE_TYPE_NAME[m.kind]);
}

/**
 * `other-tlvs`: the top-level TLVs that the keys of this NLRI type do not show (`shown[i]` false),
 * as `<type>:<hex value>` in wire order; nothing when every TLV is shown.
 */
function otherTlvs(m: BgpLsNlri, shown: readonly boolean[], j: JsonWriter): void {
  let open = false;
  for (let i = 0; i < m.tlvs.length; i++) {
    if (shown[i]) continue;
    if (!open) j.keyRaw('other-tlvs').beginArray();
    open = true;
    const b = tlvBytes(m.tlvs[i]!);
    j.stringRaw(((b[0]! << 8) | b[1]!) + ':' + lowerHex(b.subarray(4)));
  }
  if (open) j.endArray();
}

function lastIndex(m: BgpLsNlri, kind: string): number {
  for (let i = m.tlvs.length - 1; i >= 0; i--) if (m.tlvs[i]!.kind === kind) return i;
  return -1;
}

function tail(m: BgpLsNlri, j: JsonWriter): void {
  j.keyRaw('protocol-id').number(m.protocolId);
  if (m.rd !== undefined) j.keyRaw('rd').stringRaw(rdToString(m.rd));
}

function nodeJson(m: BgpLsNlri, j: JsonWriter): void {
  j.beginObject();
  header(m, j);
  if (m.kind === 'srv6-sid') {
    const mt: number[] = [];
    let hasMt = false;
    for (const t of m.tlvs) {
      if (t.kind === 'mt-id' || (t.kind === 'tlv' && t.type === TLV.MT_ID)) {
        hasMt = true;
        mtIds(t, mt);
      }
    }
    if (hasMt) j.keyRaw('multi-topology-ids').numbers(mt);
  }
  j.keyRaw('node-descriptors');
  const local = firstLocal(m);
  if (local === undefined) j.beginArray().endArray();
  else descriptors(local, j);
  const shown = m.tlvs.map((t) => t === local || (m.kind === 'srv6-sid' && (t.kind === 'mt-id' || (t.kind === 'tlv' && t.type === TLV.MT_ID))));
  if (m.kind === 'srv6-sid') {
    const sid = m.tlvs.findIndex((t) => t.kind === 'srv6-sid');
    if (sid >= 0) shown[sid] = true;
  }
  otherTlvs(m, shown, j);
  tail(m, j);
  if (m.kind === 'srv6-sid') {
    for (const t of m.tlvs) {
      if (t.kind === 'srv6-sid') {
        j.keyRaw('srv6-sid').stringRaw(ipv6ToString(t.sid));
        break;
      }
    }
  }
  j.endObject();
}

/** TLV 554's object (RFC 9857 §4.1). */
function cpDescriptor(t: SrPolicyCpDescriptor, j: JsonWriter): void {
  const f = t.flags;
  j.beginObject();
  j.keyRaw('color').number(t.color);
  j.keyRaw('discriminator').number(t.discriminator);
  j.keyRaw('endpoint').stringRaw(ipToString(t.endpoint.length === 16, t.endpoint));
  j.keyRaw('flags').beginObject().keyRaw('E').number((f >> 7) & 1).keyRaw('O').number((f >> 6) & 1).keyRaw('RSV').number(f & 0x3f).endObject();
  j.keyRaw('originator-address').stringRaw(ipToString(t.originator.length === 16, t.originator));
  j.keyRaw('originator-asn').number(t.originatorAsn);
  j.keyRaw('protocol-origin').number(t.protocolOrigin);
  j.endObject();
}

/** SR Policy Candidate Path NLRI (RFC 9857 §4): headend TLV 256 and the first TLV 554. */
function srPolicyJson(m: BgpLsNlri, j: JsonWriter): void {
  const local = firstLocal(m);
  const cp = m.tlvs.find((t): t is SrPolicyCpDescriptor => t.kind === 'sr-policy-cp');
  j.beginObject();
  header(m, j);
  j.keyRaw('node-descriptors');
  if (local === undefined) j.beginArray().endArray();
  else descriptors(local, j);
  otherTlvs(m, m.tlvs.map((t) => t === local || t === cp), j);
  tail(m, j);
  if (cp !== undefined) {
    j.keyRaw('sr-policy-cp');
    cpDescriptor(cp, j);
  }
  j.endObject();
}

function linkJson(m: BgpLsNlri, j: JsonWriter): void {
  let af: number | undefined;
  let afAt = -1;
  let local: NodeDescriptors | undefined;
  let remote: NodeDescriptors | undefined;
  const ifAddrs: string[] = [];
  const nbAddrs: string[] = [];
  const mt: number[] = [];
  const ids: number[] = [];
  for (const t of m.tlvs) {
    switch (t.kind) {
      case 'local-node': local = t; break;
      case 'remote-node': remote = t; break;
      case 'link-id': ids.push(t.local, t.remote); break;
      case 'ipv4-interface': ifAddrs.push(ipv4ToString(t.addr)); break;
      case 'ipv6-interface': ifAddrs.push(ipv6ToString(t.addr)); break;
      case 'ipv4-neighbor': nbAddrs.push(ipv4ToString(t.addr)); break;
      case 'ipv6-neighbor': nbAddrs.push(ipv6ToString(t.addr)); break;
      case 'mt-id': mtIds(t, mt); break;
      case 'af-link': if (af === undefined) (af = t.af), (afAt = m.tlvs.indexOf(t)); break;
      case 'tlv':
        if (t.type === TLV.MT_ID) mtIds(t, mt);
        else if (t.type === TLV.LINK_ID && t.value.length >= 8) ids.push(u32(t.value, 0), u32(t.value, 4));
        break;
    }
  }
  j.beginObject();
  if (af !== undefined) j.keyRaw('address-family-link').number(af);
  j.keyRaw('interface-addresses').beginArray();
  for (const a of ifAddrs) j.stringRaw(a);
  j.endArray();
  j.keyRaw('l3-routing-topology').bigint(m.identifier);
  j.keyRaw('link-identifiers').beginArray();
  for (let i = 0; i < ids.length; i += 2) j.beginObject().keyRaw('link-local-id').number(ids[i]!).keyRaw('link-remote-id').number(ids[i + 1]!).endObject();
  j.endArray();
  j.keyRaw('local-node-descriptors');
  descriptors(local, j);
  j.keyRaw('ls-nlri-type').stringRaw(ZE_TYPE_NAME[m.kind]);
  j.keyRaw('multi-topology-ids').numbers(mt);
  j.keyRaw('neighbor-addresses').beginArray();
  for (const a of nbAddrs) j.stringRaw(a);
  j.endArray();
  const li = lastIndex(m, 'local-node');
  const ri = lastIndex(m, 'remote-node');
  otherTlvs(
    m,
    m.tlvs.map((t, i) => {
      switch (t.kind) {
        case 'local-node': return i === li;
        case 'remote-node': return i === ri;
        case 'af-link': return i === afAt;
        case 'link-id': case 'ipv4-interface': case 'ipv6-interface': case 'ipv4-neighbor': case 'ipv6-neighbor': case 'mt-id': return true;
        case 'tlv': return t.type === TLV.MT_ID || (t.type === TLV.LINK_ID && t.value.length >= 8);
        default: return false;
      }
    }),
    j,
  );
  tail(m, j);
  j.keyRaw('remote-node-descriptors');
  descriptors(remote, j);
  j.endObject();
}

function prefixJson(m: BgpLsNlri, j: JsonWriter): void {
  const v6 = m.kind === 'prefix-v6';
  let local: NodeDescriptors | undefined;
  let prefix: string | undefined;
  let routeType: number | undefined;
  let reach = -1;
  let routeTypeAt = -1;
  const mt: number[] = [];
  for (let i = 0; i < m.tlvs.length; i++) {
    const t = m.tlvs[i]!;
    if (t.kind === 'local-node') local = t;
    else if (t.kind === 'ip-reachability') {
      prefix = ipToString(v6, t.addr, 0, Math.min(t.addr.length, v6 ? 16 : 4)) + '/' + t.length;
      reach = i;
    } else if (t.kind === 'tlv' && t.type === TLV.IP_REACHABILITY) {
      prefix = zePrefix(v6, t.value);
      reach = prefix === undefined ? -1 : i;
    } else if (t.kind === 'ospf-route-type') {
      routeType = t.routeType;
      routeTypeAt = i;
    } else mtIds(t, mt);
  }
  const li = lastIndex(m, 'local-node');
  const shown = m.tlvs.map((t, i) => i === li || i === reach || i === routeTypeAt || t.kind === 'mt-id' || (t.kind === 'tlv' && t.type === TLV.MT_ID));
  j.beginObject();
  if (prefix !== undefined) j.keyRaw('ip-reach-prefix').stringRaw(prefix).keyRaw('ip-reachability-tlv').stringRaw(prefix);
  header(m, j);
  j.keyRaw('multi-topology-ids').numbers(mt);
  j.keyRaw('node-descriptors');
  descriptors(local, j);
  if (routeType !== undefined) j.keyRaw('ospf-route-type').number(routeType);
  otherTlvs(m, shown, j);
  tail(m, j);
  j.endObject();
}

/** Write Ze's JSON object for one NLRI. */
export function nlriJson(m: BgpLsModel, j: JsonWriter): void {
  switch (m.kind) {
    case 'unparsed':
      j.beginObject().keyRaw('parsed').bool(false).keyRaw('raw').stringRaw(toHex(m.raw)).endObject();
      return;
    case 'node':
    case 'srv6-sid':
      nodeJson(m, j);
      return;
    case 'link':
      linkJson(m, j);
      return;
    case 'prefix-v4':
    case 'prefix-v6':
      prefixJson(m, j);
      return;
    case 'sr-policy-cp':
      srPolicyJson(m, j);
      return;
  }
}
