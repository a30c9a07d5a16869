/**
 * The BGP-LS attribute (type 29, RFC 9552 §5.3) as a path attribute codec. The TLV codec and Ze's
 * JSON for it already live with the BGP-LS family (families/bgp-ls/attr-*.ts); this puts them in
 * the attribute registry. RFC 9552 §8.2.2: a malformed BGP-LS attribute is discarded
 * (attribute discard), never a reason to withdraw or reset.
 */
import { modelError } from '../../src/core/errors.js';
import { fromHex } from '../../src/core/hex.js';
import { ATTR_OPTIONAL, defineAttribute, type AttributeCodec, type AttributeSample } from '../../src/attributes/attribute.js';
// From the attribute files themselves, not the group's index (whose model builders load zod).
import { bgpLsAttributeLength, decodeBgpLsAttribute, encodeBgpLsAttribute, type BgpLsAttribute } from '../../families/bgp-ls/attr-wire.js';
import { bgpLsAttributeJson } from '../../families/bgp-ls/attr-json.js';

export type { BgpLsAttribute } from '../../families/bgp-ls/attr-wire.js';

export const bgpLsAttribute: AttributeCodec<BgpLsAttribute> = defineAttribute<BgpLsAttribute>({
  code: 29,
  name: 'bgp-ls',
  group: 'bgp-ls',
  rfcs: ['RFC 9552 §5.3', 'RFC 9085', 'RFC 9086', 'RFC 9514'],
  flags: ATTR_OPTIONAL,
  onMalformed: 'attribute-discard',
  lossyJson: true,
  decode(r, ctx) {
    const v = r.bytes(r.end - r.pos, 'BGP-LS attribute');
    return decodeBgpLsAttribute(v, { strict: ctx.strict });
  },
  encodingLength: (m) => bgpLsAttributeLength(m),
  encode(m, w) {
    w.bytes(encodeBgpLsAttribute(m));
  },
  json(m, j) {
    j.raw(bgpLsAttributeJson(m));
  },
  fromJson(value) {
    // Ze's BGP-LS attribute JSON names only some TLVs and drops their raw form: it cannot be
    // turned back into bytes. encode-update takes the value as {"raw":"<hex>"} instead.
    if (value && typeof value === 'object' && typeof (value as { raw?: unknown }).raw === 'string') {
      return decodeBgpLsAttribute(fromHex((value as { raw: string }).raw, 'bgp-ls-attr'), { strict: true });
    }
    return modelError('bgp-ls attribute: give the value as {"raw":"<hex>"} (its JSON form is not reversible)', 'bgp-ls');
  },
});

export const codecs: readonly AttributeCodec<any>[] = [bgpLsAttribute];

export const samples: readonly AttributeSample[] = [];
