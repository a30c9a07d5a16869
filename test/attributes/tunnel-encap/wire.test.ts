/**
 * Decode / JSON / encode of every decoded part, from layouts built by hand from the figures of
 * RFC 9012 §3, RFC 9830 §2.4 and RFC 9831 §2 (the headers via helpers.ts, the values written out
 * field by field below). Expected JSON is written by hand (docs/attributes/tunnel-encap.md).
 */
import { describe, expect, it } from 'vitest';
import { check, decode, encode, tlv1, tlv2, tunnel } from './helpers.js';

const SID_2001_DB8_1 = '20010DB8000000000000000000000001';
const SID_2001_DB8_2 = '20010DB8000000000000000000000002';
const LOOP1 = '00000000000000000000000000000001'; // ::1
const LOOP2 = '00000000000000000000000000000002'; // ::2
const STRUCT = '0030' + '0000' + '20' + '10' + '10' + '00'; // behavior 48, LB 32, LN 16, F 16, A 0
const STRUCT_JSON = '{"arg-len":0,"endpoint-behavior":48,"func-len":16,"loc-block-len":32,"loc-node-len":16}';
const SR = (subs: string): string => `[{"sub-tlvs":[${subs}],"type":15,"type-name":"sr-policy"}]`;
const SL = (subs: string): string => `{"sub-tlvs":[${subs}],"type":128,"type-name":"segment-list"}`;
const segList = (...subs: string[]): string => tunnel(15, tlv2(128, '00' + subs.join('')));

describe('segment types (RFC 9830 §2.4.4.2, RFC 9831 §2)', () => {
  it('type A: flags, reserved, label entry with TC/S/TTL', () => {
    // label 16001, TC 1, S 1, TTL 64 -> 0x03E81000 | 0x200 | 0x100 | 0x40
    check(segList(tlv1(1, '80 00 03E81340')), SR(SL('{"flags":128,"label":16001,"s":true,"tc":1,"ttl":64,"type":1,"type-name":"type-a"}')));
  });
  it('type B without and with the SRv6 Endpoint Behavior and SID Structure', () => {
    check(
      segList(tlv1(13, '00 00' + SID_2001_DB8_1), tlv1(13, '10 00' + SID_2001_DB8_2 + STRUCT)),
      SR(SL(
        '{"flags":0,"sid":"2001:db8::1","type":13,"type-name":"type-b"},' +
          `{"flags":16,"sid":"2001:db8::2","sid-structure":${STRUCT_JSON},"type":13,"type-name":"type-b"}`,
      )),
    );
  });
  it('type C: IPv4 node, SR algorithm, with and without SID', () => {
    check(
      segList(tlv1(3, '60 80 0A000001 03E81000'), tlv1(3, '00 00 0A000001')),
      SR(SL(
        '{"algorithm":128,"flags":96,"label":16001,"node-address":"10.0.0.1","type":3,"type-name":"type-c"},' +
          '{"algorithm":0,"flags":0,"node-address":"10.0.0.1","type":3,"type-name":"type-c"}',
      )),
    );
  });
  it('type D: IPv6 node', () => {
    check(segList(tlv1(4, '00 01' + SID_2001_DB8_2)), SR(SL('{"algorithm":1,"flags":0,"node-address":"2001:db8::2","type":4,"type-name":"type-d"}')));
    check(segList(tlv1(4, '20 00' + SID_2001_DB8_2 + '00064000')), SR(SL('{"algorithm":0,"flags":32,"label":100,"node-address":"2001:db8::2","type":4,"type-name":"type-d"}')));
  });
  it('type E: local interface id + IPv4 node (Flags, RESERVED)', () => {
    check(segList(tlv1(5, '20 00 00000007 0A000002 03E81000')), SR(SL('{"flags":32,"label":16001,"local-interface-id":7,"node-address":"10.0.0.2","type":5,"type-name":"type-e"}')));
  });
  it('type F: IPv4 local/remote addresses', () => {
    check(segList(tlv1(6, '00 00 0A000001 0A000002')), SR(SL('{"flags":0,"local-address":"10.0.0.1","remote-address":"10.0.0.2","type":6,"type-name":"type-f"}')));
  });
  it('type G: IPv6 link-local adjacency, reserved octet kept', () => {
    check(
      segList(tlv1(7, '00 05 00000001' + LOOP1 + '00000002' + LOOP2)),
      SR(SL('{"flags":0,"local-interface-id":1,"local-node-address":"::1","remote-interface-id":2,"remote-node-address":"::2","reserved":5,"type":7,"type-name":"type-g"}')),
    );
  });
  it('type H: IPv6 local/remote addresses with SID', () => {
    check(
      segList(tlv1(8, '20 00 FE800000000000000000000000000001 FE800000000000000000000000000002 03E81340')),
      SR(SL('{"flags":32,"label":16001,"local-address":"fe80::1","remote-address":"fe80::2","s":true,"tc":1,"ttl":64,"type":8,"type-name":"type-h"}')),
    );
  });
  it('type I: IPv6 node with SRv6 SID and structure', () => {
    check(
      segList(tlv1(14, '70 00' + SID_2001_DB8_1 + '20010DB8010000000000000000000001' + STRUCT)),
      SR(SL(`{"algorithm":0,"flags":112,"node-address":"2001:db8::1","sid":"2001:db8:100::1","sid-structure":${STRUCT_JSON},"type":14,"type-name":"type-i"}`)),
    );
  });
  it('type J: without SID', () => {
    check(
      segList(tlv1(15, '00 00 00000001' + LOOP1 + '00000002' + LOOP2)),
      SR(SL('{"algorithm":0,"flags":0,"local-interface-id":1,"local-node-address":"::1","remote-interface-id":2,"remote-node-address":"::2","type":15,"type-name":"type-j"}')),
    );
  });
  it('type K: with SID', () => {
    check(
      segList(tlv1(16, '20 00' + LOOP1 + LOOP2 + '20010DB8000000000000000000000009')),
      SR(SL('{"algorithm":0,"flags":32,"local-address":"::1","remote-address":"::2","sid":"2001:db8::9","type":16,"type-name":"type-k"}')),
    );
  });
  it('weight with flags and reserved, unknown segment list sub-TLVs raw (including length 0)', () => {
    check(
      segList(tlv1(9, '01 02 0000000A'), tlv1(2, 'AB'), tlv1(200, '')),
      SR(SL('{"flags":1,"reserved":2,"type":9,"type-name":"weight","weight":10},{"raw":"AB","type":2},{"raw":"","type":200}')),
    );
  });
  it('an empty segment list (only the Reserved octet), reserved kept', () => {
    check(tunnel(15, tlv2(128, '07')), SR('{"reserved":7,"sub-tlvs":[],"type":128,"type-name":"segment-list"}'));
  });
});

