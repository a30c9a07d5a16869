/** The FamilyCodec objects of the L3VPN group: ipv4/mpls-vpn (1/128), ipv6/mpls-vpn (2/128). */
import { toHex } from '../../src/core/hex.js';
import { prefixToString } from '../../src/core/prefix.js';
import { rdToString } from '../../src/core/rd.js';
import type { FamilyCodec } from '../../src/registry/family.js';
import { vpnFromArgs, vpnToArgs } from './args.js';
import { vpnJson } from './json.js';
import { isUnparsed, type VpnRoute } from './model.js';
import { decodeVpn, encodeVpn, recoverVpn, vpnEncodingLength } from './wire.js';

function vpnCodec(name: string, afi: number, v6: boolean, rfcs: readonly string[]): FamilyCodec<VpnRoute> {
  return Object.freeze({
    name,
    afi,
    safi: 128,
    group: 'vpn',
    rfcs,
    jsonMany: 'auto',
    decode: (r, opts) => decodeVpn(r, opts, v6),
    encodingLength: (m) => vpnEncodingLength(m, v6, name),
    encode: encodeVpn,
    json: vpnJson,
    fromArgs: (args) => vpnFromArgs(args, v6, name),
    toArgs: vpnToArgs,
    // Ze: an empty input is the only decode-nlri error; bad bytes give `parsed:false` records.
    zeDecodeError: 'no valid VPN routes decoded',
    recover: (r, start) => recoverVpn(r, start),
    // RFC 4364 §4.3.4 / RFC 8277 §2.4: a VPN route is its RD and prefix; labels are not part of it.
    routeKey: (m) => (isUnparsed(m) ? toHex(m.raw) : `${rdToString(m.rd)} ${prefixToString(m.prefix)}`),
  } satisfies FamilyCodec<VpnRoute>);
}

export const ipv4MplsVpn = vpnCodec('ipv4/mpls-vpn', 1, false, ['RFC 4364', 'RFC 8277', 'RFC 7911']);
export const ipv6MplsVpn = vpnCodec('ipv6/mpls-vpn', 2, true, ['RFC 4659', 'RFC 4364', 'RFC 8277', 'RFC 7911']);

export const codecs: readonly FamilyCodec<any>[] = [ipv4MplsVpn, ipv6MplsVpn];
