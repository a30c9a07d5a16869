/**
 * One-line text of a BGP-LS NLRI, as Ze's `decode text nlri` prints an item:
 * `<ls-nlri-type> proto=<n> id=<identifier>`, and `(empty)` for an unparsed one.
 */
import { ZE_TYPE_NAME, type BgpLsModel } from './model.js';

export function nlriText(m: BgpLsModel): string {
  if (m.kind === 'unparsed') return '(empty)';
  return `${ZE_TYPE_NAME[m.kind]} proto=${m.protocolId} id=${m.identifier}`;
}