describe('SR Policy sub-TLVs (RFC 9830 §2.4)', () => {
  it('preference with flags and reserved', () => {
    check(tunnel(15, tlv1(12, '81 01 FFFFFFFF')), SR('{"flags":129,"preference":4294967295,"reserved":1,"type":12,"type-name":"preference"}'));
  });
  it('binding SID: no SID (length 2), label (6), IPv6 (18, draft form)', () => {
    check(
      tunnel(15, tlv1(13, 'C0 00'), tlv1(13, '80 00 05DC0000'), tlv1(13, '00 00' + SID_2001_DB8_1)),
      SR(
        '{"flags":192,"type":13,"type-name":"binding-sid"},' +
          '{"flags":128,"label":24000,"type":13,"type-name":"binding-sid"},' +
          '{"flags":0,"sid":"2001:db8::1","type":13,"type-name":"binding-sid"}',
      ),
    );
  });
  it('SRv6 binding SID with and without structure', () => {
    check(
      tunnel(15, tlv1(20, '20 00' + SID_2001_DB8_1 + STRUCT), tlv1(20, '00 00' + SID_2001_DB8_2)),
      SR(
        `{"flags":32,"sid":"2001:db8::1","sid-structure":${STRUCT_JSON},"type":20,"type-name":"srv6-binding-sid"},` +
          '{"flags":0,"sid":"2001:db8::2","type":20,"type-name":"srv6-binding-sid"}',
      ),
    );
  });
  it('ENLP and priority', () => {
    check(
      tunnel(15, tlv1(14, '00 00 04'), tlv1(15, '0A 00')),
      SR('{"enlp":4,"flags":0,"type":14,"type-name":"enlp"},{"priority":10,"type":15,"type-name":"priority"}'),
    );
  });
  it('names: empty, UTF-8, escaped characters; invalid UTF-8 kept raw', () => {
    check(
      tunnel(15, tlv2(129, '00'), tlv2(130, '00 C3A9 3C 22'), tlv2(130, '00 FF')),
      SR(
        '{"name":"","type":129,"type-name":"candidate-path-name"},' +
          '{"name":"é\\u003c\\"","type":130,"type-name":"policy-name"},' +
          '{"raw":"00FF","type":130,"type-name":"policy-name"}',
      ),
    );
  });
  it('a UTF-8 BOM in a name is kept (not stripped)', () => {
    const m = check(tunnel(15, tlv2(130, '00 EFBBBF 41')), SR('{"name":"\uFEFFA","type":130,"type-name":"policy-name"}'));
    expect(encode(m)).toBe(tunnel(15, tlv2(130, '00EFBBBF41')));
  });
});

