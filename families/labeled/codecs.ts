/** The FamilyCodec objects of the labeled-unicast group: ipv4/mpls-label (1/4), ipv6/mpls-label (2/4). */
import { prefixToString } from '../../src/core/prefix.js';
import type { FamilyCodec } from '../../src/registry/family.js';
import { labeledFromArgs, labeledToArgs } from './args.js';
import { labeledJson } from './json.js';
import type { LabeledNlri } from './model.js';
import { decodeLabeled, encodeLabeled, labeledEncodingLength, labeledVerbatim } from './wire.js';

function labeledCodec(name: string, afi: number, v6: boolean): FamilyCodec<LabeledNlri> {
  return Object.freeze({
    name,
    afi,
    safi: 4,
    group: 'labeled',
    rfcs: ['RFC 8277', 'RFC 7911'],
    jsonMany: 'auto',
    decode: (r, opts) => decodeLabeled(r, opts, v6),
    encodingLength: (m) => labeledEncodingLength(m, v6, name),
    encode: encodeLabeled,
    verbatim: (m, span) => labeledVerbatim(m, v6, span),
    json: labeledJson,
    fromArgs: (args) => labeledFromArgs(args, v6, name),
    toArgs: labeledToArgs,
    // RFC 8277 §2.4: a withdrawal names the prefix; the labels are not part of the route.
    routeKey: (m) => prefixToString(m.prefix),
  } satisfies FamilyCodec<LabeledNlri>);
}

export const ipv4MplsLabel = labeledCodec('ipv4/mpls-label', 1, false);
export const ipv6MplsLabel = labeledCodec('ipv6/mpls-label', 2, true);

export const codecs: readonly FamilyCodec<any>[] = [ipv4MplsLabel, ipv6MplsLabel];
