/**
 * The AttributeCodec objects of the basic path attributes, one per type code.
 * RFC 4271 §4.3/§5.1, RFC 5065 §3, RFC 4456 §8, RFC 6793 §3/§6, RFC 7311 §3, RFC 9234 §5; the
 * RFC 7606 action for a malformed instance is on each codec (§7.1-§7.10 for the RFC 4271/4456
 * ones; RFC 6793 §6, RFC 7311 §3.3 and RFC 9234 §5 for the others).
 */
import { ATTR_OPTIONAL, ATTR_TRANSITIVE, defineAttribute, type AttributeCodec } from '../../src/attributes/attribute.js';
import { argsError } from '../../src/core/errors.js';
import { ipv4ToString } from '../../src/core/ip.js';
import {
  aggregatorFromArgs,
  aggregatorToArgs,
  aigpFromArgs,
  aigpToArgs,
  asPathFromArgs,
  asPathToArgs,
  clusterListFromArgs,
  clusterListToArgs,
  ipv4FromArgs,
  originFromArgs,
  originToArgs,
  u32FromArgs,
} from './args.js';
import {
  aggregatorFromText,
  aggregatorText,
  aigpFromJson,
  aigpJson,
  asnFromJson,
  asPathFromJson,
  asPathJson,
  ipv4FromText,
  originFromJson,
  originJson,
  show,
  u32FromJson,
} from './json.js';
import { modelError } from '../../src/core/errors.js';
import type {
  Aggregator,
  Aigp,
  AsPath,
  AtomicAggregate,
  ClusterList,
  LocalPref,
  Med,
  NextHop,
  Origin,
  OriginatorId,
  Otc,
} from './model.js';
import { aigpEncodingLength, decodeAigp, encodeAigp } from './wire-aigp.js';
import { asPathEncodingLength, decodeAs4Path, decodeAsPath, encodeAsPath } from './wire-aspath.js';
import {
  checkAddress,
  checkAsn,
  checkOrigin,
  checkU32,
  decodeAddress,
  decodeAggregator,
  decodeClusterList,
  decodeOrigin,
  decodeU32,
  encodeAggregator,
  fixedLength,
} from './wire-simple.js';

const WELL_KNOWN = ATTR_TRANSITIVE; // 0x40
const OPT_NON_TRANSITIVE = ATTR_OPTIONAL; // 0x80
const OPT_TRANSITIVE = ATTR_OPTIONAL | ATTR_TRANSITIVE; // 0xC0
const group = 'path';

/** ORIGIN (1), well-known mandatory. RFC 7606 §7.1: treat-as-withdraw. */
export const origin = defineAttribute<Origin>({
  code: 1,
  name: 'origin',
  group,
  rfcs: ['RFC 4271 §4.3', 'RFC 4271 §5.1.1', 'RFC 7606 §7.1'],
  flags: WELL_KNOWN,
  onMalformed: 'treat-as-withdraw',
  decode: (r, ctx) => decodeOrigin(r, ctx.strict),
  encodingLength: () => 1,
  encode: (m, w) => {
    checkOrigin(m);
    w.u8(m.value);
  },
  json: originJson,
  // RFC 7606 §7.1: an undefined ORIGIN value is malformed (treat-as-withdraw); it is still shown.
  check: (m) => (m.value > 2 ? `undefined ORIGIN value ${m.value} (RFC 4271 §4.3, RFC 7606 §7.1)` : undefined),
  fromJson: originFromJson,
  fromArgs: originFromArgs,
  toArgs: originToArgs,
  text: (m) => originToArgs(m)[0]!,
});

/** AS_PATH (2), well-known mandatory; 2- or 4-octet ASNs by `ctx.as4` (RFC 6793 §3). RFC 7606 §7.2: treat-as-withdraw. */
export const asPath = defineAttribute<AsPath>({
  code: 2,
  name: 'as-path',
  group,
  rfcs: ['RFC 4271 §4.3', 'RFC 4271 §5.1.2', 'RFC 5065 §3', 'RFC 6793 §3', 'RFC 7606 §7.2'],
  flags: WELL_KNOWN,
  onMalformed: 'treat-as-withdraw',
  decode: (r, ctx) => decodeAsPath(r, ctx.as4 ? 4 : 2, 'AS_PATH'),
  encodingLength: (m, ctx) => asPathEncodingLength(m, ctx.as4 ? 4 : 2),
  encode: (m, w, ctx) => encodeAsPath(m, w, ctx.as4 ? 4 : 2, 'AS_PATH'),
  json: asPathJson,
  fromJson: (v) => asPathFromJson(v, 'as-path'),
  fromArgs: (a) => asPathFromArgs(a, 'as-path'),
  toArgs: asPathToArgs,
  text: (m) => asPathToArgs(m).join(' '),
});

