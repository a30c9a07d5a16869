/**
 * PMSI_TUNNEL (RFC 6514 §5): samples, error paths with offsets, builders, an EVPN Inclusive
 * Multicast route's attribute (RFC 7432 §11.2) built from the RFC layout by hand.
 */
import { describe, expect, it } from 'vitest';
import {
  codecs,
  ingressReplication,
  ingressReplicationVni,
  mldp,
  noTunnelInfo,
  pimTree,
  pmsiTunnelCodec as codec,
  rsvpTeP2mp,
  samples,
  type PmsiTunnel,
} from '../../../attributes/pmsi/index.js';
import { codecError } from '../../support/helpers.js';
import { checkSample, ctx, decodeHex, encodeHex, jsonOf, strictCtx } from './helpers.js';

describe('pmsi-tunnel samples', () => {
  for (const s of samples) it(s.note, () => checkSample(codec, s));
  it('covers every tunnel type with a layout, and an unknown one', () => {
    const types = new Set(samples.map((s) => parseInt(s.hex.slice(2, 4), 16)));
    for (const t of [0, 1, 2, 3, 4, 5, 6, 7, 11]) expect(types.has(t)).toBe(true);
  });
});

describe('pmsi-tunnel codec', () => {
  it('is optional transitive type 22, treat-as-withdraw', () => {
    expect(codec.code).toBe(22);
    expect(codec.name).toBe('pmsi-tunnel');
    expect(codec.flags).toBe(0xc0);
    expect(codec.onMalformed).toBe('treat-as-withdraw');
    expect(codecs).toEqual([codec]);
  });

  it('keeps the label field whole: label = high 20 bits, the low 4 bits kept (VNI)', () => {
    const m = decodeHex(codec, '00060FFFFFC0000201');
    expect(m.labelField).toBe(0x0fffff);
    expect(jsonOf(codec, m)).toContain('"label":65535,"label-field":1048575');
    expect(encodeHex(codec, m)).toBe('00060FFFFFC0000201');
  });

  it('keeps a non-empty identifier of type 0 as bytes', () => {
    const m = decodeHex(codec, '0000000000ABCD');
    expect(jsonOf(codec, m)).toBe('{"flags":0,"label":0,"label-field":0,"leaf-information-required":false,"tunnel-identifier":"ABCD","tunnel-type":0,"tunnel-type-name":"no-tunnel-info"}');
    expect(codec.toArgs!(m)).toEqual(['type', '0', 'ABCD']);
  });

  it('mLDP: a root of another family is kept as root-raw and re-encoded', () => {
    const hex = '0002000000' + '06' + '0003' + '02' + 'AABB' + '0000';
    const m = decodeHex(codec, hex);
    const j = jsonOf(codec, m);
    expect(j).toBe('{"address-family":3,"fec-type":6,"flags":0,"label":0,"label-field":0,"leaf-information-required":false,"opaque":[],"root-raw":"AABB","tunnel-type":2,"tunnel-type-name":"mldp-p2mp"}');
    expect(encodeHex(codec, codec.fromJson(JSON.parse(j), ctx))).toBe(hex);
    expect(codec.toArgs!(m)).toEqual(['type', '2', '06000302AABB0000']);
    expect(encodeHex(codec, codec.fromArgs!(codec.toArgs!(m)))).toBe(hex);
  });

  it('mLDP: several opaque values, one empty, in order', () => {
    const hex = '0002000000' + '06000104C0000201' + '000A' + '0100040000000F' + '050000';
    const m = decodeHex(codec, hex);
    expect(jsonOf(codec, m)).toContain('"opaque":[{"lsp-id":15,"type":1},{"raw":"","type":5}]');
    expect(encodeHex(codec, codec.fromArgs!(codec.toArgs!(m)))).toBe(hex);
  });
});

