/**
 * RFC 6074 §3.2.2 BGP auto-discovery NLRIs (length 12: RD and PE IPv4 address) in l2vpn/vpls,
 * the family RFC 4761 uses too (RFC 6074 §7: "the NLRI length must be used as a demultiplexer").
 * Issue 15 §2: before this, one such NLRI made the whole field fail (`vpls: truncated data`).
 * Expected bytes and JSON are written by hand from the RFC figures.
 */
import { describe, expect, it } from 'vitest';
import { decodeAll, decodeHex, encodeArgs, NlriError, toHex, encode } from '../../../src/index.js';
import { buildVpls, vpls, type VplsRoute } from '../../../families/vpls/index.js';
import { bytes } from '../../support/helpers.js';

// Length 000C, RD type 0 65001:100, PE 10.0.0.3.
const AD = '000C0000FDE9000000640A000003';
const AD_JSON = '{"pe-address":"10.0.0.3","rd":"0:65001:100"}';
// vpls-001: RFC 4761 §3.2.2.
const L2 = '00110000FDE9000000640005006400C803E801';
const L2_JSON = '{"label-base":16000,"rd":"0:65001:100","ve-block-offset":100,"ve-block-size":200,"ve-id":5}';

const decode = (hex: string, opts = {}): VplsRoute[] => decodeAll(vpls, bytes(hex), opts);

describe('RFC 6074 BGP-AD NLRI', () => {
  it('decodes alone', () => {
    expect(decodeHex('l2vpn/vpls', AD)).toBe(AD_JSON);
    const [m] = decode(AD);
    expect(m!.autoDiscovery).toBe(true);
    expect(toHex(m!.peAddress)).toBe('0A000003');
    expect(toHex(encode(vpls, m!))).toBe(AD);
  });

  it('decodes mixed with RFC 4761 NLRIs in one field, in either order', () => {
    expect(decodeHex('l2vpn/vpls', AD + L2)).toBe(`[${AD_JSON},${L2_JSON}]`);
    expect(decodeHex('l2vpn/vpls', L2 + AD + AD)).toBe(`[${L2_JSON},${AD_JSON},${AD_JSON}]`);
    expect(decodeHex('l2vpn/vpls', L2 + AD, { strict: true })).toBe(`[${L2_JSON},${AD_JSON}]`);
  });

  it('other lengths below 17 stay truncated, with the offset of the length field', () => {
    for (const len of [0, 11, 13, 16]) {
      const hex = len.toString(16).padStart(4, '0') + '00'.repeat(len);
      const e = (() => { try { decode(L2 + hex); } catch (x) { return x as NlriError; } throw new Error('no error'); })();
      expect(e).toBeInstanceOf(NlriError);
      expect([e.code, e.offset]).toEqual(['truncated', 19]);
    }
    // A BGP-AD length whose octets are not all there.
    expect(() => decode('000C0000FDE900000064')).toThrow(NlriError);
  });

  it('args: rd and pe-address, and back', () => {
    expect(encodeArgs('l2vpn/vpls', ['rd', '0:65001:100', 'pe-address', '10.0.0.3'])).toBe(AD);
    expect(vpls.toArgs!(decode(AD)[0]!)).toEqual(['rd', '0:65001:100', 'pe-address', '10.0.0.3']);
    expect(() => encodeArgs('l2vpn/vpls', ['rd', '1:1', 'pe-address', '10.0.0.3', 've-id', '1'])).toThrow('takes no ve-id');
    expect(() => encodeArgs('l2vpn/vpls', ['rd', '1:1', 'pe-address', '2001:db8::1'])).toThrow('is not an IPv4 address');
    expect(() => encodeArgs('l2vpn/vpls', ['rd', '1:1', 'pe-address', 'x'])).toThrow('invalid pe-address');
    expect(() => encodeArgs('l2vpn/vpls', ['rd', '1:1', 'pe-address'])).toThrow('pe-address requires value');
  });

  it('buildVpls with a PE address', () => {
    const m = buildVpls({ rd: bytes('0000FDE900000064'), peAddress: bytes('0A000003') });
    expect(toHex(encode(vpls, m))).toBe(AD);
    expect(() => buildVpls({ rd: bytes('0000FDE900000064'), peAddress: bytes('0A00') })).toThrow(NlriError);
    expect(() => buildVpls({ rd: bytes('0000FDE900000064'), peAddress: bytes('0A000003'), veId: 1 })).toThrow(NlriError);
  });
});
