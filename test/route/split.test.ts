/**
 * The split rule (docs/attributes/route-args.md): every built-in sample's `args`, followed by
 * attributes, gives back the sample's NLRI hex; the explicit separators; GoBGP-style examples
 * with their bytes built by hand (RFC 8955 §4, §7; RFC 7432 §7.2, §7.5; RFC 4360 §3.1; RFC 6514 §5).
 */
import { describe, expect, it } from 'vitest';
import { samples } from '../../src/index.js';
import { parseRouteArgs, splitRouteArgs } from '../../src/route/index.js';
import { defaultAttributes, defaultRegistry } from '../../src/index.js';

const DEFAULTS = '40010100400200';
const withArgs = samples.filter((s) => s.args !== undefined);

describe('every sample with args parses back to its NLRI hex', () => {
  it('there are samples of every built-in family', () => {
    const fams = new Set(withArgs.map((s) => s.family));
    for (const c of defaultRegistry.list()) expect(fams.has(c.name), c.name).toBe(true);
  });
  it.each(withArgs.map((s, i) => [i, s.family, s] as const))('#%i %s: args alone, + attributes, + -- / attributes separators', (_i, family, s) => {
    const args = [...s.args!];
    const want = s.hex.toUpperCase();
    expect(parseRouteArgs(family, args).nlriHex).toBe(want);
    const more = ['origin', 'egp', 'med', '5', 'community', '65000:1', 'rt', '65000:100', 'next-hop', '192.0.2.1'];
    const r = parseRouteArgs(family, [...args, ...more]);
    expect(r.nlriHex).toBe(want);
    expect(r.nextHop).toBe('192.0.2.1');
    expect(r.attributesHex).toBe('40010101' + '400200' + '8004040000000' + '5' + 'C00804FDE80001' + 'C010080002FDE800000064');
    expect(parseRouteArgs(family, [...args, '--', ...more]).nlriHex).toBe(want);
    expect(parseRouteArgs(family, [...args, 'attributes', 'med', '5']).attributesHex).toBe(DEFAULTS + '8004040000000' + '5');
  });
});

describe('the split', () => {
  const fl = defaultRegistry.get('ipv4/flow')!;
  it('the first attribute keyword ends the NLRI part', () => {
    expect(splitRouteArgs(fl, ['destination', '10.0.0.0/24', 'then', 'discard'], defaultAttributes)).toEqual({
      nlri: ['destination', '10.0.0.0/24'],
      attrs: ['then', 'discard'],
    });
  });
  it('-- and attributes are dropped; nothing after them is NLRI', () => {
    expect(splitRouteArgs(fl, ['destination', '10.0.0.0/24', '--', 'med', '1'], defaultAttributes)).toEqual({ nlri: ['destination', '10.0.0.0/24'], attrs: ['med', '1'] });
    expect(splitRouteArgs(fl, ['destination', '10.0.0.0/24', 'attributes'], defaultAttributes)).toEqual({ nlri: ['destination', '10.0.0.0/24'], attrs: [] });
  });
  it("FlowSpec's own words (protocol, dscp, port, …) and EVPN's label, rd, mac, esi stay NLRI", () => {
    const ev = defaultRegistry.get('l2vpn/evpn')!;
    const t = ['type2', 'rd', '0:65000:100', 'esi', '0', 'ethernet-tag', '0', 'mac', '00:11:22:33:44:55', 'label', '16', 'esi-label', '5'];
    expect(splitRouteArgs(ev, t, defaultAttributes).nlri).toEqual(t.slice(0, -2));
    const f = ['destination', '10.0.0.0/24', 'protocol', 'tcp', 'dscp', '=46', 'mark', '10'];
    expect(splitRouteArgs(fl, f, defaultAttributes).nlri).toEqual(f.slice(0, -2));
  });
  it("RTC's origin-as and route-target are no attribute keywords", () => {
    const rtc = defaultRegistry.get('ipv4/rtc')!;
    const t = ['origin-as', '65000', 'route-target', '65000:100', 'origin', 'igp'];
    expect(splitRouteArgs(rtc, t, defaultAttributes).nlri).toEqual(t.slice(0, 4));
  });
});

describe('GoBGP-style examples', () => {
  it('drop TCP to 10.0.0.0/24 port 80: RFC 8955 §7.1 traffic-rate 0 = 0x8006 0000 00000000', () => {
    const r = parseRouteArgs('ipv4/flow', 'destination 10.0.0.0/24 protocol tcp destination-port =80 then discard'.split(' '));
    // RFC 8955 §4: length 11; type 1 /24 10.0.0; type 3 (end, eq) 6; type 5 (end, eq) 80
    expect(r.nlriHex).toBe('0B' + '01180A0000' + '038106' + '058150');
    expect(r.attributesHex).toBe('40010100' + '400200' + 'C01008' + '8006' + '0000' + '00000000');
    expect(r.nextHop).toBeUndefined();
  });
  it("GoBGP's match … then …", () => {
    const r = parseRouteArgs('ipv4/flow', 'match destination 10.0.0.0/24 then rate-limit 1000 redirect 65000:1'.split(' '));
    expect(r.nlriHex).toBe('0501180A0000');
    expect(r.attributesHex).toBe(DEFAULTS + 'C01010' + '80060000447A0000' + '8008FDE800000001');
  });
  it('EVPN MAC route with rt 65000:100 and pmsi ingress-replication 192.0.2.1', () => {
    const nlri = 'type2 rd 0:65000:100 esi 0 ethernet-tag 0 mac 00:11:22:33:44:55 label 16'.split(' ');
    const r = parseRouteArgs('l2vpn/evpn', [...nlri, 'rt', '65000:100', 'pmsi', 'ingress-replication', '192.0.2.1', 'next-hop', '192.0.2.1']);
    // RFC 7432 §7.2: type 2, length 33: RD (type 0, 65000:100), ESI 0, tag 0, MAC len 48, MAC, IP len 0,
    // label 16 << 4 with the bottom-of-stack bit (RFC 3032 §2.1), as in Ze's recorded evpn-010 vector
    expect(r.nlriHex).toBe('02' + '21' + '0000FDE800000064' + '00000000000000000000' + '00000000' + '30' + '001122334455' + '00' + '000101');
    expect(r.attributesHex).toBe(DEFAULTS + 'C01008' + '0002FDE800000064' + 'C01609' + '00' + '06' + '000000' + 'C0000201');
    expect(r.nextHop).toBe('192.0.2.1');
  });
  it('an EVPN route with esi-label, router-mac, encapsulation vxlan and mac-mobility', () => {
    const nlri = 'type2 rd 0:65000:100 esi 0 ethernet-tag 0 mac 00:11:22:33:44:55 vni 10010'.split(' ');
    const r = parseRouteArgs('l2vpn/evpn', [...nlri, 'rt', '65000:100', 'encapsulation', 'vxlan', 'router-mac', '00:aa:bb:cc:dd:ee', 'mac-mobility', '1']);
    expect(r.attributesHex).toBe(DEFAULTS + 'C01020' + '0002FDE800000064' + '030C000000000008' + '060300AABBCCDDEE' + '0600000000000001');
  });
});
