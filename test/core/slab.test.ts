// core/slab.ts: results carved from shared ArrayBuffers. A window is handed out once, zeroed,
// 8-aligned after the previous one, never overlapping another; big requests and full or detached
// slabs get new storage. And `encode` results over 64 octets (slab windows) stay correct when
// many are kept: each equals the same NLRIs written by `encodeInto` into a buffer of its own.
import { describe, expect, it } from 'vitest';
import { toHex } from '../../src/core/index.js';
import { allocBytes, Slab } from '../../src/core/slab.js';
import { createDefaultRegistry, decodeAll, encode, encodeInto, samples } from '../../src/index.js';
import { bytes } from '../support/helpers.js';

describe('Slab', () => {
  it('hands out zeroed, disjoint, 8-aligned windows of one buffer until it is full', () => {
    const s = new Slab(64, 32);
    const a = s.alloc(5);
    const b = s.alloc(13);
    const c = s.alloc(32);
    expect(a.buffer).toBe(b.buffer);
    expect([a.byteOffset, b.byteOffset, c.byteOffset]).toEqual([0, 8, 24]);
    expect([a.length, b.length, c.length]).toEqual([5, 13, 32]);
    expect([...a, ...b, ...c].every((x) => x === 0)).toBe(true);
    a.fill(1);
    b.fill(2);
    c.fill(3);
    expect([...a].every((x) => x === 1) && [...b].every((x) => x === 2) && [...c].every((x) => x === 3)).toBe(true);
    // 24 + 32 = 56, aligned to 56: 8 left, not enough for 9: a new slab.
    const d = s.alloc(9);
    expect(d.buffer).not.toBe(c.buffer);
    expect(d.byteOffset).toBe(0);
    expect(d.every((x) => x === 0)).toBe(true);
  });

  it('gives a request above its maximum an array of its own', () => {
    const s = new Slab(64, 32);
    const big = s.alloc(33);
    expect(big.byteOffset).toBe(0);
    expect(big.buffer.byteLength).toBe(33);
  });

  it('replaces a slab detached by a transfer', () => {
    const s = new Slab(64, 32);
    const a = s.alloc(8);
    structuredClone(a.buffer, { transfer: [a.buffer as ArrayBuffer] });
    expect(a.length).toBe(0); // detached
    const b = s.alloc(8);
    expect(b.length).toBe(8);
    expect(b.buffer.byteLength).toBe(64);
  });

  it('allocBytes: up to 64 octets an array of its own, above a window of a shared slab', () => {
    const small = allocBytes(64);
    expect(small.buffer.byteLength).toBe(64);
    const x = allocBytes(65);
    const y = allocBytes(100);
    expect(x.buffer).toBe(y.buffer);
    expect(x.length).toBe(65);
    expect(y.byteOffset).toBe(x.byteOffset + 72);
    expect(allocBytes(1025).buffer.byteLength).toBe(1025);
  });
});

describe('encode results in slabs', () => {
  it('many kept results of every size are each the bytes encodeInto writes alone', () => {
    const reg = createDefaultRegistry();
    const kept: [Uint8Array, string][] = [];
    for (let round = 0; round < 40; round++) {
      for (const s of samples) {
        const c = reg.require(s.family);
        const ms = decodeAll(c, bytes(s.hex));
        // Several copies of the sample in one call: sizes from 1 to a few hundred octets.
        const list = Array.from({ length: 1 + (round % 7) }, () => ms).flat();
        const out = encode(c, list, { addPath: round % 2 === 1 });
        const alone = new Uint8Array(out.length);
        encodeInto(c, list, alone, 0, { addPath: round % 2 === 1 });
        kept.push([out, toHex(alone)]);
      }
    }
    expect(kept.some(([o]) => o.length > 64 && o.byteOffset > 0)).toBe(true);
    for (const [o, want] of kept) expect(toHex(o)).toBe(want);
  });
});
