/**
 * Model of the PMSI_TUNNEL path attribute (type 22), RFC 6514 §5.
 *
 *   Flags (1) | Tunnel Type (1) | MPLS Label (3) | Tunnel Identifier (rest of the attribute)
 *
 * - Flags: RFC 6514 §5 defines the low-order bit, Leaf Information Required (0x01); RFC 7902
 *   makes the octet an IANA registry. The octet is kept whole.
 * - MPLS Label: RFC 6514 §5 carries a label in the high-order 20 bits of the 3 octets. For
 *   VXLAN / NVGRE, RFC 8365 §5.1.3 carries the 24-bit VNI in the whole field. The model keeps the
 *   raw 24-bit field (`labelField`); the label is `labelField >>> 4`.
 * - Tunnel Identifier by Tunnel Type (RFC 6514 §5, IANA "P-Multicast Service Interface Tunnel
 *   (PMSI Tunnel) Tunnel Types"):
 *     1 RSVP-TE P2MP LSP: the P2MP LSP SESSION object body of RFC 4875 §19.1.1 (IPv4) / §19.1.2
 *       (IPv6): P2MP ID (4), reserved (2), Tunnel ID (2), Extended Tunnel ID (4 or 16).
 *     2 mLDP P2MP LSP / 7 mLDP MP2MP LSP: an mLDP FEC element, RFC 6388 §2.2 / §3.2: FEC type (1),
 *       Address Family (2), Address Length (1), Root Node Address, Opaque Length (2), Opaque
 *       Value = LDP MP Opaque Value Elements (RFC 6388 §2.3: type (1), length (2), value).
 *     3 PIM-SSM, 4 PIM-SM, 5 BIDIR-PIM: <Sender Address, P-Multicast Group>, both IPv4 or both IPv6.
 *     6 Ingress Replication: the unicast tunnel endpoint address (RFC 6514 §5; RFC 7432 §11.2:
 *       a routable address of the originating PE), IPv4 or IPv6 by length.
 *     0 (no tunnel information: "no Tunnel Identifier", RFC 6514 §5) and every other type: kept
 *       as bytes.
 */

export const PMSI_TUNNEL = 22;

export const TUNNEL_NONE = 0;
export const TUNNEL_RSVP_TE_P2MP = 1;
export const TUNNEL_MLDP_P2MP = 2;
export const TUNNEL_PIM_SSM = 3;
export const TUNNEL_PIM_SM = 4;
export const TUNNEL_BIDIR_PIM = 5;
export const TUNNEL_INGRESS_REPLICATION = 6;
export const TUNNEL_MLDP_MP2MP = 7;

/** RFC 6514 §5: Leaf Information Required, the low-order flag bit. */
export const FLAG_LEAF_INFO_REQUIRED = 0x01;

/** Names of the tunnel types (JSON `tunnel-type-name` and the args words). */
export const TUNNEL_TYPE_NAMES: Readonly<Record<number, string>> = {
  0: 'no-tunnel-info',
  1: 'rsvp-te-p2mp',
  2: 'mldp-p2mp',
  3: 'pim-ssm',
  4: 'pim-sm',
  5: 'bidir-pim',
  6: 'ingress-replication',
  7: 'mldp-mp2mp',
};

/** RSVP-TE P2MP LSP (type 1): RFC 4875 §19.1 SESSION object fields, in wire order. */
export interface RsvpTeP2mpId {
  readonly kind: 'rsvp-te-p2mp';
  readonly p2mpId: number;
  /** The 2 octets RFC 4875 calls "MUST be zero": kept to write them back. */
  readonly reserved: number;
  readonly tunnelId: number;
  /** Extended Tunnel ID: 4 (IPv4 SESSION object) or 16 (IPv6) octets. */
  readonly extendedTunnelId: Uint8Array;
}

/** One LDP MP Opaque Value Element (RFC 6388 §2.3); type 1 with 4 octets is the Generic LSP Identifier. */
export interface MldpOpaque {
  readonly type: number;
  readonly value: Uint8Array;
}

/** mLDP P2MP (type 2) / MP2MP (type 7): the FEC element of RFC 6388 §2.2 / §3.2. */
export interface MldpFecId {
  readonly kind: 'mldp';
  /** FEC element type: 6 P2MP (RFC 6388 §2.2), 7 MP2MP-up, 8 MP2MP-down (§3.2). */
  readonly fecType: number;
  /** RFC 6388 §2.2 Address Family (IANA address family numbers: 1 IPv4, 2 IPv6). */
  readonly addressFamily: number;
  /** Root Node Address (Address Length octets). */
  readonly root: Uint8Array;
  readonly opaque: readonly MldpOpaque[];
}

/**
 * PIM-SSM / PIM-SM / BIDIR-PIM (types 3-5): <Sender Address, P-Multicast Group> (for PIM-SSM
 * RFC 6514 §5 calls the first one the P-Root Node Address).
 */
export interface PimTreeId {
  readonly kind: 'pim';
  /** Sender (PIM-SSM: P-Root Node) address, 4 or 16 octets (same length as `group`). */
  readonly sender: Uint8Array;
  readonly group: Uint8Array;
}

/** Ingress Replication (type 6): the unicast tunnel endpoint (4 or 16 octets). */
export interface IngressReplicationId {
  readonly kind: 'ingress-replication';
  readonly endpoint: Uint8Array;
}

/** Type 0 (no tunnel information) and types without a layout here: the identifier's bytes. */
export interface RawTunnelId {
  readonly kind: 'raw';
  readonly bytes: Uint8Array;
}

export type PmsiTunnelId = RsvpTeP2mpId | MldpFecId | PimTreeId | IngressReplicationId | RawTunnelId;

export interface PmsiTunnel {
  /** The Flags octet (RFC 6514 §5, registry RFC 7902). */
  readonly flags: number;
  /** Tunnel Type (RFC 6514 §5). */
  readonly tunnelType: number;
  /** The whole 3-octet MPLS Label field (a VNI for VXLAN, RFC 8365 §5.1.3); label = field >>> 4. */
  readonly labelField: number;
  readonly tunnel: PmsiTunnelId;
}

/** The tunnel-id kind a tunnel type decodes to ('raw' for types without a layout). */
export function kindOfType(t: number): PmsiTunnelId['kind'] {
  switch (t) {
    case TUNNEL_RSVP_TE_P2MP: return 'rsvp-te-p2mp';
    case TUNNEL_MLDP_P2MP:
    case TUNNEL_MLDP_MP2MP: return 'mldp';
    case TUNNEL_PIM_SSM:
    case TUNNEL_PIM_SM:
    case TUNNEL_BIDIR_PIM: return 'pim';
    case TUNNEL_INGRESS_REPLICATION: return 'ingress-replication';
    default: return 'raw';
  }
}
