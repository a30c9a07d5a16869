/**
 * The unicast / multicast model: one IP prefix (RFC 4271 §4.3 for IPv4, RFC 4760 §5 / RFC 2545
 * for IPv6; SAFI 2 multicast has the same NLRI, RFC 4760 §6).
 *
 * `prefix.addr` holds the ceil(len/8) octets as they were on the wire (a view of the input),
 * host bits past the length included: RFC 4271 §4.3 says they are irrelevant, so the JSON and
 * text clear them, but the model keeps them so the NLRI re-encodes byte for byte.
 */
import type { Prefix } from '../../src/core/prefix.js';
import type { NlriBase } from '../../src/registry/family.js';

export interface UnicastNlri extends NlriBase {
  /** The prefix: `v6` from the AFI, `len` in bits (0..32 / 0..128), `addr` its octets. */
  readonly prefix: Prefix;
}
