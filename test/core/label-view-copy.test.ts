/**
 * Issue 16: a decoded labeled-unicast or VPN view is encoded by copying its input bytes
 * (src/core/label-stack-view.ts `_copiable`). The bytes it writes must be those the model path writes
 * for the same values given as a plain object (the path every built model takes, unchanged), for
 * every direction the decoder reads (RFC 8277 §2.4: withdraw true / false / unknown), label
 * counts, TC bits and prefix lengths; and a view handed to the other AFI's codec is still refused.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { NlriError } from '../../src/index.js';
import { decodeAll, encode, encodingLength } from '../../src/registry/ops.js';
import { ipv4MplsLabel, ipv6MplsLabel, LabeledView, type LabeledNlri } from '../../families/labeled/index.js';
import { ipv4MplsVpn as ipv4Vpn, ipv6MplsVpn as ipv6Vpn, VpnView } from '../../families/vpn/index.js';
import type { FamilyCodec } from '../../src/registry/family.js';

function plain(m: LabeledNlri & { rd?: Uint8Array }): LabeledNlri {
  const base = { v6: m.v6, labels: [...m.labels], withdraw: m.withdraw, compatibility: m.compatibility, tc: m.tc ? [...m.tc] : undefined, prefix: { ...m.prefix, addr: Uint8Array.from(m.prefix.addr) } };
  return m.rd ? ({ ...base, rd: Uint8Array.from(m.rd) } as LabeledNlri) : base;
}

/** The two kinds of view: the octets between the label field and the prefix (the RD for VPN). */
const KINDS = [
  { name: 'labeled', rd: 0, codecs: [ipv4MplsLabel, ipv6MplsLabel], view: LabeledView },
  { name: 'vpn', rd: 8, codecs: [ipv4Vpn, ipv6Vpn], view: VpnView },
] as const;

const nlri = fc
  .record({
    v6: fc.boolean(),
    labels: fc.array(fc.tuple(fc.integer({ min: 0, max: 0xfffff }), fc.integer({ min: 0, max: 7 })), { minLength: 1, maxLength: 4 }),
    len: fc.integer({ min: 0, max: 128 }),
    fill: fc.integer({ min: 0, max: 255 }),
    kind: fc.constantFrom(...KINDS),
  })
  .map(({ v6, labels, len, fill, kind }) => {
    const plen = Math.min(len, v6 ? 128 : 32);
    const bytes = [24 * labels.length + 8 * kind.rd + plen];
    labels.forEach(([l, tc], i) => {
      const v = (l << 4) | (tc << 1) | (i === labels.length - 1 ? 1 : 0);
      bytes.push(v >>> 16, (v >>> 8) & 0xff, v & 0xff);
    });
    for (let i = 0; i < kind.rd; i++) bytes.push((fill * 3 + i) & 0xff);
    for (let i = 0; i < (plen + 7) >>> 3; i++) bytes.push((fill + i * 37) & 0xff);
    return { v6, kind, bytes: Uint8Array.from(bytes) };
  })
  .filter(({ bytes }) => bytes[0]! <= 255);

describe('a decoded view is written as its input bytes, the same as the model path', () => {
  it('property: every direction, label count, TC and prefix length', () => {
    fc.assert(
      fc.property(nlri, fc.constantFrom(true, false, undefined), ({ v6, kind, bytes }, withdraw) => {
        const codec = kind.codecs[v6 ? 1 : 0] as FamilyCodec<LabeledNlri>;
        let views: LabeledNlri[];
        try {
          views = decodeAll(codec, bytes, { withdraw, lossless: false } as never);
        } catch (e) {
          expect(e).toBeInstanceOf(NlriError);
          return;
        }
        const view = views[0]!;
        expect(view).toBeInstanceOf(kind.view);
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
      { numRuns: 8000, seed: 16 },
    );
  });

  it('a view given to the other AFI\'s codec is refused, as a built model is (labeled, VPN)', () => {
    const [view] = decodeAll(ipv4MplsLabel, Uint8Array.from([0x30, 0x00, 0x3e, 0x81, 0xc0, 0xa8, 0x01]));
    expect(() => encode(ipv6MplsLabel, view!)).toThrow(/IPv4/);
    expect(encode(ipv4MplsLabel, view!)).toEqual(Uint8Array.from([0x30, 0x00, 0x3e, 0x81, 0xc0, 0xa8, 0x01]));
    const vpnHex = [0x70, 0x00, 0x3e, 0x81, 0, 0, 0xfd, 0xe8, 0, 0, 0, 0x64, 0x0a, 0, 0];
    const [vpn] = decodeAll(ipv4Vpn, Uint8Array.from(vpnHex));
    expect(vpn).toBeInstanceOf(VpnView);
    expect(() => encode(ipv6Vpn, vpn!)).toThrow(/IPv4/);
    expect(encode(ipv4Vpn, vpn!)).toEqual(Uint8Array.from(vpnHex));
  });

  it('a hand-made view whose stack is not as a decoder reads it is written by the model path', () => {
    // Two entries, S on the first and not on the last: no decoder makes this view, a user can.
    const b = Uint8Array.from([24 * 2 + 8, 0x00, 0x06, 0x41, 0x00, 0x06, 0x50, 0x0a]);
    const view = new LabeledView(b, 1, 2, 8, false, false);
    expect(view._copiable()).toBe(false);
    expect(encode(ipv4MplsLabel, view)).toEqual(Uint8Array.from([24 * 2 + 8, 0x00, 0x06, 0x40, 0x00, 0x06, 0x51, 0x0a]));
    // S on both entries (the middle one is wrong), and one entry without S (the last is wrong).
    const both = new LabeledView(Uint8Array.from([56, 0x00, 0x06, 0x41, 0x00, 0x06, 0x51, 0x0a]), 1, 2, 8, false, false);
    expect(both._copiable()).toBe(false);
    expect(encode(ipv4MplsLabel, both)).toEqual(Uint8Array.from([56, 0x00, 0x06, 0x40, 0x00, 0x06, 0x51, 0x0a]));
    const none = new LabeledView(Uint8Array.from([32, 0x00, 0x06, 0x40, 0x0a]), 1, 1, 8, false, false);
    expect(none._copiable()).toBe(false);
    expect(encode(ipv4MplsLabel, none)).toEqual(Uint8Array.from([32, 0x00, 0x06, 0x41, 0x0a]));
  });
});
