/**
 * User-defined family modules (`ze-nlri plugin --family-module ./my-family.mjs`).
 *
 * A module is an ES module (or anything Node can import) that exports families built with the
 * public `defineFamily()`: as its default export (one family or an array), or as `codecs`
 * (an array) or `family`. Each export is checked again through `defineFamily` and registered;
 * a bad shape, a name that is not lower-case `afi/safi`, a clash with Ze's AFI/SAFI name tables
 * (ze-plugin-protocol.md §4.2) or with another family is a start-up error naming the module.
 */
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { defineFamily, type FamilyCodec } from '../../registry/family.js';
import type { Registry } from '../../registry/registry.js';

export class FamilyModuleError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'FamilyModuleError';
  }
}

function exportsOf(mod: Record<string, unknown>): unknown[] {
  const out: unknown[] = [];
  for (const k of ['default', 'codecs', 'family'] as const) {
    const v = mod[k];
    if (v === undefined) continue;
    if (Array.isArray(v)) out.push(...v);
    else out.push(v);
  }
  // A CommonJS module imported from ESM puts everything under `default`.
  return [...new Set(out.flatMap((v) => (v && typeof v === 'object' && !('name' in v) && 'codecs' in v ? ((v as any).codecs as unknown[]) : [v])))];
}

/** Import `path` (relative to `cwd`) and register its families; returns them. */
export async function loadFamilyModule(registry: Registry, path: string, cwd = process.cwd()): Promise<FamilyCodec<any>[]> {
  let mod: Record<string, unknown>;
  try {
    mod = (await import(pathToFileURL(resolve(cwd, path)).href)) as Record<string, unknown>;
  } catch (e) {
    throw new FamilyModuleError(`family module ${path}: cannot load: ${e instanceof Error ? e.message : String(e)}`);
  }
  const found = exportsOf(mod);
  if (found.length === 0) throw new FamilyModuleError(`family module ${path}: exports no family (use a default export, or export "codecs" or "family")`);
  const out: FamilyCodec<any>[] = [];
  for (const spec of found) {
    let codec: FamilyCodec<any>;
    try {
      codec = defineFamily(spec as any);
    } catch (e) {
      throw new FamilyModuleError(`family module ${path}: ${e instanceof Error ? e.message : String(e)}`);
    }
    try {
      registry.register(codec);
    } catch (e) {
      throw new FamilyModuleError(`family module ${path}: ${e instanceof Error ? e.message : String(e)}`);
    }
    out.push(codec);
  }
  return out;
}
