/**
 * ze-nlri/rtc: Route Target Constraint, ipv4/rtc (RFC 4684), ADD-PATH through the core (RFC 7911).
 */
export { codecs, ipv4Rtc } from './codecs.js';
export { samples } from './samples.js';
export { RtcView, rtOctets, type RtcNlri } from './model.js';
export { decodeRtc } from './wire.js';
export { parseRouteTarget, routeTargetArg } from './args.js';
export { zeRouteTargetText } from './json.js';
