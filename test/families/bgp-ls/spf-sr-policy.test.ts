/**
 * BGP-LS-SPF (`bgp-ls/bgp-ls-spf`, AFI 16388 / SAFI 80, RFC 9815) and the SR Policy Candidate
 * Path NLRI (type 5, RFC 9857 §4). Every NLRI here is built byte by byte from the RFC figures
 * (RFC 9552 §5.2 Figure 5 header, RFC 9857 §4 Figure 3 and §4.1 TLV 554, RFC 9815 §5.2.2.1 TLV
 * 1185) by the small builders below, independently of the codec; expected JSON is written by hand
 * from those values.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { bgpLs, bgpLsSpf, bgpLsVpn, codecs, encodeBgpLsNlri, parseBgpLsNlri, samples, type BgpLsNlri } from '../../../families/bgp-ls/index.js';
import { NlriError } from '../../../src/core/errors.js';
import { toHex } from '../../../src/core/hex.js';
import { Registry } from '../../../src/registry/registry.js';
import { decodeAll, decodeOne, encode, toJson } from '../../../src/registry/ops.js';
import { codecError as err } from '../../support/helpers.js';

// ---- independent builders (RFC 9552 §5.1 TLV: type 2, length 2, value)
const cat = (...parts: (Uint8Array | number[])[]): Uint8Array => Uint8Array.from(parts.flatMap((p) => Array.from(p)));
const be = (n: number, width: number): number[] => Array.from({ length: width }, (_, i) => Math.floor(n / 256 ** (width - 1 - i)) % 256);
const tlv = (type: number, ...value: (Uint8Array | number[])[]): Uint8Array => {
  const v = cat(...value);
  return cat(be(type, 2), be(v.length, 2), v);
};
const v4 = (s: string): number[] => s.split('.').map(Number);
const v6 = (hex: string): number[] => Array.from(Buffer.from(hex, 'hex'));
const nlri = (type: number, protocol: number, identifier: number, ...tlvs: Uint8Array[]): Uint8Array => {
  const body = cat([protocol], be(identifier, 8), ...tlvs);
  return cat(be(type, 2), be(body.length, 2), body);
};
/** TLV 554, RFC 9857 §4.1: Protocol-Origin, Flags, Reserved (2), Endpoint, Color, Originator ASN, Originator Address, Discriminator. */
const cp = (origin: number, flags: number, endpoint: number[], color: number, asn: number, originator: number[], disc: number, reserved = 0): Uint8Array =>
  tlv(554, [origin, flags], be(reserved, 2), endpoint, be(color, 4), be(asn, 4), originator, be(disc, 4));
const headend = tlv(256, tlv(512, be(65001, 4)), tlv(515, v4('1.1.1.1')));

const reg = new Registry([...codecs]);
const json = (codec: typeof bgpLs, b: Uint8Array, strict = false): string => toJson(codec, decodeAll(codec, b, { strict }));

