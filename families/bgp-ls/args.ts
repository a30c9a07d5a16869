/**
 * encode-nlri args ↔ BGP-LS model. Ze has no BGP-LS encoder; this grammar is ze-nlri's, in Ze's
 * style (kebab-case keywords, one value token each), documented in docs/families/bgp-ls.md:
 *
 *   <node|link|prefix-v4|prefix-v6|srv6-sid> protocol <name|0-255> [identifier <u64>] [rd <rd>]
 *     node descriptors (TLV 256; `local-` prefix optional except in links, `remote-` = TLV 257):
 *       asn <u32> (512)  bgp-ls-id <u32> (513)  ospf-area-id <a.b.c.d> (514)
 *       router-id <a.b.c.d | 12, 14 or 16 hex digits> (515)  bgp-router-id <a.b.c.d> (516)
 *       member-asn <u32> (517)  tlv <type>:<hex> (any sub-TLV)
 *     link:      link-id <local>:<remote> (258)  interface-address <ip> (259/261)
 *                neighbor-address <ip> (260/262)  mt-id <0-65535> (263, repeatable)
 *     prefix-*:  mt-id (263)  ospf-route-type <0-255> (264)  prefix <ip/len> (265)
 *     srv6-sid:  mt-id (263)  sid <ipv6> (518)
 *     link:      address-family <ipv4|ipv6|0-255> (1185, RFC 9815 §5.2.2.1)
 *     sr-policy-cp (RFC 9857 §4.1, TLV 554; all six required): protocol-origin <0-255>
 *                endpoint <ip>  color <u32>  originator-asn <u32>  originator-address <ip>
 *                discriminator <u32>  (the E/O flags follow the address families)
 *     any type:  tlv <type>:<hex> (any top-level TLV, kept as given)
 *
 * RFC 9552 §5.1: TLVs are written in ascending type order (a stable sort keeps repeated codes in
 * the order given). TLV 256 is always written (and 257 for links), as Ze's constructors do.
 */
import { argsError, modelError } from '../../src/core/errors.js';
import { parseAddr, parsePrefix } from '../../src/core/ip.js';
import { ipv4ToString, ipv6ToString } from '../../src/core/ip.js';
import { parseRd, rdToString } from '../../src/core/rd.js';
import { uintArg } from '../../src/core/bgp.js';
import { digits } from '../../src/core/digits.js';
import { fromHex, toHex } from '../../src/core/hex.js';
import { NlriError } from '../../src/core/errors.js';
import { tlvBytes } from './wire.js';
import { NLRI_TYPE, PROTOCOL_NAMES, TLV, type BgpLsModel, type BgpLsNlri, type LsNlriKind, type LsTlv, type NodeDescriptor } from './model.js';

const KINDS = Object.keys(NLRI_TYPE) as LsNlriKind[];

function ipv4Arg(s: string, what: string): Uint8Array {
  const a = parseAddr(s);
  if (typeof a === 'string' || a.v6) argsError(`invalid ${what}: ${typeof a === 'string' ? a : `${s} is not an IPv4 address`}`);
  return a.bytes;
}

function u32Arg(s: string, what: string): number {
  return uintArg(s, 32, what);
}

function u64Arg(s: string, what: string): bigint {
  const small = s.length <= 15 ? digits(s) : -2; // below 10^15: exact as a number, no BigInt parse
  if (small >= 0) return BigInt(small);
  if (small === -1 || !/^[0-9]+$/.test(s)) argsError(`invalid ${what}: strconv.ParseUint: parsing ${JSON.stringify(s)}: invalid syntax`);
  const v = BigInt(s);
  if (v > 0xffffffffffffffffn) argsError(`invalid ${what}: strconv.ParseUint: parsing ${JSON.stringify(s)}: value out of range`);
  return v;
}

function hexArg(s: string, what: string): Uint8Array {
  try {
    return fromHex(s);
  } catch (e) {
    argsError(`invalid ${what}: ${e instanceof NlriError ? e.message : String(e)}`);
  }
}

function rawTlvArg(s: string): { kind: 'tlv'; type: number; value: Uint8Array } {
  const c = s.indexOf(':');
  if (c < 0) argsError(`invalid tlv ${JSON.stringify(s)}: want <type>:<hex>`);
  const value = hexArg(s.slice(c + 1), 'tlv value');
  if (value.length > 0xffff) argsError('invalid tlv value: longer than 65535 octets');
  return { kind: 'tlv', type: uintArg(s.slice(0, c), 16, 'tlv type'), value };
}

