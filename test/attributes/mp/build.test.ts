/**
 * Builders (what the plugin originates with) and fromJson: expected bytes laid out by hand from
 * RFC 4760 §3-§4, RFC 2545 §3, RFC 4364 §4.3.2, RFC 4659 §3.2.1, RFC 8950 §3, RFC 4724 §2.
 */
import { describe, expect, it } from 'vitest';
import {
  endOfRib, isEndOfRib, mpReach, mpReachNlri, mpReachRaw, mpUnreach, mpUnreachNlri, mpUnreachRaw, nextHopFromSpec, resolveFamily,
} from '../../../attributes/mp/index.js';
import { ipv4Unicast, ipv6Unicast } from '../../../families/unicast/index.js';
import { toHex } from '../../../src/core/hex.js';
import { bytes, codecError } from '../../support/helpers.js';
import { ctx, decodeValue, encodeValue, families } from './support.js';

const NH4 = 'C0000201';
const NH6 = '20010DB8000000000000000000000001';
const LL = 'FE800000000000000000000000000001';
const RD0 = '0000000000000000';
const VPN4 = '70003E810000FDE8000000640A0000';
const p24 = () => ipv4Unicast.fromArgs(['10.0.0.0/24']);
const vpn4 = () => families.require('ipv4/mpls-vpn').fromArgs(['rd', '0:65000:100', 'label', '1000', 'prefix', '10.0.0.0/24']);
const enc = (m: Parameters<typeof mpReachNlri.encode>[0]) => encodeValue(mpReachNlri, m);

