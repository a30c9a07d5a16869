/**
 * The four FlowSpec family codecs (RFC 8955 §4 and §8, RFC 8956 §2): `ipv4/flow` (1/133),
 * `ipv6/flow` (2/133), `ipv4/flow-vpn` (1/134), `ipv6/flow-vpn` (2/134). They differ only in the
 * address family of the prefix components and in the Route Distinguisher of the VPN SAFI.
 */
import { defineFamily, type FamilyCodec } from '../../src/registry/family.js';
import { flowFromArgs, flowToArgs } from './args.js';
import { flowFromZeJson } from './json-in.js';
import { writeFlowJson } from './json.js';
import type { FlowSpecNlri } from './model.js';
import { flowText } from './text.js';
import { decodeFlowSpec, encodeFlowSpec, flowEncodingLength, flowVerbatim, type FlowShape } from './wire.js';

/** Ze's decode-nlri error text for every FlowSpec failure. */
export const FLOWSPEC_DECODE_ERROR = 'no valid FlowSpec decoded';

function flowCodec(name: string, afi: number, safi: number): FamilyCodec<FlowSpecNlri> {
  const shape: FlowShape = { v6: afi === 2, vpn: safi === 134 };
  return defineFamily<FlowSpecNlri>({
    name,
    afi,
    safi,
    group: 'flowspec',
    rfcs: shape.v6 ? ['RFC 8955', 'RFC 8956'] : ['RFC 8955'],
    jsonMany: 'auto',
    decode: (r, opts) => decodeFlowSpec(r, shape, opts.strict === true),
    encodingLength: (m) => flowEncodingLength(m, shape, name),
    encode: (m, w) => encodeFlowSpec(m, w, shape),
    verbatim: (m, span) => flowVerbatim(m, shape, span),
    json: (m, j) => writeFlowJson(m, shape.v6, j),
    fromArgs: (args) => flowFromArgs(args, shape, name),
    toArgs: (m) => flowToArgs(m, shape, name),
    fromZeJson: (value) => flowFromZeJson(value, shape, name),
    text: (m) => flowText(m, shape.v6),
    zeDecodeError: FLOWSPEC_DECODE_ERROR,
  });
}

export const ipv4Flow = flowCodec('ipv4/flow', 1, 133);
export const ipv6Flow = flowCodec('ipv6/flow', 2, 133);
export const ipv4FlowVpn = flowCodec('ipv4/flow-vpn', 1, 134);
export const ipv6FlowVpn = flowCodec('ipv6/flow-vpn', 2, 134);

export const codecs: readonly FamilyCodec<FlowSpecNlri>[] = [ipv4Flow, ipv6Flow, ipv4FlowVpn, ipv6FlowVpn];
