/**
 * Interop: tshark 4.0.17 (Debian bookworm) reads the path attributes of whole UPDATEs
 * (lib/attr-inputs.ts: the ze-update vectors, every attribute sample, generated models) as
 * ze-nlri does: all UPDATEs in one pcap, one `tshark -T pdml` run, and per attribute the facts
 * of views/attr-tshark.ts against ze-nlri's typed model (views/attr-ours.ts).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compareAttrs } from './lib/attr-compare.js';
import { attrInputs, type AttrInput } from './lib/attr-inputs.js';
import { tsharkAttrs, type TsUpdate } from './lib/attr-tshark.js';
import { Report } from './lib/report.js';
import { runsPerFamily, TSHARK } from './lib/tools.js';
import { tsharkOurs, tsharkSkip, tsharkTheirs } from './views/attr-tshark.js';

describe.skipIf(!TSHARK)('tshark 4.0.17 reads path attributes as ze-nlri does', () => {
  const report = new Report('tshark');
  let inputs: AttrInput[] = [];
  let out: TsUpdate[] = [];

  beforeAll(async () => {
    inputs = await attrInputs(runsPerFamily(12));
    out = tsharkAttrs(inputs.map((i) => i.update));
  });
  afterAll(() => report.flush());

  it('every attribute, fact by fact', () => {
    const problems = compareAttrs(
      {
        name: 'tshark',
        skip: (a) => tsharkSkip(a),
        ours: (a) => tsharkOurs(a),
        theirs: (k, a) => {
          const t = out[k]!.attrs.find((x) => x.code === a.code);
          if (!t) return { error: 'attribute not dissected' };
          if (t.expert.length) return { error: t.expert.join('; ') };
          return { facts: tsharkTheirs(t, a) };
        },
      },
      inputs,
      report,
    );
    expect(problems).toEqual([]);
  });
});
