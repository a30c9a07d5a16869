/**
 * `ze-nlri/evpn`: the `l2vpn/evpn` family (RFC 7432, RFC 9136, RFC 8365, RFC 9251, RFC 9572).
 */
export { codecs, evpn } from './codecs.js';
export { samples } from './samples.js';
export * from './model.js';
export * from './build.js';
export { labelFieldValues, labelsOf, type LabelMode, type LabelSpec } from './labels.js';
export { evpnFromArgs, evpnToArgs, parseEsi } from './args.js';
export { writeRouteJson } from './json.js';
export { decodeRoute, recoverRoute } from './wire.js';
