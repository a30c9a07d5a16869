/**
 * ze-nlri/unicast: ipv4/unicast, ipv6/unicast, ipv4/multicast, ipv6/multicast (RFC 4271 §4.3,
 * RFC 4760), ADD-PATH through the core (RFC 7911). Ze decodes these itself: never claimed by
 * the plugin; used to decode and originate MP_REACH/MP_UNREACH.
 */
export { codecs, ipv4Unicast, ipv6Unicast, ipv4Multicast, ipv6Multicast } from './codecs.js';
export { samples } from './samples.js';
export type { UnicastNlri } from './model.js';
export { decodeUnicast } from './wire.js';
export { unicastPrefixText } from './json.js';
