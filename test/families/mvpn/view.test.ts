/**
 * A decoded MCAST-VPN NLRI is an `MvpnView` (families/mvpn/view.ts) whose fields are read from
 * the input when asked. On the same bytes it must give what the eager decoder gave
 * (test/support/mvpn-eager.ts, the decoder before the view, kept only here): the same fields
 * (byte fields as views of the same input octets, a Leaf A-D route key field by field), the same
 * errors (code, offset, message), the same raw fallbacks and `strict` refusals, path ids, JSON
 * text and encoding; and an unchanged view must encode, by copying its window, exactly what the
 * model path writes for a plain copy of its fields. Inputs: the family's samples, Ze's vectors,
 * generated NLRIs (fuzz/arbitraries/mvpn.ts) and those bytes damaged (an octet flipped or set,
 * cut short), each also inside a larger buffer at an odd offset.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { inspect } from 'node:util';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { mvpnArb } from '../../../fuzz/arbitraries/mvpn.js';
import { ipv4Mvpn, ipv6Mvpn, MvpnView, samples, type MvpnNlri, type MvpnRoute } from '../../../families/mvpn/index.js';
import { NlriError } from '../../../src/core/errors.js';
import { fromHex, toHex } from '../../../src/core/hex.js';
import type { DecodeOptions, FamilyCodec, WireSpan } from '../../../src/registry/family.js';
import { decodeAll, encode, encodeInto, encodingLength, toJson } from '../../../src/registry/ops.js';
import { plainOf } from '../../../src/registry/plain.js';
import { eagerCodec } from '../../support/mvpn-eager.js';
import { VECTOR_DIR } from '../../support/vectors.js';

const CODECS = [ipv4Mvpn, ipv6Mvpn] as const;
const OPTIONS: readonly DecodeOptions[] = [
  {},
  { strict: true },
  { addPath: true },
  { addPath: true, strict: true },
  { lossless: true },
  { lossless: true, strict: true, addPath: true },
];

/** Uint8Arrays as `@offset:hex` (where in the input, and what), objects by their public fields (views too), undefined left out. */
function shape(v: unknown, base: number): unknown {
  if (v instanceof Uint8Array) return `@${v.byteOffset - base}:${toHex(v)}`;
  if (Array.isArray(v)) return v.map((x) => shape(x, base));
  if (v !== null && typeof v === 'object') {
    const o: Record<string, unknown> = {};
    for (const [k, x] of Object.entries(plainOf(v))) o[k] = shape(x, base);
    return o;
  }
  return v === undefined ? v : `${typeof v} ${String(v)}`;
}

/** The model's fields as a plain object with fresh byte arrays and a plain route key (the path every built model takes). */
function plainCopy(m: MvpnRoute): MvpnNlri {
  const o: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(plainOf(m))) {
    o[k] = v instanceof Uint8Array ? v.slice() : k === 'routeKey' ? plainCopy(v as MvpnRoute) : v;
  }
  return o as unknown as MvpnNlri;
}

type Outcome = { error: [string, number, string] } | { models: unknown; json: string; hex: string; one: string[] };

function outcome(codec: FamilyCodec<MvpnNlri>, bytes: Uint8Array, opts: DecodeOptions): Outcome {
  let models: MvpnNlri[];
  try {
    models = decodeAll(codec, bytes, opts);
  } catch (e) {
    if (!(e instanceof NlriError)) throw e;
    return { error: [e.code, e.offset, e.message] };
  }
  // JSON and encoding first, the fields after: the writers must not need a field read first.
  const json = toJson(codec, models);
  const addPath = opts.addPath === true;
  const hex = toHex(encode(codec, models, { addPath }));
  // One at a time (the `verbatim` copy for a view), with `encodeInto` at an odd offset too.
  const one = models.map((m) => {
    const a = encode(codec, m, { addPath });
    expect(encodingLength(codec, m, { addPath })).toBe(a.length);
    const into = new Uint8Array(a.length + 5);
    expect(encodeInto(codec, m, into, 3, { addPath })).toBe(3 + a.length);
    expect(toHex(into.subarray(3, 3 + a.length))).toBe(toHex(a));
    // The model path on a plain copy of the fields writes the same bytes.
    expect(toHex(encode(codec, plainCopy(m), { addPath }))).toBe(toHex(a));
    return toHex(a);
  });
  return { models: shape(models, bytes.byteOffset), json, hex, one };
}

let compared = 0;

