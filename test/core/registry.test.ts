import { describe, expect, it } from 'vitest';
import {
  argsError, decodeAll, defineFamily, encode, JsonWriter, NlriError, Reader, Registry, toJson, type FamilyCodec, type NlriBase, type Writer,
} from '../../src/index.js';

interface Octet extends NlriBase {
  value: number;
}

// A one-byte toy family on a private SAFI, to test the registry and the generic operations.
function toy(name = 'ipv4/toy', safi = 241): FamilyCodec<Octet> {
  return defineFamily<Octet>({
    name,
    afi: 1,
    safi,
    decode: (r: Reader) => ({ value: r.u8('value') }),
    encodingLength: () => 1,
    encode: (m: Octet, w: Writer) => w.u8(m.value),
    json: (m: Octet, j: JsonWriter) => void j.beginObject().key('value').number(m.value).endObject(),
    fromArgs: (args: readonly string[]) => {
      if (args[0] !== 'value' || args[1] === undefined) argsError('value required');
      return { value: Number(args[1]) };
    },
  });
}

describe('defineFamily', () => {
  it('checks the definition at the boundary', () => {
    expect(() => defineFamily({ ...toy(), name: 'IPv4/Toy' })).toThrow('family name must be lower-case');
    expect(() => defineFamily({ ...toy(), safi: 256 })).toThrow('safi');
    expect(() => defineFamily({ ...toy(), decode: 3 as never })).toThrow('decode: must be a function');
  });
});

describe('Registry', () => {
  it('looks families up by name and by AFI/SAFI', () => {
    const reg = new Registry([toy()]);
    expect(reg.get('ipv4/toy')?.safi).toBe(241);
    expect(reg.byAfiSafi(1, 241)?.name).toBe('ipv4/toy');
    expect(reg.get('IPV4/TOY')).toBeUndefined();
  });

  it('refuses clashes and names that disagree with Ze\'s AFI/SAFI tables', () => {
    const reg = new Registry([toy()]);
    expect(() => reg.register(toy())).toThrow('family conflict: ipv4/toy already registered');
    expect(() => reg.register(defineFamily({ ...toy(), name: 'ipv6/other', afi: 2 }))).toThrow('SAFI name conflict: SAFI 241 is "toy", got "other"');
    expect(() => reg.register(toy('ipv4/flowspec', 133))).toThrow('SAFI name conflict: SAFI 133 is "flow", got "flowspec"');
    expect(() => reg.register(toy('ipv4/flow', 200))).toThrow('SAFI name conflict: "flow" is SAFI 133, got 200');
    expect(() => reg.register(defineFamily({ ...toy(), name: 'inet/toy2', safi: 242 }))).toThrow('AFI name conflict: AFI 1 is "ipv4", got "inet"');
  });

  it('decode-nlri: object for one, array for several, Ze phrases in errors', () => {
    const reg = new Registry([toy()]);
    expect(reg.decodeHex('ipv4/toy', '07')).toBe('{"value":7}');
    expect(reg.decodeHex('ipv4/toy', '0708')).toBe('[{"value":7},{"value":8}]');
    expect(() => reg.decodeHex('ipv4/nope', '07')).toThrow('unsupported family: ipv4/nope');
    expect(() => reg.decodeHex('ipv4/toy', '7')).toThrow('invalid hex: encoding/hex: odd length hex string');
    expect(() => reg.decodeHex('ipv4/toy', '')).toThrow(NlriError);
  });

  it('encode-nlri: upper-case hex, args errors as NlriError', () => {
    const reg = new Registry([toy()]);
    expect(reg.encodeArgs('ipv4/toy', ['value', '171'])).toBe('AB');
    expect(() => reg.encodeArgs('ipv4/toy', [])).toThrow('value required');
    expect(() => reg.encodeArgs('ipv4/nope', [])).toThrow('unsupported family: ipv4/nope');
  });

  it('encode-nlri of an NLRI longer than its 4096-octet scratch buffer, and the buffer reused after it', () => {
    // A family whose NLRI is `count` octets of one value: the hex is that many pairs, whatever
    // the size (the registry writes short encodings into a reused buffer, long ones into their own).
    const run = defineFamily<Octet>({
      ...toy('ipv4/run', 242),
      encodingLength: (m) => m.value >> 8,
      encode: (m, w) => { for (let i = 0; i < m.value >> 8; i++) w.u8(m.value & 0xff); },
      fromArgs: (args) => ({ value: Number(args[0]) * 256 + Number(args[1]) }),
    });
    const reg = new Registry([run]);
    for (const n of [1, 4095, 4096, 4097, 10000]) expect(reg.encodeArgs('ipv4/run', [String(n), '171'])).toBe('AB'.repeat(n));
    expect(reg.encodeArgs('ipv4/run', ['3', '205'])).toBe('CDCDCD');
  });
});

describe('ADD-PATH in the core (RFC 7911 §3)', () => {
  const codec = toy();
  it('reads a 4-octet path id before each NLRI and prints it as path-id', () => {
    const ms = decodeAll(codec, Uint8Array.from([0, 0, 0, 1, 7, 0, 0, 1, 0, 8]), { addPath: true });
    expect(ms).toEqual([{ value: 7, pathId: 1 }, { value: 8, pathId: 256 }]);
    expect(toJson(codec, ms)).toBe('[{"path-id":1,"value":7},{"path-id":256,"value":8}]');
    expect(Buffer.from(encode(codec, ms, { addPath: true })).toString('hex')).toBe('00000001070000010008');
  });

  it('a truncated path id is a codec error at its offset', () => {
    try {
      decodeAll(codec, Uint8Array.from([0, 0, 0, 1, 7, 0, 0]), { addPath: true });
      throw new Error('no error');
    } catch (e) {
      expect((e as NlriError).code).toBe('truncated');
      expect((e as NlriError).offset).toBe(5);
      expect((e as NlriError).family).toBe('ipv4/toy');
    }
  });
});

describe('forEachNlri', () => {
  it('hands each NLRI to the callback in order, with path ids, and counts them', async () => {
    const { forEachNlri } = await import('../../src/index.js');
    const seen: Array<[number, number | undefined, number]> = [];
    const n = forEachNlri(toy(), Uint8Array.from([0, 0, 0, 9, 7, 0, 0, 0, 5, 8]), (m, i) => seen.push([m.value, m.pathId, i]), { addPath: true });
    expect(n).toBe(2);
    expect(seen).toEqual([[7, 9, 0], [8, 5, 1]]);
    expect(forEachNlri(toy(), new Uint8Array(0), () => {})).toBe(0);
  });
});
