/**
 * The FamilyCodec objects of the CAR group (RFC 9871 "BGP Color-Aware Routing"):
 * ipv4/car (1/83), ipv6/car (2/83), ipv4/vpn-car (1/84), ipv6/vpn-car (2/84).
 */
import { toHex } from '../../src/core/hex.js';
import { maskedPrefixText } from '../../src/core/prefix-text.js';
import { rdToString } from '../../src/core/rd.js';
import type { FamilyCodec } from '../../src/registry/family.js';
import { carFromArgs, carToArgs } from './args.js';
import { carJson } from './json.js';
import { isUnparsed, type CarNlri, type CarRoute } from './model.js';
import { carEncodingLength, decodeCar, encodeCar, recoverCar } from './wire.js';

/** SAFI 83 (IANA "BGP CAR") and 84 ("BGP VPN CAR"). */
export const SAFI_CAR = 83;
export const SAFI_VPN_CAR = 84;

/** The route's identity: its NLRI type and key (RFC 9871: the non-key TLVs are not part of it). */
function routeKey(m: CarRoute): string {
  if (isUnparsed(m)) return toHex(m.raw);
  if (m.key) return `type ${m.nlriType} key ${toHex(m.key)}`;
  const p = m.prefix!;
  return `type ${m.nlriType}${m.rd ? ' rd ' + rdToString(m.rd) : ''} ${maskedPrefixText(m.v6, p.addr, 0, p.len)}${m.color !== undefined ? ' color ' + m.color : ''}`;
}

function carCodec(name: string, afi: number, v6: boolean, vpn: boolean): FamilyCodec<CarRoute, CarNlri> {
  return Object.freeze({
    name,
    afi,
    safi: vpn ? SAFI_VPN_CAR : SAFI_CAR,
    group: 'car',
    rfcs: vpn ? ['RFC 9871', 'RFC 4364', 'RFC 8277', 'RFC 7911'] : ['RFC 9871', 'RFC 8277', 'RFC 7911'],
    jsonMany: 'auto',
    decode: (r, opts) => decodeCar(r, opts, v6, vpn),
    encodingLength: (m) => carEncodingLength(m, v6, vpn, name),
    encode: encodeCar,
    json: carJson,
    fromArgs: (args) => carFromArgs(args, v6, vpn, name),
    toArgs: carToArgs,
    recover: (r, start) => recoverCar(r, start),
    routeKey,
    text: (m) => (isUnparsed(m) ? `unparsed ${toHex(m.raw)}` : routeKey(m) + (m.tlvs.length ? ` tlvs ${m.tlvs.length}` : '')),
  } satisfies FamilyCodec<CarRoute, CarNlri>);
}

export const ipv4Car = carCodec('ipv4/car', 1, false, false);
export const ipv6Car = carCodec('ipv6/car', 2, true, false);
export const ipv4VpnCar = carCodec('ipv4/vpn-car', 1, false, true);
export const ipv6VpnCar = carCodec('ipv6/vpn-car', 2, true, true);

export const codecs: readonly FamilyCodec<any>[] = [ipv4Car, ipv6Car, ipv4VpnCar, ipv6VpnCar];