/** Decode `bytes` with the view and with the eager decoder, every codec and option set: the same outcome. */
function same(bytes: Uint8Array): void {
  for (const codec of CODECS) {
    const eager = eagerCodec(codec);
    for (const opts of OPTIONS) {
      expect(outcome(codec, bytes, opts), `${codec.name} ${JSON.stringify(opts)} ${toHex(bytes)}`).toEqual(outcome(eager, bytes, opts));
      compared++;
    }
  }
}

/** The bytes inside a larger buffer at an odd offset, so offsets relative to the input are tested. */
function inBuffer(b: Uint8Array): Uint8Array {
  const big = new Uint8Array(b.length + 7);
  big.fill(0xa5);
  big.set(b, 3);
  return big.subarray(3, 3 + b.length);
}

const vectorHex = readFileSync(join(VECTOR_DIR, 'mvpn.jsonl'), 'utf8')
  .split('\n')
  .filter((l) => l.trim() !== '')
  .map((l) => JSON.parse(l) as { hex?: unknown })
  .flatMap((v) => (typeof v.hex === 'string' ? [v.hex] : []))
  // Bytes only: a vector of text that is not hex is refused before any codec sees it.
  .filter((h) => /^(?:[0-9a-f]{2})*$/i.test(h));

describe('the view decodes as the eager decoder did', () => {
  it('samples and every Ze vector (decodes and rejects), alone, back to back and inside a larger buffer', () => {
    const hexes = [...samples.map((s) => s.hex), ...vectorHex];
    expect(vectorHex.length).toBeGreaterThanOrEqual(28);
    for (const h of hexes) {
      same(fromHex(h));
      same(inBuffer(fromHex(h)));
    }
    same(fromHex(samples.map((s) => s.hex).join('')));
    // The ADD-PATH reading of each sample: a 4-octet path id in front.
    for (const s of samples) same(fromHex(`0000002A${s.hex}`));
  });

  it('every sample with each octet flipped, and cut at every length', () => {
    for (const s of samples) {
      const b = fromHex(s.hex);
      for (let i = 0; i < b.length; i++) {
        for (const x of [0x01, 0x80, 0xff]) {
          const c = Uint8Array.from(b);
          c[i]! ^= x;
          same(inBuffer(c));
        }
        same(inBuffer(b.subarray(0, i)));
      }
    }
  });

  // Generated NLRIs (1-3 back to back, Leaf A-D keys nested up to three deep) or samples, then
  // damaged: an octet flipped or set (a type, a length, an address length), or cut short.
  const encoded = fc.oneof(
    fc.array(mvpnArb, { minLength: 1, maxLength: 3 }).map((ms) => encode(ipv4Mvpn, ms)),
    fc.constantFrom(...samples.map((s) => fromHex(s.hex))),
  );
  const damaged = fc
    .tuple(encoded, fc.nat(), fc.integer({ min: 0, max: 0xff }), fc.constantFrom('none', 'flip', 'set', 'set', 'cut'))
    .map(([b, at, v, how]) => {
      const c = Uint8Array.from(b);
      const i = at % c.length;
      if (how === 'flip') c[i]! ^= v | 1;
      if (how === 'set') c[i] = v;
      return how === 'cut' ? c.subarray(0, i) : c;
    });

  it('property: 1500 generated and damaged inputs', () => {
    const before = compared;
    fc.assert(
      fc.property(damaged, (b) => {
        same(inBuffer(b));
      }),
      { numRuns: 1500, seed: 6514 },
    );
    expect(compared - before).toBe(1500 * CODECS.length * OPTIONS.length);
  });
});

