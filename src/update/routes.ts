/**
 * The routes of an UPDATE, each as family + NLRI + next hop + the UPDATE's shared attributes
 * (RFC 4271 §9.1: a route is its NLRI with the path attributes of the UPDATE that carried it).
 * RFC 7606 treat-as-withdraw turns the announcements into withdrawals; session reset, AFI/SAFI
 * disable leave nothing to use and give no routes.
 */
import type { NlriBase } from '../registry/family.js';
import type { MpReach, MpUnreach, NextHop } from '../../attributes/mp/model.js';
import type { BgpUpdate, UpdateRoute } from './model.js';
import { ipv4ToString } from '../core/ip.js';

const NEXT_HOP = 3;
const MP_REACH = 14;
const MP_UNREACH = 15;

function ipv4NextHop(u: BgpUpdate): NextHop | undefined {
  const a = u.attributes.get(NEXT_HOP);
  if (!a || a.raw.length !== 4) return undefined;
  return { kind: 'ipv4', bytes: a.raw, address: ipv4ToString(a.raw) };
}

/** Every route of `u`, withdrawals first (as RFC 4271 §9 processes them), then announcements. */
export function updateRoutes(u: BgpUpdate): UpdateRoute[] {
  if (u.action === 'session-reset' || u.action === 'afi-safi-disable') return [];
  const out: UpdateRoute[] = [];
  const attrs = u.attributes;
  const taw = u.action === 'treat-as-withdraw';
  const unreach = attrs.value<MpUnreach>(MP_UNREACH);
  const reach = attrs.value<MpReach>(MP_REACH);
  const push = (family: string, codec: UpdateRoute['codec'], nlri: NlriBase, nextHop: NextHop | undefined, withdraw: boolean): void => {
    out.push({ family, codec, nlri, nextHop: withdraw ? undefined : nextHop, attributes: attrs, withdraw: withdraw || taw, treatedAsWithdraw: !withdraw && taw });
  };
  for (const n of u.withdrawn) push('ipv4/unicast', u.unicast, n, undefined, true);
  if (unreach) for (const n of unreach.nlri) push(unreach.family, unreach.codec, n, undefined, true);
  if (reach) for (const n of reach.nlri) push(reach.family, reach.codec, n, reach.nextHop, false);
  if (u.nlri.length > 0) {
    const nh = ipv4NextHop(u);
    for (const n of u.nlri) push('ipv4/unicast', u.unicast, n, nh, false);
  }
  return out;
}