describe('pmsi-tunnel errors', () => {
  const cases: Array<[string, string, string, number]> = [
    ['empty value', '', 'truncated', 0],
    ['no tunnel type', '00', 'truncated', 1],
    ['label cut', '000600', 'truncated', 2],
    ['ingress replication of 5 octets', '0006000640C000020101', 'bad-length', 5],
    ['ingress replication without identifier', '0006000640', 'bad-length', 5],
    ['RSVP-TE of 11 octets', '0101000000' + '0000000100000005C00002', 'bad-length', 5],
    ['PIM of 9 octets', '0003000000C0000201E801010101', 'bad-length', 5],
    ['PIM mixed 4+16 octets', '0003000000C0000201' + '20010DB8000000000000000000000001', 'bad-length', 5],
    ['mLDP empty', '0002000000', 'truncated', 5],
    ['type 0 with an identifier (RFC 6514 §5: "no Tunnel Identifier")', '0000000000ABCD', 'bad-length', 5],
    ['mLDP root longer than the rest', '0002000000' + '06000110C0000201', 'truncated', 9],
    ['mLDP opaque length past the end', '0002000000' + '06000104C0000201' + '0008' + '01000400000100', 'truncated', 15],
    ['mLDP opaque value past its length', '0002000000' + '06000104C0000201' + '0006' + '01000400000100', 'truncated', 18],
    ['mLDP bytes after the FEC', '0002000000' + '06000104C0000201' + '0000' + 'FF', 'bad-length', 15],
  ];
  for (const [what, hex, code, offset] of cases) {
    it(what, () => {
      const e = codecError(() => decodeHex(codec, hex, strictCtx));
      expect(e.code).toBe(code);
      expect(e.offset).toBe(offset);
      if (offset < 5) {
        // The fixed header: an error in every mode.
        expect(codecError(() => decodeHex(codec, hex)).code).toBe(code);
      } else {
        // Outside strict mode the identifier is kept as bytes, and written back unchanged.
        const m = decodeHex(codec, hex);
        expect(m.tunnel.kind).toBe('raw');
        expect(encodeHex(codec, m)).toBe(hex);
        const j = jsonOf(codec, m);
        expect(j).toContain(`"tunnel-identifier":"${hex.slice(10)}"`);
        expect(encodeHex(codec, codec.fromJson(JSON.parse(j), ctx))).toBe(hex);
        expect(encodeHex(codec, codec.fromArgs!(codec.toArgs!(m)))).toBe(hex);
      }
    });
  }

  it('invalid models', () => {
    const bad: PmsiTunnel[] = [
      { flags: 256, tunnelType: 6, labelField: 0, tunnel: { kind: 'ingress-replication', endpoint: new Uint8Array(4) } },
      { flags: 0, tunnelType: 6, labelField: 0x1000000, tunnel: { kind: 'ingress-replication', endpoint: new Uint8Array(4) } },
      { flags: 0, tunnelType: 3, labelField: 0, tunnel: { kind: 'ingress-replication', endpoint: new Uint8Array(4) } },
      { flags: 0, tunnelType: 6, labelField: 0, tunnel: { kind: 'ingress-replication', endpoint: new Uint8Array(5) } },
      { flags: 0, tunnelType: 3, labelField: 0, tunnel: { kind: 'pim', sender: new Uint8Array(4), group: new Uint8Array(16) } },
      { flags: 0, tunnelType: 1, labelField: 0, tunnel: { kind: 'rsvp-te-p2mp', p2mpId: -1, reserved: 0, tunnelId: 0, extendedTunnelId: new Uint8Array(4) } },
    ];
    for (const m of bad) expect(codecError(() => encodeHex(codec, m)).code).toBe('invalid-model');
  });

  it('fromJson errors', () => {
    for (const v of [null, [], 'x', {}, { 'tunnel-type': 6 }, { 'tunnel-type': 6, endpoint: 'nope' }, { 'tunnel-type': 300 }, { 'tunnel-type': 0, 'tunnel-identifier': 'XYZ' }, { 'tunnel-type': 2, root: '1.2.3.4', 'fec-type': 6, 'address-family': 1, opaque: 5 }]) {
      expect(codecError(() => codec.fromJson(v, ctx)).code).toBe('invalid-model');
    }
  });

  it('args errors name the token', () => {
    const bad: Array<[string[], RegExp]> = [
      [[], /missing tunnel type/],
      [['pmsi'], /missing tunnel type/],
      [['tunnel'], /unknown tunnel type "tunnel"/],
      [['ingress-replication'], /missing tunnel endpoint/],
      [['ingress-replication', '1.2.3'], /invalid tunnel endpoint address "1.2.3"/],
      [['ingress-replication', '1.2.3.4', 'label', '1048576'], /label/],
      [['ingress-replication', '1.2.3.4', 'vni', '16777216'], /vni/],
      [['ingress-replication', '1.2.3.4', 'label'], /missing value for label/],
      [['ingress-replication', '1.2.3.4', 'lsp-id', '1'], /lsp-id is only for mldp/],
      [['ingress-replication', '1.2.3.4', 'bogus'], /unexpected "bogus"/],
      [['pim-ssm', '1.2.3.4', 'ff3e::1'], /must both be IPv4 or both IPv6/],
      [['rsvp-te-p2mp', '1.2.3.4', '65536', '1'], /tunnel-id/],
      [['mldp-p2mp', '1.2.3.4', 'opaque', '1', 'XYZ'], /invalid opaque value "XYZ"/],
      [['type', '256'], /type/],
    ];
    for (const [a, re] of bad) {
      const e = codecError(() => codec.fromArgs!(a));
      expect(e.code).toBe('invalid-args');
      expect(e.message).toMatch(re);
    }
  });
});

