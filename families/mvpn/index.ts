/**
 * `ze-nlri/mvpn`: MCAST-VPN NLRI (RFC 6514 §4, RFC 6515, RFC 6625) for Ze's `ipv4/mvpn` and
 * `ipv6/mvpn`: all seven route types decoded and encoded, from bytes, args or the typed model.
 */
import type { FamilyCodec } from '../../src/registry/family.js';
import { ipv4Mvpn, ipv6Mvpn } from './codecs.js';

export * from './model.js';
export { ipv4Mvpn, ipv6Mvpn } from './codecs.js';
export { decodeMvpn, encodeMvpn, mvpnEncodingLength, mvpnVerbatim } from './wire.js';
export { MvpnView } from './view.js';
export { writeMvpnJson, mvpnAddrToString, mvpnRdText } from './json.js';
export { mvpnFromArgs, mvpnToArgs } from './args.js';
export { samples } from './samples.js';

export const codecs: readonly FamilyCodec<any>[] = [ipv4Mvpn, ipv6Mvpn];
