/**
 * ze-nlri communities: COMMUNITIES (8, RFC 1997), EXTENDED_COMMUNITIES (16, RFC 4360 and the
 * sub-types of extended-wire.ts), IPv6 Address Specific Extended Community (25, RFC 5701),
 * LARGE_COMMUNITY (32, RFC 8092); builders for origination.
 */
export { codecs, communities, extendedCommunities, ipv6ExtendedCommunities, largeCommunities } from './codecs.js';
export { samples } from './samples.js';
export * from './model.js';
export * from './builders.js';
export { decodeExtended, encodeExtended, extendedBytes } from './extended-wire.js';
export { extendedJson, extendedZeJson, extendedString } from './extended-json.js';
export { extendedsZeJson } from './extended.js';
export { extendedToken } from './extended-args.js';
export { decodeIpv6Extended, encodeIpv6Extended } from './ipv6.js';
export { communityText, parseCommunity, largeText, parseLarge } from './standard.js';
