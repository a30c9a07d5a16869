/**
 * JsonByteWriter (src/core/json-bytes.ts) writes the text JsonWriter writes, as UTF-8 octets.
 * The reference is JsonWriter's string put through Node's own UTF-8 encoder (Buffer.from), and
 * for plain values JSON.stringify where Go and JavaScript agree; every family's JSON through both
 * writers is compared in test/cli/line-bytes.test.ts (the `--decode` byte path).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { JsonWriter } from '../../src/core/json.js';
import { JsonByteWriter } from '../../src/core/json-bytes.js';
import { createDefaultRegistry, samples } from '../../src/index.js';
import { decodeAll, writeJson } from '../../src/registry/ops.js';

type Step = (w: JsonWriter) => void;

/** Both writers through the same steps: the string writer's text as UTF-8, and the byte writer's octets. */
function both(steps: Step[], start = new Uint8Array(4)): { want: Buffer; got: Buffer } {
  const s = new JsonWriter();
  for (const f of steps) f(s);
  const b = new JsonByteWriter(start, 0);
  for (const f of steps) f(b);
  return { want: Buffer.from(s.take(), 'utf8'), got: Buffer.from(b.buf.subarray(0, b.pos)) };
}

const value = fc.oneof(
  fc.string({ unit: 'binary' }).map((v): Step => (w) => void w.string(v)),
  fc.string({ unit: 'grapheme-ascii' }).map((v): Step => (w) => void w.stringRaw(v)),
  fc.oneof(fc.integer(), fc.double({ noNaN: true }), fc.constantFrom(-0, 2 ** 53, 2 ** 60, 1e21, 1.5e-7, -1e-300)).map((v): Step => (w) => void w.number(v)),
  fc.array(fc.oneof(fc.nat(), fc.integer({ min: -5, max: 5 }), fc.double({ noNaN: true, noDefaultInfinity: true })), { maxLength: 5 }).map((v): Step => (w) => void w.numbers(v)),
  fc.bigInt({ min: -(2n ** 70n), max: 2n ** 70n }).map((v): Step => (w) => void w.bigint(v)),
  fc.boolean().map((v): Step => (w) => void w.bool(v)),
  fc.constant<Step>((w) => void w.null()),
  fc.string({ unit: 'binary' }).map((v): Step => (w) => void w.raw(JSON.stringify(v))),
);

/** An object of 0-4 members with keys in order, optionally with a key injected. */
const object = fc
  .tuple(fc.uniqueArray(fc.string({ unit: fc.constantFrom('a', 'b', 'k', 'z', '<', 'é') , maxLength: 3 }), { maxLength: 4 }), fc.array(value, { minLength: 4, maxLength: 4 }), fc.option(fc.constantFrom('path-id', 'b', 'zz', '')))
  .map(([keys, vals, inj]): Step[] => {
    const steps: Step[] = [];
    if (inj !== null) steps.push((w) => void w.inject(inj, '7'));
    steps.push((w) => void w.beginObject());
    [...keys].sort().forEach((k, i) => {
      steps.push(/^[a-z]*$/.test(k) ? (w) => void w.keyRaw(k) : (w) => void w.key(k));
      steps.push(vals[i]!);
    });
    steps.push((w) => void w.endObject());
    return steps;
  });

describe('JsonByteWriter writes JsonWriter\'s text as UTF-8', () => {
  it('generated documents: escapes, non-ASCII and lone surrogates, numbers of every kind, injected keys', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(object, value.map((v) => [v])), { maxLength: 6 }), (parts) => {
        const steps: Step[] = [(w) => void w.beginArray(), ...parts.flat(), (w) => void w.endArray()];
        const { want, got } = both(steps);
        expect(got.equals(want)).toBe(true);
      }),
      { numRuns: 3000 },
    );
  });

  it('hand-picked values: Go\'s HTML escapes, U+2028, a surrogate pair, a lone surrogate, integers past 2^53 (shortest form, as Go prints a float64)', () => {
    const { got } = both([
      (w) => void w.beginObject(),
      (w) => void w.field('a<b>', 'x&y\u2028\n\u0001'),
      (w) => void w.key('e').string('é😀\ud800x'),
      (w) => void w.fieldNumber('n', -1234567890123),
      (w) => void w.key('f').number(2 ** 60),
      (w) => void w.key('g').numbers([0, 10, 99, 100, 4294967295]),
      (w) => void w.endObject(),
    ]);
    expect(got.toString('utf8')).toBe(
      '{"a\\u003cb\\u003e":"x\\u0026y\\u2028\\n\\u0001","e":"é😀\\ufffdx","n":-1234567890123,"f":1152921504606847000,"g":[0,10,99,100,4294967295]}',
    );
  });

  it('grows its buffer, keeps what it wrote, and take() gives the text since the last take', () => {
    const w = new JsonByteWriter(new Uint8Array(1), 0);
    w.ascii('pre ');
    w.beginArray();
    for (let i = 0; i < 1000; i++) w.string('x'.repeat(i % 7));
    w.endArray();
    const text = w.take();
    expect(text).toBe('pre ' + JSON.stringify(Array.from({ length: 1000 }, (_, i) => 'x'.repeat(i % 7))));
    w.beginObject().field('k', 'v').endObject();
    expect(w.take()).toBe('{"k":"v"}');
  });

  it('every sample of every family, with and without a path id, gives the same octets', () => {
    const reg = createDefaultRegistry();
    for (const s of samples) {
      const codec = reg.require(s.family);
      for (const m of decodeAll(codec, Buffer.from(s.hex, 'hex'), { lossless: true })) {
        for (const pathId of [undefined, 42]) {
          const model = m;
          if (pathId !== undefined) model.pathId = pathId; // as an ADD-PATH decode sets it
          const sw = new JsonWriter();
          writeJson(codec, model, sw);
          const bw = new JsonByteWriter();
          writeJson(codec, model, bw);
          expect(Buffer.from(bw.buf.subarray(0, bw.pos)).equals(Buffer.from(sw.take(), 'utf8')), `${s.family} ${s.hex}`).toBe(true);
        }
      }
    }
  });
});
