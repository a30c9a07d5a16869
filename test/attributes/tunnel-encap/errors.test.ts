/**
 * Every decode error path, with its code and offset (offsets are into the attribute value).
 * RFC 9012 §13: lengths that do not add up make the attribute malformed; RFC 9830 §5: an SR
 * Policy sub-TLV whose length does not fit its layout is malformed. Both: treat-as-withdraw.
 */
import { describe, expect, it } from 'vitest';
import { codec, fails, tlv1, tlv2, tunnel } from './helpers.js';

describe('structure (RFC 9012 §2, §13)', () => {
  it('onMalformed is treat-as-withdraw; optional transitive', () => {
    expect(codec.onMalformed).toBe('treat-as-withdraw');
    expect(codec.flags).toBe(0xc0);
    expect(codec.code).toBe(23);
    expect(codec.name).toBe('tunnel-encapsulation');
  });
  it('a tunnel header cut short', () => {
    fails('00', 'truncated', 0, /tunnel type/);
    fails('000F00', 'truncated', 2, /tunnel TLV length/);
    fails(tunnel(8, '') + '0008', 'truncated', 6, /tunnel TLV length/);
  });
  it('a tunnel length past the attribute', () => {
    fails('000F0005' + '0C', 'truncated', 4, /tunnel TLV length 5 exceeds the 1 bytes left/);
    fails('000FFFFF', 'truncated', 4);
  });
  it('a sub-TLV header cut short by the tunnel length', () => {
    fails('000F0001' + '0C', 'truncated', 5, /sub-TLV length/);
    fails('000F0002' + '8000', 'truncated', 5, /sub-TLV length/);
    fails('000F0001' + '0C' + '06', 'truncated', 5); // the byte after the tunnel is not part of it
  });
  it('a sub-TLV length past its tunnel', () => {
    fails('000F0003' + '0C0500', 'truncated', 6, /sub-TLV length 5 exceeds/);
    fails('000F0004' + '80FFFF00', 'truncated', 7, /sub-TLV length 65535 exceeds/);
  });
  it('segment list sub-TLVs cut short or past the segment list', () => {
    fails(tunnel(15, tlv2(128, '00' + '01')), 'truncated', 9, /segment list sub-TLV length/);
    fails(tunnel(15, tlv2(128, '00' + '0105')), 'truncated', 10, /segment list sub-TLV length 5 exceeds/);
  });
});

describe('SR Policy sub-TLV lengths (RFC 9830 §2.4, §5)', () => {
  const at = 4; // the sub-TLV's type octet after the tunnel header
  it('preference, binding SID, SRv6 binding SID, ENLP, priority', () => {
    fails(tunnel(15, tlv1(12, '0000')), 'bad-length', at, /preference sub-TLV length 2: must be 6/);
    fails(tunnel(15, tlv1(13, '000000')), 'bad-length', at, /binding SID sub-TLV length 3/);
    fails(tunnel(15, tlv1(13, '')), 'bad-length', at, /binding SID/);
    fails(tunnel(15, tlv1(20, '00'.repeat(17))), 'bad-length', at, /SRv6 binding SID sub-TLV length 17: must be 18 or 26/);
    fails(tunnel(15, tlv1(14, '0000')), 'bad-length', at, /ENLP sub-TLV length 2: must be 3/);
    fails(tunnel(15, tlv1(15, '000000')), 'bad-length', at, /priority sub-TLV length 3: must be 2/);
  });
  it('segment list and names need their Reserved octet', () => {
    fails(tunnel(15, tlv2(128, '')), 'bad-length', at, /segment list sub-TLV length 0/);
    fails(tunnel(15, tlv2(129, '')), 'bad-length', at, /candidate path name/);
    fails(tunnel(15, tlv2(130, '')), 'bad-length', at, /policy name/);
  });
  it('the same rules apply whatever the tunnel type (one sub-TLV registry)', () => {
    fails(tunnel(8, tlv1(12, '')), 'bad-length', at);
  });
  it('weight and segments whose length fits no layout; the offset is the sub-TLV type octet', () => {
    const seg = 8; // tunnel header 4 + segment list header 3 + reserved 1
    fails(tunnel(15, tlv2(128, '00' + tlv1(9, '00'.repeat(5)))), 'bad-length', seg, /weight sub-TLV length 5: must be 6/);
    fails(tunnel(15, tlv2(128, '00' + tlv1(1, '00'.repeat(5)))), 'bad-length', seg, /segment type A length 5: must be 6/);
    fails(tunnel(15, tlv2(128, '00' + tlv1(1, ''))), 'bad-length', seg, /type A length 0/);
    fails(tunnel(15, tlv2(128, '00' + tlv1(13, '00'.repeat(17)))), 'bad-length', seg, /type B length 17: must be 18 or 26/);
    fails(tunnel(15, tlv2(128, '00' + tlv1(13, '00'.repeat(2)))), 'bad-length', seg, /type B/);
    fails(tunnel(15, tlv2(128, '00' + tlv1(3, '00'.repeat(7)))), 'bad-length', seg, /type C length 7: must be 6 or 10/);
    fails(tunnel(15, tlv2(128, '00' + tlv1(4, '00'.repeat(20)))), 'bad-length', seg, /type D length 20: must be 18 or 22/);
    fails(tunnel(15, tlv2(128, '00' + tlv1(5, '00'.repeat(12)))), 'bad-length', seg, /type E length 12: must be 10 or 14/);
    fails(tunnel(15, tlv2(128, '00' + tlv1(6, '00'.repeat(9)))), 'bad-length', seg, /type F length 9/);
    fails(tunnel(15, tlv2(128, '00' + tlv1(7, '00'.repeat(43)))), 'bad-length', seg, /type G length 43: must be 42 or 46/);
    fails(tunnel(15, tlv2(128, '00' + tlv1(8, '00'.repeat(35)))), 'bad-length', seg, /type H length 35: must be 34 or 38/);
    // the structure is only present after the SID: 18 + 8 is not a type I length
    fails(tunnel(15, tlv2(128, '00' + tlv1(14, '00'.repeat(26)))), 'bad-length', seg, /type I length 26: must be 18 or 34 or 42/);
    fails(tunnel(15, tlv2(128, '00' + tlv1(15, '00'.repeat(50)))), 'bad-length', seg, /type J length 50: must be 42 or 58 or 66/);
    fails(tunnel(15, tlv2(128, '00' + tlv1(16, '00'.repeat(35)))), 'bad-length', seg, /type K length 35: must be 34 or 50 or 58/);
  });
  it('the error of the second segment list points into it', () => {
    const first = tlv2(128, '00' + tlv1(1, '000003E81000')); // 3 + 1 + 8 = 12 octets
    fails(tunnel(15, first, tlv2(128, '00' + tlv1(9, ''))), 'bad-length', 4 + 12 + 4, /weight/);
  });
});
