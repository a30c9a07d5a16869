/**
 * Every attribute keyword of the origination grammar, with the attribute bytes built by hand
 * from the RFC layouts (RFC 4271 §4.3, RFC 1997, RFC 4360 §3, RFC 8092 §3, RFC 8955 §7,
 * draft-ietf-idr-flowspec-redirect-ip, RFC 7432 §7.5-7.8, RFC 9135 §8.1, RFC 9012 §3-4,
 * RFC 6514 §5, RFC 8669 §3.1), never from the code under test.
 */
import { describe, expect, it } from 'vitest';
import { parseRouteArgs } from '../../src/route/index.js';
import { attributeSamples, createSession, defaultAttributes } from '../../src/index.js';

/** ORIGIN IGP (40 01 01 00) and an empty AS_PATH (40 02 00): what every route gets by default. */
const DEFAULTS = '40010100' + '400200';
const U = 'ipv4/unicast';
const P = ['10.0.0.0/24'];

function attrs(tokens: string, family = U, nlri = P): string {
  return parseRouteArgs(family, [...nlri, ...tokens.split(' ').filter(Boolean)]).attributesHex;
}

/** One EXTENDED_COMMUNITIES attribute (optional transitive, RFC 4360 §2) holding `hex`. */
function ext(...hex: string[]): string {
  const v = hex.join('');
  return 'C010' + (v.length / 2).toString(16).toUpperCase().padStart(2, '0') + v;
}

describe('path attributes', () => {
  it('no attribute: ORIGIN IGP + empty AS_PATH', () => {
    expect(attrs('')).toBe(DEFAULTS);
  });
  it('origin igp|egp|incomplete', () => {
    expect(attrs('origin igp')).toBe(DEFAULTS);
    expect(attrs('origin egp')).toBe('40010101400200');
    expect(attrs('origin incomplete')).toBe('40010102400200');
  });
  it('as-path [ 65000 65001 ] (one AS_SEQUENCE of 4-octet ASNs) and Ze alias path', () => {
    const want = '40010100' + '40020A' + '0202' + '0000FDE8' + '0000FDE9';
    expect(attrs('as-path [ 65000 65001 ]')).toBe(want);
    expect(attrs('path [65000,65001]')).toBe(want);
  });
  it("GoBGP's spellings: nexthop, aspath, local-pref", () => {
    const r = parseRouteArgs(U, [...P, 'nexthop', '192.0.2.1', 'aspath', '65000', 'local-pref', '200']);
    expect(r.nextHop).toBe('192.0.2.1');
    expect(r.attributesHex).toBe('40010100' + '400206' + '0201' + '0000FDE8' + '400504000000C8');
  });
  it('med, local-preference (pref), atomic-aggregate, aggregator', () => {
    expect(attrs('med 100')).toBe(DEFAULTS + '80040400000064');
    expect(attrs('local-preference 200')).toBe(DEFAULTS + '4005' + '04000000C8');
    expect(attrs('pref 200')).toBe(DEFAULTS + '400504000000C8');
    expect(attrs('atomic-aggregate')).toBe(DEFAULTS + '400600');
    expect(attrs('aggregator 65000:192.0.2.1')).toBe(DEFAULTS + 'C00708' + '0000FDE8' + 'C0000201');
  });
  it('originator-id, cluster-list, otc', () => {
    expect(attrs('originator-id 192.0.2.1')).toBe(DEFAULTS + '800904C0000201');
    expect(attrs('cluster-list [ 192.0.2.1 192.0.2.2 ]')).toBe(DEFAULTS + '800A08C0000201C0000202');
    expect(attrs('otc 65000')).toBe(DEFAULTS + 'C023040000FDE8');
  });
  it('community (s-com) with a well-known name; repeated keywords merge into one attribute', () => {
    expect(attrs('community 65000:1 no-export')).toBe(DEFAULTS + 'C00808' + 'FDE80001' + 'FFFFFF01');
    expect(attrs('s-com 65000:1 community [ 65000:2 ]')).toBe(DEFAULTS + 'C00808FDE80001FDE80002');
  });
  it('large-community (l-com)', () => {
    expect(attrs('large-community 65000:1:2')).toBe(DEFAULTS + 'C0200C' + '0000FDE8' + '00000001' + '00000002');
    expect(attrs('l-com 65000:1:2')).toBe(DEFAULTS + 'C0200C0000FDE80000000100000002');
  });
  it('over 255 octets: Extended Length flag and a 2-octet length (RFC 4271 §4.3)', () => {
    const list = Array.from({ length: 22 }, (_, i) => `1:2:${i}`);
    const body = Array.from({ length: 22 }, (_, i) => '00000001' + '00000002' + i.toString(16).toUpperCase().padStart(8, '0')).join('');
    expect(attrs('large-community ' + list.join(' '))).toBe(DEFAULTS + 'D020' + '0108' + body);
  });
  it('attributes come out in type-code order whatever the order given', () => {
    expect(attrs('med 1 community 1:1 as-path [ 1 ] origin egp')).toBe('40010101' + '400206020100000001' + '80040400000001' + 'C0080400010001');
  });
});

