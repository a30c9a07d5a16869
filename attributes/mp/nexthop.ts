/**
 * The next-hop field of MP_REACH_NLRI (RFC 4760 §3): what each length means, its text, its
 * RFC 7606 §7.11 checks, and the field built from text.
 *
 *   0       none: FlowSpec (RFC 8955 §5, RFC 8956 §3); malformed for other families
 *   4       IPv4
 *   16      IPv6 global (RFC 2545 §3; IPv4 NLRI over IPv6, RFC 8950 §3)
 *   32      IPv6 global + link-local (RFC 2545 §3)
 *   12      RD + IPv4 (RFC 4364 §4.3.2), VPN SAFIs only
 *   24      RD + IPv6 (RFC 4659 §3.2; VPN-IPv4 over IPv6, RFC 8950 §3), VPN SAFIs only
 *   48      RD + IPv6 global + RD + IPv6 link-local (RFC 4659 §3.2.1), VPN SAFIs only
 *   other   raw bytes
 *
 * VPN SAFIs: 128 (RFC 4364), 129 (RFC 6513), 134 (RFC 8955 §8), 72 (BGP-LS-VPN, RFC 9552
 * §5.1, which prepends a zero RD "as per custom"). The RDs "MUST be zero" (RFC 4364 §4.3.2):
 * strict decoding rejects another value; by default it is kept and shown.
 *
 * The kind is a function of the bytes and the SAFI only, so a next hop built from text always
 * reads back as the same kind.
 */
import { NlriError, modelError } from '../../src/core/errors.js';
import { fromHex } from '../../src/core/hex.js';
import { ipv4ToString, ipv6ToString, parseAddr } from '../../src/core/ip.js';
import { parseRd, rdToString } from '../../src/core/rd.js';
import type { Reader } from '../../src/core/reader.js';
import type { NextHop, NextHopKind } from './model.js';

/** SAFIs whose next hop carries a Route Distinguisher. */
export function isVpnSafi(safi: number): boolean {
  return safi === 128 || safi === 129 || safi === 134 || safi === 72;
}

/** SAFIs whose next hop may be empty (FlowSpec, RFC 8955 §5). */
export function isFlowSafi(safi: number): boolean {
  return safi === 133 || safi === 134;
}

const EMPTY = new Uint8Array(0);

function isZero(b: Uint8Array, from: number, to: number): boolean {
  for (let i = from; i < to; i++) if (b[i] !== 0) return false;
  return true;
}

/** The next hop of these bytes (a view is kept, nothing copied) for a family of `safi`. */
export function nextHopOf(bytes: Uint8Array, safi: number): NextHop {
  const n = bytes.length;
  const vpn = isVpnSafi(safi);
  let kind: NextHopKind;
  if (n === 0) kind = 'none';
  else if (n === 4) kind = 'ipv4';
  else if (n === 16) kind = 'ipv6';
  else if (n === 32) kind = 'ipv6-link-local';
  else if (vpn && n === 12) kind = 'vpn-ipv4';
  else if (vpn && n === 24) kind = 'vpn-ipv6';
  else if (vpn && n === 48) kind = 'vpn-ipv6-link-local';
  else kind = 'raw';
  switch (kind) {
    case 'none':
    case 'raw':
      return { kind, bytes };
    case 'ipv4':
      return { kind, bytes, address: ipv4ToString(bytes, 0) };
    case 'ipv6':
      return { kind, bytes, address: ipv6ToString(bytes, 0) };
    case 'ipv6-link-local':
      return { kind, bytes, address: ipv6ToString(bytes, 0), linkLocal: ipv6ToString(bytes, 16) };
    case 'vpn-ipv4':
      return { kind, bytes, rd: bytes.subarray(0, 8), address: ipv4ToString(bytes, 8) };
    case 'vpn-ipv6':
      return { kind, bytes, rd: bytes.subarray(0, 8), address: ipv6ToString(bytes, 8) };
    case 'vpn-ipv6-link-local':
      return { kind, bytes, rd: bytes.subarray(0, 8), address: ipv6ToString(bytes, 8), linkLocal: ipv6ToString(bytes, 32) };
  }
}

