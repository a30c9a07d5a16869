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

/** The model type of a codec. */
export type ModelOf<C> = C extends FamilyCodec<infer M> ? M : never;

/** Ze family name → the model its codec decodes to and encodes from. */
export interface FamilyModels {
  'ipv4/mup': ModelOf<typeof mup.ipv4Mup>;
  'ipv6/mup': ModelOf<typeof mup.ipv6Mup>;
  'ipv4/rtc': ModelOf<typeof rtc.ipv4Rtc>;
  'ipv4/mpls-label': ModelOf<typeof labeled.ipv4MplsLabel>;
  'ipv6/mpls-label': ModelOf<typeof labeled.ipv6MplsLabel>;
  'ipv4/mvpn': ModelOf<typeof mvpn.ipv4Mvpn>;
  'ipv6/mvpn': ModelOf<typeof mvpn.ipv6Mvpn>;
  'ipv4/flow': ModelOf<typeof flowspec.ipv4Flow>;
  'ipv6/flow': ModelOf<typeof flowspec.ipv6Flow>;
  'ipv4/flow-vpn': ModelOf<typeof flowspec.ipv4FlowVpn>;
  'ipv6/flow-vpn': ModelOf<typeof flowspec.ipv6FlowVpn>;
  'ipv4/mpls-vpn': ModelOf<typeof vpn.ipv4MplsVpn>;
  'ipv6/mpls-vpn': ModelOf<typeof vpn.ipv6MplsVpn>;
  'bgp-ls/bgp-ls': ModelOf<typeof bgpLs.bgpLs>;
  'bgp-ls/bgp-ls-vpn': ModelOf<typeof bgpLs.bgpLsVpn>;
  'bgp-ls/bgp-ls-spf': ModelOf<typeof bgpLs.bgpLsSpf>;
  'l2vpn/evpn': ModelOf<typeof evpn.evpn>;
  'l2vpn/vpls': ModelOf<typeof vpls.vpls>;
  'ipv4/unicast': ModelOf<typeof unicast.ipv4Unicast>;
  'ipv6/unicast': ModelOf<typeof unicast.ipv6Unicast>;
  'ipv4/multicast': ModelOf<typeof unicast.ipv4Multicast>;
  'ipv6/multicast': ModelOf<typeof unicast.ipv6Multicast>;
  'ipv4/sr-policy': ModelOf<typeof srPolicy.ipv4SrPolicy>;
  'ipv6/sr-policy': ModelOf<typeof srPolicy.ipv6SrPolicy>;
  'ipv4/classful-transport': ModelOf<typeof ct.ipv4ClassfulTransport>;
  'ipv6/classful-transport': ModelOf<typeof ct.ipv6ClassfulTransport>;
  'ipv4/mdt': ModelOf<typeof mdt.ipv4Mdt>;
  'ipv4/mpls-vpn-multicast': ModelOf<typeof vpnMulticast.ipv4MplsVpnMulticast>;
  'ipv6/mpls-vpn-multicast': ModelOf<typeof vpnMulticast.ipv6MplsVpnMulticast>;
  'ipv4/car': ModelOf<typeof car.ipv4Car>;
  'ipv6/car': ModelOf<typeof car.ipv6Car>;
  'ipv4/vpn-car': ModelOf<typeof car.ipv4VpnCar>;
  'ipv6/vpn-car': ModelOf<typeof car.ipv6VpnCar>;
}

/** A built-in family name. */
export type BuiltinFamilyName = keyof FamilyModels;
