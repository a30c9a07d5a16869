/**
 * A streaming reader of BMP (RFC 7854) streams and files: push bytes in, take messages out.
 * Implemented: §4.1 the Common Header (Version 3, Message Length, Message Type); §4.2 the
 * Per-Peer Header (Peer Type, Peer Flags V / L / A, RFC 8671 §4 flag O, Peer Distinguisher,
 * Peer Address, Peer AS, Peer BGP ID, Timestamp); §4.6 Route Monitoring (the BGP UPDATE PDU
 * after the per-peer header; 2-octet AS_PATH when the A flag is set); §4.10 Peer Up (Local
 * Address, ports, Sent and Received OPEN: what ADD-PATH the UPDATEs of that peer use); RFC 9069
 * §4.1-§4.2 the Loc-RIB peer type 3 (its F flag; 4-octet AS always). Statistics, Peer Down,
 * Initiation, Termination, Route Mirroring are handed out as `other` records.
 *
 * Errors: a Version other than 3 or a Message Length under 6 or over `maxMessage` (default 16 MiB)
 * stops the reader (framing lost, `fatal`); a message whose fields overrun it is reported and the
 * reader goes on with the next message.
 */
import { NlriError } from '../core/errors.js';
import { toHex } from '../core/hex.js';
import { rdToString } from '../core/rd.js';
import { ipToString, ipv4ToString } from '../core/ip.js';
import { Reader } from '../core/reader.js';
import { inputError, type InputError } from './errors.js';
import { ByteQueue } from './queue.js';

export const BMP_HEADER = 6;
export const BMP_PER_PEER = 42;
export const BMP_MAX_MESSAGE = 16 << 20;

export const BMP_ROUTE_MONITORING = 0;
export const BMP_PEER_UP = 3;

export const BMP_TYPE_NAMES: readonly string[] = ['route-monitoring', 'statistics', 'peer-down', 'peer-up', 'initiation', 'termination', 'route-mirroring'];

/** RFC 7854 §4.2 Per-Peer Header. */
export interface BmpPeer {
  /** 0 global instance, 1 RD instance, 2 local instance, 3 Loc-RIB (RFC 9069). */
  readonly type: number;
  readonly flags: number;
  /** Peer Distinguisher: a Route Distinguisher's text (RFC 4364 §4.2) for peer type 1, else 16 lower-case hex digits. */
  readonly distinguisher: string;
  readonly address: string;
  readonly as: number;
  readonly bgpId: string;
  /** Seconds since the epoch with the microseconds as a fraction. */
  readonly timestamp: number;
  /** The UPDATEs of this peer carry 4-octet AS numbers (flag A clear, or Loc-RIB). */
  readonly as4: boolean;
  /** Flag L (post-policy); Loc-RIB: false. */
  readonly postPolicy: boolean;
  /** RFC 8671 flag O (Adj-RIB-Out). */
  readonly adjRibOut: boolean;
  /** RFC 9069 §4.2 flag F (Loc-RIB filtered). */
  readonly filtered: boolean;
  /** Identity of the peer for the peer-up knowledge: type, distinguisher, address. */
  readonly key: string;
}

interface Base {
  readonly offset: number;
  readonly type: number;
}

export interface BmpRouteMonitoring extends Base {
  readonly kind: 'route-monitoring';
  readonly peer: BmpPeer;
  /** The BGP UPDATE PDU (header included). View. */
  readonly message: Uint8Array;
  readonly messageOffset: number;
}

export interface BmpPeerUp extends Base {
  readonly kind: 'peer-up';
  readonly peer: BmpPeer;
  readonly localAddress: string;
  readonly localPort: number;
  readonly remotePort: number;
  /** The OPEN the monitored router sent, and the one it received (whole messages, views). */
  readonly sentOpen: Uint8Array;
  readonly receivedOpen: Uint8Array;
}

export interface BmpOther extends Base {
  readonly kind: 'other';
  readonly length: number;
  readonly peer: BmpPeer | undefined;
}

export type BmpRecord = BmpRouteMonitoring | BmpPeerUp | BmpOther | InputError;

export interface BmpReaderOptions {
  maxMessage?: number;
}

export class BmpReader {
  private readonly q = new ByteQueue();
  private readonly max: number;
  private stopped = false;
  count = 0;

  constructor(opts: BmpReaderOptions = {}) {
    this.max = opts.maxMessage ?? BMP_MAX_MESSAGE;
  }

  get offset(): number {
    return this.q.offset;
  }

  get done(): boolean {
    return this.stopped;
  }