function routerIdArg(s: string): Uint8Array {
  if (s.includes('.')) return ipv4Arg(s, 'router-id');
  if (/^[0-9a-fA-F]+$/.test(s) && (s.length === 12 || s.length === 14 || s.length === 16)) return fromHex(s);
  return argsError(`invalid router-id ${JSON.stringify(s)}: want a.b.c.d or 12, 14 or 16 hex digits`);
}

function protocolArg(s: string): number {
  const i = PROTOCOL_NAMES.indexOf(s);
  if (i > 0) return i;
  if (/^[0-9]+$/.test(s)) return uintArg(s, 8, 'protocol');
  return argsError(`invalid protocol ${JSON.stringify(s)}: want ${PROTOCOL_NAMES.slice(1).join(', ')} or 0-255`);
}

/** Node descriptor keyword (without local-/remote-) → sub-TLV item, or undefined when not one. */
function descriptorArg(key: string, val: string): NodeDescriptor | undefined {
  switch (key) {
    case 'asn': return { kind: 'as', asn: u32Arg(val, 'asn') };
    case 'bgp-ls-id': return { kind: 'bgp-ls-id', id: u32Arg(val, 'bgp-ls-id') };
    case 'ospf-area-id': {
      const a = ipv4Arg(val, 'ospf-area-id');
      return { kind: 'ospf-area-id', area: ((a[0]! << 24) >>> 0) + ((a[1]! << 16) | (a[2]! << 8) | a[3]!) };
    }
    case 'router-id': return { kind: 'igp-router-id', id: routerIdArg(val) };
    case 'bgp-router-id': return { kind: 'bgp-router-id', id: ipv4Arg(val, 'bgp-router-id') };
    case 'member-asn': return { kind: 'member-asn', asn: u32Arg(val, 'member-asn') };
    case 'tlv': return rawTlvArg(val);
  }
  return undefined;
}

function descriptorCode(d: NodeDescriptor): number {
  switch (d.kind) {
    case 'as': return TLV.AS;
    case 'bgp-ls-id': return TLV.BGP_LS_ID;
    case 'ospf-area-id': return TLV.OSPF_AREA_ID;
    case 'igp-router-id': return TLV.IGP_ROUTER_ID;
    case 'bgp-router-id': return TLV.BGP_ROUTER_ID;
    case 'member-asn': return TLV.MEMBER_ASN;
    case 'srv6-sid': return TLV.SRV6_SID;
    case 'tlv': return d.type;
  }
}

export function tlvCode(t: LsTlv): number {
  switch (t.kind) {
    case 'local-node': return TLV.LOCAL_NODE;
    case 'remote-node': return TLV.REMOTE_NODE;
    case 'link-id': return TLV.LINK_ID;
    case 'ipv4-interface': return TLV.IPV4_INTERFACE;
    case 'ipv4-neighbor': return TLV.IPV4_NEIGHBOR;
    case 'ipv6-interface': return TLV.IPV6_INTERFACE;
    case 'ipv6-neighbor': return TLV.IPV6_NEIGHBOR;
    case 'mt-id': return TLV.MT_ID;
    case 'ospf-route-type': return TLV.OSPF_ROUTE_TYPE;
    case 'ip-reachability': return TLV.IP_REACHABILITY;
    case 'srv6-sid': return TLV.SRV6_SID;
    case 'sr-policy-cp': return TLV.SR_POLICY_CP;
    case 'af-link': return TLV.AF_LINK;
    case 'tlv': return t.type;
  }
}

const CP_KEYS = ['protocol-origin', 'endpoint', 'color', 'originator-asn', 'originator-address', 'discriminator'] as const;

function cpFromArgs(cp: Map<string, string>): LsTlv {
  for (const k of CP_KEYS) if (!cp.has(k)) argsError(`missing ${k}: an sr-policy-cp NLRI needs ${CP_KEYS.join(', ')}`);
  const addr = (k: string): Uint8Array => {
    const a = parseAddr(cp.get(k)!);
    if (typeof a === 'string') argsError(`invalid ${k}: ${a}`);
    return a.bytes;
  };
  const endpoint = addr('endpoint');
  const originator = addr('originator-address');
  return {
    kind: 'sr-policy-cp',
    protocolOrigin: uintArg(cp.get('protocol-origin')!, 8, 'protocol-origin'),
    flags: (endpoint.length === 16 ? 0x80 : 0) | (originator.length === 16 ? 0x40 : 0),
    reserved: 0,
    endpoint,
    color: u32Arg(cp.get('color')!, 'color'),
    originatorAsn: u32Arg(cp.get('originator-asn')!, 'originator-asn'),
    originator,
    discriminator: u32Arg(cp.get('discriminator')!, 'discriminator'),
  };
}

