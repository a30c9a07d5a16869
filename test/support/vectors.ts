/**
 * Loading Ze's vectors (test/vectors/ze/*.jsonl) and the deviation tables of docs/ze-compat.md.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

export const ROOT = join(import.meta.dirname, '..', '..');
export const VECTOR_DIR = join(ROOT, 'test', 'vectors', 'ze');

export interface Vector {
  id: string;
  family: string;
  kind: string;
  op?: 'decode' | 'encode';
  hex?: string;
  json_text?: string;
  args?: string[];
  error?: string;
  verified?: string;
  derived?: boolean;
  note?: string;
  /** The file it came from (without .jsonl). */
  file: string;
  line: number;
}

/** Every vector line of every NLRI vector file (updates-*.jsonl hold whole UPDATEs and are skipped). */
export function loadVectors(): Vector[] {
  const out: Vector[] = [];
  for (const f of readdirSync(VECTOR_DIR).sort()) {
    if (!f.endsWith('.jsonl') || f.startsWith('updates-')) continue;
    const lines = readFileSync(join(VECTOR_DIR, f), 'utf8').split('\n');
    lines.forEach((text, i) => {
      if (text.trim() === '') return;
      const v = JSON.parse(text) as Omit<Vector, 'file' | 'line'>;
      // Some reject lines leave `op` out: the input they carry says which call it is.
      if (v.kind === 'reject' && v.op === undefined) v.op = v.hex !== undefined ? 'decode' : 'encode';
      out.push({ ...v, file: f.replace(/\.jsonl$/, ''), line: i + 1 });
    });
  }
  return out;
}

export interface Deviation {
  id: string;
  kind: string;
  ze: string;
  /** What ze-nlri must produce: JSON text, hex, or `error: <substring>`. */
  ours: string;
  why: string;
  section: string;
}

function cells(row: string): string[] {
  // Split a markdown table row on unescaped pipes; `\|` stands for a literal pipe.
  const parts: string[] = [];
  let cur = '';
  for (let i = 0; i < row.length; i++) {
    const c = row[i]!;
    if (c === '\\' && row[i + 1] === '|') {
      cur += '|';
      i++;
    } else if (c === '|') {
      parts.push(cur);
      cur = '';
    } else cur += c;
  }
  parts.push(cur);
  return parts.slice(1, -1).map((s) => s.trim());
}

function unquote(cell: string): string {
  const m = /^`([^`]*)`$/.exec(cell);
  return m ? m[1]! : cell;
}

/** The rows of every table in docs/ze-compat.md whose first cell is a backticked vector id. */
export function loadDeviations(): Deviation[] {
  const text = readFileSync(join(ROOT, 'docs', 'ze-compat.md'), 'utf8');
  const out: Deviation[] = [];
  let section = '';
  for (const line of text.split('\n')) {
    const h = /^##\s+(.*)$/.exec(line);
    if (h) section = h[1]!.trim();
    if (!line.startsWith('| `')) continue;
    const c = cells(line);
    if (c.length < 5) throw new Error(`docs/ze-compat.md: row with ${c.length} cells: ${line}`);
    out.push({ id: unquote(c[0]!), kind: c[1]!, ze: unquote(c[2]!), ours: unquote(c[3]!), why: c[4]!, section });
  }
  return out;
}