/**
 * The `next-hop` text: the (global) address in Go netip form, `no-nexthop` for none, lower-case
 * hex for any other length (Ze's `ze bgp decode` texts; Ze also prints VPN next hops as hex, see
 * docs/attributes/mp.md).
 */
export function nextHopText(nh: NextHop): string {
  if (nh.address !== undefined) return nh.address;
  const b = nh.bytes;
  if (nh.kind === 'none' || b.length === 0) return 'no-nexthop';
  // A hand-made next hop without its address text: read it from the bytes its kind says.
  if (nh.kind === 'ipv4' && b.length >= 4) return ipv4ToString(b, 0);
  if ((nh.kind === 'ipv6' || nh.kind === 'ipv6-link-local') && b.length >= 16) return ipv6ToString(b, 0);
  if (nh.kind === 'vpn-ipv4' && b.length >= 12) return ipv4ToString(b, 8);
  if ((nh.kind === 'vpn-ipv6' || nh.kind === 'vpn-ipv6-link-local') && b.length >= 24) return ipv6ToString(b, 8);
  let s = '';
  for (let i = 0; i < nh.bytes.length; i++) s += nh.bytes[i]!.toString(16).padStart(2, '0');
  return s;
}

/** The RD in front of the link-local address of a 48-octet VPN next hop (RFC 4659 §3.2.1). */
export function linkLocalRd(nh: NextHop): Uint8Array | undefined {
  return nh.kind === 'vpn-ipv6-link-local' ? nh.bytes.subarray(24, 32) : undefined;
}

/** True when the 8 octets are all zero. */
export function rdIsZero(rd: Uint8Array | undefined): boolean {
  return rd === undefined || isZero(rd, 0, rd.length);
}

/** Next-hop lengths RFC 7606 §7.11 "expects" per family (undefined: any nonzero length). */
function expectedLengths(afi: number, safi: number): readonly number[] | undefined {
  if (isFlowSafi(safi)) return [0, 4, 16, 32, 12, 24, 48];
  if (safi === 128 || safi === 129) return afi === 1 ? [12, 24, 48] : [24, 48];
  if (safi === 72) return [12, 24, 48];
  if (afi === 16388 && safi === 71) return [4, 16, 32];
  if (afi === 25 && safi === 70) return [4, 16, 32];
  if ((afi === 1 || afi === 2) && (safi === 1 || safi === 2 || safi === 4)) return afi === 1 ? [4, 16, 32] : [16, 32];
  return undefined;
}

/**
 * Strict checks of a known family's next hop (RFC 7606 §7.11): the length must be one the
 * family expects (zero only for FlowSpec), and the RDs zero (RFC 4364 §4.3.2, RFC 4659 §3.2).
 * `lenAt` is the absolute index of the length octet in `r`, `nhAt` of the first next-hop octet.
 */
export function checkNextHop(r: Reader, nh: NextHop, afi: number, safi: number, lenAt: number, nhAt: number): void {
  const n = nh.bytes.length;
  const ok = expectedLengths(afi, safi);
  if (ok ? !ok.includes(n) : n === 0) {
    r.fail('bad-length', n === 0 ? `next hop length 0: AFI ${afi} SAFI ${safi} needs a next hop (RFC 7606 §7.11)` : `next hop length ${n} is not one AFI ${afi} SAFI ${safi} uses (RFC 7606 §7.11)`, lenAt);
  }
  if (nh.rd && !rdIsZero(nh.rd)) r.fail('bad-value', `next hop route distinguisher ${rdToString(nh.rd)} must be zero (RFC 4364 §4.3.2)`, nhAt);
  const ll = linkLocalRd(nh);
  if (ll && !rdIsZero(ll)) r.fail('bad-value', `link-local next hop route distinguisher ${rdToString(ll)} must be zero (RFC 4659 §3.2.1)`, nhAt + 24);
}

