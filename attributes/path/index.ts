/**
 * ze-nlri/attributes/path: the basic path attributes. ORIGIN, AS_PATH, NEXT_HOP, MED,
 * LOCAL_PREF, ATOMIC_AGGREGATE, AGGREGATOR (RFC 4271), ORIGINATOR_ID, CLUSTER_LIST (RFC 4456),
 * AS4_PATH, AS4_AGGREGATOR (RFC 6793), AIGP (RFC 7311), OTC (RFC 9234).
 */
export {
  codecs,
  origin,
  asPath,
  nextHop,
  med,
  localPref,
  atomicAggregate,
  aggregator,
  originatorId,
  clusterList,
  as4Path,
  as4Aggregator,
  aigp,
  otc,
} from './codecs.js';
export { samples } from './samples.js';
export * from './model.js';
export { flatAsns, asPathLength, isPlainSequence, sequencePath, SEGMENT_NAMES } from './wire-aspath.js';
export { mergeAs4Path, resolveAs4, splitForOldSpeaker, withoutConfed, type As4Resolved, type OldSpeakerAttrs } from './as4.js';
import { ipv4ToString } from '../../src/core/ip.js';
import type { NextHop, Origin } from './model.js';

/** The NEXT_HOP address as text (`a.b.c.d`), as the update layer puts it in the ipv4/unicast route list. */
export function nextHopText(m: NextHop): string {
  return ipv4ToString(m.address);
}

/** RFC 7606 §7.1: an ORIGIN the codec decoded (non-strict) that is nevertheless malformed (3..255). */
export function isMalformedOrigin(m: Origin): boolean {
  return m.value > 2;
}
