/** RFC 9012 §13 TLV-level rules and RFC 9830 §2.4 single instances, on decoded values. */
import { describe, expect, it } from 'vitest';
import { effectiveSubTlvs, endpointRequired, tunnelIgnoredReason, withoutIgnoredTunnels } from '../../../attributes/tunnel-encap/index.js';
import { decode, encode, tlv1, tlv2, tunnel } from './helpers.js';

const EP4 = tlv1(6, '00000000 0001 C0000201');
const EP_BAD = tlv1(6, '00000000 0001 C00002');

describe('RFC 9012 §13: TLVs removed before propagation', () => {
  it('a malformed Tunnel Egress Endpoint removes its TLV; the others stay', () => {
    const m = decode(tunnel(8, EP_BAD, tlv1(8, '12B5')) + tunnel(8, EP4));
    expect(tunnelIgnoredReason(m.tunnels[0]!)).toMatch(/malformed Tunnel Egress Endpoint/);
    expect(tunnelIgnoredReason(m.tunnels[1]!)).toBeUndefined();
    expect(encode(withoutIgnoredTunnels(m))).toBe(tunnel(8, EP4));
  });
  it('exactly one endpoint where the AFI/SAFI is one of §6', () => {
    expect(endpointRequired(1, 1)).toBe(true);
    expect(endpointRequired(25, 70)).toBe(true);
    expect(endpointRequired(1, 73)).toBe(false); // SR Policy SAFI
    const m = decode(tunnel(8, tlv1(8, '12B5')) + tunnel(8, EP4, EP4) + tunnel(8, EP4));
    expect(tunnelIgnoredReason(m.tunnels[0]!, { endpointRequired: true })).toMatch(/0 Tunnel Egress Endpoint/);
    expect(tunnelIgnoredReason(m.tunnels[1]!, { endpointRequired: true })).toMatch(/2 Tunnel Egress Endpoint/);
    expect(tunnelIgnoredReason(m.tunnels[0]!)).toBeUndefined();
    expect(encode(withoutIgnoredTunnels(m, { endpointRequired: true }))).toBe(tunnel(8, EP4));
  });
});

describe('first occurrences only', () => {
  it('RFC 9012 single-instance sub-TLVs; repeatable ones (Color) and unknown ones kept', () => {
    const m = decode(tunnel(13, tlv1(8, '12B5'), tlv1(4, '030B 0000 00000001'), tlv1(8, '0001'), tlv1(4, '030B 0000 00000002'), tlv1(7, '00'), tlv1(7, '01'), tlv1(99, '')));
    expect(effectiveSubTlvs(m.tunnels[0]!).map((s) => s.type)).toEqual([8, 4, 4, 7, 99]);
  });
  it('RFC 9830 §2.4: Preference, Binding SID, ... once; SRv6 Binding SIDs and Segment Lists repeat; one Weight per list', () => {
    const pref = (n: string): string => tlv1(12, '0000' + n);
    const sl = tlv2(128, '00' + tlv1(9, '000000000001') + tlv1(9, '000000000002') + tlv1(1, '000003E81000'));
    const srv6 = tlv1(20, '0000' + '20010DB8000000000000000000000001');
    const m = decode(tunnel(15, pref('00000064'), pref('000000C8'), srv6, srv6, sl, sl, tlv2(130, '0061'), tlv2(130, '0062')));
    const eff = effectiveSubTlvs(m.tunnels[0]!);
    expect(eff.map((s) => s.type)).toEqual([12, 20, 20, 128, 128, 130]);
    const first = eff[0]!;
    expect(first.kind === 'preference' && first.preference).toBe(100);
    const list = eff[3]!;
    expect(list.kind === 'segment-list' && list.subTlvs.map((x) => x.type)).toEqual([9, 1]);
    // the same sub-TLV numbers outside an SR Policy TLV are not single-instance
    expect(effectiveSubTlvs(decode(tunnel(8, pref('00000001'), pref('00000002'))).tunnels[0]!).length).toBe(2);
  });
});
