/**
 * Byte arrays carved from shared ArrayBuffers ("slabs"): one backing store for many results.
 *
 * On Node 20 `new Uint8Array(n)` of more than 64 octets gets a backing store of its own outside
 * the heap: 270-370 ns each (65-240 octets, 2-core Xeon, 2026-12-06), against 30-35 ns up to 64
 * octets, which V8 keeps on the heap. A window of an existing ArrayBuffer costs 29-37 ns at any
 * size. Every window is handed out once and its octets are zero until its owner writes them,
 * as with `new Uint8Array(n)`; a slab is freed with the last window using it. A window's `.buffer`
 * is the slab and its `.byteOffset` where it lies: copy it (`slice()`) before transferring its
 * buffer to a worker. A slab detached by such a transfer is replaced, not reused. One window kept
 * keeps its whole slab alive (16 KiB for `allocBytes`), as a pooled Buffer keeps Node's 8 KiB pool:
 * copy a result you keep for long among many you drop.
 */
export class Slab {
  private buf = new ArrayBuffer(0);
  private pos = 0;

  /** Slabs of `size` octets; requests above `max` get an array of their own. */
  constructor(
    readonly size: number,
    readonly max: number,
  ) {}

  /** `n` zero octets: a window of the current slab, or of a new one when it is full. */
  alloc(n: number): Uint8Array {
    if (n > this.max) return new Uint8Array(n);
    if (this.pos + n > this.buf.byteLength) {
      this.buf = new ArrayBuffer(this.size);
      this.pos = 0;
    }
    const v = new Uint8Array(this.buf, this.pos, n);
    this.pos = (this.pos + n + 7) & ~7; // the next window starts 8-aligned, for DataViews over it
    return v;
  }
}

/** Encoders' results: 16 KiB slabs, windows of 65 to 1024 octets. */
const results = new Slab(16384, 1024);

/**
 * `n` zero octets for an encoder's result: `new Uint8Array(n)` up to 64 octets (V8 keeps those on
 * the heap, the cheapest), otherwise a window of a shared slab (see `Slab`).
 */
export function allocBytes(n: number): Uint8Array {
  return n <= 64 ? new Uint8Array(n) : results.alloc(n);
}
