/**
 * Error paths of the community codecs: RFC 7606 §7.8 / §7.14 / §7.15 and RFC 8092 §11 length
 * rules (code and offset), hostile input, argument and model errors, the codec table.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { codecs, communities, extendedCommunities, ipv6ExtendedCommunities, largeCommunities, samples } from '../../../attributes/communities/index.js';
import type { AttributeCodec } from '../../../src/attributes/attribute.js';
import { NlriError } from '../../../src/core/errors.js';
import { fromHex, toHex } from '../../../src/core/hex.js';
import { Reader } from '../../../src/core/reader.js';
import { ctx, decodeHex, encodeHex, thrown } from './helpers.js';

const len = (c: AttributeCodec<any>, n: number, at: number) => ({ c, n, at });

describe('length rules (RFC 7606 §7.8, §7.14, §7.15; RFC 8092 §11)', () => {
  const cases = [
    len(communities, 0, 0), len(communities, 3, 0), len(communities, 5, 4), len(communities, 10, 8),
    len(extendedCommunities, 0, 0), len(extendedCommunities, 7, 0), len(extendedCommunities, 10, 8), len(extendedCommunities, 23, 16),
    len(largeCommunities, 0, 0), len(largeCommunities, 8, 0), len(largeCommunities, 13, 12), len(largeCommunities, 30, 24),
    len(ipv6ExtendedCommunities, 0, 0), len(ipv6ExtendedCommunities, 2, 0), len(ipv6ExtendedCommunities, 22, 20), len(ipv6ExtendedCommunities, 8, 0),
  ];
  for (const { c, n, at } of cases) {
    it(`${c.name}: ${n} octets is bad-length at ${at}`, () => {
      const e = thrown(() => c.decode(new Reader(new Uint8Array(n)), ctx, 0xc0));
      expect(e).toBeInstanceOf(NlriError);
      expect(e.code).toBe('bad-length');
      expect(e.offset).toBe(at);
    });
  }
  it('offsets are relative to the value even inside a larger buffer', () => {
    const b = new Uint8Array(40);
    const e = thrown(() => extendedCommunities.decode(new Reader(b, '', 5, 5 + 12), ctx, 0xc0));
    expect([e.code, e.offset]).toEqual(['bad-length', 8]);
  });
  it('every codec is treat-as-withdraw, optional transitive', () => {
    expect(codecs.map((c) => [c.code, c.name, c.onMalformed, c.flags])).toEqual([
      [8, 'community', 'treat-as-withdraw', 0xc0],
      [16, 'extended-community', 'treat-as-withdraw', 0xc0],
      [25, 'ipv6-extended-community', 'treat-as-withdraw', 0xc0],
      [32, 'large-community', 'treat-as-withdraw', 0xc0],
    ]);
  });
});

describe('hostile input', () => {
  for (const c of codecs) {
    it(`${c.name}: any octets decode to a model that re-encodes byte for byte, or fail with NlriError`, () => {
      fc.assert(
        fc.property(fc.uint8Array({ maxLength: 90 }), (b) => {
          let m: unknown;
          try {
            m = c.decode(new Reader(b), ctx, 0xc0);
          } catch (e) {
            expect(e).toBeInstanceOf(NlriError);
            expect((e as NlriError).code).toBe('bad-length');
            return;
          }
          expect(encodeHex(c, m)).toBe(toHex(b));
          // the JSON and args of whatever decoded come back to the same octets
          expect(encodeHex(c, c.fromArgs!(c.toArgs!(m)))).toBe(toHex(b));
        }),
        { numRuns: 300 },
      );
    });
  }
  it('decoded raw communities are views into the input (no copies)', () => {
    const b = fromHex('FFFF123456789ABC');
    const m = extendedCommunities.decode(new Reader(b), ctx, 0xc0);
    const raw = m.communities[0] as { value: Uint8Array };
    expect(raw.value.buffer).toBe(b.buffer);
  });
});

describe('hostile args and JSON', () => {
  const word = fc.oneof(
    fc.string({ maxLength: 12 }),
    fc.constantFrom('target', 'origin', 'redirect', 'rate-limit', 'mark', 'action', 'mac-mobility', 'color', 'l2-attributes', 'es-import', '[', ']', '0x'),
    fc.tuple(fc.constantFrom('target:', 'redirect:', 'rate-limit:', 'mark:', 'color:', 'esi-label:', 'mup:', 'l2info:', 'redirect-ip:', '0x8006:'), fc.string({ maxLength: 14 })).map(([a, b]) => a + b),
  );
  const kinds = ['route-target', 'route-origin', 'redirect', 'traffic-rate-bytes', 'traffic-action', 'traffic-marking', 'redirect-ip', 'mac-mobility', 'esi-label', 'es-import-rt', 'l2-attributes', 'encapsulation', 'color', 'mup-segment-id', 'link-bandwidth', 'l2-info', 'raw'];
  const keys = ['form', 'asn', 'ip', 'local', 'id', 'rate', 'dscp', 'mac', 'mtu', 'color', 'segment-id', 'tunnel-type', 'raw', 'type', 'sub-type', 'string', 'value'];
  const val = fc.oneof(fc.jsonValue({ maxDepth: 1 }), fc.constantFrom('as2', 'as4', 'ipv4', '192.0.2.1', '::1', '1:2', 'aa:bb:cc:dd:ee:ff', '000000000000'), fc.integer({ min: -2, max: 70000 }));
  const shaped = fc.tuple(fc.constantFrom(...kinds), fc.dictionary(fc.constantFrom(...keys), val)).map(([kind, o]) => [{ ...o, kind }]);
  for (const c of codecs) {
    it(`${c.name}: any tokens give a model or an NlriError`, () => {
      fc.assert(
        fc.property(fc.array(word, { maxLength: 5 }), (args) => {
          try {
            const m = c.fromArgs!(args);
            encodeHex(c, m);
          } catch (e) {
            expect(e).toBeInstanceOf(NlriError);
          }
        }),
        { numRuns: 400 },
      );
    });
    it(`${c.name}: any JSON value gives a model or an NlriError`, () => {
      fc.assert(
        fc.property(fc.oneof(fc.jsonValue({ maxDepth: 3 }), shaped), (v) => {
          try {
            encodeHex(c, c.fromJson(Array.isArray(v) ? v : [v], ctx));
          } catch (e) {
            expect(e).toBeInstanceOf(NlriError);
          }
        }),
        { numRuns: 400 },
      );
    });
  }
});

const argErr = (c: AttributeCodec<any>, args: string[], re: RegExp) => ({ c, args, re });

describe('argument errors name the token', () => {
  const cases = [
    argErr(communities, [], /missing value/),
    argErr(communities, ['65536:1'], /community ASN.*65536/),
    argErr(communities, ['1:65536'], /community value/),
    argErr(communities, ['1:2:3'], /ASN:Value/),
    argErr(communities, ['no-such-name'], /well-known name/),
    argErr(communities, ['0xZZ'], /hex/),
    argErr(communities, ['[', '1:1'], /missing \]/),
    argErr(communities, ['1:1', '[', '2:2', ']'], /brackets/),
    argErr(largeCommunities, ['1:2'], /GA:LD1:LD2/),
    argErr(largeCommunities, ['1:2:4294967296'], /local-data2/),
    argErr(extendedCommunities, ['bogus:1:2'], /unknown extended-community bogus:1:2/),
    argErr(extendedCommunities, ['target:65000'], /expected target:ADMIN:NUMBER/),
    argErr(extendedCommunities, ['target:70000:65536'], /number in target:70000:65536/),
    argErr(extendedCommunities, ['target:1.2.3:5'], /IPv4 address in target:1.2.3:5/),
    argErr(extendedCommunities, ['target:65000:x'], /number in target:65000:x/),
    argErr(extendedCommunities, ['rate-limit:-1'], /rate in rate-limit:-1/),
    argErr(extendedCommunities, ['rate-limit:1e39'], /32-bit float/),
    argErr(extendedCommunities, ['rate-limit:70000:1'], /id in rate-limit/),
    argErr(extendedCommunities, ['mark:64'], /DSCP in mark:64/),
    argErr(extendedCommunities, ['mark'], /mark <dscp>: missing value/),
    argErr(extendedCommunities, ['redirect', '65000'], /redirect <asn> <target>: missing value/),
    argErr(extendedCommunities, ['action:drop'], /traffic action/),
    argErr(extendedCommunities, ['redirect-ip:2001:db8::1'], /IPv4 address/),
    argErr(extendedCommunities, ['mac-mobility:1:slippery'], /mac-mobility:SEQUENCE/),
    argErr(extendedCommunities, ['esi-label:1048576'], /label in esi-label/),
    argErr(extendedCommunities, ['es-import:00:11:22'], /MAC address/),
    argErr(extendedCommunities, ['l2-attributes:1500:X'], /C F P B/),
    argErr(extendedCommunities, ['encapsulation:warp'], /tunnel type/),
    argErr(extendedCommunities, ['color:1:4'], /CO bits/),
    argErr(extendedCommunities, ['0x0002fde8'], /hex form/),
    argErr(extendedCommunities, ['l2info:1:2:3'], /l2info:ENCAPS/),
    argErr(ipv6ExtendedCommunities, ['target:192.0.2.1:1'], /IPv6 address/),
    argErr(ipv6ExtendedCommunities, ['target:2001:db8::1:70000'], /number/),
    argErr(ipv6ExtendedCommunities, ['bogus:1'], /unknown ipv6-extended-community/),
    argErr(ipv6ExtendedCommunities, ['redirect-to-nexthop'], /missing value/),
  ];
  for (const { c, args, re } of cases) {
    it(`${c.name} ${args.join(' ')}`, () => {
      const e = thrown(() => c.fromArgs!(args));
      expect(e).toBeInstanceOf(NlriError);
      expect(e.code).toBe('invalid-args');
      expect(e.offset).toBe(-1);
      expect(e.message).toMatch(re);
    });
  }
});

describe('fromJson and model errors', () => {
  const bad: [AttributeCodec<any>, unknown, RegExp][] = [
    [communities, 'no-export', /array/],
    [communities, [{}], /strings/],
    [communities, ['65536:0'], /community ASN/],
    [communities, [2 ** 32], /0\.\.4294967295/],
    [largeCommunities, [1], /strings/],
    [largeCommunities, ['1:2'], /GA:LD1:LD2/],
    [extendedCommunities, {}, /array/],
    [extendedCommunities, [{ note: 'target:1:1' }], /exact "value"/],
    [extendedCommunities, [{ value: 9225060887863885824 }], /exact "value"/],
    [extendedCommunities, [{ string: 'rate-limit:1148846080', value: 9225060887863885824 }], /does not match "rate-limit:1148846080"/],
    [extendedCommunities, [{ kind: 'route-target', form: 'as2', asn: 1, local: 1, value: 9225060887863885824 }], /does not match the fields/],
    [extendedCommunities, [{ kind: 'traffic-marking' }], /needs "dscp"/],
    [extendedCommunities, [{ kind: 'route-target', form: 'as3' }], /unknown form/],
    [extendedCommunities, [{ kind: 'teleport' }], /unknown kind/],
    [extendedCommunities, [{ string: 'traffic-action', type: 128, 'sub-type': 7, value: 9225342361691750404 }], /exact "value"/],
    [extendedCommunities, [{ raw: '00000000000', string: 'traffic-action', type: 128, 'sub-type': 7, value: 9225342361691750404 }], /12 hex digits/],
    [extendedCommunities, [{ raw: '000000000004', string: 'traffic-action', type: 128, 'sub-type': 7, value: 9225342361691750000 + 1e6 }], /does not match/],
    [extendedCommunities, [[1]], /expected objects/],
    [extendedCommunities, [{ value: '-1' }], /unsigned 64-bit/],
    [extendedCommunities, [{ value: (1n << 64n).toString() }], /out of range/],
    [extendedCommunities, [{ value: 1.5 }], /not an exact integer/],
    [extendedCommunities, ['bogus:1'], /unknown extended-community/],
    [ipv6ExtendedCommunities, [{ value: '0002' }], /40 hex digits/],
    [ipv6ExtendedCommunities, 7, /array/],
    [ipv6ExtendedCommunities, [{ kind: 'route-target', ip: '192.0.2.1', local: 1 }], /IPv6/],
    [ipv6ExtendedCommunities, [{ kind: 'warp' }], /unknown kind/],
    [ipv6ExtendedCommunities, [null], /expected objects/],
  ];
  for (const [c, v, re] of bad) {
    it(`${c.name} fromJson ${JSON.stringify(v, (_k, x) => (typeof x === 'bigint' ? String(x) : x))}`, () => {
      const e = thrown(() => c.fromJson(v, ctx));
      expect(e.code).toBe('invalid-model');
      expect(e.message).toMatch(re);
    });
  }
  it('value as number, decimal string or bigint', () => {
    for (const value of [842122827661412, '842122827661412', 842122827661412n, '9225060887863885824', 9225060887863885824n]) {
      const m = extendedCommunities.fromJson([{ value }], ctx);
      expect(encodeHex(extendedCommunities, m)).toMatch(/^(0002FDE800000064|80060000447A0000)$/);
    }
  });
  it('a plain JSON.parse (values above 2^53 rounded): the kind and fields (type, sub-type and raw for a raw one) decide', () => {
    for (const s of samples.filter((x) => x.code === 16)) {
      const m = extendedCommunities.fromJson(JSON.parse(s.json!), ctx);
      expect(encodeHex(extendedCommunities, m), s.note).toBe(s.hex);
    }
  });
  it("Ze's own objects: the string read as an args token, checked against the rounded value", () => {
    // from test/vectors/ze-update/communities.jsonl (extended-community-45)
    const ze = JSON.parse('[{"string":"target:65000:100","value":842122827661412},{"string":"redirect:65000:1","value":9225903009542701057},{"string":"mark:10","value":9225905311645171722}]');
    expect(encodeHex(extendedCommunities, extendedCommunities.fromJson(ze, ctx))).toBe('0002FDE800000064' + '8008FDE800000001' + '800900000000000A');
  });
  it('objects written by hand: kind and fields, no value', () => {
    const m = extendedCommunities.fromJson([{ kind: 'route-target', form: 'as4', asn: 4200000000, local: 7 }, { kind: 'traffic-action', sample: true }, { kind: 'mup-segment-id', 'segment-id': '10:10' }], ctx);
    expect(encodeHex(extendedCommunities, m)).toBe('0202FA56EA000007' + '8007000000000002' + '0C00000A0000000A');
  });
  it('IPv6 objects written by hand: kind and fields, no value', () => {
    const m = ipv6ExtendedCommunities.fromJson([{ kind: 'redirect', ip: '2001:DB8::1', local: 7 }, { kind: 'route-origin', ip: '::1', local: 1, transitive: false }], ctx);
    expect(encodeHex(ipv6ExtendedCommunities, m)).toBe('000D20010DB800000000000000000000000100074003000000000000000000000000000000010001');
  });
  it('a bare args token stands for an object', () => {
    expect(encodeHex(extendedCommunities, extendedCommunities.fromJson(['target:65000:100', 'mark:1'], ctx))).toBe('0002FDE800000064' + '8009000000000001');
    expect(encodeHex(ipv6ExtendedCommunities, ipv6ExtendedCommunities.fromJson(['target:::1:5'], ctx))).toBe('0002' + '00000000000000000000000000000001' + '0005');
  });
  const models: [AttributeCodec<any>, unknown, RegExp][] = [
    [communities, { communities: [-1] }, /community/],
    [largeCommunities, { communities: [{ global: 1, local1: 2 }] }, /local2/],
    [extendedCommunities, { communities: [{ kind: 'route-target', form: 'as2', asn: 70000, local: 1, transitive: true }] }, /asn must be an integer 0\.\.65535/],
    [extendedCommunities, { communities: [{ kind: 'route-target', form: 'ipv4', ip: '2001::1', local: 1, transitive: true }] }, /IPv4/],
    [extendedCommunities, { communities: [{ kind: 'route-target', form: 'as9', asn: 1, local: 1 }] }, /unknown form/],
    [extendedCommunities, { communities: [{ kind: 'traffic-rate-bytes', id: 0, rate: Infinity }] }, /finite/],
    [extendedCommunities, { communities: [{ kind: 'traffic-marking', dscp: 64 }] }, /dscp/],
    [extendedCommunities, { communities: [{ kind: 'raw', type: 1, subType: 2, value: new Uint8Array(5) }] }, /6 octets/],
    [extendedCommunities, { communities: [{ kind: 'warp' }] }, /unknown kind/],
    [extendedCommunities, { communities: [{ kind: 'router-mac', mac: 'nope' }] }, /MAC/],
    [ipv6ExtendedCommunities, { communities: [{ kind: 'route-target', form: 'ipv6', ip: '192.0.2.1', local: 1, transitive: true }] }, /IPv6/],
    [ipv6ExtendedCommunities, { communities: [{ kind: 'raw', type: 0, subType: 1, value: new Uint8Array(6) }] }, /18 octets/],
    [ipv6ExtendedCommunities, { communities: [{ kind: 'redirect', form: 'ipv6', ip: '::1', local: 65536 }] }, /65535/],
  ];
  for (const [c, m, re] of models) {
    it(`${c.name} encode rejects ${JSON.stringify(m)}`, () => {
      const e = thrown(() => encodeHex(c, m));
      expect(e.code).toBe('invalid-model');
      expect(e.message).toMatch(re);
    });
  }
});

describe('decoding details', () => {
  it('the typed kinds need their reserved bits zero; otherwise raw, kept as is', () => {
    for (const h of ['8007000000000004', '8007010000000001', '80090000000000C1', '0800000000000002', '0600020000000001', '0601000100000640', '0604001005DC0000', '030D000000000001', '030C000100000008', '030B010000000001', '010C0A0000010002', '800600007F800000', '400400007FC00000']) {
      const m = decodeHex(extendedCommunities, h);
      expect(m.communities[0]!.kind, h).toBe('raw');
      expect(encodeHex(extendedCommunities, m)).toBe(h);
    }
  });
  it('traffic-rate keeps a negative rate (RFC 8955 §7.1: treated as zero by the user, not rewritten)', () => {
    const m = decodeHex(extendedCommunities, '80060000C47A0000');
    expect(m.communities[0]).toEqual({ kind: 'traffic-rate-bytes', id: 0, rate: -1000 });
  });
});

describe('a value that cannot be turned into text is still an NlriError', () => {
  // fast-check found {"ip":{"toString":null},"kind":"route-target"}: the error message's
  // String(value) threw a TypeError ("Cannot convert object to primitive value").
  const hostile = { toString: null };
  it.each([
    ['ipv6-extended-community ip', () => ipv6ExtendedCommunities.fromJson([{ ip: hostile, kind: 'route-target' }], ctx)],
    ['ipv6-extended-community kind', () => ipv6ExtendedCommunities.fromJson([{ kind: hostile }], ctx)],
    ['extended-community ip', () => extendedCommunities.fromJson([{ ip: hostile, kind: 'route-target', form: 'ipv4', local: 1 }], ctx)],
    ['extended-community kind', () => extendedCommunities.fromJson([{ kind: hostile }], ctx)],
    ['community', () => communities.fromJson([hostile], ctx)],
  ])('%s', (_, f) => {
    expect(thrown(f)).toBeInstanceOf(NlriError);
  });
});
