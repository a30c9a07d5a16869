/**
 * The SR Policy NLRI model (RFC 9830 §2.1, SAFI 73): one candidate path of an SR Policy is named
 * by <Distinguisher, Policy Color, Endpoint>. The policy itself (segment lists, preference,
 * binding SID) is not in the NLRI: it is the Tunnel Encapsulation attribute (type 23), tunnel
 * type 15, decoded by `attributes/tunnel-encap/`.
 *
 * A decoded NLRI is a plain object whose `endpoint` is a view (subarray) of the input.
 */
import type { NlriBase } from '../../src/registry/family.js';

export interface SrPolicyNlri extends NlriBase {
  /**
   * RFC 9830 §2.1 Distinguisher, 4 octets: makes the NLRI unique when several candidate paths of
   * the same <color, endpoint> are advertised (the headend does not interpret it).
   */
  readonly distinguisher: number;
  /** RFC 9830 §2.1 Policy Color, 4 octets (RFC 9256 §2.1: with the endpoint, names the policy). */
  readonly color: number;
  /**
   * RFC 9830 §2.1 Endpoint: 4 octets (IPv4) for AFI 1, 16 (IPv6) for AFI 2; the null endpoint
   * (0.0.0.0 / ::, RFC 9256 §8.8.1) is a valid value. The default decode also accepts the other
   * AFI's length (16 octets under AFI 1, 4 under AFI 2), as GoBGP and Wireshark read it;
   * `strict` refuses it (docs/families/sr-policy.md).
   */
  readonly endpoint: Uint8Array;
}
