/**
 * The builders the plugin's origination uses, checked against octets laid out by hand from the
 * RFC figures (RFC 4360 §3-5, RFC 5668 §2, RFC 8955 §7, RFC 7432 §7.5-7.8, RFC 9135 §8.1,
 * RFC 8214 §3.1, RFC 9012 §4.1/§4.3, RFC 5701 §2, RFC 8956 §6.1).
 */
import { describe, expect, it } from 'vitest';
import * as c from '../../../attributes/communities/index.js';
import { toHex } from '../../../src/core/hex.js';
import { Writer } from '../../../src/core/writer.js';
import { ctx, thrown } from './helpers.js';

const ext = (x: c.ExtendedCommunity): string => toHex(c.extendedBytes(x));

function v6(x: c.Ipv6ExtendedCommunity): string {
  const m = { communities: [x] };
  const w = new Writer(c.ipv6ExtendedCommunities.encodingLength(m, ctx));
  c.ipv6ExtendedCommunities.encode(m, w, ctx);
  return toHex(w.finish());
}

describe('extended-community builders', () => {
  const cases: [string, c.ExtendedCommunity, string][] = [
    ["routeTarget('65000:100')", c.routeTarget('65000:100'), '0002' + 'FDE8' + '00000064'],
    ["routeTarget('192.0.2.1:7')", c.routeTarget('192.0.2.1:7'), '0102' + 'C0000201' + '0007'],
    ["routeTarget('4200000000:7')", c.routeTarget('4200000000:7'), '0202' + 'FA56EA00' + '0007'],
    ["routeTarget('65000L:7')", c.routeTarget('65000L:7'), '0202' + '0000FDE8' + '0007'],
    ["routeOrigin('65000:1')", c.routeOrigin('65000:1'), '0003' + 'FDE8' + '00000001'],
    ["redirect('65000:1')", c.redirect('65000:1'), '8008' + 'FDE8' + '00000001'],
    ["redirect('192.0.2.1:1')", c.redirect('192.0.2.1:1'), '8108' + 'C0000201' + '0001'],
    ["redirect('4200000000:1')", c.redirect('4200000000:1'), '8208' + 'FA56EA00' + '0001'],
    // 1000 = 1.953125 * 2^9: sign 0, exponent 136 (0x88), mantissa 0x7A0000 -> 0x447A0000
    ['trafficRate(1000)', c.trafficRate(1000), '8006' + '0000' + '447A0000'],
    ['trafficRate(1000, 65000)', c.trafficRate(1000, 65000), '8006' + 'FDE8' + '447A0000'],
    ['trafficRatePackets(100)', c.trafficRatePackets(100), '800C' + '0000' + '42C80000'],
    ['discard()', c.discard(), '8006' + '0000' + '00000000'],
    ['trafficAction({sample})', c.trafficAction({ sample: true }), '8007' + '0000000000' + '02'],
    ['trafficAction({terminal})', c.trafficAction({ terminal: true }), '8007' + '0000000000' + '01'],
    ['trafficMarking(46)', c.trafficMarking(46), '8009' + '0000000000' + '2E'],
    ["redirectIp('192.0.2.1')", c.redirectIp('192.0.2.1'), '010C' + 'C0000201' + '0000'],
    ["redirectIp('192.0.2.1', true)", c.redirectIp('192.0.2.1', true), '010C' + 'C0000201' + '0001'],
    ['macMobility(10, {sticky})', c.macMobility(10, { sticky: true }), '0600' + '01' + '00' + '0000000A'],
    ['esiLabel(100, {singleActive})', c.esiLabel(100, { singleActive: true }), '0601' + '01' + '0000' + '000640'],
    ["esImportRt('00:11:22:33:44:55')", c.esImportRt('00:11:22:33:44:55'), '0602' + '001122334455'],
    ["routerMac('AA-BB-CC-DD-EE-FF')", c.routerMac('AA-BB-CC-DD-EE-FF'), '0603' + 'AABBCCDDEEFF'],
    ['l2Attributes({mtu:1500, primary, controlWord})', c.l2Attributes({ mtu: 1500, primary: true, controlWord: true }), '0604' + '0006' + '05DC' + '0000'],
    ['defaultGateway()', c.defaultGateway(), '030D' + '000000000000'],
    ["encapsulation('vxlan')", c.encapsulation('vxlan'), '030C' + '00000000' + '0008'],
    ["encapsulation('mpls')", c.encapsulation('mpls'), '030C' + '00000000' + '000A'],
    ['encapsulation(13)', c.encapsulation(13), '030C' + '00000000' + '000D'],
    ['color(100)', c.color(100), '030B' + '0000' + '00000064'],
    ['color(100, 2)', c.color(100, 2), '030B' + '8000' + '00000064'],
  ];
  for (const [name, x, hex] of cases) it(name, () => expect(ext(x)).toBe(hex));

  it('builders refuse what the RFCs forbid', () => {
    expect(thrown(() => c.trafficRate(-1)).code).toBe('invalid-model'); // RFC 8955 §7.1 MUST NOT be negative
    expect(thrown(() => c.trafficMarking(64)).code).toBe('invalid-model');
    expect(thrown(() => c.esiLabel(1 << 20)).code).toBe('invalid-model');
    expect(thrown(() => c.routeTarget('65000')).code).toBe('invalid-args');
    expect(thrown(() => c.redirectIp('nope')).code).toBe('invalid-args');
    expect(thrown(() => c.color(1, 4)).code).toBe('invalid-model');
  });
});