describe('the view decodes as the eager decoder did: payloads near their layout', () => {
  // Route-type payloads built field by field with lengths just inside and outside RFC 6514's:
  // address length octets of 0/32/128 bits and others (8, 31, 33, 64, 255) with as many octets
  // as they claim, 0-3 addresses, with or without a source AS, originators of 0-17 octets, and
  // Leaf A-D routes whose key is one of these: each field's check is met or missed by one.
  const bytes = (n: number): fc.Arbitrary<number[]> => fc.array(fc.integer({ min: 0, max: 255 }), { minLength: n, maxLength: n });
  const framed = (type: number, payload: number[]): number[] => [type, Math.min(payload.length, 255), ...payload.slice(0, 255)];
  const often = <T>(usual: fc.Arbitrary<T>, other: fc.Arbitrary<T>): fc.Arbitrary<T> =>
    fc.oneof({ arbitrary: usual, weight: 4 }, { arbitrary: other, weight: 1 });
  const bits = often(fc.constantFrom(0, 32, 128), fc.constantFrom(8, 31, 33, 64, 255));
  const addr = bits.chain((n) => bytes(n >>> 3).map((a) => [n, ...a]));
  const origLen = often(fc.constantFrom(4, 16), fc.constantFrom(0, 3, 5, 15, 17));
  const flat = fc.integer({ min: 0, max: 9 }).chain((type) => {
    const withAs = type === 2 || type === 6 || type === 7;
    const addrs = type === 3 || type === 5 || type === 6 || type === 7 ? 2 : 0;
    const withOrig = type === 1 || type === 3;
    return fc
      .tuple(
        bytes(8),
        often(fc.constant(withAs), fc.constant(!withAs)),
        often(fc.constant(addrs), fc.integer({ min: 0, max: 3 })).chain((n) => fc.array(addr, { minLength: n, maxLength: n })),
        (withOrig ? often(origLen, fc.constant(0)) : often(fc.constant(0), origLen)).chain(bytes),
      )
      .map(([rd, as, a, o]) => framed(type, [...rd, ...(as ? [0, 0, 0xfd, 0xe9] : []), ...a.flat(), ...o]));
  });
  const orig = origLen.chain(bytes);
  const route = fc.oneof(flat, fc.tuple(flat, orig).map(([k, o]) => framed(4, [...k, ...o])));

  it('property: 1000 payloads near their layout', () => {
    fc.assert(
      fc.property(route, (b) => {
        same(inBuffer(Uint8Array.from(b)));
      }),
      { numRuns: 1000, seed: 6515 },
    );
  });
});

describe('a decoded view is written as its input bytes, the same as the model path', () => {
  const span: WireSpan = { buf: new Uint8Array(0), start: 0, end: 0 };

  it('property: generated NLRIs decode to views that are copied (verbatim) and equal the model path', () => {
    fc.assert(
      fc.property(mvpnArb, fc.boolean(), (m, v6) => {
        const codec = v6 ? ipv6Mvpn : ipv4Mvpn;
        const bytes = encode(codec, m);
        const input = inBuffer(bytes);
        const [view] = decodeAll(codec, input);
        expect(view).toBeInstanceOf(MvpnView);
        expect(codec.verbatim!(view!, span)).toBe(true);
        expect(span.buf.buffer).toBe(input.buffer);
        expect(span.buf.byteOffset + span.start).toBe(input.byteOffset);
        expect(span.buf.subarray(span.start, span.end)).toEqual(bytes);
        expect(encode(codec, plainCopy(view!))).toEqual(bytes);
        expect(encode(codec, view!)).toEqual(bytes);
      }),
      { numRuns: 500, seed: 6514 },
    );
  });

  it('a built model is not a view: no window, encoded from its fields', () => {
    for (const s of samples) {
      const codec = s.family === 'ipv6/mvpn' ? ipv6Mvpn : ipv4Mvpn;
      const m = codec.fromArgs(s.args!);
      expect(m).not.toBeInstanceOf(MvpnView);
      expect(codec.verbatim!(m, span)).toBe(false);
      expect(toHex(encode(codec, m))).toBe(s.hex.toUpperCase());
    }
  });
});

