/**
 * MP_REACH_NLRI / MP_UNREACH_NLRI wire rules, built by hand from RFC 4760 §3-§4: every error
 * path with its code and offset (in the attribute value), strict next-hop checks (RFC 7606
 * §7.11, RFC 4364 §4.3.2), ADD-PATH (RFC 7911), lossless records, End-of-RIB (RFC 4724 §2).
 */
import { describe, expect, it } from 'vitest';
import { isEndOfRib, mpReachNlri, mpUnreachNlri, nextHopText, type MpReach, type MpUnreach } from '../../../attributes/mp/index.js';
import { Reader } from '../../../src/core/reader.js';
import { toHex } from '../../../src/core/hex.js';
import { bytes, codecError } from '../../support/helpers.js';
import { ctx, decodeValue, encodeValue, jsonOf } from './support.js';

const NH4 = 'C0000201';
const NH6 = '20010DB8000000000000000000000001';
const LL = 'FE800000000000000000000000000001';
const VPN4 = '70003E810000FDE8000000640A0000';

const reach = (hex: string, s = {}): MpReach => decodeValue(mpReachNlri, hex, ctx(s));
const unreach = (hex: string, s = {}): MpUnreach => decodeValue(mpUnreachNlri, hex, ctx(s));

describe('MP_REACH_NLRI layout (RFC 4760 §3)', () => {
  it('reads AFI, SAFI, next hop, reserved, NLRI as views', () => {
    const b = bytes('00010104' + NH4 + '00' + '180A0000');
    const m = mpReachNlri.decode(new Reader(b), ctx(), 0x80);
    expect([m.afi, m.safi, m.family, m.codec?.name, m.reserved, m.addPath]).toEqual([1, 1, 'ipv4/unicast', 'ipv4/unicast', 0, false]);
    expect(m.nextHop).toMatchObject({ kind: 'ipv4', address: '192.0.2.1' });
    expect(m.nextHop.bytes.buffer).toBe(b.buffer);
    expect(m.nlriBytes.buffer).toBe(b.buffer);
    expect(toHex(m.nlriBytes)).toBe('180A0000');
    expect(m.nlri).toHaveLength(1);
  });

  it('keeps a nonzero reserved octet and writes it back', () => {
    const hex = '00010104' + NH4 + '07' + '180A0000';
    const m = reach(hex);
    expect(m.reserved).toBe(7);
    expect(encodeValue(mpReachNlri, m)).toBe(hex);
    const json = jsonOf(mpReachNlri, m);
    expect(json).toBe('{"action":"add","family":"ipv4/unicast","next-hop":"192.0.2.1","nlri":["10.0.0.0/24"],"reserved":7}');
    expect(encodeValue(mpReachNlri, mpReachNlri.fromJson(JSON.parse(json), ctx()))).toBe(hex);
    expect(codecError(() => mpReachNlri.fromJson({ ...JSON.parse(json), reserved: 256 }, ctx())).code).toBe('invalid-model');
  });

  it('errors: truncated header fields', () => {
    for (const [hex, off] of [['', 0], ['00', 0], ['0001', 2], ['000101', 3]] as const) {
      const e = codecError(() => reach(hex));
      expect([e.code, e.offset]).toEqual(['truncated', off]);
    }
  });

  it('errors: next-hop length past the value, or no room for the reserved octet, is bad-length at the length octet (RFC 7606 §7.11)', () => {
    for (const hex of ['00010105' + NH4, '00010104' + NH4, '000101FF' + NH4 + '00']) {
      const e = codecError(() => reach(hex));
      expect([e.code, e.offset]).toEqual(['bad-length', 3]);
    }
  });

  it('errors in the NLRI field are offsets in the value, attributed to the attribute', () => {
    // second prefix has length 33: at NLRI offset 4, value offset 9 + 4
    const e = codecError(() => reach('00010104' + NH4 + '00' + '180A0000' + '210A000000FF'));
    expect([e.code, e.offset, e.family, e.attribute]).toEqual(['bad-length', 13, 'ipv4/unicast', 'mp-reach-nlri']);
    const t = codecError(() => unreach('000101' + '180A00'));
    expect([t.code, t.offset, t.attribute]).toEqual(['truncated', 4, 'mp-unreach-nlri']);
  });

  it('offsets count from the reader base when the value sits inside a larger buffer', () => {
    const b = bytes('FFFFFF' + '00010104' + NH4 + '00' + '21');
    const r = new Reader(b, '', 3, b.length);
    const e = codecError(() => mpReachNlri.decode(r, ctx(), 0x80));
    expect([e.code, e.offset]).toEqual(['bad-length', 9]);
    const r2 = new Reader(bytes('FFFF' + '000101FF'), '', 2);
    expect(codecError(() => mpReachNlri.decode(r2, ctx(), 0x80)).offset).toBe(3);
  });

  it('an unknown AFI/SAFI keeps the field only', () => {
    const m = reach('00030104' + NH4 + '00' + 'DEADBEEF');
    expect([m.family, m.codec, m.nlri.length, toHex(m.nlriBytes)]).toEqual(['afi-3/unicast', undefined, 0, 'DEADBEEF']);
    expect(reach('0001FE04' + NH4 + '00').family).toBe('ipv4/safi-254');
    expect(reach('FFFF0104' + NH4 + '00').family).toBe('afi-65535/unicast');
  });
});

