/**
 * `ze-nlri/flowspec`: the FlowSpec families (RFC 8955, RFC 8956): codecs, typed model, the JSON
 * and args helpers, the decoded view, and canonical samples.
 */
export * from './model.js';
export { COMPONENTS, PROTOCOL_NAMES, TCP_FLAG_NAMES, FRAGMENT_FLAG_NAMES, type ComponentInfo, type ComponentKind } from './components.js';
export { canonicalComponents } from './canonical.js';
export { WirePrefix, patternOctets, MAX_FLOW_LENGTH } from './wire.js';
export { FlowView } from './view.js';
export { prefixText, numericText, bitmaskGroup, componentGroups, flowSpecToObject } from './json.js';
export { zeJsonToArgs } from './json-in.js';
export { flowText } from './text.js';
export { codecs, ipv4Flow, ipv6Flow, ipv4FlowVpn, ipv6FlowVpn, FLOWSPEC_DECODE_ERROR } from './codecs.js';
export { samples } from './samples.js';
