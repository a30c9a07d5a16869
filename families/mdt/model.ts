/**
 * The MDT SAFI model: RFC 6037 (the "MDT SAFI" NLRI, SAFI 66): a Route Distinguisher, the IPv4
 * address of the PE that originates the route (the source of the default MDT) and the
 * provider's multicast group address of that MDT.
 *
 * A decoded NLRI holds views of the input (`subarray`s), nothing copied.
 */
import type { NlriBase } from '../../src/registry/family.js';

export interface MdtNlri extends NlriBase {
  /** Never set on a parsed route; `false` marks the lossless record (`isUnparsed`). */
  readonly parsed?: undefined;
  /** Route Distinguisher, its 8 wire octets (RFC 4364 §4.2). */
  readonly rd: Uint8Array;
  /** The originating PE's IPv4 address, 4 octets (RFC 6037: "RD:IPv4-address"). */
  readonly source: Uint8Array;
  /** The default MDT's group address, 4 octets (RFC 6037: "Group Address"). */
  readonly group: Uint8Array;
}

/**
 * The lossless record for bytes that do not parse (Ze's `{"parsed":false,"raw":…}` form): the
 * rest of the input from the failed NLRI. Only produced by decodes with `lossless`.
 */
export interface MdtUnparsed extends NlriBase {
  readonly parsed: false;
  readonly raw: Uint8Array;
}

export type MdtRoute = MdtNlri | MdtUnparsed;

export function isUnparsed(m: MdtRoute): m is MdtUnparsed {
  return (m as MdtUnparsed).parsed === false;
}
