// `FamilyCodec.verbatim` (issue 16): `encode`/`encodeInto` of one decoded view copy the window of
// input bytes the codec names instead of measuring and writing. The expected bytes are the ones
// the same codec writes without the hook (its encoder, tested against Ze's and the RFCs' vectors
// elsewhere), on every sample, every Ze decode vector and damaged inputs, with and without a
// path id, into fresh and caller buffers, and with buffers too small.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { NlriError, toHex } from '../../src/core/index.js';
import { createDefaultRegistry, decodeAll, encode, encodeInto, samples, type FamilyCodec, type NlriBase, type WireSpan } from '../../src/index.js';
import { RtcView } from '../../families/rtc/model.js';
import { RawRoute } from '../../families/evpn/model.js';
import { VplsRoute } from '../../families/vpls/model.js';
import { flowOps } from '../../families/flowspec/index.js';
import { bytes, codecError } from '../support/helpers.js';
import { loadVectors } from '../support/vectors.js';

const reg = createDefaultRegistry();
const withHook = reg.list().filter((c) => c.verbatim !== undefined);
/** The same codec without the hook: `encode` measures and writes. */
const slowOf = (c: FamilyCodec): FamilyCodec => ({ ...c, verbatim: undefined });
const vectors = loadVectors();

/** Every input of a family that decodes: its samples and Ze's decode vectors. */
function inputs(family: string): Uint8Array[] {
  const out: Uint8Array[] = [];
  for (const s of samples) if (s.family === family) out.push(bytes(s.hex));
  for (const v of vectors) if (v.family === family && v.kind === 'decode' && v.hex !== undefined) out.push(bytes(v.hex));
  return out;
}

function tryDecode(c: FamilyCodec, b: Uint8Array, opts: { addPath?: boolean; lossless?: boolean }): NlriBase[] {
  try {
    return decodeAll(c, b, opts);
  } catch (e) {
    if (e instanceof NlriError) return [];
    throw e;
  }
}

/** The outcome of an encode: its bytes, or the code of its NlriError. */
function outcome(fn: () => Uint8Array | number): string {
  try {
    const r = fn();
    return typeof r === 'number' ? `end ${r}` : toHex(r);
  } catch (e) {
    if (e instanceof NlriError) return `error ${e.code}`;
    throw e;
  }
}

/** `m` encoded through the hook and without it agree, in every call form. */
function expectSame(c: FamilyCodec, m: NlriBase, what: string): void {
  const slow = slowOf(c);
  for (const addPath of [false, true]) {
    const opts = { addPath };
    const want = outcome(() => encode(slow, m, opts));
    expect(outcome(() => encode(c, m, opts)), `${what} encode addPath=${addPath}`).toBe(want);
    // A list of one (what decodeAll gives) takes the same copy.
    expect(outcome(() => encode(c, [m], opts)), `${what} encode [m] addPath=${addPath}`).toBe(want);
    if (want.startsWith('error')) continue;
    const n = want.length / 2;
    // Into a caller's buffer at an odd offset: the same octets, the same end, nothing else touched.
    const a = new Uint8Array(n + 9).fill(0xa5);
    const b = new Uint8Array(n + 9).fill(0xa5);
    expect(encodeInto(c, m, a, 3, opts), what).toBe(encodeInto(slow, m, b, 3, opts));
    expect(toHex(a), what).toBe(toHex(b));
    a.fill(0xa5);
    expect(encodeInto(c, [m], a, 3, opts), what).toBe(3 + n);
    expect(toHex(a), `${what} [m]`).toBe(toHex(b));
    // One octet short: the same error, and no octet written.
    const short = new Uint8Array(n + 2).fill(0x5a);
    expect(codecError(() => encodeInto(c, m, short, 3, opts)).code, what).toBe('too-long');
    expect(short.every((x) => x === 0x5a), `${what}: nothing written`).toBe(true);
  }
}

