/**
 * The one error type of every codec in ze-nlri.
 *
 * A decode or encode either returns a value or throws an `NlriError`; nothing else may escape
 * (no `RangeError` from a typed-array read, no `TypeError` from a missing field). The fields are
 * stable and meant for programs: `code` names the kind of failure, `family` the Ze family being
 * processed (empty when not known), `offset` the byte offset in the input where the problem was
 * found (-1 for errors that are not about bytes, such as bad encode arguments).
 */
export type NlriErrorCode =
  /** Fewer bytes than a field or a length needs. */
  | 'truncated'
  /** A length field that is impossible (too large for its container, too small for its content). */
  | 'bad-length'
  /** A field value outside what the RFC allows. */
  | 'bad-value'
  /** A type code (component, route type, TLV) that the family cannot decode. */
  | 'unknown-type'
  /** Input that violates an ordering, uniqueness or structure rule (strict mode and RFC rules). */
  | 'malformed'
  /** Bytes left over where none are allowed. */
  | 'trailing-bytes'
  /** The hex text of decode-nlri is not valid hex. */
  | 'invalid-hex'
  /** No codec for the family name or AFI/SAFI. */
  | 'unsupported-family'
  /** Encode arguments (Ze args tokens) that cannot be turned into an NLRI. */
  | 'invalid-args'
  /** A typed model that cannot be encoded (missing or out-of-range fields). */
  | 'invalid-model'
  /** The encoded NLRI would not fit its length field. */
  | 'too-long';

/**
 * The brand of every NlriError, whichever copy of ze-nlri made it: the ESM and the CJS builds are
 * two copies of this class (a program that both `import`s and `require`s ze-nlri loads both), so
 * `instanceof` and `isNlriError` test this process-wide symbol instead of the class identity.
 */
const BRAND: unique symbol = Symbol.for('ze-nlri.NlriError');

function branded(e: unknown): boolean {
  return typeof e === 'object' && e !== null && (e as { [BRAND]?: unknown })[BRAND] === true;
}

export class NlriError extends Error {
  /**
   * `e instanceof NlriError` is true for an NlriError of any copy of ze-nlri (ESM or CJS build).
   * A subclass keeps the usual prototype test.
   */
  static override [Symbol.hasInstance](e: unknown): e is NlriError {
    if (this !== NlriError) return Function.prototype[Symbol.hasInstance].call(this, e);
    return branded(e);
  }

  readonly code: NlriErrorCode;
  readonly family: string;
  readonly offset: number;
  /** The path attribute being processed (its JSON name, e.g. `extended-community`), or ''. */
  readonly attribute: string;

  constructor(code: NlriErrorCode, message: string, family = '', offset = -1, attribute = '') {
    super(message);
    this.name = 'NlriError';
    this.code = code;
    this.family = family;
    this.offset = offset;
    this.attribute = attribute;
  }

  /** A copy of this error attributed to `family` (used when a shared helper did not know it). */
  withFamily(family: string): NlriError {
    if (this.family === family) return this;
    const e = new NlriError(this.code, this.message, family, this.offset, this.attribute);
    e.stack = this.stack;
    return e;
  }

  /**
   * A copy located in a larger input: attributed to path attribute `attribute` and with the
   * offset moved by `shift` (an attribute value's errors, seen from the whole UPDATE).
   */
  inAttribute(attribute: string, shift = 0): NlriError {
    const e = new NlriError(this.code, this.message, this.family, this.offset < 0 ? this.offset : this.offset + shift, attribute);
    e.stack = this.stack;
    return e;
  }

  toJSON(): { code: string; family: string; attribute?: string; offset: number; message: string } {
    const o: { code: string; family: string; attribute?: string; offset: number; message: string } = { code: this.code, family: this.family, offset: this.offset, message: this.message };
    if (this.attribute) o.attribute = this.attribute;
    return o;
  }
}

Object.defineProperty(NlriError.prototype, BRAND, { value: true });

/** True for an NlriError of any copy of ze-nlri (the ESM and CJS builds share the brand). */
export function isNlriError(e: unknown): e is NlriError {
  return branded(e);
}

/** Throw an argument error (offset -1), as every `fromArgs` does. */
export function argsError(message: string, family = ''): never {
  throw new NlriError('invalid-args', message, family, -1);
}

/** Throw a model error (offset -1), for typed models that cannot be encoded. */
export function modelError(message: string, family = ''): never {
  throw new NlriError('invalid-model', message, family, -1);
}

/**
 * Run `fn` and turn any non-NlriError into one. Used only at the outermost public entry points,
 * as a last line of defence: the codecs themselves never rely on it.
 */
export function guard<T>(family: string, fn: () => T): T {
  try {
    return fn();
  } catch (e) {
    if (e instanceof NlriError) throw e.family ? e : e.withFamily(family);
    const msg = e instanceof Error ? e.message : String(e);
    throw new NlriError('malformed', `internal error: ${msg}`, family, -1);
  }
}

/**
 * `String(v)` for an error message about a bad value, never throwing: an object whose
 * `toString` is missing or throws (hostile JSON such as `{"toString":null}`) is named by its tag.
 */
export function safeString(v: unknown): string {
  try {
    return String(v);
  } catch {
    try {
      return Object.prototype.toString.call(v);
    } catch {
      return typeof v;
    }
  }
}