describe('next-hop forms', () => {
  const cases: [string, string, string, string, Record<string, string | undefined>][] = [
    ['000185', '', 'none', 'no-nexthop', {}],
    ['000101', NH4, 'ipv4', '192.0.2.1', {}],
    ['000201', NH6, 'ipv6', '2001:db8::1', {}],
    ['000201', NH6 + LL, 'ipv6-link-local', '2001:db8::1', { linkLocal: 'fe80::1' }],
    ['000180', '0000000000000000' + NH4, 'vpn-ipv4', '192.0.2.1', {}],
    ['000280', '0000000000000000' + NH6, 'vpn-ipv6', '2001:db8::1', {}],
    ['000280', '0000000000000000' + NH6 + '0000000000000000' + LL, 'vpn-ipv6-link-local', '2001:db8::1', { linkLocal: 'fe80::1' }],
    ['000101', '0000000000000000' + NH4, 'raw', '0000000000000000c0000201', {}],
    ['000101', 'C00002', 'raw', 'c00002', {}],
    ['00010C', NH4, 'ipv4', '192.0.2.1', {}],
  ];
  for (const [head, nh, kind, text, extra] of cases) {
    it(`${head} ${nh.length / 2} octets: ${kind}`, () => {
      const hex = head + (nh.length / 2).toString(16).toUpperCase().padStart(2, '0') + nh + '00';
      const m = reach(hex);
      expect(m.nextHop.kind).toBe(kind);
      expect(nextHopText(m.nextHop)).toBe(text);
      expect(m.nextHop.linkLocal).toBe(extra.linkLocal);
      expect(toHex(m.nextHop.bytes)).toBe(nh);
      expect(encodeValue(mpReachNlri, m)).toBe(hex);
    });
  }

  it('nextHopText reads a hand-made next hop without address text from its bytes', () => {
    expect(nextHopText({ kind: 'ipv4', bytes: bytes(NH4) })).toBe('192.0.2.1');
    expect(nextHopText({ kind: 'ipv6-link-local', bytes: bytes(NH6 + LL) })).toBe('2001:db8::1');
    expect(nextHopText({ kind: 'vpn-ipv4', bytes: bytes('0000000000000000' + NH4) })).toBe('192.0.2.1');
    expect(nextHopText({ kind: 'vpn-ipv6', bytes: bytes('0000000000000000' + NH6) })).toBe('2001:db8::1');
    expect(nextHopText({ kind: 'none', bytes: new Uint8Array(0) })).toBe('no-nexthop');
    expect(nextHopText({ kind: 'ipv4', bytes: bytes('C000') })).toBe('c000');
  });

  it('a nonzero link-local RD is shown as next-hop-link-local-rd', () => {
    const m = reach('00028030' + '0000000000000000' + NH6 + '0001C00002010007' + LL + '00');
    expect(jsonOf(mpReachNlri, m)).toBe('{"action":"add","family":"ipv6/mpls-vpn","next-hop":"2001:db8::1","next-hop-link-local":"fe80::1","next-hop-link-local-rd":"1:192.0.2.1:7","nlri":[]}');
  });
});

