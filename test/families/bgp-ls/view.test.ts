/**
 * Issue 16: a decoded BGP-LS NLRI is a `BgpLsView` (families/bgp-ls/view.ts) whose fields are
 * read from the input when asked. On the same bytes it must give what the eager decoder gave
 * (test/support/bgp-ls-eager.ts, the decoder before the view, kept only here): the same fields
 * (byte fields as views of the same input octets), the same errors (code, offset, message), the
 * same `parsed:false` records, `strict` refusals, path ids, JSON text and encoding. Inputs: the
 * family's samples, Ze's vectors, generated NLRIs (fuzz/arbitraries/bgp-ls.ts) and those bytes
 * damaged (a byte changed, a length changed, cut short).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { inspect } from 'node:util';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { lenientArbitraries } from '../../../fuzz/arbitraries/bgp-ls.js';
import { bgpLs, bgpLsSpf, bgpLsVpn, samples, type BgpLsModel, type BgpLsNlri } from '../../../families/bgp-ls/index.js';
import { BgpLsView } from '../../../families/bgp-ls/view.js';
import { NlriError } from '../../../src/core/errors.js';
import { fromHex, toHex } from '../../../src/core/hex.js';
import type { DecodeOptions, FamilyCodec } from '../../../src/registry/family.js';
import { decodeAll, encode, encodingLength, toJson } from '../../../src/registry/ops.js';
import { plainOf } from '../../../src/registry/plain.js';
import { eagerCodec } from '../../support/bgp-ls-eager.js';
import { VECTOR_DIR } from '../../support/vectors.js';

const CODECS = [bgpLs, bgpLsVpn, bgpLsSpf] as const;
const OPTIONS: readonly DecodeOptions[] = [{}, { strict: true }, { lossless: true }, { lossless: true, strict: true }, { addPath: true }];

/** Uint8Arrays as `@offset:hex` (where in the input, and what), bigints tagged, undefined left out. */
function shape(v: unknown, base: number): unknown {
  if (v instanceof Uint8Array) return `@${v.byteOffset - base}:${toHex(v)}`;
  if (typeof v === 'bigint') return `bigint ${v}`;
  if (Array.isArray(v)) return v.map((x) => shape(x, base));
  if (v !== null && typeof v === 'object') {
    const o: Record<string, unknown> = {};
    for (const k of ['kind', 'pathId', 'raw', 'protocolId', 'identifier', 'rd', 'tlvs', 'trailing', ...Object.keys(v)]) {
      if (k.startsWith('_') || k in o) continue;
      const x = (v as Record<string, unknown>)[k];
      if (x !== undefined) o[k] = shape(x, base);
    }
    return o;
  }
  return v;
}

type Outcome = { error: [string, number, string] } | { models: unknown; json: string; hex: string };

function outcome(codec: FamilyCodec<BgpLsModel>, bytes: Uint8Array, opts: DecodeOptions): Outcome {
  let models: BgpLsModel[];
  try {
    models = decodeAll(codec, bytes, opts);
  } catch (e) {
    if (!(e instanceof NlriError)) throw e;
    return { error: [e.code, e.offset, e.message] };
  }
  // JSON and encoding first, the fields after: the view's writers must not need its `tlvs` read first.
  const json = toJson(codec, models);
  const hex = toHex(encode(codec, models, { addPath: opts.addPath === true }));
  return { models: shape(models, bytes.byteOffset), json, hex };
}

/** Decode `bytes` with the view and with the eager decoder, every codec and option set: the same outcome. */
function same(bytes: Uint8Array): void {
  for (const codec of CODECS) {
    const eager = eagerCodec(codec);
    for (const opts of OPTIONS) expect(outcome(codec, bytes, opts), `${codec.name} ${JSON.stringify(opts)} ${toHex(bytes)}`).toEqual(outcome(eager, bytes, opts));
  }
}

/** The bytes inside a larger buffer at an odd offset, so offsets relative to the input are tested. */
function inBuffer(b: Uint8Array): Uint8Array {
  const big = new Uint8Array(b.length + 7);
  big.set(b, 3);
  return big.subarray(3, 3 + b.length);
}

const readVectors = (f: string): Record<string, unknown>[] =>
  readFileSync(join(VECTOR_DIR, f), 'utf8')
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map((l) => JSON.parse(l) as Record<string, unknown>);

