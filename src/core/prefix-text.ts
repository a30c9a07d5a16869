/**
 * Prefix text with the bits after the length cleared, straight from the NLRI octets.
 *
 * RFC 4271 §4.3 / RFC 4760 §5.1: the octets after the length carry the prefix "followed by
 * enough trailing bits to make the end of the field fall on an octet boundary"; the value of
 * those trailing bits is irrelevant. Printing them would make one route look like two, so the
 * text clears them; the model keeps the octets as they were for byte-exact re-encoding.
 */
import { ipToString } from './ip.js';

const scratch = new Uint8Array(16);

/** `addr/len` of the `len`-bit prefix whose octets start at `off` (at most 4 or 16 are read). */
export function maskedPrefixText(v6: boolean, b: Uint8Array, off: number, len: number): string {
  const size = v6 ? 16 : 4;
  const n = Math.min((len + 7) >>> 3, size);
  scratch.fill(0);
  for (let i = 0; i < n; i++) scratch[i] = b[off + i]!;
  const rem = len & 7;
  if (rem !== 0 && n > 0 && len <= size * 8) scratch[n - 1]! &= 0xff << (8 - rem);
  return ipToString(v6, scratch, 0, size) + '/' + len;
}
