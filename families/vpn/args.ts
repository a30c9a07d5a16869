/**
 * Ze's encode-nlri args for mpls-vpn (Ze's `EncodeNLRIHex` grammar, RFC 4364 §4.3.4, RFC 4659
 * §3.2, RFC 8277 §2.4):
 *
 *   rd <RD> label <N> [label <N>]... prefix <PREFIX> [path-id <N>] [withdraw 0x<6 hex digits>]
 *
 * Tokens are scanned left to right; unknown tokens are skipped (Ze). Differences from Ze, all
 * where Ze writes bytes that do not say what was asked (docs/ze-compat.md, section vpn):
 * - a typed RD `T:A:B` keeps type T (Ze re-derives it from A);
 * - a label above 1048575 is `label out of range` (Ze wraps it modulo 2^20);
 * - a prefix of the other address family is an error (Ze encodes it as-is);
 * - an NLRI longer than 255 bits is an error (Ze's length octet wraps);
 * - `withdraw` (new): the RFC 8277 §2.4 Compatibility field instead of labels, its 24 bits in
 *   hex: `0x800000` (recommended), `0x000000`, or any value a decoded withdrawal carried.
 * `path-id` sets the model's path id; encode-nlri writes it only with ADD-PATH (Ze: never).
 */
import { argsError, NlriError } from '../../src/core/errors.js';
import { compatibilityText } from '../../src/core/label-scan.js';
import { scanLabeledArgs } from '../../src/core/labeled-args.js';
import { prefixToString } from '../../src/core/prefix.js';
import { rdToString } from '../../src/core/rd.js';
import { isUnparsed, type VpnNlri, type VpnRoute } from './model.js';
import { ambiguityMessage, labelTokens, readsAsWithdrawal, tcFromArgs } from '../labeled/label-entries.js';

const VALUED = new Set(['label', 'prefix', 'path-id', 'withdraw', 'rd']);

export function vpnFromArgs(args: readonly string[], v6: boolean, family: string): VpnNlri {
  const { rd, prefix, pathId, withdraw, labels } = scanLabeledArgs(args, family, true);
  if (rd === undefined) argsError('rd required for VPN', family);
  if (withdraw !== undefined && labels.length > 0) argsError('withdraw replaces the labels: give label or withdraw, not both', family);
  if (labels.length === 0 && withdraw === undefined) argsError('label required for VPN', family);
  if (prefix === undefined) argsError('prefix required for VPN', family);
  if (prefix.v6 !== v6) argsError(`prefix ${prefixToString(prefix)} is not an ${v6 ? 'IPv6' : 'IPv4'} prefix (family ${family})`, family);
  const bits = 24 * Math.max(labels.length, 1) + 64 + prefix.len;
  if (bits > 255) argsError(`VPN NLRI length ${bits} bits exceeds 255 (RFC 4760 §5): too many labels for this prefix`, family);
  const tc = tcFromArgs(args, VALUED, family);
  if (tc !== undefined && withdraw !== undefined) argsError('tc is for label entries; a withdrawal has one Compatibility field (withdraw 0x…)', family);
  if (withdraw === undefined && readsAsWithdrawal(labels, tc, bits - 24 - 64, v6 ? 128 : 32)) argsError(ambiguityMessage(labels), family);
  const m: { -readonly [K in keyof VpnNlri]: VpnNlri[K] } = {
    v6,
    labels: withdraw !== undefined ? [withdraw >>> 4] : labels,
    rd,
    prefix,
  };
  if (tc !== undefined) m.tc = tc;
  if (withdraw !== undefined) {
    m.withdraw = true;
    m.compatibility = withdraw;
  }
  if (pathId !== undefined) m.pathId = pathId;
  return m;
}

/** Tokens that `vpnFromArgs` turns back into the same bytes (the prefix keeps its host bits). */
export function vpnToArgs(m: VpnRoute): string[] {
  if (isUnparsed(m)) throw new NlriError('invalid-model', 'an unparsed record has no args form', '', -1);
  const out = ['rd', rdToString(m.rd)];
  const labels = m.labels;
  if (m.withdraw) out.push('withdraw', compatibilityText(m.compatibility ?? labels[0]! << 4));
  else {
    if (readsAsWithdrawal(labels, m.tc, 24 * (labels.length - 1) + m.prefix.len, m.v6 ? 128 : 32)) {
      throw new NlriError('invalid-model', `not expressible in encode-nlri args: ${ambiguityMessage(labels)}`, '', -1);
    }
    out.push(...labelTokens(labels, m.tc));
  }
  out.push('prefix', prefixToString(m.prefix));
  if (m.pathId !== undefined) out.push('path-id', String(m.pathId));
  return out;
}
