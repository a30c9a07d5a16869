/**
 * Field inputs as streaming readers (push bytes in, take records out): MRT (RFC 6396, RFC 8050),
 * BMP (RFC 7854, RFC 9069), pcap / pcapng captures of BGP sessions, hex lines; and `RouteReader`,
 * which turns any of them into routes (family, NLRI, next hop, attributes, source).
 */
export * from './errors.js';
export * from './queue.js';
export * from './mrt.js';
export * from './bmp.js';
export * from './pcap.js';
export * from './packet.js';
export * from './open.js';
export * from './bgp-capture.js';
export * from './hex-lines.js';
export * from './detect.js';
export * from './routes.js';
export * from './json.js';
