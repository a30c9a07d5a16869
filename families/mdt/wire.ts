/**
 * MDT SAFI NLRI bytes ↔ model (RFC 6037, SAFI 66; NLRI encoding RFC 4760 §5):
 *
 *   length (1 octet, in bits: 128) | RD (8) | IPv4 address (4) | group address (4)
 *
 * - The length octet counts the bits of RD + address + group: 16 octets, 128 (0x80). tshark's
 *   dissector and tcpdump's printer both read it so; a length whose octets are not 16 is
 *   `bad-length` (there is no variable part to shorten or lengthen: RFC 6037 fixes the layout).
 * - RFC 6037 defines the NLRI for IPv4 only (AFI 1). An IPv6 version would need 8 + 16 + 16 = 40
 *   octets, 320 bits, more than the length octet can say; no AFI 2 family is offered.
 * - `strict` (RFC 6037: the group is the MDT's multicast group): a group address outside
 *   224.0.0.0/4 is `bad-value`. Default: kept and rendered.
 * - RFC 4760 §5: several NLRIs follow each other; the core loops, this reads one.
 */
import { modelError } from '../../src/core/errors.js';
import type { Reader } from '../../src/core/reader.js';
import type { Writer } from '../../src/core/writer.js';
import type { DecodeOptions } from '../../src/registry/family.js';
import { isUnparsed, type MdtNlri, type MdtRoute } from './model.js';

/** Bits of the NLRI after the length octet: RD 64 + address 32 + group 32. */
export const MDT_BITS = 128;
const MDT_OCTETS = MDT_BITS / 8;

/** Decode one MDT NLRI at `r.pos`. */
export function decodeMdt(r: Reader, opts: DecodeOptions): MdtNlri {
  const start = r.pos;
  const bits = r.u8('MDT NLRI length');
  if (bits !== MDT_BITS) {
    r.fail('bad-length', `MDT NLRI length ${bits} bits, RFC 6037 fixes it at ${MDT_BITS} (RD, IPv4 address, group address)`, start);
  }
  if (r.remaining < MDT_OCTETS) r.fail('truncated', `MDT NLRI needs ${MDT_OCTETS} bytes after the length, ${r.remaining} left`, start);
  const rd = r.bytes(8, 'route distinguisher');
  const source = r.bytes(4, 'IPv4 address');
  const groupAt = r.pos;
  const group = r.bytes(4, 'group address');
  if (opts.strict && (group[0]! & 0xf0) !== 0xe0) {
    r.fail('bad-value', `group address ${group.join('.')} is not a multicast address (224.0.0.0/4)`, groupAt);
  }
  return { rd, source, group };
}

/** The lossless record: the rest of the input from the NLRI that failed. */
export function recoverMdt(r: Reader, start: number): MdtRoute {
  const raw = r.buf.subarray(start, r.end);
  r.pos = r.end;
  return { parsed: false, raw };
}

/** Exact encoded size; checks the model's field sizes first. */
export function mdtEncodingLength(m: MdtRoute, family: string): number {
  if (isUnparsed(m)) return m.raw.length;
  if (!(m.rd instanceof Uint8Array) || m.rd.length !== 8) modelError(`route distinguisher must be 8 bytes, got ${m.rd?.length}`, family);
  if (!(m.source instanceof Uint8Array) || m.source.length !== 4) modelError(`source must be a 4-byte IPv4 address, got ${m.source?.length} bytes`, family);
  if (!(m.group instanceof Uint8Array) || m.group.length !== 4) modelError(`group must be a 4-byte IPv4 address, got ${m.group?.length} bytes`, family);
  return 1 + MDT_OCTETS;
}

export function encodeMdt(m: MdtRoute, w: Writer): void {
  if (isUnparsed(m)) {
    w.bytes(m.raw);
    return;
  }
  w.u8(MDT_BITS);
  w.bytes(m.rd);
  w.bytes(m.source);
  w.bytes(m.group);
}
