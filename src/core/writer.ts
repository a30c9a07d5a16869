/**
 * A writer into one buffer whose size is known in advance.
 *
 * Encoders measure first (`encodingLength`), allocate once, then write: no growing, no
 * concatenation. `finish()` checks that the measured and the written sizes agree, which turns a
 * length bug in an encoder into an immediate error instead of a corrupt NLRI.
 */
import { NlriError } from './errors.js';

export class Writer {
  readonly buf: Uint8Array;
  readonly view: DataView;
  pos: number;

  constructor(sizeOrBuf: number | Uint8Array, start = 0) {
    this.buf = typeof sizeOrBuf === 'number' ? new Uint8Array(sizeOrBuf) : sizeOrBuf;
    this.view = new DataView(this.buf.buffer, this.buf.byteOffset, this.buf.byteLength);
    this.pos = start;
  }

  private room(n: number): void {
    if (this.pos + n > this.buf.length) {
      throw new NlriError('too-long', `encoder wrote past its measured length (${this.buf.length})`, '', this.pos);
    }
  }

  u8(v: number): void {
    this.room(1);
    this.buf[this.pos++] = v;
  }

  u16(v: number): void {
    this.room(2);
    this.view.setUint16(this.pos, v);
    this.pos += 2;
  }

  u24(v: number): void {
    this.room(3);
    const b = this.buf;
    b[this.pos] = v >>> 16;
    b[this.pos + 1] = v >>> 8;
    b[this.pos + 2] = v;
    this.pos += 3;
  }

  u32(v: number): void {
    this.room(4);
    this.view.setUint32(this.pos, v >>> 0);
    this.pos += 4;
  }

  u64(v: bigint): void {
    this.room(8);
    this.view.setBigUint64(this.pos, BigInt.asUintN(64, v));
    this.pos += 8;
  }

  /** An unsigned big-endian integer of `n` (1..6) bytes. */
  uint(v: number, n: number): void {
    this.room(n);
    for (let i = n - 1; i >= 0; i--) {
      this.buf[this.pos + i] = v % 256;
      v = Math.floor(v / 256);
    }
    this.pos += n;
  }

  bytes(b: Uint8Array): void {
    this.room(b.length);
    this.buf.set(b, this.pos);
    this.pos += b.length;
  }

  /** `n` zero bytes. */
  zeros(n: number): void {
    this.room(n);
    this.buf.fill(0, this.pos, this.pos + n);
    this.pos += n;
  }

  /** The written buffer; throws if fewer bytes were written than were measured. */
  finish(): Uint8Array {
    if (this.pos !== this.buf.length) {
      throw new NlriError('too-long', `encoder wrote ${this.pos} bytes but measured ${this.buf.length}`, '', this.pos);
    }
    return this.buf;
  }
}
