/**
 * The model of one BGP UPDATE message (RFC 4271 §4.3) as `decodeUpdate` returns it and
 * `encodeUpdate` takes it: withdrawn routes, path attributes in wire order, announced routes,
 * and the RFC 7606 verdict. Attribute values are decoded once and shared by every route of the
 * UPDATE (`routes()` hands out references, never copies).
 */
import type { NlriError } from '../core/errors.js';
import type { AttributeCodec, MalformedAction } from '../attributes/attribute.js';
import type { FamilyCodec, NlriBase } from '../registry/family.js';
import type { MpReach, MpUnreach, NextHop } from '../../attributes/mp/model.js';

export type { MpReach, MpUnreach, NextHop } from '../../attributes/mp/model.js';

/** One path attribute as received (or to be sent). */
export interface PathAttribute<M = unknown> {
  /** Attribute flags as on the wire (Optional 0x80, Transitive 0x40, Partial 0x20, Extended Length 0x10). */
  flags: number;
  /** Attribute type code. */
  code: number;
  /** The decoded value; undefined for an unknown attribute or one that failed to decode. */
  value: M | undefined;
  /** The codec that decoded it (undefined: no codec for this type code). */
  codec: AttributeCodec<M> | undefined;
  /** The attribute value bytes (view into the input); what an unknown attribute is written back from. */
  raw: Uint8Array;
  /** Offset of the attribute's flags octet in the decoded input (-1 for a built attribute). */
  offset: number;
}

/** The path attributes of one UPDATE, in wire order, with lookups by type code and JSON name. */
export class PathAttributes {
  readonly list: PathAttribute[];

  constructor(list: PathAttribute[] = []) {
    // An UPDATE holds a handful of attributes (RFC 7606 §3 g: each code at most once): a scan of
    // the list is cheaper than building an index per message.
    this.list = list;
  }

  /** The (first) attribute with this type code. */
  get(code: number): PathAttribute | undefined {
    const l = this.list;
    for (let i = 0; i < l.length; i++) if (l[i]!.code === code) return l[i];
    return undefined;
  }

  /** The decoded value of the attribute with this type code. */
  value<M = unknown>(code: number): M | undefined {
    return this.get(code)?.value as M | undefined;
  }

  /** The decoded value of the attribute whose codec has this JSON name (`community`, `origin`, …). */
  byName<M = unknown>(name: string): M | undefined {
    for (const a of this.list) if (a.codec?.name === name) return a.value as M;
    return undefined;
  }

  has(code: number): boolean {
    return this.get(code) !== undefined;
  }

  get size(): number {
    return this.list.length;
  }
}

/** Something RFC 7606 says is wrong with the UPDATE, and what to do about it. */
export interface UpdateProblem {
  /** RFC 7606 §2 approach for this problem. */
  readonly action: MalformedAction;
  /** The attribute's JSON name (`origin`, `attr-99`), or '' for the message framing / NLRI fields. */
  readonly attribute: string;
  /** The attribute type code, or 0. */
  readonly typeCode: number;
  /** The error: code, message, offset within the decoded input. */
  readonly error: NlriError;
  /** The attribute's value bytes when it was discarded (view). */
  readonly raw?: Uint8Array | undefined;
}

/** One route of an UPDATE: its family, NLRI, next hop and the UPDATE's shared attributes. */
export interface UpdateRoute<M extends NlriBase = NlriBase> {
  readonly family: string;
  readonly codec: FamilyCodec<M> | undefined;
  readonly nlri: M;
  /** Next hop for an announcement (MP_REACH's, or NEXT_HOP for IPv4 unicast); undefined for withdrawals. */
  readonly nextHop: NextHop | undefined;
  /** The UPDATE's path attributes (the same object for every route of the UPDATE). */
  readonly attributes: PathAttributes;
  /** A withdrawal, or an announcement that RFC 7606 says to treat as withdrawn. */
  readonly withdraw: boolean;
  /** True when `withdraw` comes from RFC 7606 treat-as-withdraw rather than the message itself. */
  readonly treatedAsWithdraw: boolean;
}

export interface BgpUpdate {
  /** IPv4 unicast routes of the Withdrawn Routes field (RFC 4271 §4.3). */
  withdrawn: NlriBase[];
  attributes: PathAttributes;
  /** IPv4 unicast routes of the NLRI field. */
  nlri: NlriBase[];
  /** Every problem found, in order. Empty for a well-formed UPDATE. */
  problems: UpdateProblem[];
  /** The strongest RFC 7606 action the problems call for (§3 h), or 'none'. */
  action: MalformedAction | 'none';
  /** The codec of the legacy Withdrawn Routes and NLRI fields (ipv4/unicast). */
  unicast: FamilyCodec<any> | undefined;
  /** The whole message length when a header was present (RFC 4271 §4.1), else undefined. */
  messageLength?: number | undefined;
}

/** Strength order of RFC 7606 actions (§3 h: the strongest wins). */
export const ACTION_STRENGTH: Readonly<Record<MalformedAction | 'none', number>> = {
  none: 0,
  'attribute-discard': 1,
  'treat-as-withdraw': 2,
  'afi-safi-disable': 3,
  'session-reset': 4,
};

export function mpReachOf(u: BgpUpdate): MpReach | undefined {
  return u.attributes.value<MpReach>(14);
}

export function mpUnreachOf(u: BgpUpdate): MpUnreach | undefined {
  return u.attributes.value<MpUnreach>(15);
}
