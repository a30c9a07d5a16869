// The allocation-free paths of issue 16: Writer.reset/range and 64-bit writes without a DataView,
// Reader.u64 without one, encodeInto (measure, check room, write in place), encode and decodeAll
// fast paths, and decode-nlri's reused hex buffer. Expected bytes are written out by hand from the
// layouts (RFC 4364 §4.3.4 / RFC 8277 §2.2 for the VPN NLRI; two's-complement big-endian integers).
import { describe, expect, it } from 'vitest';
import { NlriError, Reader, Writer, toHex } from '../../src/core/index.js';
import { createDefaultRegistry, decodeAll, decodeHex, encode, encodeInto } from '../../src/index.js';
import { codecError as err } from '../support/helpers.js';

const reg = createDefaultRegistry();
// VPN-IPv4: length 112 bits, label 1000 with S (0x003E81), RD 0:65000:100, 10.0.0.0/24.
const VPN_HEX = '70003E810000FDE8000000640A0000';
const vpn = reg.require('ipv4/mpls-vpn');
const vpnModel = decodeAll(vpn, Buffer.from(VPN_HEX, 'hex'))[0]!;

describe('Writer without a DataView', () => {
  it('writes 64-bit values big-endian, high and low halves', () => {
    const w = new Writer(16);
    w.u64(0x0102030405060708n);
    w.u64(-1n); // wraps to 2^64-1
    expect(toHex(w.finish())).toBe('0102030405060708FFFFFFFFFFFFFFFF');
    const edges = new Writer(32);
    edges.u64(256n);
    edges.u64(2n ** 53n - 1n); // the largest value written without BigInt arithmetic
    edges.u64(2n ** 53n);
    edges.u64(2n ** 64n + 5n); // wraps to 5
    expect(toHex(edges.finish())).toBe('0000000000000100' + '001FFFFFFFFFFFFF' + '0020000000000000' + '0000000000000005');
  });

  it('range copies a window without a subarray, short and long', () => {
    const src = Uint8Array.from({ length: 40 }, (_, i) => i);
    const w = new Writer(3 + 20);
    w.range(src, 5, 8);
    w.range(src, 10, 30);
    expect([...w.finish()]).toEqual([5, 6, 7, ...Array.from({ length: 20 }, (_, i) => 10 + i)]);
    const short = new Writer(2);
    expect(err(() => short.range(src, 0, 3)).code).toBe('too-long');
  });

  it('reset points the writer at a window of another buffer; finish wants that window full', () => {
    const buf = new Uint8Array(8).fill(0xee);
    const w = new Writer(0).reset(buf, 2, 5);
    w.u16(0xabcd);
    expect(err(() => w.finish()).message).toBe('encoder wrote 4 bytes but measured 5');
    w.u8(1);
    expect(w.finish()).toBe(buf);
    expect(toHex(buf)).toBe('EEEEABCD01EEEEEE');
    expect(err(() => w.u8(2)).code).toBe('too-long');
  });

  it('still offers a DataView on demand', () => {
    const w = new Writer(4);
    w.u32(0x11223344);
    expect(w.view.getUint32(0)).toBe(0x11223344);
  });
});

describe('Reader.u64 without a DataView', () => {
  it.each([
    ['0000000000000000', 0n],
    ['0000000000000100', 256n],
    ['001FFFFFFFFFFFFF', 2n ** 53n - 1n],
    ['0020000000000000', 2n ** 53n],
    ['8000000000000001', 2n ** 63n + 1n],
    ['FFFFFFFFFFFFFFFF', 2n ** 64n - 1n],
  ])('%s', (hex, v) => {
    const r = new Reader(Buffer.from(hex, 'hex'));
    expect(r.u64()).toBe(v);
    expect(r.pos).toBe(8);
  });

  it('is truncated at the input end with the offset of the read', () => {
    const e = err(() => new Reader(new Uint8Array(7)).u64());
    expect(e.code).toBe('truncated');
    expect(e.offset).toBe(0);
  });
});

