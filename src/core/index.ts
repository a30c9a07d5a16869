/** The family-independent core: cursor, writer, errors, hex, Go-exact JSON, shared BGP pieces. */
export * from './errors.js';
export * from './reader.js';
export * from './writer.js';
export * from './hex.js';
export * from './json.js';
export * from './ip.js';
export * from './prefix.js';
export * from './rd.js';
export * from './labels.js';
export * from './bgp.js';
