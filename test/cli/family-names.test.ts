/**
 * The CLI's family-name table (src/cli/family-names.ts) against the registry, and the spellings
 * it accepts: Ze's names, AFI/SAFI numbers (RFC 4760 §3), GoBGP's and ExaBGP's names.
 */
import { describe, expect, it } from 'vitest';
import { createDefaultRegistry } from '../../src/index.js';
import { BUILTIN, GROUPS, resolveFamily, suggestFamily } from '../../src/cli/family-names.js';

const known = createDefaultRegistry().list();

describe('BUILTIN', () => {
  it('lists every shipped family with its numbers and group (so the CLI loads only the group a command names)', () => {
    expect(BUILTIN.map((f) => ({ ...f }))).toEqual(known.map((c) => ({ name: c.name, afi: c.afi, safi: c.safi, group: c.group })));
  });

  it('GROUPS are the shipped groups, and src/cli/load.ts loads each (one at a time, or all)', async () => {
    expect([...GROUPS]).toEqual([...new Set(known.map((c) => c.group))].sort());
    const { LazyFamilies } = await import('../../src/cli/load.js');
    for (const g of GROUPS) {
      const f = new LazyFamilies();
      await f.loadGroup(g);
      expect(f.registry.list().map((c) => c.name), g).toEqual(known.filter((c) => c.group === g).map((c) => c.name));
    }
    const all = new LazyFamilies();
    await all.loadAll();
    expect(all.registry.list().map((c) => c.name)).toEqual(known.map((c) => c.name));
  });
});

describe('resolveFamily', () => {
  const cases: [string, string][] = [
    ['ipv4/flow', 'ipv4/flow'],
    ['IPv4/FLOW', 'ipv4/flow'],
    ['1/133', 'ipv4/flow'],
    ['2/134', 'ipv6/flow-vpn'],
    ['16388/71', 'bgp-ls/bgp-ls'],
    ['25/65', 'l2vpn/vpls'],
    // GoBGP (api/gobgp.proto family names as its CLI prints them)
    ['ipv4-unicast', 'ipv4/unicast'],
    ['ipv6-flowspec', 'ipv6/flow'],
    ['l3vpn-ipv4-unicast', 'ipv4/mpls-vpn'],
    ['l3vpn-ipv6-flowspec', 'ipv6/flow-vpn'],
    ['ipv4-labelled-unicast', 'ipv4/mpls-label'],
    ['l2vpn-evpn', 'l2vpn/evpn'],
    ['l2vpn-vpls', 'l2vpn/vpls'],
    ['rtc', 'ipv4/rtc'],
    ['ls', 'bgp-ls/bgp-ls'],
    ['ipv4-mup', 'ipv4/mup'],
    // ExaBGP (`family { ipv4 flow; }`)
    ['ipv4 flow', 'ipv4/flow'],
    ['ipv4 flow-vpn', 'ipv4/flow-vpn'],
    ['ipv4 nlri-mpls', 'ipv4/mpls-label'],
    ['ipv4 mpls-vpn', 'ipv4/mpls-vpn'],
    ['ipv4 mcast-vpn', 'ipv4/mvpn'],
    ['ipv4 rtc', 'ipv4/rtc'],
    ['l2vpn vpls', 'l2vpn/vpls'],
    ['bgp-ls bgp-ls', 'bgp-ls/bgp-ls'],
    ['  IPv6   Unicast ', 'ipv6/unicast'],
    ['l3vpn-ipv4-multicast', 'ipv4/mpls-vpn-multicast'],
    ['1/129', 'ipv4/mpls-vpn-multicast'],
    ['ipv6 sr-policy', 'ipv6/sr-policy'],
    ['ipv4-classful-transport', 'ipv4/classful-transport'],
  ];
  it.each(cases)('%s → %s', (input, name) => {
    expect(resolveFamily(input, known)).toBe(name);
  });

  it.each(['ipv4/nope', '1/99', 'ipv9/flow', '', 'flow'])('%s resolves to nothing', (input) => {
    expect(resolveFamily(input, known)).toBeUndefined();
  });

  it('suggests a name one or two edits away, nothing for far-off text', () => {
    expect(suggestFamily('ipv4/flwo', known)).toBe('ipv4/flow');
    expect(suggestFamily('ipv6/mpls-vnp', known)).toBe('ipv6/mpls-vpn');
    expect(suggestFamily('l2vpn/epvn', known)).toBe('l2vpn/evpn');
    expect(suggestFamily('something/else', known)).toBeUndefined();
  });
});
