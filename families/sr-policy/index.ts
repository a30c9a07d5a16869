/**
 * ze-nlri/sr-policy: SR Policy NLRI, ipv4/sr-policy and ipv6/sr-policy (RFC 9830 §2.1, SAFI 73),
 * ADD-PATH through the core (RFC 7911). The policy itself is the Tunnel Encapsulation attribute
 * (type 23, tunnel type 15; segment types of RFC 9831): `attributes/tunnel-encap/`.
 */
export { codecs, ipv4SrPolicy, ipv6SrPolicy, SAFI_SR_POLICY } from './codecs.js';
export { samples } from './samples.js';
export type { SrPolicyNlri } from './model.js';
export { decodeSrPolicy, SR_POLICY_BITS_V4, SR_POLICY_BITS_V6 } from './wire.js';