function afArg(s: string): number {
  if (s === 'ipv4') return 1;
  if (s === 'ipv6') return 2;
  return uintArg(s, 8, 'address-family');
}

/**
 * Sort `items` (this parser's own lists) by `code` in place, equal codes keeping their order: an
 * insertion sort, since the lists hold a few items, usually already in order.
 */
function sortByCode<T>(items: T[], code: (t: T) => number): T[] {
  for (let i = 1; i < items.length; i++) {
    const x = items[i]!;
    const c = code(x);
    let j = i - 1;
    for (; j >= 0 && code(items[j]!) > c; j--) items[j + 1] = items[j]!;
    items[j + 1] = x;
  }
  return items;
}

/** Parse encode-nlri tokens for `bgp-ls/bgp-ls` (vpn false) or `bgp-ls/bgp-ls-vpn` (vpn true). */
export function nlriFromArgs(args: readonly string[], vpn: boolean): BgpLsNlri {
  const kind = args[0] as LsNlriKind | undefined;
  if (kind === undefined) argsError(`missing NLRI type: want one of ${KINDS.join(', ')}`);
  if (!KINDS.includes(kind)) argsError(`unknown NLRI type ${JSON.stringify(kind)}: want one of ${KINDS.join(', ')}`);
  let protocolId: number | undefined;
  let identifier = 0n;
  let rd: Uint8Array | undefined;
  const local: NodeDescriptor[] = [];
  const remote: NodeDescriptor[] = [];
  const tlvs: LsTlv[] = [];
  let mt: number[] | undefined;
  const cp = new Map<string, string>();
  const isLink = kind === 'link';
  for (let i = 1; i < args.length; i += 2) {
    const key = args[i]!;
    const val = args[i + 1];
    if (val === undefined) argsError(`missing value for ${key}`);
    switch (key) {
      case 'protocol': protocolId = protocolArg(val); continue;
      case 'identifier': identifier = u64Arg(val, 'identifier'); continue;
      case 'rd':
        if (!vpn) argsError('rd is only valid for bgp-ls/bgp-ls-vpn');
        rd = parseRd(val);
        continue;
      case 'tlv': tlvs.push(rawTlvArg(val)); continue;
      case 'mt-id':
        if (kind === 'node' || kind === 'sr-policy-cp') break;
        if (mt === undefined) tlvs.push({ kind: 'mt-id', ids: (mt = []) });
        mt.push(uintArg(val, 16, 'mt-id'));
        continue;
    }
    if (key.startsWith('remote-')) {
      if (!isLink) argsError(`${key} is only valid for link NLRIs`);
      const d = descriptorArg(key.slice(7), val);
      if (d) {
        remote.push(d);
        continue;
      }
    } else {
      const d = descriptorArg(key.startsWith('local-') ? key.slice(6) : key, val);
      if (d && (key.startsWith('local-') || !isLink)) {
        local.push(d);
        continue;
      }
      if (d) argsError(`${key}: link descriptors need local- or remote- (local-${key})`);
    }
    if (isLink) {
      if (key === 'link-id') {
        const m = /^([0-9]+):([0-9]+)$/.exec(val);
        if (!m) argsError(`invalid link-id ${JSON.stringify(val)}: want <local>:<remote>`);
        tlvs.push({ kind: 'link-id', local: u32Arg(m[1]!, 'link-id'), remote: u32Arg(m[2]!, 'link-id') });
        continue;
      }
      if (key === 'interface-address' || key === 'neighbor-address') {
        const a = parseAddr(val);
        if (typeof a === 'string') argsError(`invalid ${key}: ${a}`);
        const nb = key === 'neighbor-address';
        tlvs.push({ kind: a.v6 ? (nb ? 'ipv6-neighbor' : 'ipv6-interface') : nb ? 'ipv4-neighbor' : 'ipv4-interface', addr: a.bytes });
        continue;
      }
    }
    if (kind === 'prefix-v4' || kind === 'prefix-v6') {
      if (key === 'prefix') {
        const p = parsePrefix(val);
        if (typeof p === 'string') argsError(`invalid prefix: ${p}`);
        if (p.v6 !== (kind === 'prefix-v6')) argsError(`invalid prefix ${val}: ${kind} needs an ${kind === 'prefix-v6' ? 'IPv6' : 'IPv4'} prefix`);
        tlvs.push({ kind: 'ip-reachability', length: p.len, addr: p.bytes.subarray(0, (p.len + 7) >>> 3) });
        continue;
      }
      if (key === 'ospf-route-type') {
        tlvs.push({ kind: 'ospf-route-type', routeType: uintArg(val, 8, 'ospf-route-type') });
        continue;
      }
    }
    if (isLink && key === 'address-family') {
      tlvs.push({ kind: 'af-link', af: afArg(val) });
      continue;
    }
    if (kind === 'sr-policy-cp' && (CP_KEYS as readonly string[]).includes(key)) {
      if (cp.has(key)) argsError(`${key} given twice`);
      cp.set(key, val);
      continue;
    }
    if (kind === 'srv6-sid' && key === 'sid') {
      const a = parseAddr(val);
      if (typeof a === 'string' || !a.v6) argsError(`invalid sid: ${typeof a === 'string' ? a : `${val} is not an IPv6 address`}`);
      tlvs.push({ kind: 'srv6-sid', sid: a.bytes });
      continue;
    }
    argsError(`unknown keyword ${JSON.stringify(key)} for ${kind} NLRI`);
  }
  if (protocolId === undefined) argsError('missing protocol');
  if (vpn && rd === undefined) argsError('missing rd: bgp-ls/bgp-ls-vpn NLRIs carry a route distinguisher');
  tlvs.push({ kind: 'local-node', descriptors: sortByCode(local, descriptorCode) });
  if (isLink) tlvs.push({ kind: 'remote-node', descriptors: sortByCode(remote, descriptorCode) });
  if (kind === 'sr-policy-cp') tlvs.push(cpFromArgs(cp));
  const sorted = sortByCode(tlvs, tlvCode);
  return rd ? { kind, protocolId, identifier, rd, tlvs: sorted } : { kind, protocolId, identifier, tlvs: sorted };
}

