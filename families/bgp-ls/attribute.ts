/**
 * The BGP-LS attribute (path attribute 29, RFC 9552 §5.3) for the library and the CLI:
 * decode, JSON, encode, and the hex → JSON convenience behind `ze-nlri decode-attr bgp-ls <hex>`.
 */
import { fromHex } from '../../src/core/hex.js';
import { decodeBgpLsAttribute, type AttributeDecodeOptions } from './attr-wire.js';
import { bgpLsAttributeJson } from './attr-json.js';

export { decodeBgpLsAttribute, encodeBgpLsAttribute, bgpLsAttributeLength } from './attr-wire.js';
export type { BgpLsAttribute, BgpLsAttrTlv, AttributeDecodeOptions } from './attr-wire.js';
export { bgpLsAttributeJson } from './attr-json.js';

/**
 * Hex of an attribute-29 value (no flags/type/length header; either case) → Ze's JSON text, as
 * `ze bgp decode` shows it under `attr["bgp-ls"]`. Throws `NlriError`: `invalid-hex` (Go's
 * `invalid hex: encoding/hex: …` text), `bad-value` (`json: unsupported value: +Inf`), and with
 * `strict` `truncated` for a TLV running past the end.
 */
export function decodeBgpLsAttributeHex(hex: string, opts: AttributeDecodeOptions = {}): string {
  return bgpLsAttributeJson(decodeBgpLsAttribute(fromHex(hex, 'bgp-ls-attr'), opts));
}
