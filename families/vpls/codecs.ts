/**
 * The `l2vpn/vpls` family codec (AFI 25, SAFI 65): RFC 4761 §3.2.2 (RFC 4762 defines no NLRI).
 */
import type { FamilyCodec } from '../../src/registry/family.js';
import { defineFamily } from '../../src/registry/family.js';
import { vplsFromArgs, vplsToArgs } from './args.js';
import { writeVplsJson } from './json.js';
import type { VplsRoute } from './model.js';
import { decodeVpls, encodeVpls, vplsEncodingLength, vplsVerbatim } from './wire.js';

export const vpls: FamilyCodec<VplsRoute> = defineFamily<VplsRoute>({
  name: 'l2vpn/vpls',
  afi: 25,
  safi: 65,
  group: 'vpls',
  rfcs: ['RFC 4761', 'RFC 4762'],
  jsonMany: 'auto',
  decode: decodeVpls,
  encodingLength: vplsEncodingLength,
  encode: encodeVpls,
  verbatim: vplsVerbatim,
  json: writeVplsJson,
  fromArgs: vplsFromArgs,
  toArgs: vplsToArgs,
  /** Ze's only decode error: every failure is a short input. */
  zeDecodeError: 'parse VPLS failed: vpls: truncated data',
});

export const codecs: readonly FamilyCodec<any>[] = [vpls];