function descriptorTokens(d: NodeDescriptor, p: string, out: string[]): void {
  switch (d.kind) {
    case 'as': out.push(p + 'asn', String(d.asn)); return;
    case 'bgp-ls-id': out.push(p + 'bgp-ls-id', String(d.id)); return;
    case 'ospf-area-id': out.push(p + 'ospf-area-id', ipv4ToString(new Uint8Array([d.area >>> 24, d.area >>> 16, d.area >>> 8, d.area]))); return;
    case 'igp-router-id': out.push(p + 'router-id', d.id.length === 4 ? ipv4ToString(d.id) : toHex(d.id).toLowerCase()); return;
    case 'bgp-router-id': out.push(p + 'bgp-router-id', ipv4ToString(d.id)); return;
    case 'member-asn': out.push(p + 'member-asn', String(d.asn)); return;
    // a plain `tlv` is a top-level TLV: sub-TLVs always need their prefix
    case 'srv6-sid': out.push((p || 'local-') + 'tlv', `${TLV.SRV6_SID}:${toHex(d.sid)}`); return;
    case 'tlv': out.push((p || 'local-') + 'tlv', `${d.type}:${toHex(d.value)}`); return;
  }
}

function sortedBy<T>(items: readonly T[], code: (t: T) => number): boolean {
  for (let i = 1; i < items.length; i++) if (code(items[i - 1]!) > code(items[i]!)) return false;
  return true;
}

/**
 * Tokens that `nlriFromArgs` turns back into the same bytes. Only models in the canonical shape
 * `fromArgs` writes can be said this way (TLVs in ascending order, one TLV 256 — and one 257 for a
 * link —, no trailing bytes); anything else is an `invalid-model` error.
 */
