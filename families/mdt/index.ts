/**
 * ze-nlri/mdt: the MDT SAFI (AFI 1, SAFI 66) of RFC 6037: RD, originating PE address and the
 * default MDT's group address; ADD-PATH through the core (RFC 7911).
 */
export { codecs, ipv4Mdt, SAFI_MDT } from './codecs.js';
export { samples } from './samples.js';
export { isUnparsed, type MdtNlri, type MdtUnparsed, type MdtRoute } from './model.js';
export { decodeMdt, MDT_BITS } from './wire.js';
