/**
 * The PMSI_TUNNEL attribute codec (type 22, optional transitive: RFC 6514 §5).
 *
 * Error handling: RFC 7606 §7 lists PMSI_TUNNEL among the attributes whose error handling is
 * "consistent with Section 8" and does not discuss it further; RFC 7606 §8 prefers
 * "treat-as-withdraw" and presumes "attribute discard" unsafe for an attribute that affects
 * route selection or installation, which the PMSI Tunnel attribute does (RFC 7432 §11.2: an
 * Inclusive Multicast Ethernet Tag route MUST carry it). So a malformed instance is
 * treat-as-withdraw (ExaBGP reads RFC 6514 §5 the same way). Malformed here means the fixed
 * 5-octet part is short; an identifier without its type's layout is malformed only in strict
 * mode (otherwise kept as bytes, see wire.ts).
 */
import { defineAttribute } from '../../src/attributes/attribute.js';
import { ATTR_OPTIONAL, ATTR_TRANSITIVE } from '../../src/attributes/attribute.js';
import { pmsiFromArgs, pmsiToArgs } from './args.js';
import { pmsiFromJson, pmsiJson } from './json.js';
import { PMSI_TUNNEL, type PmsiTunnel } from './model.js';
import { decodePmsi, encodePmsi, pmsiLength } from './wire.js';

export const pmsiTunnelCodec = defineAttribute<PmsiTunnel>({
  code: PMSI_TUNNEL,
  name: 'pmsi-tunnel',
  group: 'pmsi',
  rfcs: ['RFC 6514 §5', 'RFC 7902', 'RFC 4875 §19.1', 'RFC 6388 §2.2-§3.2', 'RFC 7432 §11.2', 'RFC 8365 §5.1.3', 'RFC 7606 §7-§8'],
  flags: ATTR_OPTIONAL | ATTR_TRANSITIVE,
  onMalformed: 'treat-as-withdraw',
  decode: (r, ctx) => decodePmsi(r, ctx.strict),
  encodingLength: (m) => pmsiLength(m),
  encode: (m, w) => encodePmsi(m, w),
  json: (m, j) => pmsiJson(m, j),
  fromJson: (v) => pmsiFromJson(v),
  fromArgs: (a) => pmsiFromArgs(a),
  toArgs: (m) => pmsiToArgs(m),
  text: (m) => 'pmsi ' + pmsiToArgs(m).join(' '),
});
