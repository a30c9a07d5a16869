/**
 * The "Whole UPDATEs" table of docs/ze-compat.md: rows `| U<n> | <vector ids or globs> | <paths> |
 * <Ze> | <ze-nlri> | <why> |`. Vectors are comma-separated (`*` globs allowed); paths are
 * backticked dotted patterns (`*` one segment, `**` any) where ze-nlri's value may differ from Ze's.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from './vectors.js';

export interface UpdateDeviation {
  id: string;
  vectors: string[];
  paths: string[];
  why: string;
}

export function loadUpdateDeviations(): UpdateDeviation[] {
  const text = readFileSync(join(ROOT, 'docs', 'ze-compat.md'), 'utf8');
  const out: UpdateDeviation[] = [];
  let inSection = false;
  for (const line of text.split('\n')) {
    const h = /^##\s+(.*)$/.exec(line);
    if (h) inSection = h[1]!.trim().startsWith('Whole UPDATEs');
    if (!inSection || !/^\| U\d+ \|/.test(line)) continue;
    const c = line.split(/(?<!\\)\|/).slice(1, -1).map((s) => s.trim());
    if (c.length < 6) throw new Error(`docs/ze-compat.md: Whole UPDATEs row with ${c.length} cells: ${line}`);
    out.push({
      id: c[0]!,
      vectors: c[1]!.replace(/`/g, '').split(',').map((s) => s.trim()).filter(Boolean),
      paths: [...c[2]!.matchAll(/`([^`]+)`/g)].map((m) => m[1]!),
      why: c[5]!,
    });
  }
  return out;
}