const vectorHex = [
  ...readVectors('bgp-ls.jsonl').flatMap((v) => (v.kind === 'decode' && typeof v.hex === 'string' && v.hex !== '' ? [v.hex as string] : [])),
  ...readVectors('updates-bgp-ls.jsonl').map((u) => u.nlri_hex as string),
];

describe('the view decodes as the eager decoder did', () => {
  it('samples and Ze vectors', () => {
    const hexes = [...samples.map((s) => s.hex), ...vectorHex];
    expect(hexes.length).toBeGreaterThan(40);
    for (const h of hexes) {
      same(fromHex(h));
      same(inBuffer(fromHex(h)));
    }
  });

  // Generated NLRIs (any TLV order and placement), then damaged: one octet set, one 2-octet field
  // set (a type or length), or cut short. `nlris` several back to back, ADD-PATH ids included by the options.
  const encoded = fc.oneof(
    ...(['bgp-ls/bgp-ls', 'bgp-ls/bgp-ls-vpn'] as const).map((f) =>
      fc.array(lenientArbitraries[f], { minLength: 1, maxLength: 3 }).map((ms) => encode(f === 'bgp-ls/bgp-ls' ? bgpLs : bgpLsVpn, ms)),
    ),
  );
  const damaged = fc.tuple(encoded, fc.nat(), fc.integer({ min: 0, max: 0xffff }), fc.constantFrom('none', 'octet', 'word', 'cut')).map(([b, at, v, how]) => {
    const c = Uint8Array.from(b);
    const i = at % c.length;
    if (how === 'octet') c[i] = v & 0xff;
    if (how === 'word' && i + 1 < c.length) (c[i] = v >> 8), (c[i + 1] = v & 0xff);
    return how === 'cut' ? c.subarray(0, i) : c;
  });

  it('property: generated and damaged NLRIs', () => {
    fc.assert(
      fc.property(damaged, (b) => {
        if (b.length > 0) same(inBuffer(b));
      }),
      { numRuns: 1500, seed: 16 },
    );
  });
});

describe('a decoded view is written as its input bytes, the same as the model path', () => {
  /** The view's fields as a plain object with fresh arrays (the path every built model takes). */
  function plain(m: BgpLsNlri): BgpLsNlri {
    return structuredClone(plainOf(m)) as unknown as BgpLsNlri;
  }

  it('property: generated NLRIs on each family', () => {
    const nlri = fc.oneof(
      ...(['bgp-ls/bgp-ls', 'bgp-ls/bgp-ls-vpn', 'bgp-ls/bgp-ls-spf'] as const).map((f) => lenientArbitraries[f].map((m) => ({ f, m }))),
    );
    fc.assert(
      fc.property(nlri, ({ f, m }) => {
        const codec = CODECS.find((c) => c.name === f)!;
        const bytes = encode(codec, m);
        const [view] = decodeAll(codec, inBuffer(bytes), { lossless: true });
        if (view!.kind === 'unparsed') return;
        expect(view).toBeInstanceOf(BgpLsView);
        const want = encode(codec, plain(view!));
        expect(encodingLength(codec, view!)).toBe(want.length);
        expect(encode(codec, view!)).toEqual(want);
        expect(want).toEqual(bytes);
      }),
      { numRuns: 3000, seed: 16 },
    );
  });

  it('every sample and vector of a known type with the tolerated damage (trailing octets) too', () => {
    let views = 0;
    for (const h of [...samples.map((s) => s.hex), ...vectorHex]) {
      for (const codec of CODECS) {
        let ms: BgpLsModel[];
        try {
          ms = decodeAll(codec, fromHex(h));
        } catch {
          continue;
        }
        for (const m of ms) {
          if (!(m instanceof BgpLsView)) continue;
          views++;
          expect(toHex(encode(codec, m)), h).toBe(toHex(encode(codec, plain(m))));
        }
      }
    }
    expect(views).toBeGreaterThan(40);
  });

  it('a view is refused by the family of the other RD layout, as a built model is', () => {
    const vpnHex = '000100250000FDE90000006403000000000000010001000010020000040000FDE90203000401010101';
    const [vpn] = decodeAll(bgpLsVpn, fromHex(vpnHex));
    expect(vpn).toBeInstanceOf(BgpLsView);
    expect(() => encode(bgpLs, vpn!)).toThrow(/only bgp-ls-vpn NLRIs carry a route distinguisher/);
    expect(toHex(encode(bgpLsVpn, vpn!))).toBe(vpnHex);
    const [node] = decodeAll(bgpLs, fromHex(samples[0]!.hex));
    expect(() => encode(bgpLsVpn, node!)).toThrow(/needs a route distinguisher/);
    expect(toHex(encode(bgpLsSpf, node!))).toBe(samples[0]!.hex.toUpperCase());
  });

  it('a hand-made view whose length field does not frame its bytes is written by the model path', () => {
    const b = fromHex(samples[0]!.hex);
    const [good] = decodeAll(bgpLs, b) as BgpLsView[];
    // The same octets with the total length one too large: the fields still read, the length is recomputed.
    const bad = Uint8Array.from(b);
    bad[3]! += 1;
    const view = new BgpLsView(bad, 0, bad.length, false);
    expect(view._copiable()).toBe(false);
    expect(good!._copiable()).toBe(true);
    expect(encode(bgpLs, view)).toEqual(b);
    // An unknown type: no kind, refused as a built model with a bad kind is.
    const unknown = Uint8Array.from(b);
    unknown[1] = 9;
    expect(() => encode(bgpLs, new BgpLsView(unknown, 0, unknown.length, false))).toThrow(NlriError);
  });
});