describe('extended communities: every keyword adds to the one EXTENDED_COMMUNITIES, in order', () => {
  it('extended-community (x-com, e-com), rt, soo', () => {
    expect(attrs('extended-community target:65000:100')).toBe(DEFAULTS + ext('0002FDE800000064'));
    expect(attrs('x-com target:65000:100')).toBe(DEFAULTS + ext('0002FDE800000064'));
    // RFC 4360 §3.1 two-octet AS specific 0x00/0x02; §3.2 IPv4 address specific 0x01/0x02
    expect(attrs('rt 65000:100 192.0.2.1:7')).toBe(DEFAULTS + ext('0002FDE800000064', '0102C00002010007'));
    expect(attrs('soo 65000:5')).toBe(DEFAULTS + ext('0003FDE800000005'));
  });
  it('FlowSpec actions (RFC 8955 §7)', () => {
    const F = 'ipv4/flow';
    const N = ['destination', '10.0.0.0/24'];
    expect(attrs('then discard', F, N)).toBe(DEFAULTS + ext('8006000000000000'));
    expect(attrs('then rate-limit 1000', F, N)).toBe(DEFAULTS + ext('8006' + '0000' + '447A0000'));
    expect(attrs('rate-limit-packets 100', F, N)).toBe(DEFAULTS + ext('800C000042C80000'));
    expect(attrs('then redirect 65000:1', F, N)).toBe(DEFAULTS + ext('8008FDE800000001'));
    expect(attrs('then mark 10', F, N)).toBe(DEFAULTS + ext('800900000000000A'));
    // §7.3: Terminal is bit 47 (the last bit), Sample bit 46
    expect(attrs('action sample', F, N)).toBe(DEFAULTS + ext('8007000000000002'));
    expect(attrs('action terminal', F, N)).toBe(DEFAULTS + ext('8007000000000001'));
    expect(attrs('action sample-terminal', F, N)).toBe(DEFAULTS + ext('8007000000000003'));
    expect(attrs('then accept', F, N)).toBe(DEFAULTS);
  });
  it('an IPv6 route target (RFC 5701 0x0002) and rt-redirect-ipv6 (RFC 8956 §6.1, 0x000d) go to attribute 25', () => {
    const ip = '20010DB8000000000000000000000001';
    expect(attrs('rt 2001:db8::1:5')).toBe(DEFAULTS + 'C01914' + '0002' + ip + '0005');
    expect(attrs('rt 65000:1 2001:db8::1:5')).toBe(DEFAULTS + ext('0002FDE800000001') + 'C019140002' + ip + '0005');
    expect(attrs('redirect 2001:db8::1:5', 'ipv6/flow', ['destination', '2001:db8::/32'])).toBe(DEFAULTS + 'C01914' + '000D' + ip + '0005');
  });
  it('redirect-ip: IPv4 in EXTENDED_COMMUNITIES (0x01/0x0c), IPv6 in attribute 25 (0x00/0x0c)', () => {
    const F = 'ipv4/flow';
    const N = ['destination', '10.0.0.0/24'];
    expect(attrs('redirect-ip 192.0.2.1', F, N)).toBe(DEFAULTS + ext('010CC00002010000'));
    expect(attrs('redirect-ip 2001:db8::1', F, N)).toBe(DEFAULTS + 'C01914' + '000C' + '20010DB8000000000000000000000001' + '0000');
  });
  it('EVPN: esi-label, mac-mobility, router-mac, es-import, default-gateway (RFC 7432 §7.5-7.8, RFC 9135 §8.1)', () => {
    expect(attrs('esi-label 100')).toBe(DEFAULTS + ext('0601' + '00' + '0000' + '000640'));
    expect(attrs('esi-label 100 single-active')).toBe(DEFAULTS + ext('060101' + '0000' + '000640'));
    expect(attrs('esi-label 100 all-active')).toBe(DEFAULTS + ext('0601000000000640'));
    expect(attrs('mac-mobility 5')).toBe(DEFAULTS + ext('0600' + '00' + '00' + '00000005'));
    expect(attrs('mac-mobility 5 sticky')).toBe(DEFAULTS + ext('0600010000000005'));
    expect(attrs('router-mac 00:11:22:33:44:55')).toBe(DEFAULTS + ext('0603001122334455'));
    expect(attrs('es-import 00:11:22:33:44:55')).toBe(DEFAULTS + ext('0602001122334455'));
    expect(attrs('default-gateway')).toBe(DEFAULTS + ext('030D000000000000'));
  });
  it('encapsulation and color (RFC 9012 §4.1, §4.3)', () => {
    expect(attrs('encapsulation vxlan')).toBe(DEFAULTS + ext('030C' + '00000000' + '0008'));
    expect(attrs('encapsulation mpls')).toBe(DEFAULTS + ext('030C00000000000A'));
    expect(attrs('encap 8')).toBe(DEFAULTS + ext('030C000000000008'));
    expect(attrs('color 100')).toBe(DEFAULTS + ext('030B' + '0000' + '00000064'));
    // CO bits 01 in the two high-order bits of the flags (RFC 9256 §8.8.1)
    expect(attrs('color 100:1')).toBe(DEFAULTS + ext('030B400000000064'));
  });
  it('the first value of a keyword is its own even when spelled as a keyword', () => {
    expect(attrs('extended-community discard rt 1:1')).toBe(DEFAULTS + ext('8006000000000000', '0002000100000001'));
    expect(attrs('extended-community redirect 65000 1')).toBe(DEFAULTS + ext('8008FDE800000001'));
  });
  it('all of them in the order given, with extended-community in between', () => {
    expect(attrs('rt 65000:100 then discard esi-label 100 router-mac 00:11:22:33:44:55 extended-community target:1:1 encapsulation vxlan color 7')).toBe(
      DEFAULTS + ext('0002FDE800000064', '8006000000000000', '0601000000000640', '0603001122334455', '0002000100000001', '030C000000000008', '030B000000000007'),
    );
  });
});

