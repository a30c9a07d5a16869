/**
 * Inputs the fuzz smoke run found (fuzz/attr-checks.ts properties), kept as regressions.
 */
import { describe, expect, it } from 'vitest';
import { createSession, defaultAttributes } from '../../../src/index.js';
import { checkAttribute } from '../../../fuzz/attr-checks.js';

describe('MP_REACH_NLRI regressions', () => {
  it('an ADD-PATH path id with no NLRI after it (VPN lossless record of no bytes) reads back from its JSON', () => {
    // AFI 1, SAFI 128, next hop of 5 octets, reserved 0, then a path id 0x187A0000 and nothing more.
    const r = checkAttribute(defaultAttributes.get(14)!, Uint8Array.from(Buffer.from('00018005C00002010100187A0000', 'hex')), createSession({ addPath: true }).ctx);
    expect(r.finding).toBeUndefined();
    expect(r.decoded).toBe(true);
  });
});