describe('the view as an object', () => {
  const vpnHex = '000100250000FDE90000006403000000000000010001000010020000040000FDE90203000401010101';

  it('reads its TLVs once, when first asked, and keeps them', () => {
    const [m] = decodeAll(bgpLsVpn, fromHex(vpnHex)) as BgpLsView[];
    expect(m!._tlvs).toBeUndefined();
    const t = m!.tlvs;
    expect(m!.tlvs).toBe(t);
    expect(t).toEqual([{ kind: 'local-node', descriptors: [{ kind: 'as', asn: 65001 }, { kind: 'igp-router-id', id: fromHex('01010101') }] }]);
    expect([m!.kind, m!.protocolId, m!.identifier, toHex(m!.rd!), m!.trailing]).toEqual(['node', 3, 256n, '0000FDE900000064', undefined]);
  });

  it('identifiers of every size (the 2^53 boundary, 2^64-1)', () => {
    for (const id of [0n, 1n, 0x1fffffffffffffn, 0x20000000000000n, 0xffffffffffffffffn, 0x8000000000000001n]) {
      const model = { kind: 'node' as const, protocolId: 3, identifier: id, tlvs: [] };
      const [m] = decodeAll(bgpLs, encode(bgpLs, model)) as BgpLsNlri[];
      expect(m).toBeInstanceOf(BgpLsView);
      expect(m!.identifier).toBe(id);
    }
  });

  it('prints and serialises as its fields, not its buffer and offsets (as the VPN view does)', () => {
    const [m] = decodeAll(bgpLsVpn, fromHex(vpnHex));
    expect(JSON.parse(JSON.stringify(m))).toEqual({
      kind: 'node',
      protocolId: 3,
      identifier: '256',
      rd: '0000FDE900000064',
      tlvs: [{ kind: 'local-node', descriptors: [{ kind: 'as', asn: 65001 }, { kind: 'igp-router-id', id: '01010101' }] }],
    });
    const text = inspect(m, { depth: 6 });
    expect(text).toMatch(/^BgpLsView \{/);
    expect(text).toMatch(/identifier: 256n/);
    expect(text).not.toMatch(/\b_\w+:/);
  });

  it('trailing octets and the path id show (RFC 7911)', () => {
    // Total length + 2, two octets after the last whole TLV: kept as trailing (Ze tolerates it).
    const b = fromHex(vpnHex);
    const t = new Uint8Array(4 + b.length + 2);
    t.set([0, 0, 0, 7], 0);
    t.set(b, 4);
    t[4 + 3] = b[3]! + 2;
    t.set([0xab, 0xcd], 4 + b.length);
    const [m] = decodeAll(bgpLsVpn, t, { addPath: true });
    expect(JSON.parse(JSON.stringify(m))).toMatchObject({ pathId: 7, trailing: 'ABCD' });
    expect(m!.kind !== 'unparsed' && m!.trailing!.byteOffset).toBe(t.length - 2);
    expect(toHex(encode(bgpLsVpn, m!, { addPath: true }))).toBe(toHex(t));
  });
});
