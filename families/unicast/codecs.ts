/**
 * The FamilyCodec objects of the unicast group: ipv4/unicast (1/1), ipv6/unicast (2/1),
 * ipv4/multicast (1/2), ipv6/multicast (2/2). RFC 4271 §4.3, RFC 4760 §5-§6, RFC 2545,
 * ADD-PATH through the core (RFC 7911).
 *
 * Ze decodes these families itself: the plugin must never claim them from Ze (they are for
 * MP_REACH/MP_UNREACH decoding and origination inside ze-nlri).
 */
import { defineFamily, type FamilyCodec } from '../../src/registry/family.js';
import { unicastFromArgs, unicastFromZeJson, unicastToArgs } from './args.js';
import { unicastJson, unicastPrefixText, unicastRouteKey } from './json.js';
import type { UnicastNlri } from './model.js';
import { decodeUnicast, encodeUnicast, unicastEncodingLength } from './wire.js';

function unicastCodec(name: string, afi: number, safi: number, rfcs: string[]): FamilyCodec<UnicastNlri> {
  const v6 = afi === 2;
  return defineFamily<UnicastNlri>({
    name,
    afi,
    safi,
    group: 'unicast',
    rfcs,
    decode: (r) => decodeUnicast(r, v6),
    encodingLength: (m) => unicastEncodingLength(m, v6, name),
    encode: encodeUnicast,
    json: unicastJson,
    fromArgs: (args) => unicastFromArgs(args, v6, name),
    toArgs: unicastToArgs,
    fromZeJson: (value) => unicastFromZeJson(value, v6, name),
    text: unicastPrefixText,
    // RFC 4271 §4.3: the bits after the length are irrelevant, so they are not part of the route.
    routeKey: unicastRouteKey,
  });
}

export const ipv4Unicast = unicastCodec('ipv4/unicast', 1, 1, ['RFC 4271', 'RFC 4760', 'RFC 7911']);
export const ipv6Unicast = unicastCodec('ipv6/unicast', 2, 1, ['RFC 4760', 'RFC 2545', 'RFC 7911']);
export const ipv4Multicast = unicastCodec('ipv4/multicast', 1, 2, ['RFC 4760', 'RFC 4271', 'RFC 7911']);
export const ipv6Multicast = unicastCodec('ipv6/multicast', 2, 2, ['RFC 4760', 'RFC 2545', 'RFC 7911']);

export const codecs: readonly FamilyCodec<any>[] = [ipv4Unicast, ipv6Unicast, ipv4Multicast, ipv6Multicast];
