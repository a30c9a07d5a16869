/**
 * Issue 16: a decoded labeled-unicast view is encoded by copying its input bytes
 * (families/labeled/wire.ts `copiable`). The bytes it writes must be those the model path writes
 * for the same values given as a plain object (the path every built model takes, unchanged), for
 * every direction the decoder reads (RFC 8277 §2.4: withdraw true / false / unknown), label
 * counts, TC bits and prefix lengths; and a view handed to the other AFI's codec is still refused.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { NlriError } from '../../../src/index.js';
import { decodeAll, encode, encodingLength } from '../../../src/registry/ops.js';
import { ipv4MplsLabel, ipv6MplsLabel, LabeledView, type LabeledNlri } from '../../../families/labeled/index.js';

function plain(m: LabeledNlri): LabeledNlri {
  return { v6: m.v6, labels: [...m.labels], withdraw: m.withdraw, compatibility: m.compatibility, tc: m.tc ? [...m.tc] : undefined, prefix: { ...m.prefix, addr: Uint8Array.from(m.prefix.addr) } };
}

const nlri = fc
  .record({
    v6: fc.boolean(),
    labels: fc.array(fc.tuple(fc.integer({ min: 0, max: 0xfffff }), fc.integer({ min: 0, max: 7 })), { minLength: 1, maxLength: 4 }),
    len: fc.integer({ min: 0, max: 128 }),
    fill: fc.integer({ min: 0, max: 255 }),
  })
  .map(({ v6, labels, len, fill }) => {
    const plen = Math.min(len, v6 ? 128 : 32);
    const bytes = [24 * labels.length + plen];
    labels.forEach(([l, tc], i) => {
      const v = (l << 4) | (tc << 1) | (i === labels.length - 1 ? 1 : 0);
      bytes.push(v >>> 16, (v >>> 8) & 0xff, v & 0xff);
    });
    for (let i = 0; i < (plen + 7) >>> 3; i++) bytes.push((fill + i * 37) & 0xff);
    return { v6, bytes: Uint8Array.from(bytes) };
  })
  .filter(({ bytes }) => bytes[0]! <= 255);

describe('a decoded view is written as its input bytes, the same as the model path', () => {
  it('property: every direction, label count, TC and prefix length', () => {
    fc.assert(
      fc.property(nlri, fc.constantFrom(true, false, undefined), ({ v6, bytes }, withdraw) => {
        const codec = v6 ? ipv6MplsLabel : ipv4MplsLabel;
        let views: LabeledNlri[];
        try {
          views = decodeAll(codec, bytes, { withdraw, lossless: false } as never);
        } catch (e) {
          expect(e).toBeInstanceOf(NlriError);
          return;
        }
        const view = views[0]!;
        expect(view).toBeInstanceOf(LabeledView);
        let want: Uint8Array | NlriError;
        try {
          want = encode(codec, plain(view));
        } catch (e) {
          want = e as NlriError;
        }
        if (want instanceof Uint8Array) {
          expect(encodingLength(codec, view)).toBe(want.length);
          expect(encode(codec, view)).toEqual(want);
        } else {
          // The model path refuses the stack only as ambiguous without a direction; a view always has one.
          expect(want.message).toMatch(/withdraw/);
          expect(encode(codec, view)).toEqual(bytes.subarray(0, encodingLength(codec, view)));
        }
      }),
      { numRuns: 4000, seed: 16 },
    );
  });

  it('a view given to the other AFI\'s codec is refused, as a built model is', () => {
    const [view] = decodeAll(ipv4MplsLabel, Uint8Array.from([0x30, 0x00, 0x3e, 0x81, 0xc0, 0xa8, 0x01]));
    expect(() => encode(ipv6MplsLabel, view!)).toThrow(/IPv4/);
    expect(encode(ipv4MplsLabel, view!)).toEqual(Uint8Array.from([0x30, 0x00, 0x3e, 0x81, 0xc0, 0xa8, 0x01]));
  });
});