describe('assigning a field takes the view off the copy path', () => {
  const span: WireSpan = { buf: new Uint8Array(0), start: 0, end: 0 };
  const NEW: Record<string, unknown> = {
    rd: fromHex('0001C0A800010007'),
    originator: fromHex('C0000201'),
    sourceAs: 64512,
    source: fromHex('C6336401'),
    group: fromHex('E0000005'),
    raw: fromHex('CAFE'),
  };

  it('every field of every sample: the new value is encoded, the input is left alone', () => {
    let tried = 0;
    for (const s of samples) {
      const codec = s.family === 'ipv6/mvpn' ? ipv6Mvpn : ipv4Mvpn;
      for (const [k, v] of Object.entries(NEW)) {
        const input = fromHex(s.hex);
        const [view] = decodeAll(codec, input) as MvpnView[];
        if ((view as unknown as Record<string, unknown>)[k] === undefined) continue;
        const want = { ...plainCopy(view as unknown as MvpnRoute), [k]: v } as MvpnNlri;
        (view as unknown as Record<string, unknown>)[k] = v;
        tried++;
        expect(view!._copiable()).toBe(false);
        expect(codec.verbatim!(view as unknown as MvpnNlri, span)).toBe(false);
        expect((view as unknown as Record<string, unknown>)[k]).toBe(v);
        const got = encode(codec, view as unknown as MvpnNlri);
        expect(toHex(got), `${s.hex} ${k}`).toBe(toHex(encode(codec, want)));
        expect(toHex(got)).not.toBe(toHex(input));
        expect(toHex(input)).toBe(s.hex.toUpperCase());
        expect(toJson(codec, view as unknown as MvpnNlri)).toBe(toJson(codec, want));
      }
    }
    expect(tried).toBeGreaterThan(25);
  });

  it('kind and type: a raw route made typed, a typed route made raw', () => {
    const [raw] = decodeAll(ipv4Mvpn, fromHex('0904DEADBEEF'));
    (raw as { type: number }).type = 10;
    expect(toHex(encode(ipv4Mvpn, raw!))).toBe('0A04DEADBEEF');
    const [intra] = decodeAll(ipv4Mvpn, fromHex(samples[0]!.hex));
    Object.assign(intra!, { kind: 'raw', type: 1, raw: fromHex('00') });
    expect(toHex(encode(ipv4Mvpn, intra!))).toBe('010100');
  });

  it('a Leaf A-D route key: read and unchanged, still copied; changed inside, or replaced, written from the fields', () => {
    const h = samples.find((s) => s.hex.startsWith('04'))!.hex;
    const [leaf] = decodeAll(ipv4Mvpn, fromHex(h)) as MvpnView[];
    const key = leaf!.routeKey as unknown as MvpnView;
    expect(key).toBeInstanceOf(MvpnView);
    expect(leaf!.routeKey).toBe(key);
    expect(toHex(key.source!)).toBe('0A010101');
    expect(ipv4Mvpn.verbatim!(leaf as unknown as MvpnNlri, span)).toBe(true);
    key.group = fromHex('E0000005');
    expect(ipv4Mvpn.verbatim!(leaf as unknown as MvpnNlri, span)).toBe(false);
    expect(toHex(encode(ipv4Mvpn, leaf as unknown as MvpnNlri))).toBe(h.replace('EF010101', 'E0000005'));

    const [leaf2] = decodeAll(ipv4Mvpn, fromHex(h));
    const other = decodeAll(ipv4Mvpn, fromHex(samples[0]!.hex))[0]!;
    (leaf2 as { routeKey: MvpnRoute }).routeKey = other;
    expect(toHex(encode(ipv4Mvpn, leaf2!))).toBe(`0412${samples[0]!.hex}0A000002`);
  });

  it('the path id is not a field of the NLRI: a view with one assigned is still copied', () => {
    const [m] = decodeAll(ipv4Mvpn, fromHex(samples[0]!.hex));
    m!.pathId = 9;
    expect(ipv4Mvpn.verbatim!(m!, span)).toBe(true);
    expect(toHex(encode(ipv4Mvpn, m!, { addPath: true }))).toBe(`00000009${samples[0]!.hex}`);
  });
});

describe('the view as an object', () => {
  it('prints and serialises as its fields, not its buffer and offsets', () => {
    const h = samples.find((s) => s.hex.startsWith('04'))!.hex;
    const [m] = decodeAll(ipv4Mvpn, fromHex(`00000007${h}`), { addPath: true });
    expect(JSON.parse(JSON.stringify(m))).toEqual({
      kind: 'leaf-ad',
      type: 4,
      routeKey: { kind: 's-pmsi-ad', type: 3, rd: '0000FDE900000064', source: '0A010101', group: 'EF010101', originator: '0A000001' },
      originator: '0A000002',
      pathId: 7,
    });
    const text = inspect(m, { depth: 6 });
    expect(text).toMatch(/^MvpnView \{/);
    expect(text).not.toMatch(/\b_\w+:/);
  });

  it('a raw route has only kind, type and raw; fields of other route types are undefined', () => {
    const [m] = decodeAll(ipv4Mvpn, fromHex('0104DEADBEEF'));
    expect(plainOf(m!)).toEqual({ kind: 'raw', type: 1, raw: fromHex('DEADBEEF') });
    const [sa] = decodeAll(ipv4Mvpn, fromHex(samples.find((s) => s.hex.startsWith('05'))!.hex));
    const o = sa as unknown as Record<string, unknown>;
    expect([o.originator, o.sourceAs, o.routeKey, o.raw]).toEqual([undefined, undefined, undefined, undefined]);
  });
});
