/**
 * The AttributeCodec objects of the community group: COMMUNITIES (8, RFC 1997), EXTENDED_COMMUNITIES
 * (16, RFC 4360), IPv6 Address Specific Extended Community (25, RFC 5701), LARGE_COMMUNITY
 * (32, RFC 8092). All optional transitive (flags 0xC0). RFC 7606 §7.8, §7.14, §7.15 and RFC 8092
 * §11: a malformed instance is treat-as-withdraw.
 */
import { ATTR_OPTIONAL, ATTR_TRANSITIVE, defineAttribute, type AttributeCodec } from '../../src/attributes/attribute.js';
import { JsonWriter } from '../../src/core/json.js';
import type { Communities, ExtendedCommunities, Ipv6ExtendedCommunities, LargeCommunities } from './model.js';
import {
  communitiesFromArgs,
  communitiesFromJson,
  communitiesJson,
  communitiesToArgs,
  decodeCommunities,
  decodeLarge,
  encodeCommunities,
  encodeLarge,
  largeFromArgs,
  largeFromJson,
  largeJson,
  largeToArgs,
} from './standard.js';
import { decodeExtendeds, encodeExtendeds, extendedsFromJson, extendedsJson } from './extended.js';
import { extendedFromArgs, extendedToArgs } from './extended-args.js';
import {
  decodeIpv6Extendeds,
  encodeIpv6Extendeds,
  ipv6ExtendedsFromArgs,
  ipv6ExtendedsFromJson,
  ipv6ExtendedsJson,
  ipv6ExtendedsToArgs,
} from './ipv6.js';

const FLAGS = ATTR_OPTIONAL | ATTR_TRANSITIVE;

function text<M>(json: (m: M, j: JsonWriter) => void): (m: M) => string {
  return (m) => {
    const j = new JsonWriter();
    json(m, j);
    return j.take();
  };
}

export const communities: AttributeCodec<Communities> = defineAttribute<Communities>({
  code: 8,
  name: 'community',
  group: 'communities',
  rfcs: ['RFC 1997', 'RFC 3765', 'RFC 7611', 'RFC 7999', 'RFC 8326', 'RFC 9494', 'RFC 7606 §7.8'],
  flags: FLAGS,
  onMalformed: 'treat-as-withdraw', // RFC 7606 §7.8
  decode: (r) => decodeCommunities(r),
  encodingLength: (m) => m.communities.length * 4,
  encode: (m, w) => encodeCommunities(m, w),
  json: communitiesJson,
  fromJson: (v) => communitiesFromJson(v),
  fromArgs: communitiesFromArgs,
  toArgs: communitiesToArgs,
  text: (m) => communitiesToArgs(m).join(' '),
});

export const extendedCommunities: AttributeCodec<ExtendedCommunities> = defineAttribute<ExtendedCommunities>({
  code: 16,
  name: 'extended-community',
  group: 'communities',
  rfcs: ['RFC 4360', 'RFC 5668', 'RFC 7153', 'RFC 8955 §7', 'RFC 7432 §7.5-7.8', 'RFC 9135', 'RFC 8214', 'RFC 9012 §4', 'RFC 7606 §7.14'],
  flags: FLAGS,
  onMalformed: 'treat-as-withdraw', // RFC 7606 §7.14
  decode: (r) => decodeExtendeds(r),
  encodingLength: (m) => m.communities.length * 8,
  encode: (m, w) => encodeExtendeds(m, w),
  json: extendedsJson,
  fromJson: (v) => extendedsFromJson(v),
  fromArgs: extendedFromArgs,
  toArgs: extendedToArgs,
  text: (m) => extendedToArgs(m).join(' '),
});

export const ipv6ExtendedCommunities: AttributeCodec<Ipv6ExtendedCommunities> = defineAttribute<Ipv6ExtendedCommunities>({
  code: 25,
  name: 'ipv6-extended-community',
  group: 'communities',
  rfcs: ['RFC 5701', 'RFC 8956 §6.1', 'RFC 7606 §7.15'],
  flags: FLAGS,
  onMalformed: 'treat-as-withdraw', // RFC 7606 §7.15
  decode: (r) => decodeIpv6Extendeds(r),
  encodingLength: (m) => m.communities.length * 20,
  encode: (m, w) => encodeIpv6Extendeds(m, w),
  json: ipv6ExtendedsJson,
  fromJson: (v) => ipv6ExtendedsFromJson(v),
  fromArgs: ipv6ExtendedsFromArgs,
  toArgs: ipv6ExtendedsToArgs,
  text: (m) => ipv6ExtendedsToArgs(m).join(' '),
});

export const largeCommunities: AttributeCodec<LargeCommunities> = defineAttribute<LargeCommunities>({
  code: 32,
  name: 'large-community',
  group: 'communities',
  rfcs: ['RFC 8092 §3', 'RFC 8092 §11'],
  flags: FLAGS,
  onMalformed: 'treat-as-withdraw', // RFC 8092 §11
  decode: (r) => decodeLarge(r),
  encodingLength: (m) => m.communities.length * 12,
  encode: (m, w) => encodeLarge(m, w),
  json: largeJson,
  fromJson: (v) => largeFromJson(v),
  fromArgs: largeFromArgs,
  toArgs: largeToArgs,
  text: (m) => largeToArgs(m).join(' '),
});

export const codecs: readonly AttributeCodec<any>[] = [communities, extendedCommunities, ipv6ExtendedCommunities, largeCommunities];

/** The JSON text of a codec's value (for tests and the CLI). */
export const jsonText = {
  communities: text(communitiesJson),
  extended: text(extendedsJson),
  ipv6Extended: text(ipv6ExtendedsJson),
  large: text(largeJson),
};
