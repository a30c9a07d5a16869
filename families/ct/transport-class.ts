/**
 * The Transport Class Route Target extended community of RFC 9832 (an attribute, not part of the
 * NLRI): the Transport Class ID a Classful Transport route belongs to.
 *
 *   Type 0x0A (transitive; 0x4A non-transitive) | Sub-Type 0x02 | Reserved (2) | Transport Class ID (4)
 *
 * Type 0x0A "Transport Class" is in IANA's BGP Transitive Extended Community Types registry; the
 * Reserved octets "MUST be set to zero on transmission, SHOULD be ignored on reception and left
 * unaltered" (RFC 9832 draft text quoted in the IDR implementation report). Sub-type 0x02 and the
 * 0x4A non-transitive type are from the author's reading of the draft (docs/families/ct.md: to be
 * checked against the RFC's IANA section). The communities group (`attributes/communities/`)
 * keeps this sub-type raw today; these helpers build and read the 8 octets for tests and users.
 */
export const TRANSPORT_CLASS_TYPE = 0x0a;
export const TRANSPORT_CLASS_NON_TRANSITIVE_TYPE = 0x4a;
export const TRANSPORT_CLASS_RT_SUBTYPE = 0x02;

/** The 8 octets of a Transport Class Route Target for `id` (0..4294967295). */
export function transportClassRt(id: number, transitive = true): Uint8Array {
  if (!Number.isInteger(id) || id < 0 || id > 0xffffffff) throw new RangeError(`Transport Class ID must be 0..4294967295, got ${id}`);
  const b = new Uint8Array(8);
  b[0] = transitive ? TRANSPORT_CLASS_TYPE : TRANSPORT_CLASS_NON_TRANSITIVE_TYPE;
  b[1] = TRANSPORT_CLASS_RT_SUBTYPE;
  b[4] = id >>> 24; // byte by byte: a DataView over this fresh array would move it off the heap
  b[5] = (id >>> 16) & 0xff;
  b[6] = (id >>> 8) & 0xff;
  b[7] = id & 0xff;
  return b;
}

/** The Transport Class ID of an 8-octet extended community at `off`, or undefined when it is not one. */
export function readTransportClassRt(b: Uint8Array, off = 0): { id: number; transitive: boolean; reserved: number } | undefined {
  if (off < 0 || off + 8 > b.length) return undefined;
  const t = b[off]!;
  if ((t !== TRANSPORT_CLASS_TYPE && t !== TRANSPORT_CLASS_NON_TRANSITIVE_TYPE) || b[off + 1] !== TRANSPORT_CLASS_RT_SUBTYPE) return undefined;
  const id = b[off + 4]! * 0x1000000 + ((b[off + 5]! << 16) | (b[off + 6]! << 8) | b[off + 7]!);
  return { id, transitive: t === TRANSPORT_CLASS_TYPE, reserved: (b[off + 2]! << 8) | b[off + 3]! };
}
