/**
 * A decoded BGP-MUP NLRI is a `MupView` (families/mup/view.ts) whose fields are read from the
 * input when asked. On the same bytes it must give what the eager decoder gave
 * (test/support/mup-eager.ts, the decoder before the view, kept only here): the same fields and
 * types (byte fields as views of the same input octets), the same errors (code, offset,
 * message), `strict` refusals, raw fallbacks, path ids, JSON text and encoding. An unchanged view
 * is written by copying its bytes; that must be what the model path writes for its fields. Inputs:
 * the family's samples, Ze's vectors, generated NLRIs and those bytes damaged (octets changed, cut
 * short, several back to back), each also at an odd offset inside a larger buffer.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { inspect } from 'node:util';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ipv4Mup, ipv6Mup, samples, MupView, type MupNlri } from '../../../families/mup/index.js';
import { NlriError } from '../../../src/core/errors.js';
import { fromHex, toHex } from '../../../src/core/hex.js';
import { prefixOctets, type Prefix } from '../../../src/core/prefix.js';
import type { DecodeOptions, FamilyCodec, WireSpan } from '../../../src/registry/family.js';
import { decodeAll, encode, encodeInto, encodingLength, toJson } from '../../../src/registry/ops.js';
import { plainJson, plainOf } from '../../../src/registry/plain.js';
import { eagerCodec } from '../../support/mup-eager.js';
import { VECTOR_DIR } from '../../support/vectors.js';

const CODECS = [ipv4Mup, ipv6Mup] as const;
const OPTIONS: readonly DecodeOptions[] = [{}, { strict: true }, { addPath: true }, { addPath: true, strict: true }, { lossless: true }];

/** Uint8Arrays as `@offset:hex` (where in the input, or `copy` when not a view of it), undefined left out, keys sorted. */
function shape(v: unknown, input: Uint8Array): unknown {
  if (v instanceof Uint8Array) return `@${v.buffer === input.buffer ? v.byteOffset - input.byteOffset : 'copy'}:${toHex(v)}`;
  if (Array.isArray(v)) return v.map((x) => shape(x, input));
  if (v !== null && typeof v === 'object') {
    const o: Record<string, unknown> = {};
    for (const k of Object.keys(v).sort()) {
      if (k.startsWith('_')) continue;
      const x = (v as Record<string, unknown>)[k];
      if (x !== undefined) o[k] = shape(x, input);
    }
    return o;
  }
  return `${typeof v} ${String(v)}`;
}

/** The view's fields as a plain object with fresh arrays: the path every built model takes. */
function plain(m: MupNlri): MupNlri {
  return structuredClone(plainOf(m)) as unknown as MupNlri;
}

type Outcome = { error: [string, number, string] } | Record<string, unknown>;

function outcome(codec: FamilyCodec<MupNlri>, input: Uint8Array, opts: DecodeOptions): Outcome {
  let models: MupNlri[];
  try {
    models = decodeAll(codec, input, opts);
  } catch (e) {
    if (!(e instanceof NlriError)) throw e;
    return { error: [e.code, e.offset, e.message] };
  }
  const addPath = { addPath: opts.addPath === true };
  // JSON and encodings first, the fields after: the writers must not need a field read first.
  const json = toJson(codec, models);
  const hex = toHex(encode(codec, models, addPath));
  const length = encodingLength(codec, models, addPath);
  // One model at a time: `encode`/`encodeInto` of one model take the `verbatim` window of a view.
  const one = models.map((m) => toHex(encode(codec, m, addPath)));
  const into = models.map((m) => {
    const buf = new Uint8Array(300).fill(0xa5);
    const end = encodeInto(codec, m, buf, 3, addPath);
    return toHex(buf.subarray(0, end + 1));
  });
  const fields = models.map((m) => shape(plainOf(m), input));
  // After the fields were read (the prefix made): still the same bytes, and the model path agrees.
  const again = toHex(encode(codec, models, addPath));
  const viaPlain = toHex(encode(codec, models.map(plain), addPath));
  const jsonAgain = toJson(codec, models);
  // `JSON.stringify` of a view is its `toJSON` (byte fields as hex); a plain model's is `plainJson` of it.
  const toJSON = models.map((m) => JSON.parse(JSON.stringify(m instanceof MupView ? m : plainJson(m))) as unknown);
  const pathIds = models.map((m) => m.pathId);
  return { json, hex, length, one, into, fields, again, viaPlain, jsonAgain, toJSON, pathIds };
}