describe('PMSI_TUNNEL, Prefix-SID, TUNNEL_ENCAPSULATION', () => {
  it('pmsi ingress-replication <ip> [label N] (RFC 6514 §5: flags, type 6, label << 4, endpoint)', () => {
    expect(attrs('pmsi ingress-replication 192.0.2.1')).toBe(DEFAULTS + 'C01609' + '00' + '06' + '000000' + 'C0000201');
    expect(attrs('pmsi ingress-replication 192.0.2.1 label 100')).toBe(DEFAULTS + 'C0160900' + '06' + '000640' + 'C0000201');
    expect(attrs('pmsi [ ingress-replication 192.0.2.1 ]')).toBe(DEFAULTS + 'C016090006000000C0000201');
  });
  it('prefix-sid label-index N (RFC 8669 §3.1: TLV 1, length 7, reserved, flags, index); Ze bgp-prefix-sid N', () => {
    const want = DEFAULTS + 'C0280A' + '01' + '0007' + '00' + '0000' + '00000064';
    expect(attrs('prefix-sid label-index 100')).toBe(want);
    expect(attrs('bgp-prefix-sid 100')).toBe(want);
  });
  it('tunnel-encap vxlan vni 10 (RFC 9012 §3.2.1: V flag, VN-ID, MAC, reserved)', () => {
    const tlv = '0008' + '000E' + '01' + '0C' + '80' + '00000A' + '000000000000' + '0000';
    expect(attrs('tunnel-encap vxlan vni 10')).toBe(DEFAULTS + 'C01712' + tlv);
    // `color` after tunnel-encap is its Color sub-TLV (type 4, RFC 9012 §3.4.2); before it, the community
    const withColor = '0008' + '0018' + '010C8000000A0000000000000000' + '04' + '08' + '030B000000000005';
    expect(attrs('tunnel-encap vxlan vni 10 color 5')).toBe(DEFAULTS + 'C0171C' + withColor);
    expect(attrs('color 5 tunnel-encap vxlan vni 10')).toBe(DEFAULTS + ext('030B000000000005') + 'C01712' + tlv);
    expect(attrs('tunnel-encap [ vxlan vni 10 ] color 5')).toBe(DEFAULTS + ext('030B000000000005') + 'C01712' + tlv);
  });
});

