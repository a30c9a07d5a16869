/** The BGP-MUP family codecs: `ipv4/mup` (AFI 1) and `ipv6/mup` (AFI 2), SAFI 85 (draft-ietf-bess-mup-safi-00 §3.1). */
import { defineFamily, type FamilyCodec } from '../../src/registry/family.js';
import type { MupNlri } from './model.js';
import { decodeMup, encodeMup, mupEncodingLength, mupVerbatim } from './wire.js';
import { writeMupJson } from './json.js';
import { mupFromArgs, mupToArgs } from './args.js';

function make(name: string, afi: number): FamilyCodec<MupNlri> {
  const v6 = afi === 2;
  return defineFamily<MupNlri>({
    name,
    afi,
    safi: 85,
    group: 'mup',
    rfcs: ['draft-ietf-bess-mup-safi-00'],
    jsonMany: 'auto',
    decode: (r, opts) => decodeMup(r, opts, v6),
    encodingLength: (m) => mupEncodingLength(m),
    encode: (m, w) => encodeMup(m, w),
    verbatim: (m, span) => mupVerbatim(m, span),
    json: (m, j) => writeMupJson(m, j),
    fromArgs: (args) => mupFromArgs(args),
    toArgs: (m) => mupToArgs(m),
    zeDecodeError: 'parse MUP failed',
  });
}

/** BGP-MUP over IPv4 (AFI 1: IPv4 prefixes and addresses by the draft; Ze also writes IPv6 ones). */
export const ipv4Mup: FamilyCodec<MupNlri> = make('ipv4/mup', 1);
/** BGP-MUP over IPv6 (AFI 2). */
export const ipv6Mup: FamilyCodec<MupNlri> = make('ipv6/mup', 2);
