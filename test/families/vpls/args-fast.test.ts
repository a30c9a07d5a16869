/**
 * The one-pass args parser and the direct NLRI writer (vpls.md §4, RFC 4761 §3.2.2): bounds of
 * every number (Go's `strconv.ParseUint(s, 10, 16|32)`), the last repeat winning, defaults, the
 * BGP-AD form refusing VE/label keys even when given as 0, and every error text. Expected bytes
 * are written out by hand from RFC 4761 §3.2.2 (label << 4 | BOS) and RFC 6074 §3.2.2.
 */
import { describe, expect, it } from 'vitest';
import { encodeArgs, NlriError, toHex, encode } from '../../../src/index.js';
import { buildVpls, vpls } from '../../../families/vpls/index.js';
import { bytes } from '../../support/helpers.js';

const enc = (args: string[]): string => encodeArgs('l2vpn/vpls', args);
const RD = '0000000100000001'; // 0:1:1

function failure(args: string[]): NlriError {
  try {
    enc(args);
  } catch (e) {
    if (e instanceof NlriError) return e;
    throw e;
  }
  throw new Error(`no error for ${args.join(' ')}`);
}

describe('args: numbers at their bounds', () => {
  it('u16 fields at 65535, leading zeros read as decimal, label base 2^20-1', () => {
    expect(enc(['rd', '0:1:1', 've-id', '65535', 've-block-offset', '00007', 've-block-size', '0', 'label', '1048575'])).toBe(
      `0011${RD}FFFF00070000FFFFF1`,
    );
  });
  it('absent fields are 0, the label field still has BOS set', () => {
    expect(enc(['rd', '0:1:1'])).toBe(`0011${RD}000000000000000001`);
  });
  it('the last repeat of a key wins, label and label-base are one key', () => {
    expect(enc(['rd', '0:9:9', 've-id', '1', 'rd', '0:1:1', 've-id', '2', 'label', '1', 'label-base', '2'])).toBe(
      `0011${RD}000200000000000021`,
    );
  });
  it.each([
    [['rd', '0:1:1', 've-id', '+5'], 'invalid ve-id: strconv.ParseUint: parsing "+5": invalid syntax'],
    [['rd', '0:1:1', 've-block-offset', '-1'], 'invalid ve-block-offset: strconv.ParseUint: parsing "-1": invalid syntax'],
    [['rd', '0:1:1', 've-block-size', ''], 'invalid ve-block-size: strconv.ParseUint: parsing "": invalid syntax'],
    [['rd', '0:1:1', 've-block-size', '65536'], 'invalid ve-block-size: strconv.ParseUint: parsing "65536": value out of range'],
    [['rd', '0:1:1', 've-id', '99999999999999999999'], 'invalid ve-id: strconv.ParseUint: parsing "99999999999999999999": value out of range'],
    [['rd', '0:1:1', 've-id', ' 5'], 'invalid ve-id: strconv.ParseUint: parsing " 5": invalid syntax'],
    [['rd', '0:1:1', 'label', '4294967296'], 'invalid label: strconv.ParseUint: parsing "4294967296": value out of range'],
    [['rd', '0:1:1', 'label-base', '4294967295'], 'invalid label: 4294967295 exceeds the 20-bit MPLS label range'],
    [['rd', '0:1:1', 'label-base', '1048576'], 'invalid label: 1048576 exceeds the 20-bit MPLS label range'],
    [['rd', '0:1:1', 'label-base'], 'label requires value'],
    [['rd', '0:1:1', 've-block-offset'], 've-block-offset requires value'],
    [['rd', '0:1:1', 've-block-size'], 've-block-size requires value'],
    [['rd', 'x:1'], 'invalid rd: invalid ASN in RD: x'],
    [[], 'rd required for VPLS'],
    [['ve-id', 'x'], 'invalid ve-id: strconv.ParseUint: parsing "x": invalid syntax'], // token order: before the missing rd
  ])('%j → %s', (args, message) => {
    const e = failure(args);
    expect(e.code).toBe('invalid-args');
    expect(e.message).toBe(message);
  });
});

describe('args: BGP auto-discovery (RFC 6074 §3.2.2)', () => {
  it('rd and pe-address, in either order', () => {
    expect(enc(['pe-address', '10.0.0.3', 'rd', '0:65001:100'])).toBe('000C0000FDE9000000640A000003');
  });
  it('a VE or label key refuses it even at 0, before or after pe-address', () => {
    for (const k of ['ve-id', 've-block-offset', 've-block-size', 'label', 'label-base']) {
      expect(failure(['rd', '0:1:1', k, '0', 'pe-address', '10.0.0.3']).message).toBe(
        'pe-address (RFC 6074 auto-discovery) takes no ve-id, ve-block-offset, ve-block-size or label',
      );
    }
  });
  it('no rd is refused first', () => {
    expect(failure(['pe-address', '10.0.0.3', 've-id', '1']).message).toBe('rd required for VPLS');
  });
});

describe('built routes', () => {
  it('are a window of their own bytes, copied by encode', () => {
    const m = vpls.fromArgs!(['rd', '0:65001:100', 've-id', '5', 've-block-offset', '100', 've-block-size', '200', 'label-base', '16000']);
    expect([m.start, m.end, m.buf.length]).toEqual([0, 19, 19]);
    expect([m.rdText, m.veId, m.veBlockOffset, m.veBlockSize, m.labelBase, m.labelField, m.extra]).toEqual(['0:65001:100', 5, 100, 200, 16000, 0x3e801, 0]);
    expect(toHex(encode(vpls, m))).toBe('00110000FDE9000000640005006400C803E801');
  });
  it('buildVpls writes the same bytes and checks its fields', () => {
    expect(toHex(buildVpls({ rd: bytes('0000FDE900000064'), veId: 5, veBlockOffset: 100, veBlockSize: 200, labelBase: 16000 }).bytes)).toBe(
      '00110000FDE9000000640005006400C803E801',
    );
    expect(toHex(buildVpls({ rd: bytes(RD) }).bytes)).toBe(`0011${RD}000000000000000001`);
    expect(() => buildVpls({ rd: bytes(RD), veId: 65536 })).toThrow('ve-id 65536 out of range');
    expect(() => buildVpls({ rd: bytes(RD), veBlockSize: 1.5 })).toThrow('ve-block-size 1.5 out of range');
    expect(() => buildVpls({ rd: bytes(RD), labelBase: 0x100000 })).toThrow('label base 1048576 out of the 20-bit range');
    expect(() => buildVpls({ rd: bytes('0000') })).toThrow('RD of 2 octets, must be 8');
  });
});
