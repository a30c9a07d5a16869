/**
 * Valid PMSI_TUNNEL models (RFC 6514 §5), keyed by attribute type code: every tunnel type with
 * a layout (RSVP-TE P2MP IPv4/IPv6, mLDP P2MP/MP2MP with any FEC type, address family, root
 * and opaque values, PIM v4/v6, ingress replication v4/v6), and any other type with random
 * identifier bytes; any flags and any 24-bit label field.
 */
import fc from 'fast-check';
import type { PmsiTunnel, PmsiTunnelId } from '../../../attributes/pmsi/model.js';

const addr = fc.oneof(fc.uint8Array({ minLength: 4, maxLength: 4 }), fc.uint8Array({ minLength: 16, maxLength: 16 }));
const u8 = fc.integer({ min: 0, max: 0xff });

const rsvp = fc.record({
  kind: fc.constant('rsvp-te-p2mp' as const),
  p2mpId: fc.integer({ min: 0, max: 0xffffffff }),
  reserved: fc.integer({ min: 0, max: 0xffff }),
  tunnelId: fc.integer({ min: 0, max: 0xffff }),
  extendedTunnelId: addr,
});

const mldp = fc.record({
  kind: fc.constant('mldp' as const),
  fecType: u8,
  addressFamily: fc.oneof(fc.constantFrom(1, 2), fc.integer({ min: 0, max: 0xffff })),
  root: fc.oneof(addr, fc.uint8Array({ maxLength: 20 })),
  opaque: fc.array(fc.record({ type: u8, value: fc.oneof(fc.uint8Array({ minLength: 4, maxLength: 4 }), fc.uint8Array({ maxLength: 12 })) }), { maxLength: 4 }),
});

const pim = fc.boolean().chain((v6) => {
  const n = v6 ? 16 : 4;
  return fc.record({
    kind: fc.constant('pim' as const),
    sender: fc.uint8Array({ minLength: n, maxLength: n }),
    group: fc.uint8Array({ minLength: n, maxLength: n }),
  });
});

const ir = fc.record({ kind: fc.constant('ingress-replication' as const), endpoint: addr });

const typed: fc.Arbitrary<[number, PmsiTunnelId]> = fc.oneof(
  rsvp.map((t): [number, PmsiTunnelId] => [1, t]),
  fc.tuple(fc.constantFrom(2, 7), mldp).map(([ty, t]): [number, PmsiTunnelId] => [ty, t]),
  fc.tuple(fc.constantFrom(3, 4, 5), pim).map(([ty, t]): [number, PmsiTunnelId] => [ty, t]),
  ir.map((t): [number, PmsiTunnelId] => [6, t]),
  fc
    .tuple(fc.oneof(fc.constant(0), fc.integer({ min: 8, max: 255 })), fc.uint8Array({ maxLength: 40 }))
    .map(([ty, b]): [number, PmsiTunnelId] => [ty, { kind: 'raw', bytes: b }]),
);

export const pmsiArb: fc.Arbitrary<PmsiTunnel> = fc
  .tuple(u8, fc.integer({ min: 0, max: 0xffffff }), typed)
  .map(([flags, labelField, [tunnelType, tunnel]]) => ({ flags, tunnelType, labelField, tunnel }));

export const arbitraries: Record<number, fc.Arbitrary<PmsiTunnel>> = { 22: pmsiArb };
