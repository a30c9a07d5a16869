/**
 * The FamilyCodec objects of the Classful Transport group: ipv4/classful-transport (1/76) and
 * ipv6/classful-transport (2/76), RFC 9832.
 *
 * RFC 9832 gives the Classful Transport (CT) SAFI the NLRI layout of RFC 8277 with an RD, as in
 * SAFI 128 (RFC 4364 §4.3.4, RFC 4659 §3.2): length (bits) | label stack (RFC 8277 §2.2-2.3)
 * | Route Distinguisher (8) | Transport Endpoint prefix. The wire, JSON and args code is the VPN
 * family's (`families/vpn/`), imported, not copied: the same RFC 8277 §2.4 withdrawal
 * Compatibility field by direction, the same label-stack checks (RFC 8277 §2.1 Multiple Labels
 * count through `maxLabels`), the same JSON keys (`labels`, `prefix`, `rd`, `withdraw`,
 * `compatibility`) and args (`rd <RD> label <N>... prefix <P> [withdraw 0x…] [path-id <N>]`).
 *
 * What differs from SAFI 128: the SAFI and names; no Ze decode-nlri phrase and no
 * `parsed:false` record (Ze f09f9ac2 has no decoder for SAFI 76: a CT decode error is an NlriError).
 * The Transport Class of the route is not in the NLRI: it is the Transport Class Route Target
 * extended community (RFC 9832; type 0x0A, docs/families/ct.md), an attribute.
 */
import type { FamilyCodec } from '../../src/registry/family.js';
import { vpnLayoutCodec } from '../vpn/codecs.js';
import type { VpnNlri, VpnRoute } from '../vpn/model.js';

/** RFC 9832 (IANA "Classful Transport SAFI"). */
export const SAFI_CLASSFUL_TRANSPORT = 76;

function ctCodec(name: string, afi: number, v6: boolean, rfcs: readonly string[]): FamilyCodec<VpnRoute, VpnNlri> {
  // No Ze decoder for SAFI 76: no Ze phrase, no `parsed:false` records. RFC 9832 (as RFC 4364
  // §4.3.4 / RFC 8277 §2.4): a CT route is its RD and Transport Endpoint, labels aside.
  return vpnLayoutCodec({ name, afi, safi: SAFI_CLASSFUL_TRANSPORT, group: 'ct', v6, rfcs, zeLossless: false });
}

export const ipv4ClassfulTransport = ctCodec('ipv4/classful-transport', 1, false, ['RFC 9832', 'RFC 8277', 'RFC 4364', 'RFC 7911']);
export const ipv6ClassfulTransport = ctCodec('ipv6/classful-transport', 2, true, ['RFC 9832', 'RFC 8277', 'RFC 4659', 'RFC 4364', 'RFC 7911']);

export const codecs: readonly FamilyCodec<any>[] = [ipv4ClassfulTransport, ipv6ClassfulTransport];
