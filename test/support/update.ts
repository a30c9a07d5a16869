/**
 * A minimal BGP UPDATE reader for tests (RFC 4271 §4.3, RFC 4760 §3-4): finds the
 * MP_REACH_NLRI and MP_UNREACH_NLRI attributes and returns their AFI, SAFI and NLRI field.
 * Written from the RFCs, independently of the codecs under test.
 */
export interface MpNlri {
  kind: 'reach' | 'unreach';
  afi: number;
  safi: number;
  nlri: Uint8Array;
}

export function mpNlriOf(message: Uint8Array): MpNlri[] {
  let p = 0;
  // With the 16-octet marker and 19-octet header, or the body alone.
  if (message.length >= 19 && message.subarray(0, 16).every((b) => b === 0xff)) {
    if (message[18] !== 2) throw new Error(`not an UPDATE (type ${message[18]})`);
    p = 19;
  }
  const dv = new DataView(message.buffer, message.byteOffset, message.byteLength);
  const withdrawnLen = dv.getUint16(p);
  p += 2 + withdrawnLen;
  const attrLen = dv.getUint16(p);
  p += 2;
  const end = p + attrLen;
  const out: MpNlri[] = [];
  while (p < end) {
    const flags = message[p]!;
    const type = message[p + 1]!;
    const extended = (flags & 0x10) !== 0;
    const len = extended ? dv.getUint16(p + 2) : message[p + 2]!;
    const v = p + (extended ? 4 : 3);
    if (type === 14) {
      const nhLen = message[v + 3]!;
      const nlriStart = v + 4 + nhLen + 1; // + reserved octet
      out.push({ kind: 'reach', afi: dv.getUint16(v), safi: message[v + 2]!, nlri: message.subarray(nlriStart, v + len) });
    } else if (type === 15) {
      out.push({ kind: 'unreach', afi: dv.getUint16(v), safi: message[v + 2]!, nlri: message.subarray(v + 3, v + len) });
    }
    p = v + len;
  }
  return out;
}