let compared = 0;
let decoded = 0;
/** What the view side gave, by kind (`raw`, `isd`…, and the error codes), to show the inputs reach every branch. */
const seen = new Map<string, number>();
const count = (k: string): void => void seen.set(k, (seen.get(k) ?? 0) + 1);

/** Decode `input` with the view and with the eager decoder, both codecs, every option set: the same outcome. */
function same(input: Uint8Array): void {
  for (const codec of CODECS) {
    const eager = eagerCodec(codec);
    for (const opts of OPTIONS) {
      const got = outcome(codec, input, opts);
      const want = outcome(eager, input, opts);
      expect(got, `${codec.name} ${JSON.stringify(opts)} ${toHex(input)}`).toEqual(want);
      compared++;
      if ('error' in got) count(`error ${(got.error as string[])[0]} ${opts.strict ? 'strict' : ''}`);
      else for (const f of got.fields as { kind: string }[]) count(`${f.kind.replace("string ", "")}${opts.strict ? ' strict' : ''}`);
      if (!('error' in got)) {
        decoded++;
        // Everything decoded is written back to the input octets (the codec is lossless).
        expect(got.hex, `${codec.name} ${toHex(input)}`).toBe(toHex(input));
      }
    }
  }
}

/** The bytes inside a larger buffer at an odd offset, so offsets relative to the input are tested. */
function inBuffer(b: Uint8Array): Uint8Array {
  const big = new Uint8Array(b.length + 7).fill(0xee);
  big.set(b, 3);
  return big.subarray(3, 3 + b.length);
}

const vectorHex = readFileSync(join(VECTOR_DIR, 'mup.jsonl'), 'utf8')
  .split('\n')
  .filter((l) => l.trim() !== '')
  .map((l) => JSON.parse(l) as Record<string, unknown>)
  // Decode, encode and reject vectors alike (a reject's bytes must fail the same way); not the one whose input is not hex.
  .flatMap((v) => (typeof v.hex === 'string' && /^(?:[0-9A-Fa-f]{2})+$/.test(v.hex) ? [v.hex] : []));

// Generated NLRIs: each 3gpp-5g route type in the draft's layout and Ze's shortened forms, with
// sizes around the valid ones (prefix lengths to 140, address sizes 3/4/16, TEID bits -2..34),
// and other architectures / route types with any data.
const octets = (n: number): fc.Arbitrary<number[]> => fc.array(fc.nat(255), { minLength: n, maxLength: n });
const rd = octets(8);
const addr = fc.constantFrom(4, 16, 4, 16, 3).chain(octets);
const sizedAddr = fc.oneof(
  { weight: 4, arbitrary: addr.map((a) => [a.length * 8, ...a]) },
  { weight: 1, arbitrary: fc.constant([0]) },
  { weight: 1, arbitrary: fc.tuple(fc.nat(255), octets(4)).map(([bits, a]) => [bits, ...a]) },
);
const prefix = fc.oneof(fc.integer({ min: 0, max: 32 }), fc.integer({ min: 0, max: 140 })).chain((len) => octets(prefixOctets(len)).map((a) => [len, ...a]));
const teid4 = fc.oneof({ weight: 4, arbitrary: octets(4) }, { weight: 1, arbitrary: fc.constant([0, 0, 0, 0]) });
const isd = fc.tuple(rd, prefix).map(([r, p]) => [...r, ...p]);
const dsd = fc.tuple(rd, addr).map(([r, a]) => [...r, ...a]);
const t1st = fc
  .tuple(rd, prefix, teid4, fc.nat(255), fc.option(sizedAddr, { nil: undefined }), fc.option(sizedAddr, { nil: undefined }))
  .map(([r, p, t, q, ep, src]) => [...r, ...p, ...t, q, ...(ep ?? []), ...(ep !== undefined ? (src ?? []) : [])]);