describe('verbatim: a decoded view is copied, the bytes its encoder writes', () => {
  it('covers the families with views over their input', () => {
    expect(withHook.map((c) => c.group).sort()).toEqual(
      expect.arrayContaining(['bgp-ls', 'ct', 'evpn', 'flowspec', 'labeled', 'rtc', 'vpls', 'vpn', 'vpn-multicast']),
    );
  });

  for (const c of withHook) {
    it(`${c.name}: samples and Ze vectors, with and without path ids, lossless records too`, () => {
      let copied = 0;
      const span: WireSpan = { buf: new Uint8Array(0), start: 0, end: 0 };
      for (const b of inputs(c.name)) {
        for (const lossless of [false, true]) {
          for (const m of tryDecode(c, b, { lossless })) {
            expectSame(c, m, `${c.name} ${toHex(b)}`);
            if (c.verbatim!(m, span)) {
              copied++;
              // The window is what the encoder writes, and lies in the input decoded.
              expect(span.buf).toBe(b);
              expect(toHex(span.buf.subarray(span.start, span.end))).toBe(toHex(encode(slowOf(c), m)));
            }
          }
        }
        // With ADD-PATH: a path id in front of the NLRI, kept by the model and written back.
        const withId = new Uint8Array(b.length + 4);
        withId.set([0, 0, 1, 7]);
        withId.set(b, 4);
        const [m] = tryDecode(c, withId, { addPath: true });
        if (m !== undefined) {
          expect(m.pathId).toBe(263);
          expect(toHex(encode(c, m, { addPath: true }))).toBe(toHex(encode(slowOf(c), m, { addPath: true })));
          expect(toHex(encode(c, [m], { addPath: true }))).toBe(toHex(encode(slowOf(c), m, { addPath: true })));
        }
      }
      // Every family's decoded samples take the copy (a hook that never answers would pass the rest).
      expect(copied, c.name).toBeGreaterThan(0);
    });
  }

  it('damaged inputs: whatever decodes encodes the same both ways', () => {
    const seeds = withHook.map((c) => [c, inputs(c.name)] as const).filter(([, ins]) => ins.length > 0);
    fc.assert(
      fc.property(fc.nat(seeds.length - 1), fc.nat(), fc.array(fc.tuple(fc.nat(), fc.nat(255)), { maxLength: 4 }), fc.boolean(), (ci, ii, flips, lossless) => {
        const [c, ins] = seeds[ci]!;
        const b = Uint8Array.from(ins[ii % ins.length]!);
        for (const [at, v] of flips) if (b.length > 0) b[at % b.length] = v;
        for (const m of tryDecode(c, b, { lossless })) expectSame(c, m, `${c.name} ${toHex(b)}`);
      }),
      { numRuns: 1500, seed: 16 },
    );
  });

  it('built models: no window where the model is not bytes, the encoder writes them', () => {
    const span: WireSpan = { buf: new Uint8Array(0), start: 0, end: 0 };
    for (const s of samples) {
      const c = reg.require(s.family);
      if (c.verbatim === undefined || s.args === undefined) continue;
      const m = c.fromArgs(s.args);
      expectSame(c, m, `${s.family} ${s.args.join(' ')}`);
      // EVPN and VPLS build their models as bytes; the others build plain objects.
      if (c.group !== 'evpn' && c.group !== 'vpls') expect(c.verbatim(m, span), s.family).toBe(false);
    }
  });

  it('an edited FlowSpec view is written from its fields, not copied', () => {
    const c = reg.require('ipv4/flow');
    const [m] = decodeAll(c, bytes('0801180A0000038106')); // destination 10.0.0.0/24, protocol tcp
    m!.components = [flowOps(3, [0x81], [6])];
    expect(toHex(encode(c, m!))).toBe('03038106'); // length 3, type 3, operator end|eq, 6
  });

  it('a hand-made RTC view whose bytes do not frame it is not copied: the encoder judges it', () => {
    const c = reg.require('ipv4/rtc');
    const span: WireSpan = { buf: new Uint8Array(0), start: 0, end: 0 };
    // Length octet 96, but the view says 64 bits: the bytes are not this model's encoding.
    const b = bytes('600000FDE90002FDE900000064');
    const m = new RtcView(b, 1, 64);
    expect(c.verbatim!(m, span)).toBe(false);
    expect(toHex(encode(c, m))).toBe('400000FDE90002FDE9');
    // A view past the end of its buffer: no window, and the encoder's error.
    const cut = new RtcView(b.subarray(0, 6), 1, 96);
    expect(c.verbatim!(cut, span)).toBe(false);
    expect(codecError(() => encode(c, cut)).code).toBe('invalid-model');
  });

  it('EVPN and VPLS: a window outside its buffer is refused with invalid-model, not copied; a window of the other package copy encodes', () => {
    const evpn = reg.require('l2vpn/evpn') as FamilyCodec;
    const vpls = reg.require('l2vpn/vpls') as FamilyCodec;
    const span: WireSpan = { buf: new Uint8Array(0), start: 0, end: 0 };
    const b = bytes('0305000000000000'); // 8 octets
    for (const [c, m] of [
      [evpn, new RawRoute(b, 0, 12)],
      [vpls, new VplsRoute(b, 2, 1)],
    ] as const) {
      expect(c.verbatim!(m as never, span)).toBe(true); // the hook names the window…
      const e = codecError(() => encode(c, m as never));
      expect([e.code, e.family]).toEqual(['invalid-model', c.name]); // …the core does not copy it
      expect(e.message).toMatch(/window of bytes inside its buffer/);
      expect(codecError(() => encodeInto(c, m as never, new Uint8Array(32))).code).toBe('invalid-model');
    }
    for (const c of [evpn, vpls]) {
      for (const m of [{}, null, { buf: 'x', start: 0, end: 1 }]) expect(codecError(() => encode(c, m as never)).code).toBe('invalid-model');
    }
    // A model of the package's other copy (CommonJS beside ES modules) is not an instance of this
    // copy's class, only a window: measured and written, the same bytes.
    const plain = { buf: b, start: 1, end: 5 };
    expect(toHex(encode(evpn, plain as never))).toBe('05000000');
    expect(toHex(encode(vpls, plain as never))).toBe('05000000');
  });

  it('several models in one call are measured and written (the hook is for one model)', () => {
    const c = reg.require('ipv4/mpls-vpn');
    const ms = decodeAll(c, bytes('70003E810000FDE8000000640A0000' + '70003E810000FDE8000000640A0000'));
    expect(toHex(encode(c, ms))).toBe('70003E810000FDE8000000640A0000'.repeat(2));
  });
});
