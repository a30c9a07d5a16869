/**
 * Valid EVPN routes of all eleven types (RFC 7432 §7, RFC 9136 §3.1, RFC 9251 §9, RFC 9572 §3)
 * and raw routes of types without a layout, built from random field values through the family's
 * builders: any RD octets, ESIs, tags, IPv4/IPv6 addresses, MPLS labels and 24-bit VNIs.
 */
import fc from 'fast-check';
import {
  buildEthernetAd,
  buildEthernetSegment,
  buildInclusiveMulticast,
  buildIpPrefix,
  buildLeafAd,
  buildMacIp,
  buildMulticast,
  buildPerRegionIpmsi,
  buildRaw,
} from '../../families/evpn/build.js';
import type { LabelSpec } from '../../families/evpn/labels.js';
import type { EvpnRoute } from '../../families/evpn/model.js';

const bytes = (n: number): fc.Arbitrary<Uint8Array> => fc.uint8Array({ minLength: n, maxLength: n });
const rd = bytes(8);
const esi = bytes(10);
const tag = fc.integer({ min: 0, max: 0xffffffff });
const addr = fc.oneof(bytes(4), bytes(16));
const label: fc.Arbitrary<LabelSpec> = fc.oneof(
  fc.integer({ min: 0, max: 0xfffff }),
  fc.integer({ min: 0, max: 0xffffff }).map((vni) => ({ vni })),
);
const u8 = fc.integer({ min: 0, max: 255 });

const prefix = fc.boolean().chain((v6) =>
  fc.record({ v6: fc.constant(v6), len: fc.integer({ min: 0, max: v6 ? 128 : 32 }), addr: bytes(v6 ? 16 : 4) }),
);

const multicast = (type: 6 | 7 | 8 | 10): fc.Arbitrary<EvpnRoute> =>
  fc
    .record({
      rd,
      esi,
      ethernetTag: tag,
      source: fc.option(addr, { nil: undefined }),
      group: addr,
      originator: addr,
      flags: u8,
      leaveGroupSync: tag,
      maxResponseTime: u8,
    })
    .map((f) => buildMulticast(type, f));

const perRegion = fc.record({ rd, ethernetTag: tag, regionId: bytes(8) }).map(buildPerRegionIpmsi);

export const evpnArb: fc.Arbitrary<EvpnRoute> = fc.oneof(
  fc.record({ rd, esi, ethernetTag: tag, labels: fc.array(label, { minLength: 1, maxLength: 1 }) }).map(buildEthernetAd),
  fc
    .record({ rd, esi, ethernetTag: tag, mac: bytes(6), ip: fc.option(addr, { nil: undefined }), labels: fc.array(label, { minLength: 1, maxLength: 2 }) })
    .map(buildMacIp),
  fc.record({ rd, ethernetTag: tag, originator: addr }).map(buildInclusiveMulticast),
  fc.record({ rd, esi, originator: addr }).map(buildEthernetSegment),
  fc
    .record({ rd, esi, ethernetTag: tag, prefix, gateway: fc.option(bytes(4), { nil: undefined }), label })
    .map(buildIpPrefix),
  multicast(6),
  multicast(7),
  multicast(8),
  perRegion,
  multicast(10),
  fc.record({ key: perRegion, originator: addr }).map(({ key, originator }) => buildLeafAd({ routeKey: key.bytes.slice(), originator })),
  fc
    .record({ type: fc.oneof(fc.constant(0), fc.integer({ min: 12, max: 255 })), payload: fc.uint8Array({ maxLength: 60 }) })
    .map(({ type, payload }) => buildRaw(type, payload)),
);

export const arbitraries = { 'l2vpn/evpn': evpnArb };
