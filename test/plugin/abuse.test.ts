/**
 * Abuse suite: what a plugin must survive or refuse (ze-plugin-protocol.md §2, §3, §4).
 * Each case runs `ze-nlri plugin` as a real child process against the engine simulator.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { makeCert } from './cert.js';
import { EngineSim, updateEvent } from './engine-sim.js';

const MODULE = ['--family-module', 'examples/colored-prefix.mjs'];
const MAX = 16 * 1024 * 1024;

async function started(args: string[] = MODULE): Promise<EngineSim> {
  const sim = await EngineSim.start({ args });
  await sim.whenConnected();
  await sim.started;
  return sim;
}

describe('malformed input from the engine', () => {
  let sim: EngineSim;
  afterAll(async () => sim && (await sim.close()));

  it('logs and survives malformed lines, answers bad-JSON requests with an error', async () => {
    sim = await started();
    sim.send('garbage without a hash');
    sim.send('#12');
    sim.send('#abc ze-plugin-callback:post-startup');
    sim.send('#999 ok');
    sim.send('#998 error {"code":"error","message":"late"}');
    sim.send('');
    const bad = await sim.requestWithId('77', 'ze-plugin-callback:execute-command', undefined);
    expect(bad.verb).toBe('ok'); // no payload means no parameters (§3.1)
    expect(bad.payload.status).toBe('error');
    sim.send('#78 ze-plugin-callback:execute-command {not json');
    const after = await sim.command('ze-nlri stats');
    expect(after.status).toBe('done');
    const ans78 = sim.received.find((l) => l.id === '78');
    expect(ans78?.verb).toBe('error');
    expect(sim.stderr).toMatch(/level=WARN msg="malformed line from the engine, ignored" error="line does not start with #"/);
    expect(sim.child!.exitCode).toBeNull();
  });

  it('answers unknown methods with "unknown method: <m>"', async () => {
    const a = await sim.request('ze-plugin-callback:frobnicate', { x: 1 });
    expect(a.payload).toEqual({ code: 'error', message: 'unknown method: ze-plugin-callback:frobnicate' });
    const b = await sim.request('not-a-namespace');
    expect(b.payload).toEqual({ code: 'error', message: 'unknown method: not-a-namespace' });
    const c = await sim.request('ze-plugin-callback:filter-update', {});
    expect(c.verb).toBe('error');
  });

  it("reads Ze's invalid event JSON from raw, survives damaged variants of it, and refuses hostile routes arguments", async () => {
    // Recorded from the real Ze f09f9ac2 (issue 13 §0): FlowSpec with rate-limit, VPN with RTs:
    // `update.attr` has a stray comma; the plugin must keep both routes all the same.
    const batches = readFileSync(new URL('./fixtures/ze-f09f9ac2-batches.jsonl', import.meta.url), 'utf8').trim().split('\n');
    for (const b of batches.slice(0, 3)) expect((await sim.requestPayload('ze-plugin-callback:deliver-batch', b)).verb).toBe('ok');
    const got = JSON.parse((await sim.command('ze-nlri routes', ['peer', '127.0.0.1'])).data) as { routes: Array<Record<string, any>> };
    expect(got.routes.map((r) => [r.family, r['next-hop'], r.attr['extended-community'].map((e: any) => e.string)])).toEqual([
      ['ipv4/flow', 'no-nexthop', ['rate-limit:1000']],
      ['ipv4/mpls-vpn', '127.0.0.1', ['target:65000:100', 'target:65000:200']],
    ]);
    // Damaged: the bad event with its brackets unbalanced, raw cut, raw values of the wrong type,
    // attributes that are not hex or do not hold together, an MP_REACH longer than the UPDATE.
    const ev = (JSON.parse(batches[1]!) as { events: string[] }).events[0]!;
    const variants = [
      ev.replace('"raw":{', '"raw":{{'),
      ev.slice(0, ev.indexOf('"raw"') + 12),
      ev.replace(/"attributes":"[0-9a-f]*"/, '"attributes":17'),
      ev.replace(/"attributes":"[0-9a-f]*"/, '"attributes":"zz01"'),
      ev.replace(/"attributes":"[0-9a-f]*"/, '"attributes":"c01008800600"'),
      ev.replace(/"update":"[0-9a-f]*"/, '"update":"0000ffff800e"'),
      ev.replace(/"nlri":\{"ipv4\/flow":"[0-9a-f]*"\}/, '"nlri":{"ipv4/flow":["x"]}'),
      ev.replace('"peer":{', '"peer":[{'),
      ev.replace('{"type":"bgp"', '{"type":"bgp",,,'),
    ];
    for (const v of variants) expect((await sim.deliver([]).then(() => sim.requestPayload('ze-plugin-callback:deliver-batch', JSON.stringify({ events: [v] })))).verb).toBe('ok');
    for (const args of [['limit', '-1'], ['after', '!!'], ['rt'], ['limit', '99999999999'], ['count', 'after', 'x']]) {
      const r = await sim.command('ze-nlri routes', args);
      expect(r.status).toBe('error');
    }
    const stats = JSON.parse((await sim.command('ze-nlri stats')).data);
    expect(stats['events-invalid-json-read']).toBeGreaterThanOrEqual(2);
    expect(sim.child!.exitCode).toBeNull();
    expect(sim.stderr).not.toMatch(/level=ERROR/);
  });

  it('accepts a deliver-batch line of (almost) 16 MiB', async () => {
    const one = '2800640a0000';
    const head = '#5000 ze-plugin-callback:deliver-batch ';
    const probe = (n: number) => head.length + JSON.stringify({ events: [JSON.stringify(updateEvent({ nlri: { 'ipv4/colored': one.repeat(n) } })) + '\n'] }).length;
    // The NLRI hex appears twice in a full event (raw.nlri and raw.update): measure the growth.
    const per = (probe(1000) - probe(0)) / 1000;
    const n0 = Math.floor((MAX - probe(0) - 64) / per);
    const n = n0 + Math.floor((MAX - 64 - probe(n0)) / per);
    expect(probe(n)).toBeLessThanOrEqual(MAX);
    expect(probe(n)).toBeGreaterThan(MAX - 100);
    const before = JSON.parse((await sim.command('ze-nlri stats')).data)['nlri-announced'];
    const ans = await sim.requestWithId('5000', 'ze-plugin-callback:deliver-batch', { events: [JSON.stringify(updateEvent({ nlri: { 'ipv4/colored': one.repeat(n) } })) + '\n'] }, 30_000);
    expect(ans.raw).toBe('#5000 ok');
    const after = JSON.parse((await sim.command('ze-nlri stats')).data)['nlri-announced'];
    expect(after - before).toBe(n);
  });

  it('treats a line over 16 MiB as fatal, as the engine does, and exits', async () => {
    sim.send('#6000 ze-plugin-callback:deliver-batch {"events":["' + 'a'.repeat(MAX) + '"]}');
    await sim.waitExit(10_000);
    expect(sim.stderr).toMatch(/level=ERROR msg="framing error from the engine, closing" error="line longer than 16777216 bytes"/);
  });
});

describe('start-up', () => {
  const sims: EngineSim[] = [];
  afterAll(async () => {
    for (const s of sims) await s.close();
  });
  async function manual(opts: ConstructorParameters<typeof EngineSim>[0] = {}): Promise<EngineSim> {
    const sim = await EngineSim.start({ args: MODULE, manualStages: true, ...opts });
    sims.push(sim);
    return sim;
  }

  it('answers engine requests that arrive during start-up and still sends only the stage requests', async () => {
    const sim = await manual();
    await sim.whenConnected();
    const reg = await sim.nextRequest(() => true);
    expect(reg.verb).toBe('ze-plugin-engine:declare-registration');
    // Before answering stage 1, the engine asks something else: it must be answered.
    const early = await sim.request('ze-plugin-callback:execute-command', { serial: '', command: 'ze-nlri families', args: [], peer: '*' });
    expect(early.payload.status).toBe('done');
    await new Promise((r) => setTimeout(r, 200));
    // Nothing but the registration request so far (answers are not requests).
    expect(sim.received.filter((l) => l.verb.startsWith('ze-plugin-engine:')).length).toBe(1);
    sim.send(`#${reg.id} ok`);
    await sim.request('ze-plugin-callback:configure', { sections: null });
    const caps = await sim.nextRequest(() => true);
    expect(caps.verb).toBe('ze-plugin-engine:declare-capabilities');
    expect(caps.payload).toEqual({ capabilities: [] });
    sim.send(`#${caps.id} ok`);
    await sim.request('ze-plugin-callback:share-registry', { commands: [] });
    const ready = await sim.nextRequest(() => true);
    expect(ready.verb).toBe('ze-plugin-engine:ready');
    sim.send(`#${ready.id} ok`);
    sim.eof();
    expect(await sim.waitExit(3000)).toBe(0);
  });

  it('exits non-zero with an ERROR line on EOF mid-stage, within 1 s', async () => {
    const sim = await manual();
    await sim.whenConnected();
    const reg = await sim.nextRequest(() => true);
    sim.send(`#${reg.id} ok`);
    await sim.request('ze-plugin-callback:configure', { sections: null });
    await sim.nextRequest(() => true); // declare-capabilities, never answered
    const t0 = Date.now();
    sim.eof();
    expect(await sim.waitExit(3000)).not.toBe(0);
    expect(Date.now() - t0).toBeLessThan(1000);
    expect(sim.stderr).toMatch(/level=ERROR msg="plugin start-up failed" stage=declare-capabilities/);
  });

  it('exits non-zero when the engine refuses a stage (registration conflict)', async () => {
    const sim = await manual();
    await sim.whenConnected();
    const reg = await sim.nextRequest(() => true);
    sim.send(`#${reg.id} error {"code":"error","message":"registration conflict: family conflict: ipv4/colored already registered by other"}`);
    expect(await sim.waitExit(3000)).not.toBe(0);
    expect(sim.stderr).toMatch(/level=ERROR msg="plugin start-up failed" stage=declare-registration error="registration conflict/);
  });

  it('refuses an engine whose certificate does not match ZE_PLUGIN_CERT_FP, before sending auth', async () => {
    const other = makeCert();
    const sim = await manual({ env: { ZE_PLUGIN_CERT_FP: other.fingerprint } });
    expect(await sim.waitExit(5000)).not.toBe(0);
    expect(sim.authResult).toBeUndefined();
    expect(sim.stderr).toMatch(/level=ERROR msg="refusing engine connection: certificate fingerprint mismatch"/);
  });

  it('exits non-zero with an ERROR line when the token is wrong', async () => {
    const sim = await manual({ env: { ZE_PLUGIN_HUB_TOKEN: 'f'.repeat(64) } });
    expect(await sim.waitExit(5000)).not.toBe(0);
    expect(sim.authResult).toBe('auth failed');
    expect(sim.stderr).toMatch(/level=ERROR msg="authentication refused by the engine" stage=auth error="auth failed"/);
  });

  it('removes the token from its environment and fails clearly without one', async () => {
    const sim = await manual({ env: { ZE_PLUGIN_HUB_TOKEN: undefined } });
    expect(await sim.waitExit(5000)).not.toBe(0);
    expect(sim.stderr).toMatch(/level=ERROR msg="cannot start plugin" error="ZE_PLUGIN_HUB_TOKEN is not set/);
  });

  it('refuses a family module whose names clash with Ze name tables', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ze-nlri-mod-'));
    try {
      const body = (name: string, afi: number, safi: number) =>
        `export default { name: ${JSON.stringify(name)}, afi: ${afi}, safi: ${safi}, decode(){}, encodingLength(){return 0}, encode(){}, json(){}, fromArgs(){} };\n`;
      writeFileSync(join(dir, 'clash.mjs'), body('inet/thing', 1, 250));
      writeFileSync(join(dir, 'upper.mjs'), body('IPv4/Thing', 1, 242));
      writeFileSync(join(dir, 'dup.mjs'), body('ipv4/colored', 1, 243));
      const cases: Array<[string[], RegExp]> = [
        [['--family-module', join(dir, 'clash.mjs')], /AFI name conflict: AFI 1 is \W+ipv4\W+ got \W+inet\W/],
        [['--family-module', join(dir, 'upper.mjs')], /family name must be lower-case/],
        [[...MODULE, '--family-module', join(dir, 'dup.mjs')], /family conflict: ipv4\/colored already registered/],
        [['--family', 'ipv4/nope'], /unknown family ipv4\/nope/],
      ];
      for (const [args, re] of cases) {
        const sim = await manual({ args });
        expect(await sim.waitExit(5000)).not.toBe(0);
        expect(sim.stderr).toMatch(/level=ERROR msg="ze-nlri plugin: cannot start"/);
        expect(sim.stderr).toMatch(re);
        expect(sim.authResult).toBeUndefined();
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
