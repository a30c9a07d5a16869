import { Reader } from '../../../src/core/reader.js';
import { NlriError } from '../../../src/core/errors.js';
import { toHex } from '../../../src/core/hex.js';
import { Registry } from '../../../src/registry/registry.js';
import { decodeAll, encode, toJson } from '../../../src/registry/ops.js';
import { codecs } from '../../../families/flowspec/index.js';
import type { FlowSpecNlri } from '../../../families/flowspec/index.js';

export const reg = new Registry(codecs);
export const bytes = (hex: string): Uint8Array => Uint8Array.from(Buffer.from(hex, 'hex'));

/** decode-nlri text, or `error: <message>`. */
export function decodeText(family: string, hex: string, strict = false): string {
  try {
    return reg.decodeHex(family, hex, { strict });
  } catch (e) {
    if (e instanceof NlriError) return 'error: ' + e.message;
    throw e;
  }
}

export function models(family: string, hex: string, strict = false): FlowSpecNlri[] {
  return decodeAll(reg.require(family), bytes(hex), { strict }) as FlowSpecNlri[];
}

export function encodeHex(family: string, m: FlowSpecNlri | FlowSpecNlri[]): string {
  return toHex(encode(reg.require(family), m));
}

export function json(family: string, m: FlowSpecNlri): string {
  return toJson(reg.require(family), m);
}

/** The NlriError thrown by `fn`. */
/** encode-nlri args → hex, or `error: <message>` for an NlriError (so a table can hold both). */
export function enc(family: string, args: string[]): string {
  try {
    return reg.encodeArgs(family, args);
  } catch (e) {
    if (e instanceof NlriError) return 'error: ' + e.message;
    throw e;
  }
}

export function errorOf(fn: () => unknown): NlriError {
  try {
    fn();
  } catch (e) {
    if (e instanceof NlriError) return e;
    throw e;
  }
  throw new Error('expected an NlriError');
}

export { Reader };
