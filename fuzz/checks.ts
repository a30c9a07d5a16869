/**
 * The properties every codec must hold for any input, shared by the fuzz runner (`npm run fuzz`)
 * and the short smoke run in `npm test`:
 *
 * 1. Decoding any bytes gives a value or an `NlriError`, nothing else (lengths never trusted).
 * 2. A decoded value renders to valid JSON text (the engine pastes it unchecked into events).
 * 3. A decoded value encodes without anything but an `NlriError`, and when it does encode, decoding
 *    those bytes gives the same JSON and encoding it again gives the same bytes (stable canonical form).
 */
import { NlriError } from '../src/core/errors.js';
import type { DecodeOptions, FamilyCodec } from '../src/registry/family.js';
import { decodeAll, encode, toJson } from '../src/registry/ops.js';

export interface Finding {
  family: string;
  hex: string;
  opts: DecodeOptions;
  problem: string;
}

const hex = (b: Uint8Array): string => Buffer.from(b).toString('hex').toUpperCase();

/** Check one input; returns a finding or undefined. `decoded` tells whether it decoded. */
export function checkBytes(codec: FamilyCodec<any>, bytes: Uint8Array, opts: DecodeOptions): { finding?: Finding; decoded: boolean } {
  const finding = (problem: string): { finding: Finding; decoded: boolean } => ({
    finding: { family: codec.name, hex: hex(bytes), opts, problem },
    decoded: false,
  });
  let models: any[];
  try {
    models = decodeAll(codec, bytes, opts);
  } catch (e) {
    if (e instanceof NlriError) return { decoded: false };
    return finding(`decode threw ${describe(e)}`);
  }
  if (models.length === 0) return { decoded: true };
  let json: string;
  try {
    json = toJson(codec, models);
    JSON.parse(json);
  } catch (e) {
    return finding(`JSON rendering failed: ${describe(e)}`);
  }
  let again: Uint8Array;
  try {
    again = encode(codec, models, { addPath: opts.addPath });
  } catch (e) {
    if (e instanceof NlriError) return { decoded: true };
    return finding(`encode of a decoded value threw ${describe(e)}`);
  }
  try {
    const models2 = decodeAll(codec, again, opts);
    const json2 = toJson(codec, models2);
    if (json2 !== json) return finding(`re-encoded bytes ${hex(again)} decode to ${json2}, not ${json}`);
    const third = encode(codec, models2, { addPath: opts.addPath });
    if (hex(third) !== hex(again)) return finding(`encoding is not stable: ${hex(again)} then ${hex(third)}`);
  } catch (e) {
    return finding(`re-encoded bytes ${hex(again)} fail to decode: ${describe(e)}`);
  }
  return { decoded: true };
}

/** Check a generated model: encode, decode, encode again gives the same bytes and JSON. */
export function checkModel(codec: FamilyCodec<any>, model: unknown): Finding | undefined {
  let bytes: Uint8Array;
  try {
    bytes = encode(codec, model as any);
  } catch (e) {
    return { family: codec.name, hex: '', opts: {}, problem: `encode of a generated model threw ${describe(e)}` };
  }
  const f = (problem: string): Finding => ({ family: codec.name, hex: hex(bytes), opts: {}, problem });
  try {
    const json = toJson(codec, model as any);
    const back = decodeAll(codec, bytes, {});
    if (back.length !== 1) return f(`decoded ${back.length} NLRIs from one encoded model`);
    const json2 = toJson(codec, back[0]);
    if (json2 !== json) return f(`model JSON ${json} but decoded ${json2}`);
    const again = encode(codec, back[0]);
    if (hex(again) !== hex(bytes)) return f(`re-encoding gives ${hex(again)}`);
  } catch (e) {
    return f(`round trip threw ${describe(e)}`);
  }
  return undefined;
}

function describe(e: unknown): string {
  if (e instanceof Error) return `${e.name}: ${e.message}`;
  return String(e);
}

/** Byte-level mutations of a seed: flips, truncation, insertion, length-field nudges. */
export function mutate(seed: Uint8Array, rnd: () => number): Uint8Array {
  const b = Array.from(seed);
  const n = 1 + Math.floor(rnd() * 4);
  for (let k = 0; k < n; k++) {
    const op = Math.floor(rnd() * 7);
    const i = b.length ? Math.floor(rnd() * b.length) : 0;
    switch (op) {
      case 0: if (b.length) b[i] = Math.floor(rnd() * 256); break;
      case 1: if (b.length) b[i]! ^= 1 << Math.floor(rnd() * 8); break;
      case 2: b.length = Math.floor(rnd() * b.length); break;
      case 3: b.splice(i, 0, Math.floor(rnd() * 256)); break;
      case 4: if (b.length) b[i] = [0, 1, 0x7f, 0x80, 0xef, 0xf0, 0xff][Math.floor(rnd() * 7)]!; break;
      case 5: if (b.length) b.splice(i, 1); break;
      case 6: b.push(...b.slice(0, Math.floor(rnd() * b.length))); break;
    }
  }
  return Uint8Array.from(b.slice(0, 4096));
}
