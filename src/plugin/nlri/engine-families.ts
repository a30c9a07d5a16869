/**
 * Families Ze's engine decodes itself (its built-in unicast and multicast prefixes): ze-nlri has
 * codecs for them so that whole UPDATEs decode, but the plugin never claims them from Ze
 * (ze-plugin-protocol.md §4: a plugin claims the custom families only).
 */
import type { FamilyCodec } from '../../registry/family.js';

const ENGINE_FAMILIES: ReadonlySet<string> = new Set(['ipv4/unicast', 'ipv6/unicast', 'ipv4/multicast', 'ipv6/multicast']);

export function isEngineFamily(name: string): boolean {
  return ENGINE_FAMILIES.has(name);
}

/** The families of `list` a plugin may claim. */
export function claimable<T extends Pick<FamilyCodec<any>, 'name'>>(list: readonly T[]): T[] {
  return list.filter((c) => !ENGINE_FAMILIES.has(c.name));
}
