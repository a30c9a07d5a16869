/**
 * The FlowSpec component types (RFC 8955 §4.2.2, RFC 8956 §3) and what Ze calls them: the JSON
 * key per address family (Ze keeps `dscp` for type 11 and names type 3 `next-header` in IPv6),
 * the operator kind, the name Ze uses in its args errors, and the value ceiling of its args.
 */
export type ComponentKind = 'prefix' | 'numeric' | 'bitmask';

export interface ComponentInfo {
  readonly type: number;
  readonly kind: ComponentKind;
  /** JSON key in the ipv4 families. */
  readonly keyV4: string;
  /** JSON key in the ipv6 families. */
  readonly keyV6: string;
  /** Ze's name of the type (`FlowComponentType.String`), used in args errors. */
  readonly name: string;
  /** Largest value Ze's args accept (numeric types); for bitmask types the largest flags value. */
  readonly max: number;
}

function info(type: number, kind: ComponentKind, keyV4: string, keyV6: string, name: string, max = 0): ComponentInfo {
  return { type, kind, keyV4, keyV6, name, max };
}

/** Indexed by type code; 0 and 14..255 are undefined (RFC 8955 §4.2: unknown type = malformed). */
export const COMPONENTS: readonly (ComponentInfo | undefined)[] = [
  undefined,
  info(1, 'prefix', 'destination', 'destination-ipv6', 'destination'),
  info(2, 'prefix', 'source', 'source-ipv6', 'source'),
  info(3, 'numeric', 'protocol', 'next-header', 'protocol', 255),
  info(4, 'numeric', 'port', 'port', 'port', 0xffff),
  info(5, 'numeric', 'destination-port', 'destination-port', 'destination-port', 0xffff),
  info(6, 'numeric', 'source-port', 'source-port', 'source-port', 0xffff),
  info(7, 'numeric', 'icmp-type', 'icmp-type', 'icmp-type', 255),
  info(8, 'numeric', 'icmp-code', 'icmp-code', 'icmp-code', 255),
  info(9, 'bitmask', 'tcp-flags', 'tcp-flags', 'tcp-flags', 0xffff), // RFC 8955 §4.2.2.9: 1 or 2 octets
  info(10, 'numeric', 'packet-length', 'packet-length', 'packet-length', 0xffff),
  info(11, 'numeric', 'dscp', 'dscp', 'dscp', 63),
  info(12, 'bitmask', 'fragment', 'fragment', 'fragment', 255),
  info(13, 'numeric', 'flow-label', 'flow-label', 'flow-label', 0xffffffff),
];

export const MAX_COMPONENT_TYPE = 13;

function sortedTypes(v6: boolean): readonly number[] {
  const types: number[] = [];
  for (let t = 1; t <= MAX_COMPONENT_TYPE; t++) types.push(t);
  const key = (t: number): string => (v6 ? COMPONENTS[t]!.keyV6 : COMPONENTS[t]!.keyV4);
  return types.sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));
}

/** Component types in the byte-wise order of their JSON keys (Go map order), per family. */
export const JSON_ORDER_V4 = sortedTypes(false);
export const JSON_ORDER_V6 = sortedTypes(true);

/** Protocol names Ze prints for type 3 (values 0..255 only in ze-nlri) and accepts in args. */
export const PROTOCOL_NAMES: ReadonlyMap<number, string> = new Map([
  [1, 'icmp'],
  [2, 'igmp'],
  [6, 'tcp'],
  [17, 'udp'],
  [47, 'gre'],
  [58, 'icmpv6'],
  [89, 'ospf'],
  [132, 'sctp'],
]);

/** RFC 8955 §4.2.2.9 TCP flag bits, from 0x01 upward, as Ze prints them. */
export const TCP_FLAG_NAMES: readonly string[] = ['fin', 'syn', 'rst', 'push', 'ack', 'urg', 'ece', 'cwr'];

/** RFC 8955 §4.2.2.12 fragment bits 0x01..0x08 as Ze prints them (0x10..0x80 have no name). */
export const FRAGMENT_FLAG_NAMES: readonly string[] = ['dont-fragment', 'is-fragment', 'first-fragment', 'last-fragment'];

/** Flag names Ze's args accept (with aliases), lower case. */
export const TCP_FLAG_ARGS: ReadonlyMap<string, number> = new Map([
  ['fin', 0x01],
  ['syn', 0x02],
  ['rst', 0x04],
  ['psh', 0x08],
  ['push', 0x08],
  ['ack', 0x10],
  ['urg', 0x20],
  ['ece', 0x40],
  ['cwr', 0x80],
]);

export const FRAGMENT_FLAG_ARGS: ReadonlyMap<string, number> = new Map([
  ['dont-fragment', 0x01],
  ['is-fragment', 0x02],
  ['first-fragment', 0x04],
  ['last-fragment', 0x08],
  ['df', 0x01],
  ['isf', 0x02],
  ['ff', 0x04],
  ['lf', 0x08],
]);
