/**
 * buildUpdate: the whole UPDATE (RFC 4271 §4.1, §4.3) around a parsed route, MP_REACH_NLRI per
 * RFC 4760 §3 in its type-code place. Expected bytes built by hand; the FlowSpec and EVPN
 * messages were also fed to Ze (`ze bgp decode --update --json`, recorded below) which decodes
 * them as the routes given.
 */
import { describe, expect, it } from 'vitest';
import { createSession, encodeUpdate, NlriError, toHex } from '../../src/index.js';
import { buildUpdate, parseRouteArgs } from '../../src/route/index.js';

const MARKER = 'FF'.repeat(16);

/** Ze's decode of the two messages below (recorded from the built Ze binary). */
const ZE_FLOW =
  '{"bgp":{"message":{"direction":"received","id":0,"type":"update"},"peer":{"address":"127.0.0.1","remote":{"as":65533}},"update":{"attr":{"extended-community":[{"string":"rate-limit:0","value":9225060886715039744}],"origin":"igp"},"ipv4/flow":[{"action":"add","next-hop":"no-nexthop","nlri":[{"destination":[["10.0.0.0/24/0"]],"destination-port":[["=80"]],"protocol":[["=tcp"]]}]}]}},"type":"bgp"}';
const ZE_EVPN =
  '{"bgp":{"message":{"direction":"received","id":0,"type":"update"},"peer":{"address":"127.0.0.1","remote":{"as":65533}},"update":{"attr":{"extended-community":[{"string":"target:65000:100","value":842122827661412}],"origin":"igp"},"l2vpn/evpn":[{"action":"add","next-hop":"192.0.2.1","nlri":[{"code":2,"esi":"-","ethernet-tag":0,"label":[[16]],"mac":"00:11:22:33:44:55","name":"MAC/IP advertisement","parsed":true,"raw":"02210000FDE80000006400000000000000000000000000003000112233445500000101","rd":"0:65000:100"}]}]}},"type":"bgp"}';

/** Ze's decode of the many-attribute unicast UPDATE below (it shows neither COMMUNITIES nor LARGE_COMMUNITY here). */
const ZE_UNICAST =
  '{"bgp":{"message":{"direction":"received","id":0,"type":"update"},"peer":{"address":"127.0.0.1","remote":{"as":65533}},"update":{"attr":{"aggregator":"65000:192.0.2.1","as-path":[65000,65001],"atomic-aggregate":true,"extended-community":[{"string":"target:65000:100","value":842122827661412},{"string":"0x030b:000000000005","value":219269006857601029}],"local-preference":200,"med":10,"origin":"egp"},"ipv4/unicast":[{"action":"add","next-hop":"192.0.2.1","nlri":["10.0.0.0/24"]}]}},"type":"bgp"}';

