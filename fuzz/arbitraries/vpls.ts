/** Valid VPLS routes (RFC 4761 §3.2.2): any RD octets, VE fields and 20-bit label base. */
import fc from 'fast-check';
import { buildVpls } from '../../families/vpls/wire.js';

const u16 = fc.integer({ min: 0, max: 0xffff });

export const vplsArb = fc
  .record({
    rd: fc.uint8Array({ minLength: 8, maxLength: 8 }),
    veId: u16,
    veBlockOffset: u16,
    veBlockSize: u16,
    labelBase: fc.integer({ min: 0, max: 0xfffff }),
  })
  .map(buildVpls);

export const arbitraries = { 'l2vpn/vpls': vplsArb };