const t2st = fc
  .tuple(rd, fc.constantFrom(4, 16), fc.integer({ min: -2, max: 34 }), fc.boolean())
  .chain(([r, size, teidBits, zero]) => {
    const n = teidBits > 0 ? prefixOctets(teidBits) : 0;
    return fc.tuple(octets(size), zero ? fc.constant(new Array<number>(n).fill(0)) : octets(n)).map(([a, t]) => [...r, (size * 8 + teidBits) & 0xff, ...a, ...t]);
  });
const routed = fc.oneof(
  isd.map((d) => [1, d] as const),
  dsd.map((d) => [2, d] as const),
  t1st.map((d) => [3, d] as const),
  t2st.map((d) => [4, d] as const),
);
const nlri = fc
  .oneof(
    { weight: 8, arbitrary: routed.map(([t, d]) => [1, t, d] as const) },
    { weight: 1, arbitrary: fc.tuple(fc.nat(255), fc.integer({ min: 0, max: 0xffff }), fc.array(fc.nat(255), { maxLength: 40 })) },
    { weight: 1, arbitrary: fc.tuple(fc.constant(1), fc.integer({ min: 0, max: 6 }), routed.map(([, d]) => d)) },
  )
  .chain(([arch, type, data]) =>
    // Often the data cut short with the length octet agreeing (a field missing), else whole.
    fc.oneof({ weight: 3, arbitrary: fc.constant(data.length) }, { weight: 1, arbitrary: fc.nat(data.length) }).map((n) => {
      const d = data.slice(0, n);
      return [arch, type >> 8, type & 0xff, d.length & 0xff, ...d];
    }),
  );
const damaged = fc
  .tuple(fc.array(nlri, { minLength: 1, maxLength: 3 }), fc.array(fc.tuple(fc.nat(), fc.nat(255)), { maxLength: 3 }), fc.constantFrom('none', 'none', 'flip', 'cut', 'extend'), fc.nat())
  .map(([ns, flips, how, at]) => {
    const b = Uint8Array.from(ns.flat());
    if (how === 'flip') for (const [i, v] of flips) b[i % b.length] = v;
    if (how === 'cut') return b.subarray(0, at % b.length);
    if (how === 'extend') return Uint8Array.from([...b, at & 0xff]);
    return b;
  });

describe('the view decodes as the eager decoder did', () => {
  it('samples and Ze vectors, alone, in a larger buffer, and back to back', () => {
    const hexes = [...samples.map((s) => s.hex), ...vectorHex];
    expect(hexes.length).toBeGreaterThan(50);
    for (const h of hexes) {
      same(fromHex(h));
      same(inBuffer(fromHex(h)));
    }
    same(inBuffer(fromHex(hexes.join(''))));
    expect(decoded).toBeGreaterThan(200);
  });

  it('samples damaged: each octet set to other values, and cut at each length', () => {
    for (const s of samples) {
      const b = fromHex(s.hex);
      for (let i = 0; i < b.length; i++) {
        for (const v of [0, 1, 0x20, 0x80, 0xff, b[i]! + 1, b[i]! - 1]) {
          const c = Uint8Array.from(b);
          c[i] = v & 0xff;
          same(inBuffer(c));
        }
        same(inBuffer(b.subarray(0, i)));
        // The data cut after i - 4 octets, the length octet saying so: each field missing in turn.
        if (i >= 4) {
          const c = Uint8Array.from(b.subarray(0, i));
          c[3] = i - 4;
          same(inBuffer(c));
        }
      }
    }
  });

  it('property: generated and damaged NLRIs (1500, fixed seed)', () => {
    const tally = (): string => JSON.stringify(Object.fromEntries([...seen].sort()));
    const before = compared;
    seen.clear();
    fc.assert(
      fc.property(damaged, (b) => {
        same(inBuffer(b));
      }),
      { numRuns: 1500, seed: 85 },
    );
    expect(compared - before).toBe(1500 * CODECS.length * OPTIONS.length);
    // Every kind decoded, with and without strict, and every error code met.
    for (const k of ['raw', 'isd', 'dsd', 't1st', 't2st']) {
      expect(seen.get(k) ?? 0, `${k} ${tally()}`).toBeGreaterThan(100);
      if (k !== 'raw') expect(seen.get(`${k} strict`) ?? 0, `${k} strict ${tally()}`).toBeGreaterThan(20);
    }
    for (const k of ['error truncated ', 'error truncated strict', 'error malformed strict', 'error unknown-type strict']) expect(seen.get(k), k).toBeGreaterThan(20);
  });
});

