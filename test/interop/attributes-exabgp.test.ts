/**
 * Interop: ExaBGP 4.2.21 (Debian bookworm) reads the path attributes of whole UPDATEs
 * (lib/attr-inputs.ts) as ze-nlri does: `exabgp --decode` over the batch (lib/attr-exabgp.ts),
 * and per attribute the facts of views/attr-exabgp.ts against ze-nlri's typed model.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compareAttrs } from './lib/attr-compare.js';
import { exabgpAttrs, type ExaAttrResult } from './lib/attr-exabgp.js';
import { attrInputs, type AttrInput } from './lib/attr-inputs.js';
import { Report } from './lib/report.js';
import { EXABGP, runsPerFamily } from './lib/tools.js';
import { exabgpOurs, exabgpSkip, exabgpTheirs } from './views/attr-exabgp.js';

describe.skipIf(!EXABGP)('ExaBGP 4.2.21 reads path attributes as ze-nlri does', () => {
  const report = new Report('exabgp');
  let inputs: AttrInput[] = [];
  let out: ExaAttrResult[] = [];

  beforeAll(async () => {
    inputs = await attrInputs(runsPerFamily(12));
    out = exabgpAttrs(inputs, 30_000);
  }, 60_000);
  afterAll(() => report.flush());

  it('every attribute, fact by fact', () => {
    const problems = compareAttrs(
      {
        name: 'exabgp',
        skip: (a) => exabgpSkip(a),
        ours: (a) => exabgpOurs(a),
        theirs: (k, a) => {
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