  push(chunk: Uint8Array): BmpRecord[] {
    const out: BmpRecord[] = [];
    if (this.stopped) return out;
    const q = this.q;
    q.push(chunk);
    while (q.length >= BMP_HEADER) {
      const at = q.offset;
      const version = q.at(0);
      if (version !== 3) {
        this.stopped = true;
        out.push(inputError('bad-value', `BMP Version ${version} is not 3 (RFC 7854 §4.1)`, at, true));
        return out;
      }
      const len = q.u32(1);
      if (len < BMP_HEADER || len > this.max) {
        this.stopped = true;
        out.push(inputError('bad-length', `BMP Message Length ${len} outside ${BMP_HEADER}..${this.max}`, at + 1, true));
        return out;
      }
      if (q.length < len) break;
      const msg = q.take(len);
      this.count++;
      out.push(parseMessage(at, msg));
    }
    return out;
  }

  end(): BmpRecord[] {
    if (this.stopped || this.q.length === 0) return [];
    this.stopped = true;
    const left = this.q.length;
    return [inputError('truncated', `the input ends ${left} octet${left === 1 ? '' : 's'} into a BMP message`, this.q.offset, true)];
  }
}

function parseMessage(at: number, msg: Uint8Array): BmpRecord {
  const type = msg[5]!;
  const r = new Reader(msg, '', BMP_HEADER);
  try {
    if (type === 4 || type === 5 || type > 6) return { kind: 'other', offset: at, type, length: msg.length, peer: undefined };
    const peer = perPeer(r);
    if (type === BMP_ROUTE_MONITORING) {
      const messageOffset = at + r.pos;
      return { kind: 'route-monitoring', offset: at, type, peer, message: r.bytes(r.remaining), messageOffset };
    }
    if (type === BMP_PEER_UP) {
      const la = r.bytes(16, 'Local Address');
      const localAddress = peer.type !== 3 && (peer.flags & 0x80) === 0 ? ipv4ToString(la, 12) : ipToString(true, la);
      const localPort = r.u16('Local Port');
      const remotePort = r.u16('Remote Port');
      const sentOpen = bgpMessage(r, 'Sent OPEN Message');
      const receivedOpen = bgpMessage(r, 'Received OPEN Message');
      return { kind: 'peer-up', offset: at, type, peer, localAddress, localPort, remotePort, sentOpen, receivedOpen };
    }
    return { kind: 'other', offset: at, type, length: msg.length, peer };
  } catch (e) {
    if (e instanceof NlriError) return inputError(e.code, `BMP ${BMP_TYPE_NAMES[type] ?? type}: ${e.message}`, at + BMP_HEADER + Math.max(0, e.offset), false);
    throw e;
  }
}

/** One BGP message framed by its own header (RFC 4271 §4.1). */
function bgpMessage(r: Reader, what: string): Uint8Array {
  r.need(19, what);
  const start = r.pos;
  for (let i = 0; i < 16; i++) if (r.buf[start + i] !== 0xff) r.fail('bad-value', `${what}: no BGP marker`, start);
  const len = (r.buf[start + 16]! << 8) | r.buf[start + 17]!;
  if (len < 19) r.fail('bad-length', `${what}: BGP Length ${len} under 19`, start + 16);
  return r.bytes(len, what);
}

function perPeer(r: Reader): BmpPeer {
  const type = r.u8('Peer Type');
  const flags = r.u8('Peer Flags');
  const pd = r.bytes(8, 'Peer Distinguisher');
  const distinguisher = type === 1 ? rdToString(pd) : toHex(pd).toLowerCase();
  const a = r.bytes(16, 'Peer Address');
  const locRib = type === 3;
  const v6 = !locRib && (flags & 0x80) !== 0;
  const address = locRib ? (a.every((x) => x === 0) ? '' : ipToString(true, a)) : v6 ? ipToString(true, a) : ipv4ToString(a, 12);
  const as = r.u32('Peer AS');
  const bgpId = ipv4ToString(r.bytes(4, 'Peer BGP ID'));
  const sec = r.u32('Timestamp (seconds)');
  const usec = r.u32('Timestamp (microseconds)');
  return {
    type,
    flags,
    distinguisher,
    address,
    as,
    bgpId,
    timestamp: sec + usec / 1e6,
    as4: locRib || (flags & 0x20) === 0,
    postPolicy: !locRib && (flags & 0x40) !== 0,
    adjRibOut: !locRib && (flags & 0x10) !== 0,
    filtered: locRib && (flags & 0x80) !== 0,
    key: `${type}/${distinguisher}/${address}`,
  };
}
