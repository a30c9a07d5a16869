/**
 * BGP-LS NLRI wire edge cases, error paths, the VPN RD, the args grammar and the model boundary.
 * Expected values come from Ze's vectors (test/vectors/ze/bgp-ls*.jsonl), RFC 9552/9514 layouts
 * worked out by hand, or the independent header parser below.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Parser } from 'binary-parser/dist/binary_parser.js'; // the exports map hides its types from NodeNext
import { describe, expect, it } from 'vitest';
import { bgpLs, bgpLsVpn, encodeBgpLsNlri, parseBgpLsNlri, samples, type BgpLsNlri } from '../../../families/bgp-ls/index.js';
import { NlriError } from '../../../src/core/errors.js';
import { fromHex, toHex } from '../../../src/core/hex.js';
import { Reader } from '../../../src/core/reader.js';
import { Registry } from '../../../src/registry/registry.js';
import { decodeAll, decodeOne, encode, toJson } from '../../../src/registry/ops.js';
import { plainOf } from '../../../src/registry/plain.js';
import { VECTOR_DIR } from '../../support/vectors.js';
import { codecError as err } from '../../support/helpers.js';

const reg = new Registry([bgpLs, bgpLsVpn]);
const lines = (f: string) =>
  readFileSync(join(VECTOR_DIR, f), 'utf8')
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map((l) => JSON.parse(l));
const vectors = lines('bgp-ls.jsonl') as { id: string; family: string; kind: string; hex?: string; json_text?: string }[];


describe('every decoded vector re-encodes to its bytes', () => {
  const decodes = vectors.filter((v) => v.kind === 'decode' && v.hex !== '');
  it.each(decodes.map((v) => [v.id, v] as const))('%s', (_, v) => {
    const codec = v.family === 'bgp-ls/bgp-ls-vpn' ? bgpLsVpn : bgpLs;
    const models = decodeAll(codec, fromHex(v.hex!), { lossless: true });
    expect(toHex(encode(codec, models))).toBe(v.hex!.toUpperCase());
  });
});

describe('independent header parse (binary-parser, RFC 9552 §5.2 Figure 5)', () => {
  const header = new Parser().uint16be('type').uint16be('length').uint8('protocol').uint64be('identifier');
  const nodes = vectors.filter((v) => v.kind === 'decode' && v.family === 'bgp-ls/bgp-ls' && /^000[12346]/.test(v.hex ?? '') && !v.json_text!.includes('"parsed"'));
  it.each(nodes.map((v) => [v.id, v] as const))('%s', (_, v) => {
    const b = fromHex(v.hex!);
    const h = header.parse(Buffer.from(b)) as { type: number; length: number; protocol: number; identifier: bigint };
    const m = decodeOne(bgpLs, b.subarray(0, 4 + h.length)) as BgpLsNlri;
    expect(m.protocolId).toBe(h.protocol);
    expect(m.identifier).toBe(h.identifier);
    expect(m.kind).toBe(['', 'node', 'link', 'prefix-v4', 'prefix-v6', 'sr-policy-cp', 'srv6-sid'][h.type]);
  });
});

describe("NLRIs from Ze's UPDATE tests (updates-bgp-ls.jsonl)", () => {
  const ups = lines('updates-bgp-ls.jsonl') as { id: string; family: string; nlri_hex: string; json: { bgp: { update: Record<string, { nlri?: unknown[] }[]> } } }[];
  it.each(ups.map((u) => [u.id, u] as const))('%s', (_, u) => {
    const expected = u.json.bgp.update[u.family]![0]!.nlri;
    const got = JSON.parse(reg.decodeHex(u.family, u.nlri_hex));
    expect(Array.isArray(got) ? got : [got]).toEqual(expected);
  });
});

describe('framing and errors', () => {
  it('a header that promises more than there is: truncated, offset at the length', () => {
    const e = err(() => decodeOne(bgpLs, fromHex('0001002003000000000000000001000004020000')));
    expect(e.code).toBe('truncated');
    expect(e.family).toBe('bgp-ls/bgp-ls');
  });
  it('a total length below Protocol-ID + Identifier: bad-length at offset 2', () => {
    const e = err(() => decodeOne(bgpLs, fromHex('0001000500000000000000')));
    expect([e.code, e.offset]).toEqual(['bad-length', 2]);
  });
  it('the VPN family needs 17 octets (RD + Protocol-ID + Identifier)', () => {
    const e = err(() => decodeOne(bgpLsVpn, fromHex('00010009020000000000000000')));
    expect([e.code, e.offset]).toEqual(['bad-length', 2]);
  });
  it('a node NLRI whose TLV 256 holds a truncated sub-TLV is refused at that sub-TLV (bgpls-066)', () => {
    // 0001 001B | 02 | 0000000000000000 | 0100 000E | 0200 0004 00000001 | 0203 0008 0102
    const e = err(() => decodeOne(bgpLs, fromHex('0001001B0200000000000000000100000E0200000400000001020300080102')));
    expect([e.code, e.offset]).toEqual(['malformed', 25]);
  });
  it("lossless: only the refused NLRI becomes Ze's parsed:false record, the next one decodes", () => {
    const bad = '0001001B0200000000000000000100000E0200000400000001020300080102';
    const good = '00010015020000000000000000010000080200000400000001';
    expect(reg.decodeHex('bgp-ls/bgp-ls', bad + good)).toBe(
      `[{"parsed":false,"raw":"${bad}"},{"l3-routing-topology":0,"ls-nlri-type":"bgpls-node","node-descriptors":[{"autonomous-system":1}],"protocol-id":2}]`,
    );
  });
  it('strict refuses what Ze tolerates in a link (bgpls-067), at the sub-TLV offset', () => {
    const hex = '000200270200000000000000000100000E0200000400000001020300080102010100080200000400000002';
    expect(() => decodeOne(bgpLs, fromHex(hex))).not.toThrow();
    const e = err(() => decodeOne(bgpLs, fromHex(hex), { strict: true }));
    expect([e.code, e.offset]).toEqual(['malformed', 25]);
  });
  it('strict refuses a top-level TLV running past the NLRI (bgpls-069) at its offset', () => {
    const e = err(() => decodeOne(bgpLs, fromHex('00020015020000000000000000010000640200000400000001'), { strict: true }));
    expect([e.code, e.offset]).toEqual(['malformed', 13]);
  });
  describe('strict: one MT-ID in a Link or Prefix descriptor (RFC 7752 §3.2.1.5, RFC 9552 §5.2.2.1)', () => {
    const v070 = vectors.find((v) => v.id === 'bgpls-070')!;
    const v075 = vectors.find((v) => v.id === 'bgpls-075')!;
    it('bgpls-070 (Link, TLV 263 of length 4): Ze reads two MT-IDs by default; strict refuses it at the TLV (octet 97)', () => {
      expect(reg.decodeHex('bgp-ls/bgp-ls', v070.hex!)).toBe(v070.json_text);
      const e = err(() => decodeOne(bgpLs, fromHex(v070.hex!), { strict: true }));
      expect([e.code, e.offset]).toEqual(['malformed', 97]);
      expect(e.message).toContain('length 4');
    });
    it('bgpls-075 (Link, TLV 263 of length 3, then another of length 0): strict refuses the first at octet 37', () => {
      expect(reg.decodeHex('bgp-ls/bgp-ls', v075.hex!)).toBe(v075.json_text);
      const e = err(() => decodeOne(bgpLs, fromHex(v075.hex!), { strict: true }));
      expect([e.code, e.offset]).toEqual(['malformed', 37]);
    });
    it('a Prefix NLRI with two TLVs 263 of one MT-ID each: strict refuses the second (octet 39)', () => {
      // bgpls-016 with MT-ID 2 and MT-ID 3 inserted before TLV 265: total length 0x25 + 12
      const hex = '0003003103000000000000010001000010020000040000FDE902030004010101010107000200020107000200030109000418' + '0A0000';
      expect(JSON.parse(reg.decodeHex('bgp-ls/bgp-ls', hex))['multi-topology-ids']).toEqual([2, 3]);
      const e = err(() => decodeOne(bgpLs, fromHex(hex), { strict: true }));
      expect([e.code, e.offset]).toEqual(['malformed', 39]);
    });
    it('one MT-ID in a Link or Prefix NLRI passes strict', () => {
      const link = '0002005703000000000000000501000018020000040000FDE90202000400000000020300040101010101010018020000040000FDE902020004000000000203000402020202010300040A000001010400040A000002010700020002';
      expect(JSON.parse(reg.decodeHex('bgp-ls/bgp-ls', link, { strict: true }))['multi-topology-ids']).toEqual([2]);
      const prefix = '0003002B03000000000000010001000010020000040000FDE90203000401010101010700020002010900041' + '80A0000';
      expect(JSON.parse(reg.decodeHex('bgp-ls/bgp-ls', prefix, { strict: true }))['multi-topology-ids']).toEqual([2]);
    });
  });
  it('zero-length TLVs: the walk advances and ends (65535-octet NLRI of empty TLVs)', () => {
    const b = new Uint8Array(4 + 0xffff);
    b.set([0x00, 0x02, 0xff, 0xff]); // link, length 65535; protocol 0, identifier 0, then 16381 TLVs type 0 length 0 + 2 octets
    const m = decodeOne(bgpLs, b) as BgpLsNlri;
    expect(m.tlvs.length).toBe(16381);
    expect(m.trailing?.length).toBe(2);
    expect(encode(bgpLs, m)).toEqual(b);
  });
  it('unknown NLRI types are kept as bytes, framed by their length (RFC 9552 §5.2)', () => {
    // type 7 (Stub Link, draft-ietf-idr-bgpls-inter-as-topology-ext) is not decoded
    const m = decodeOne(bgpLs, fromHex('00070015020000000000000000010000080200000400000001'));
    expect(m.kind).toBe('unparsed');
    expect(toJson(bgpLs, m)).toBe('{"parsed":false,"raw":"00070015020000000000000000010000080200000400000001"}');
  });
  it('ADD-PATH: the core reads the path id and path-id is injected in sorted place', () => {
    const m = decodeAll(bgpLs, fromHex('0000000700010015020000000000000000010000080200000400000001'), { addPath: true });
    expect(toJson(bgpLs, m)).toBe('{"l3-routing-topology":0,"ls-nlri-type":"bgpls-node","node-descriptors":[{"autonomous-system":1}],"path-id":7,"protocol-id":2}');
  });
  it('no error but NlriError comes out of any prefix of a sample', () => {
    for (const s of samples) {
      const b = fromHex(s.hex);
      for (let n = 0; n < b.length; n++) {
        const codec = s.family === 'bgp-ls/bgp-ls-vpn' ? bgpLsVpn : bgpLs;
        try {
          codec.decode(new Reader(b.subarray(0, n), codec.name), {});
        } catch (e) {
          expect(e).toBeInstanceOf(NlriError);
        }
      }
    }
  });
});

describe('VPN (RFC 9552 §5.2: RD after the length)', () => {
  const hex = '000100250000FDE90000006403000000000000010001000010020000040000FDE90203000401010101';
  it('reads the RD and shows it as rd', () => {
    expect(reg.decodeHex('bgp-ls/bgp-ls-vpn', hex)).toBe(
      '{"l3-routing-topology":256,"ls-nlri-type":"bgpls-node","node-descriptors":[{"autonomous-system":65001},{"router-id":"1.1.1.1"}],"protocol-id":3,"rd":"0:65001:100"}',
    );
  });
  it('encode needs an RD for the VPN family and refuses one for SAFI 71', () => {
    const m = decodeOne(bgpLsVpn, fromHex(hex)) as BgpLsNlri;
    expect(err(() => encode(bgpLs, m)).code).toBe('invalid-model');
    // A decoded model is a view (its fields are getters): spread its plain object, not the view.
    const { rd: _rd, ...plain } = plainOf(m) as unknown as BgpLsNlri;
    expect(err(() => encode(bgpLsVpn, plain as BgpLsNlri)).code).toBe('invalid-model');
  });
});

describe('JSON forms', () => {
  it('SRv6 SID NLRI: srv6-sid from TLV 518 (RFC 9514 §6.1), Go IPv6 text', () => {
    expect(reg.decodeHex('bgp-ls/bgp-ls', '0006003109000000000000030001000010020000040000FDE902030004010101010206001020010DB8000000000000000000000001')).toBe(
      '{"l3-routing-topology":768,"ls-nlri-type":"bgpls-srv6-sid","node-descriptors":[{"autonomous-system":65001},{"router-id":"1.1.1.1"}],"protocol-id":9,"srv6-sid":"2001:db8::1"}',
    );
  });
  it('identifier 2^64-1 prints exactly (bgpls-063)', () => {
    const m = decodeOne(bgpLs, fromHex('0001001500FFFFFFFFFFFFFFFF010000080200000400000001')) as BgpLsNlri;
    expect(m.identifier).toBe(18446744073709551615n);
    expect(toJson(bgpLs, m)).toContain('"l3-routing-topology":18446744073709551615,');
  });
});

describe('args grammar', () => {
  const enc = (fam: string, ...a: string[]) => reg.encodeArgs(fam, a);
  it('descriptors in any order are written in ascending TLV order (RFC 9552 §5.1)', () => {
    expect(enc('bgp-ls/bgp-ls', 'node', 'router-id', '1.1.1.1', 'identifier', '256', 'asn', '65001', 'protocol', 'ospfv2')).toBe(
      '0001001D03000000000000010001000010020000040000FDE90203000401010101',
    );
  });
  it("Ze's own words `node protocol ospfv2 asn 65001` (bgpls-105)", () => {
    // 0001 0015 | 03 | 0000000000000000 | 0100 0008 | 0200 0004 0000FDE9
    expect(enc('bgp-ls/bgp-ls', 'node', 'protocol', 'ospfv2', 'asn', '65001')).toBe('0001001503000000000000000001000008020000040000FDE9');
  });
  it('router-id forms: 6-octet IS-IS system id and 8-octet OSPF pseudonode', () => {
    expect(enc('bgp-ls/bgp-ls', 'node', 'protocol', 'isis-l2', 'router-id', '192168251231')).toBe('000100170200000000000000000100000A02030006192168251231');
    expect(enc('bgp-ls/bgp-ls', 'node', 'protocol', 'ospfv2', 'router-id', '0A0000010A000002')).toBe('000100190300000000000000000100000C020300080A0000010A000002');
  });
  it('link: IPv6 addresses pick TLVs 261/262', () => {
    const hex = enc('bgp-ls/bgp-ls', 'link', 'protocol', 'isis-l2', 'local-router-id', '000000000001', 'remote-router-id', '000000000002', 'interface-address', '2001:db8::1', 'neighbor-address', '2001:db8::2');
    expect(hex).toBe('0002004D0200000000000000000100000A020300060000000000010101000A020300060000000000020105001020010DB80000000000000000000000010106001020010DB8000000000000000000000002');
  });
  it('unknown TLVs by type:hex at both levels', () => {
    // 0001 0018 | 02 | 0000000000000000 | 0100 0005 [0258 0001 01] | 03E8 0002 AABB
    expect(enc('bgp-ls/bgp-ls', 'node', 'protocol', '2', 'tlv', '1000:AABB', 'local-tlv', '600:01')).toBe('0001001802000000000000000001000005025800010103E80002AABB');
  });
  it('identifier: any 64-bit decimal (Go ParseUint: leading zeros allowed), read exactly past 2^53', () => {
    // 0001 0015 | 03 | identifier (8) | 0100 0008 [0200 0004 0000FDE9]
    const node = (id: string) => enc('bgp-ls/bgp-ls', 'node', 'protocol', 'ospfv2', 'identifier', id, 'asn', '65001');
    expect(node('18446744073709551615')).toBe('0001001503FFFFFFFFFFFFFFFF01000008020000040000FDE9');
    expect(node('9007199254740993')).toBe('0001001503002000000000000101000008020000040000FDE9');
    expect(node('999999999999999')).toBe('000100150300038D7EA4C67FFF01000008020000040000FDE9');
    expect(node('007')).toBe('0001001503000000000000000701000008020000040000FDE9');
  });
  it('TLVs of one type keep the order given; others are sorted by type', () => {
    // 0001 0021 | 02 | 0..0 | 0100 0005 [0258 0001 01] | 03E8 0001 AA | 03E8 0001 BB | 07D0 0001 CC
    expect(enc('bgp-ls/bgp-ls', 'node', 'protocol', '2', 'tlv', '2000:CC', 'tlv', '1000:AA', 'local-tlv', '600:01', 'tlv', '1000:BB')).toBe(
      '0001002102000000000000000001000005025800010103E80001AA03E80001BB07D00001CC',
    );
  });
  it.each([
    [['node', 'protocol', 'ospfv2', 'identifier', ''], 'invalid syntax'],
    [['node', 'protocol', 'ospfv2', 'identifier', '-1'], 'invalid syntax'],
    [['node', 'protocol', 'ospfv2', 'identifier', '1e3'], 'invalid syntax'],
    [['node', 'protocol', 'ospfv2', 'identifier', '12345678901234567x'], 'invalid syntax'],
    [['node', 'asn', '1'], 'missing protocol'],
    [['nodes', 'protocol', 'ospfv2'], 'unknown NLRI type'],
    [[], 'missing NLRI type'],
    [['node', 'protocol', 'ospfv9'], 'invalid protocol'],
    [['node', 'protocol', 'ospfv2', 'asn'], 'missing value for asn'],
    [['node', 'protocol', 'ospfv2', 'asn', '4294967296'], 'value out of range'],
    [['node', 'protocol', 'ospfv2', 'rd', '0:1:2'], 'rd is only valid for bgp-ls/bgp-ls-vpn'],
    [['node', 'protocol', 'ospfv2', 'remote-asn', '1'], 'only valid for link'],
    [['link', 'protocol', 'ospfv2', 'asn', '1'], 'need local- or remote-'],
    [['prefix-v4', 'protocol', 'ospfv2', 'prefix', '2001:db8::/32'], 'needs an IPv4 prefix'],
    [['node', 'protocol', 'ospfv2', 'router-id', '12345'], 'invalid router-id'],
    [['node', 'protocol', 'ospfv2', 'identifier', '18446744073709551616'], 'value out of range'],
    [['node', 'protocol', 'ospfv2', 'link-id', '1:2'], 'unknown keyword'],
  ])('%j → %s', (args, message) => {
    const e = err(() => reg.encodeArgs('bgp-ls/bgp-ls', args));
    expect(e.code).toBe('invalid-args');
    expect(e.message).toContain(message);
  });
  it('VPN args need an rd', () => {
    expect(err(() => reg.encodeArgs('bgp-ls/bgp-ls-vpn', ['node', 'protocol', 'ospfv2'])).message).toContain('missing rd');
  });
  it('toArgs gives the sample args back', () => {
    for (const s of samples) {
      const codec = s.family === 'bgp-ls/bgp-ls-vpn' ? bgpLsVpn : bgpLs;
      const args = codec.toArgs!(decodeOne(codec, fromHex(s.hex)));
      expect(toHex(encode(codec, codec.fromArgs(args)))).toBe(s.hex);
    }
  });
  it('toArgs refuses a model whose TLVs are not in ascending order (bgpls-060)', () => {
    const m = decodeOne(bgpLs, fromHex('0001002702000000000000000003E80002AABB010000080200000400000001010000080200000400000002'));
    expect(err(() => bgpLs.toArgs!(m)).code).toBe('invalid-model');
  });
});

describe('typed model boundary (zod)', () => {
  it('builds an NLRI from friendly values', () => {
    const b = encodeBgpLsNlri({
      kind: 'prefix-v4',
      protocolId: 3,
      identifier: 256,
      tlvs: [
        { kind: 'local-node', descriptors: [{ kind: 'as', asn: 65001 }, { kind: 'igp-router-id', id: '1.1.1.1' }] },
        { kind: 'ip-reachability', prefix: '10.0.0.0/24' },
      ],
    });
    expect(toHex(b)).toBe('0003002503000000000000010001000010020000040000FDE9020300040101010101090004180A0000'); // bgpls-016
  });
  it('a VPN NLRI from an RD text', () => {
    const b = encodeBgpLsNlri({
      kind: 'node',
      protocolId: 3,
      identifier: '256',
      rd: '0:65001:100',
      tlvs: [{ kind: 'local-node', descriptors: [{ kind: 'as', asn: 65001 }, { kind: 'igp-router-id', id: '1.1.1.1' }] }],
    });
    expect(toHex(b)).toBe('000100250000FDE90000006403000000000000010001000010020000040000FDE90203000401010101');
  });
  it.each([
    [{ kind: 'node', protocolId: 256, identifier: 0, tlvs: [] }, 'protocolId'],
    [{ kind: 'node', protocolId: 1, identifier: -1, tlvs: [] }, 'identifier'],
    [{ kind: 'node', protocolId: 1, identifier: 0n, tlvs: [{ kind: 'ipv4-interface', addr: '2001:db8::1' }] }, 'tlvs.0'],
    [{ kind: 'node', protocolId: 1, identifier: 0n, tlvs: [{ kind: 'local-node', descriptors: [{ kind: 'igp-router-id', id: new Uint8Array(5) }] }] }, 'tlvs.0'],
    [{ kind: 'hub', protocolId: 1, identifier: 0n, tlvs: [] }, 'kind'],
  ])('refuses case %# (%s)', (input, path) => {
    const e = err(() => parseBgpLsNlri(input));
    expect(e.code).toBe('invalid-model');
    expect(e.message).toContain(path);
  });
});
