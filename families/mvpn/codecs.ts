/** The MCAST-VPN family codecs: `ipv4/mvpn` (AFI 1) and `ipv6/mvpn` (AFI 2), SAFI 5 (RFC 6514 §4). */
import { defineFamily, type FamilyCodec } from '../../src/registry/family.js';
import type { MvpnNlri } from './model.js';
import { decodeMvpn, encodeMvpn, mvpnEncodingLength, mvpnVerbatim } from './wire.js';
import { writeMvpnJson } from './json.js';
import { mvpnFromArgs, mvpnToArgs } from './args.js';

function make(name: string, afi: number): FamilyCodec<MvpnNlri> {
  return defineFamily<MvpnNlri>({
    name,
    afi,
    safi: 5,
    group: 'mvpn',
    rfcs: ['RFC 6514', 'RFC 6515', 'RFC 6625', 'RFC 7524'],
    jsonMany: 'auto',
    decode: (r, opts) => decodeMvpn(r, opts),
    encodingLength: (m) => mvpnEncodingLength(m),
    encode: (m, w) => encodeMvpn(m, w),
    verbatim: (m, span) => mvpnVerbatim(m, span),
    json: (m, j) => writeMvpnJson(m, j),
    fromArgs: (args) => mvpnFromArgs(args),
    toArgs: (m) => mvpnToArgs(m),
    zeDecodeError: 'parse MVPN failed',
  });
}

/** RFC 6514 with IPv4 addresses (the addresses' sizes follow from their lengths, RFC 6515 §2). */
export const ipv4Mvpn: FamilyCodec<MvpnNlri> = make('ipv4/mvpn', 1);
/** RFC 6514 with IPv6 addresses (RFC 6515). */
export const ipv6Mvpn: FamilyCodec<MvpnNlri> = make('ipv6/mvpn', 2);