/** NEXT_HOP (3), well-known mandatory for IPv4 NLRI. RFC 7606 §7.3: treat-as-withdraw. */
export const nextHop = defineAttribute<NextHop>({
  code: 3,
  name: 'next-hop',
  group,
  rfcs: ['RFC 4271 §4.3', 'RFC 4271 §5.1.3', 'RFC 7606 §7.3'],
  flags: WELL_KNOWN,
  onMalformed: 'treat-as-withdraw',
  decode: (r) => ({ address: decodeAddress(r, 'NEXT_HOP') }),
  encodingLength: () => 4,
  encode: (m, w) => {
    checkAddress(m.address, 'NEXT_HOP');
    w.bytes(m.address);
  },
  json: (m, j) => void j.stringRaw(ipv4ToString(m.address)),
  fromJson: (v) => ({ address: ipv4FromText(v, 'next-hop') }),
  fromArgs: (a) => ({ address: ipv4FromArgs(a, 'next-hop') }),
  toArgs: (m) => [ipv4ToString(m.address)],
  text: (m) => ipv4ToString(m.address),
});

function u32Codec<M extends { readonly value: number }>(code: number, name: string, what: string, flags: number, rfcs: string[], internalOnly = false): AttributeCodec<M> {
  return defineAttribute<M>({
    code,
    name,
    group,
    rfcs,
    flags,
    internalOnly,
    onMalformed: 'treat-as-withdraw',
    decode: (r) => ({ value: decodeU32(r, what) }) as M,
    encodingLength: () => 4,
    encode: (m, w) => {
      checkU32(m.value, what);
      w.u32(m.value);
    },
    json: (m, j) => void j.number(m.value),
    fromJson: (v) => ({ value: u32FromJson(v, name) }) as M,
    fromArgs: (a) => ({ value: u32FromArgs(a, name) }) as M,
    toArgs: (m) => [String(m.value)],
    text: (m) => String(m.value),
  });
}

/** MULTI_EXIT_DISC (4), optional non-transitive. RFC 7606 §7.4: treat-as-withdraw. */
export const med = u32Codec<Med>(4, 'med', 'MULTI_EXIT_DISC', OPT_NON_TRANSITIVE, ['RFC 4271 §4.3', 'RFC 4271 §5.1.4', 'RFC 7606 §7.4']);

/**
 * LOCAL_PREF (5), well-known (iBGP). RFC 7606 §7.5: malformed from an internal peer is
 * treat-as-withdraw; from an external peer the attribute is discarded whatever it holds (the
 * update layer knows the peer type).
 */
export const localPref = u32Codec<LocalPref>(5, 'local-preference', 'LOCAL_PREF', WELL_KNOWN, ['RFC 4271 §4.3', 'RFC 4271 §5.1.5', 'RFC 7606 §7.5'], true);

/** ATOMIC_AGGREGATE (6), well-known discretionary, length 0. RFC 7606 §7.6: attribute-discard. */
export const atomicAggregate = defineAttribute<AtomicAggregate>({
  code: 6,
  name: 'atomic-aggregate',
  group,
  rfcs: ['RFC 4271 §4.3', 'RFC 4271 §5.1.6', 'RFC 7606 §7.6'],
  flags: WELL_KNOWN,
  onMalformed: 'attribute-discard',
  decode: (r) => {
    fixedLength(r, 0, 'ATOMIC_AGGREGATE');
    return {};
  },
  encodingLength: () => 0,
  encode: () => {},
  json: (_m, j) => void j.bool(true),
  fromJson: (v) => (v === true ? {} : modelError(`atomic-aggregate: expected true, got ${show(v)}`)),
  fromArgs: (a) => (a.length === 0 ? {} : argsError(`atomic-aggregate takes no value, got ${a.join(' ')}`)),
  toArgs: () => [],
  text: () => 'atomic-aggregate',
});

