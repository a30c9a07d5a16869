/**
 * VPLS (RFC 4761 §3.2.2): decoding edge cases, Ze's args grammar (vpls.md §4), strict mode.
 * Expected values from vpls.md and Ze's vectors.
 */
import { describe, expect, it } from 'vitest';
import { decodeAll, decodeHex, encodeArgs, NlriError, toHex, encode } from '../../../src/index.js';
import { vpls, type VplsRoute } from '../../../families/vpls/index.js';
import { bytes } from '../../support/helpers.js';

const decode = (hex: string, opts = {}): VplsRoute[] => decodeAll(vpls, bytes(hex), opts);
const enc = (args: string[]): string => encodeArgs('l2vpn/vpls', args);

describe('decode', () => {
  it('fields through the model (vpls-001)', () => {
    const [m] = decode('00110000FDE9000000640005006400C803E801');
    expect([m!.rdText, m!.veId, m!.veBlockOffset, m!.veBlockSize, m!.labelBase]).toEqual(['0:65001:100', 5, 100, 200, 16000]);
  });

  it('label TC/BOS bits are not part of the label base and are kept in the bytes (vpls-004)', () => {
    const [m] = decode('001100010000000000000000006400C8010203');
    expect(m!.labelBase).toBe(4128);
    expect(toHex(encode(vpls, m!))).toBe('001100010000000000000000006400C8010203');
  });

  it('a length above 17 is accepted and kept (vpls-037); strict rejects it', () => {
    const hex = '00130000FDE9000000640005006400C803E8010000';
    expect(toHex(encode(vpls, decode(hex)))).toBe(hex);
    expect(() => decode(hex, { strict: true })).toThrow(NlriError);
  });

  it("every short input is Ze's 'vpls: truncated data'", () => {
    for (const hex of ['', '00', '0002', '0011000000000000', 'FFFFFFFF', '00100000FDE9000000640005006400C803E801']) {
      expect(() => decodeHex('l2vpn/vpls', hex)).toThrow('parse VPLS failed: vpls: truncated data');
    }
  });

  it('a stray octet after the NLRI fails the decode (COMPAT.md §4, RFC 7606 §5.3)', () => {
    expect(() => decodeHex('l2vpn/vpls', '00110000FDE9000000640005006400C803E80100')).toThrow('truncated data');
  });
});

describe('args', () => {
  it("Ze's canonical list and the label alias (vpls-012, vpls-014)", () => {
    expect(enc(['rd', '0:1:1', 've-id', '1', 've-block-offset', '0', 've-block-size', '10', 'label-base', '1000'])).toBe('0011000000010000000100010000000A003E81');
    expect(enc(['rd', '65001:100', 've-id', '5', 've-block-offset', '100', 've-block-size', '200', 'label', '16000'])).toBe('00110000FDE9000000640005006400C803E801');
  });

  it('unknown tokens are skipped one at a time, as Ze does (vpls.md §4.1)', () => {
    expect(enc(['next-hop', '1.2.3.4', 'rd', '1:1'])).toBe('00110000000100000001000000000000000001');
  });

  it.each([
    [['ve-id', '1'], 'rd required for VPLS'],
    [['rd'], 'rd requires value'],
    [['rd', '1:1', 've-id'], 've-id requires value'],
    [['rd', '1:1', 'label'], 'label requires value'],
    [['rd', '1:1', 've-id', '65536'], 'invalid ve-id: strconv.ParseUint: parsing "65536": value out of range'],
    [['rd', '1:1', 'label-base', 'x'], 'invalid label: strconv.ParseUint: parsing "x": invalid syntax'],
    [['rd', '1:1', 'label-base', '1048576'], 'exceeds the 20-bit MPLS label range'],
    [['rd', '100'], 'invalid rd: invalid RD format: 100 (expected ASN:value or IP:value)'],
  ])('%j → %s', (args, message) => {
    expect(() => enc(args)).toThrow(message);
  });

  it('toArgs rebuilds the bytes, and refuses what the grammar cannot say', () => {
    const [m] = decode('00110001C0A8C901007B000500010008029CE1');
    expect(vpls.toArgs!(m!)).toEqual(['rd', '1:192.168.201.1:123', 've-id', '5', 've-block-offset', '1', 've-block-size', '8', 'label-base', '10702']);
    expect(() => vpls.toArgs!(decode('001100010000000000000000006400C8010203')[0]!)).toThrow(NlriError);
  });
});
