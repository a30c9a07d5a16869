/**
 * The FamilyCodec objects of the VPN multicast group: ipv4/mpls-vpn-multicast (1/129) and
 * ipv6/mpls-vpn-multicast (2/129).
 *
 * RFC 6513 §5.1.1 / RFC 6514 §1 (and RFC 4760 §6, SAFI 129 "Multicast for BGP/MPLS IP VPNs"):
 * SAFI 129 carries VPN-IP routes used for multicast RPF, "with the same encoding as SAFI 128"
 * (RFC 4364 §4.3.4, RFC 4659 §3.2, labels per RFC 8277). The wire, JSON and args forms are the
 * L3VPN group's (families/vpn/), imported, not copied: only the names and the SAFI differ.
 */
import { toHex } from '../../src/core/hex.js';
import { prefixToString } from '../../src/core/prefix.js';
import { rdToString } from '../../src/core/rd.js';
import type { FamilyCodec } from '../../src/registry/family.js';
import { vpnLayoutCodec } from '../vpn/codecs.js';
import { isUnparsed, type VpnNlri, type VpnRoute } from '../vpn/model.js';

/** SAFI 129 (IANA "Multicast for BGP/MPLS IP Virtual Private Networks (VPNs)"). */
export const SAFI_VPN_MULTICAST = 129;

function vpnMulticastCodec(name: string, afi: number, v6: boolean, rfcs: readonly string[]): FamilyCodec<VpnRoute, VpnNlri> {
  // The same decoder as the L3VPN group's, so the same Ze phrase and lossless records.
  return vpnLayoutCodec({
    name,
    afi,
    safi: SAFI_VPN_MULTICAST,
    group: 'vpn-multicast',
    v6,
    rfcs,
    zeLossless: true,
    text: (m) => (isUnparsed(m) ? `unparsed ${toHex(m.raw)}` : `rd ${rdToString(m.rd)} ${prefixToString(m.prefix)} label ${m.labels.join(',')}`),
  });
}

export const ipv4MplsVpnMulticast = vpnMulticastCodec('ipv4/mpls-vpn-multicast', 1, false, ['RFC 6513', 'RFC 6514', 'RFC 4364', 'RFC 8277', 'RFC 7911']);
export const ipv6MplsVpnMulticast = vpnMulticastCodec('ipv6/mpls-vpn-multicast', 2, true, ['RFC 6513', 'RFC 6514', 'RFC 4659', 'RFC 8277', 'RFC 7911']);

export const codecs: readonly FamilyCodec<any>[] = [ipv4MplsVpnMulticast, ipv6MplsVpnMulticast];
