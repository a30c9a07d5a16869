/**
 * Ze's encode-nlri args for mpls-label (Ze's `EncodeNLRIHex` grammar, RFC 8277 §2.2-2.4):
 *
 *   prefix <PREFIX> label <N> [label <N>]... [path-id <N>] [withdraw 0x<6 hex digits>]
 *
 * Tokens are scanned left to right; unknown tokens (`rd` included) are skipped, as in Ze.
 * Differences from Ze, all where Ze writes bytes that do not say what was asked
 * (docs/ze-compat.md, section labeled):
 * - a label above 1048575 is `label out of range` (Ze wraps it modulo 2^20);
 * - a prefix of the other address family is an error (Ze encodes it as-is);
 * - an NLRI longer than 255 bits is an error (Ze's length octet wraps);
 * - `withdraw` (new): the RFC 8277 §2.4 Compatibility field instead of labels, its 24 bits in
 *   hex: `0x800000` (recommended), `0x000000`, or any value a decoded withdrawal carried.
 * - `tc <0..7>` (new) after a `label`: that entry's TC bits (RFC 3032 §2.1; Ze writes 0);
 * - a stack whose first entry would be 0x800000 / 0x000000 (label 524288 or 0 with TC 0, more
 *   labels after it) is refused when a direction-blind decoder would read it as a withdrawal
 *   (RFC 8277 §2.4; label-entries.ts): `prefix 0.0.0.0/0 label 0 label 16` is an error, `label 0
 *   tc 1 label 16` is written.
 * `path-id` sets the model's path id; encode-nlri writes it only with ADD-PATH (Ze: never).
 */
import { argsError } from '../../src/core/errors.js';
import { compatibilityText } from '../../src/core/label-scan.js';
import { scanLabeledArgs } from '../../src/core/labeled-args.js';
import { prefixToString } from '../../src/core/prefix.js';
import type { LabeledNlri } from './model.js';
import { ambiguityMessage, labelTokens, readsAsWithdrawal, tcFromArgs } from './label-entries.js';
import { modelError } from '../../src/core/errors.js';

const VALUED = new Set(['label', 'prefix', 'path-id', 'withdraw']);

export function labeledFromArgs(args: readonly string[], v6: boolean, family: string): LabeledNlri {
  const { prefix, pathId, withdraw, labels } = scanLabeledArgs(args, family, false);
  if (prefix === undefined) argsError('prefix required for labeled unicast', family);
  if (withdraw !== undefined && labels.length > 0) argsError('withdraw replaces the labels: give label or withdraw, not both', family);
  if (labels.length === 0 && withdraw === undefined) argsError('label required for labeled unicast', family);
  if (prefix.v6 !== v6) argsError(`prefix ${prefixToString(prefix)} is not an ${v6 ? 'IPv6' : 'IPv4'} prefix (family ${family})`, family);
  const bits = 24 * Math.max(labels.length, 1) + prefix.len;
  if (bits > 255) argsError(`labeled unicast NLRI length ${bits} bits exceeds 255 (RFC 4760 §5): too many labels for this prefix`, family);
  const tc = tcFromArgs(args, VALUED, family);
  if (tc !== undefined && withdraw !== undefined) argsError('tc is for label entries; a withdrawal has one Compatibility field (withdraw 0x…)', family);
  if (withdraw === undefined && readsAsWithdrawal(labels, tc, bits - 24, v6 ? 128 : 32)) argsError(ambiguityMessage(labels), family);
  const m: { -readonly [K in keyof LabeledNlri]: LabeledNlri[K] } = {
    v6,
    labels: withdraw !== undefined ? [withdraw >>> 4] : labels,
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

/** Tokens that `labeledFromArgs` turns back into the same bytes (the prefix keeps its host bits). */
export function labeledToArgs(m: LabeledNlri): string[] {
  const out = ['prefix', prefixToString(m.prefix)];
  const labels = m.labels;
  if (m.withdraw) out.push('withdraw', compatibilityText(m.compatibility ?? labels[0]! << 4));
  else {
    if (readsAsWithdrawal(labels, m.tc, 24 * (labels.length - 1) + m.prefix.len, m.v6 ? 128 : 32)) {
      modelError(`not expressible in encode-nlri args: ${ambiguityMessage(labels)}`, '');
    }
    out.push(...labelTokens(labels, m.tc));
  }
  if (m.pathId !== undefined) out.push('path-id', String(m.pathId));
  return out;
}
