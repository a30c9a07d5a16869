/**
 * Models made from a family name, next-hop text and NLRI models: what the plugin originates
 * with, and what `fromJson` builds. The NLRI field is encoded once here (`nlriBytes`), with
 * path ids when ADD-PATH is on for the family in `ctx` (RFC 7911). End-of-RIB is an
 * MP_UNREACH_NLRI with no withdrawn routes (RFC 4724 §2).
 */
import { NlriError, modelError } from '../../src/core/errors.js';
import type { AttrContext } from '../../src/attributes/attribute.js';
import type { NlriBase } from '../../src/registry/family.js';
import { decodeAll, encode } from '../../src/registry/ops.js';
import { resolveFamily, type ResolvedFamily } from './family.js';
import type { MpReach, MpUnreach, NextHop } from './model.js';
import { nextHopFromSpec, type NextHopSpec } from './nexthop.js';

type BuildContext = Pick<AttrContext, 'families' | 'addPath'>;

function isNextHop(v: unknown): v is NextHop {
  return typeof v === 'object' && v !== null && typeof (v as NextHop).kind === 'string' && (v as NextHop).bytes instanceof Uint8Array;
}

function field(f: ResolvedFamily, nlris: readonly NlriBase[], addPath: boolean): Uint8Array {
  if (!Array.isArray(nlris)) modelError('nlri must be an array of NLRI models', f.family);
  if (nlris.length === 0) return new Uint8Array(0);
  if (!f.codec) modelError(`no codec for ${f.family}: give the NLRI field as bytes (mpReachRaw / mpUnreachRaw)`, f.family);
  try {
    return encode(f.codec, nlris, { addPath });
  } catch (e) {
    if (e instanceof NlriError) throw e;
    modelError(`${f.family} NLRI: ${e instanceof Error ? e.message : String(e)}`, f.family);
  }
}

/**
 * MP_REACH_NLRI for `family` (a Ze family name, or `afi-N/safi-M` text), a next hop (text as
 * `nextHopText` writes it, a `NextHopSpec`, or a decoded `NextHop`) and NLRI models of the family.
 */
export function mpReach(family: string, nextHop: string | NextHopSpec | NextHop, nlris: readonly NlriBase[], ctx: BuildContext): MpReach {
  const f = resolveFamily(family, ctx.families);
  const addPath = ctx.addPath(f.family);
  return mpReachFrom(f, nextHop, nlris, field(f, nlris, addPath), addPath);
}

/** MP_REACH_NLRI with the NLRI field given as bytes (an unknown family, or bytes kept as they came). */
export function mpReachRaw(family: string, nextHop: string | NextHopSpec | NextHop, nlriBytes: Uint8Array, ctx: BuildContext): MpReach {
  const f = resolveFamily(family, ctx.families);
  const addPath = ctx.addPath(f.family);
  return mpReachFrom(f, nextHop, decodeRaw(f, nlriBytes, addPath, false), nlriBytes, addPath);
}

/** The models of a raw NLRI field of a known family (Ze's lossless records where it has them). */
function decodeRaw(f: ResolvedFamily, bytes: Uint8Array, addPath: boolean, withdraw: boolean): readonly NlriBase[] {
  if (!(bytes instanceof Uint8Array)) modelError('the NLRI field must be bytes', f.family);
  return f.codec && bytes.length > 0 ? decodeAll(f.codec, bytes, { addPath, withdraw, lossless: true }) : [];
}

function mpReachFrom(f: ResolvedFamily, nextHop: string | NextHopSpec | NextHop, nlri: readonly NlriBase[], nlriBytes: Uint8Array, addPath: boolean): MpReach {
  const nh = isNextHop(nextHop) ? nextHop : nextHopFromSpec(nextHop, f.safi, f.family);
  return { afi: f.afi, safi: f.safi, family: f.family, codec: f.codec, nextHop: nh, reserved: 0, nlri, nlriBytes, addPath };
}

/** MP_UNREACH_NLRI withdrawing `nlris` of `family`; no NLRIs: End-of-RIB (RFC 4724 §2). */
export function mpUnreach(family: string, nlris: readonly NlriBase[], ctx: BuildContext): MpUnreach {
  const f = resolveFamily(family, ctx.families);
  const addPath = ctx.addPath(f.family);
  return { afi: f.afi, safi: f.safi, family: f.family, codec: f.codec, nlri: nlris, nlriBytes: field(f, nlris, addPath), addPath };
}

/** MP_UNREACH_NLRI with the withdrawn-routes field given as bytes. */
export function mpUnreachRaw(family: string, nlriBytes: Uint8Array, ctx: BuildContext): MpUnreach {
  const f = resolveFamily(family, ctx.families);
  const addPath = ctx.addPath(f.family);
  return { afi: f.afi, safi: f.safi, family: f.family, codec: f.codec, nlri: decodeRaw(f, nlriBytes, addPath, true), nlriBytes, addPath };
}

/** The End-of-RIB marker of a family (RFC 4724 §2): MP_UNREACH_NLRI with no withdrawn routes. */
export function endOfRib(family: string, ctx: BuildContext): MpUnreach {
  return mpUnreach(family, [], ctx);
}

/**
 * RFC 4724 §2: an MP_UNREACH_NLRI whose withdrawn-routes field is empty. (The UPDATE carrying it
 * must have no other attribute for it to be the End-of-RIB marker: the update layer checks that.)
 */
export function isEndOfRib(m: MpReach | MpUnreach): boolean {
  return !('nextHop' in m) && m.nlriBytes.length === 0 && m.nlri.length === 0;
}
