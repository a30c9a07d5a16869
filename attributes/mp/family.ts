/**
 * The family text of an MP_REACH_NLRI / MP_UNREACH_NLRI (RFC 4760 §3: AFI + SAFI), and back.
 *
 * A family with a codec is named by it. Otherwise the text is Ze's `family.Family.String()`:
 * the AFI's and the SAFI's registered names where Ze has them (`ze-plugin-protocol.md` §4.2,
 * `src/registry/names.ts`), `afi-<N>` / `safi-<N>` where not: `ipv4/safi-3`, `afi-3/unicast`.
 */
import { modelError } from '../../src/core/errors.js';
import { ZE_AFI_NAMES, ZE_SAFI_NAMES } from '../../src/registry/names.js';
import type { Registry } from '../../src/registry/registry.js';
import type { FamilyCodec } from '../../src/registry/family.js';

export function familyText(afi: number, safi: number, codec: FamilyCodec<any> | undefined): string {
  if (codec) return codec.name;
  return (ZE_AFI_NAMES.get(afi) ?? `afi-${afi}`) + '/' + (ZE_SAFI_NAMES.get(safi) ?? `safi-${safi}`);
}

function numberOf(part: string, prefix: string, names: ReadonlyMap<number, string>, max: number): number | undefined {
  const m = new RegExp(`^${prefix}-(0|[1-9][0-9]*)$`).exec(part);
  if (m) {
    const n = Number(m[1]);
    return n <= max ? n : undefined;
  }
  for (const [n, name] of names) if (name === part) return n;
  return undefined;
}

export interface ResolvedFamily {
  readonly afi: number;
  readonly safi: number;
  readonly family: string;
  readonly codec: FamilyCodec<any> | undefined;
}

/**
 * A family name (a codec's, or `familyText`'s) → AFI, SAFI, codec. The codec is looked up by
 * the numbers too, so `ipv4/safi-128` finds `ipv4/mpls-vpn`. Errors: `invalid-model`.
 */
export function resolveFamily(name: string, families: Registry): ResolvedFamily {
  if (typeof name !== 'string') modelError('family must be a string');
  const c = families.get(name);
  if (c) return { afi: c.afi, safi: c.safi, family: c.name, codec: c };
  const slash = name.indexOf('/');
  const afi = slash < 0 ? undefined : numberOf(name.slice(0, slash), 'afi', ZE_AFI_NAMES, 0xffff);
  const safi = slash < 0 ? undefined : numberOf(name.slice(slash + 1), 'safi', ZE_SAFI_NAMES, 0xff);
  if (afi === undefined || safi === undefined) modelError(`unknown family ${JSON.stringify(name)} (want a family name or afi-N/safi-M)`, name);
  const codec = families.byAfiSafi(afi!, safi!);
  return { afi: afi!, safi: safi!, family: familyText(afi!, safi!, codec), codec };
}
