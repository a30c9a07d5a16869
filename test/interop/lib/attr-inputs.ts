/**
 * The UPDATEs the path-attribute interop sends every oracle (RFC 4271 §4.3): each input is one
 * IPv4 unicast UPDATE holding the attributes under test, ORIGIN and AS_PATH when the input has
 * none (well-known mandatory, RFC 4271 §5.1.1-5.1.2), NEXT_HOP 192.0.2.1 and one NLRI of its
 * own, 10.<k>.<k>.0/24 (so GoBGP's Adj-RIB-In pairs each path with its input). Sources:
 *   - the whole UPDATEs of test/vectors/ze-update/*.jsonl: their attributes re-wrapped so (NEXT_HOP,
 *     MP_REACH_NLRI and MP_UNREACH_NLRI dropped: the NLRI interop covers those);
 *   - every attribute sample of the registered groups (attributeSamples, plus the communities
 *     group while it is not registered yet);
 *   - fixed-seed models of fuzz/arbitraries/attributes/*.ts, encoded by ze-nlri.
 * Only inputs ze-nlri decodes without any RFC 7606 problem are kept (and deduplicated by bytes);
 * with each goes ze-nlri's decoding of the UPDATE as sent.
 */
import fc from 'fast-check';
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { AttributeRegistry, attributeSamples, createSession, decodeUpdate, defaultAttributes, fromHex, toHex, Writer } from '../../../src/index.js';
import type { AttributeCodec, BgpUpdate, PathAttribute, Session } from '../../../src/index.js';
import * as communities from '../../../attributes/communities/index.js';
import { attribute, concat, message, MSG } from './bgp.js';

const here = dirname(fileURLToPath(import.meta.url));
const VECTORS = join(here, '../../vectors/ze-update');

/** ze-nlri's attributes: the default registry, plus the communities group until it is registered there. */
function registry(): AttributeRegistry {
  const r = new AttributeRegistry(defaultAttributes.list());
  for (const c of communities.codecs as readonly AttributeCodec<any>[]) if (!r.get(c.code)) r.register(c);
  return r;
}

export const attrRegistry = registry();
/** A 4-octet AS session (RFC 6793) with every attribute codec: what every oracle is set up for. */
export const attrSession: Session = createSession({ attributes: attrRegistry });

/** Attribute codes never compared here (the NLRI interop covers MP_REACH / MP_UNREACH). */
const DROPPED = new Set([3, 14, 15]);

export interface RawAttr {
  flags: number;
  code: number;
  value: Uint8Array;
}

export interface AttrInput {
  /** `vector <id>`, `sample <code> <i>` or `gen <code> <i>`: shown in failures. */
  id: string;
  /** The UPDATE sent (whole message). */
  update: Uint8Array;
  /** Its NLRI, `10.a.b.0/24`: GoBGP's route key. */
  prefix: string;
  /** ze-nlri's decoding of `update`. */
  ours: BgpUpdate;
  /** The attributes under test, as received (wire order): the oracles' readings of these are compared. */
  attrs: PathAttribute[];
  /** Hex of the path attributes field, for reports. */
  hex: string;
}

const u32 = (v: number): Uint8Array => Uint8Array.of((v >>> 24) & 0xff, (v >> 16) & 0xff, (v >> 8) & 0xff, v & 0xff);

/** The UPDATE for a list of attributes and input number k. */
function wrap(list: readonly RawAttr[], k: number): { update: Uint8Array; prefix: string; field: Uint8Array } {
  const all = list.filter((a) => !DROPPED.has(a.code));
  if (!all.some((a) => a.code === 1)) all.push({ flags: 0x40, code: 1, value: Uint8Array.of(0) });
  if (!all.some((a) => a.code === 2)) all.push({ flags: 0x40, code: 2, value: new Uint8Array(0) });
  all.push({ flags: 0x40, code: 3, value: Uint8Array.of(192, 0, 2, 1) });
  all.sort((a, b) => a.code - b.code);
  const field = concat(all.map((a) => attribute(a.flags, a.code, a.value)));
  const a = (k >> 8) & 0xff;
  const b = k & 0xff;
  const nlri = Uint8Array.of(24, 10, a, b);
  const body = concat([Uint8Array.of(0, 0, field.length >> 8, field.length & 0xff), field, nlri]);
  return { update: message(MSG.UPDATE, body), prefix: `10.${a}.${b}.0/24`, field };
}

