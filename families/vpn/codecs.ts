/** The FamilyCodec objects of the L3VPN group: ipv4/mpls-vpn (1/128), ipv6/mpls-vpn (2/128). */
import { toHex } from '../../src/core/hex.js';
import { prefixToString } from '../../src/core/prefix.js';
import { rdToString } from '../../src/core/rd.js';
import type { FamilyCodec } from '../../src/registry/family.js';
import { vpnFromArgs, vpnToArgs } from './args.js';
import { vpnJson } from './json.js';
import { isUnparsed, type VpnNlri, type VpnRoute } from './model.js';
import { decodeVpn, encodeVpn, recoverVpn, vpnEncodingLength, vpnVerbatim } from './wire.js';

/** What a family with the SAFI 128 NLRI layout (RFC 4364 §4.3.4, RFC 8277) sets for itself. */
export interface VpnLayout {
  readonly name: string;
  readonly afi: number;
  readonly safi: number;
  readonly group: string;
  readonly v6: boolean;
  readonly rfcs: readonly string[];
  /** Ze decodes the SAFI with its VPN decoder: its decode-nlri phrase and `parsed:false` records. */
  readonly zeLossless: boolean;
  /** A one-line text form (`decode text nlri`), where the family has one. */
  readonly text?: (m: VpnRoute) => string;
}

/**
 * One codec for every family that carries the SAFI 128 layout (L3VPN, VPN multicast SAFI 129,
 * Classful Transport SAFI 76): the wire, JSON and args of this group, only names and SAFI differ.
 */
export function vpnLayoutCodec(l: VpnLayout): FamilyCodec<VpnRoute, VpnNlri> {
  const { name, v6 } = l;
  return Object.freeze({
    name,
    afi: l.afi,
    safi: l.safi,
    group: l.group,
    rfcs: l.rfcs,
    jsonMany: 'auto',
    decode: (r, opts) => decodeVpn(r, opts, v6),
    encodingLength: (m) => vpnEncodingLength(m, v6, name),
    encode: encodeVpn,
    verbatim: (m, span) => vpnVerbatim(m, v6, span),
    json: vpnJson,
    fromArgs: (args) => vpnFromArgs(args, v6, name),
    toArgs: vpnToArgs,
    // Ze: an empty input is the only decode-nlri error; bad bytes give `parsed:false` records.
    ...(l.zeLossless ? { zeDecodeError: 'no valid VPN routes decoded', recover: (r, start) => recoverVpn(r, start) } : {}),
    // RFC 4364 §4.3.4 / RFC 8277 §2.4: a VPN route is its RD and prefix; labels are not part of it.
    routeKey: (m) => (isUnparsed(m) ? toHex(m.raw) : `${rdToString(m.rd)} ${prefixToString(m.prefix)}`),
    ...(l.text ? { text: l.text } : {}),
  } satisfies FamilyCodec<VpnRoute, VpnNlri>);
}

function vpnCodec(name: string, afi: number, v6: boolean, rfcs: readonly string[]): FamilyCodec<VpnRoute, VpnNlri> {
  return vpnLayoutCodec({ name, afi, safi: 128, group: 'vpn', v6, rfcs, zeLossless: true });
}

export const ipv4MplsVpn = vpnCodec('ipv4/mpls-vpn', 1, false, ['RFC 4364', 'RFC 8277', 'RFC 7911']);
export const ipv6MplsVpn = vpnCodec('ipv6/mpls-vpn', 2, true, ['RFC 4659', 'RFC 4364', 'RFC 8277', 'RFC 7911']);

export const codecs: readonly FamilyCodec<any>[] = [ipv4MplsVpn, ipv6MplsVpn];
