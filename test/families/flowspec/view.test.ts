/**
 * The lazy decoded FlowSpec NLRI (families/flowspec/view.ts) against what it replaced and what
 * built models do:
 *
 * - decoding: the same inputs accepted and refused as by the eager decoder (eager-decoder.ts, the
 *   code before views), with the same error code, message and offset, strict and not, and the
 *   same fields (RFC 8955 §4.1 length forms, §8 RD, §4.2 components; RFC 8956 §3.1 offsets);
 * - encoding: a view as decoded is written as a copy of its input (`_copiable`); that must be
 *   exactly what the model path writes for the same values as a plain built model, for every
 *   one of the four codecs (a view given to another family's codec takes the model path and is
 *   refused or re-encoded as the plain model is);
 * - JSON: the writer reading the view's bytes prints what it prints for the plain model;
 * - changing a view (its components, rd, longLength) is seen by encode and JSON.
 *
 * Inputs: the samples, the Ze vectors, models from the fuzz arbitraries encoded by the model path,
 * those bytes with a few octets changed or cut, and random bytes.
 */
import { inspect } from 'node:util';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { NlriError } from '../../../src/core/errors.js';
import { Reader } from '../../../src/core/reader.js';
import { toHex } from '../../../src/core/hex.js';
import { decodeAll, encode, encodingLength, toJson } from '../../../src/registry/ops.js';
import { codecs, flowOps, FlowView, isPrefixComponent, samples, type FlowComponent, type FlowSpecNlri } from '../../../families/flowspec/index.js';
import { decodeFlowSpec, type FlowShape } from '../../../families/flowspec/wire.js';
import { arbitraries } from '../../../fuzz/arbitraries/flowspec.js';
import { loadVectors } from '../../support/vectors.js';
import { eagerDecodeFlowSpec } from './eager-decoder.js';
import { bytes, reg } from './helpers.js';

const SHAPES: readonly FlowShape[] = [
  { v6: false, vpn: false },
  { v6: true, vpn: false },
  { v6: false, vpn: true },
  { v6: true, vpn: true },
];

/** The fields of a model as plain data (hex for bytes), for comparing two decodings. */
function fields(m: FlowSpecNlri): unknown {
  return {
    rd: m.rd === undefined ? undefined : toHex(m.rd),
    longLength: m.longLength,
    components: m.components.map((c) =>
      isPrefixComponent(c) ? { type: c.type, len: c.len, offset: c.offset, pattern: toHex(c.pattern) } : { type: c.type, ops: c.ops, values: c.values, terms: c.terms },
    ),
  };
}

/** The same values as a built model: plain objects and fresh arrays, nothing of the input. */
function plain(m: FlowSpecNlri): FlowSpecNlri {
  const components: FlowComponent[] = m.components.map((c) =>
    isPrefixComponent(c) ? { type: c.type, len: c.len, offset: c.offset, pattern: Uint8Array.from(c.pattern) } : flowOps(c.type, [...c.ops], [...c.values]),
  );
  const out: FlowSpecNlri = { components };
  if (m.rd !== undefined) out.rd = Uint8Array.from(m.rd);
  if (m.longLength) out.longLength = true;
  return out;
}

type Outcome = { ok: true; value: unknown } | { ok: false; code: string; message: string; offset: number };

function outcome(fn: () => unknown): Outcome {
  try {
    return { ok: true, value: fn() };
  } catch (e) {
    if (!(e instanceof NlriError)) throw e;
    return { ok: false, code: e.code, message: e.message, offset: e.offset };
  }
}

/** One NLRI at the start of `b`, decoded by `decode`, and where it stopped. */
function decodeWith(decode: typeof decodeFlowSpec | typeof eagerDecodeFlowSpec, b: Uint8Array, shape: FlowShape, strict: boolean): { m: FlowSpecNlri; pos: number } {
  const r = new Reader(b, 'x');
  const m = decode(r, shape, strict);
  return { m, pos: r.pos };
}

/** Every check of this file on one input, for every shape and strictness. */
function checkInput(b: Uint8Array): void {
  for (const shape of SHAPES) {
    for (const strict of [false, true]) {
      const want = outcome(() => {
        const d = decodeWith(eagerDecodeFlowSpec, b, shape, strict);
        return { fields: fields(d.m), pos: d.pos };
      });
      const got = outcome(() => {
        const d = decodeWith(decodeFlowSpec, b, shape, strict);
        expect(d.m).toBeInstanceOf(FlowView);
        return { fields: fields(d.m), pos: d.pos };
      });
      expect(got).toEqual(want);
      if (!want.ok) continue;
      const codec = codecs[SHAPES.indexOf(shape)]!;
      for (const target of codecs) {
        // A fresh view each time: reading `components` (done by `plain`) takes it off the copy path.
        const view = () => decodeWith(decodeFlowSpec, b, shape, strict).m;
        const built = plain(view());
        const expected = outcome(() => toHex(encode(target, built)));
        expect(outcome(() => toHex(encode(target, view())))).toEqual(expected);
        expect(outcome(() => encodingLength(target, view()))).toEqual(outcome(() => encodingLength(target, built)));
        if (target === codec) {
          expect(expected).toEqual({ ok: true, value: toHex(b.subarray(0, encodingLength(codec, built))) });
          expect(toJson(codec, view())).toBe(toJson(codec, built));
        }
        expect(outcome(() => toJson(target, view()))).toEqual(outcome(() => toJson(target, built)));
      }
    }
  }
}

