/**
 * The BGP-LS families as `FamilyCodec`s: `bgp-ls/bgp-ls` (AFI 16388, SAFI 71),
 * `bgp-ls/bgp-ls-vpn` (SAFI 72, RFC 9552 §5.2: a Route Distinguisher after the length) and
 * `bgp-ls/bgp-ls-spf` (SAFI 80, RFC 9815 §5.1: the SAFI 71 NLRI layout, used for BGP SPF
 * routing; Ze at f09f9ac2 has no name for it, this one follows Ze's `bgp-ls-vpn`).
 */
import type { FamilyCodec } from '../../src/registry/family.js';
import type { BgpLsModel } from './model.js';
import { decodeNlri, encodeNlri, nlriLength, nlriVerbatim, recoverNlri } from './wire.js';
import { nlriJson } from './json.js';
import { nlriFromArgs, nlriToArgs } from './args.js';
import { nlriText } from './text.js';

export const AFI_BGP_LS = 16388;
export const SAFI_BGP_LS = 71;
export const SAFI_BGP_LS_VPN = 72;
/** RFC 9815 §5.1 (IANA SAFI 80, BGP-LS-SPF). */
export const SAFI_BGP_LS_SPF = 80;

const RFCS = Object.freeze(['RFC 9552', 'RFC 9085', 'RFC 9086', 'RFC 9514', 'RFC 8571', 'RFC 9351', 'RFC 9857']);
const RFCS_SPF = Object.freeze([...RFCS, 'RFC 9815']);

function make(name: string, safi: number, vpn: boolean): FamilyCodec<BgpLsModel> {
  const codec: FamilyCodec<BgpLsModel> = {
    name,
    afi: AFI_BGP_LS,
    safi,
    group: 'bgp-ls',
    rfcs: safi === SAFI_BGP_LS_SPF ? RFCS_SPF : RFCS,
    jsonMany: 'auto',
    decode: (r, opts) => decodeNlri(r, vpn, opts),
    encodingLength: (m) => nlriLength(m, vpn),
    encode: (m, w) => encodeNlri(m, w, vpn),
    verbatim: (m, span) => nlriVerbatim(m, vpn, span),
    json: nlriJson,
    fromArgs: (args) => nlriFromArgs(args, vpn),
    toArgs: nlriToArgs,
    text: nlriText,
    recover: (r, start) => recoverNlri(r, start, vpn),
  };
  return Object.freeze(codec);
}

export const bgpLs: FamilyCodec<BgpLsModel> = make('bgp-ls/bgp-ls', SAFI_BGP_LS, false);
export const bgpLsVpn: FamilyCodec<BgpLsModel> = make('bgp-ls/bgp-ls-vpn', SAFI_BGP_LS_VPN, true);

export const bgpLsSpf: FamilyCodec<BgpLsModel> = make('bgp-ls/bgp-ls-spf', SAFI_BGP_LS_SPF, false);

export const codecs: readonly FamilyCodec<BgpLsModel>[] = Object.freeze([bgpLs, bgpLsVpn, bgpLsSpf]);
