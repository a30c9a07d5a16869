/**
 * Interop: tshark 4.0.17 (Debian bookworm) reads the path attributes of whole UPDATEs
 * (lib/attr-inputs.ts: the ze-update vectors, every attribute sample, generated models) as
 * ze-nlri does: all UPDATEs in one pcap, one `tshark -T pdml` run, and per attribute the facts
 * of views/attr-tshark.ts against ze-nlri's typed model (views/attr-ours.ts).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { attrInputs, type AttrInput } from './lib/attr-inputs.js';
import { attrBug } from './lib/attr-known.js';
import { tsharkAttrs, type TsUpdate } from './lib/attr-tshark.js';
import { Report } from './lib/report.js';
import { runsPerFamily, TSHARK } from './lib/tools.js';
import { tsharkOurs, tsharkSkip, tsharkTheirs } from './views/attr-tshark.js';
import { sorted } from './views/types.js';

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
    const problems: string[] = [];
    inputs.forEach((input, k) => {
      const ts = out[k]!;
      for (const a of input.attrs) {
        const name = a.codec?.name ?? `attr-${a.code}`;
        const row = report.row(`attr:${name}`, 'fields');
        row.inputs++;
        const ours = a.codec ? tsharkOurs(a) : undefined;
        const t = ts.attrs.find((x) => x.code === a.code);
        if (!ours || !t || tsharkSkip(a)) {
          row.skipped++;
          continue;
        }
        const bug = attrBug('tshark', a, input);
        const diff: string[] = [];
        if (t.expert.length) diff.push(`tshark: ${t.expert.join('; ')}`);
        else {
          const theirs = sorted(tsharkTheirs(t, a));
          const o = sorted(ours);
          const seen = theirs.find((x) => x.startsWith('!bug:'));
          if (seen) diff.push(seen);
          else if (JSON.stringify(o) !== JSON.stringify(theirs)) diff.push(`ours ${JSON.stringify(o)} tshark ${JSON.stringify(theirs)}`);
        }
        if (bug) {
          row.knownBugs++;
          if (!diff.length && bug.always) problems.push(`${input.id} ${name} ${input.hex}: known tshark bug ${bug.id} no longer shows`);
        } else if (diff.length) {
          row.mismatches++;
          problems.push(`${input.id} ${name} ${input.hex}: ${diff.join('; ')}`);
        } else row.agree++;
      }
    });
    expect(problems).toEqual([]);
  });
});
