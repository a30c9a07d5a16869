/**
 * decode-nlri's input bytes, decoded from hex into one reused buffer.
 *
 * `decodeHex` returns only JSON text: the models it decodes (views into the bytes) die with the
 * call, so the bytes need not be a fresh array each time. A fresh small Uint8Array also lives on
 * V8's heap, and the first `subarray` a decoder takes of it (views, not copies) makes V8 move
 * its bytes to a backing store (about 250 ns on Node 20): the reused buffer has one already.
 */
import { NIBBLE_BYTE, fromHex } from '../core/hex.js';

/** Inputs longer than this get bytes of their own (the scratch never grows past it). */
const MAX_SCRATCH = 64 * 1024;
let scratch = new Uint8Array(new ArrayBuffer(1024));
let busy = false;

/**
 * Run `fn` on the bytes of `hex` (errors as `fromHex` gives them). The bytes are only valid
 * during `fn`; a nested call gets bytes of its own.
 */
export function withHexBytes<T>(hex: string, family: string, fn: (bytes: Uint8Array) => T): T {
  const n = hex.length >>> 1;
  if (busy || n > MAX_SCRATCH || hex.length & 1) return fn(fromHex(hex, family));
  if (n > scratch.length) scratch = new Uint8Array(new ArrayBuffer(Math.min(MAX_SCRATCH, Math.max(n, scratch.length * 2))));
  const out = scratch;
  for (let i = 0, j = 0; j < n; i += 2, j++) {
    const c0 = hex.charCodeAt(i);
    const c1 = hex.charCodeAt(i + 1);
    const a = c0 < 256 ? NIBBLE_BYTE[c0]! : -1;
    const b = c1 < 256 ? NIBBLE_BYTE[c1]! : -1;
    if ((a | b) < 0) return fn(fromHex(hex, family)); // throws Go's exact message
    out[j] = (a << 4) | b;
  }
  busy = true;
  try {
    return fn(out.subarray(0, n));
  } finally {
    busy = false;
  }
}

