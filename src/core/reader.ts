/**
 * A bounds-checked cursor over one input buffer.
 *
 * No `DataView` for reads (one is made only if a caller asks for `view`), `pos`/`end` as plain numbers, typed big-endian reads, and
 * `bytes(n)` that returns a `subarray` view: decoding never copies input bytes. Every read checks
 * the bound first and throws `NlriError('truncated')` with the absolute offset, so no
 * `RangeError` can come out of the DataView.
 *
 * Nested lengths use `limit(n)` / `restore(oldEnd)`: the end moves in, the caller reads the
 * section, then puts the old end back. No sub-reader is allocated.
 */
import { NlriError, type NlriErrorCode } from './errors.js';

/**
 * The big-endian 8-octet value at `b[p..p+8)` (bounds are the caller's): two 32-bit halves, one
 * BigInt for the common value below 2^53. What `Reader.u64` and the lazy views read.
 */
export function u64At(b: ArrayLike<number>, p: number): bigint {
  const hi = b[p]! * 0x1000000 + ((b[p + 1]! << 16) | (b[p + 2]! << 8) | b[p + 3]!);
  const lo = b[p + 4]! * 0x1000000 + ((b[p + 5]! << 16) | (b[p + 6]! << 8) | b[p + 7]!);
  if (hi < 0x200000) return BigInt(hi * 0x100000000 + lo); // below 2^53: exact as a number
  return (BigInt(hi) << 32n) | BigInt(lo);
}

export class Reader {
  readonly buf: Uint8Array;
  private dv: DataView | undefined;
  /** Next byte to read (absolute index into `buf`). */
  pos: number;
  /** One past the last readable byte (absolute). */
  end: number;
  /** Index of the first byte of the input, so error offsets are relative to what the caller passed. */
  readonly base: number;
  /** Family name put into errors. */
  family: string;

  constructor(buf: Uint8Array, family = '', start = 0, end = buf.length) {
    if (start < 0 || end > buf.length || start > end) {
      throw new NlriError('bad-length', `reader window ${start}..${end} outside a buffer of ${buf.length}`, family, 0);
    }
    this.buf = buf;
    this.dv = undefined;
    this.pos = start;
    this.end = end;
    this.base = start;
    this.family = family;
  }

  /**
   * The DataView over the input, made on first use: 8-byte reads need it, the narrower reads go
   * straight through the Uint8Array, so a decode that never reads 64 bits never pays for it.
   */
  get view(): DataView {
    return (this.dv ??= new DataView(this.buf.buffer, this.buf.byteOffset, this.buf.byteLength));
  }

  /** Bytes left before `end`. */
  get remaining(): number {
    return this.end - this.pos;
  }

  /** Offset of `pos` relative to the start of the input. */
  get offset(): number {
    return this.pos - this.base;
  }

  atEnd(): boolean {
    return this.pos >= this.end;
  }

  /** Throw a codec error located at absolute index `at` (default: the current position). */
  fail(code: NlriErrorCode, message: string, at: number = this.pos): never {
    throw new NlriError(code, message, this.family, at - this.base);
  }

  /** Make sure `n` more bytes are readable; `what` names the field for the message. */
  need(n: number, what = 'field'): void {
    if (n > this.end - this.pos) {
      this.fail('truncated', `${what} needs ${n} byte${n === 1 ? '' : 's'}, ${this.end - this.pos} left`);
    }
  }

  u8(what = 'byte'): number {
    if (this.pos >= this.end) this.need(1, what);
    return this.buf[this.pos++]!;
  }

  /** Look at the next byte without moving. */
  peek(what = 'byte'): number {
    if (this.pos >= this.end) this.need(1, what);
    return this.buf[this.pos]!;
  }

  u16(what = 'u16'): number {
    if (this.end - this.pos < 2) this.need(2, what);
    const p = this.pos;
    this.pos = p + 2;
    return (this.buf[p]! << 8) | this.buf[p + 1]!;
  }

  u24(what = 'u24'): number {
    if (this.end - this.pos < 3) this.need(3, what);
    const b = this.buf;
    const p = this.pos;
    this.pos = p + 3;
    return (b[p]! << 16) | (b[p + 1]! << 8) | b[p + 2]!;
  }

  u32(what = 'u32'): number {
    if (this.end - this.pos < 4) this.need(4, what);
    const b = this.buf;
    const p = this.pos;
    this.pos = p + 4;
    return b[p]! * 0x1000000 + ((b[p + 1]! << 16) | (b[p + 2]! << 8) | b[p + 3]!);
  }

  u64(what = 'u64'): bigint {
    if (this.end - this.pos < 8) this.need(8, what);
    // Two 32-bit halves, not DataView.getBigUint64: no DataView is made (making one over a
    // small on-heap array costs more than the decode), and the common small value is one BigInt.
    const p = this.pos;
    this.pos = p + 8;
    return u64At(this.buf, p);
  }

  /** An unsigned big-endian integer of 1..6 bytes as a number (exact up to 2^48). */
  uint(n: number, what = 'integer'): number {
    if (this.end - this.pos < n) this.need(n, what);
    let v = 0;
    for (let i = 0; i < n; i++) v = v * 256 + this.buf[this.pos + i]!;
    this.pos += n;
    return v;
  }

  /** A view of the next `n` bytes (no copy). */
  bytes(n: number, what = 'bytes'): Uint8Array {
    if (n < 0 || this.end - this.pos < n) this.need(n < 0 ? Number.MAX_SAFE_INTEGER : n, what);
    const p = this.pos;
    this.pos = p + n;
    return this.buf.subarray(p, p + n);
  }

  skip(n: number, what = 'bytes'): void {
    if (this.end - this.pos < n) this.need(n, what);
    this.pos += n;
  }

  /**
   * Restrict reading to the next `n` bytes; returns the previous end, to give to `restore`.
   * A length field is checked here against what is really there: lengths are never trusted.
   */
  limit(n: number, what = 'length'): number {
    if (n > this.end - this.pos) {
      this.fail('truncated', `${what} ${n} exceeds the ${this.end - this.pos} bytes left`);
    }
    const old = this.end;
    this.end = this.pos + n;
    return old;
  }

  /** Undo `limit`: the caller must have consumed the section (or chooses to skip its rest). */
  restore(oldEnd: number): void {
    this.pos = this.end;
    this.end = oldEnd;
  }
}
