/**
 * ze-nlri/vpn-multicast: SAFI 129, VPN-IP routes for multicast in BGP/MPLS IP VPNs (RFC 6513
 * §5.1.1, RFC 6514 §1) with the SAFI 128 layout (RFC 4364, RFC 4659, RFC 8277), ADD-PATH through
 * the core (RFC 7911). The model, wire, JSON and args code is the L3VPN group's.
 */
export { codecs, ipv4MplsVpnMulticast, ipv6MplsVpnMulticast, SAFI_VPN_MULTICAST } from './codecs.js';
export { samples } from './samples.js';
export { VpnView, isUnparsed, type VpnNlri, type VpnUnparsed, type VpnRoute } from '../vpn/model.js';
