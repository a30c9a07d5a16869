/**
 * What the readers learn from a BGP OPEN message (RFC 4271 §4.2): the optional parameters, RFC
 * 9072 §2 extended optional parameters length, RFC 5492 §4 capabilities, and of them RFC 6793 §3
 * (capability 65, 4-octet AS) and RFC 7911 §4 (capability 69, ADD-PATH send/receive per AFI/SAFI).
 * `negotiate` applies RFC 6793 §4 and RFC 7911 §5 to two OPENs: the session one direction of the
 * connection is decoded with.
 */
import { ipv4ToString } from '../core/ip.js';
import { Reader } from '../core/reader.js';
import type { Registry } from '../registry/registry.js';
import { be16 } from './queue.js';

export const BGP_OPEN = 1;
export const BGP_UPDATE = 2;

export interface OpenInfo {
  readonly as: number;
  readonly bgpId: string;
  readonly holdTime: number;
  /** Capability 65 was sent (its 4-octet AS replaces `as` when present). */
  readonly as4: boolean;
  /** Capability 69: AFI/SAFI key (afi * 256 + safi) → Send/Receive (1 receive, 2 send, 3 both). */
  readonly addPath: ReadonlyMap<number, number>;
  /** Capability 6 (RFC 8654 Extended Message). */
  readonly extendedMessage: boolean;
}

/** Read an OPEN: `msg` is the whole message (19-octet header first). Throws NlriError (offsets in `msg`). */
export function parseOpen(msg: Uint8Array): OpenInfo {
  const r = new Reader(msg);
  r.skip(19, 'BGP header');
  r.u8('Version');
  let as = r.u16('My Autonomous System');
  const holdTime = r.u16('Hold Time');
  const bgpId = ipv4ToString(r.bytes(4, 'BGP Identifier'));
  let optLen = r.u8('Optional Parameters Length');
  let ext = false;
  if (optLen === 255 && r.remaining > 0 && r.peek() === 255) {
    // RFC 9072 §2: Non-Ext OP Type 255, then a 2-octet length, and 2-octet parameter lengths.
    r.u8();
    optLen = r.u16('Extended Opt. Parm. Length');
    ext = true;
  }
  const old = r.limit(optLen, 'Optional Parameters');
  let as4 = false;
  let extendedMessage = false;
  const addPath = new Map<number, number>();
  while (!r.atEnd()) {
    const type = r.u8('Parameter Type');
    const len = ext ? r.u16('Parameter Length') : r.u8('Parameter Length');
    const pOld = r.limit(len, 'Parameter Value');
    if (type === 2) {
      // RFC 5492 §4: capabilities, code + length + value.
      while (!r.atEnd()) {
        const code = r.u8('Capability Code');
        const clen = r.u8('Capability Length');
        const v = r.bytes(clen, 'Capability Value');
        if (code === 65 && clen === 4) {
          as4 = true;
          as = ((v[0]! << 24) | (v[1]! << 16) | (v[2]! << 8) | v[3]!) >>> 0;
        } else if (code === 69) {
          for (let i = 0; i + 4 <= clen; i += 4) addPath.set(be16(v, i) * 256 + v[i + 2]!, v[i + 3]!);
        } else if (code === 6) {
          extendedMessage = true;
        }
      }
    } else {
      r.skip(len);
    }
    r.restore(pOld);
  }
  r.restore(old);
  return { as, bgpId, holdTime, as4, addPath, extendedMessage };
}

export interface Negotiated {
  readonly as4: boolean;
  /** Ze family names whose NLRIs carry path ids from `sender` to `receiver`. */
  readonly addPath: readonly string[];
}

/**
 * The session for messages `sender` sends to `receiver`: 4-octet AS when both sent capability 65
 * (RFC 6793 §4); ADD-PATH for a family the sender can send and the receiver can receive (RFC 7911
 * §5). An OPEN not seen counts as agreeing (the other side's alone decides), and with neither the
 * defaults apply.
 */
export function negotiate(sender: OpenInfo | undefined, receiver: OpenInfo | undefined, families: Registry, defaults: Negotiated): Negotiated {
  if (!sender && !receiver) return defaults;
  const as4 = (sender?.as4 ?? true) && (receiver?.as4 ?? true);
  const out: string[] = [];
  const keys = new Set<number>([...(sender?.addPath.keys() ?? []), ...(receiver?.addPath.keys() ?? [])]);
  for (const k of keys) {
    const s = sender ? (sender.addPath.get(k) ?? 0) : 3;
    const rcv = receiver ? (receiver.addPath.get(k) ?? 0) : 3;
    if ((s & 2) !== 0 && (rcv & 1) !== 0) {
      const codec = families.byAfiSafi(k >> 8, k & 0xff);
      if (codec) out.push(codec.name);
    }
  }
  return { as4, addPath: out };
}
