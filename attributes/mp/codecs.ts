/**
 * The AttributeCodec objects: MP_REACH_NLRI (14) and MP_UNREACH_NLRI (15), RFC 4760 §3-§4.
 *
 * Flags: optional, non-transitive (RFC 4760 §3, §4). RFC 7606 §7.11 / §5.3: an MP_REACH or
 * MP_UNREACH that cannot be parsed (next-hop length, NLRI field) leaves nothing reliable to
 * withdraw: "session reset" or "AFI/SAFI disable" (RFC 4760 §7) MUST be used; ze-nlri reports
 * 'session-reset', the update layer may disable the AFI/SAFI instead when it can.
 */
import { ATTR_OPTIONAL, defineAttribute, type AttributeCodec } from '../../src/attributes/attribute.js';
import { mpReachFromJson, mpReachJson, mpUnreachFromJson, mpUnreachJson } from './json.js';
import type { MpReach, MpUnreach } from './model.js';
import { decodeMpReach, decodeMpUnreach, encodeMpReach, encodeMpUnreach, mpReachEncodingLength, mpUnreachEncodingLength } from './wire.js';

export const mpReachNlri: AttributeCodec<MpReach> = defineAttribute<MpReach>({
  code: 14,
  name: 'mp-reach-nlri',
  group: 'mp',
  rfcs: ['RFC 4760 §3', 'RFC 7606 §7.11', 'RFC 2545 §3', 'RFC 4364 §4.3.2', 'RFC 4659 §3.2', 'RFC 8950 §3', 'RFC 8955 §5', 'RFC 7911'],
  flags: ATTR_OPTIONAL,
  onMalformed: 'session-reset',
  decode: (r, ctx) => decodeMpReach(r, ctx),
  encodingLength: (m) => mpReachEncodingLength(m),
  encode: (m, w) => encodeMpReach(m, w),
  json: mpReachJson,
  fromJson: mpReachFromJson,
});

export const mpUnreachNlri: AttributeCodec<MpUnreach> = defineAttribute<MpUnreach>({
  code: 15,
  name: 'mp-unreach-nlri',
  group: 'mp',
  rfcs: ['RFC 4760 §4', 'RFC 4724 §2', 'RFC 7606 §5.3', 'RFC 8277 §2.4', 'RFC 7911'],
  flags: ATTR_OPTIONAL,
  onMalformed: 'session-reset',
  decode: (r, ctx) => decodeMpUnreach(r, ctx),
  encodingLength: (m) => mpUnreachEncodingLength(m),
  encode: (m, w) => encodeMpUnreach(m, w),
  json: mpUnreachJson,
  fromJson: mpUnreachFromJson,
});

export const codecs: readonly AttributeCodec<any>[] = [mpReachNlri, mpUnreachNlri];