/** A next hop given as text parts (what JSON and the builders carry). */
export interface NextHopSpec {
  /** Global address (IPv4 or IPv6), `no-nexthop`, or lower/upper hex of the whole field. */
  readonly address?: string | undefined;
  /** IPv6 link-local address (32- or 48-octet forms). */
  readonly linkLocal?: string | undefined;
  /** RD text in front of the address for VPN SAFIs (default zero). */
  readonly rd?: string | undefined;
  /** RD text in front of the link-local address (48-octet form; default zero). */
  readonly linkLocalRd?: string | undefined;
}

function addrBytes(text: string, what: string, family: string): { v6: boolean; bytes: Uint8Array } {
  const a = parseAddr(text);
  if (typeof a === 'string') modelError(`${what}: ${a}`, family);
  return a as { v6: boolean; bytes: Uint8Array };
}

function rdBytes(text: string | undefined, family: string): Uint8Array {
  if (text === undefined) return new Uint8Array(8);
  try {
    return parseRd(text, family);
  } catch (e) {
    if (e instanceof NlriError) modelError(`next-hop route distinguisher: ${e.message}`, family);
    throw e;
  }
}

/**
 * The next-hop field from text: `no-nexthop` (or empty) is none; an address is 4 or 16 octets,
 * with its link-local 32; for a VPN SAFI each address gets its RD in front (zero unless given):
 * 12, 24, 48 octets (so an IPv6 next hop for VPN-IPv4 is RFC 8950's 24-octet form). Text with
 * neither `.` nor `:` is the hex of the whole field, taken as is.
 */
export function nextHopFromSpec(spec: string | NextHopSpec, safi: number, family = ''): NextHop {
  const s: NextHopSpec = typeof spec === 'string' ? { address: spec } : spec;
  if (s === null || typeof s !== 'object') modelError('next hop must be text or {address, linkLocal, rd, linkLocalRd}', family);
  const text = s.address ?? '';
  if (typeof text !== 'string') modelError('next-hop must be a string', family);
  const vpn = isVpnSafi(safi);
  if (text === '' || text === 'no-nexthop') {
    if (s.linkLocal !== undefined || s.rd !== undefined) modelError('a link-local address or RD needs a next-hop address', family);
    return nextHopOf(EMPTY, safi);
  }
  if (!text.includes('.') && !text.includes(':')) {
    if (!/^([0-9a-fA-F]{2})+$/.test(text)) modelError(`next-hop ${JSON.stringify(text)} is neither an address nor hex`, family);
    if (s.linkLocal !== undefined || s.rd !== undefined) modelError('a hex next hop is the whole field: no link-local address or RD', family);
    const b = fromHex(text, family);
    if (b.length > 255) modelError('next hop longer than 255 octets', family);
    return nextHopOf(b, safi);
  }
  const g = addrBytes(text, 'next-hop', family);
  const parts: Uint8Array[] = [];
  if (vpn) parts.push(rdBytes(s.rd, family));
  else if (s.rd !== undefined) modelError(`an RD in the next hop is for VPN SAFIs only (SAFI ${safi})`, family);
  parts.push(g.bytes);
  if (s.linkLocal !== undefined) {
    if (!g.v6) modelError('a link-local next hop needs an IPv6 global address (RFC 2545 §3)', family);
    const ll = addrBytes(s.linkLocal, 'next-hop-link-local', family);
    if (!ll.v6) modelError('next-hop-link-local must be an IPv6 address', family);
    if (vpn) parts.push(rdBytes(s.linkLocalRd, family));
    parts.push(ll.bytes);
  } else if (s.linkLocalRd !== undefined) modelError('next-hop-link-local-rd needs next-hop-link-local', family);
  let n = 0;
  for (const p of parts) n += p.length;
  const out = new Uint8Array(n);
  let o = 0;
  for (const p of parts) {
    out.set(p, o);
    o += p.length;
  }
  return nextHopOf(out, safi);
}