const modelBytes = fc.constantFrom(...codecs).chain((c) => arbitraries[c.name]!.map((m) => encode(c, m)));

const changed = fc
  .tuple(modelBytes, fc.array(fc.tuple(fc.nat(), fc.nat(255)), { maxLength: 3 }), fc.nat())
  .map(([b, edits, cut]) => {
    const out = Uint8Array.from(b);
    for (const [at, v] of edits) out[at % out.length] = v;
    return cut % 4 === 0 ? out.subarray(0, cut % (out.length + 1)) : out;
  });

describe('FlowSpec view: decode as the eager decoder, encode and JSON as the plain model', () => {
  it('every sample and Ze vector', () => {
    const hexes = [...samples.map((s) => s.hex), ...loadVectors().flatMap((v) => (v.family?.includes('/flow') && v.hex !== undefined ? [v.hex] : []))];
    expect(hexes.length).toBeGreaterThan(300);
    for (const hex of hexes) checkInput(bytes(hex));
  });

  it('property: model-path bytes, those bytes changed or cut, random bytes', () => {
    fc.assert(
      fc.property(fc.oneof(modelBytes, changed, fc.uint8Array({ maxLength: 40 })), (b) => {
        checkInput(b);
      }),
      { numRuns: 1500, seed: 8955, endOnFailure: true },
    );
  });

  it('a view decoded by another codec is encoded by the model path, as the plain model', () => {
    // ipv4/flow `destination 10.0.0.0/24 protocol tcp` as ipv6/flow: the prefix gets an offset octet.
    const [v4] = decodeAll(reg.require('ipv4/flow'), bytes('0801180A0000038106'));
    expect(toHex(encode(reg.require('ipv6/flow'), v4!))).toBe('090118000A0000038106');
    expect(() => encode(reg.require('ipv4/flow-vpn'), v4!)).toThrow(/8-octet rd/);
    const [vpn] = decodeAll(reg.require('ipv4/flow-vpn'), bytes('0D0000FDE80000006401180A0000'));
    expect(() => encode(reg.require('ipv4/flow'), vpn!)).toThrow(/rd is only for the flow-vpn/);
  });
});

describe('FlowSpec view: changes are encoded and printed', () => {
  const c = reg.require('ipv4/flow');

  it('a changed operator value, a removed component, a replaced list', () => {
    const b = bytes('0B01180A0000038106058150');
    const [m] = decodeAll(c, b);
    const proto = m!.components[1]!;
    if (isPrefixComponent(proto)) throw new Error('expected protocol');
    proto.values[0] = 17;
    expect(toHex(encode(c, m!))).toBe('0B01180A0000038111058150');
    expect(toJson(c, m!)).toContain('"protocol":[["=udp"]]');
    m!.components.splice(2, 1);
    expect(toHex(encode(c, m!))).toBe('0801180A0000038111');
    m!.components = [flowOps(3, [0x81], [6])];
    expect(toHex(encode(c, m!))).toBe('03038106');
    expect(toHex(b)).toBe('0B01180A0000038106058150'); // the input is not written to
  });

  it('rd and longLength assigned', () => {
    const vpnCodec = reg.require('ipv4/flow-vpn');
    const [m] = decodeAll(vpnCodec, bytes('0D0000FDE80000006401180A0000'));
    m!.rd = bytes('0001010203040064');
    expect(toHex(encode(vpnCodec, m!))).toBe('0D000101020304006401180A0000');
    expect(toJson(vpnCodec, m!)).toContain('"rd":"1:1.2.3.4:100"');
    const [long] = decodeAll(c, bytes('F003038106'));
    expect(long!.longLength).toBe(true);
    long!.longLength = false;
    expect(toHex(encode(c, long!))).toBe('03038106');
  });

  it('prints and serialises its fields, not the buffer', () => {
    const [m] = decodeAll(c, bytes('0801180A0000038106'), { addPath: false });
    expect(JSON.parse(JSON.stringify(m))).toEqual({
      components: [
        { type: 1, len: 24, offset: 0, pattern: '0A0000' },
        { type: 3, ops: [129], values: [6], terms: [{ op: '=', value: 6, and: false, octets: 1 }] },
      ],
    });
    const text = inspect(m, { depth: 6 });
    expect(text).toMatch(/^FlowView \{/);
    expect(text).toContain("pattern: Uint8Array(3) [ 10, 0, 0 ]");
    expect(text).not.toMatch(/\b_\w+:/);
    const [withId] = decodeAll(c, bytes('000000070303C706'), { addPath: true });
    expect(JSON.parse(JSON.stringify(withId))).toMatchObject({ pathId: 7 });
    expect(JSON.parse(JSON.stringify(withId))).not.toHaveProperty('longLength');
    expect(inspect(withId)).toContain('pathId: 7');
    const [vpn] = decodeAll(reg.require('ipv6/flow-vpn'), bytes('0F000000640000000101200020010DB8'));
    expect(JSON.parse(JSON.stringify(vpn))).toMatchObject({ rd: '0000006400000001', components: [{ type: 1, len: 32, pattern: '20010DB8' }] });
  });
});
