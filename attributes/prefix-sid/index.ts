/** BGP Prefix-SID (type 40, RFC 8669, RFC 9252): codec, model, builders, samples. */
import type { AttributeCodec } from '../../src/attributes/attribute.js';
import { prefixSidCodec } from './codecs.js';

export * from './model.js';
export { decodePrefixSid, encodePrefixSid, prefixSidLength, prefixSidMalformedAction } from './wire.js';
export { prefixSidJson, prefixSidFromJson } from './json.js';
export { prefixSidFromArgs, prefixSidToArgs, labelIndexSid, srv6L3Service, srv6L2Service, prefixSid, type Srv6Options } from './args.js';
export { samples } from './samples.js';
export { prefixSidCodec };

export const codecs: readonly AttributeCodec<any>[] = [prefixSidCodec];