describe('mpReach', () => {
  it('IPv4 unicast with an IPv4 next hop', () => {
    expect(enc(mpReach('ipv4/unicast', '192.0.2.1', [p24()], ctx()))).toBe('00010104' + NH4 + '00' + '180A0000');
  });

  it('RFC 8950: an IPv6 next hop for IPv4 NLRI', () => {
    expect(enc(mpReach('ipv4/unicast', '2001:db8::1', [p24()], ctx()))).toBe('00010110' + NH6 + '00' + '180A0000');
  });

  it('RFC 2545 §3: global + link-local', () => {
    const m = mpReach('ipv6/unicast', { address: '2001:db8::1', linkLocal: 'fe80::1' }, [ipv6Unicast.fromArgs(['2001:db8::/32'])], ctx());
    expect(m.nextHop.kind).toBe('ipv6-link-local');
    expect(enc(m)).toBe('00020120' + NH6 + LL + '00' + '2020010DB8');
  });

  it('VPN: a zero RD in front (RFC 4364 §4.3.2), RFC 8950 24 octets for an IPv6 next hop, 48 with link-local', () => {
    expect(enc(mpReach('ipv4/mpls-vpn', '192.0.2.1', [vpn4()], ctx()))).toBe('0001800C' + RD0 + NH4 + '00' + VPN4);
    expect(enc(mpReach('ipv4/mpls-vpn', '2001:db8::1', [vpn4()], ctx()))).toBe('00018018' + RD0 + NH6 + '00' + VPN4);
    expect(enc(mpReach('ipv6/mpls-vpn', { address: '2001:db8::1', linkLocal: 'fe80::1' }, [], ctx()))).toBe('00028030' + RD0 + NH6 + RD0 + LL + '00');
    expect(enc(mpReach('ipv4/mpls-vpn', { address: '192.0.2.1', rd: '0:65000:100' }, [], ctx()))).toBe('0001800C' + '0000FDE800000064' + NH4 + '00');
    expect(enc(mpReach('ipv6/mpls-vpn', { address: '2001:db8::1', linkLocal: 'fe80::1', linkLocalRd: '1:192.0.2.1:7' }, [], ctx()))).toBe(
      '00028030' + RD0 + NH6 + '0001C00002010007' + LL + '00',
    );
  });

  it('FlowSpec without a next hop, and a raw hex next hop', () => {
    const flow = families.require('ipv4/flow').fromArgs(['destination', '10.0.0.0/24']);
    expect(enc(mpReach('ipv4/flow', 'no-nexthop', [flow], ctx()))).toBe('00018500' + '00' + '0501180A0000');
    expect(enc(mpReach('ipv4/flow', '', [], ctx()))).toBe('0001850000');
    expect(enc(mpReach('ipv4/unicast', 'c000020101', [], ctx()))).toBe('00010105C00002010100');
    expect(enc(mpReach('ipv4/unicast', 'C0000201', [], ctx()))).toBe('00010104C000020100');
  });

  it('a decoded next hop is used as it is', () => {
    const d = decodeValue(mpReachNlri, '0001800C' + '0000FDE800000064' + NH4 + '00');
    expect(enc(mpReach('ipv4/mpls-vpn', d.nextHop, [vpn4()], ctx()))).toBe('0001800C' + '0000FDE800000064' + NH4 + '00' + VPN4);
  });

  it('ADD-PATH: path ids written when the context has it for the family (RFC 7911)', () => {
    const n = { ...p24(), pathId: 9 };
    expect(enc(mpReach('ipv4/unicast', '192.0.2.1', [n], ctx({ addPath: ['ipv4/unicast'] })))).toBe('00010104' + NH4 + '00' + '00000009180A0000');
    expect(enc(mpReach('ipv4/unicast', '192.0.2.1', [n], ctx()))).toBe('00010104' + NH4 + '00' + '180A0000');
  });

  it('family names: a codec\'s, afi-N/safi-M text, Ze\'s AFI/SAFI names', () => {
    expect(mpReach('ipv4/safi-128', '192.0.2.1', [], ctx()).family).toBe('ipv4/mpls-vpn');
    expect(resolveFamily('afi-3/unicast', families)).toMatchObject({ afi: 3, safi: 1, family: 'afi-3/unicast', codec: undefined });
    expect(resolveFamily('afi-1/safi-1', families).family).toBe('ipv4/unicast');
    for (const bad of ['foo', 'ipv4', 'afi-70000/unicast', 'ipv4/safi-256', 'afi-01/unicast']) {
      expect(codecError(() => resolveFamily(bad, families)).code).toBe('invalid-model');
    }
  });

  it('unknown families take the NLRI field as bytes', () => {
    expect(codecError(() => mpReach('afi-3/unicast', '192.0.2.1', [p24()], ctx())).code).toBe('invalid-model');
    expect(enc(mpReachRaw('afi-3/unicast', '192.0.2.1', bytes('DEADBEEF'), ctx()))).toBe('00030104' + NH4 + '00' + 'DEADBEEF');
    const k = mpReachRaw('ipv4/unicast', '192.0.2.1', bytes('180A0000'), ctx());
    expect(k.nlri).toHaveLength(1);
  });

  it('next-hop text errors', () => {
    const bad: [string | object, string][] = [
      ['1.2.3', 'ParseAddr'],
      ['zz', 'neither an address nor hex'],
      ['abc', 'neither an address nor hex'],
      [{ address: '192.0.2.1', linkLocal: 'fe80::1' }, 'needs an IPv6 global'],
      [{ address: '2001:db8::1', linkLocal: '10.0.0.1' }, 'must be an IPv6'],
      [{ address: '192.0.2.1', rd: '0:1:1' }, 'VPN SAFIs only'],
      [{ address: 'no-nexthop', linkLocal: 'fe80::1' }, 'needs a next-hop address'],
      [{ address: 'c0000201', rd: '0:1:1' }, 'whole field'],
      [{ address: '2001:db8::1', linkLocalRd: '0:1:1' }, 'needs next-hop-link-local'],
      ['ab'.repeat(256), 'longer than 255'],
    ];
    for (const [spec, msg] of bad) {
      const e = codecError(() => nextHopFromSpec(spec as never, 1, 'ipv4/unicast'));
      expect(e.code).toBe('invalid-model');
      expect(e.message).toContain(msg);
    }
    expect(codecError(() => nextHopFromSpec({ address: '192.0.2.1', rd: 'x' }, 128)).message).toContain('route distinguisher');
  });
});

describe('mpUnreach and End-of-RIB (RFC 4724 §2)', () => {
  it('withdrawals and the marker', () => {
    expect(encodeValue(mpUnreachNlri, mpUnreach('ipv4/unicast', [p24()], ctx()))).toBe('000101180A0000');
    const eor = endOfRib('ipv6/unicast', ctx());
    expect(encodeValue(mpUnreachNlri, eor)).toBe('000201');
    expect(isEndOfRib(eor)).toBe(true);
    expect(encodeValue(mpUnreachNlri, endOfRib('afi-3/safi-7', ctx()))).toBe('000307');
    expect(isEndOfRib(mpUnreach('ipv4/unicast', [p24()], ctx()))).toBe(false);
    const raw = mpUnreachRaw('ipv4/mpls-vpn', bytes('708000000000FDE8000000640A0000'), ctx());
    expect((raw.nlri[0] as { withdraw?: boolean }).withdraw).toBe(true);
  });
});

