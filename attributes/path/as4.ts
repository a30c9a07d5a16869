/**
 * RFC 6793 §4.2: AS path information across 2-octet (OLD) speakers.
 *
 * - `mergeAs4Path` (§4.2.3): the AS path a NEW speaker builds from the AS_PATH and AS4_PATH it
 *   received from an OLD speaker; `resolveAs4` adds the AGGREGATOR / AS4_AGGREGATOR rule.
 * - `splitForOldSpeaker` (§4.2.2): the AS_PATH (AS_TRANS for non-mappable ASNs) and the AS4_PATH
 *   a NEW speaker sends to an OLD one, and the same for the aggregator.
 * Path lengths count as RFC 4271 §9.1.2.2 (an AS_SET is 1) and RFC 5065 §5.3 (confederation
 * segments are 0). The codecs never apply these rules by themselves: the update layer chooses to.
 */
import { AS_CONFED_SEQUENCE, AS_CONFED_SET, AS_SEQUENCE, AS_SET, AS_TRANS, type Aggregator, type AsPath, type AsPathSegment } from './model.js';
import { asPathLength } from './wire-aspath.js';

const isConfed = (s: AsPathSegment): boolean => s.type === AS_CONFED_SEQUENCE || s.type === AS_CONFED_SET;

/** The AS4_PATH without confederation segments (RFC 6793 §6: a receiver discards them). */
export function withoutConfed(p: AsPath): AsPath {
  return p.segments.some(isConfed) ? { segments: p.segments.filter((s) => !isConfed(s)) } : p;
}

/** RFC 6793 §4.2.3: the AS path from a received AS_PATH (2-octet) and AS4_PATH. */
export function mergeAs4Path(asPath: AsPath, as4Path: AsPath | undefined): AsPath {
  if (!as4Path) return asPath;
  const as4 = withoutConfed(as4Path);
  const n2 = asPathLength(asPath);
  const n4 = asPathLength(as4);
  // "If the number of AS numbers in the AS_PATH attribute is less than the number of AS numbers
  // in the AS4_PATH attribute, then the AS4_PATH attribute SHALL be ignored".
  if (n2 < n4) return asPath;
  let need = n2 - n4;
  const lead: AsPathSegment[] = [];
  const segs = asPath.segments;
  for (let i = 0; i < segs.length; i++) {
    const s = segs[i]!;
    if (isConfed(s)) {
      // "a valid AS_CONFED_SEQUENCE or AS_CONFED_SET path segment SHALL be prepended if it is
      // either the leading path segment or is adjacent to a path segment that is prepended."
      if (need > 0 || i === 0 || lead.length === i) {
        lead.push(s);
        continue;
      }
      break;
    }
    if (need === 0) break;
    if (s.type === AS_SET) {
      lead.push(s);
      need -= 1;
    } else if (s.asns.length <= need) {
      lead.push(s);
      need -= s.asns.length;
    } else {
      lead.push({ type: s.type, asns: s.asns.slice(0, need) });
      need = 0;
      break;
    }
  }
  return { segments: joinSequences([...lead, ...as4.segments]) };
}

/** Adjacent AS_SEQUENCE segments joined while they fit one segment (255 ASNs). */
function joinSequences(segs: AsPathSegment[]): AsPathSegment[] {
  const out: AsPathSegment[] = [];
  for (const s of segs) {
    const last = out[out.length - 1];
    if (last && last.type === AS_SEQUENCE && s.type === AS_SEQUENCE && last.asns.length + s.asns.length <= 255) {
      out[out.length - 1] = { type: AS_SEQUENCE, asns: [...last.asns, ...s.asns] };
    } else {
      out.push(s);
    }
  }
  return out;
}

export interface As4Resolved {
  readonly asPath: AsPath;
  readonly aggregator: Aggregator | undefined;
}

/**
 * RFC 6793 §4.2.3 in full: when AGGREGATOR is present and not AS_TRANS, AS4_AGGREGATOR and
 * AS4_PATH are ignored; otherwise AS4_AGGREGATOR is the aggregator and the path is merged.
 */
export function resolveAs4(asPath: AsPath, aggregator: Aggregator | undefined, as4Path: AsPath | undefined, as4Aggregator: Aggregator | undefined): As4Resolved {
  if (aggregator && as4Aggregator && aggregator.asn !== AS_TRANS) return { asPath, aggregator };
  return { asPath: mergeAs4Path(asPath, as4Path), aggregator: as4Aggregator ?? aggregator };
}

export interface OldSpeakerAttrs {
  /** AS_PATH for the 2-octet session: non-mappable ASNs replaced by AS_TRANS. */
  readonly asPath: AsPath;
  /** AS4_PATH, only when some ASN is non-mappable; no confederation segments. */
  readonly as4Path: AsPath | undefined;
  readonly aggregator: Aggregator | undefined;
  readonly as4Aggregator: Aggregator | undefined;
}

/** RFC 6793 §4.2.2: what a NEW speaker sends to an OLD speaker for this AS path and aggregator. */
export function splitForOldSpeaker(path: AsPath, aggregator?: Aggregator): OldSpeakerAttrs {
  let nonMappable = false;
  const segments = path.segments.map((s) => {
    if (!s.asns.some((a) => a > 0xffff)) return s;
    nonMappable = true;
    return { type: s.type, asns: s.asns.map((a) => (a > 0xffff ? AS_TRANS : a)) };
  });
  const big = aggregator !== undefined && aggregator.asn > 0xffff;
  return {
    asPath: nonMappable ? { segments } : path,
    as4Path: nonMappable ? withoutConfed(path) : undefined,
    aggregator: big ? { asn: AS_TRANS, address: aggregator.address } : aggregator,
    as4Aggregator: big ? aggregator : undefined,
  };
}
