import { describe, expect, it } from 'vitest';
import {
  esiToString, hasHostBits, macFromString, macToString, masked, NlriError, parseRd, parseRdZe, prefixToString,
  rdToString, readLabelStack, readPrefix, Reader, routeTargetToString, toHex, Writer, writeLabelStack, writePrefix,
} from '../../src/core/index.js';
import { bytes } from '../support/helpers.js';


describe('Route Distinguisher (RFC 4364 §4.2)', () => {
  // Wire/text pairs from Ze's vectors (vpn.jsonl, flowspec.jsonl) and the spec's §5.5.
  it.each([
    ['0000FDE800000064', '0:65000:100'],
    ['00010A00000100C8', '1:10.0.0.1:200'],
    ['0002FA56EA010064', '2:4200000001:100'],
    ['0000000100000001', '0:1:1'],
    ['0003000102030405', 'rd-type3:000102030405'],
  ])('%s <-> %s', (hex, text) => {
    expect(rdToString(bytes(hex))).toBe(text);
    expect(toHex(parseRd(text))).toBe(hex);
  });

  it('derives the type from the administrator field when none is given (both modes)', () => {
    expect(toHex(parseRd('65000:100'))).toBe('0000FDE800000064');
    expect(toHex(parseRd('4200000001:100'))).toBe('0002FA56EA010064');
    expect(toHex(parseRd('192.0.2.1:100'))).toBe('0001C00002010064');
    expect(toHex(parseRdZe('100:1'))).toBe('0000006400000001');
  });

  it('Ze mode ignores an explicit type; ze-nlri mode honours it', () => {
    // flowspec.md §10: encode `rd 2:100:1` gives a type-0 RD in Ze.
    expect(toHex(parseRdZe('2:100:1'))).toBe('0000006400000001');
    expect(toHex(parseRd('2:100:1'))).toBe('0002000000640001');
    expect(toHex(parseRdZe('0:70000:1'))).toBe('0002000111700001');
  });

  it.each([
    ['1:2:3:4', 'invalid RD format: 1:2:3:4'],
    ['x:1', 'invalid ASN in RD: x'],
    ['1.2.3:1', 'invalid IP in RD: 1.2.3'],
    ['70000:70000', 'invalid RD value: 70000'],
    ['0:70000:1', 'invalid ASN in RD: 70000'],
    ['3:1:1', 'invalid RD type: 3'],
  ])('rejects %s', (text, message) => {
    expect(() => parseRd(text)).toThrow(message);
  });
});

describe('MPLS label stacks (RFC 3032, RFC 8277 §2)', () => {
  it('reads until the bottom-of-stack bit', () => {
    // labels 100, 200, 300 (vpn.md §5: 000641 000C80 0012C1)
    const r = new Reader(bytes('000640000C800012C1FF'));
    expect(readLabelStack(r).labels).toEqual([100, 200, 300]);
    expect(r.pos).toBe(9);
  });

  it('a stack without a bottom-of-stack bit is malformed, at the stack offset', () => {
    const r = new Reader(bytes('AA000640000C80'), 'ipv4/mpls-label');
    r.u8();
    try {
      readLabelStack(r);
      throw new Error('no error');
    } catch (e) {
      expect(e).toBeInstanceOf(NlriError);
      expect((e as NlriError).code).toBe('malformed');
      expect((e as NlriError).offset).toBe(1);
    }
    expect(() => readLabelStack(new Reader(bytes('000640000640')), { max: 1 })).toThrow('within 1 labels');
  });

  it('recognises the RFC 8277 §2.4 withdraw values only when asked', () => {
    expect(readLabelStack(new Reader(bytes('800000')), { withdraw: true })).toEqual({ labels: [0x80000], withdrawn: true });
    expect(readLabelStack(new Reader(bytes('000000')), { withdraw: true })).toEqual({ labels: [0], withdrawn: true });
    expect(() => readLabelStack(new Reader(bytes('800000')))).toThrow(NlriError);
  });

  it('writes S on the last entry only', () => {
    const w = new Writer(9);
    writeLabelStack(w, [100, 200, 300]);
    expect(toHex(w.finish())).toBe('000640000C800012C1');
  });
});

describe('prefixes (RFC 4271 §4.3)', () => {
  it('reads length + ceil(len/8) octets as a view and writes them back', () => {
    const src = bytes('190A000081FF');
    const r = new Reader(src);
    const p = readPrefix(r, false);
    expect(p.len).toBe(25);
    expect(p.addr.buffer).toBe(src.buffer);
    expect(prefixToString(p)).toBe('10.0.0.129/25');
    expect(hasHostBits(p)).toBe(true);
    expect(prefixToString(masked(p))).toBe('10.0.0.128/25');
    const w = new Writer(5);
    writePrefix(w, p);
    expect(toHex(w.finish())).toBe('190A000081');
  });

  it('a length beyond the address size is bad-length', () => {
    expect(() => readPrefix(new Reader(bytes('21')), false)).toThrow('prefix length 33 exceeds 32');
    expect(() => readPrefix(new Reader(bytes('81')), true)).toThrow('prefix length 129 exceeds 128');
  });
});

describe('MAC, ESI, route targets', () => {
  it('formats and parses MACs', () => {
    expect(macToString(bytes('E88088308BE9'))).toBe('e8:80:88:30:8b:e9');
    expect(macToString(bytes('E88088308BE9'), 0, true)).toBe('E8:80:88:30:8B:E9');
    expect(toHex(macFromString('0:11:22:33:44:5')!)).toBe('001122334405');
    expect(macFromString('00:11:22:33:44')).toBeUndefined();
  });

  it('formats ESIs', () => {
    expect(esiToString(new Uint8Array(10), 0, true)).toBe('-');
    expect(esiToString(bytes('00112233445566778899'))).toBe('00:11:22:33:44:55:66:77:88:99');
  });

  it('formats route targets of the three RFC 4360/5668 layouts', () => {
    expect(routeTargetToString(bytes('0002FDE800000064'))).toBe('65000:100');
    expect(routeTargetToString(bytes('0102C00002010064'))).toBe('192.0.2.1:100');
    expect(routeTargetToString(bytes('0202FA56EA010064'))).toBe('4200000001:100');
    expect(routeTargetToString(bytes('0003FDE800000064'))).toBeUndefined();
  });
});