export function nlriToArgs(m: BgpLsModel): string[] {
  if (m.kind === 'unparsed') modelError('an unparsed BGP-LS NLRI has no args form');
  if (m.trailing) modelError('an NLRI with bytes after its last TLV has no args form');
  if (!sortedBy(m.tlvs, tlvCode)) modelError('TLVs not in ascending order have no args form');
  const out: string[] = [m.kind, 'protocol', m.protocolId > 0 && m.protocolId < PROTOCOL_NAMES.length ? PROTOCOL_NAMES[m.protocolId]! : String(m.protocolId)];
  if (m.identifier !== 0n) out.push('identifier', m.identifier.toString());
  if (m.rd) out.push('rd', rdToString(m.rd));
  const isLink = m.kind === 'link';
  let locals = 0;
  let remotes = 0;
  let mts = 0;
  let cps = 0;
  for (const t of m.tlvs) {
    switch (t.kind) {
      case 'local-node':
      case 'remote-node': {
        const remote = t.kind === 'remote-node';
        if (remote ? remotes++ : locals++) modelError(`a second TLV ${remote ? 257 : 256} has no args form`);
        if (remote && !isLink) modelError('TLV 257 outside a link NLRI has no args form');
        if (t.trailing) modelError('node descriptors with trailing bytes have no args form');
        if (!sortedBy(t.descriptors, descriptorCode)) modelError('node descriptors not in ascending order have no args form');
        for (const d of t.descriptors) descriptorTokens(d, remote ? 'remote-' : isLink ? 'local-' : '', out);
        continue;
      }
      case 'link-id':
        if (isLink) out.push('link-id', `${t.local}:${t.remote}`);
        else out.push('tlv', `${TLV.LINK_ID}:${hexU32(t.local)}${hexU32(t.remote)}`);
        continue;
      case 'ipv4-interface':
      case 'ipv4-neighbor':
      case 'ipv6-interface':
      case 'ipv6-neighbor':
        if (isLink) out.push(t.kind.endsWith('neighbor') ? 'neighbor-address' : 'interface-address', t.addr.length === 4 ? ipv4ToString(t.addr) : ipv6ToString(t.addr));
        else out.push('tlv', `${tlvCode(t)}:${toHex(t.addr)}`);
        continue;
      case 'mt-id':
        if (m.kind !== 'node' && mts++ === 0 && t.ids.length > 0) for (const id of t.ids) out.push('mt-id', String(id));
        else out.push('tlv', `${TLV.MT_ID}:${t.ids.map((id) => hexU16(id)).join('')}`);
        continue;
      case 'ospf-route-type':
        if (m.kind === 'prefix-v4' || m.kind === 'prefix-v6') out.push('ospf-route-type', String(t.routeType));
        else out.push('tlv', `${TLV.OSPF_ROUTE_TYPE}:${hexU8(t.routeType)}`);
        continue;
      case 'ip-reachability': {
        const v6 = m.kind === 'prefix-v6';
        const n = (t.length + 7) >>> 3;
        if ((m.kind === 'prefix-v4' || v6) && t.length <= (v6 ? 128 : 32)) {
          out.push('prefix', (v6 ? ipv6ToString(t.addr, 0, n) : ipv4ToString(t.addr, 0, n)) + '/' + t.length);
        } else out.push('tlv', `${TLV.IP_REACHABILITY}:${hexU8(t.length)}${toHex(t.addr.subarray(0, n))}`);
        continue;
      }
      case 'srv6-sid':
        if (m.kind === 'srv6-sid') out.push('sid', ipv6ToString(t.sid));
        else out.push('tlv', `${TLV.SRV6_SID}:${toHex(t.sid)}`);
        continue;
      case 'af-link':
        if (isLink) out.push('address-family', t.af === 1 ? 'ipv4' : t.af === 2 ? 'ipv6' : String(t.af));
        else out.push('tlv', `${TLV.AF_LINK}:${hexU8(t.af)}`);
        continue;
      case 'sr-policy-cp': {
        const canonical = (t.flags & 0x3f) === 0 && t.reserved === 0;
        if (m.kind === 'sr-policy-cp' && canonical && cps++ === 0) {
          out.push('protocol-origin', String(t.protocolOrigin));
          out.push('endpoint', t.endpoint.length === 4 ? ipv4ToString(t.endpoint) : ipv6ToString(t.endpoint));
          out.push('color', String(t.color), 'originator-asn', String(t.originatorAsn));
          out.push('originator-address', t.originator.length === 4 ? ipv4ToString(t.originator) : ipv6ToString(t.originator));
          out.push('discriminator', String(t.discriminator));
        } else out.push('tlv', `${TLV.SR_POLICY_CP}:${toHex(tlvBytesOf(t))}`);
        continue;
      }
      case 'tlv':
        out.push('tlv', `${t.type}:${toHex(t.value)}`);
        continue;
    }
  }
  if (m.kind === 'sr-policy-cp' && cps !== 1) modelError('an sr-policy-cp NLRI without one plain TLV 554 has no args form');
  if (locals !== 1 || (isLink && remotes !== 1)) modelError(`an NLRI without exactly one TLV 256${isLink ? ' and one TLV 257' : ''} has no args form`);
  return out;
}

/** A TLV 554's value bytes (what follows its type and length). */
function tlvBytesOf(t: LsTlv): Uint8Array {
  return tlvBytes(t).subarray(4);
}

function hexU8(v: number): string {
  return toHex(new Uint8Array([v]));
}
function hexU16(v: number): string {
  return toHex(new Uint8Array([v >>> 8, v]));
}
function hexU32(v: number): string {
  return toHex(new Uint8Array([v >>> 24, v >>> 16, v >>> 8, v]));
}
