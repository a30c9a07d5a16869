/**
 * The BGP Prefix-SID attribute codec (type 40, optional transitive: RFC 8669 §3).
 *
 * Error handling: RFC 8669 §6: a Prefix-SID attribute that cannot be parsed (shorter than its
 * minimum, a TLV length that does not fit the TLV's constraints, or a TLV running past the
 * attribute) is ignored and not propagated: RFC 7606 "attribute discard"; unknown TLVs are not
 * errors (kept and passed on). RFC 9252 §7 is stronger for its TLVs: "The treat-as-withdraw
 * action [RFC7606] MUST be performed when at least one malformed SRv6 Service TLV is present".
 * `onMalformed` can hold one action only: it is RFC 8669's; `prefixSidMalformedAction(value,
 * err)` gives the exact one per malformation (treat-as-withdraw inside a type 5/6 TLV).
 */
import { ATTR_OPTIONAL, ATTR_TRANSITIVE, defineAttribute } from '../../src/attributes/attribute.js';
import { prefixSidFromArgs, prefixSidToArgs } from './args.js';
import { prefixSidFromJson, prefixSidJson } from './json.js';
import { PREFIX_SID, type PrefixSid } from './model.js';
import { decodePrefixSid, encodePrefixSid, prefixSidLength, prefixSidMalformedAction } from './wire.js';

export const prefixSidCodec = defineAttribute<PrefixSid>({
  code: PREFIX_SID,
  name: 'prefix-sid',
  group: 'prefix-sid',
  rfcs: ['RFC 8669 §3-§6', 'RFC 9252 §2-§3.2.1, §7'],
  flags: ATTR_OPTIONAL | ATTR_TRANSITIVE,
  onMalformed: 'attribute-discard',
  // RFC 9252 §7: an error inside an SRv6 Service TLV withdraws the routes instead.
  malformedAction: (value, error) => prefixSidMalformedAction(value, error),
  decode: (r) => decodePrefixSid(r),
  encodingLength: (m) => prefixSidLength(m),
  encode: (m, w) => encodePrefixSid(m, w),
  json: (m, j) => prefixSidJson(m, j),
  fromJson: (v) => prefixSidFromJson(v),
  fromArgs: (a) => prefixSidFromArgs(a),
  toArgs: (m) => prefixSidToArgs(m),
  text: (m) => 'prefix-sid ' + prefixSidToArgs(m).join(' '),
});
