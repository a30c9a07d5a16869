/**
 * Interop: ExaBGP 4.2.21 (Debian bookworm) reads the path attributes of whole UPDATEs
 * (lib/attr-inputs.ts) as ze-nlri does: `exabgp --decode` over the batch (lib/attr-exabgp.ts),
 * and per attribute the facts of views/attr-exabgp.ts against ze-nlri's typed model.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compareAttrs, notSent } from './lib/attr-compare.js';
import { exabgpAttrs, type ExaAttrResult } from './lib/attr-exabgp.js';
import { attrInputs, type AttrInput } from './lib/attr-inputs.js';
import { Report } from './lib/report.js';
import { EXABGP, runsPerFamily } from './lib/tools.js';
import { exabgpOurs, exabgpSkip, exabgpTheirs } from './views/attr-exabgp.js';

describe.skipIf(!EXABGP)('ExaBGP 4.2.21 reads path attributes as ze-nlri does', () => {
  const report = new Report('exabgp');
  let inputs: AttrInput[] = [];
  let out: ExaAttrResult[] = [];
  let held = new Map<number, string>();

  beforeAll(async () => {
    inputs = await attrInputs(runsPerFamily(12));
    // an UPDATE ExaBGP refuses costs two runs: a known refusal is shown by its first 3 inputs
    held = notSent('exabgp', inputs, 3);
    const sent = inputs.map((i, k) => [i, k] as const).filter(([, k]) => !held.has(k));
    const got = exabgpAttrs(sent.map(([i]) => i), 30_000);
    out = inputs.map(() => ({}));
    sent.forEach(([, k], j) => (out[k] = got[j]!));
  }, 60_000);
  afterAll(() => report.flush());

  it('every attribute, fact by fact', () => {
    const problems = compareAttrs(
      {
        name: 'exabgp',
        skip: (a) => exabgpSkip(a),
        ours: (a) => exabgpOurs(a),
        theirs: (k, a) => {
          if (held.has(k)) return { skip: held.get(k)! };
          const r = out[k]!;
          if (!r.attribute) return { error: r.error ?? 'no update json' };
          return { facts: exabgpTheirs(r.attribute, a) };
        },
      },
      inputs,
      report,
    );
    expect(problems).toEqual([]);
  });
});
