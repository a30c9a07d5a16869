/**
 * Errors of the streaming readers: an `NlriError` whose offset is the FILE offset of the octet
 * at fault, and whether the reader could go on. A framing error (a record length that cannot be
 * true, a bad magic) stops the reader: nothing after it can be found again reliably. An error
 * inside a record whose length was sound is reported and the reader continues with the next record.
 */
import { NlriError, type NlriErrorCode } from '../core/errors.js';

export interface InputError {
  readonly kind: 'error';
  /** File offset of the record (or octet) at fault. */
  readonly offset: number;
  readonly error: NlriError;
  /** True when the reader stopped here (framing lost); false when it continues after the record. */
  readonly fatal: boolean;
}

export function inputError(code: NlriErrorCode, message: string, offset: number, fatal: boolean): InputError {
  return { kind: 'error', offset, error: new NlriError(code, message, '', offset), fatal };
}
