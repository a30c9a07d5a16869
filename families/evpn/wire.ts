/**
 * EVPN NLRI bytes → route views, and back.
 *
 * RFC 7432 §7: `Route Type (1) | Length (1) | Route Type Specific (Length octets)`.
 * RFC 7432 §7.1-7.4 (types 1-4), RFC 9136 §3.1 (type 5), RFC 9251 §9.1-9.3 (types 6-8),
 * RFC 9572 §3.1-3.3 (types 9-11). Any other type is kept as raw bytes (RFC 7432 §7: a speaker
 * ignores route types it does not know; ze-nlri keeps them so they re-encode byte for byte).
 *
 * Where Ze tolerates what the RFC calls malformed, the default follows Ze and `strict` rejects
 * it (label octets other than the RFC's count, octets after a type 3/4 originator). Where Ze
 * misreads the bytes, the RFC wins (docs/ze-compat.md, section evpn): label fields need no
 * bottom-of-stack bit; a type 2 IP length or a type 4 originator length other than 0/32/128 is
 * an error, not "no address".
 *
 * Validation happens here, once; the route classes then read fields without checks.
 */
import { modelError } from '../../src/core/errors.js';
import type { Reader } from '../../src/core/reader.js';
import type { Writer } from '../../src/core/writer.js';
import { isByteWindow, windowSpan, type DecodeOptions, type WireSpan } from '../../src/registry/family.js';
import { labelMode } from './labels.js';
import {
  EthernetAdRoute,
  EvpnRouteBase,
  EthernetSegmentRoute,
  InclusiveMulticastRoute,
  IpPrefixRoute,
  JoinSynchRoute,
  LeafAdRoute,
  LeaveSynchRoute,
  MacIpRoute,
  PerRegionIpmsiRoute,
  RawRoute,
  SmetRoute,
  SpmsiRoute,
  type EvpnRoute,
} from './model.js';

/** Octets of an address whose length field (in bits) is `bits`; -1 when not 0/32/128 or not allowed. */
function addrBytes(bits: number, zeroOk: boolean): number {
  if (bits === 32) return 4;
  if (bits === 128) return 16;
  if (bits === 0 && zeroOk) return 0;
  return -1;
}

/**
 * Read an `Length (bits) | Address` field at `off` (within `[.., end)`); returns the offset after
 * it. Fails with the field's name.
 */
function addrField(r: Reader, off: number, end: number, what: string, zeroOk: boolean): number {
  if (off >= end) r.fail('truncated', `${what} length missing`, off);
  const bits = r.buf[off]!;
  const n = addrBytes(bits, zeroOk);
  if (n < 0) r.fail('bad-value', `${what} length ${bits}: must be ${zeroOk ? '0, ' : ''}32 or 128 bits`, off);
  if (off + 1 + n > end) r.fail('truncated', `${what} needs ${n} octets, ${end - off - 1} left`, off + 1);
  return off + 1 + n;
}

function need(r: Reader, type: number, p: number, end: number, min: number): void {
  if (end - p < min) r.fail('truncated', `route type ${type}: payload of ${end - p} octets, at least ${min} needed`, p);
}

function exact(r: Reader, type: number, at: number, end: number): void {
  if (at !== end) r.fail('bad-length', `route type ${type}: ${end - at} octets after the last field`, at);
}

/**
 * A fixed-size last field of `size` octets at `at`, which must end the route: a route that stops
 * before it is `truncated` at the field (never an offset past the route or a negative count).
 */
function lastField(r: Reader, type: number, at: number, size: number, what: string, end: number): void {
  if (at + size > end) r.fail('truncated', `route type ${type}: ${what} needs ${size} octet${size === 1 ? '' : 's'}, ${end - at} left`, at);
  exact(r, type, at + size, end);
}

/** The multicast source/group/originator run shared by types 6, 7, 8 and 10. */
function multicastFields(r: Reader, type: number, srcLenOff: number, end: number): [number, number, number] {
  const groupOff = addrField(r, srcLenOff, end, `route type ${type}: multicast source`, true);
  const originatorOff = addrField(r, groupOff, end, `route type ${type}: multicast group`, true);
  const after = addrField(r, originatorOff, end, `route type ${type}: originator router`, false);
  return [groupOff, originatorOff, after];
}

/** Decode one route at `r.pos`; leaves `r.pos` after it. */
export function decodeRoute(r: Reader, opts: DecodeOptions): EvpnRoute {
  const start = r.pos;
  const type = r.u8('EVPN route type');
  const len = r.u8('EVPN route length');
  // The field's name is built only when `limit` is going to fail with it.
  const old = r.limit(len, len > r.end - r.pos ? `EVPN route type ${type} length` : undefined);
  const m = decodeBody(r, type, start, start + 2, start + 2 + len, opts.strict === true);
  r.restore(old);
  return m;
}

