/**
 * ze-nlri/bgp-ls: BGP Link-State NLRIs (RFC 9552, RFC 9085, RFC 9086, RFC 9514, RFC 8571) for
 * Ze's families `bgp-ls/bgp-ls` and `bgp-ls/bgp-ls-vpn`, `bgp-ls/bgp-ls-spf` (SAFI 80, RFC 9815),
 * the SR Policy Candidate Path NLRI (RFC 9857), and the BGP-LS attribute (type 29).
 */
export { codecs, bgpLs, bgpLsVpn, bgpLsSpf, AFI_BGP_LS, SAFI_BGP_LS, SAFI_BGP_LS_VPN, SAFI_BGP_LS_SPF } from './codecs.js';
export { samples } from './samples.js';
export * from './model.js';
export { BgpLsView } from './view.js';
export { nlriFromArgs, nlriToArgs } from './args.js';
export { nlriText } from './text.js';
export {
  decodeBgpLsAttribute,
  encodeBgpLsAttribute,
  bgpLsAttributeLength,
  bgpLsAttributeJson,
  decodeBgpLsAttributeHex,
  type BgpLsAttribute,
  type BgpLsAttrTlv,
  type AttributeDecodeOptions,
} from './attribute.js';
export { parseBgpLsNlri, encodeBgpLsNlri } from './schema.js';
