/**
 * Interop: Wireshark's BGP dissector (tshark 4.0.17, Debian bookworm) decodes what ze-nlri
 * encodes. For every registered family tshark dissects, the samples and generated models are
 * encoded by ze-nlri, put in MP_REACH (and MP_UNREACH) UPDATEs in one pcap, dissected in one
 * tshark run, and compared with ze-nlri's own decoding: one NLRI covering exactly the input
 * bytes, no expert error, and the same field values (test/interop/views/tshark.ts).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { updateReach, updateUnreach } from './lib/bgp.js';
import { inDirection, inputsFor, registeredFamilies, type Input } from './lib/inputs.js';
import { bugById, knownBug } from './lib/known.js';
import { Report } from './lib/report.js';
import { runsPerFamily, TSHARK } from './lib/tools.js';
import { tsharkDecode, type TsResult } from './lib/tshark.js';
import { TSHARK_FAMILIES, tsharkSkip, tsharkViews } from './views/tshark.js';
import { sorted } from './views/types.js';

const families = registeredFamilies().filter((f) => TSHARK_FAMILIES.has(f));
/**
 * Families whose generated models are sent besides the samples (their arbitraries generate
 * RFC-structured NLRIs; BGP-LS: RFC 9552 §5.2 descriptor order and placement); FlowSpec and EVPN
 * send samples only until their generated disagreements are triaged.
 */
const GENERATED_OK = new Set(families.filter((f) => !/flow|evpn/.test(f)));

// Skipped where tshark is not installed (.ci/install-oracles installs it; CI runs this).
describe.skipIf(!TSHARK)('tshark 4.0.17 decodes ze-nlri encodings', () => {
  const report = new Report('tshark');
  const inputs = new Map<string, Input[]>();
  const results = new Map<string, { reach: TsResult; unreach: TsResult }[]>();

  beforeAll(async () => {
    const jobs: { family: string; input: Input }[] = [];
    for (const f of families) {
      const ins = await inputsFor(f, GENERATED_OK.has(f) ? runsPerFamily(40) : 0);
      inputs.set(f, ins);
      for (const input of ins) jobs.push({ family: f, input });
    }
    const out = tsharkDecode(
      jobs.flatMap(({ input: i }) => [
        { update: updateReach(i.afi, i.safi, i.bytes), withdraw: false, nlriLen: i.bytes.length },
        { update: updateUnreach(i.afi, i.safi, i.bytes), withdraw: true, nlriLen: i.bytes.length },
      ]),
      60_000,
    );
    jobs.forEach((j, k) => {
      const list = results.get(j.family) ?? [];
      results.set(j.family, list);
      list.push({ reach: out[2 * k]!, unreach: out[2 * k + 1]! });
    });
  });
  afterAll(() => report.flush());

  it('has families to compare', () => {
    expect(families.length).toBeGreaterThan(0);
  });

  for (const family of families) {
    it(family, () => {
      const view = tsharkViews[family];
      const row = report.row(family, view ? 'fields' : 'structure');
      const problems: string[] = [];
      (inputs.get(family) ?? []).forEach((sent, k) => {
        const r = results.get(family)![k]!;
        for (const [dir, res] of [['announce', r.reach], ['withdraw', r.unreach]] as const) {
          row.inputs++;
          // ze-nlri's decoding from the attribute the input is in (RFC 8277 §2.4 reads by it)
          const input = inDirection(sent, dir === 'withdraw');
          const skip = input ? (view?.skip?.(input.ours, input) ?? tsharkSkip[family]?.(input)) : 'not one NLRI in this attribute';
          if (skip || !input) {
            row.skipped++;
            continue;
          }
          let bug = knownBug('tshark', input, dir === 'withdraw');
          const diff: string[] = [];
          // tshark 4.0 places the RTC route after its length octet (its prefix-length item is mispositioned)
          const start = family === 'ipv4/rtc' && input.bytes[0] !== 0 ? 1 : 0;
          const one = res.nlri.length === 1 && res.nlri[0]!.off === start && res.nlri[0]!.off + res.nlri[0]!.len === input.bytes.length;
          if (res.status !== 'ok') diff.push(`tshark: ${res.problems.join('; ')}`);
          else if (!one) diff.push(`NLRI boundaries: tshark ${JSON.stringify(res.nlri.map((n) => [n.off, n.len]))}, ours [[0,${input.bytes.length}]]`);
          else if (view) {
            const ours = sorted(view.ours(input.ours, input));
            const theirs = sorted(view.theirs(res.nlri[0]!, input));
            const seen = theirs.find((t) => t.startsWith('!bug:'));
            if (seen) bug = bugById(seen.slice(5)) ?? bug;
            else if (JSON.stringify(ours) !== JSON.stringify(theirs)) diff.push(`ours ${JSON.stringify(ours)} tshark ${JSON.stringify(theirs)}`);
            if (seen) diff.push(seen);
          }
          if (bug) {
            row.knownBugs++;
            if (diff.length === 0 && bug.always) problems.push(`${input.id} ${dir} ${input.hex}: known tshark bug no longer shows: ${bug.reason}`);
          } else if (diff.length) {
            row.mismatches++;
            problems.push(`${input.id} ${dir} ${input.hex}: ${diff.join('; ')}`);
          } else row.agree++;
        }
      });
      expect(problems).toEqual([]);
    });
  }
});
