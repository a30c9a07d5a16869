/**
 * The `l2vpn/evpn` family codec (AFI 25, SAFI 70): RFC 7432, RFC 9136, RFC 8365, RFC 9251,
 * RFC 9572. decode-nlri JSON is always an array (Ze's `jsonMany: 'array'`); with `lossless`
 * (decode-nlri's default) a route that does not parse becomes Ze's `{"parsed":false}` record.
 */
import type { FamilyCodec } from '../../src/registry/family.js';
import { defineFamily } from '../../src/registry/family.js';
import { evpnFromArgs, evpnToArgs } from './args.js';
import { writeRouteJson } from './json.js';
import { toHex } from '../../src/core/hex.js';
import { EthernetAdRoute, IpPrefixRoute, MacIpRoute, type EvpnRoute } from './model.js';
import { decodeRoute, encodeRoute, encodingLength, recoverRoute, routeVerbatim } from './wire.js';

export const evpn: FamilyCodec<EvpnRoute> = defineFamily<EvpnRoute>({
  name: 'l2vpn/evpn',
  afi: 25,
  safi: 70,
  group: 'evpn',
  rfcs: ['RFC 7432', 'RFC 9136', 'RFC 8365', 'RFC 9251', 'RFC 9572'],
  jsonMany: 'array',
  decode: decodeRoute,
  encodingLength,
  encode: encodeRoute,
  verbatim: routeVerbatim,
  json: writeRouteJson,
  fromArgs: evpnFromArgs,
  toArgs: evpnToArgs,
  zeDecodeError: 'no valid EVPN routes decoded',
  recover: (r, start) => recoverRoute(r, start),
  routeKey,
});

/**
 * The route key: RFC 7432 §7.1 (type 1: RD, ESI, Ethernet Tag; the label is an attribute), §7.2
 * (type 2: RD, Ethernet Tag, MAC, IP; ESI and labels are attributes), RFC 9136 §3.1 (type 5: RD,
 * Ethernet Tag, prefix; ESI, gateway and label are attributes). Other types: every octet.
 */
function routeKey(m: EvpnRoute): string {
  if (m instanceof MacIpRoute) return `2 ${m.rdText} ${m.ethernetTag} ${m.macText} ${m.ip ?? ''}`;
  if (m instanceof EthernetAdRoute) return `1 ${m.rdText} ${toHex(m.esi)} ${m.ethernetTag}`;
  if (m instanceof IpPrefixRoute) return `5 ${m.rdText} ${m.ethernetTag} ${m.prefixLength} ${toHex(m.prefixAddr)}`;
  return m.rawHex;
}

export const codecs: readonly FamilyCodec<any>[] = [evpn];
