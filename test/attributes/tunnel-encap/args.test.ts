/**
 * Args grammar, builders, and fromJson checks. Expected bytes are the hand-built layouts of
 * samples.ts / wire.test.ts (RFC 9012 §3, RFC 9830 §2.4, RFC 9831 §2).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { NlriError } from '../../../src/core/errors.js';
import { Reader } from '../../../src/core/reader.js';
import {
  encodeTunnelEncapValue,
  gre,
  mplsSegment,
  samples,
  segment,
  srPolicy,
  srv6Segment,
  tunnel as tunnelTlv,
  tunnelEncap,
  vxlan,
} from '../../../attributes/tunnel-encap/index.js';
import { toHex } from '../../../src/core/hex.js';
import { attrHex, fromHexLoose } from './gen.js';
import { codec, ctx, decode, encode, tlv1, tlv2, tunnel } from './helpers.js';

const args = (a: string): string => encode(codec.fromArgs!(a.split(' ')));
function argsFails(a: readonly string[], msg: RegExp): void {
  let err: unknown;
  try {
    codec.fromArgs!(a);
  } catch (e) {
    err = e;
  }
  expect(err).toBeInstanceOf(NlriError);
  expect((err as NlriError).code).toBe('invalid-args');
  expect((err as NlriError).message).toMatch(msg);
}
const modelFails = (f: () => unknown, msg: RegExp): void => {
  let err: unknown;
  try {
    f();
  } catch (e) {
    err = e;
  }
  expect(err).toBeInstanceOf(NlriError);
  expect((err as NlriError).code).toBe('invalid-model');
  expect((err as NlriError).message).toMatch(msg);
};

const SID1 = '20010DB8000000000000000000000001';
const STRUCT = '0030000020101000';
const sl = (...subs: string[]): string => tunnel(15, tlv2(128, '00' + subs.join('')));

describe('args: segments and flags defaults (RFC 9830 §2.4.4.2.3)', () => {
  it('type C with algorithm and SID: A and S flags', () => {
    expect(args('sr-policy segment-list type-c node 10.0.0.1 algorithm 128 label 16001')).toBe(sl(tlv1(3, '6080 0A000001 03E81000')));
  });
  it('type E with SID: S flag; explicit flags win', () => {
    expect(args('sr-policy segment-list type-e local-interface-id 7 node 10.0.0.2 label 16001')).toBe(sl(tlv1(5, '2000 00000007 0A000002 03E81000')));
    expect(args('sr-policy segment-list type-e local-interface-id 7 node 10.0.0.2 label 16001 flags 0')).toBe(sl(tlv1(5, '0000 00000007 0A000002 03E81000')));
  });
  it('type B with structure: B flag; type I with algorithm, SID and structure: A, S, B', () => {
    expect(args('sr-policy segment-list srv6 2001:db8::1 structure 48,32,16,16,0')).toBe(sl(tlv1(13, '1000' + SID1 + STRUCT)));
    expect(args('sr-policy segment-list type-i node 2001:db8::1 algorithm 0 sid 2001:db8:100::1 structure 48,32,16,16,0')).toBe(
      sl(tlv1(14, '7000' + SID1 + '20010DB8010000000000000000000001' + STRUCT)),
    );
  });
  it('type A with TC/S/TTL, reserved; weight with flags', () => {
    expect(args('sr-policy segment-list weight 10 flags 1 mpls 16001/1/1/64 reserved 3')).toBe(sl(tlv1(9, '0100 0000000A'), tlv1(1, '0003 03E81340')));
  });
  it('mpls inside a segment list is a segment, elsewhere the MPLS tunnel (also tunnel-type 10)', () => {
    expect(args('sr-policy segment-list mpls 16 tunnel-type 10 label-stack 100')).toBe(sl(tlv1(1, '0000 00010000')) + tunnel(10, tlv1(10, '00064000')));
    expect(args('mpls label-stack 100')).toBe(tunnel(10, tlv1(10, '00064000')));
    expect(codec.toArgs!(decode(tunnel(10, tlv1(10, '00064000'))))).toEqual(['tunnel-type', '10', 'label-stack', '100']);
  });
  it("ExaBGP's spellings", () => {
    expect(
      args(
        'sr-policy preference 100 binding-sid mpls 24000 segment-list weight 1 segment type-a mpls 16001 ' +
          'segment type-c ipv4 10.0.0.1 algorithm 128 sid 16001 segment type-i ipv6 2001:db8::1 algorithm 0 sid 2001:db8:100::1 endpoint-behavior 48 32 16 16 0 ' +
          'segment type-g local-if-id 1 local-ipv6 ::1 remote-if-id 2 remote-ipv6 ::2 segment type-b srv6 2001:db8::1',
      ),
    ).toBe(
      tunnel(15, tlv1(12, '0000 00000064'), tlv1(13, '0000 05DC0000'), tlv2(128, '00' +
        tlv1(9, '0000 00000001') + tlv1(1, '0000 03E81000') + tlv1(3, '6080 0A000001 03E81000') +
        tlv1(14, '7000' + SID1 + '20010DB8010000000000000000000001' + STRUCT) +
        tlv1(7, '0000 00000001 00000000000000000000000000000001 00000002 00000000000000000000000000000002') +
        tlv1(13, '0000' + SID1))),
    );
    expect(args('sr-policy binding-sid null bsid 16')).toBe(tunnel(15, tlv1(13, '0000'), tlv1(13, '0000 00010000')));
    argsFails(['sr-policy', 'segment'], /segment: only inside a segment-list/);
    argsFails(['sr-policy', 'priority', '1', 'endpoint-behavior', '1', '2', '3', '4', '5'], /endpoint-behavior: only after/);
    argsFails(['sr-policy', 'segment-list', 'srv6', '::1', 'endpoint-behavior', '1'], /endpoint-behavior: behavior block node/);
  });
  it('no tunnels: the empty attribute', () => {
    expect(encode(codec.fromArgs!([]))).toBe('');
    expect(encode(codec.fromArgs!(['tunnel-encap']))).toBe('');
  });
});

describe('args: tunnels and sub-TLVs', () => {
  it('VXLAN flags from vni / mac; NVGRE; VXLAN-GPE', () => {
    expect(args('vxlan vni 10')).toBe(tunnel(8, tlv1(1, '80 00000A 000000000000 0000')));
    expect(args('vxlan mac 00:00:5e:00:53:01')).toBe(tunnel(8, tlv1(1, '40 000000 00005E005301 0000')));
    expect(args('nvgre vni 1 vni 2')).toBe(tunnel(9, tlv1(1, '80 000001 000000000000 0000'), tlv1(1, '80 000002 000000000000 0000')));
    expect(args('vxlan-gpe vni 10 reserved 1 reserved-2 2')).toBe(tunnel(12, tlv1(1, '08 000001 00000A 02')));
  });
  it('GRE, L2TPv3, common sub-TLVs', () => {
    expect(args('gre key 7 endpoint 2001:db8::1 color 5 flags 0x4000')).toBe(
      tunnel(2, tlv1(1, '00000007'), tlv1(6, '00000000 0002' + SID1), tlv1(4, '030B 4000 00000005')),
    );
    expect(args('l2tpv3 session-id 1 cookie 0102 endpoint none')).toBe(tunnel(1, tlv1(1, '00000001 0102'), tlv1(6, '00000000 0000')));
    expect(args('tunnel-type 13 ds-field 46 protocol-type 0x86DD embedded-label-handling 2 prefix-sid 100')).toBe(
      tunnel(13, tlv1(7, '2E'), tlv1(2, '86DD'), tlv1(9, '02'), tlv1(11, '01 0007 00 0000 00000064')),
    );
  });
  it('SR Policy sub-TLVs, several tunnels, the optional attribute name in front', () => {
    expect(
      args('tunnel-encap sr-policy preference 5 flags 0x80 binding-sid none flags 0xC0 srv6-binding-sid 2001:db8::1 structure 48,32,16,16,0 enlp 1 priority 2 cp-name a policy-name b vxlan vni 1'),
    ).toBe(
      tunnel(15, tlv1(12, '8000 00000005'), tlv1(13, 'C000'), tlv1(20, '2000' + SID1 + STRUCT), tlv1(14, '000001'), tlv1(15, '0200'), tlv2(129, '0061'), tlv2(130, '0062')) +
        tunnel(8, tlv1(1, '80 000001 000000000000 0000')),
    );
  });
  it('errors name the token', () => {
    argsFails(['preference', '1'], /give a tunnel type first/);
    argsFails(['sr-policy', 'frobnicate'], /unknown token "frobnicate"/);
    argsFails(['sr-policy', 'preference'], /preference: value missing/);
    argsFails(['sr-policy', 'preference', '-1'], /preference: "-1" is not an integer/);
    argsFails(['sr-policy', 'priority', '256'], /priority: "256" is not an integer 0..255/);
    argsFails(['sr-policy', 'weight', '1'], /weight: only inside a segment-list/);
    argsFails(['sr-policy', 'segment-list', 'mpls', '1048576'], /mpls: "1048576"/);
    argsFails(['sr-policy', 'segment-list', 'mpls', '1/2/3'], /not label\[\/tc\/s\/ttl\]/);
    argsFails(['sr-policy', 'segment-list', 'srv6', '10.0.0.1'], /not an IPv6 address/);
    argsFails(['sr-policy', 'segment-list', 'type-c', 'label', '1'], /type-c: segment type C needs nodeAddress/);
    argsFails(['sr-policy', 'segment-list', 'type-e', 'node', '10.0.0.1', 'local-interface-id', '1', 'algorithm', '1'], /has no SR Algorithm field/);
    argsFails(['sr-policy', 'algorithm', '1'], /algorithm: only after a segment/);
    argsFails(['sr-policy', 'flags', '1'], /flags: nothing to apply/);
    argsFails(['sr-policy', 'priority', '1', 'structure', '1,2,3,4,5'], /structure: only after srv6-binding-sid/);
    argsFails(['sr-policy', 'srv6-binding-sid', '::1', 'structure', '1,2,3'], /structure: "1,2,3"/);
    argsFails(['vxlan', 'mac', '00:11'], /mac: "00:11"/);
    argsFails(['l2tpv3', 'cookie', '00'], /cookie: give session-id first/);
    argsFails(['l2tpv3', 'session-id', '1', 'cookie', '00'.repeat(9)], /at most 8 octets/);
    argsFails(['sr-policy', 'raw', '300', '00'], /raw type/);
    argsFails(['sr-policy', 'raw', '3', '0'], /raw value: "0" is not hex/);
    argsFails(['vxlan-gpe', 'reserved-2', '1'], /reserved-2: only after a vxlan-gpe vni/);
    argsFails(['sr-policy', 'priority', '1', 'reserved', '256'], /reserved/);
    argsFails(['vxlan', 'udp-port', '0'], /udp-port: 0 is reserved/);
    argsFails(['vxlan', 'protocol-type', '0xFFFF'], /protocol-type: 0xFFFF is reserved/);
    argsFails(['vxlan', 'embedded-label-handling', '3'], /embedded-label-handling: 1 or 2/);
  });
});

describe('toArgs -> fromArgs gives the bytes back', () => {
  it('for every sample and random decodable input', () => {
    for (const s of samples) expect(args(codec.toArgs!(decode(s.hex)).join(' '))).toBe(s.hex);
    let n = 0;
    fc.assert(
      fc.property(attrHex, (h) => {
        const b = fromHexLoose(h);
        let m;
        try {
          m = codec.decode(new Reader(b), ctx, codec.flags);
        } catch {
          return;
        }
        n++;
        expect(encode(codec.fromArgs!(codec.toArgs!(m)))).toBe(toHex(b));
      }),
      { numRuns: 1500 },
    );
    expect(n).toBeGreaterThan(300);
  });
});

describe('builders', () => {
  it('the SR Policy sample, built', () => {
    const m = tunnelEncap(
      srPolicy({
        preference: 100,
        bindingSid: 24000,
        candidatePathName: 'cp1',
        policyName: 'pol1',
        segmentLists: [
          { weight: 1, segments: [mplsSegment(16001), mplsSegment(16002)] },
          { weight: 2, segments: [srv6Segment('2001:db8::1')] },
        ],
      }),
    );
    expect(toHex(encodeTunnelEncapValue(m))).toBe(samples[1]!.hex);
  });
  it('the VXLAN and MPLS-in-GRE samples, built', () => {
    expect(toHex(encodeTunnelEncapValue(tunnelEncap(vxlan({ vni: 10, mac: '00:00:5e:00:53:01', endpoint: '192.0.2.1', udpPort: 4789 }))))).toBe(samples[0]!.hex);
    expect(toHex(encodeTunnelEncapValue(tunnelEncap(gre({ key: 43981, mpls: true }))))).toBe(samples[2]!.hex);
    expect(toHex(encodeTunnelEncapValue(tunnelEncap(tunnelTlv(13, { color: 100, dsField: 46 }))))).toBe(samples[3]!.hex);
  });
  it('segment specs of every type', () => {
    const m = tunnelEncap(srPolicy({ segmentLists: [{ segments: [
      { type: 'c', nodeAddress: '10.0.0.1', algorithm: 128, label: 16001 },
      { type: 'g', localInterfaceId: 1, localNodeAddress: '::1', remoteInterfaceId: 2, remoteNodeAddress: '::2', reserved: 5, flags: 0 },
      { type: 'k', localAddress: '::1', remoteAddress: '::2', sid: '2001:db8::9', algorithm: 0, flags: 0x20 },
    ] }] }));
    expect(toHex(encodeTunnelEncapValue(m))).toBe(sl(
      tlv1(3, '6080 0A000001 03E81000'),
      tlv1(7, '0005 00000001 00000000000000000000000000000001 00000002 00000000000000000000000000000002'),
      tlv1(16, '2000 00000000000000000000000000000001 00000000000000000000000000000002 20010DB8000000000000000000000009'),
    ));
  });
  it('builder errors', () => {
    modelFails(() => segment({ type: 'z' as 'a' }), /not one of a..k/);
    modelFails(() => segment({ type: 'a' }), /type A needs a label/);
    modelFails(() => segment({ type: 'b' }), /type B needs an SRv6 SID/);
    modelFails(() => segment({ type: 'c', nodeAddress: '::1' }), /not an IPv4 address/);
    modelFails(() => segment({ type: 'd', nodeAddress: '::1', sid: '::2' }), /carries a label, not an SRv6 SID/);
    modelFails(() => segment({ type: 'i', nodeAddress: '::1', label: 1 }), /carries an SRv6 SID, not a label/);
    modelFails(() => segment({ type: 'i', nodeAddress: '::1', structure: { behavior: 1, block: 1, node: 1, function: 1, argument: 1 } }), /structure needs an SRv6 SID/);
    modelFails(() => mplsSegment(1 << 20), /label 1048576 out of range/);
    modelFails(() => srPolicy({ priority: 256 }), /priority 256 out of range/);
    modelFails(() => vxlan({ mac: 'zz' }), /MAC zz/);
    modelFails(() => vxlan({ vni: 1 << 24 }), /VNI/);
    modelFails(() => vxlan({ udpPort: 0 }), /UDP port 0 is reserved/);
    modelFails(() => gre({ protocolType: 0xffff }), /protocol type 0xFFFF is reserved/);
  });
});

describe('fromJson and encode reject what cannot be written', () => {
  const fj = (v: unknown): unknown => codec.fromJson(v, ctx);
  it('fromJson errors', () => {
    modelFails(() => fj({}), /tunnel-encapsulation: expected an array/);
    modelFails(() => fj([1]), /tunnel-encapsulation\[0\]: expected an object/);
    modelFails(() => fj([{ type: 70000 }]), /"type" must be an integer 0..65535/);
    modelFails(() => fj([{ type: 15, 'sub-tlvs': {} }]), /sub-tlvs: expected an array/);
    modelFails(() => fj([{ type: 15, 'sub-tlvs': [{ type: 3 }] }]), /sub-TLV type 3 has no decoded form: give "raw"/);
    modelFails(() => fj([{ type: 15, 'sub-tlvs': [{ type: 3, raw: 'XY' }] }]), /"raw" must be hex/);
    modelFails(() => fj([{ type: 99, 'sub-tlvs': [{ type: 1, key: 1 }] }]), /tunnel type 99 has no decoded encapsulation form/);
    modelFails(() => fj([{ type: 8, 'sub-tlvs': [{ type: 1, flags: 0, 'vn-id': 1, mac: 'x' }] }]), /"mac" must be a MAC address/);
    modelFails(() => fj([{ type: 8, 'sub-tlvs': [{ type: 6, afi: 3 }] }]), /AFI 3 has no address form/);
    modelFails(() => fj([{ type: 8, 'sub-tlvs': [{ type: 6, afi: 1, address: '::1' }] }]), /"address" must be an IPv4 address/);
    modelFails(() => fj([{ type: 15, 'sub-tlvs': [{ type: 12, flags: 0, preference: 1.5 }] }]), /"preference" must be an integer/);
    modelFails(() => fj([{ type: 15, 'sub-tlvs': [{ type: 13, flags: 0, label: 1, s: 'yes' }] }]), /"s" must be true or false/);
    modelFails(() => fj([{ type: 15, 'sub-tlvs': [{ type: 129 }] }]), /"name" must be a string/);
    modelFails(() => fj([{ type: 15, 'sub-tlvs': [{ type: 128, 'sub-tlvs': [{ type: 77 }] }] }]), /segment list sub-TLV type 77 has no decoded form/);
    modelFails(() => fj([{ type: 15, 'sub-tlvs': [{ type: 128, 'sub-tlvs': [{ type: 14, flags: 0, 'node-address': '::1', 'sid-structure': {} }] }] }]), /"sid-structure" needs "sid"/);
    modelFails(() => fj([{ type: 15, 'sub-tlvs': [{ type: 20, flags: 0, sid: '::1', 'sid-structure': { 'endpoint-behavior': 1 } }] }]), /"loc-block-len" must be an integer/);
  });
  it('numbers may come as decimal strings or bigints', () => {
    const m = codec.fromJson([{ type: '15', 'sub-tlvs': [{ type: 12, flags: 0n, preference: '4294967295' }] }], ctx);
    expect(encode(m)).toBe(tunnel(15, tlv1(12, '0000FFFFFFFF')));
  });
  it('lengths that do not fit their length fields', () => {
    const big = new Uint8Array(256);
    modelFails(() => encode({ tunnels: [{ type: 1, subTlvs: [{ kind: 'raw', type: 5, value: big }] }] }), /sub-TLV 5 value of 256 octets exceeds its length field \(255\)/);
    modelFails(() => encode({ tunnels: [{ type: 1, subTlvs: [{ kind: 'raw', type: 200, value: new Uint8Array(65536) }] }] }), /exceeds its length field \(65535\)/);
    modelFails(() => encode({ tunnels: [{ type: 1, subTlvs: [{ kind: 'raw', type: 200, value: new Uint8Array(65533) }] }] }), /tunnel TLV \(type 1\)/);
    modelFails(
      () => encode({ tunnels: [{ type: 15, subTlvs: [{ kind: 'segment-list', type: 128, reserved: 0, subTlvs: [{ kind: 'raw', type: 77, value: big }] }] }] }),
      /segment list sub-TLV value of 256 octets/,
    );
    modelFails(() => encode({ tunnels: [{ type: 15, subTlvs: [{ kind: 'segment-list', type: 128, reserved: 0, subTlvs: [{ kind: 'segment', type: 99, flags: 0 }] }] }] }), /segment type 99 is not one of A..K/);
    modelFails(() => encode({ tunnels: [{ type: 8, subTlvs: [{ kind: 'egress-endpoint', type: 6, reserved: 0, afi: 1, address: new Uint8Array(16) }] }] }), /AFI 1 with a 16-octet address/);
  });
});
