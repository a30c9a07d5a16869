/**
 * The FamilyCodec of the MDT group: ipv4/mdt (AFI 1, SAFI 66, RFC 6037 "MDT SAFI"). RFC 6037
 * defines no IPv6 MDT NLRI (and 320 bits would not fit the length octet): there is no ipv6/mdt.
 */
import { toHex } from '../../src/core/hex.js';
import type { FamilyCodec } from '../../src/registry/family.js';
import { mdtFromArgs, mdtToArgs } from './args.js';
import { mdtJson, mdtText } from './json.js';
import { isUnparsed, type MdtNlri, type MdtRoute } from './model.js';
import { decodeMdt, encodeMdt, mdtEncodingLength, recoverMdt } from './wire.js';

/** SAFI 66 (IANA "MDT-SAFI", RFC 6037). */
export const SAFI_MDT = 66;

export const ipv4Mdt: FamilyCodec<MdtRoute, MdtNlri> = Object.freeze({
  name: 'ipv4/mdt',
  afi: 1,
  safi: SAFI_MDT,
  group: 'mdt',
  rfcs: ['RFC 6037', 'RFC 4364', 'RFC 7911'],
  jsonMany: 'auto',
  decode: (r, opts) => decodeMdt(r, opts),
  encodingLength: (m) => mdtEncodingLength(m, 'ipv4/mdt'),
  encode: encodeMdt,
  json: mdtJson,
  text: mdtText,
  fromArgs: (args) => mdtFromArgs(args, 'ipv4/mdt'),
  toArgs: mdtToArgs,
  recover: (r, start) => recoverMdt(r, start),
  // The whole NLRI is the route's identity (RFC 6037: one route per RD, PE and group).
  routeKey: (m) => toHex(isUnparsed(m) ? m.raw : Uint8Array.of(...m.rd, ...m.source, ...m.group)),
} satisfies FamilyCodec<MdtRoute, MdtNlri>);

export const codecs: readonly FamilyCodec<any>[] = [ipv4Mdt];
