/**
 * Interop: GoBGP 3.10 (Debian bookworm) decodes what ze-nlri encodes. One private gobgpd on
 * loopback for the file; per family, every input goes in one BGP session from our speaker (one
 * UPDATE each, MED-tagged), and gobgpd's Adj-RIB-In path for each input is compared with
 * ze-nlri's decoding field by field (test/interop/views/gobgp.ts). Then the same bytes are
 * withdrawn in MP_UNREACH, and the route must leave Adj-RIB-In.
 *
 * Only inputs ze-nlri decodes go to gobgpd (it panics on some malformed NLRI); a crash is
 * reported with gobgpd's panic text and a fresh daemon takes the remaining inputs.
 * Not compared: l2vpn/vpls (the gobgp 3.10 CLI cannot list it), bgp-ls (the CLI gives no NLRI
 * JSON for it), MVPN and BGP-LS-VPN (not in GoBGP 3.10).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GOBGP_FAMILY, GoBgpd } from './lib/gobgp.js';
import { feedFamily, type FedResult } from './lib/gobgp-feed.js';
import { inDirection, inputsFor, registeredFamilies, type Input } from './lib/inputs.js';
import { knownBug } from './lib/known.js';
import './lib/known-gobgp.js';
import { Report } from './lib/report.js';
import { GOBGP, GOBGPD, runsPerFamily } from './lib/tools.js';
import { flowAlign, gobgpViews } from './views/gobgp.js';
import { sorted } from './views/types.js';

const families = registeredFamilies().filter((f) => f in gobgpViews && f in GOBGP_FAMILY);
/** Generated models for these; samples only for the rest (see tshark.test.ts: FlowSpec and EVPN arbitraries are not triaged yet). */
const GENERATED_OK = new Set(['ipv4/mpls-vpn', 'ipv6/mpls-vpn', 'ipv4/mpls-label', 'ipv6/mpls-label', 'ipv4/mup', 'ipv6/mup', 'ipv4/rtc']);

// Skipped where gobgpd / gobgp are not installed (.ci/install-oracles installs them; CI runs this).
describe.skipIf(!GOBGPD || !GOBGP)('GoBGP 3.10 decodes ze-nlri encodings (gobgpd Adj-RIB-In)', () => {
  const report = new Report('gobgp');
  const h = { d: new GoBgpd(['ipv4/unicast', ...families]) };
  const sent = new Map<string, Input[]>();
  const got = new Map<string, FedResult[]>();
  const skipped = new Map<string, number>();

  beforeAll(async () => {
    await h.d.start();
    for (const f of families) {
      const view = gobgpViews[f]!;
      const all = await inputsFor(f, GENERATED_OK.has(f) ? runsPerFamily(40) : 0);
      // announced from MP_REACH: ze-nlri's reading there, and only what GoBGP can read at all
      const ins = all.map((i) => inDirection(i, false)).filter((i): i is Input => !!i && !view.skip?.(i.ours, i));
      skipped.set(f, all.length - ins.length);
      sent.set(f, ins);
      got.set(f, await feedFamily(h, f, ins, { timeoutMs: 4_000 }));
    }
  }, 60_000);
  afterAll(async () => {
    await h.d.stop();
    report.flush();
  });

  it('has families to compare', () => {
    expect(families.length).toBeGreaterThan(0);
  });

  for (const family of families) {
    it(family, () => {
      const view = gobgpViews[family]!;
      const row = report.row(family, 'fields');
      row.skipped += skipped.get(family) ?? 0;
      row.inputs += skipped.get(family) ?? 0;
      const problems: string[] = [];
      (sent.get(family) ?? []).forEach((input, k) => {
        const r = got.get(family)![k]!;
        row.inputs++;
        const bug = knownBug('gobgp', input, false);
        const diff: string[] = [];
        if (r.crashed) diff.push(`gobgpd CRASHED on this valid input: ${r.error}`);
        else if (!r.path) diff.push(`gobgp: ${r.error}`);
        else if (r.path.nlri === null) diff.push(`gobgp kept no NLRI JSON, route key ${r.path.key}`);
        else {
          const ours = sorted(view.ours(input.ours, input));
          const theirs = sorted(family.includes('flow') ? flowAlign(ours, view.theirs(r.path.nlri, input)) : view.theirs(r.path.nlri, input));
          if (JSON.stringify(ours) !== JSON.stringify(theirs)) diff.push(`ours ${JSON.stringify(ours)} gobgp ${JSON.stringify(theirs)} (key ${r.path.key})`);
          if (r.withdrawn === false) diff.push('withdrawing the same bytes in MP_UNREACH left the route in Adj-RIB-In');
        }
        if (bug) {
          row.knownBugs++;
          if (diff.length === 0 && bug.always) problems.push(`${input.id} ${input.hex}: known disagreement no longer shows: ${bug.reason}`);
        } else if (diff.length) {
          row.mismatches++;
          problems.push(`${input.id} ${input.hex}: ${diff.join('; ')}`);
        } else row.agree++;
      });
      expect(problems).toEqual([]);
    });
  }
});
