import { describe, expect, it } from 'vitest';
import { checkAttributeSpec, checkFamilySpec, defineAttribute, defineFamily, type FamilyCodec } from '../../src/index.js';
import { builtinCodecs } from '../../src/families.js';

const f = () => undefined;
const family = { name: 'ipv4/toy', afi: 1, safi: 241, decode: f, encodingLength: f, encode: f, json: f, fromArgs: f };
const attribute = { code: 250, name: 'toy', flags: 0xc0, onMalformed: 'attribute-discard', decode: f, encodingLength: f, encode: f, json: f, fromJson: f };

describe('definition checks in plain code (no zod at load; issue 17 §3)', () => {
  it('a well-formed family and every built-in pass', () => {
    expect(checkFamilySpec(family)).toBeUndefined();
    for (const c of builtinCodecs) expect(checkFamilySpec(c), c.name).toBeUndefined();
  });

  it('defineFamily: the first problem as `defineFamily: <path>: <message>`', () => {
    const cases: Array<[object, string]> = [
      [{ ...family, name: 'IPv4/Toy' }, 'defineFamily: name: family name must be lower-case "afi/safi"'],
      [{ ...family, name: 7 }, 'defineFamily: name: expected a string, got number'],
      [{ ...family, afi: 0 }, 'defineFamily: afi: must be >= 1'],
      [{ ...family, safi: 256 }, 'defineFamily: safi: must be <= 255'],
      [{ ...family, safi: 1.5 }, 'defineFamily: safi: expected an integer, got 1.5'],
      [{ ...family, group: '' }, 'defineFamily: group: must not be empty'],
      [{ ...family, rfcs: ['RFC 1', 2] }, 'defineFamily: rfcs: expected an array of strings'],
      [{ ...family, jsonMany: 'many' }, "defineFamily: jsonMany: expected one of 'auto', 'array'"],
      [{ ...family, decode: 3 }, 'defineFamily: decode: must be a function'],
      [{ ...family, fromArgs: undefined }, 'defineFamily: fromArgs: must be a function'],
      [{ ...family, recover: 'x' }, 'defineFamily: recover: must be a function'],
      [{ ...family, zeDecodeError: 1 }, 'defineFamily: zeDecodeError: expected a string, got number'],
    ];
    for (const [spec, msg] of cases) {
      expect(() => defineFamily(spec as never as FamilyCodec<never>)).toThrow(new TypeError(msg));
    }
    expect(() => defineFamily(null as never)).toThrow(new TypeError('defineFamily: spec: expected an object'));
  });

  it('defineAttribute: the same shape', () => {
    expect(checkAttributeSpec(attribute)).toBeUndefined();
    const cases: Array<[object, string]> = [
      [{ ...attribute, code: 0 }, 'defineAttribute: code: must be >= 1'],
      [{ ...attribute, name: 'Toy' }, 'defineAttribute: name: attribute name must be lower-case kebab-case'],
      [{ ...attribute, flags: 256 }, 'defineAttribute: flags: must be <= 255'],
      [{ ...attribute, onMalformed: 'ignore' }, "defineAttribute: onMalformed: expected one of 'attribute-discard', 'treat-as-withdraw', 'afi-safi-disable', 'session-reset'"],
      [{ ...attribute, fromJson: 1 }, 'defineAttribute: fromJson: must be a function'],
      [{ ...attribute, lossyJson: 'yes' }, 'defineAttribute: lossyJson: expected a boolean, got string'],
    ];
    for (const [spec, msg] of cases) expect(() => defineAttribute(spec as never)).toThrow(new TypeError(msg));
  });
});
