/**
 * The BGP Prefix-SID attribute codec (type 40, optional transitive: RFC 8669 §3).
 *
 * Error handling: RFC 8669 §6: a Prefix-SID attribute that cannot be parsed (shorter than its
 * minimum, a TLV length that does not fit the TLV's constraints, or a TLV running past the
 * attribute) is ignored and not propagated, which it names the RFC 7606 "attribute discard"
 * approach; unknown TLVs are not errors (kept and passed on). RFC 9252 keeps that approach
 * for the SRv6 Service TLVs (a malformed one makes the attribute malformed); a route that needs
 * an SRv6 SID and has none left is then unusable for the service, which is the service's
 * decision, not the codec's. So: attribute-discard.
 */
import { ATTR_OPTIONAL, ATTR_TRANSITIVE, defineAttribute } from '../../src/attributes/attribute.js';
import { prefixSidFromArgs, prefixSidToArgs } from './args.js';
import { prefixSidFromJson, prefixSidJson } from './json.js';
import { PREFIX_SID, type PrefixSid } from './model.js';
import { decodePrefixSid, encodePrefixSid, prefixSidLength } from './wire.js';

export const prefixSidCodec = defineAttribute<PrefixSid>({
  code: PREFIX_SID,
  name: 'prefix-sid',
  group: 'prefix-sid',
  rfcs: ['RFC 8669 §3-§6', 'RFC 9252 §2-§3.2.1'],
  flags: ATTR_OPTIONAL | ATTR_TRANSITIVE,
  onMalformed: 'attribute-discard',
  decode: (r, ctx) => decodePrefixSid(r, ctx.strict),
  encodingLength: (m) => prefixSidLength(m),
  encode: (m, w) => encodePrefixSid(m, w),
  json: (m, j) => prefixSidJson(m, j),
  fromJson: (v) => prefixSidFromJson(v),
  fromArgs: (a) => prefixSidFromArgs(a),
  toArgs: (m) => prefixSidToArgs(m),
  text: (m) => 'prefix-sid ' + prefixSidToArgs(m).join(' '),
});
