/**
 * The families shipped with ze-nlri. One import per group (families/<group>/index.ts); the
 * default registry, the CLI and the plugin take their families from this list only.
 */
import type { FamilyCodec } from './registry/family.js';
import type { Sample } from './registry/samples.js';
import * as mup from '../families/mup/index.js';
import * as rtc from '../families/rtc/index.js';
import * as labeled from '../families/labeled/index.js';
import * as mvpn from '../families/mvpn/index.js';
import * as flowspec from '../families/flowspec/index.js';
import * as vpn from '../families/vpn/index.js';
import * as bgpLs from '../families/bgp-ls/group.js';
import * as evpn from '../families/evpn/index.js';
import * as vpls from '../families/vpls/index.js';
import * as unicast from '../families/unicast/index.js';
import * as srPolicy from '../families/sr-policy/index.js';
import * as ct from '../families/ct/index.js';
import * as mdt from '../families/mdt/index.js';
import * as vpnMulticast from '../families/vpn-multicast/index.js';
import * as car from '../families/car/index.js';

interface FamilyGroup {
  readonly codecs: readonly FamilyCodec<any>[];
  readonly samples: readonly Sample[];
}

const groups: readonly FamilyGroup[] = [
  mup,
  rtc,
  labeled,
  mvpn,
  flowspec,
  vpn,
  bgpLs,
  evpn,
  vpls,
  unicast,
  srPolicy,
  ct,
  mdt,
  vpnMulticast,
  car,
];

export const builtinCodecs: readonly FamilyCodec<any>[] = groups.flatMap((g) => g.codecs);
export const builtinSamples: readonly Sample[] = groups.flatMap((g) => g.samples);
