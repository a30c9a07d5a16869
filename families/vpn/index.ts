/**
 * ze-nlri/vpn: BGP/MPLS IP VPN NLRI, ipv4/mpls-vpn (RFC 4364) and ipv6/mpls-vpn (RFC 4659),
 * labels per RFC 8277, ADD-PATH through the core (RFC 7911).
 */
export { codecs, ipv4MplsVpn, ipv6MplsVpn } from './codecs.js';
export { samples } from './samples.js';
export { VpnView, isUnparsed, type VpnNlri, type VpnUnparsed, type VpnRoute } from './model.js';
export { decodeVpn, type VpnDecodeOptions } from './wire.js';
export type { LabelDecodeOptions } from '../../src/core/label-scan.js';
