/**
 * `ze-nlri/mup`: BGP-MUP NLRI (draft-ietf-bess-mup-safi-00 §3.1) for Ze's `ipv4/mup` and
 * `ipv6/mup`: every field of the four 3gpp-5g route types, Ze's encode-nlri args, the typed
 * model, and other architectures / route types kept lossless.
 */
import type { FamilyCodec } from '../../src/registry/family.js';
import { ipv4Mup, ipv6Mup } from './codecs.js';

export * from './model.js';
export { ipv4Mup, ipv6Mup } from './codecs.js';
export { decodeMup, encodeMup, mupEncodingLength, mupVerbatim } from './wire.js';
export { MupView } from './view.js';
export { writeMupJson, mupAddrToString } from './json.js';
export { mupFromArgs, mupToArgs } from './args.js';
export { samples } from './samples.js';

export const codecs: readonly FamilyCodec<any>[] = [ipv4Mup, ipv6Mup];
