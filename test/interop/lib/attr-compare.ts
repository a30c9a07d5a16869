/**
 * The comparison loop every path-attribute interop file runs: for each input UPDATE and each
 * attribute under test, ze-nlri's facts (through the oracle's view) against the oracle's facts,
 * counted per attribute (`attr:<name>` rows of lib/report.ts), with the known disagreements of
 * lib/attr-known.ts: an `always` one that stops showing is a failure too.
 */
import type { PathAttribute } from '../../../src/index.js';
import { sorted, type Facts } from '../views/types.js';
import type { AttrInput } from './attr-inputs.js';
import { attrBug } from './attr-known.js';
import type { Report } from './report.js';

export interface OracleReading {
  /** The oracle's facts; a `!bug:<id>` fact names a known bug the view recognised. */
  facts?: Facts;
  /** The oracle refused the UPDATE or the attribute (its message). */
  error?: string;
  /** Not sent to the oracle (why): counted as skipped. */
  skip?: string;
}

/**
 * Inputs not sent to the oracle: past the first `perBug` inputs of each `isolate` bug (each
 * would cost a run of its own and show the same bug again). Returns their indices and the bug.
 */
export function notSent(oracle: string, inputs: readonly AttrInput[], perBug: number): Map<number, string> {
  const seen = new Map<string, number>();
  const out = new Map<number, string>();
  inputs.forEach((input, k) => {
    const bug = input.attrs.map((a) => attrBug(oracle, a, input)).find((b) => b?.isolate);
    if (!bug) return;
    const n = (seen.get(bug.id) ?? 0) + 1;
    seen.set(bug.id, n);
    if (n > perBug) out.set(k, `not sent: known ${bug.id}, shown by its first ${perBug} inputs`);
  });
  return out;
}

export interface AttrOracle {
  name: string;
  /** Why this attribute is not compared with this oracle, or undefined. */
  skip(a: PathAttribute, input: AttrInput): string | undefined;
  ours(a: PathAttribute, input: AttrInput): Facts | undefined;
  theirs(k: number, a: PathAttribute, input: AttrInput): OracleReading;
}

/** Compare every input; returns the problems (empty when all agree or are known). */
export function compareAttrs(o: AttrOracle, inputs: readonly AttrInput[], report: Report): string[] {
  const problems: string[] = [];
  inputs.forEach((input, k) => {
    for (const a of input.attrs) {
      const name = a.codec?.name ?? `attr-${a.code}`;
      const row = report.row(`attr:${name}`, 'fields');
      row.inputs++;
      const ours = a.codec && !o.skip(a, input) ? o.ours(a, input) : undefined;
      if (!ours) {
        row.skipped++;
        continue;
      }
      const r = o.theirs(k, a, input);
      if (r.skip !== undefined) {
        row.skipped++;
        continue;
      }
      const bug = attrBug(o.name, a, input);
      // the oracle refused the whole UPDATE because of another attribute (a known bug of its own)
      if (r.error !== undefined && !bug && input.attrs.some((b) => b !== a && attrBug(o.name, b, input))) {
        row.skipped++;
        continue;
      }
      const diff: string[] = [];
      if (r.error !== undefined) diff.push(`${o.name}: ${r.error}`);
      else {
        const theirs = sorted(r.facts ?? []);
        const mine = sorted(ours);
        const seen = theirs.find((x) => x.startsWith('!bug:'));
        if (seen) diff.push(seen);
        else if (JSON.stringify(mine) !== JSON.stringify(theirs)) diff.push(`ours ${JSON.stringify(mine)} ${o.name} ${JSON.stringify(theirs)}`);
      }
      if (bug) {
        row.knownBugs++;
        if (!diff.length && bug.always) problems.push(`${input.id} ${name} ${input.hex}: known ${o.name} disagreement ${bug.id} no longer shows`);
      } else if (diff.length) {
        row.mismatches++;
        problems.push(`${input.id} ${name} ${input.hex}: ${diff.join('; ')}`);
      } else row.agree++;
    }
  });
  return problems;
}