/**
 * AGGREGATOR (7), optional transitive: 6 octets (2-octet AS) unless both sides are 4-octet AS
 * speakers, then 8 (RFC 6793 §3). RFC 7606 §7.7: attribute-discard.
 */
export const aggregator = defineAttribute<Aggregator>({
  code: 7,
  name: 'aggregator',
  group,
  rfcs: ['RFC 4271 §4.3', 'RFC 4271 §5.1.7', 'RFC 6793 §3', 'RFC 7606 §7.7'],
  flags: OPT_TRANSITIVE,
  onMalformed: 'attribute-discard',
  decode: (r, ctx) => decodeAggregator(r, ctx.as4, 'AGGREGATOR'),
  encodingLength: (_m, ctx) => (ctx.as4 ? 8 : 6),
  encode: (m, w, ctx) => encodeAggregator(m, w, ctx.as4, 'AGGREGATOR'),
  json: (m, j) => void j.stringRaw(aggregatorText(m)),
  fromJson: (v) => aggregatorFromText(v, 'aggregator'),
  fromArgs: (a) => aggregatorFromArgs(a, 'aggregator'),
  toArgs: aggregatorToArgs,
  text: aggregatorText,
});

/**
 * ORIGINATOR_ID (9), optional non-transitive. RFC 7606 §7.9: from an internal peer a length
 * other than 4 is treat-as-withdraw (from an external peer: discarded, the update layer's call).
 */
export const originatorId = defineAttribute<OriginatorId>({
  code: 9,
  name: 'originator-id',
  group,
  rfcs: ['RFC 4456 §8', 'RFC 7606 §7.9'],
  flags: OPT_NON_TRANSITIVE,
  internalOnly: true,
  onMalformed: 'treat-as-withdraw',
  decode: (r) => ({ id: decodeAddress(r, 'ORIGINATOR_ID') }),
  encodingLength: () => 4,
  encode: (m, w) => {
    checkAddress(m.id, 'ORIGINATOR_ID');
    w.bytes(m.id);
  },
  json: (m, j) => void j.stringRaw(ipv4ToString(m.id)),
  fromJson: (v) => ({ id: ipv4FromText(v, 'originator-id') }),
  fromArgs: (a) => ({ id: ipv4FromArgs(a, 'originator-id') }),
  toArgs: (m) => [ipv4ToString(m.id)],
  text: (m) => ipv4ToString(m.id),
});

/** CLUSTER_LIST (10), optional non-transitive. RFC 7606 §7.10: treat-as-withdraw (internal peer). */
export const clusterList = defineAttribute<ClusterList>({
  code: 10,
  name: 'cluster-list',
  group,
  rfcs: ['RFC 4456 §8', 'RFC 7606 §7.10'],
  flags: OPT_NON_TRANSITIVE,
  internalOnly: true,
  onMalformed: 'treat-as-withdraw',
  decode: (r) => decodeClusterList(r),
  encodingLength: (m) => m.ids.length * 4,
  encode: (m, w) => {
    if (!Array.isArray(m.ids) || m.ids.length === 0) modelError('CLUSTER_LIST: at least one CLUSTER_ID (RFC 7606 §7.10)');
    for (const id of m.ids) {
      checkAddress(id, 'CLUSTER_LIST');
      w.bytes(id);
    }
  },
  json: (m, j) => {
    j.beginArray();
    for (const id of m.ids) j.stringRaw(ipv4ToString(id));
    j.endArray();
  },
  fromJson: (v) => {
    if (!Array.isArray(v) || v.length === 0) return modelError(`cluster-list: expected a non-empty array of "a.b.c.d", got ${show(v)}`);
    return { ids: v.map((s) => ipv4FromText(s, 'cluster-list')) };
  },
  fromArgs: clusterListFromArgs,
  toArgs: clusterListToArgs,
  text: (m) => m.ids.map((b) => ipv4ToString(b)).join(' '),
});

