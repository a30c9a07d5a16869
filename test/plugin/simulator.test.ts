/**
 * `ze-nlri plugin` as a real child process against the engine simulator (engine-sim.ts), which
 * plays Ze's side as ze-plugin-protocol.md describes it. Expected values come from the spec
 * (§4, §5, §8) and from the example family's documented wire format (examples/colored-prefix.mjs).
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultRegistry } from '../../src/index.js';
import { EngineSim, stateEvent, updateEvent } from './engine-sim.js';

const MODULE = ['--family-module', 'examples/colored-prefix.mjs'];
const HAS_FLOW = defaultRegistry.has('ipv4/flow');
const SLOG = /^time=\S+ level=(DEBUG|INFO|WARN|ERROR) msg="/;

/** The NLRIs of a `routes` answer, by peer and family (the answer's routes in order). */
function nested(data: string): Record<string, Record<string, unknown[]>> {
  const out: Record<string, Record<string, unknown[]>> = {};
  for (const r of (JSON.parse(data) as { routes: Array<{ peer: string; family: string; nlri: unknown }> }).routes) ((out[r.peer] ??= {})[r.family] ??= []).push(r.nlri);
  return out;
}

describe('ze-nlri plugin under the engine simulator', () => {
  let sim: EngineSim;
  beforeAll(async () => {
    sim = await EngineSim.start({ args: [...MODULE, '--log-level', 'debug'] });
    await sim.whenConnected();
    await sim.started;
  });
  afterAll(async () => {
    await sim.close();
  });

  it('goes through the five stages strictly in order, sending nothing else before ready is answered', () => {
    expect(sim.stageError).toBeUndefined();
    const verbs = sim.received.slice(0, 6).map((l) => l.verb);
    expect(verbs).toEqual([
      'ze-plugin-engine:declare-registration',
      'ok', // configure
      'ze-plugin-engine:declare-capabilities',
      'ok', // share-registry
      'ze-plugin-engine:ready',
      'ok', // post-startup
    ]);
    // Our ids: auth was #0, then 1, 2, 3 (§3.2).
    expect(sim.received.filter((l) => l.verb.startsWith('ze-plugin-engine:')).map((l) => l.id)).toEqual(['1', '2', '3']);
  });

  it('declares its families with mode both and the RFC 4760 numbers (§4.2)', () => {
    const fams = sim.registration.families as Array<Record<string, unknown>>;
    expect(fams).toContainEqual({ name: 'ipv4/colored', mode: 'both', afi: 1, safi: 241 });
    if (HAS_FLOW) expect(fams).toContainEqual({ name: 'ipv4/flow', mode: 'both', afi: 1, safi: 133 });
    for (const f of fams) expect(f.name).toMatch(/^[a-z0-9-]+\/[a-z0-9-]+$/);
    const cmds = (sim.registration.commands as Array<{ name: string }>).map((c) => c.name).sort();
    expect(cmds).toEqual(['ze-nlri decode', 'ze-nlri encode', 'ze-nlri families', 'ze-nlri routes', 'ze-nlri stats', 'ze-nlri update']);
  });

  it('subscribes to received updates in full JSON format in ready (§4.6)', () => {
    expect(sim.readyParams.subscribe).toMatchObject({ peers: ['*'], format: 'full', encoding: 'json' });
    expect(sim.readyParams.subscribe.events).toContain('update direction received');
    expect(sim.readyParams.subscribe.events).toContain('state');
  });

  it('keeps the routes each peer announces: announce, withdraw, peer down (§5.6)', async () => {
    // Two NLRIs back to back: color 100 10.0.0.0/24, color 200 10.1.0.0/16.
    const a = await sim.deliver([updateEvent({ peer: '127.0.0.2', nlri: { 'ipv4/colored': '2800640a00002000c80a01' } })]);
    expect(a.verb).toBe('ok');
    let routes = nested((await sim.command('ze-nlri routes', ['127.0.0.2'])).data);
    expect(routes).toEqual({
      '127.0.0.2': {
        'ipv4/colored': [
          { color: 100, prefix: '10.0.0.0/24' },
          { color: 200, prefix: '10.1.0.0/16' },
        ],
      },
    });
    await sim.deliver([updateEvent({ peer: '127.0.0.2', withdrawn: { 'ipv4/colored': '2800640a0000' } })]);
    routes = nested((await sim.command('ze-nlri routes', ['127.0.0.2', 'ipv4/colored'])).data);
    expect(routes).toEqual({ '127.0.0.2': { 'ipv4/colored': [{ color: 200, prefix: '10.1.0.0/16' }] } });
    await sim.deliver([stateEvent('127.0.0.2', 'down')]);
    routes = nested((await sim.command('ze-nlri routes', [])).data);
    expect(routes['127.0.0.2']).toBeUndefined();
  });

  it('honours raw.add-path: a 4-byte path id in front of each NLRI (RFC 7911)', async () => {
    await sim.deliver([
      updateEvent({ peer: '127.0.0.3', nlri: { 'ipv4/colored': '000000072800640a0000' }, addPath: { 'ipv4/colored': true } }),
    ]);
    const routes = nested((await sim.command('ze-nlri routes', ['127.0.0.3'])).data);
    expect(routes['127.0.0.3']?.['ipv4/colored']).toEqual([{ color: 100, 'path-id': 7, prefix: '10.0.0.0/24' }]);
  });

  it('a withdrawal that carries the RFC 8277 §2.4 label field removes the labeled route it names', async () => {
    // vpn.md §5: label 100, RD 0:1:1, 10.0.0.0/24; the withdrawal has 0x800000 in the label field.
    await sim.deliver([updateEvent({ peer: '127.0.0.5', nlri: { 'ipv4/mpls-vpn': '7000064100000001000000010a0000' } })]);
    let routes = nested((await sim.command('ze-nlri routes', ['127.0.0.5', 'ipv4/mpls-vpn'])).data);
    expect(routes).toEqual({ '127.0.0.5': { 'ipv4/mpls-vpn': [{ labels: [[100]], prefix: '10.0.0.0/24', rd: '0:1:1' }] } });
    await sim.deliver([updateEvent({ peer: '127.0.0.5', withdrawn: { 'ipv4/mpls-vpn': '7080000000000001000000010a0000' } })]);
    routes = nested((await sim.command('ze-nlri routes', ['127.0.0.5'])).data);
    expect(routes['127.0.0.5']?.['ipv4/mpls-vpn'] ?? []).toEqual([]);
  });

  it.runIf(HAS_FLOW)('decodes ipv4/flow from raw.nlri as Ze prints it (spec §8)', async () => {
    await sim.deliver([updateEvent({ peer: '127.0.0.4', nlri: { 'ipv4/flow': '0501180a0000' } })]);
    const routes = nested((await sim.command('ze-nlri routes', ['127.0.0.4', 'ipv4/flow'])).data);
    expect(routes).toEqual({ '127.0.0.4': { 'ipv4/flow': [{ destination: [['10.0.0.0/24/0']] }] } });
  });

  it.runIf(HAS_FLOW)("routes with attributes from Ze's recorded events: filters, count, paging through execute-command", async () => {
    // Recorded from the real Ze f09f9ac2 (peer 127.0.0.1): FlowSpec with rate-limit and VPN with
    // two RTs (both events invalid JSON), then the VPN withdrawal.
    const batches = readFileSync(new URL('./fixtures/ze-f09f9ac2-batches.jsonl', import.meta.url), 'utf8').trim().split('\n');
    for (const b of batches.slice(0, 3)) expect((await sim.requestPayload('ze-plugin-callback:deliver-batch', b)).verb).toBe('ok');
    const q = async (args: string[]) => (await sim.command('ze-nlri routes', args)).data;
    expect(JSON.parse(await q(['count', 'peer', '127.0.0.1']))).toEqual({ count: 2, families: { 'ipv4/flow': 1, 'ipv4/mpls-vpn': 1 }, peers: { '127.0.0.1': 2 } });
    const vpn = JSON.parse(await q(['peer', '127.0.0.1', 'rt', '65000:200'])) as { routes: Array<Record<string, any>> };
    expect(vpn.routes.map((r) => [r.family, r['next-hop'], r.nlri])).toEqual([['ipv4/mpls-vpn', '127.0.0.1', { labels: [[100]], prefix: '10.1.0.0/24', rd: '0:65000:1' }]]);
    const p1 = JSON.parse(await q(['peer', '127.0.0.1', 'limit', '1'])) as { next: string; routes: Array<Record<string, any>> };
    expect(p1.routes.map((r) => r.family)).toEqual(['ipv4/flow']);
    expect(p1.routes[0]!.attr['extended-community'][0].string).toBe('rate-limit:1000');
    const p2 = JSON.parse(await q(['peer', '127.0.0.1', 'limit', '1', 'after', p1.next])) as { next?: string; routes: Array<Record<string, any>> };
    expect(p2.routes.map((r) => r.family)).toEqual(['ipv4/mpls-vpn']);
    expect(p2.next).toBeUndefined();
    expect((await sim.command('ze-nlri routes', ['limit', 'many'])).status).toBe('error');
    await sim.requestPayload('ze-plugin-callback:deliver-batch', batches[3]!);
    expect(JSON.parse(await q(['count', 'peer', '127.0.0.1'])).count).toBe(1);
    await sim.deliver([stateEvent('127.0.0.1', 'down')]);
    expect(await q(['peer', '127.0.0.1'])).toBe('{"routes":[]}');
  });

  it('counts decode errors by code and keeps running', async () => {
    const before = JSON.parse((await sim.command('ze-nlri stats')).data);
    // Length 15 bits: below the 16-bit color (bad-length); then a truncated NLRI.
    await sim.deliver([
      updateEvent({ peer: '127.0.0.5', nlri: { 'ipv4/colored': '0f0064' } }),
      updateEvent({ peer: '127.0.0.5', nlri: { 'ipv4/colored': '280064' } }),
      updateEvent({ peer: '127.0.0.5', nlri: { 'ipv4/colored': 'zz' } }),
    ]);
    const after = JSON.parse((await sim.command('ze-nlri stats')).data);
    expect(after['decode-errors'] - before['decode-errors']).toBe(3);
    expect(after['errors-by-code']['bad-length']).toBeGreaterThanOrEqual(1);
    expect(after['errors-by-code'].truncated).toBeGreaterThanOrEqual(1);
    expect(after['errors-by-code']['invalid-hex']).toBeGreaterThanOrEqual(1);
    expect(after.events - before.events).toBe(3);
    // Still answering.
    expect((await sim.command('ze-nlri families')).status).toBe('done');
    expect(sim.stderr).toMatch(/level=WARN msg="cannot decode NLRI[^\n]*family=ipv4\/colored code=bad-length/);
  });

  it('answers decode-nlri and encode-nlri callbacks (§5.1, §5.2)', async () => {
    const d = await sim.request('ze-plugin-callback:decode-nlri', { family: 'ipv4/colored', hex: '2800640a0000' });
    expect(d.raw).toBe('#' + d.id + ' ok {"json":"{\\"color\\":100,\\"prefix\\":\\"10.0.0.0/24\\"}"}');
    const e = await sim.request('ze-plugin-callback:encode-nlri', { family: 'ipv4/colored', args: ['color', '100', 'prefix', '10.0.0.0/24'] });
    expect(e.payload).toEqual({ hex: '2800640A0000' });
    const bad = await sim.request('ze-plugin-callback:encode-nlri', { family: 'ipv4/colored', args: ['bogus', '1'] });
    expect(bad.verb).toBe('error');
    expect(bad.payload).toEqual({ code: 'error', message: 'unknown keyword: bogus' });
    const unk = await sim.request('ze-plugin-callback:decode-nlri', { family: 'ipv9/none', hex: '00' });
    expect(unk.payload.message).toBe('unsupported family: ipv9/none');
    if (HAS_FLOW) {
      const f = await sim.request('ze-plugin-callback:decode-nlri', { family: 'ipv4/flow', hex: '0501180a0000' });
      expect(f.payload).toEqual({ json: '{"destination":[["10.0.0.0/24/0"]]}' });
    }
  });

  it('serves decode, encode, families and stats through execute-command (§5.4)', async () => {
    expect(await sim.command('ze-nlri decode', ['ipv4/colored', '2800640A0000'])).toEqual({ status: 'done', data: '{"color":100,"prefix":"10.0.0.0/24"}' });
    expect(await sim.command('ze-nlri encode', ['ipv4/colored', 'color', '100', 'prefix', '10.0.0.0/24'])).toEqual({ status: 'done', data: '2800640A0000' });
    const bad = await sim.command('ze-nlri decode', ['ipv4/colored', '0f']);
    expect(bad.status).toBe('error');
    const fams = JSON.parse((await sim.command('ze-nlri families')).data);
    expect(fams).toContainEqual({ name: 'ipv4/colored', afi: 1, safi: 241, group: 'example', rfcs: ['RFC 4760'], claimed: true });
    expect(await sim.command('ze-nlri nothing')).toEqual({ status: 'error', data: 'unknown command: ze-nlri nothing' });
  });

  /** Answers dispatch-command as Ze's `peer <sel> update hex` does; records the commands. */
  function zeUpdate(answer: (command: string) => { ok?: unknown; error?: string } = () => ({ ok: { status: 'done', data: '{"announced":1,"withdrawn":0}' } })): string[] {
    const seen: string[] = [];
    sim.handlers.set('ze-plugin-engine:dispatch-command', (p) => {
      seen.push(p.command);
      return answer(p.command);
    });
    return seen;
  }

  it('originates a route with an update hex command through dispatch-command (§6), and reports what Ze answered', async () => {
    const seen = zeUpdate();
    const r = await sim.command('ze-nlri update', ['127.0.0.1', 'ipv4/colored', 'add', 'color', '100', 'prefix', '10.0.0.0/24']);
    expect(r.status).toBe('done');
    expect(seen).toEqual(['peer 127.0.0.1 update hex attr set 40010100400200 nhop set self nlri ipv4/colored add 2800640A0000']);
    expect(JSON.parse(r.data)).toEqual({ command: 'update hex attr set 40010100400200 nhop set self nlri ipv4/colored add 2800640A0000', announced: 1, withdrawn: 0 });
    const del = await sim.command('ze-nlri update', ['*', 'ipv4/colored', 'del', 'color', '100', 'prefix', '10.0.0.0/24']);
    expect(del.status).toBe('done');
    expect(seen.at(-1)).toBe('peer * update hex nlri ipv4/colored del 2800640A0000');
    // Ze's `warning` (nothing sent) and errors are the command's errors.
    zeUpdate(() => ({ ok: { status: 'warning', data: 'announce ipv4/colored: no peers have family negotiated' } }));
    const warn = await sim.command('ze-nlri update', ['10.9.9.9', 'ipv4/colored', 'add', 'color', '1', 'prefix', '10.0.0.0/8']);
    expect(warn.status).toBe('error');
    expect(warn.data).toMatch(/^Ze did not send the route \(warning\): announce ipv4\/colored: no peers have family negotiated; command: update hex/);
    zeUpdate(() => ({ error: 'no peer matches' }));
    const err = await sim.command('ze-nlri update', ['10.9.9.9', 'ipv4/colored', 'add', 'color', '1', 'prefix', '10.0.0.0/8']);
    expect(err.status).toBe('error');
    expect(err.data).toMatch(/no peer matches/);
  });

  it.runIf(HAS_FLOW)('originates FlowSpec and EVPN routes with typed attributes; a bad attribute argument sends nothing', async () => {
    const seen = zeUpdate();
    // RFC 8955 §4 destination 10.0.0.0/24 = 01 18 0A0000 (length 5); §7.1 traffic-rate 0 = discard:
    // C0 10 08 | 8006 0000 00000000; ORIGIN IGP 40010100, empty AS_PATH 400200. FlowSpec has no
    // next hop, but Ze needs one: the zero address (RFC 8955 §4: ignored by receivers).
    const flow = await sim.command('ze-nlri update', ['*', 'ipv4/flow', 'add', 'destination', '10.0.0.0/24', 'then', 'discard']);
    expect(flow.status).toBe('done');
    expect(seen.at(-1)).toBe('peer * update hex attr set 40010100400200C010088006000000000000 nhop set 00000000 nlri ipv4/flow add 0501180A0000');
    // RFC 7432 §7.2 MAC/IP route: RD 0:65000:100, ESI 0, tag 0, MAC 00:11:22:33:44:55, label 16
    // (000101); RFC 4360 RT 65000:100 (0002 FDE8 00000064); RFC 6514 §5 PMSI ingress replication
    // (flags 0, type 6, label 0, 192.0.2.1 = C0000201). Next hop self: Ze cannot resolve it for
    // AFI 25, so the plugin sends the local address of the peer's state event (127.0.0.9).
    const evpnArgs = ['type2', 'rd', '0:65000:100', 'esi', '0', 'ethernet-tag', '0', 'mac', '00:11:22:33:44:55', 'label', '16', 'rt', '65000:100', 'pmsi', 'ingress-replication', '192.0.2.1'];
    const none = await sim.command('ze-nlri update', ['127.0.0.7', 'l2vpn/evpn', 'add', ...evpnArgs]);
    expect(none.status).toBe('error');
    expect(none.data).toMatch(/next-hop self: Ze cannot use its own address as the next hop of l2vpn\/evpn \(AFI 25\), and no peer matching 127\.0\.0\.7 is known yet; give next-hop <address>/);
    await sim.deliver([stateEvent('127.0.0.7', 'up', '127.0.0.9')]);
    const evpn = await sim.command('ze-nlri update', ['127.0.0.7', 'l2vpn/evpn', 'add', ...evpnArgs]);
    expect(evpn.status).toBe('done');
    expect(seen.at(-1)).toBe(
      'peer 127.0.0.7 update hex attr set 40010100400200C010080002FDE800000064C016090006000000C0000201 nhop set 7F000009 nlri l2vpn/evpn add 02210000FDE80000006400000000000000000000000000003000112233445500000101',
    );
    const nh = await sim.command('ze-nlri update', ['*', 'ipv4/mpls-vpn', 'add', 'rd', '0:65000:1', 'label', '100', 'prefix', '10.1.0.0/24', 'next-hop', '192.0.2.7', 'rt', '65000:100']);
    expect(nh.status).toBe('done');
    expect(seen.at(-1)).toBe('peer * update hex attr set 40010100400200C010080002FDE800000064 nhop set C0000207 nlri ipv4/mpls-vpn add 700006410000FDE8000000010A0100');
    const n = seen.length;
    const bad = await sim.command('ze-nlri update', ['*', 'ipv4/flow', 'add', 'destination', '10.0.0.0/24', 'then', 'rate-limit', 'abc']);
    expect(bad.status).toBe('error');
    expect(bad.data).toMatch(/rate-limit abc/);
    const bad2 = await sim.command('ze-nlri update', ['*', 'ipv4/flow', 'add', 'destination', '10.0.0.0/24', 'med', '5', 'commnity', '1:1']);
    expect(bad2).toEqual({ status: 'error', data: expect.stringContaining("unexpected token 'commnity' after med 5") });
    expect(seen.length).toBe(n);
  });

  it('gives the default answers of §5 and unknown method for the rest', async () => {
    expect((await sim.request('ze-plugin-callback:config-verify', { sections: [] })).payload).toEqual({ status: 'ok' });
    expect((await sim.request('ze-plugin-callback:config-apply', { sections: [] })).payload).toEqual({ status: 'ok' });
    expect((await sim.request('ze-plugin-callback:validate-open', {})).payload).toEqual({ accept: true });
    const rb = await sim.request('ze-plugin-callback:config-rollback', { 'transaction-id': 'x' });
    expect(rb.raw).toBe(`#${rb.id} ok`);
    const u = await sim.request('ze-plugin-callback:decode-capability', { code: 64, hex: '' });
    expect(u.payload).toEqual({ code: 'error', message: 'unknown method: ze-plugin-callback:decode-capability' });
  });

  it('writes nothing to stdout and only slog-shaped lines to stderr (§1.6)', () => {
    expect(sim.stdout).toBe('');
    const lines = sim.stderr.split('\n').filter(Boolean);
    expect(lines.length).toBeGreaterThan(0);
    for (const l of lines) expect(l).toMatch(SLOG);
  });
});

describe('plugin shutdown paths (§1.8, §5.8)', () => {
  async function started(args: string[] = MODULE): Promise<EngineSim> {
    const sim = await EngineSim.start({ args });
    await sim.whenConnected();
    await sim.started;
    return sim;
  }

  it('answers bye with ok, then exits 0 within 1 s', async () => {
    const sim = await started();
    try {
      const t0 = Date.now();
      const ans = await sim.request('ze-plugin-callback:bye', { reason: 'shutdown' });
      expect(ans.raw).toBe(`#${ans.id} ok`);
      expect(await sim.waitExit(3000)).toBe(0);
      expect(Date.now() - t0).toBeLessThan(1000);
    } finally {
      await sim.close();
    }
  });

  it('exits 0 within 1 s on EOF', async () => {
    const sim = await started();
    try {
      const t0 = Date.now();
      sim.eof();
      expect(await sim.waitExit(3000)).toBe(0);
      expect(Date.now() - t0).toBeLessThan(1000);
    } finally {
      await sim.close();
    }
  });

  it('exits within 1 s on SIGTERM', async () => {
    const sim = await started();
    try {
      const t0 = Date.now();
      process.kill(sim.child!.pid!, 'SIGTERM');
      expect(await sim.waitExit(3000)).toBe(0);
      expect(Date.now() - t0).toBeLessThan(1000);
    } finally {
      await sim.close();
    }
  });
});
