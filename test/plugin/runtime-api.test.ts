/** The public runtime API (ZePlugin) used by a plugin other than ze-nlri, against the simulator. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EngineSim, updateEvent } from './engine-sim.js';

describe('a custom plugin built with ZePlugin', () => {
  let sim: EngineSim;
  beforeAll(async () => {
    sim = await EngineSim.start({ name: 'counter', entry: ['--import', 'tsx', 'test/plugin/custom-plugin.ts'] });
    await sim.whenConnected();
    await sim.started;
  });
  afterAll(async () => sim && (await sim.close()));

  it('declares its family and commands, and subscribes as asked', () => {
    expect(sim.registration.families).toEqual([{ name: 'ipv6/flow', mode: 'both', afi: 2, safi: 133 }]);
    expect(sim.registration.commands.map((c: { name: string }) => c.name)).toEqual(['counter count', 'counter fail', 'counter dispatch']);
    expect(sim.readyParams).toEqual({ subscribe: { events: ['update direction received'], peers: ['*'], format: 'full', encoding: 'json' } });
  });

  it('gets events, serves commands, overrides callbacks and calls the engine', async () => {
    await sim.deliver([updateEvent({ nlri: { 'ipv6/flow': '0701200020010db8' } }), updateEvent({})]);
    expect(await sim.command('counter count')).toEqual({ status: 'done', data: '{"updates":2}' });
    expect(await sim.command('counter fail')).toEqual({ status: 'error', data: 'nope' });
    expect((await sim.request('ze-plugin-callback:validate-open', {})).payload).toEqual({ accept: false, reason: 'test' });
    sim.handlers.set('ze-plugin-engine:dispatch-command', (p) => ({ ok: { status: 'done', data: `ran ${p.command}` } }));
    expect(await sim.command('counter dispatch', ['bgp', 'summary'])).toEqual({ status: 'done', data: '{"status":"done","data":"ran bgp summary"}' });
  });
});
