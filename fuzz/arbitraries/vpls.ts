/**
 * Valid VPLS routes: RFC 4761 §3.2.2 (RDs mostly of types 0/1/2 (`rd.ts`), any VE fields and
 * 20-bit label base) and, one in four, RFC 6074 §3.2.2 BGP auto-discovery (RD and PE address).
 */
import fc from 'fast-check';
import { buildVpls } from '../../families/vpls/wire.js';
import { rdArb } from './rd.js';

const u16 = fc.integer({ min: 0, max: 0xffff });

export const vplsArb = fc
  .record({
    rd: rdArb,
    veId: u16,
    veBlockOffset: u16,
    veBlockSize: u16,
    labelBase: fc.integer({ min: 0, max: 0xfffff }),
  })
  .map(buildVpls);

export const vplsAdArb = fc.record({ rd: rdArb, peAddress: fc.uint8Array({ minLength: 4, maxLength: 4 }) }).map(buildVpls);

export const arbitraries = { 'l2vpn/vpls': fc.oneof({ arbitrary: vplsArb, weight: 3 }, { arbitrary: vplsAdArb, weight: 1 }) };