describe('SR Policy Candidate Path NLRI (RFC 9857 §4)', () => {
  it('IPv4 endpoint and originator: TLV 554 of 24 octets, Protocol-ID 9 (Segment Routing)', () => {
    const b = nlri(5, 9, 0, headend, cp(2, 0, v4('10.0.0.2'), 100, 65001, v4('1.1.1.1'), 1));
    expect(b.length).toBe(4 + 9 + 20 + 28);
    expect(json(bgpLs, b)).toBe(
      '{"l3-routing-topology":0,"ls-nlri-type":"bgpls-sr-policy-cp","node-descriptors":[{"autonomous-system":65001},{"router-id":"1.1.1.1"}],"protocol-id":9,' +
        '"sr-policy-cp":{"color":100,"discriminator":1,"endpoint":"10.0.0.2","flags":{"E":0,"O":0,"RSV":0},"originator-address":"1.1.1.1","originator-asn":65001,"protocol-origin":2}}',
    );
    expect(encode(bgpLs, decodeAll(bgpLs, b))).toEqual(b);
  });
  it('E and O flags: 16-octet endpoint and originator (TLV 554 of 48 octets)', () => {
    const b = nlri(5, 9, 7, headend, cp(3, 0xc0, v6('20010db8000000000000000000000002'), 200, 4200000000, v6('20010db8000000000000000000000001'), 0xffffffff));
    expect(json(bgpLs, b)).toBe(
      '{"l3-routing-topology":7,"ls-nlri-type":"bgpls-sr-policy-cp","node-descriptors":[{"autonomous-system":65001},{"router-id":"1.1.1.1"}],"protocol-id":9,' +
        '"sr-policy-cp":{"color":200,"discriminator":4294967295,"endpoint":"2001:db8::2","flags":{"E":1,"O":1,"RSV":0},"originator-address":"2001:db8::1","originator-asn":4200000000,"protocol-origin":3}}',
    );
  });
  it('E set, O clear: 36 octets; unknown flag bits and reserved octets are kept byte for byte', () => {
    const b = nlri(5, 9, 0, headend, cp(1, 0x80 | 0x01, v6('20010db8000000000000000000000002'), 5, 1, v4('9.9.9.9'), 2, 0xbeef));
    const m = decodeOne(bgpLs, b) as BgpLsNlri;
    const t = m.tlvs[1]!;
    expect(t.kind).toBe('sr-policy-cp');
    if (t.kind === 'sr-policy-cp') {
      expect(t.reserved).toBe(0xbeef);
      expect(t.flags).toBe(0x81);
    }
    expect(json(bgpLs, b)).toContain('"flags":{"E":1,"O":0,"RSV":1},"originator-address":"9.9.9.9"');
    expect(encode(bgpLs, m)).toEqual(b);
    // a non-canonical descriptor has no args form inside an sr-policy-cp NLRI
    expect(err(() => bgpLs.toArgs!(m)).code).toBe('invalid-model');
  });
  it('a TLV 554 whose length does not match its flags stays a raw TLV (other-tlvs), re-encoded as received', () => {
    const bad = tlv(554, [2, 0x80], [0, 0], v4('10.0.0.2'), be(1, 4), be(1, 4), v4('1.1.1.1'), be(1, 4)); // E set but a 4-octet endpoint
    const b = nlri(5, 9, 0, headend, bad);
    expect(json(bgpLs, b)).toBe(
      '{"l3-routing-topology":0,"ls-nlri-type":"bgpls-sr-policy-cp","node-descriptors":[{"autonomous-system":65001},{"router-id":"1.1.1.1"}],"other-tlvs":["554:' +
        toHex(bad.subarray(4)).toLowerCase() +
        '"],"protocol-id":9}',
    );
    expect(encode(bgpLs, decodeAll(bgpLs, b))).toEqual(b);
    const tiny = nlri(5, 9, 0, headend, tlv(554, [2]));
    expect(json(bgpLs, tiny)).toContain('"other-tlvs":["554:02"]');
  });
  it('a second TLV 554 and unknown TLVs go to other-tlvs; the first 554 is the descriptor', () => {
    const first = cp(2, 0, v4('10.0.0.2'), 100, 65001, v4('1.1.1.1'), 1);
    const second = cp(2, 0, v4('10.0.0.3'), 100, 65001, v4('1.1.1.1'), 1);
    const b = nlri(5, 9, 0, headend, first, second, tlv(9999, [0xab]));
    const out = json(bgpLs, b);
    expect(out).toContain('"endpoint":"10.0.0.2"');
    expect(out).toContain('"other-tlvs":["554:' + toHex(second.subarray(4)).toLowerCase() + '","9999:ab"]');
  });
  it('no TLV 256 and no TLV 554: empty node descriptors, no sr-policy-cp key (Ze vector bgpls-091 shape)', () => {
    expect(json(bgpLs, nlri(5, 9, 0))).toBe('{"l3-routing-topology":0,"ls-nlri-type":"bgpls-sr-policy-cp","node-descriptors":[],"protocol-id":9}');
  });
  it('the VPN family reads the RD first (RFC 9552 §5.2)', () => {
    const body = cat(v6('0000fde900000064'), [9], be(0, 8), headend, cp(2, 0, v4('10.0.0.2'), 100, 65001, v4('1.1.1.1'), 1));
    const b = cat(be(5, 2), be(body.length, 2), body);
    expect(json(bgpLsVpn, b)).toContain('"protocol-id":9,"rd":"0:65001:100","sr-policy-cp":{');
  });
  it('strict: TLV 256 and a well-formed TLV 554 are mandatory (RFC 9857 §4); the default keeps such NLRIs', () => {
    const noCp = nlri(5, 9, 0, headend);
    expect(decodeAll(bgpLs, noCp)).toHaveLength(1);
    let e = err(() => decodeAll(bgpLs, noCp, { strict: true }));
    expect([e.code, e.offset, e.message]).toEqual(['malformed', 13, 'SR Policy Candidate Path NLRI without TLV 554 (RFC 9857 §4)']);
    e = err(() => decodeAll(bgpLs, nlri(5, 9, 0, cp(2, 0, v4('10.0.0.2'), 100, 65001, v4('1.1.1.1'), 1)), { strict: true }));
    expect([e.code, e.offset]).toEqual(['malformed', 13]);
    expect(e.message).toContain('without Local Node Descriptors TLV 256');
    const bad = tlv(554, [2, 0x80], [0, 0], v4('10.0.0.2'), be(1, 4), be(1, 4), v4('1.1.1.1'), be(1, 4));
    e = err(() => decodeAll(bgpLs, nlri(5, 9, 0, headend, bad), { strict: true }));
    expect([e.code, e.offset]).toEqual(['malformed', 13 + headend.length]);
    expect(e.message).toContain('E/O flags');
    expect(decodeAll(bgpLs, nlri(5, 9, 0, headend, cp(2, 0, v4('10.0.0.2'), 100, 65001, v4('1.1.1.1'), 1)), { strict: true })).toHaveLength(1);
  });
  it('strict: bytes after the last whole TLV are refused at their offset', () => {
    const b = cat(nlri(5, 9, 0, headend, cp(2, 0, v4('10.0.0.2'), 100, 65001, v4('1.1.1.1'), 1)), [0, 0]);
    b[3] = b[3]! + 2; // the two octets inside the NLRI
    const e = err(() => decodeAll(bgpLs, b, { strict: true }));
    expect(e.code).toBe('malformed');
    expect(e.offset).toBe(b.length - 2);
  });
});

