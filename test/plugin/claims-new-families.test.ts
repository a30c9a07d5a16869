/**
 * `ze-nlri plugin` with no `--family` claims every registered family Ze's engine does not decode
 * itself (ze-plugin-protocol.md §4.2), the SAFIs Ze f09f9ac2 does not know included: SR Policy
 * (RFC 9830 §6.1, SAFI 73) and Classful Transport (RFC 9832, SAFI 76). Ze negotiates a family a
 * plugin claims (the real-Ze run is e2e-ze.test.ts).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultRegistry } from '../../src/index.js';
import { EngineSim } from './engine-sim.js';

const ENGINE = ['ipv4/unicast', 'ipv6/unicast', 'ipv4/multicast', 'ipv6/multicast'];

describe('ze-nlri plugin claims the new families by default', () => {
  let sim: EngineSim;
  beforeAll(async () => {
    sim = await EngineSim.start({ args: [] });
    await sim.whenConnected();
    await sim.started;
  });
  afterAll(async () => {
    await sim.close();
  });

  it('declares ipv4/ipv6 sr-policy (73) and classful-transport (76) with mode both', () => {
    const fams = sim.registration.families as Array<Record<string, unknown>>;
    expect(fams).toContainEqual({ name: 'ipv4/sr-policy', mode: 'both', afi: 1, safi: 73 });
    expect(fams).toContainEqual({ name: 'ipv6/sr-policy', mode: 'both', afi: 2, safi: 73 });
    expect(fams).toContainEqual({ name: 'ipv4/classful-transport', mode: 'both', afi: 1, safi: 76 });
    expect(fams).toContainEqual({ name: 'ipv6/classful-transport', mode: 'both', afi: 2, safi: 76 });
  });

  it('declares exactly the registered families minus the four the engine decodes', () => {
    const names = (sim.registration.families as Array<{ name: string }>).map((f) => f.name).sort();
    const want = defaultRegistry
      .list()
      .map((c) => c.name)
      .filter((n) => !ENGINE.includes(n))
      .sort();
    expect(names).toEqual(want);
    for (const n of ENGINE) expect(names).not.toContain(n);
  });
});
