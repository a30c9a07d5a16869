/** The FamilyCodec objects of the SR Policy group: ipv4/sr-policy (1/73), ipv6/sr-policy (2/73), RFC 9830 §2.1. */
import type { FamilyCodec } from '../../src/registry/family.js';
import { srPolicyFromArgs, srPolicyToArgs } from './args.js';
import { srPolicyJson, srPolicyText } from './json.js';
import type { SrPolicyNlri } from './model.js';
import { decodeSrPolicy, encodeSrPolicy, srPolicyEncodingLength } from './wire.js';

/** RFC 9830 §6.1: the SR Policy SAFI. */
export const SAFI_SR_POLICY = 73;

function srPolicyCodec(name: string, afi: number, v6: boolean): FamilyCodec<SrPolicyNlri> {
  return Object.freeze({
    name,
    afi,
    safi: SAFI_SR_POLICY,
    group: 'sr-policy',
    rfcs: ['RFC 9830', 'RFC 9831', 'RFC 9256', 'RFC 7911'],
    jsonMany: 'auto',
    decode: (r, opts) => decodeSrPolicy(r, opts, v6),
    encodingLength: (m) => srPolicyEncodingLength(m, name),
    encode: encodeSrPolicy,
    json: srPolicyJson,
    fromArgs: (args) => srPolicyFromArgs(args, v6, name),
    toArgs: (m) => srPolicyToArgs(m, v6),
    text: srPolicyText,
  } satisfies FamilyCodec<SrPolicyNlri>);
}

export const ipv4SrPolicy = srPolicyCodec('ipv4/sr-policy', 1, false);
export const ipv6SrPolicy = srPolicyCodec('ipv6/sr-policy', 2, true);

export const codecs: readonly FamilyCodec<any>[] = [ipv4SrPolicy, ipv6SrPolicy];