describe('encodeInto', () => {
  it('writes the same bytes as encode at the offset and returns the end', () => {
    const buf = new Uint8Array(20).fill(0xaa);
    expect(encodeInto(vpn, vpnModel, buf, 3)).toBe(3 + 15);
    expect(toHex(buf)).toBe('AAAAAA' + VPN_HEX + 'AAAA');
    expect(toHex(encode(vpn, vpnModel))).toBe(VPN_HEX);
  });

  it('writes several models back to back, with path ids when asked (RFC 7911 §3)', () => {
    const buf = new Uint8Array(64);
    const wire = '00000007' + VPN_HEX + '00000000' + VPN_HEX;
    const two = decodeAll(vpn, Buffer.from(wire, 'hex'), { addPath: true });
    expect(two.map((m) => m.pathId)).toEqual([7, 0]);
    const end = encodeInto(vpn, two, buf, 1, { addPath: true });
    expect(end).toBe(1 + 2 * (4 + 15));
    expect(toHex(buf.subarray(1, end))).toBe(wire);
  });

  it('refuses what does not fit, writing nothing', () => {
    const buf = new Uint8Array(16).fill(0xaa);
    const e = err(() => encodeInto(vpn, vpnModel, buf, 2));
    expect(e).toBeInstanceOf(NlriError);
    expect(e.code).toBe('too-long');
    expect(e.family).toBe('ipv4/mpls-vpn');
    expect(e.offset).toBe(2);
    expect(e.message).toBe('15 bytes do not fit at offset 2 of a 16-byte buffer');
    expect([...buf].every((b) => b === 0xaa)).toBe(true);
    expect(err(() => encodeInto(vpn, vpnModel, new Uint8Array(64), -1)).code).toBe('too-long');
  });

  it('allocates nothing per call', () => {
    // No timing: a heap count over many calls, far below one byte per call on average.
    const buf = new Uint8Array(32);
    for (let i = 0; i < 20_000; i++) encodeInto(vpn, vpnModel, buf, 0);
    const gc = (globalThis as { gc?: () => void }).gc;
    if (!gc) return; // the count needs --expose-gc; the bytes are checked above
    gc();
    const before = process.memoryUsage().heapUsed;
    for (let i = 0; i < 100_000; i++) encodeInto(vpn, vpnModel, buf, 0);
    expect(process.memoryUsage().heapUsed - before).toBeLessThan(100_000);
  });

  it('a family error during the write carries the family and leaves the next call working', () => {
    const bad = { ...vpnModel, labels: [] } as typeof vpnModel;
    const e = err(() => encodeInto(vpn, bad, new Uint8Array(64), 0));
    expect(e.family).toBe('ipv4/mpls-vpn');
    const buf = new Uint8Array(15);
    expect(encodeInto(vpn, vpnModel, buf, 0)).toBe(15);
    expect(toHex(buf)).toBe(VPN_HEX);
  });
});

describe('decodeAll and decode-nlri fast paths', () => {
  it('one NLRI, several, none', () => {
    expect(decodeAll(vpn, Buffer.from(VPN_HEX, 'hex'))).toHaveLength(1);
    expect(decodeAll(vpn, Buffer.from(VPN_HEX.repeat(3), 'hex'))).toHaveLength(3);
    expect(decodeAll(vpn, new Uint8Array(0))).toEqual([]);
  });

  it('decodeHex gives the same text whatever the case of the hex, repeatedly (reused buffer)', () => {
    const a = decodeHex('ipv4/mpls-vpn', VPN_HEX);
    expect(decodeHex('ipv4/mpls-vpn', VPN_HEX.toLowerCase())).toBe(a);
    expect(decodeHex('ipv4/mpls-vpn', VPN_HEX + VPN_HEX)).toBe(`[${a},${a}]`);
    expect(decodeHex('ipv4/mpls-vpn', VPN_HEX)).toBe(a);
    // Longer than any earlier input: the buffer grows.
    expect(JSON.parse(decodeHex('ipv4/mpls-vpn', VPN_HEX.repeat(200)))).toHaveLength(200);
  });

  it('decodeHex keeps Go hex errors unprefixed, even for a family with its own error text', () => {
    for (const fam of ['ipv4/mpls-vpn', 'ipv4/flow']) {
      const odd = err(() => decodeHex(fam, 'ABC'));
      expect(odd.code).toBe('invalid-hex');
      expect(odd.message).toBe('invalid hex: encoding/hex: odd length hex string');
      const bad = err(() => decodeHex(fam, '0G'));
      expect(bad.message).toBe("invalid hex: encoding/hex: invalid byte: U+0047 'G'");
      expect(bad.offset).toBe(0);
    }
    // FlowSpec's own text stays on decode errors (Ze: "no valid FlowSpec decoded").
    expect(err(() => decodeHex('ipv4/flow', '05')).message.startsWith('no valid FlowSpec decoded')).toBe(true);
  });
});
