export * from './model.js';
export { decodeUpdateWith, hasMarker, HEADER_LENGTH, MAX_MESSAGE, MAX_EXTENDED_MESSAGE } from './decode.js';
export type { UpdateDecodeExtras } from './decode.js';
export { encodeUpdateWith } from './encode.js';
export type { UpdateEncodeOptions } from './encode.js';
export { updateToJson, updateBodyJson } from './json.js';
export { nextHopText } from '../../attributes/mp/nexthop.js';
export type { UpdateJsonOptions } from './json.js';
export { updateRoutes } from './routes.js';
