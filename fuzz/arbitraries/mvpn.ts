/**
 * Valid MCAST-VPN models (RFC 6514 §4.1-§4.6): every route type, IPv4 and IPv6 addresses of any
 * value, RFC 6625 wildcards, any RD bytes, Leaf A-D routes nesting any route as their key, and
 * raw payloads of the route types RFC 6514 does not define (those always decode raw again).
 */
import fc from 'fast-check';
import type { MvpnNlri, MvpnRoute } from '../../families/mvpn/model.js';

const rd = fc.uint8Array({ minLength: 8, maxLength: 8 });
const ip = fc.oneof(fc.uint8Array({ minLength: 4, maxLength: 4 }), fc.uint8Array({ minLength: 16, maxLength: 16 }));
const ipOrWildcard = fc.oneof(ip, fc.constant(new Uint8Array(0)));
const asn = fc.integer({ min: 0, max: 0xffffffff });

const flat: fc.Arbitrary<MvpnRoute> = fc.oneof(
  fc.record({ kind: fc.constant('intra-as-i-pmsi-ad' as const), type: fc.constant(1 as const), rd, originator: ip }),
  fc.record({ kind: fc.constant('inter-as-i-pmsi-ad' as const), type: fc.constant(2 as const), rd, sourceAs: asn }),
  fc.record({ kind: fc.constant('s-pmsi-ad' as const), type: fc.constant(3 as const), rd, source: ipOrWildcard, group: ipOrWildcard, originator: ip }),
  fc.record({ kind: fc.constant('source-active' as const), type: fc.constant(5 as const), rd, source: ipOrWildcard, group: ipOrWildcard }),
  fc.record({ kind: fc.constant('shared-tree-join' as const), type: fc.constant(6 as const), rd, sourceAs: asn, source: ipOrWildcard, group: ipOrWildcard }),
  fc.record({ kind: fc.constant('source-tree-join' as const), type: fc.constant(7 as const), rd, sourceAs: asn, source: ipOrWildcard, group: ipOrWildcard }),
  fc.record({
    kind: fc.constant('raw' as const),
    type: fc.oneof(fc.constant(0), fc.integer({ min: 8, max: 255 })),
    raw: fc.uint8Array({ maxLength: 40 }),
  }),
);

const leaf = (key: fc.Arbitrary<MvpnRoute>): fc.Arbitrary<MvpnRoute> =>
  fc.record({ kind: fc.constant('leaf-ad' as const), type: fc.constant(4 as const), routeKey: key, originator: ip });

/** Routes with Leaf A-D nesting up to three levels (each level stays well under 255 bytes). */
export const mvpnArb: fc.Arbitrary<MvpnNlri> = fc.oneof(flat, leaf(flat), leaf(leaf(flat)));

export const arbitraries = { 'ipv4/mvpn': mvpnArb, 'ipv6/mvpn': mvpnArb };
