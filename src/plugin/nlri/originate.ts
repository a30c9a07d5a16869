/**
 * Route origination for any registered family through Ze's wire-form route command
 * (ze-plugin-protocol.md §6.1):
 *
 *   update hex attr set <path-attrs-hex> [nhop set <nh-hex>|self] nlri <family> [addpath] add <nlri-hex>
 *   update hex nlri <family> [addpath] del <nlri-hex>
 *
 * We encode the NLRI with our codec; Ze builds MP_REACH/MP_UNREACH around it. Ze splits the
 * NLRI hex into NLRIs with a size function per SAFI (EVPN 70, FlowSpec 133/134, BGP-LS 16388/71,
 * VPN 128, labeled 4); ANY OTHER SAFI is split as `<prefix length in bits><prefix bytes>`. So a
 * family Ze does not know can be originated only when its NLRI has that shape; we check before
 * sending, so the operator gets a clear error instead of a wrong split in the engine.
 */
import { toHex } from '../../core/hex.js';
import type { FamilyCodec } from '../../registry/family.js';

/** ORIGIN IGP (RFC 4271 §5.1.1) + empty AS_PATH (§5.1.2): Ze adds what the session needs. */
export const DEFAULT_ATTRIBUTES = '40010100' + '400200';

/** SAFIs (and AFI/SAFI pairs) for which Ze has its own NLRI size function. */
export function zeHasSplitter(afi: number, safi: number): boolean {
  return safi === 70 || safi === 133 || safi === 134 || safi === 128 || safi === 4 || (afi === 16388 && safi === 71);
}

/** Does `nlri` (one NLRI, path id first when `addPath`) split as Ze's default prefix shape? */
export function isPrefixShaped(nlri: Uint8Array, addPath = false): boolean {
  const off = addPath ? 4 : 0;
  if (nlri.length <= off) return false;
  return nlri.length === off + 1 + Math.ceil(nlri[off]! / 8);
}

/**
 * The next hop sent when the route gives none. FlowSpec has none (RFC 8955 §4: "the Length of
 * the Next-Hop Network Address MUST be set to 0 ... MUST be ignored"), but Ze f09f9ac2 sends no
 * announcement without a next hop (`update hex` without `nhop`: "no peers have family
 * negotiated", docs/ze-compat.md) and cannot write a zero length: the all-zero address of the
 * family's AFI is sent, which receivers ignore. Other families: `self`.
 */
export function defaultNextHop(codec: FamilyCodec<any>): string | undefined {
  if (codec.safi === 133 || codec.safi === 134) return codec.afi === 2 ? '::' : '0.0.0.0';
  return 'self';
}

/**
 * Ze f09f9ac2 resolves `nhop set self` to its local address only for a family of the same AFI
 * (IPv4 / IPv6, or with the extended next hop capability): for l2vpn, BGP-LS and the others it
 * drops the route (docs/ze-compat.md). The plugin then sends the local address itself.
 */
export function zeCanSelf(codec: FamilyCodec<any>): boolean {
  return codec.afi === 1 || codec.afi === 2;
}

export interface OriginateOptions {
  attributes?: string;
  /** 'self', an IP address, or 'none'. */
  nextHop?: string;
  addPath?: boolean;
}

function ipHex(ip: string): string | undefined {
  if (/^\d+\.\d+\.\d+\.\d+$/.test(ip)) {
    const parts = ip.split('.').map(Number);
    if (parts.some((p) => p > 255)) return undefined;
    return toHex(Uint8Array.from(parts));
  }
  if (ip.includes(':')) {
    // Expand `::` and convert; only plain IPv6 text.
    const [head, tail] = ip.split('::') as [string, string | undefined];
    const h = head ? head.split(':') : [];
    const t = tail !== undefined && tail !== '' ? tail.split(':') : [];
    const fill = tail !== undefined ? 8 - h.length - t.length : 0;
    const groups = [...h, ...Array<string>(Math.max(fill, 0)).fill('0'), ...t];
    if (groups.length !== 8 || groups.some((g) => !/^[0-9a-fA-F]{1,4}$/.test(g))) return undefined;
    return groups.map((g) => g.padStart(4, '0').toUpperCase()).join('');
  }
  return undefined;
}

/** The `update hex …` command text for one NLRI (already encoded). Throws Error on bad input. */
export function updateHexCommand(codec: FamilyCodec<any>, action: 'add' | 'del', nlri: Uint8Array, opts: OriginateOptions = {}): string {
  if (!zeHasSplitter(codec.afi, codec.safi) && !isPrefixShaped(nlri, opts.addPath)) {
    throw new Error(
      `Ze cannot originate ${codec.name}: for SAFI ${codec.safi} it splits NLRI hex as <prefix-length><prefix>, and this NLRI does not have that shape`,
    );
  }
  const fam = `nlri ${codec.name}${opts.addPath ? ' addpath' : ''}`;
  if (action === 'del') return `update hex ${fam} del ${toHex(nlri)}`;
  const attrs = (opts.attributes ?? DEFAULT_ATTRIBUTES).toUpperCase();
  if (!/^([0-9A-F]{2})+$/.test(attrs)) throw new Error(`path attributes must be hex: ${opts.attributes}`);
  let nh = opts.nextHop ?? defaultNextHop(codec) ?? 'none';
  let nhop = '';
  if (nh !== 'none') {
    if (nh !== 'self') {
      const h = ipHex(nh);
      if (!h) throw new Error(`next hop is not an IP address: ${nh}`);
      nh = h;
    }
    nhop = ` nhop set ${nh}`;
  }
  return `update hex attr set ${attrs}${nhop} ${fam} add ${toHex(nlri)}`;
}
