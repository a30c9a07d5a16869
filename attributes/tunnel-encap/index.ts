/** TUNNEL_ENCAPSULATION (type 23): RFC 9012, SR Policy sub-TLVs of RFC 9830 §2.4 and RFC 9831. */
import type { AttributeCodec } from '../../src/attributes/attribute.js';
import { tunnelEncapCodec } from './codecs.js';

export * from './model.js';
export * from './build.js';
export { tunnelEncapCodec, TUNNEL_ENCAPSULATION } from './codecs.js';
export { decodeTunnelEncap, encodeTunnelEncap, tunnelEncapLength } from './wire.js';
export { tunnelEncapFromPlain, tunnelEncapToPlain, tunnelEncapJsonText } from './json.js';
export { tunnelEncapFromArgs, tunnelEncapToArgs } from './args.js';
export { SEGMENT_LAYOUTS } from './segments.js';
export { effectiveSubTlvs, endpointRequired, ENDPOINT_AFI_SAFI, tunnelIgnoredReason, withoutIgnoredTunnels } from './validate.js';
export { samples } from './samples.js';

export const codecs: readonly AttributeCodec<any>[] = [tunnelEncapCodec];
