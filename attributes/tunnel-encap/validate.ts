/**
 * The TLV-level rules of RFC 9012 §13 and RFC 9830 §2.4 that act on a decoded value (the codec
 * itself keeps every byte, as propagation requires: RFC 9012 §13 "all the sub-TLVs MUST be
 * propagated", RFC 9830 §4.2.3 "MUST NOT alter the SR Policy information"):
 *
 * - RFC 9012 §13: "if a TLV contains a malformed Tunnel Egress Endpoint sub-TLV (as defined in
 *   Section 3.1), the entire TLV MUST be ignored and MUST be removed from the Tunnel Encapsulation
 *   attribute before the route carrying that attribute is distributed"; in an UPDATE of an
 *   AFI/SAFI of §6 (1/1, 2/1, 1/4, 2/4, 1/128, 2/128, 25/70) "a TLV that does not contain exactly
 *   one Tunnel Egress Endpoint sub-TLV MUST be treated as if it contained a malformed" one (§3.1).
 * - RFC 9012 §13: Tunnel Egress Endpoint, Encapsulation, DS, UDP Destination Port, Embedded Label
 *   Handling, MPLS Label Stack and Prefix-SID "MUST NOT occur more than once"; "all but the first
 *   occurrence of each such sub-TLV type MUST be disregarded" (not malformed). RFC 9830 §2.4: for
 *   the single-instance SR Policy sub-TLVs (Preference, Binding SID, ENLP, Priority, the two names;
 *   Weight inside a Segment List) "only the first instance ... is used".
 */
import type { SegmentListSubTlv, SubTlv, Tunnel, TunnelEncap } from './model.js';

/** AFI/SAFI pairs of RFC 9012 §6's first paragraph, where each TLV needs exactly one endpoint. */
export const ENDPOINT_AFI_SAFI: readonly (readonly [number, number])[] = [[1, 1], [2, 1], [1, 4], [2, 4], [1, 128], [2, 128], [25, 70]];

export function endpointRequired(afi: number, safi: number): boolean {
  return ENDPOINT_AFI_SAFI.some(([a, s]) => a === afi && s === safi);
}

/** Why RFC 9012 §13 has this TLV ignored and removed before propagation, or undefined when it stays. */
export function tunnelIgnoredReason(t: Tunnel, opts: { endpointRequired?: boolean } = {}): string | undefined {
  let endpoints = 0;
  for (const s of t.subTlvs) {
    if (s.type !== 6) continue;
    if (s.kind === 'raw') return 'malformed Tunnel Egress Endpoint sub-TLV (RFC 9012 §3.1, §13)';
    endpoints++;
  }
  if (opts.endpointRequired && endpoints !== 1) {
    return `${endpoints} Tunnel Egress Endpoint sub-TLVs where exactly one is required (RFC 9012 §3.1, §13)`;
  }
  return undefined;
}

/** The value with the TLVs RFC 9012 §13 has removed before the route is distributed. */
export function withoutIgnoredTunnels(m: TunnelEncap, opts: { endpointRequired?: boolean } = {}): TunnelEncap {
  return { tunnels: m.tunnels.filter((t) => tunnelIgnoredReason(t, opts) === undefined) };
}

const SINGLE_9012 = new Set([6, 1, 7, 8, 9, 10, 11]);
const SINGLE_9830 = new Set([12, 13, 14, 15, 129, 130]);

/**
 * The sub-TLVs a receiver acts on: later occurrences of single-instance sub-TLVs dropped (RFC 9012
 * §13; RFC 9830 §2.4 for SR Policy TLVs, and the Weight of each Segment List, §2.4.4.1).
 */
export function effectiveSubTlvs(t: Tunnel): SubTlv[] {
  const seen = new Set<number>();
  const out: SubTlv[] = [];
  for (const s of t.subTlvs) {
    const single = SINGLE_9012.has(s.type) || (t.type === 15 && SINGLE_9830.has(s.type));
    if (single) {
      if (seen.has(s.type)) continue;
      seen.add(s.type);
    }
    if (s.kind === 'segment-list') {
      let weight = false;
      const subTlvs: SegmentListSubTlv[] = [];
      for (const x of s.subTlvs) {
        if (x.type === 9) {
          if (weight) continue;
          weight = true;
        }
        subTlvs.push(x);
      }
      out.push(subTlvs.length === s.subTlvs.length ? s : { ...s, subTlvs });
    } else out.push(s);
  }
  return out;
}