describe('strict next-hop checks (RFC 7606 §7.11, RFC 4364 §4.3.2)', () => {
  const strict = { strict: true };
  it('zero length: accepted and shown by default, bad-length in strict for families that need a next hop', () => {
    const hex = '00010100' + '00' + '180A0000';
    expect(jsonOf(mpReachNlri, reach(hex))).toBe('{"action":"add","family":"ipv4/unicast","next-hop":"no-nexthop","nlri":["10.0.0.0/24"]}');
    const e = codecError(() => reach(hex, strict));
    expect([e.code, e.offset]).toEqual(['bad-length', 3]);
    expect(e.message).toContain('needs a next hop');
    for (const fam of ['000180', '001946', '400447', '000184']) expect(codecError(() => reach(fam + '0000', strict)).code).toBe('bad-length');
  });

  it('zero length is FlowSpec\'s (RFC 8955 §5): fine in strict', () => {
    expect(reach('0001850000', strict).nextHop.kind).toBe('none');
    expect(reach('0002850000', strict).nextHop.kind).toBe('none');
    expect(reach('0001860000', strict).nextHop.kind).toBe('none');
  });

  it('lengths the family does not use', () => {
    const bad = [
      '00010105C00002010100', // 5 octets, ipv4/unicast
      '00020104' + NH4 + '00', // IPv4 next hop for ipv6/unicast
      '00018004' + NH4 + '00', // VPN needs the RD form
      '0002800C' + '0000000000000000' + NH4 + '00', // 12 octets for VPN-IPv6
      '0019460C' + '0000000000000000' + NH4 + '00', // RD form for EVPN
    ];
    for (const hex of bad) {
      const e = codecError(() => reach(hex, strict));
      expect([e.code, e.offset]).toEqual(['bad-length', 3]);
      expect(() => reach(hex)).not.toThrow();
    }
  });

  it('accepted lengths: RFC 8950 IPv6 next hops for IPv4 NLRI, link-local forms', () => {
    for (const hex of ['00010110' + NH6 + '00', '00010120' + NH6 + LL + '00', '00018018' + '0000000000000000' + NH6 + '00', '40044710' + NH6 + '00', '00194610' + NH6 + '00']) {
      expect(() => reach(hex, strict)).not.toThrow();
    }
  });

  it('a nonzero RD is bad-value in strict, at the RD; kept by default', () => {
    const hex = '0001800C' + '0000FDE800000064' + NH4 + '00' + VPN4;
    expect(toHex(reach(hex).nextHop.rd!)).toBe('0000FDE800000064');
    const e = codecError(() => reach(hex, strict));
    expect([e.code, e.offset]).toEqual(['bad-value', 4]);
    const ll = '00028030' + '0000000000000000' + NH6 + '0000000000000001' + LL + '00';
    const e2 = codecError(() => reach(ll, strict));
    expect([e2.code, e2.offset]).toEqual(['bad-value', 28]);
  });

  it('unknown families are not checked (nothing to expect)', () => {
    expect(reach('0003010000', strict).nextHop.kind).toBe('none');
  });
});