describe('args grammar: sr-policy-cp', () => {
  const base = ['sr-policy-cp', 'protocol', '9', 'asn', '65001', 'router-id', '1.1.1.1'];
  const cpArgs = ['protocol-origin', '2', 'endpoint', '10.0.0.2', 'color', '100', 'originator-asn', '65001', 'originator-address', '1.1.1.1', 'discriminator', '1'];
  it('builds the RFC 9857 §4 bytes (TLV 256 then 554, E/O from the address families)', () => {
    const want = nlri(5, 9, 0, headend, cp(2, 0, v4('10.0.0.2'), 100, 65001, v4('1.1.1.1'), 1));
    expect(encode(bgpLs, bgpLs.fromArgs!([...base, ...cpArgs]))).toEqual(want);
    const six = [...base, ...cpArgs.slice(0, 2), 'endpoint', '2001:db8::2', ...cpArgs.slice(4, 8), 'originator-address', '2001:db8::1', ...cpArgs.slice(10)];
    expect(encode(bgpLs, bgpLs.fromArgs!(six))).toEqual(nlri(5, 9, 0, headend, cp(2, 0xc0, v6('20010db8000000000000000000000002'), 100, 65001, v6('20010db8000000000000000000000001'), 1)));
  });
  it('refuses a missing, repeated or bad descriptor field', () => {
    expect(err(() => bgpLs.fromArgs!([...base, ...cpArgs.slice(2)])).message).toContain('missing protocol-origin');
    expect(err(() => bgpLs.fromArgs!([...base, ...cpArgs, 'color', '1'])).message).toContain('color given twice');
    expect(err(() => bgpLs.fromArgs!([...base, ...cpArgs.slice(0, 2), 'endpoint', 'nope', ...cpArgs.slice(4)])).message).toContain('invalid endpoint');
    expect(err(() => bgpLs.fromArgs!([...base, ...cpArgs.slice(0, 4), 'color', '4294967296', ...cpArgs.slice(6)])).code).toBe('invalid-args');
    expect(err(() => bgpLs.fromArgs!([...base, ...cpArgs, 'mt-id', '2'])).message).toContain('unknown keyword');
    expect(err(() => bgpLs.fromArgs!(['node', 'protocol', '9', 'color', '1'])).message).toContain('unknown keyword');
  });
  it('toArgs gives tokens back that make the same bytes; one plain TLV 554 is needed', () => {
    const m = bgpLs.fromArgs!([...base, ...cpArgs]);
    expect(bgpLs.toArgs!(m)).toEqual([...base, ...cpArgs]);
    const none = decodeOne(bgpLs, nlri(5, 9, 0, headend));
    expect(err(() => bgpLs.toArgs!(none)).message).toContain('TLV 554');
  });
  it('the zod boundary builds a descriptor from text and checks the flags against the lengths', () => {
    const model = {
      kind: 'sr-policy-cp',
      protocolId: 9,
      identifier: 0,
      tlvs: [
        { kind: 'local-node', descriptors: [{ kind: 'as', asn: 65001 }, { kind: 'igp-router-id', id: '1.1.1.1' }] },
        { kind: 'sr-policy-cp', protocolOrigin: 2, endpoint: '10.0.0.2', color: 100, originatorAsn: 65001, originator: '1.1.1.1', discriminator: 1 },
      ],
    };
    expect(encodeBgpLsNlri(model)).toEqual(nlri(5, 9, 0, headend, cp(2, 0, v4('10.0.0.2'), 100, 65001, v4('1.1.1.1'), 1)));
    const wrong = { ...model, tlvs: [model.tlvs[0], { ...model.tlvs[1], flags: 0x80 }] };
    expect(err(() => encodeBgpLsNlri(wrong)).message).toContain('SR Policy endpoint (E flag set) must be 16 octets');
    expect(err(() => parseBgpLsNlri({ ...model, tlvs: [{ ...model.tlvs[1], color: -1 }] })).code).toBe('invalid-model');
  });
});

