/**
 * BGP messages around NLRI bytes, for feeding other implementations (RFC 4271 §4, RFC 4760 §3-4,
 * RFC 5492, RFC 6793). The UPDATE is the same for every oracle: ORIGIN IGP, an empty AS_PATH
 * (iBGP, so 2- and 4-octet AS paths cannot be confused), LOCAL_PREF 100 and MP_REACH_NLRI, or only
 * MP_UNREACH_NLRI for a withdraw.
 */

export const MARKER = new Uint8Array(16).fill(0xff);

export const MSG = { OPEN: 1, UPDATE: 2, NOTIFICATION: 3, KEEPALIVE: 4 } as const;

const NH4 = Uint8Array.from([192, 0, 2, 1]);
const NH6 = Uint8Array.from([0x20, 0x01, 0x0d, 0xb8, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1]);

export function concat(parts: readonly Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let o = 0;
  for (const p of parts) {
    out.set(p, o);
    o += p.length;
  }
  return out;
}

const u16 = (v: number): Uint8Array => Uint8Array.from([(v >> 8) & 0xff, v & 0xff]);
const u32 = (v: number): Uint8Array => Uint8Array.from([(v >>> 24) & 0xff, (v >> 16) & 0xff, (v >> 8) & 0xff, v & 0xff]);

/**
 * The MP_REACH next hop for a SAFI: none for FlowSpec (RFC 8955 §4: length 0); RD 0 + address for
 * the VPN SAFIs 128, 129 and 72 (RFC 4364 §4.3.2, RFC 4659 §3.2; SAFI 129 as 128, RFC 6514 §4); an IPv6 address for AFI 2; IPv4 for
 * everything else (L2VPN, BGP-LS, IPv4).
 */
export function defaultNextHop(afi: number, safi: number): Uint8Array {
  if (safi === 133 || safi === 134) return new Uint8Array(0);
  const addr = afi === 2 ? NH6 : NH4;
  if (safi === 128 || safi === 129 || safi === 72) return concat([new Uint8Array(8), addr]);
  return addr;
}

export function message(type: number, body: Uint8Array): Uint8Array {
  return concat([MARKER, u16(19 + body.length), Uint8Array.of(type), body]);
}

/** A path attribute; the extended-length flag (0x10) is set when the value needs it. */
export function attribute(flags: number, code: number, value: Uint8Array): Uint8Array {
  if (value.length > 255 || flags & 0x10) return concat([Uint8Array.of(flags | 0x10, code), u16(value.length), value]);
  return concat([Uint8Array.of(flags, code, value.length), value]);
}

export function updateReach(afi: number, safi: number, nlri: Uint8Array, nextHop = defaultNextHop(afi, safi)): Uint8Array {
  const mp = concat([u16(afi), Uint8Array.of(safi, nextHop.length), nextHop, Uint8Array.of(0), nlri]);
  const attrs = concat([
    attribute(0x40, 1, Uint8Array.of(0)),
    attribute(0x40, 2, new Uint8Array(0)),
    attribute(0x40, 5, u32(100)),
    attribute(0x90, 14, mp),
  ]);
  return message(MSG.UPDATE, concat([u16(0), u16(attrs.length), attrs]));
}

export function updateUnreach(afi: number, safi: number, nlri: Uint8Array): Uint8Array {
  const attrs = attribute(0x90, 15, concat([u16(afi), Uint8Array.of(safi), nlri]));
  return message(MSG.UPDATE, concat([u16(0), u16(attrs.length), attrs]));
}

/** A classic IPv4 unicast UPDATE (NLRI field of RFC 4271 §4.3) with NEXT_HOP: the sentinel route. */
export function updateIpv4(prefix: Uint8Array, nextHop = NH4): Uint8Array {
  const attrs = concat([
    attribute(0x40, 1, Uint8Array.of(0)),
    attribute(0x40, 2, new Uint8Array(0)),
    attribute(0x40, 3, nextHop),
    attribute(0x40, 5, u32(100)),
  ]);
  return message(MSG.UPDATE, concat([u16(0), u16(attrs.length), attrs, prefix]));
}

export const keepalive = (): Uint8Array => message(MSG.KEEPALIVE, new Uint8Array(0));

export const notification = (code: number, sub: number): Uint8Array => message(MSG.NOTIFICATION, Uint8Array.of(code, sub));

/**
 * OPEN (RFC 4271 §4.2) with one Multiprotocol capability per family (RFC 4760 §8), route refresh
 * and the 4-octet AS capability (RFC 6793); each capability in its own optional parameter.
 */
export function open(myAs: number, routerId: string, families: readonly (readonly [number, number])[], hold = 90): Uint8Array {
  const caps: Uint8Array[] = families.map(([a, s]) => Uint8Array.of(1, 4, a >> 8, a & 0xff, 0, s));
  caps.push(Uint8Array.of(2, 0));
  caps.push(concat([Uint8Array.of(65, 4), u32(myAs)]));
  const params = concat(caps.map((c) => concat([Uint8Array.of(2, c.length), c])));
  const id = Uint8Array.from(routerId.split('.').map(Number));
  const as2 = myAs < 65536 ? myAs : 23456;
  return message(MSG.OPEN, concat([Uint8Array.of(4), u16(as2), u16(hold), id, Uint8Array.of(params.length), params]));
}

/** Split a byte stream into complete messages; returns them and the unconsumed rest. */
export function splitMessages(buf: Uint8Array): { messages: Uint8Array[]; rest: Uint8Array } {
  const messages: Uint8Array[] = [];
  let p = 0;
  while (buf.length - p >= 19) {
    const len = (buf[p + 16]! << 8) | buf[p + 17]!;
    if (len < 19) throw new Error(`bad BGP message length ${len}`);
    if (buf.length - p < len) break;
    messages.push(buf.subarray(p, p + len));
    p += len;
  }
  return { messages, rest: buf.subarray(p) };
}

export interface MpAttribute {
  afi: number;
  safi: number;
  nextHop?: Uint8Array;
  nlri: Uint8Array;
}

/** The MP_REACH_NLRI / MP_UNREACH_NLRI attributes of an UPDATE (whole message). */
export function mpAttributes(msg: Uint8Array): { reach: MpAttribute[]; unreach: MpAttribute[]; codes: number[] } {
  const b = msg.subarray(19);
  const wl = (b[0]! << 8) | b[1]!;
  const al = (b[2 + wl]! << 8) | b[3 + wl]!;
  const attrs = b.subarray(4 + wl, 4 + wl + al);
  const reach: MpAttribute[] = [];
  const unreach: MpAttribute[] = [];
  const codes: number[] = [];
  let i = 0;
  while (i < attrs.length) {
    const flags = attrs[i]!;
    const code = attrs[i + 1]!;
    const ext = (flags & 0x10) !== 0;
    const len = ext ? (attrs[i + 2]! << 8) | attrs[i + 3]! : attrs[i + 2]!;
    const v = attrs.subarray(i + (ext ? 4 : 3), i + (ext ? 4 : 3) + len);
    i += (ext ? 4 : 3) + len;
    codes.push(code);
    const afi = (v[0]! << 8) | v[1]!;
    const safi = v[2]!;
    if (code === 14) {
      const nhl = v[3]!;
      reach.push({ afi, safi, nextHop: v.subarray(4, 4 + nhl), nlri: v.subarray(5 + nhl) });
    } else if (code === 15) {
      unreach.push({ afi, safi, nlri: v.subarray(3) });
    }
  }
  return { reach, unreach, codes };
}
