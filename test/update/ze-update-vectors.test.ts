/**
 * Every whole-UPDATE vector recorded from Ze (test/vectors/ze-update/*.jsonl: Ze's own tests, RFC
 * examples, hand-built messages, each with the stdout of `ze bgp decode --update --json` at
 * f09f9ac2) through decodeUpdateHex. COMPAT.md §7: the text is byte-identical to Ze's, or it
 * differs in a way a row of docs/ze-compat.md § "Whole UPDATEs" documents: every value Ze prints
 * is in ze-nlri's JSON at the same place with the same literal (superset), except at the paths
 * that row names (where Ze misreads the bytes and ze-nlri follows the RFC).
 */
import { describe, expect, it } from 'vitest';
import { decodeUpdateHex } from '../../src/index.js';
import { missingLeaves, parseExact, pathMatches } from '../support/exact-json.js';
import { loadUpdateVectors } from '../support/update-vectors.js';
import { loadUpdateDeviations } from '../support/update-deviations.js';

const vectors = loadUpdateVectors().filter((v) => typeof v.json_text === 'string' && v.json_text.startsWith('{'));
const classes = loadUpdateDeviations();

function globMatch(glob: string, id: string): boolean {
  return new RegExp('^' + glob.replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*') + '$').test(id);
}

function ours(v: { hex: string; as4?: boolean }): string {
  return decodeUpdateHex(v.hex, { as4: v.as4 ?? true });
}

describe('Ze whole-UPDATE vectors', () => {
  it('are there', () => {
    expect(vectors.length).toBeGreaterThan(100);
  });
  for (const v of vectors) {
    it(`${v.id} (${v.file})`, () => {
      const text = ours(v);
      const mine = parseExact(text);
      if (text === v.json_text) return;
      const ze = parseExact(v.json_text!);
      const rows = classes.filter((c) => c.vectors.some((g) => globMatch(g, v.id)));
      expect(rows.map((r) => r.id), `${v.id} differs from Ze and no docs/ze-compat.md "Whole UPDATEs" row covers it.\nZe:   ${v.json_text}\nours: ${text}`).not.toEqual([]);
      const allowed = rows.flatMap((r) => r.paths);
      const missing = missingLeaves(ze, mine).filter((p) => !allowed.some((pat) => pathMatches(pat, p.split('.'))));
      expect(missing, `${v.id}: values Ze prints that ze-nlri does not (rows ${rows.map((r) => r.id).join(', ')}).\nZe:   ${v.json_text}\nours: ${text}`).toEqual([]);
    });
  }
});

describe('docs/ze-compat.md "Whole UPDATEs" rows', () => {
  it('every explicitly named vector still differs', () => {
    const byId = new Map(vectors.map((v) => [v.id, v]));
    for (const c of classes) {
      for (const id of c.vectors.filter((g) => !g.includes('*'))) {
        const v = byId.get(id);
        expect(v, `row ${c.id} names unknown vector ${id}`).toBeDefined();
        expect(ours(v!), `row ${c.id}: ${id} no longer differs from Ze`).not.toBe(v!.json_text);
      }
    }
  });
});
