/**
 * The inputs every oracle sees, generic over the registry: for each registered family, its
 * canonical samples and a fixed-seed set of valid models from fuzz/arbitraries/<group>.ts, each
 * encoded by ze-nlri. With each input goes ze-nlri's own decoding (Ze's JSON, parsed), which the
 * oracles' decodings are compared with.
 */
import fc from 'fast-check';
import { decodeAll, defaultRegistry, encode, samples, toHex, toJson } from '../../../src/index.js';
import type { FamilyCodec } from '../../../src/index.js';
import { loadArbitraries } from '../../../fuzz/arbitraries/index.js';

export interface Input {
  /** `<family> sample <i>` or `<family> gen <i>`: shown in failures. */
  id: string;
  family: string;
  afi: number;
  safi: number;
  /** The NLRI bytes (one NLRI, no path id). */
  bytes: Uint8Array;
  hex: string;
  /**
   * ze-nlri's decoding (Ze's JSON object for the NLRI). From `inputsFor`: with the direction
   * unknown, as decode-nlri reads it; from `inDirection`: as read from the attribute the input is
   * sent in.
   */
  ours: Record<string, unknown>;
  /**
   * ze-nlri's decoding as read from MP_REACH_NLRI (`withdraw: false`) and from MP_UNREACH_NLRI
   * (`withdraw: true`); undefined when the bytes are not one NLRI there. They differ for a first
   * label entry 0x800000 / 0x000000: the RFC 8277 §2.4 Compatibility field of a withdrawal in
   * MP_UNREACH, a label whose S bit is clear (another label follows, §2) in MP_REACH.
   */
  reach?: Record<string, unknown>;
  unreach?: Record<string, unknown>;
}

const fromHex = (h: string): Uint8Array => Uint8Array.from(Buffer.from(h, 'hex'));

/** ze-nlri's JSON object for each NLRI in `bytes` (one object per NLRI, whatever `jsonMany`). */
export function decodeOurs(codec: FamilyCodec<any>, bytes: Uint8Array, withdraw?: boolean): Record<string, unknown>[] {
  return decodeAll(codec, bytes, withdraw === undefined ? {} : { withdraw }).map((m) => {
    const v = JSON.parse(toJson(codec, m)) as unknown;
    return (Array.isArray(v) ? v[0] : v) as Record<string, unknown>;
  });
}

/** Keep UPDATEs under 4096 octets (no Extended Message): tshark refuses bigger ones. */
const MAX_NLRI = 3000;

/** ze-nlri's decoding of `bytes` in one direction, when it is exactly one NLRI there. */
function oneOrNone(codec: FamilyCodec<any>, bytes: Uint8Array, withdraw: boolean): Record<string, unknown> | undefined {
  try {
    const v = decodeOurs(codec, bytes, withdraw);
    return v.length === 1 ? v[0] : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The input as sent in MP_UNREACH (`withdraw`) or MP_REACH: `ours` is ze-nlri's decoding from
 * that attribute; undefined when the bytes are not one NLRI there (e.g. a withdrawal's
 * Compatibility field, which has no S bit, in MP_REACH), so the input is not sent that way.
 */
export function inDirection(input: Input, withdraw: boolean): Input | undefined {
  const ours = withdraw ? input.unreach : input.reach;
  return ours && { ...input, ours };
}

let arbsPromise: ReturnType<typeof loadArbitraries> | undefined;

/**
 * Inputs for `family`: every sample, then `runs` generated models (fixed seed, so a failure is
 * reproducible), deduplicated by bytes. Inputs that ze-nlri cannot decode back are left out (the
 * round-trip test reports those).
 */
export async function inputsFor(family: string, runs: number, seed = 8): Promise<Input[]> {
  const codec = defaultRegistry.require(family);
  const out: Input[] = [];
  const seen = new Set<string>();
  const add = (id: string, bytes: Uint8Array): void => {
    const hex = toHex(bytes);
    if (seen.has(hex) || bytes.length > MAX_NLRI) return;
    let ours: Record<string, unknown>[];
    try {
      ours = decodeOurs(codec, bytes);
    } catch {
      return;
    }
    if (ours.length !== 1) return;
    const reach = oneOrNone(codec, bytes, false);
    const unreach = oneOrNone(codec, bytes, true);
    if (!reach && !unreach) return;
    seen.add(hex);
    out.push({ id, family, afi: codec.afi, safi: codec.safi, bytes, hex, ours: ours[0]!, reach, unreach });
  };
  samples.filter((s) => s.family === family).forEach((s, i) => add(`${family} sample ${i}`, fromHex(s.hex)));
  arbsPromise ??= loadArbitraries();
  const arb = (await arbsPromise).get(family);
  if (arb && runs > 0) {
    fc.sample(arb, { seed, numRuns: runs }).forEach((m, i) => {
      try {
        add(`${family} gen ${i}`, encode(codec, m as never));
      } catch {
        /* an arbitrary the encoder refuses: the round-trip test reports it */
      }
    });
  }
  return out;
}

/** Every registered family name. */
export const registeredFamilies = (): string[] => defaultRegistry.list().map((c) => c.name);
