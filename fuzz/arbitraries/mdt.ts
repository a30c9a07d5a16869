/**
 * Valid MDT models (RFC 6037 MDT SAFI): any RD (rd.ts: mostly types 0/1/2), any PE address and
 * any group address (the default decode keeps non-multicast groups; strict refuses them).
 */
import fc from 'fast-check';
import type { MdtNlri } from '../../families/mdt/model.js';
import { rdArb } from './rd.js';

const ipv4 = fc.uint8Array({ minLength: 4, maxLength: 4 });

export const mdtArb: fc.Arbitrary<MdtNlri> = fc.record({ rd: rdArb, source: ipv4, group: ipv4 });

export const arbitraries = {
  'ipv4/mdt': mdtArb,
};