describe('pmsi-tunnel builders', () => {
  it('ingressReplication: RFC 7432 §11.2 Inclusive Multicast route attribute, label << 4', () => {
    // flags 0 (Leaf Information Required MUST be 0, RFC 7432 §11.2), type 6, label 16 = 0x000100.
    expect(encodeHex(codec, ingressReplication('10.0.0.1', 16))).toBe('00060001000A000001');
    expect(encodeHex(codec, ingressReplication('2001:db8::1', 0xfffff))).toBe('0006FFFFF0' + '20010DB8000000000000000000000001');
    expect(codecError(() => ingressReplication('10.0.0.1', 0x100000)).code).toBe('invalid-args');
    expect(codecError(() => ingressReplication('10.0.0', 1)).code).toBe('invalid-args');
  });
  it('ingressReplicationVni: RFC 8365 §5.1.3 VNI in the whole 24-bit field', () => {
    expect(encodeHex(codec, ingressReplicationVni('10.0.0.1', 0xabcdef))).toBe('0006ABCDEF0A000001');
    expect(codecError(() => ingressReplicationVni('10.0.0.1', 0x1000000)).code).toBe('invalid-args');
  });
  it('the other builders', () => {
    expect(encodeHex(codec, rsvpTeP2mp('192.0.2.1', 5, 1))).toBe('01010000000000000100000005C0000201'.replace(/^01/, '00'));
    expect(encodeHex(codec, mldp(false, '192.0.2.1', 256))).toBe('000200000006000104C0000201000701000400000100');
    expect(encodeHex(codec, mldp(true, '192.0.2.1', 1, 2))).toBe('000700002007000104C0000201000701000400000001');
    expect(encodeHex(codec, pimTree('pim-ssm', '192.0.2.1', '232.1.1.1'))).toBe('0003000000C0000201E8010101');
    expect(encodeHex(codec, pimTree('bidir-pim', '10.0.0.1', '239.1.1.1', 1))).toBe('00050000100A000001EF010101');
    expect(encodeHex(codec, noTunnelInfo())).toBe('0100000000');
    expect(encodeHex(codec, noTunnelInfo(false))).toBe('0000000000');
    expect(codecError(() => pimTree('pim-sm', '1.1.1.1', 'ff3e::1')).code).toBe('invalid-args');
  });
  it('text', () => {
    expect(codec.text!(ingressReplication('10.0.0.1', 16))).toBe('pmsi ingress-replication 10.0.0.1 label 16');
  });
});