describe('buildUpdate', () => {
  it('ipv4/unicast with every path attribute keyword, in type-code order', () => {
    const r = parseRouteArgs('ipv4/unicast', '10.0.0.0/24 next-hop 192.0.2.1 origin egp as-path [ 65000 65001 ] med 10 local-preference 200 atomic-aggregate aggregator 65000:192.0.2.1 community 65000:1 no-export large-community 65000:1:2 rt 65000:100 color 5'.split(' '));
    const attrs =
      '40010101' + '40020A02020000FDE80000FDE9' + '8004040000000A' + '400504000000C8' + '400600' + 'C007080000FDE8C0000201' + 'C00808FDE80001FFFFFF01' +
      '800E0D00010104C000020100180A0000' + 'C010100002FDE800000064030B000000000005' + 'C0200C0000FDE80000000100000002';
    expect(toHex(encodeUpdate(buildUpdate(r)))).toBe(MARKER + '0081' + '02' + '0000' + '006A' + attrs);
    const ze = JSON.parse(ZE_UNICAST).bgp.update;
    expect(ze.attr['as-path']).toEqual([65000, 65001]);
    expect(ze.attr.aggregator).toBe('65000:192.0.2.1');
    expect(ze['ipv4/unicast'][0]['next-hop']).toBe('192.0.2.1');
  });

  it('ipv4/unicast: ORIGIN, AS_PATH, COMMUNITIES, then MP_REACH_NLRI (type 14)', () => {
    const r = parseRouteArgs('ipv4/unicast', ['10.0.0.0/24', 'next-hop', '192.0.2.1', 'community', '65000:1']);
    const attrs = '40010100' + '400200' + 'C00804FDE80001' + '800E0D' + '0001' + '01' + '04' + 'C0000201' + '00' + '180A0000';
    expect(toHex(encodeUpdate(buildUpdate(r)))).toBe(MARKER + '0035' + '02' + '0000' + '001E' + attrs);
  });
  it('FlowSpec: next-hop length 0 (RFC 8955 §4), EXTENDED_COMMUNITIES after MP_REACH', () => {
    const r = parseRouteArgs('ipv4/flow', 'destination 10.0.0.0/24 protocol tcp destination-port =80 then discard'.split(' '));
    const mp = '800E11' + '0001' + '85' + '00' + '00' + '0B01180A0000038106058150';
    const hex = toHex(encodeUpdate(buildUpdate(r)));
    expect(hex).toBe(MARKER + '003D' + '02' + '0000' + '0026' + '40010100' + '400200' + mp + 'C010088006000000000000');
    expect(JSON.parse(ZE_FLOW).bgp.update['ipv4/flow'][0].nlri[0].protocol).toEqual([['=tcp']]);
  });
  it('EVPN MAC route with rt and pmsi', () => {
    const r = parseRouteArgs('l2vpn/evpn', 'type2 rd 0:65000:100 esi 0 ethernet-tag 0 mac 00:11:22:33:44:55 label 16 rt 65000:100 pmsi ingress-replication 192.0.2.1 next-hop 192.0.2.1'.split(' '));
    const nlri = '02210000FDE80000006400000000000000000000000000003000112233445500000101';
    const mp = '800E2C' + '0019' + '46' + '04' + 'C0000201' + '00' + nlri;
    const hex = toHex(encodeUpdate(buildUpdate(r)));
    expect(hex).toBe(MARKER + '0064' + '02' + '0000' + '004D' + '40010100400200' + mp + 'C010080002FDE800000064' + 'C016090006000000C0000201');
    expect(JSON.parse(ZE_EVPN).bgp.update['l2vpn/evpn'][0].nlri[0].raw).toBe(nlri);
  });
  it('next-hop self needs an address', () => {
    const r = parseRouteArgs('ipv4/unicast', ['10.0.0.0/24']);
    let e: unknown;
    try {
      buildUpdate(r);
    } catch (x) {
      e = x;
    }
    expect(e).toBeInstanceOf(NlriError);
    expect((e as NlriError).code).toBe('invalid-model');
    expect((e as NlriError).message).toContain('next-hop self');
    const u = buildUpdate(r, undefined, { selfAddress: '192.0.2.9' });
    expect(toHex(encodeUpdate(u))).toContain('800E0D00010104C000020900180A0000');
  });
  it('an IPv6 next hop and ADD-PATH from the session (RFC 7911 §3: path id before the NLRI)', () => {
    const s = createSession({ addPath: ['ipv6/unicast'] });
    const r = parseRouteArgs('ipv6/unicast', ['2001:db8::/32', 'next-hop', '2001:db8::1', 'info', '5'], { session: s });
    expect(r.nlriHex).toBe('00000005' + '2020010DB8');
    const hex = toHex(encodeUpdate(buildUpdate(r, s), s));
    expect(hex).toContain('800E1E' + '0002' + '01' + '10' + '20010DB8000000000000000000000001' + '00' + '000000052020010DB8');
  });
});
