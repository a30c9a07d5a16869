/**
 * The line protocol's `decode text nlri <family> <hex>` for FlowSpec (flowspec.md §8): Ze's
 * one-line text of the decode JSON object (§5.1), as its plugin prints it.
 *
 * Ze prints `<key> <value>` pairs joined by one space, keys in the order destination, source,
 * protocol, port, destination-port, source-port, icmp-type, icmp-code, tcp-flags, packet-length,
 * dscp, fragment, flow-label, rd, then the keys not in that list (the IPv6 names
 * destination-ipv6, source-ipv6, next-header). The RD is its string; a component's groups are
 * printed the way Go's `%v` prints a list of string lists: `[[>80 <100] [>443 <500]]` (Ze's
 * formatter has a branch for `|` / `&` joins, but its decoder hands it string lists, which fall
 * through to `%v`). An NLRI with nothing in it prints `(empty)`.
 *
 * One difference: Ze prints the IPv6-only keys in Go's random map order; here they come in
 * component-type order (destination-ipv6, source-ipv6, next-header), so the text is stable.
 */
import { flowSpecToObject } from './json.js';
import type { FlowSpecNlri } from './model.js';

const TEXT_ORDER: readonly string[] = [
  'destination', 'source', 'protocol', 'port', 'destination-port', 'source-port', 'icmp-type', 'icmp-code',
  'tcp-flags', 'packet-length', 'dscp', 'fragment', 'flow-label', 'rd',
  'destination-ipv6', 'source-ipv6', 'next-header',
];

function goListText(v: unknown): string {
  return Array.isArray(v) ? '[' + v.map(goListText).join(' ') + ']' : String(v);
}

/** Ze's `decode text` line for one FlowSpec NLRI. */
export function flowText(m: FlowSpecNlri, v6: boolean): string {
  const o = flowSpecToObject(m, v6);
  const parts: string[] = [];
  for (const key of TEXT_ORDER) {
    if (Object.hasOwn(o, key)) parts.push(key + ' ' + goListText(o[key]));
  }
  return parts.length === 0 ? '(empty)' : parts.join(' ');
}
