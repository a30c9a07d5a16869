/**
 * The TUNNEL_ENCAPSULATION attribute codec (type 23, optional transitive: RFC 9012 §2, IANA).
 *
 * onMalformed: RFC 9012 §13 has an attribute whose TLV structure cannot be parsed treated as
 * malformed with the "treat-as-withdraw" approach of RFC 7606; RFC 9830 §5 asks the same for a
 * malformed SR Policy sub-TLV. Ignorable content (unknown tunnel types and sub-TLVs, RFC 9012
 * sub-TLVs that do not fit their layout) never fails: it is kept raw (wire.ts).
 */
import { ATTR_OPTIONAL, ATTR_TRANSITIVE, defineAttribute } from '../../src/attributes/attribute.js';
import { tunnelEncapFromArgs, tunnelEncapToArgs } from './args.js';
import { tunnelEncapFromPlain, tunnelEncapJsonText } from './json.js';
import type { TunnelEncap } from './model.js';
import { decodeTunnelEncap, encodeTunnelEncap, tunnelEncapLength } from './wire.js';

export const TUNNEL_ENCAPSULATION = 23;

export const tunnelEncapCodec = defineAttribute<TunnelEncap>({
  code: TUNNEL_ENCAPSULATION,
  name: 'tunnel-encapsulation',
  group: 'tunnel-encap',
  rfcs: ['RFC 9012 §2-§3, §13', 'RFC 9830 §2.4, §5', 'RFC 9831 §2'],
  flags: ATTR_OPTIONAL | ATTR_TRANSITIVE,
  onMalformed: 'treat-as-withdraw',
  decode: (r) => decodeTunnelEncap(r),
  encodingLength: (m) => tunnelEncapLength(m),
  encode: (m, w) => encodeTunnelEncap(m, w),
  json: (m, j) => {
    j.raw(tunnelEncapJsonText(m));
  },
  fromJson: (v) => tunnelEncapFromPlain(v),
  fromArgs: (a) => tunnelEncapFromArgs(a),
  toArgs: (m) => tunnelEncapToArgs(m),
  text: (m) => tunnelEncapToArgs(m).join(' '),
});

export const codecs = [tunnelEncapCodec] as const;
