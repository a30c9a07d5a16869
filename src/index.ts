/**
 * ze-nlri: BGP NLRI codecs for Ze's custom address families.
 *
 * The root entry gives the core, the registry, every built-in family and the two contract
 * functions of Ze's plugin protocol. To load one family alone, import `ze-nlri/<group>`.
 */
import { builtinCodecs, builtinSamples } from './families.js';
import { Registry } from './registry/registry.js';
import type { DecodeOptions } from './registry/family.js';

export * from './core/index.js';
export * from './registry/index.js';

/** A registry holding every family shipped with ze-nlri. */
export function createDefaultRegistry(): Registry {
  return new Registry(builtinCodecs);
}

/** The shared default registry (add your own families with `register`). */
export const defaultRegistry: Registry = createDefaultRegistry();

/** Every built-in sample NLRI (docs/ADDING-A-FAMILY.md §3). */
export const samples = builtinSamples;

/** decode-nlri (ze-plugin-protocol.md §5.2): hex of one or more NLRIs → Ze's JSON text. */
export function decodeHex(family: string, hex: string, opts?: DecodeOptions): string {
  return defaultRegistry.decodeHex(family, hex, opts);
}

/** encode-nlri (ze-plugin-protocol.md §5.1): Ze args tokens → UPPER-case hex of one NLRI. */
export function encodeArgs(family: string, args: readonly string[]): string {
  return defaultRegistry.encodeArgs(family, args);
}
