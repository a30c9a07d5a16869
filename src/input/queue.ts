/**
 * The byte queue every streaming reader of `src/input` is built on: chunks are pushed in as they
 * are read, the reader looks at the bytes at the front and takes whole records off it. Only the
 * unread tail of the previous chunk is ever copied (into the front of the next one), so memory is
 * one chunk plus the longest record, whatever the size of the file. Taken records are views
 * (subarrays) of buffers that are never written again: they stay valid after later pushes.
 */
export class ByteQueue {
  /** The bytes not yet taken start at `pos` in `buf`. */
  buf: Uint8Array = new Uint8Array(0);
  pos = 0;
  /** File offset of `buf[0]`. */
  base = 0;

  push(chunk: Uint8Array): void {
    const left = this.buf.length - this.pos;
    if (left === 0) {
      this.base += this.buf.length;
      this.buf = chunk;
    } else {
      const b = new Uint8Array(left + chunk.length);
      b.set(this.buf.subarray(this.pos), 0);
      b.set(chunk, left);
      this.base += this.pos;
      this.buf = b;
    }
    this.pos = 0;
  }

  /** Octets available to read. */
  get length(): number {
    return this.buf.length - this.pos;
  }

  /** File offset of the next unread octet. */
  get offset(): number {
    return this.base + this.pos;
  }

  /** Octet `i` after the read position (the caller checked `length`). */
  at(i: number): number {
    return this.buf[this.pos + i]!;
  }

  u16(i: number): number {
    const b = this.buf;
    const p = this.pos + i;
    return (b[p]! << 8) | b[p + 1]!;
  }

  u32(i: number): number {
    const b = this.buf;
    const p = this.pos + i;
    return ((b[p]! << 24) | (b[p + 1]! << 16) | (b[p + 2]! << 8) | b[p + 3]!) >>> 0;
  }

  u32le(i: number): number {
    const b = this.buf;
    const p = this.pos + i;
    return (b[p]! | (b[p + 1]! << 8) | (b[p + 2]! << 16) | (b[p + 3]! << 24)) >>> 0;
  }

  /** Take `n` octets (a view). */
  take(n: number): Uint8Array {
    const v = this.buf.subarray(this.pos, this.pos + n);
    this.pos += n;
    return v;
  }

  /** Drop `n` octets (at most what is there). */
  skip(n: number): void {
    this.pos = Math.min(this.buf.length, this.pos + n);
  }
}

/** Big-endian reads on a plain view (bounds checked by the caller). */
export function be16(b: Uint8Array, i: number): number {
  return (b[i]! << 8) | b[i + 1]!;
}

export function be32(b: Uint8Array, i: number): number {
  return ((b[i]! << 24) | (b[i + 1]! << 16) | (b[i + 2]! << 8) | b[i + 3]!) >>> 0;
}
