/**
 * The typed model of a BGP-MUP NLRI, following draft-ietf-bess-mup-safi-00 §3.1 (24 November
 * 2025; the same wire format as draft-mpmz-bess-mup-safi-06, which Ze cites).
 *
 * One interface per route type of the 3gpp-5g architecture (type 1), told apart by `kind`.
 * Addresses are their wire bytes (views when decoded), 4 or 16 of them; an RD is its 8 wire
 * bytes (RFC 4364 §4.2). Ze's encoder can leave out fields the draft requires (the RD, the
 * T1ST TEID, endpoint and source); the model can say so, with the field absent. Other
 * architectures, other route types and route-type-specific data not in the draft's layout are
 * kept whole as `MupRaw`, so every NLRI re-encodes byte for byte.
 *
 * A decoded NLRI is a `MupView` (view.ts): the input buffer and the NLRI's bounds, the fields
 * read from the bytes when asked. Models built by hand or by `fromArgs` are plain objects with
 * the same fields. Optional fields take `undefined` too: on a view, `delete` cannot remove a
 * field (it is a getter), so leave one out by assigning `undefined`.
 */
import type { NlriBase } from '../../src/registry/family.js';
import type { Prefix } from '../../src/core/prefix.js';

/** Draft §3.1: architecture type 1. */
export const MUP_ARCH_3GPP_5G = 1;
/** Draft §3.1 route types. */
export const MUP_ISD = 1;
export const MUP_DSD = 2;
export const MUP_T1ST = 3;
export const MUP_T2ST = 4;

/** Route type names as Ze's encode-nlri takes them. */
export const MUP_TYPE_NAMES: readonly (string | undefined)[] = [undefined, 'mup-isd', 'mup-dsd', 'mup-t1st', 'mup-t2st'];

interface MupCommon {
  /** 8 bytes; absent only in what Ze's encoder writes when no `rd` is given. */
  rd?: Uint8Array | undefined;
}

/** §3.1.1 Interwork Segment Discovery route: RD, prefix. */
export interface MupIsd extends MupCommon {
  kind: 'isd';
  prefix: Prefix;
}

/** §3.1.2 Direct Segment Discovery route: RD, address (4 or 16 bytes). */
export interface MupDsd extends MupCommon {
  kind: 'dsd';
  address: Uint8Array;
}

/** §3.1.3 / §3.1.3.1 Type 1 Session Transformed route (3gpp-5g). */
export interface MupT1st extends MupCommon {
  kind: 't1st';
  /** The UE prefix. */
  prefix: Prefix;
  /** 4-octet TEID; absent = the field left out (Ze without `teid`; the draft requires it). */
  teid?: number | undefined;
  /** QoS flow identifier, one octet. */
  qfi: number;
  /** Endpoint address, 4 or 16 bytes; absent = no endpoint length and address (Ze's form). */
  endpoint?: Uint8Array | undefined;
  /**
   * Source address: 4 or 16 bytes; 0 bytes = a source length of 0 (the draft's "no source");
   * absent = no source length octet at all (Ze's form).
   */
  source?: Uint8Array | undefined;
}

/** §3.1.4 / §3.1.4.1 Type 2 Session Transformed route (3gpp-5g). */
export interface MupT2st extends MupCommon {
  kind: 't2st';
  /** Endpoint address, 4 or 16 bytes. */
  endpoint: Uint8Array;
  /**
   * Bits of TEID after the address: the endpoint length is address bits + this (draft: 0-32).
   * Ze writes ⌈bits/8⌉ TEID octets, none when bits ≤ 0.
   */
  teidLength: number;
  /** The TEID octets as a big-endian number (Ze: the low-order octets of its value). */
  teid: number;
}

/** Any architecture and route type, route-type-specific data kept whole. */
export interface MupRaw {
  kind: 'raw';
  /** The route-type-specific data (at most 255 bytes). */
  raw: Uint8Array;
}

/** One BGP-MUP NLRI. `archType` is 1 (3gpp-5g) for every kind but `raw`. */
export type MupRoute = (MupIsd | MupDsd | MupT1st | MupT2st | MupRaw) & {
  /** 0-255; draft §3.1: 1 = 3gpp-5g. */
  archType: number;
  /** 0-65535; draft §3.1: 1 ISD, 2 DSD, 3 T1ST, 4 T2ST. */
  routeType: number;
};

export type MupNlri = MupRoute & NlriBase;
