/** `ze-nlri/vpls`: the `l2vpn/vpls` family (RFC 4761 §3.2.2). */
export { codecs, vpls } from './codecs.js';
export { samples } from './samples.js';
export { VplsRoute, type VplsFields } from './model.js';
export { buildVpls, decodeVpls } from './wire.js';
export { vplsFromArgs, vplsToArgs } from './args.js';
export { writeVplsJson } from './json.js';
