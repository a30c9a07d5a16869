/**
 * Valid VPN multicast models (SAFI 129, RFC 6513 §5.1.1): the SAFI 128 layout, so the L3VPN
 * arbitraries (vpn.ts, RFC 4364 §4.3.4, RFC 4659 §3.2, RFC 8277 §2.3-2.4) serve unchanged.
 */
import { vpnArb } from './vpn.js';

export const arbitraries = {
  'ipv4/mpls-vpn-multicast': vpnArb(false),
  'ipv6/mpls-vpn-multicast': vpnArb(true),
};