describe('fromJson', () => {
  const c = ctx();
  it('NLRIs as {"hex"}, {"args"}, a lossless record, with path ids', () => {
    const m = mpReachNlri.fromJson(
      {
        action: 'add',
        family: 'ipv4/mpls-vpn',
        'next-hop': '192.0.2.1',
        nlri: [{ hex: VPN4 }, { args: ['rd', '0:65000:100', 'label', '1000', 'prefix', '10.0.0.0/24'] }, { parsed: false, raw: '7000' }],
      },
      c,
    );
    expect(enc(m)).toBe('0001800C' + RD0 + NH4 + '00' + VPN4 + VPN4 + '7000');
    const ap = ctx({ addPath: true });
    const u = mpUnreachNlri.fromJson({ action: 'del', family: 'ipv4/unicast', nlri: [{ hex: '180A0000', 'path-id': 4 }, { prefix: '10.0.0.0/8', 'path-id': 5 }, '11.0.0.0/8'] }, ap);
    expect(encodeValue(mpUnreachNlri, u, ap)).toBe('000101' + '00000004180A0000' + '00000005080A' + '00000000080B');
  });

  it('next-hop superset keys come back', () => {
    const m = mpReachNlri.fromJson({ action: 'add', family: 'ipv6/mpls-vpn', 'next-hop': '2001:db8::1', 'next-hop-link-local': 'fe80::1', 'next-hop-rd': '0:65000:100', nlri: [] }, c);
    expect(toHex(m.nextHop.bytes)).toBe('0000FDE800000064' + NH6 + RD0 + LL);
  });

  it('unknown family: raw records and hex only', () => {
    const m = mpReachNlri.fromJson({ family: 'ipv4/safi-3', 'next-hop': '192.0.2.1', nlri: [{ parsed: false, raw: '180A' }, { hex: '0000' }] }, c);
    expect(enc(m)).toBe('00010304' + NH4 + '00' + '180A0000');
    expect(codecError(() => mpReachNlri.fromJson({ family: 'ipv4/safi-3', 'next-hop': '192.0.2.1', nlri: ['10.0.0.0/24'] }, c)).message).toContain('no codec');
  });

  it('errors are invalid-model (or the family codec\'s own error)', () => {
    const bad: unknown[] = [
      null,
      [],
      'x',
      { action: 'del', family: 'ipv4/unicast', 'next-hop': '192.0.2.1', nlri: [] },
      { action: 'add', 'next-hop': '192.0.2.1', nlri: [] },
      { action: 'add', family: 'ipv4/unicast', 'next-hop': '192.0.2.1' },
      { action: 'add', family: 'ipv4/unicast', 'next-hop': 7, nlri: [] },
      { action: 'add', family: 'nope', 'next-hop': '192.0.2.1', nlri: [] },
      { action: 'add', family: 'ipv4/mpls-vpn', 'next-hop': '192.0.2.1', nlri: [{ labels: [[1000]], prefix: '10.0.0.0/24', rd: '0:65000:100' }] },
      { action: 'add', family: 'ipv4/mpls-vpn', 'next-hop': '192.0.2.1', nlri: [{ hex: 'XYZ' }] },
      { action: 'add', family: 'ipv4/mpls-vpn', 'next-hop': '192.0.2.1', nlri: [{ args: 'rd' }] },
      { action: 'add', family: 'ipv4/unicast', 'next-hop': '192.0.2.1', nlri: [{ hex: '180A0000', 'path-id': -1 }] },
    ];
    for (const v of bad) expect(codecError(() => mpReachNlri.fromJson(v, c)).code).toBe('invalid-model');
    expect(codecError(() => mpUnreachNlri.fromJson({ action: 'add', family: 'ipv4/unicast', nlri: [] }, c)).code).toBe('invalid-model');
    // a {"hex"} element that is not one whole NLRI: the codec's error
    expect(codecError(() => mpReachNlri.fromJson({ family: 'ipv4/unicast', 'next-hop': '192.0.2.1', nlri: [{ hex: '180A000000' }] }, c)).code).toBe('trailing-bytes');
    expect(codecError(() => mpReachNlri.fromJson({ family: 'ipv4/mpls-vpn', 'next-hop': '192.0.2.1', nlri: [{ args: ['rd', '0:1:1'] }] }, c)).code).toBe('invalid-args');
  });
});
