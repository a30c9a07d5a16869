/**
 * ze-nlri/labeled: labeled unicast, ipv4/mpls-label and ipv6/mpls-label (RFC 8277), ADD-PATH
 * through the core (RFC 7911).
 */
export { codecs, ipv4MplsLabel, ipv6MplsLabel } from './codecs.js';
export { samples } from './samples.js';
export { LabeledView, type LabeledNlri } from './model.js';
export { decodeLabeled, type LabeledDecodeOptions } from './wire.js';
export type { LabelDecodeOptions } from '../../src/core/label-scan.js';