describe('NLRI field options', () => {
  it('ADD-PATH per family (RFC 7911)', () => {
    const hex = '00010104' + NH4 + '00' + '00000001180A0000' + '0000000220C0000201';
    const m = reach(hex, { addPath: ['ipv4/unicast'] });
    expect(m.addPath).toBe(true);
    expect(m.nlri.map((n) => n.pathId)).toEqual([1, 2]);
    expect(jsonOf(mpReachNlri, m)).toBe('{"action":"add","family":"ipv4/unicast","next-hop":"192.0.2.1","nlri":[{"path-id":1,"prefix":"10.0.0.0/24"},{"path-id":2,"prefix":"192.0.2.1/32"}]}');
    expect(encodeValue(mpReachNlri, m)).toBe(hex);
    // not negotiated for ipv4/unicast: the same bytes are other prefixes (length 0, then 0.0.0.0/0 ...)
    expect(reach('00010104' + NH4 + '00' + '00000000', { addPath: ['ipv6/unicast'] }).nlri).toHaveLength(4);
    const u = unreach('000201' + '000000052020010DB8', { addPath: true });
    expect(jsonOf(mpUnreachNlri, u)).toBe('{"action":"del","family":"ipv6/unicast","nlri":[{"path-id":5,"prefix":"2001:db8::/32"}]}');
  });

  it('lossless: a broken VPN NLRI becomes Ze\'s parsed:false record; without lossless it is an error', () => {
    const hex = '0001800C' + '0000000000000000' + NH4 + '00' + '7000';
    expect(jsonOf(mpReachNlri, reach(hex))).toBe('{"action":"add","family":"ipv4/mpls-vpn","next-hop":"192.0.2.1","nlri":[{"parsed":false,"raw":"7000"}]}');
    expect(encodeValue(mpReachNlri, reach(hex))).toBe(hex);
    const e = codecError(() => reach(hex, { lossless: false }));
    expect([e.code, e.offset]).toEqual(['truncated', 17]);
  });

  it('withdraw: MP_UNREACH reads the RFC 8277 §2.4 Compatibility field, MP_REACH a label stack', () => {
    const nlri = '708000000000FDE8000000640A0000';
    expect(jsonOf(mpUnreachNlri, unreach('000180' + nlri))).toContain('"withdraw":true');
    // from MP_REACH the same bytes are read as a label stack (as Ze reads them everywhere)
    const r = jsonOf(mpReachNlri, reach('0001800C' + '0000000000000000' + NH4 + '00' + nlri));
    expect(r).toContain('"labels":[[524288],[15]]');
    expect(r).not.toContain('withdraw');
  });

  it('maxLabels reaches the family codec (RFC 8277 §2.1)', () => {
    // length 136 bits: label 100 (no S), label 200 (S), RD 0:65000:100, 10.0.0.0/24
    const two = '88' + '000640' + '000C81' + '0000FDE800000064' + '0A0000';
    const hex = '0001800C' + '0000000000000000' + NH4 + '00' + two;
    expect(jsonOf(mpReachNlri, reach(hex))).toContain('"labels":[[100],[200]]');
    expect(jsonOf(mpReachNlri, reach(hex, { maxLabels: 1 }))).toContain('"parsed":false');
    expect(codecError(() => reach(hex, { maxLabels: 1, lossless: false })).code).toBe('malformed');
  });
});

describe('MP_UNREACH_NLRI (RFC 4760 §4) and End-of-RIB (RFC 4724 §2)', () => {
  it('an empty field is End-of-RIB', () => {
    const m = unreach('000201');
    expect(isEndOfRib(m)).toBe(true);
    expect(m.nlri).toEqual([]);
    expect(isEndOfRib(unreach('000201' + '00'))).toBe(false);
    expect(isEndOfRib(reach('00020110' + NH6 + '00'))).toBe(false);
    expect(isEndOfRib(unreach('000301'))).toBe(true);
  });

  it('errors: truncated AFI/SAFI', () => {
    for (const [hex, off] of [['', 0], ['00', 0], ['0002', 2]] as const) {
      const e = codecError(() => unreach(hex));
      expect([e.code, e.offset]).toEqual(['truncated', off]);
    }
  });

  it('codec shape', () => {
    expect([mpReachNlri.code, mpReachNlri.name, mpReachNlri.flags, mpReachNlri.onMalformed]).toEqual([14, 'mp-reach-nlri', 0x80, 'session-reset']);
    expect([mpUnreachNlri.code, mpUnreachNlri.name, mpUnreachNlri.flags, mpUnreachNlri.onMalformed]).toEqual([15, 'mp-unreach-nlri', 0x80, 'session-reset']);
  });
});

describe('encode checks the model', () => {
  it('refuses hand-made models whose NLRI field is missing, and out-of-range numbers', () => {
    const m = reach('00010104' + NH4 + '00' + '180A0000');
    expect(codecError(() => encodeValue(mpReachNlri, { ...m, nlriBytes: new Uint8Array(0) })).code).toBe('invalid-model');
    expect(codecError(() => encodeValue(mpReachNlri, { ...m, afi: 70000 })).code).toBe('invalid-model');
    expect(codecError(() => encodeValue(mpReachNlri, { ...m, safi: -1 })).code).toBe('invalid-model');
    expect(codecError(() => encodeValue(mpReachNlri, { ...m, reserved: 256 })).code).toBe('invalid-model');
    expect(codecError(() => encodeValue(mpReachNlri, { ...m, nextHop: { kind: 'raw', bytes: new Uint8Array(256) } })).code).toBe('invalid-model');
    expect(codecError(() => encodeValue(mpReachNlri, { ...m, nlriBytes: new Uint8Array(65535) })).code).toBe('too-long');
    const u = unreach('000101180A0000');
    expect(codecError(() => encodeValue(mpUnreachNlri, { ...u, nlriBytes: new Uint8Array(0) })).code).toBe('invalid-model');
  });
});