/**
 * AS4_PATH (17), optional transitive, always 4-octet ASNs (RFC 6793 §3). Malformed (RFC 6793 §6):
 * attribute-discard. Confederation segments decode (RFC 6793 §6 has the receiver discard them:
 * `mergeAs4Path` does).
 */
export const as4Path = defineAttribute<AsPath>({
  code: 17,
  name: 'as4-path',
  group,
  rfcs: ['RFC 6793 §3', 'RFC 6793 §6'],
  flags: OPT_TRANSITIVE,
  onMalformed: 'attribute-discard',
  decode: (r) => decodeAs4Path(r),
  encodingLength: (m) => asPathEncodingLength(m, 4),
  encode: (m, w) => {
    if (m.segments.length === 0) modelError('AS4_PATH: at least one segment (RFC 6793 §6: length at least 6)');
    encodeAsPath(m, w, 4, 'AS4_PATH');
  },
  json: asPathJson,
  fromJson: (v) => asPathFromJson(v, 'as4-path'),
  fromArgs: (a) => asPathFromArgs(a, 'as4-path'),
  toArgs: asPathToArgs,
  text: (m) => asPathToArgs(m).join(' '),
});

/** AS4_AGGREGATOR (18), optional transitive, 8 octets (RFC 6793 §3). RFC 6793 §6: attribute-discard. */
export const as4Aggregator = defineAttribute<Aggregator>({
  code: 18,
  name: 'as4-aggregator',
  group,
  rfcs: ['RFC 6793 §3', 'RFC 6793 §6'],
  flags: OPT_TRANSITIVE,
  onMalformed: 'attribute-discard',
  decode: (r) => decodeAggregator(r, true, 'AS4_AGGREGATOR'),
  encodingLength: () => 8,
  encode: (m, w) => encodeAggregator(m, w, true, 'AS4_AGGREGATOR'),
  json: (m, j) => void j.stringRaw(aggregatorText(m)),
  fromJson: (v) => aggregatorFromText(v, 'as4-aggregator'),
  fromArgs: (a) => aggregatorFromArgs(a, 'as4-aggregator'),
  toArgs: aggregatorToArgs,
  text: aggregatorText,
});

/** AIGP (26), optional non-transitive, RFC 7311 §3. RFC 7311 §3.3: a malformed AIGP is handled as an unrecognised non-transitive attribute: attribute-discard. */
export const aigp = defineAttribute<Aigp>({
  code: 26,
  name: 'aigp',
  group,
  rfcs: ['RFC 7311 §3', 'RFC 7311 §3.3'],
  flags: OPT_NON_TRANSITIVE,
  onMalformed: 'attribute-discard',
  decode: (r, ctx) => decodeAigp(r, ctx.strict),
  encodingLength: aigpEncodingLength,
  encode: encodeAigp,
  json: aigpJson,
  fromJson: aigpFromJson,
  fromArgs: aigpFromArgs,
  toArgs: aigpToArgs,
  text: (m) => aigpToArgs(m).join(' '),
});

/** OTC (35), optional transitive, 4 octets (RFC 9234 §5). Malformed (length not 4): treat-as-withdraw. */
export const otc = defineAttribute<Otc>({
  code: 35,
  name: 'otc',
  group,
  rfcs: ['RFC 9234 §5'],
  flags: OPT_TRANSITIVE,
  onMalformed: 'treat-as-withdraw',
  decode: (r) => ({ asn: decodeU32(r, 'OTC') }),
  encodingLength: () => 4,
  encode: (m, w) => {
    checkAsn(m.asn, true, 'OTC');
    w.u32(m.asn);
  },
  json: (m, j) => void j.number(m.asn),
  fromJson: (v) => ({ asn: asnFromJson(v, 'otc') }),
  fromArgs: (a) => ({ asn: u32FromArgs(a, 'otc') }),
  toArgs: (m) => [String(m.asn)],
  text: (m) => String(m.asn),
});

export const codecs: readonly AttributeCodec<any>[] = [
  origin,
  asPath,
  nextHop,
  med,
  localPref,
  atomicAggregate,
  aggregator,
  originatorId,
  clusterList,
  as4Path,
  as4Aggregator,
  aigp,
  otc,
];
