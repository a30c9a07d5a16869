import { describe, expect, it } from 'vitest';
import { copyBytes, NlriError, Reader, Writer } from '../../src/core/index.js';
import { codecError as err } from '../support/helpers.js';


describe('Reader', () => {
  const buf = Uint8Array.from([0x01, 0x02, 0x03, 0x04, 0x05, 0x06, 0x07, 0x08, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff]);

  it('reads big-endian integers of every width', () => {
    const r = new Reader(buf);
    expect(r.u8()).toBe(0x01);
    expect(r.u16()).toBe(0x0203);
    expect(r.u24()).toBe(0x040506);
    expect(r.u8()).toBe(0x07);
    expect(r.pos).toBe(7);
    r.pos = 8;
    expect(r.u64()).toBe(0xffffffffffffffffn);
    r.pos = 8;
    expect(r.u32()).toBe(0xffffffff);
    r.pos = 0;
    expect(r.uint(6)).toBe(0x010203040506);
  });

  it('returns views, not copies', () => {
    const r = new Reader(buf);
    r.skip(2);
    const v = r.bytes(3);
    expect([...v]).toEqual([3, 4, 5]);
    expect(v.buffer).toBe(buf.buffer);
    expect(v.byteOffset).toBe(buf.byteOffset + 2);
  });

  it('fails with truncated, the family and the offset relative to the input start', () => {
    const r = new Reader(buf, 'ipv4/flow', 4, 6);
    r.u8();
    const e = err(() => r.u16('port value'));
    expect(e.code).toBe('truncated');
    expect(e.family).toBe('ipv4/flow');
    expect(e.offset).toBe(1);
    expect(e.message).toBe('port value needs 2 bytes, 1 left');
  });

  it('never lets a RangeError out, for any read past the end', () => {
    const r = new Reader(new Uint8Array(0));
    for (const f of [() => r.u8(), () => r.u16(), () => r.u24(), () => r.u32(), () => r.u64(), () => r.bytes(1), () => r.uint(3), () => r.skip(1), () => r.peek(), () => r.bytes(-1)]) {
      expect(err(f).code).toBe('truncated');
    }
  });

  it('limit() checks the declared length against what is there, restore() moves past the section', () => {
    const r = new Reader(buf);
    r.u8();
    expect(err(() => r.limit(100, 'TLV length')).message).toBe('TLV length 100 exceeds the 15 bytes left');
    const old = r.limit(3);
    expect(r.remaining).toBe(3);
    expect(err(() => r.u32()).code).toBe('truncated');
    r.u8();
    r.restore(old);
    expect(r.pos).toBe(4);
    expect(r.end).toBe(buf.length);
  });

  it('works on a Buffer slice that does not start at offset 0 of its ArrayBuffer', () => {
    const big = Buffer.from('00000000ABCD', 'hex');
    const slice = big.subarray(4);
    expect(new Reader(slice).u16()).toBe(0xabcd);
  });
});

describe('Writer', () => {
  it('writes big-endian values into a buffer of the measured size', () => {
    const w = new Writer(1 + 2 + 3 + 4 + 8 + 3 + 2);
    w.u8(0xab);
    w.u16(0x0102);
    w.u24(0x030405);
    w.u32(0xfffffffe);
    w.u64(0x0102030405060708n);
    w.uint(0x0a0b0c, 3);
    w.zeros(2);
    expect(Buffer.from(w.finish()).toString('hex')).toBe('ab0102030405fffffffe01020304050607080a0b0c0000');
  });

  it('refuses to write past the measured length', () => {
    const w = new Writer(1);
    w.u8(1);
    expect(err(() => w.u8(2)).code).toBe('too-long');
  });

  it('finish() refuses a short write (measure and write disagree)', () => {
    const w = new Writer(2);
    w.u8(1);
    expect(err(() => w.finish()).message).toBe('encoder wrote 1 bytes but measured 2');
  });
});

describe('copyBytes', () => {
  // Each path: a short loop, a loop over a small (possibly on-heap) source, `set` of a subarray
  // of a large one; offsets inside both arrays, the bytes around the window untouched.
  it.each([3, 47, 48, 60, 64, 65, 100, 300])('%i octets', (n) => {
    const src = new Uint8Array(n + 5).map((_, i) => (i * 7 + 1) & 0xff);
    const out = new Uint8Array(n + 10).fill(0xee);
    copyBytes(out, 4, src, 3, n);
    expect(Array.from(out.subarray(0, 4))).toEqual([0xee, 0xee, 0xee, 0xee]);
    expect(Array.from(out.subarray(4, 4 + n))).toEqual(Array.from(src.subarray(3, 3 + n)));
    expect(Array.from(out.subarray(4 + n))).toEqual(new Array(6).fill(0xee));
  });
});
