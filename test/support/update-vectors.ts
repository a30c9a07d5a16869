/** Loading the whole-UPDATE vectors (test/vectors/ze-update/*.jsonl). */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from './vectors.js';

export const UPDATE_VECTOR_DIR = join(ROOT, 'test', 'vectors', 'ze-update');

export interface UpdateVector {
  id: string;
  hex: string;
  /** Ze's `ze bgp decode --update --json` stdout (one line), when recorded. */
  json_text?: string;
  exit?: number;
  source?: string;
  note?: string;
  /** false: the session has no 4-octet AS capability (RFC 6793); default true. */
  as4?: boolean;
  file: string;
}

export function loadUpdateVectors(): UpdateVector[] {
  const out: UpdateVector[] = [];
  for (const f of readdirSync(UPDATE_VECTOR_DIR).sort()) {
    if (!f.endsWith('.jsonl')) continue;
    for (const line of readFileSync(join(UPDATE_VECTOR_DIR, f), 'utf8').split('\n')) {
      if (!line.trim()) continue;
      const v = JSON.parse(line) as Omit<UpdateVector, 'file'>;
      if (typeof v.hex !== 'string' || !/^([0-9A-Fa-f]{2})*$/.test(v.hex)) continue;
      out.push({ ...v, file: f.replace(/\.jsonl$/, '') });
    }
  }
  return out;
}
