/**
 * Models of MP_REACH_NLRI (type 14) and MP_UNREACH_NLRI (type 15), RFC 4760 §3-§4.
 * `src/update` reads these to build routes; keep the field names stable.
 */
import type { FamilyCodec, NlriBase } from '../../src/registry/family.js';

/** How the next-hop field of MP_REACH_NLRI reads (RFC 4760 §3 and the families' RFCs). */
export type NextHopKind =
  /** Length 0: FlowSpec (RFC 8955 §5 / RFC 8956), or none given. */
  | 'none'
  /** 4 octets: IPv4. */
  | 'ipv4'
  /** 16 octets: IPv6 global (or IPv4 NLRI over IPv6, RFC 8950). */
  | 'ipv6'
  /** 32 octets: IPv6 global + link-local (RFC 2545 §3). */
  | 'ipv6-link-local'
  /** 12 octets: RD (zero) + IPv4 (RFC 4364 §4.3.2). */
  | 'vpn-ipv4'
  /** 24 octets: RD (zero) + IPv6 (RFC 4659 §3.2, RFC 8950 §3). */
  | 'vpn-ipv6'
  /** 48 octets: RD + IPv6 global + RD + IPv6 link-local (RFC 4659 §3.2.1). */
  | 'vpn-ipv6-link-local'
  /** Any other length: kept as bytes. */
  | 'raw';

export interface NextHop {
  readonly kind: NextHopKind;
  /** The whole next-hop field (view into the input; what `encode` writes back). */
  readonly bytes: Uint8Array;
  /** The (global) address as text (Go netip form), when the kind has one. */
  readonly address?: string | undefined;
  /** IPv6 link-local address as text (kinds `ipv6-link-local`, `vpn-ipv6-link-local`). */
  readonly linkLocal?: string | undefined;
  /** The Route Distinguisher in front of a VPN next hop (8 octets; RFC 4364 says zero). */
  readonly rd?: Uint8Array | undefined;
}

export interface MpReach {
  readonly afi: number;
  readonly safi: number;
  /** Ze family name (`ipv4/flow`), or `afi-<n>/safi-<n>`-style text when no codec is known. */
  readonly family: string;
  /** The family codec the NLRI field was decoded with (undefined: unknown family, `nlriBytes` only). */
  readonly codec: FamilyCodec<any> | undefined;
  readonly nextHop: NextHop;
  /** The reserved octet after the next hop (RFC 4760 §3, was SNPA count): kept to write it back. */
  readonly reserved: number;
  /** Decoded NLRIs (with `pathId` when ADD-PATH is on for the family). */
  readonly nlri: readonly NlriBase[];
  /** The NLRI field (view). */
  readonly nlriBytes: Uint8Array;
  /** ADD-PATH was applied to this NLRI field. */
  readonly addPath: boolean;
}

export interface MpUnreach {
  readonly afi: number;
  readonly safi: number;
  readonly family: string;
  readonly codec: FamilyCodec<any> | undefined;
  /** Withdrawn NLRIs (decoded with `withdraw: true`, RFC 8277 §2.4). Empty field: End-of-RIB (RFC 4724 §2). */
  readonly nlri: readonly NlriBase[];
  readonly nlriBytes: Uint8Array;
  readonly addPath: boolean;
}
