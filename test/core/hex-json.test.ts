import { describe, expect, it } from 'vitest';
import { fromHex, goMarshal, goQuote, hex4At, hexBytesInto, JsonWriter, NlriError, sortJsonKeys, toHex } from '../../src/core/index.js';

describe('hex', () => {
  it('encodes upper case and decodes either case', () => {
    expect(toHex(Uint8Array.from([0x0a, 0xbc, 0x00, 0xff]))).toBe('0ABC00FF');
    expect([...fromHex('0aBc00Ff')]).toEqual([0x0a, 0xbc, 0x00, 0xff]);
    expect(fromHex('').length).toBe(0);
  });

  // Messages as Go's encoding/hex produces them (Ze prefixes "invalid hex: ").
  it.each([
    ['0Z', "invalid hex: encoding/hex: invalid byte: U+005A 'Z'"],
    ['ABC', 'invalid hex: encoding/hex: odd length hex string'],
    ['AB G', "invalid hex: encoding/hex: invalid byte: U+0020 ' '"],
    ['ABCG', "invalid hex: encoding/hex: invalid byte: U+0047 'G'"],
    ['ABG', "invalid hex: encoding/hex: invalid byte: U+0047 'G'"],
    ['0x01', "invalid hex: encoding/hex: invalid byte: U+0078 'x'"],
    ['0\n', 'invalid hex: encoding/hex: invalid byte: U+000A'],
  ])('rejects %j like Go', (input, message) => {
    try {
      fromHex(input, 'ipv4/flow');
      throw new Error('no error');
    } catch (e) {
      expect(e).toBeInstanceOf(NlriError);
      expect((e as NlriError).code).toBe('invalid-hex');
      expect((e as NlriError).message).toBe(message);
    }
  });
});

describe('Go JSON text', () => {
  it('escapes like encoding/json with HTML escaping', () => {
    expect(goQuote('>=80')).toBe('"\\u003e=80"');
    expect(goQuote('<=65535&x')).toBe('"\\u003c=65535\\u0026x"');
    expect(goQuote('a"b\\c')).toBe('"a\\"b\\\\c"');
    expect(goQuote('\n\r\t\b\f\u0001')).toBe('"\\n\\r\\t\\b\\f\\u0001"');
    expect(goQuote('\u2028\u2029')).toBe('"\\u2028\\u2029"');
    expect(goQuote('\ud800x')).toBe('"\\ufffdx"');
    expect(goQuote('é😀')).toBe('"é😀"');
  });

  it('writes compact nested JSON with exact big integers', () => {
    const j = new JsonWriter();
    j.beginObject().key('a').beginArray().beginArray().string('>1').string('<2').endArray().endArray();
    j.key('id').bigint(18446744073709551615n).key('n').number(7).key('z').null().endObject();
    expect(j.take()).toBe('{"a":[["\\u003e1","\\u003c2"]],"id":18446744073709551615,"n":7,"z":null}');
  });

  it('injects a key at its byte-wise sorted position, only in the next object', () => {
    const j = new JsonWriter();
    j.inject('path-id', '7');
    j.beginObject().key('labels').beginObject().key('q').number(1).endObject().key('prefix').string('x').key('rd').string('y').endObject();
    expect(j.take()).toBe('{"labels":{"q":1},"path-id":7,"prefix":"x","rd":"y"}');
    j.inject('path-id', '1');
    j.beginObject().key('a').number(1).endObject();
    expect(j.take()).toBe('{"a":1,"path-id":1}');
    j.inject('path-id', '2');
    j.beginObject().endObject();
    expect(j.take()).toBe('{"path-id":2}');
  });

  it('goMarshal sorts keys like a Go map', () => {
    expect(goMarshal({ rd: '0:1:1', destination: [['10.0.0.0/24/0']], 'destination-port': [['>=1']] })).toBe(
      '{"destination":[["10.0.0.0/24/0"]],"destination-port":[["\\u003e=1"]],"rd":"0:1:1"}',
    );
  });
});

describe('hex read from bytes', () => {
  const b = (s: string) => Buffer.from(s, 'latin1');
  it('hexBytesInto decodes either case and refuses odd lengths, non-digits and a short output', () => {
    const out = new Uint8Array(3);
    expect(hexBytesInto(b('x0aFf1y'), 1, 7, out)).toBe(false); // odd
    expect(hexBytesInto(b('x0aFf10y'), 1, 7, out)).toBe(true);
    expect([...out]).toEqual([0x0a, 0xff, 0x10]);
    expect(hexBytesInto(b('0g'), 0, 2, out)).toBe(false);
    expect(hexBytesInto(b('\u00e90'), 0, 2, out)).toBe(false);
    expect(hexBytesInto(b('00112233'), 0, 8, out)).toBe(false); // 4 bytes into 3
  });
  it('hex4At reads four digits, and -1 for a non-digit or past the end', () => {
    expect(hex4At(b('\\u003c'), 2)).toBe(0x3c);
    expect(hex4At(b('D83d'), 0)).toBe(0xd83d);
    expect(hex4At(b('00g0'), 0)).toBe(-1);
    expect(hex4At(b('003'), 0)).toBe(-1);
    expect(hex4At(b('x0030'), 2)).toBe(-1);
  });
});

describe('sortJsonKeys (Ze re-marshals its plugins\' NLRI JSON through Go maps)', () => {
  it('sorts the keys of every object, byte-wise, keeping number and string literals', () => {
    expect(sortJsonKeys('{"b":1,"a":[{"z":"x\\"y","c":{}},[]],"aa":12345678901234567890}')).toBe('{"a":[{"c":{},"z":"x\\"y"},[]],"aa":12345678901234567890,"b":1}');
    expect(sortJsonKeys('{"rd":"0:1:2","labels":[[16]],"prefix":"10.0.0.0/8"}')).toBe('{"labels":[[16]],"prefix":"10.0.0.0/8","rd":"0:1:2"}');
  });
  it('returns sorted text unchanged, whatever strings hold', () => {
    const t = '{"a":"}{,\\"z\\":","b":[{"c":1,"d":["y","x"]}],"e":{"f":{}}}';
    expect(sortJsonKeys(t)).toBe(t);
    expect(sortJsonKeys('"x"')).toBe('"x"');
    expect(sortJsonKeys('[{"b":1,"a":2}]')).toBe('[{"a":2,"b":1}]');
  });
});
