/**
 * Every attribute group's generated models, keyed by type code (docs/ADDING-AN-ATTRIBUTE.md §3):
 * the fuzz runner and the smoke test encode them and check model → bytes → model → same bytes.
 */
import type fc from 'fast-check';
import { arbitraries as communities } from './communities.js';
import { arbitraries as mp } from './mp.js';
import { arbitraries as path, arbitrariesAs2 as pathAs2 } from './path.js';
import { arbitraries as pmsi } from './pmsi.js';
import { arbitraries as prefixSid } from './prefix-sid.js';
import { arbitraries as tunnelEncap } from './tunnel-encap.js';

/** Models valid on a 4-octet-AS session. */
export const attributeArbitraries: Record<number, fc.Arbitrary<unknown>> = { ...path, ...communities, ...mp, ...pmsi, ...prefixSid, ...tunnelEncap };

/** The path group's models for a 2-octet-AS session (RFC 6793). */
export const attributeArbitrariesAs2: Record<number, fc.Arbitrary<unknown>> = pathAs2;
