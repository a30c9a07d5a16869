/** PMSI_TUNNEL (type 22, RFC 6514 §5): codec, model, builders, samples. */
import type { AttributeCodec } from '../../src/attributes/attribute.js';
import { pmsiTunnelCodec } from './codecs.js';

export * from './model.js';
export { decodePmsi, encodePmsi, pmsiLength, checkPmsi } from './wire.js';
export { pmsiJson, pmsiFromJson } from './json.js';
export { pmsiFromArgs, pmsiToArgs, ingressReplication, ingressReplicationVni, rsvpTeP2mp, mldp, pimTree, noTunnelInfo } from './args.js';
export { samples } from './samples.js';
export { pmsiTunnelCodec };

export const codecs: readonly AttributeCodec<any>[] = [pmsiTunnelCodec];