describe('RFC 9012 sub-TLVs', () => {
  it('NVGRE encapsulation (§3.2.2) with reserved bits in flags and reserved octets', () => {
    check(
      tunnel(9, tlv1(1, '81 000100 020000000001 0003')),
      '[{"sub-tlvs":[{"flags":129,"mac":"02:00:00:00:00:01","reserved":3,"type":1,"type-name":"encapsulation","vn-id":256}],"type":9,"type-name":"nvgre"}]',
    );
  });
  it('VXLAN-GPE encapsulation', () => {
    check(
      tunnel(12, tlv1(1, '18 000001 00000A 02')),
      '[{"sub-tlvs":[{"flags":24,"reserved":1,"reserved-2":2,"type":1,"type-name":"encapsulation","vn-id":10}],"type":12,"type-name":"vxlan-gpe"}]',
    );
  });
  it('L2TPv3 encapsulation with and without cookie; GRE key', () => {
    check(
      tunnel(1, tlv1(1, '00000001 0102030405060708')),
      '[{"sub-tlvs":[{"cookie":"0102030405060708","session-id":1,"type":1,"type-name":"encapsulation"}],"type":1,"type-name":"l2tpv3"}]',
    );
    check(tunnel(1, tlv1(1, '00000002')), '[{"sub-tlvs":[{"session-id":2,"type":1,"type-name":"encapsulation"}],"type":1,"type-name":"l2tpv3"}]');
    check(tunnel(2, tlv1(1, 'FFFFFFFF')), '[{"sub-tlvs":[{"key":4294967295,"type":1,"type-name":"encapsulation"}],"type":2,"type-name":"gre"}]');
  });
  it('encapsulation that does not fit its tunnel type, or of a tunnel type without a layout, stays raw', () => {
    check(
      tunnel(8, tlv1(1, 'C0')) + tunnel(1, tlv1(1, '000000')) + tunnel(1, tlv1(1, '00'.repeat(13))) + tunnel(13, tlv1(1, 'AA')),
      '[{"sub-tlvs":[{"raw":"C0","type":1,"type-name":"encapsulation"}],"type":8,"type-name":"vxlan"},' +
        '{"sub-tlvs":[{"raw":"000000","type":1,"type-name":"encapsulation"}],"type":1,"type-name":"l2tpv3"},' +
        `{"sub-tlvs":[{"raw":"${'00'.repeat(13)}","type":1,"type-name":"encapsulation"}],"type":1,"type-name":"l2tpv3"},` +
        '{"sub-tlvs":[{"raw":"AA","type":1,"type-name":"encapsulation"}],"type":13,"type-name":"mpls-in-udp"}]',
    );
  });
  it('protocol type, DS field, embedded label handling, UDP port', () => {
    check(
      tunnel(13, tlv1(2, '86DD'), tlv1(7, 'B8'), tlv1(9, '01'), tlv1(8, '19EB')),
      '[{"sub-tlvs":[{"ethertype":34525,"type":2,"type-name":"protocol-type"},{"type":7,"type-name":"ds-field","value":184},' +
        '{"type":9,"type-name":"embedded-label-handling","value":1},{"port":6635,"type":8,"type-name":"udp-destination-port"}],"type":13,"type-name":"mpls-in-udp"}]',
    );
  });
  it('reserved values make the sub-TLV malformed, kept raw like an unrecognized one (§3.3.2, §3.4.1, §3.5, §13)', () => {
    check(
      tunnel(13, tlv1(8, '0000'), tlv1(2, 'FFFF'), tlv1(9, '00'), tlv1(9, '03'), tlv1(9, '02'), tlv1(8, 'FFFF'), tlv1(2, 'FFFE')),
      '[{"sub-tlvs":[{"raw":"0000","type":8,"type-name":"udp-destination-port"},{"raw":"FFFF","type":2,"type-name":"protocol-type"},' +
        '{"raw":"00","type":9,"type-name":"embedded-label-handling"},{"raw":"03","type":9,"type-name":"embedded-label-handling"},' +
        '{"type":9,"type-name":"embedded-label-handling","value":2},{"port":65535,"type":8,"type-name":"udp-destination-port"},' +
        '{"ethertype":65534,"type":2,"type-name":"protocol-type"}],"type":13,"type-name":"mpls-in-udp"}]',
    );
  });
  it('Color: flags kept; not a Color Extended Community, or a wrong length: raw (§3.4.2)', () => {
    check(
      tunnel(15, tlv1(4, '030B 4000 0000000A'), tlv1(4, '0302 0000 0000000A'), tlv1(4, '030B 0000 00000A')),
      SR(
        '{"color":10,"flags":16384,"type":4,"type-name":"color"},' +
          '{"raw":"030200000000000A","type":4,"type-name":"color"}' +
          ',{"raw":"030B000000000A","type":4,"type-name":"color"}',
      ),
    );
  });
  it('Tunnel Egress Endpoint: AFI 0, 1, 2; reserved kept; AFI/length mismatch or unknown AFI raw (§3.1)', () => {
    check(
      tunnel(8,
        tlv1(6, '00000000 0000'),
        tlv1(6, '00000001 0002' + SID_2001_DB8_1),
        tlv1(6, '00000000 0001 0A000001 00'),
        tlv1(6, '00000000 0003 0A000001'),
        tlv1(6, '0000')),
      '[{"sub-tlvs":[{"afi":0,"type":6,"type-name":"tunnel-egress-endpoint"},' +
        '{"address":"2001:db8::1","afi":2,"reserved":1,"type":6,"type-name":"tunnel-egress-endpoint"},' +
        '{"raw":"0000000000010A00000100","type":6,"type-name":"tunnel-egress-endpoint"},' +
        '{"raw":"0000000000030A000001","type":6,"type-name":"tunnel-egress-endpoint"},' +
        '{"raw":"0000","type":6,"type-name":"tunnel-egress-endpoint"}],"type":8,"type-name":"vxlan"}]',
    );
  });
  it('MPLS label stack (§3.6): entries; not a multiple of 4: raw', () => {
    check(
      tunnel(10, tlv1(10, '00064000 000C81FF'), tlv1(10, ''), tlv1(10, '000640')),
      '[{"sub-tlvs":[{"labels":[{"label":100},{"label":200,"s":true,"ttl":255}],"type":10,"type-name":"mpls-label-stack"},' +
        '{"labels":[],"type":10,"type-name":"mpls-label-stack"},{"raw":"000640","type":10,"type-name":"mpls-label-stack"}],"type":10,"type-name":"mpls"}]',
    );
  });
  it('Prefix-SID (§3.7): Label-Index TLV decoded, other TLVs raw, a broken TLV list raw', () => {
    check(
      tunnel(10, tlv1(11, '01 0007 00 0000 00000064' + '05 0001 AA'), tlv1(11, '01 0007 00')),
      '[{"sub-tlvs":[{"tlvs":[{"flags":0,"label-index":100,"type":1,"type-name":"label-index"},{"raw":"AA","type":5}],"type":11,"type-name":"prefix-sid"},' +
        '{"raw":"01000700","type":11,"type-name":"prefix-sid"}],"type":10,"type-name":"mpls"}]',
    );
  });
  it('unknown sub-TLVs, 1- and 2-octet lengths, zero lengths; zero-length tunnels', () => {
    check(
      tunnel(0, '') + tunnel(0xffff, tlv1(0, ''), tlv1(127, '01'), tlv2(255, ''), tlv2(131, '0203')),
      '[{"sub-tlvs":[],"type":0},{"sub-tlvs":[{"raw":"","type":0},{"raw":"01","type":127},{"raw":"","type":255},{"raw":"0203","type":131}],"type":65535}]',
    );
  });
  it('an empty attribute is an empty list', () => {
    expect(decode('')).toEqual({ tunnels: [] });
    expect(encode({ tunnels: [] })).toBe('');
  });
  it('views, not copies', () => {
    const m = decode(tunnel(99, tlv1(50, 'ABCD')));
    const s = m.tunnels[0]!.subTlvs[0]!;
    expect(s.kind === 'raw' && s.value.byteOffset).toBe(6);
  });
});