function decodeBody(r: Reader, type: number, start: number, p: number, end: number, strict: boolean): EvpnRoute {
  const b = r.buf;
  switch (type) {
    case 1: {
      need(r, 1, p, end, 22);
      return new EthernetAdRoute(b, start, end, labelMode(r, 1, p + 22, end, strict));
    }
    case 2: {
      need(r, 2, p, end, 30);
      if (b[p + 22] !== 48) r.fail('bad-value', `route type 2: MAC address length ${b[p + 22]}, must be 48`, p + 22);
      const ipEnd = addrField(r, p + 29, end, 'route type 2: IP address', true);
      return new MacIpRoute(b, start, end, labelMode(r, 2, ipEnd, end, strict));
    }
    case 3: {
      need(r, 3, p, end, 13);
      const after = addrField(r, p + 12, end, 'route type 3: originating router IP', false);
      if (strict) exact(r, 3, after, end);
      return new InclusiveMulticastRoute(b, start, end);
    }
    case 4: {
      need(r, 4, p, end, 19);
      const after = addrField(r, p + 18, end, 'route type 4: originating router IP', false);
      if (strict) exact(r, 4, after, end);
      return new EthernetSegmentRoute(b, start, end);
    }
    case 5: {
      const n = end - p;
      if (n !== 34 && n !== 58) r.fail('bad-length', `route type 5: payload of ${n} octets, must be 34 (IPv4) or 58 (IPv6)`, p);
      const max = n === 34 ? 32 : 128;
      if (b[p + 22]! > max) r.fail('bad-length', `route type 5: prefix length ${b[p + 22]} exceeds ${max}`, p + 22);
      return new IpPrefixRoute(b, start, end);
    }
    case 6:
    case 10: {
      need(r, type, p, end, 13);
      const [g, o, after] = multicastFields(r, type, p + 12, end);
      if (type === 6) lastField(r, 6, after, 1, 'flags', end); // RFC 9251 §9.1
      else exact(r, type, after, end);
      return type === 6 ? new SmetRoute(b, start, end, g, o) : new SpmsiRoute(b, start, end, g, o);
    }
    case 7:
    case 8: {
      need(r, type, p, end, 23);
      const [g, o, after] = multicastFields(r, type, p + 22, end);
      // RFC 9251 §9.2: type 7 ends with the flags octet; §9.3: type 8 with sequence number (4), maximum response time (1), flags (1).
      lastField(r, type, after, type === 7 ? 1 : 6, type === 7 ? 'flags' : 'sequence number, maximum response time and flags', end);
      return type === 7 ? new JoinSynchRoute(b, start, end, g, o) : new LeaveSynchRoute(b, start, end, g, o);
    }
    case 9: {
      if (end - p !== 20) r.fail('bad-length', `route type 9: payload of ${end - p} octets, must be 20`, p);
      return new PerRegionIpmsiRoute(b, start, end);
    }
    case 11: {
      need(r, 11, p, end, 2);
      const keyEnd = p + 2 + b[p + 1]!;
      if (keyEnd > end) r.fail('truncated', `route type 11: route key of ${keyEnd - p} octets exceeds the route`, p);
      exact(r, 11, addrField(r, keyEnd, end, "route type 11: originator's address", false), end);
      return new LeafAdRoute(b, start, end);
    }
    default:
      return new RawRoute(b, start, end);
  }
}

/**
 * Ze's lossless record for bytes that do not decode (`{"code":N,"parsed":false,"raw":…}`): the
 * route as its length octet frames it, or every remaining octet when that length runs past the
 * input. A lone octet at the very start of the input is an error, as in Ze (`no valid EVPN
 * routes decoded`); a lone octet after other routes becomes a record of its own (Ze drops it).
 */
export function recoverRoute(r: Reader, start: number): RawRoute | undefined {
  const left = r.end - start;
  if (left <= 0 || (left === 1 && start === r.base)) return undefined;
  const framed = left >= 2 ? start + 2 + r.buf[start + 1]! : r.end;
  const end = framed <= r.end ? framed : r.end;
  r.pos = end;
  return new RawRoute(r.buf, start, end);
}

export function encodingLength(m: EvpnRoute): number {
  if (!isByteWindow(m)) modelError('an EVPN model is a route decoded or built by this codec (a window of bytes inside its buffer)', 'l2vpn/evpn');
  return m.end - m.start;
}

/** `FamilyCodec.verbatim`: every route is a window of bytes, and that window is its encoding. */
export function routeVerbatim(m: EvpnRoute, span: WireSpan): boolean {
  return m instanceof EvpnRouteBase && windowSpan(m, span); // another copy of the package's: measured and written
}

/** A route's bytes are its encoding (every model is a view over valid or raw bytes). */
export function encodeRoute(m: EvpnRoute, w: Writer): void {
  w.range(m.buf, m.start, m.end);
}
