/**
 * MP_REACH_NLRI (14) and MP_UNREACH_NLRI (15), RFC 4760: codecs, models, and what the update
 * layer and the plugin build routes with (next-hop text, the operation object's members,
 * End-of-RIB, builders).
 */
export { codecs, mpReachNlri, mpUnreachNlri } from './codecs.js';
export { samples } from './samples.js';
export type { MpReach, MpUnreach, NextHop, NextHopKind } from './model.js';
export { decodeMpReach, decodeMpUnreach } from './wire.js';
export { nextHopText, nextHopOf, nextHopFromSpec, isVpnSafi, type NextHopSpec } from './nexthop.js';
export { writeReachMembers, writeUnreachMembers, mpReachJson, mpUnreachJson, mpReachFromJson, mpUnreachFromJson } from './json.js';
export { mpReach, mpReachRaw, mpUnreach, mpUnreachRaw, endOfRib, isEndOfRib } from './build.js';
export { familyText, resolveFamily } from './family.js';
