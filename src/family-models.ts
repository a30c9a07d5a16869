/**
 * The model type of every built-in family, by Ze family name: `defaultRegistry.require('ipv4/flow')`
 * is a `FamilyCodec<FlowSpecNlri>`, not a `FamilyCodec<any>` (issue 17 §3). Each entry is read off
 * the family's own codec constant, so the map cannot drift from the codecs; it holds types only
 * (no runtime import). A test checks that its keys are exactly the names in `src/families.ts`.
 */
import type { FamilyCodec } from './registry/family.js';
import type * as mup from '../families/mup/codecs.js';
import type * as rtc from '../families/rtc/codecs.js';
import type * as labeled from '../families/labeled/codecs.js';
import type * as mvpn from '../families/mvpn/codecs.js';
import type * as flowspec from '../families/flowspec/codecs.js';
import type * as vpn from '../families/vpn/codecs.js';
import type * as bgpLs from '../families/bgp-ls/codecs.js';
import type * as evpn from '../families/evpn/codecs.js';
import type * as vpls from '../families/vpls/codecs.js';
import type * as unicast from '../families/unicast/codecs.js';
import type * as srPolicy from '../families/sr-policy/codecs.js';
import type * as ct from '../families/ct/codecs.js';
import type * as mdt from '../families/mdt/codecs.js';
import type * as vpnMulticast from '../families/vpn-multicast/codecs.js';
import type * as car from '../families/car/codecs.js';

/** The model type of a codec: every model it encodes, its lossless record included. */
export type ModelOf<C> = C extends FamilyCodec<infer M, any> ? M : never;

/** The parsed-route type of a codec: what `decode`, `fromArgs` and a decode without `lossless` give. */
export type ParsedOf<C> = C extends FamilyCodec<any, infer P> ? P : never;

/** Ze family name → its codec's type. */
export interface FamilyCodecs {
  'ipv4/mup': typeof mup.ipv4Mup;
  'ipv6/mup': typeof mup.ipv6Mup;
  'ipv4/rtc': typeof rtc.ipv4Rtc;
  'ipv4/mpls-label': typeof labeled.ipv4MplsLabel;
  'ipv6/mpls-label': typeof labeled.ipv6MplsLabel;
  'ipv4/mvpn': typeof mvpn.ipv4Mvpn;
  'ipv6/mvpn': typeof mvpn.ipv6Mvpn;
  'ipv4/flow': typeof flowspec.ipv4Flow;
  'ipv6/flow': typeof flowspec.ipv6Flow;
  'ipv4/flow-vpn': typeof flowspec.ipv4FlowVpn;
  'ipv6/flow-vpn': typeof flowspec.ipv6FlowVpn;
  'ipv4/mpls-vpn': typeof vpn.ipv4MplsVpn;
  'ipv6/mpls-vpn': typeof vpn.ipv6MplsVpn;
  'bgp-ls/bgp-ls': typeof bgpLs.bgpLs;
  'bgp-ls/bgp-ls-vpn': typeof bgpLs.bgpLsVpn;
  'bgp-ls/bgp-ls-spf': typeof bgpLs.bgpLsSpf;
  'l2vpn/evpn': typeof evpn.evpn;
  'l2vpn/vpls': typeof vpls.vpls;
  'ipv4/unicast': typeof unicast.ipv4Unicast;
  'ipv6/unicast': typeof unicast.ipv6Unicast;
  'ipv4/multicast': typeof unicast.ipv4Multicast;
  'ipv6/multicast': typeof unicast.ipv6Multicast;
  'ipv4/sr-policy': typeof srPolicy.ipv4SrPolicy;
  'ipv6/sr-policy': typeof srPolicy.ipv6SrPolicy;
  'ipv4/classful-transport': typeof ct.ipv4ClassfulTransport;
  'ipv6/classful-transport': typeof ct.ipv6ClassfulTransport;
  'ipv4/mdt': typeof mdt.ipv4Mdt;
  'ipv4/mpls-vpn-multicast': typeof vpnMulticast.ipv4MplsVpnMulticast;
  'ipv6/mpls-vpn-multicast': typeof vpnMulticast.ipv6MplsVpnMulticast;
  'ipv4/car': typeof car.ipv4Car;
  'ipv6/car': typeof car.ipv6Car;
  'ipv4/vpn-car': typeof car.ipv4VpnCar;
  'ipv6/vpn-car': typeof car.ipv6VpnCar;
}

/** Ze family name → the model its codec decodes to and encodes from. */
export type FamilyModels = { [N in keyof FamilyCodecs]: ModelOf<FamilyCodecs[N]> };

/** Ze family name → its parsed route (no lossless record). */
export type FamilyRoutes = { [N in keyof FamilyCodecs]: ParsedOf<FamilyCodecs[N]> };

/** A built-in family name. */
export type BuiltinFamilyName = keyof FamilyCodecs;
