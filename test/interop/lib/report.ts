/**
 * Per family × oracle counts (inputs compared, agreements, known oracle bugs, skipped), printed
 * at the end of each interop file and, with INTEROP_REPORT=<file>, appended there as JSON lines
 * (docs/INTEROP.md's table is made from them).
 */
import { appendFileSync } from 'node:fs';

export interface Tally {
  oracle: string;
  family: string;
  inputs: number;
  agree: number;
  knownBugs: number;
  skipped: number;
  mismatches: number;
  depth: 'fields' | 'structure';
}

export class Report {
  private readonly rows = new Map<string, Tally>();
  constructor(private readonly oracle: string) {}

  row(family: string, depth: Tally['depth']): Tally {
    let t = this.rows.get(family);
    if (!t) {
      t = { oracle: this.oracle, family, inputs: 0, agree: 0, knownBugs: 0, skipped: 0, mismatches: 0, depth };
      this.rows.set(family, t);
    }
    return t;
  }

  flush(): void {
    const file = process.env.INTEROP_REPORT;
    if (!file) return;
    for (const t of this.rows.values()) appendFileSync(file, `${JSON.stringify(t)}\n`);
  }
}