describe('a decoded view is written as its input bytes', () => {
  it('every decoded sample is a view whose window is the input', () => {
    const span: WireSpan = { buf: new Uint8Array(0), start: 0, end: 0 };
    for (const s of samples) {
      const codec = s.family === 'ipv4/mup' ? ipv4Mup : ipv6Mup;
      const input = inBuffer(fromHex(s.hex));
      const [m] = decodeAll(codec, input);
      expect(m).toBeInstanceOf(MupView);
      expect(codec.verbatim!(m!, span)).toBe(true);
      const window = span.buf.subarray(span.start, span.end);
      expect(window.buffer).toBe(input.buffer);
      expect(window.byteOffset).toBe(input.byteOffset);
      expect(toHex(window)).toBe(toHex(input));
      // Reading every field (the prefix made and kept) leaves it on the copy path.
      plainOf(m!);
      expect(codec.verbatim!(m!, span)).toBe(true);
    }
  });

  it('built models are plain objects, never copied', () => {
    const span: WireSpan = { buf: new Uint8Array(0), start: 0, end: 0 };
    for (const s of samples) {
      const codec = s.family === 'ipv4/mup' ? ipv4Mup : ipv6Mup;
      const m = codec.fromArgs(s.args!);
      expect(Object.getPrototypeOf(m)).toBe(Object.prototype);
      expect(codec.verbatim!(m, span)).toBe(false);
      expect(toHex(encode(codec, m))).toBe(s.hex.toUpperCase());
    }
  });

  it('a hand-made view whose length octet does not frame its bytes goes by the model path', () => {
    const b = fromHex('0100020C00000064000000640A000001');
    const bad = Uint8Array.from([...b, 0x99]);
    const view = new MupView(bad, 0, b.length + 1, 2); // a DSD of 5 address octets: the length octet says 12
    expect(view._copiable()).toBe(false);
    expect(() => encode(ipv4Mup, view as unknown as MupNlri)).toThrow(/address must be 4 or 16 bytes/);
  });
});

