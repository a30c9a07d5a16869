/**
 * ze-nlri/car: BGP Color-Aware Routing (RFC 9871), SAFI 83 (CAR) and 84 (VPN CAR), AFI 1 and 2:
 * typed NLRI with key and non-key TLVs (Label, Label Index, SRv6 SID); ADD-PATH through the
 * core (RFC 7911).
 */
export { codecs, ipv4Car, ipv6Car, ipv4VpnCar, ipv6VpnCar, SAFI_CAR, SAFI_VPN_CAR } from './codecs.js';
export { samples } from './samples.js';
export * from './model.js';
export { decodeCar } from './wire.js';
export { labelsOf, labelIndexOf, srv6Of, tlvProblem, typeCode } from './tlv.js';