describe('next hop and path id', () => {
  it('next-hop <ip|self> (next, nhop); defaults: self, none for FlowSpec', () => {
    expect(parseRouteArgs(U, [...P, 'next-hop', '192.0.2.1']).nextHop).toBe('192.0.2.1');
    expect(parseRouteArgs(U, [...P, 'next', '2001:DB8::1']).nextHop).toBe('2001:db8::1');
    expect(parseRouteArgs(U, [...P, 'nhop', 'self']).nextHop).toBe('self');
    expect(parseRouteArgs(U, P).nextHop).toBe('self');
    expect(parseRouteArgs('ipv4/flow', ['destination', '10.0.0.0/24']).nextHop).toBeUndefined();
    expect(parseRouteArgs('ipv4/flow', ['destination', '10.0.0.0/24', 'next-hop', '192.0.2.1']).nextHop).toBe('192.0.2.1');
    expect(parseRouteArgs(U, [...P, 'next-hop', 'none']).nextHop).toBeUndefined();
    expect(parseRouteArgs(U, P, { nextHopSelf: false }).nextHop).toBeUndefined();
    expect(parseRouteArgs('ipv4/flow', ['destination', '10.0.0.0/24'], { nextHopSelf: true }).nextHop).toBe('self');
  });
  it('NEXT_HOP is never in the attributes', () => {
    const r = parseRouteArgs(U, [...P, 'next-hop', '192.0.2.1']);
    expect(r.attributesHex).toBe(DEFAULTS);
    expect(r.attributes.map((a) => a.code)).toEqual([1, 2]);
  });
  it('path-information (info) N or a.b.c.d, written with ADD-PATH (RFC 7911 §3)', () => {
    expect(parseRouteArgs(U, [...P, 'path-information', '7'], { addPath: true }).nlriHex).toBe('00000007' + '180A0000');
    expect(parseRouteArgs(U, [...P, 'info', '0.0.1.2'], { addPath: true }).nlriHex).toBe('00000102180A0000');
    expect(parseRouteArgs(U, [...P, 'info', '7']).nlriHex).toBe('180A0000');
    expect(parseRouteArgs(U, P, { addPath: true }).nlriHex).toBe('00000000180A0000');
  });
  it('the PathAttribute list: flags, code, value, raw value bytes, offset -1', () => {
    const r = parseRouteArgs(U, [...P, 'med', '5']);
    const med = r.attributes[2]!;
    expect(med.flags).toBe(0x80);
    expect(med.code).toBe(4);
    expect(med.value).toEqual({ value: 5 });
    expect(med.codec?.name).toBe('med');
    expect(Buffer.from(med.raw).toString('hex')).toBe('00000005');
    expect(med.offset).toBe(-1);
  });
});

describe("every attribute sample's args, after its keyword, give the sample's value bytes", () => {
  const KEYWORD: Record<string, string> = { 'pmsi-tunnel': 'pmsi', 'tunnel-encapsulation': 'tunnel-encap' };
  const list = attributeSamples.filter((s) => s.args !== undefined && s.code !== 3 && s.code !== 14 && s.code !== 15);
  it.each(list.map((s, i) => [i, s.code, s] as const))('#%i type %i', (_i, code, s) => {
    const codec = defaultAttributes.get(code)!;
    const kw = KEYWORD[codec.name] ?? codec.name;
    const session = createSession(s.ctx ?? {});
    const r = parseRouteArgs(U, [...P, kw, ...s.args!], { session });
    const a = r.attributes.find((x) => x.code === code)!;
    expect(Buffer.from(a.raw).toString('hex').toUpperCase(), s.note).toBe(s.hex.toUpperCase());
  });
});