describe('BGP-LS-SPF, bgp-ls/bgp-ls-spf (RFC 9815)', () => {
  const local = tlv(256, tlv(512, be(65001, 4)), tlv(516, v4('1.1.1.1')));
  const remote = tlv(257, tlv(512, be(65002, 4)), tlv(516, v4('2.2.2.2')));
  it('is AFI 16388 / SAFI 80 and reads the SAFI 71 layout (RFC 9815 §5.1)', () => {
    expect([bgpLsSpf.name, bgpLsSpf.afi, bgpLsSpf.safi]).toEqual(['bgp-ls/bgp-ls-spf', 16388, 80]);
    expect(reg.get('bgp-ls/bgp-ls-spf')).toBe(bgpLsSpf);
    expect(reg.byAfiSafi(16388, 80)).toBe(bgpLsSpf);
    expect(bgpLsSpf.rfcs).toContain('RFC 9815');
  });
  it('Node NLRI keyed by AS + BGP Router-ID 516, Protocol-ID 4 Direct (RFC 9815 §5.2.1)', () => {
    const b = nlri(1, 4, 0, local);
    expect(reg.decodeHex('bgp-ls/bgp-ls-spf', toHex(b))).toBe(
      '{"l3-routing-topology":0,"ls-nlri-type":"bgpls-node","node-descriptors":[{"autonomous-system":65001},{"bgp-router-id":"1.1.1.1"}],"protocol-id":4}',
    );
  });
  it('Link NLRI with the Address Family Link Descriptor TLV 1185 (RFC 9815 §5.2.2.1)', () => {
    const b = nlri(2, 4, 0, local, remote, tlv(259, v4('10.0.0.1')), tlv(260, v4('10.0.0.2')), tlv(1185, [2]));
    expect(json(bgpLsSpf, b)).toBe(
      '{"address-family-link":2,"interface-addresses":["10.0.0.1"],"l3-routing-topology":0,"link-identifiers":[],"local-node-descriptors":[{"autonomous-system":65001},{"bgp-router-id":"1.1.1.1"}],' +
        '"ls-nlri-type":"bgpls-link","multi-topology-ids":[],"neighbor-addresses":["10.0.0.2"],"protocol-id":4,"remote-node-descriptors":[{"autonomous-system":65002},{"bgp-router-id":"2.2.2.2"}]}',
    );
    expect(encode(bgpLsSpf, decodeAll(bgpLsSpf, b))).toEqual(b);
    const m = decodeOne(bgpLsSpf, b);
    expect(bgpLsSpf.toArgs!(m)).toEqual(['link', 'protocol', 'direct', 'local-asn', '65001', 'local-bgp-router-id', '1.1.1.1', 'remote-asn', '65002', 'remote-bgp-router-id', '2.2.2.2', 'interface-address', '10.0.0.1', 'neighbor-address', '10.0.0.2', 'address-family', 'ipv6']);
  });
  it('a TLV 1185 of another length, a second one, or one outside a link stays raw in other-tlvs', () => {
    expect(json(bgpLsSpf, nlri(2, 4, 0, local, remote, tlv(1185, [1, 0])))).toContain('"other-tlvs":["1185:0100"]');
    const two = json(bgpLsSpf, nlri(2, 4, 0, local, remote, tlv(1185, [1]), tlv(1185, [2])));
    expect(two).toContain('"address-family-link":1,');
    expect(two).toContain('"other-tlvs":["1185:02"]');
    const node = decodeOne(bgpLsSpf, nlri(1, 4, 0, local, tlv(1185, [1])));
    expect(toJson(bgpLsSpf, node)).toContain('"other-tlvs":["1185:01"]');
    expect(bgpLsSpf.toArgs!(node)).toContain('1185:01');
  });
  it('args: address-family ipv4|ipv6|0-255 for links only', () => {
    const a = ['link', 'protocol', 'direct', 'local-asn', '1', 'remote-asn', '2'];
    const tail = (m: unknown) => toHex(encode(bgpLsSpf, m as BgpLsNlri)).slice(-10);
    expect(tail(bgpLsSpf.fromArgs!([...a, 'address-family', 'ipv4']))).toBe('04A1000101');
    expect(tail(bgpLsSpf.fromArgs!([...a, 'address-family', '7']))).toBe('04A1000107');
    expect(err(() => bgpLsSpf.fromArgs!([...a, 'address-family', '256'])).code).toBe('invalid-args');
    expect(err(() => bgpLsSpf.fromArgs!(['node', 'protocol', 'direct', 'address-family', 'ipv4'])).message).toContain('unknown keyword');
  });
  it('samples of the new families are canonical and their args make their bytes', () => {
    const mine = samples.filter((s) => s.family === 'bgp-ls/bgp-ls-spf' || s.hex.startsWith('0005'));
    expect(mine.length).toBe(5);
    for (const s of mine) {
      const c = reg.require(s.family);
      expect(toHex(encode(c, decodeAll(c, Buffer.from(s.hex, 'hex'))))).toBe(s.hex);
      expect(toHex(encode(c, c.fromArgs!(s.args!)))).toBe(s.hex);
    }
  });
});

