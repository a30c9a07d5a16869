/**
 * Unicast / multicast NLRI bytes ↔ model.
 *
 * RFC 4271 §4.3 (IPv4) and RFC 4760 §5 (IPv6, any AFI): a length octet in bits, then
 * ceil(len/8) octets of the address. RFC 7606 §5.3: a length above 32 (IPv4) or 128 (IPv6), or
 * octets missing, makes the NLRI field malformed (always an error here; Ze's `ze bgp decode`
 * prints such a length, its event path rejects it too). The core loops over several NLRIs and
 * reads ADD-PATH path ids (RFC 7911); this reads one.
 */
import { modelError } from '../../src/core/errors.js';
import { prefixEncodingLength, readPrefix, writePrefix } from '../../src/core/prefix.js';
import type { Reader } from '../../src/core/reader.js';
import type { Writer } from '../../src/core/writer.js';
import type { UnicastNlri } from './model.js';

/** Decode one prefix at `r.pos`. */
export function decodeUnicast(r: Reader, v6: boolean): UnicastNlri {
  return { prefix: readPrefix(r, v6) };
}

/** Exact size (1 + ceil(len/8)); checks the model first. */
export function unicastEncodingLength(m: UnicastNlri, v6: boolean, family: string): number {
  const p = m.prefix;
  if (p === null || typeof p !== 'object' || !(p.addr instanceof Uint8Array)) modelError('a unicast NLRI needs a prefix', family);
  if (p.v6 !== v6) modelError(`prefix is ${p.v6 ? 'IPv6' : 'IPv4'}, family ${family} needs ${v6 ? 'IPv6' : 'IPv4'}`, family);
  if (!Number.isInteger(p.len) || p.len < 0 || p.len > (v6 ? 128 : 32)) modelError(`prefix length ${p.len} out of range`, family);
  return prefixEncodingLength(p);
}

export function encodeUnicast(m: UnicastNlri, w: Writer): void {
  writePrefix(w, m.prefix);
}
