import { describe, expect, it } from 'vitest';
import { decodeAll, decodeOne, defaultRegistry, forEachNlri, NlriError } from '../../src/index.js';

// RFC 4760 §5 NLRI fields are octets: anything but a Uint8Array is refused before reading.
describe('decodeAll / decodeOne / forEachNlri refuse a non-Uint8Array input (issue 17 §3)', () => {
  const codec = defaultRegistry.require('ipv4/mpls-vpn');
  const bad: Array<[unknown, string]> = [
    ['70003E810000FDE8000000640A0000', 'string'],
    [[0x18, 10, 0, 0], 'Array'],
    [null, 'null'],
    [undefined, 'undefined'],
    [new ArrayBuffer(4), 'ArrayBuffer'],
    [new Uint16Array(2), 'Uint16Array'],
  ];
  for (const [input, what] of bad) {
    it(`${what}`, () => {
      for (const call of [
        () => decodeAll(codec, input as Uint8Array),
        () => decodeOne(codec, input as Uint8Array),
        () => forEachNlri(codec, input as Uint8Array, () => {}),
      ]) {
        let err: unknown;
        try {
          call();
        } catch (e) {
          err = e;
        }
        expect(err).toBeInstanceOf(NlriError);
        expect((err as NlriError).code).toBe('invalid-model');
        expect((err as NlriError).family).toBe('ipv4/mpls-vpn');
        expect((err as NlriError).offset).toBe(-1);
        expect((err as NlriError).message).toContain(`got ${what}`);
      }
    });
  }

  it('a Buffer (a Uint8Array) still decodes', () => {
    expect(decodeAll(codec, Buffer.from('70003E810000FDE8000000640A0000', 'hex'))).toHaveLength(1);
  });
});