describe('IPv6 extended-community builders', () => {
  const A = '20010DB8000000000000000000000001';
  it("ipv6RouteTarget('2001:db8::1', 100)", () => expect(v6(c.ipv6RouteTarget('2001:db8::1', 100))).toBe('0002' + A + '0064'));
  it("ipv6Redirect('2001:db8::1', 7)", () => expect(v6(c.ipv6Redirect('2001:db8::1', 7))).toBe('000D' + A + '0007'));
  it("redirectIp('2001:db8::1', true)", () => expect(v6(c.redirectIp('2001:db8::1', true))).toBe('000C' + A + '0001'));
  it('an IPv4 address is refused', () => expect(thrown(() => c.ipv6RouteTarget('192.0.2.1', 1)).code).toBe('invalid-args'));
});

describe("GoBGP's and ExaBGP's FlowSpec action words", () => {
  const hex = (args: string[]): string => {
    const m = c.extendedCommunities.fromArgs!(args);
    const w = new Writer(c.extendedCommunities.encodingLength(m, ctx));
    c.extendedCommunities.encode(m, w, ctx);
    return toHex(w.finish());
  };
  it('rate-limit <rate>', () => expect(hex(['rate-limit', '1000'])).toBe('8006' + '0000' + '447A0000'));
  it('redirect <rt>', () => expect(hex(['redirect', '65000:1', 'redirect', '192.0.2.1:1'])).toBe('8008FDE800000001' + '8108C00002010001'));
  it('mark <dscp>, action <flags>, discard', () => expect(hex(['mark', '10', 'action', 'terminal', 'discard'])).toBe('800900000000000A' + '8007000000000001' + '8006000000000000'));
});

describe('COMMUNITIES and LARGE_COMMUNITY text', () => {
  it('well-known names in both directions', () => {
    expect(c.communityText(0xffffff01)).toBe('no-export');
    expect(c.communityText(0xffff0000)).toBe('graceful-shutdown');
    expect(c.parseCommunity('planned-shut')).toBe(0xffff0000);
    expect(c.parseCommunity('NO_EXPORT')).toBe(0xffffff01);
    expect(c.parseCommunity('no-peer')).toBe(0xffffff04);
    expect(c.communityText(0xfde80064)).toBe('65000:100');
  });
  it('large communities', () => {
    expect(c.parseLarge('4294967295:0:1')).toEqual({ global: 4294967295, local1: 0, local2: 1 });
    expect(c.largeText({ global: 1, local1: 2, local2: 3 })).toBe('1:2:3');
  });
});
