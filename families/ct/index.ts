/**
 * ze-nlri/ct: BGP Classful Transport NLRI, ipv4/classful-transport and ipv6/classful-transport
 * (RFC 9832, SAFI 76; the RFC 8277 labeled VPN layout, code shared with families/vpn), ADD-PATH
 * through the core (RFC 7911).
 */
export { codecs, ipv4ClassfulTransport, ipv6ClassfulTransport, SAFI_CLASSFUL_TRANSPORT } from './codecs.js';
export { samples } from './samples.js';
export { VpnView as ClassfulTransportView, isUnparsed, type VpnNlri as ClassfulTransportNlri, type VpnRoute as ClassfulTransportRoute } from '../vpn/model.js';
export { TRANSPORT_CLASS_TYPE, TRANSPORT_CLASS_NON_TRANSITIVE_TYPE, TRANSPORT_CLASS_RT_SUBTYPE, transportClassRt, readTransportClassRt } from './transport-class.js';