describe('an edited view leaves the copy path and is written from its fields', () => {
  const span: WireSpan = { buf: new Uint8Array(0), start: 0, end: 0 };
  const RD = '0000006400000064';

  /** Decode `h`, edit the view and a plain copy the same way: the same bytes, `want`, not the input. */
  function edited(codec: FamilyCodec<MupNlri>, h: string, edit: (m: MupNlri) => void, want: string): void {
    const [m] = decodeAll(codec, inBuffer(fromHex(h)));
    const p = plain(m!);
    edit(m!);
    edit(p);
    expect(codec.verbatim!(m!, span)).toBe(false);
    expect(toHex(encode(codec, m!))).toBe(want);
    expect(toHex(encode(codec, [m!]))).toBe(want);
    expect(encodingLength(codec, m!)).toBe(want.length / 2);
    expect(toHex(encode(codec, p))).toBe(want);
    expect(toJson(codec, m!)).toBe(toJson(codec, p));
  }

  it('each field, assigned', () => {
    const isd = samples[0]!.hex;
    edited(ipv4Mup, isd, (m) => void (m.kind !== 'raw' && (m.rd = fromHex('0001000200000003'))), '0100010C0001000200000003180A0001');
    edited(ipv4Mup, isd, (m) => void (m.kind === 'isd' && (m.prefix = { v6: false, len: 16, addr: fromHex('0B00') })), '0100010B0000006400000064100B00');
    edited(ipv4Mup, isd, (m) => void (m.archType = 1), isd);
    // Ze's form without an RD. (`delete` cannot remove a getter's field from a view: assign undefined.)
    edited(ipv4Mup, isd, (m) => void (m.kind !== 'raw' && (m.rd = undefined)), '01000104180A0001');
    const dsd = samples[1]!.hex;
    edited(ipv4Mup, dsd, (m) => void (m.kind === 'dsd' && (m.address = fromHex('0A0000FE'))), `0100020C${RD}0A0000FE`);
    const t1st = samples[2]!.hex;
    edited(ipv4Mup, t1st, (m) => void (m.kind === 't1st' && (m.teid = 7)), `0100031C${RD}20C0A800020000000709200A000001200A000101`);
    edited(ipv4Mup, t1st, (m) => void (m.kind === 't1st' && (m.qfi = 3)), `0100031C${RD}20C0A800020000303903200A000001200A000101`);
    edited(ipv4Mup, t1st, (m) => void (m.kind === 't1st' && (m.source = new Uint8Array(0))), `01000318${RD}20C0A800020000303909200A00000100`);
    edited(ipv4Mup, t1st, (m) => void (m.kind === 't1st' && ((m.endpoint = undefined), (m.source = undefined))), `01000312${RD}20C0A800020000303909`);
    const t2st = samples[5]!.hex;
    edited(ipv4Mup, t2st, (m) => void (m.kind === 't2st' && ((m.teidLength = 32), (m.teid = 1))), `01000411${RD}400A00000100000001`);
    edited(ipv4Mup, t2st, (m) => void (m.kind === 't2st' && (m.endpoint = fromHex('0A0000FE'))), `01000410${RD}370A0000FE003039`);
    const raw = samples[6]!.hex;
    edited(ipv4Mup, raw, (m) => void (m.kind === 'raw' && (m.raw = fromHex('AABB'))), '02000502AABB');
    edited(ipv4Mup, raw, (m) => void (m.routeType = 9), '0200090401020304');
    edited(ipv4Mup, dsd, (m) => Object.assign(m, { kind: 'raw', archType: 3, raw: fromHex('01') }), '0300020101');
  });

  /** The prefix object is typed read-only; a caller who changes it anyway gets what a plain model would. */
  const mutable = (p: Prefix): { -readonly [K in keyof Prefix]: Prefix[K] } => p;

  it('the prefix changed in place', () => {
    const isd = samples[0]!.hex;
    edited(ipv4Mup, isd, (m) => void (m.kind === 'isd' && (mutable(m.prefix).len = 16)), `0100010B${RD}100A00`);
    edited(ipv4Mup, isd, (m) => void (m.kind === 'isd' && (mutable(m.prefix).addr = fromHex('0B0001'))), `0100010C${RD}180B0001`);
    edited(ipv6Mup, samples[2]!.hex, (m) => void (m.kind === 't1st' && (mutable(m.prefix).len = 24)), `0100031B${RD}18C0A8000000303909200A000001200A000101`);
    // A prefix length above 32 that is no longer IPv6: refused as on a built model, not copied.
    const [m] = decodeAll(ipv4Mup, fromHex(samples[7]!.hex));
    if (m!.kind === 'isd') mutable(m!.prefix).v6 = false;
    expect(() => encode(ipv4Mup, m!)).toThrow(/prefix length must be/);
  });

  it('writing a byte field in place writes the input, both paths agree', () => {
    const input = fromHex(samples[1]!.hex);
    const [m] = decodeAll(ipv4Mup, input);
    if (m!.kind === 'dsd') m!.address[3] = 9;
    expect(input[15]).toBe(9);
    expect(ipv4Mup.verbatim!(m!, span)).toBe(true);
    expect(toHex(encode(ipv4Mup, m!))).toBe(toHex(encode(ipv4Mup, plain(m!))));
  });
});

describe('the view as an object', () => {
  it('prints and serialises as its public fields', () => {
    const [m] = decodeAll(ipv4Mup, fromHex(samples[2]!.hex));
    const text = inspect(m, { depth: 4 });
    expect(text.startsWith('MupView {')).toBe(true);
    expect(text).not.toMatch(/_b|_s|_e|_f/);
    expect(JSON.parse(JSON.stringify(m))).toEqual({
      kind: 't1st',
      archType: 1,
      routeType: 3,
      rd: '0000006400000064',
      prefix: { v6: false, len: 32, addr: 'C0A80002' },
      teid: 12345,
      qfi: 9,
      endpoint: '0A000001',
      source: '0A000101',
    });
  });

  it('keeps one prefix object, as an eager model did', () => {
    const [m] = decodeAll(ipv6Mup, fromHex(samples[7]!.hex));
    expect(m!.kind === 'isd' && m!.prefix).toBe(m!.kind === 'isd' && m!.prefix);
  });
});
