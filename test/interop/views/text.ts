/**
 * Normalising the texts both sides print, so that a view compares values, not spellings:
 * IPv6 addresses in RFC 5952 form, RDs without their type (tshark and ExaBGP print
 * `admin:assigned` only), label stacks as comma lists.
 */

/** RFC 5952 text of an IPv4 or IPv6 address (IPv4 unchanged). */
export function ipText(addr: string): string {
  if (!addr.includes(':')) return addr;
  try {
    return new URL(`http://[${addr}]/`).hostname.slice(1, -1);
  } catch {
    return `?${addr}`;
  }
}

/** `prefix/len` with the address normalised. */
export function prefixText(p: string): string {
  const [a, l] = p.split('/');
  return `${ipText(a ?? '')}/${l}`;
}

/** Ze's `type:admin:assigned` RD text → `admin:assigned` (the others print no type). */
export function rdNoType(rd: unknown): string {
  const s = String(rd);
  const m = /^\d+:(.*:.*)$/.exec(s);
  return m ? m[1]! : s;
}

/** Ze's VPN labels (`[[100],[200]]`) or labeled-unicast labels (`[100,200]`) → `100,200`. */
export function labelList(labels: unknown): string {
  return Array.isArray(labels) ? labels.map((l) => (Array.isArray(l) ? l[0] : l)).join(',') : String(labels);
}