function encodeValue(codec: AttributeCodec<any>, m: unknown): Uint8Array {
  const w = new Writer(codec.encodingLength(m, attrSession.ctx));
  codec.encode(m, w, attrSession.ctx);
  return w.buf;
}

/** The attribute samples of every group (communities included while it is not in attributeSamples). */
export function allSamples(): { code: number; hex: string; ctx?: { as4?: boolean } }[] {
  const have = new Set(attributeSamples.map((s) => s.code));
  return [...attributeSamples, ...communities.samples.filter((s) => !have.has(s.code))];
}

async function arbitraries(): Promise<Record<number, fc.Arbitrary<unknown>>> {
  const out: Record<number, fc.Arbitrary<unknown>> = {};
  const dir = join(here, '../../../fuzz/arbitraries/attributes');
  for (const f of readdirSync(dir).filter((n) => n.endsWith('.ts')).sort()) {
    const mod = (await import(join(dir, f))) as { arbitraries?: Record<number, fc.Arbitrary<unknown>> };
    Object.assign(out, mod.arbitraries ?? {});
  }
  return out;
}

/**
 * Every input: vectors, samples, then `runs` generated models per attribute code with an
 * arbitrary (seed fixed). Codes in `codes` only (default: all).
 */
export async function attrInputs(runs: number, seed = 12): Promise<AttrInput[]> {
  const out: AttrInput[] = [];
  const seen = new Set<string>();
  const add = (id: string, list: readonly RawAttr[]): void => {
    if (list.some((a) => a.value.length > 3000)) return;
    const k = out.length + 1;
    const w = wrap(list, k);
    const key = toHex(w.field);
    if (seen.has(key) || w.update.length > 4096) return;
    const ours = decodeUpdate(w.update, attrSession);
    if (ours.action !== 'none' || ours.problems.length) return;
    if (ours.attributes.list.some((a) => a.value === undefined && a.codec)) return;
    seen.add(key);
    const attrs = ours.attributes.list.filter((a) => !DROPPED.has(a.code) && list.some((l) => l.code === a.code));
    out.push({ id, update: w.update, prefix: w.prefix, ours, attrs, hex: key });
  };

  // 1. whole-UPDATE vectors, 4-octet AS sessions only (the oracles are set up so)
  for (const f of readdirSync(VECTORS).filter((n) => n.endsWith('.jsonl')).sort()) {
    for (const line of readFileSync(join(VECTORS, f), 'utf8').split('\n')) {
      if (!line.trim()) continue;
      const v = JSON.parse(line) as { id: string; hex: string; as4?: boolean };
      if (v.as4 === false) continue;
      let u: BgpUpdate;
      try {
        u = decodeUpdate(fromHex(v.hex), attrSession);
      } catch {
        continue;
      }
      if (u.action !== 'none' || u.problems.length) continue;
      const list = u.attributes.list.filter((a) => !DROPPED.has(a.code));
      if (!list.length) continue;
      add(`vector ${v.id}`, list.map((a) => ({ flags: a.flags, code: a.code, value: a.raw })));
    }
  }

  // 2. samples, each in its own UPDATE (flags: the codec's)
  allSamples().forEach((s, i) => {
    const codec = attrRegistry.get(s.code);
    if (!codec || DROPPED.has(s.code) || s.ctx?.as4 === false) return;
    add(`sample ${s.code} ${i}`, [{ flags: codec.flags, code: s.code, value: fromHex(s.hex) }]);
  });

  // 3. generated models
  if (runs > 0) {
    const arbs = await arbitraries();
    for (const [c, arb] of Object.entries(arbs)) {
      const code = Number(c);
      const codec = attrRegistry.get(code);
      if (!codec || DROPPED.has(code)) continue;
      fc.sample(arb, { seed: seed + code, numRuns: runs }).forEach((m, i) => {
        try {
          add(`gen ${code} ${i}`, [{ flags: codec.flags, code, value: encodeValue(codec, m) }]);
        } catch {
          /* a model the encoder refuses: the attribute group's own tests report it */
        }
      });
    }
  }
  return out;
}
