/**
 * Every family's model arbitraries (fuzz/arbitraries/<group>.ts), keyed by family name.
 * A group file exports `arbitraries: Record<familyName, fc.Arbitrary<Model>>`.
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type * as fc from 'fast-check';

type ArbModule = { arbitraries?: Record<string, fc.Arbitrary<unknown>> };

export async function loadArbitraries(): Promise<Map<string, fc.Arbitrary<unknown>>> {
  const dir = import.meta.dirname;
  const files = readdirSync(dir).filter((f) => f.endsWith('.ts') && f !== 'index.ts').sort();
  const mods = (await Promise.all(files.map((f) => import(pathToFileURL(join(dir, f)).href)))) as ArbModule[];
  const out = new Map<string, fc.Arbitrary<unknown>>();
  for (const m of mods) for (const [k, v] of Object.entries(m.arbitraries ?? {})) out.set(k, v);
  return out;
}
