/**
 * Valid RTC models (RFC 4684 §4): the default (length 0) and every length 32..96, any origin AS,
 * any route-target octets (every type, partial ones with random bits after the length).
 */
import fc from 'fast-check';
import type { RtcNlri } from '../../families/rtc/model.js';
import { rtOctets } from '../../families/rtc/model.js';

export const rtcArb: fc.Arbitrary<RtcNlri> = fc.oneof(
  fc.constant<RtcNlri>({ prefixLength: 0, originAs: 0, routeTarget: new Uint8Array(0) }),
  fc
    .record({ len: fc.integer({ min: 32, max: 96 }), as: fc.integer({ min: 0, max: 0xffffffff }) })
    .chain(({ len, as }) =>
      fc
        .uint8Array({ minLength: rtOctets(len), maxLength: rtOctets(len) })
        .map((rt): RtcNlri => ({ prefixLength: len, originAs: as, routeTarget: rt })),
    ),
);

export const arbitraries = { 'ipv4/rtc': rtcArb };
