/** Small helpers shared by the unit tests. */
import { NlriError } from '../../src/core/errors.js';

/** Hex text (either case) to bytes. */
export const bytes = (hex: string): Uint8Array => Uint8Array.from(Buffer.from(hex, 'hex'));

/** Run `fn`, which must throw an NlriError, and return that error (anything else fails the test). */
export function codecError(fn: () => unknown): NlriError {
  try {
    fn();
  } catch (e) {
    if (e instanceof NlriError) return e;
    throw e;
  }
  throw new Error('expected an NlriError, nothing was thrown');
}
