/**
 * Builders of extended-community models for origination (RFC 4360 §4-5, RFC 5668, RFC 8955 §7,
 * draft-ietf-idr-flowspec-redirect-ip, RFC 7432 §7.5-7.8, RFC 9135 §8.1, RFC 8214 §3.1,
 * RFC 9012 §4.1/§4.3, RFC 5701, RFC 8956 §6.1). Text arguments use the args grammar
 * (extended-args.ts); errors are `NlriError('invalid-args')` for text, `'invalid-model'` for numbers.
 */
import { argsError, modelError } from '../../src/core/errors.js';
import { ipv6ToString, parseAddr } from '../../src/core/ip.js';
import type {
  Color,
  DefaultGateway,
  Encapsulation,
  EsImportRt,
  EsiLabel,
  ExtendedCommunity,
  Ipv6ExtendedCommunity,
  L2Attributes,
  MacMobility,
  Redirect,
  RedirectIp,
  RouteOrigin,
  RouteTarget,
  RouterMac,
  TrafficAction,
  TrafficMarking,
  TrafficRate,
} from './model.js';
import { extendedTok, tunnelTok } from './extended-args.js';
import { extendedBytes } from './extended-wire.js';

function check(c: ExtendedCommunity): ExtendedCommunity {
  extendedBytes(c); // validates every field
  return c;
}

function admin(kw: string, rt: string): ExtendedCommunity {
  return extendedTok([kw + ':' + rt], 0)[0];
}

/** `routeTarget('65000:100')`, `'192.0.2.1:7'`, `'4200000000:7'`, `'65000L:7'` (4-octet form). */
export function routeTarget(rt: string): RouteTarget {
  return admin('target', rt) as RouteTarget;
}

export function routeOrigin(ro: string): RouteOrigin {
  return admin('origin', ro) as RouteOrigin;
}

/** RFC 8955 §7.4 rt-redirect to the VRF importing route target `rt` (`'65000:1'`, `'192.0.2.1:1'`, ...). */
export function redirect(rt: string): Redirect {
  return admin('redirect', rt) as Redirect;
}

function rate(kind: TrafficRate['kind'], r: number, id: number): TrafficRate {
  if (typeof r !== 'number' || !(r >= 0) || !Number.isFinite(Math.fround(r))) modelError(`${kind}: rate must be a non-negative 32-bit float (RFC 8955 §7.1)`);
  return check({ kind, id, rate: r }) as TrafficRate;
}

/** RFC 8955 §7.1 traffic-rate-bytes; 0 discards. */
export function trafficRate(bytesPerSecond: number, id = 0): TrafficRate {
  return rate('traffic-rate-bytes', bytesPerSecond, id);
}

/** RFC 8955 §7.2 traffic-rate-packets. */
export function trafficRatePackets(packetsPerSecond: number, id = 0): TrafficRate {
  return rate('traffic-rate-packets', packetsPerSecond, id);
}

/** RFC 8955 §7.1: a rate of 0, discard all traffic. */
export function discard(): TrafficRate {
  return trafficRate(0);
}

/** RFC 8955 §7.3 traffic-action. */
export function trafficAction(o: { sample?: boolean; terminal?: boolean } = {}): TrafficAction {
  return { kind: 'traffic-action', sample: o.sample === true, terminal: o.terminal === true };
}

/** RFC 8955 §7.5 traffic-marking (DSCP 0..63). */
export function trafficMarking(dscp: number): TrafficMarking {
  return check({ kind: 'traffic-marking', dscp }) as TrafficMarking;
}

/** Redirect-to-IP (draft-ietf-idr-flowspec-redirect-ip): IPv4 in extended communities, IPv6 in the IPv6 attribute. */
export function redirectIp(ip: string, copy = false): RedirectIp {
  const a = parseAddr(ip);
  if (typeof a === 'string') argsError(`redirectIp: ${a}`);
  return { kind: 'redirect-ip', ip: a.v6 ? ipv6ToString(a.bytes) : ip, copy };
}

/** RFC 7432 §7.7 MAC Mobility. */
export function macMobility(sequence: number, o: { sticky?: boolean } = {}): MacMobility {
  return check({ kind: 'mac-mobility', sequence, sticky: o.sticky === true }) as MacMobility;
}

/** RFC 7432 §7.5 ESI Label (20-bit label). */
export function esiLabel(label: number, o: { singleActive?: boolean } = {}): EsiLabel {
  return check({ kind: 'esi-label', label, singleActive: o.singleActive === true }) as EsiLabel;
}

/** RFC 7432 §7.6 ES-Import Route Target. */
export function esImportRt(mac: string): EsImportRt {
  return extendedTok(['es-import:' + mac], 0)[0] as EsImportRt;
}

/** RFC 9135 §8.1 Router's MAC. */
export function routerMac(mac: string): RouterMac {
  return extendedTok(['router-mac:' + mac], 0)[0] as RouterMac;
}

/** RFC 8214 §3.1 Layer 2 Attributes. */
export function l2Attributes(o: { mtu?: number; primary?: boolean; backup?: boolean; controlWord?: boolean; flowLabel?: boolean }): L2Attributes {
  return check({ kind: 'l2-attributes', mtu: o.mtu ?? 0, primary: o.primary === true, backup: o.backup === true, controlWord: o.controlWord === true, flowLabel: o.flowLabel === true }) as L2Attributes;
}

/** RFC 7432 §7.8 Default Gateway. */
export function defaultGateway(): DefaultGateway {
  return { kind: 'default-gateway' };
}

/** RFC 9012 §4.1 Encapsulation: `'vxlan'`, `'mpls'`, ... or the tunnel type number. */
export function encapsulation(t: string | number): Encapsulation {
  const tunnelType = typeof t === 'number' ? t : tunnelTok(t, 'encapsulation:' + t);
  return check({ kind: 'encapsulation', tunnelType }) as Encapsulation;
}

/** RFC 9012 §4.3 Color, CO bits per RFC 9256 §8.8.1. */
export function color(value: number, colorOnly = 0): Color {
  return check({ kind: 'color', color: value, colorOnly }) as Color;
}

/** RFC 5701 IPv6-address-specific route target `ip:local`. */
export function ipv6RouteTarget(ip: string, local: number): Ipv6ExtendedCommunity {
  const a = parseAddr(ip);
  if (typeof a === 'string' || !a.v6) argsError(`ipv6RouteTarget: not an IPv6 address: ${ip}`);
  if (!Number.isInteger(local) || local < 0 || local > 0xffff) modelError('ipv6RouteTarget: local must be 0..65535');
  return { kind: 'route-target', form: 'ipv6', ip: ipv6ToString(a.bytes), local, transitive: true };
}

/** RFC 8956 §6.1 rt-redirect-ipv6. */
export function ipv6Redirect(ip: string, local: number): Ipv6ExtendedCommunity {
  const rt = ipv6RouteTarget(ip, local) as { ip: string; local: number };
  return { kind: 'redirect', form: 'ipv6', ip: rt.ip, local: rt.local };
}