describe('properties (fast-check, a few hundred runs)', () => {
  it('random bytes after a type-5 or SAFI 80 header: a value or an NlriError, and what decodes re-encodes', () => {
    fc.assert(
      fc.property(fc.constantFrom(1, 2, 5), fc.uint8Array({ maxLength: 80 }), fc.boolean(), (type, tail, strict) => {
        const b = cat(be(type, 2), be(tail.length, 2), tail);
        for (const c of [bgpLs, bgpLsSpf]) {
          try {
            const ms = decodeAll(c, b, { strict, lossless: !strict });
            expect(encode(c, ms)).toEqual(b);
            toJson(c, ms);
          } catch (e) {
            if (!(e instanceof NlriError)) throw e;
          }
        }
      }),
      { numRuns: 400 },
    );
  });
  it('TLV 554 from random fields: model → bytes → model → same bytes', () => {
    fc.assert(
      fc.property(
        fc.record({ o: fc.nat(255), e6: fc.boolean(), g6: fc.boolean(), color: fc.nat(0xffffffff), asn: fc.nat(0xffffffff), disc: fc.nat(0xffffffff) }),
        ({ o, e6, g6, color, asn, disc }) => {
          const ep = e6 ? v6('20010db8000000000000000000000009') : v4('10.9.9.9');
          const og = g6 ? v6('20010db80000000000000000000000aa') : v4('10.0.0.170');
          const b = nlri(5, 9, 0, headend, cp(o, (e6 ? 0x80 : 0) | (g6 ? 0x40 : 0), ep, color, asn, og, disc));
          const m = decodeOne(bgpLs, b) as BgpLsNlri;
          expect(m.tlvs[1]!.kind).toBe('sr-policy-cp');
          expect(encode(bgpLs, m)).toEqual(b);
          expect(encode(bgpLs, bgpLs.fromArgs!(bgpLs.toArgs!(m)))).toEqual(b);
        },
      ),
      { numRuns: 300 },
    );
  });
});
