/**
 * A streaming reader of MRT files (RFC 6396): push the file's bytes in chunk by chunk, take
 * records out. Implemented:
 * - §2 / §3 the common header (Timestamp, Type, Subtype, Length) and §3 the Extended Timestamp
 *   header of the *_ET types (the Microsecond Timestamp is counted in Length);
 * - §4.3 TABLE_DUMP_V2: §4.3.1 PEER_INDEX_TABLE, §4.3.2 RIB_IPV4_UNICAST, RIB_IPV4_MULTICAST,
 *   RIB_IPV6_UNICAST, RIB_IPV6_MULTICAST, §4.3.3 RIB_GENERIC, §4.3.4 RIB entries; RFC 8050 §4
 *   the *_ADDPATH subtypes 8-12 (a Path Identifier after the Originated Time of each RIB entry;
 *   for RIB_GENERIC_ADDPATH too, as GoBGP and OpenBGPD write it: RFC 8050 puts it in the NLRI);
 * - §4.4 BGP4MP and §4.4 BGP4MP_ET: §4.4.1 STATE_CHANGE, §4.4.2 MESSAGE, §4.4.3 MESSAGE_AS4,
 *   §4.4.4 STATE_CHANGE_AS4, §4.4.5 MESSAGE_LOCAL, §4.4.6 MESSAGE_AS4_LOCAL; RFC 8050 §3 the
 *   *_ADDPATH subtypes 8-11 (the BGP message's NLRIs carry path identifiers).
 * - §4.2 TABLE_DUMP (v1), subtypes AFI_IPv4 and AFI_IPv6: one route per record, 2-octet Peer AS
 *   and AS_PATH; handed out as a `rib` record of one entry (with its peer in `peer`).
 * Other types (OSPF, IS-IS) are handed out as `other` records, unread.
 *
 * Errors: a record Length over `maxRecord` (default 16 MiB) stops the reader (the framing is lost:
 * `fatal`); a field that overruns its record is reported for that record and the reader goes on
 * with the next one. A file that ends inside a record gives a `truncated` error from `end()`.
 */
import { NlriError } from '../core/errors.js';
import { ipToString, ipv4ToString } from '../core/ip.js';
import { Reader } from '../core/reader.js';
import { inputError, type InputError } from './errors.js';
import { ByteQueue } from './queue.js';

export const MRT_HEADER = 12;
export const MRT_MAX_RECORD = 16 << 20;

export const MRT_TABLE_DUMP = 12;
export const MRT_TABLE_DUMP_V2 = 13;
export const MRT_BGP4MP = 16;
export const MRT_BGP4MP_ET = 17;

/** The Type codes of RFC 6396 §4 (the deprecated ones of §6 left out), for format detection. */
export const MRT_TYPES: ReadonlySet<number> = new Set([11, 12, 13, 16, 17, 32, 33, 48, 49]);

const TD2_NAMES: Record<number, string> = {
  1: 'PEER_INDEX_TABLE',
  2: 'RIB_IPV4_UNICAST',
  3: 'RIB_IPV4_MULTICAST',
  4: 'RIB_IPV6_UNICAST',
  5: 'RIB_IPV6_MULTICAST',
  6: 'RIB_GENERIC',
  8: 'RIB_IPV4_UNICAST_ADDPATH',
  9: 'RIB_IPV4_MULTICAST_ADDPATH',
  10: 'RIB_IPV6_UNICAST_ADDPATH',
  11: 'RIB_IPV6_MULTICAST_ADDPATH',
  12: 'RIB_GENERIC_ADDPATH',
};

const BGP4MP_NAMES: Record<number, string> = {
  0: 'STATE_CHANGE',
  1: 'MESSAGE',
  4: 'MESSAGE_AS4',
  5: 'STATE_CHANGE_AS4',
  6: 'MESSAGE_LOCAL',
  7: 'MESSAGE_AS4_LOCAL',
  8: 'MESSAGE_ADDPATH',
  9: 'MESSAGE_AS4_ADDPATH',
  10: 'MESSAGE_LOCAL_ADDPATH',
  11: 'MESSAGE_AS4_LOCAL_ADDPATH',
};

/** `TABLE_DUMP_V2/RIB_IPV4_UNICAST`-style name of a type and subtype. */
export function mrtTypeName(type: number, subtype: number): string {
  if (type === MRT_TABLE_DUMP_V2) return `TABLE_DUMP_V2/${TD2_NAMES[subtype] ?? subtype}`;
  if (type === MRT_TABLE_DUMP) return `TABLE_DUMP/${subtype === 1 ? 'AFI_IPv4' : subtype === 2 ? 'AFI_IPv6' : subtype}`;
  if (type === MRT_BGP4MP || type === MRT_BGP4MP_ET) return `${type === MRT_BGP4MP ? 'BGP4MP' : 'BGP4MP_ET'}/${BGP4MP_NAMES[subtype] ?? subtype}`;
  return `${type}/${subtype}`;
}

interface Base {
  /** File offset of the record's common header. */
  readonly offset: number;
  /** Seconds since the epoch, with the microseconds of the _ET types as a fraction. */
  readonly timestamp: number;
  readonly type: number;
  readonly subtype: number;
}

/** RFC 6396 §4.3.1 peer entry. */
export interface MrtPeer {
  readonly bgpId: string;
  readonly address: string;
  readonly as: number;
  /** Peer Type bit 1: the AS is 4 octets in this table. */
  readonly as4: boolean;
}

export interface MrtPeerIndex extends Base {
  readonly kind: 'peer-index';
  readonly collectorId: string;
  readonly viewName: string;
  readonly peers: readonly MrtPeer[];
}

/** RFC 6396 §4.3.4 RIB entry (RFC 8050 §4: with a path identifier in the ADD-PATH subtypes). */
export interface MrtRibEntry {
  readonly peerIndex: number;
  readonly originated: number;
  readonly pathId: number | undefined;
  /** The BGP attributes as on the wire (MP_REACH_NLRI in its §4.3.4 short form). View. */
  readonly attributes: Uint8Array;
  /** File offset of the entry. */
  readonly offset: number;
}

export interface MrtRib extends Base {
  readonly kind: 'rib';
  readonly sequence: number;
  readonly afi: number;
  readonly safi: number;
  readonly addPath: boolean;
  /** The NLRI as on the wire (Prefix Length + Prefix). View. RIB_GENERIC: empty, see `rest`. */
  readonly nlri: Uint8Array;
  /**
   * RIB_GENERIC (§4.3.3): only the family codec knows where its one NLRI ends, so `entries` is
   * empty and `rest` holds NLRI, Entry Count and entries; `ribGenericEntries` reads them.
   */
  readonly generic: boolean;
  readonly entries: readonly MrtRibEntry[];
  readonly rest: Uint8Array;
  /** File offset of `nlri` (RIB_GENERIC: of `rest`). */
  readonly nlriOffset: number;
  /** TABLE_DUMP (v1): the record's own peer (no PEER_INDEX_TABLE), and its 2-octet AS_PATH. */
  readonly peer?: MrtPeer | undefined;
}

export interface MrtBgp4mp extends Base {
  readonly kind: 'bgp4mp';
  /** The subtype carries a BGP message (MESSAGE*) or a state change (STATE_CHANGE*). */
  readonly message: Uint8Array | undefined;
  readonly oldState?: number;
  readonly newState?: number;
  readonly peerAs: number;
  readonly localAs: number;
  readonly ifIndex: number;
  readonly afi: number;
  readonly peerAddress: string;
  readonly localAddress: string;
  /** 4-octet AS numbers in the AS fields and the message's AS_PATH (the *_AS4 subtypes). */
  readonly as4: boolean;
  /** RFC 8050 §3: the message's NLRIs carry path identifiers. */
  readonly addPath: boolean;
  /** The *_LOCAL subtypes: a message the local router sent. */
  readonly local: boolean;
  /** File offset of `message`. */
  readonly messageOffset: number;
}

export interface MrtOther extends Base {
  readonly kind: 'other';
  readonly length: number;
}

export type MrtRecord = MrtPeerIndex | MrtRib | MrtBgp4mp | MrtOther | InputError;

export interface MrtReaderOptions {
  /** Longest record body accepted (default 16 MiB). */
  maxRecord?: number;
}

export class MrtReader {
  private readonly q = new ByteQueue();
  private readonly max: number;
  private stopped = false;
  /** Records read (errors included). */
  count = 0;

  constructor(opts: MrtReaderOptions = {}) {
    this.max = opts.maxRecord ?? MRT_MAX_RECORD;
  }

  /** File offset of the next octet to read. */
  get offset(): number {
    return this.q.offset;
  }

  /** True after a fatal error: further input is ignored. */
  get done(): boolean {
    return this.stopped;
  }

  /** Add bytes and return the records they complete. */
  push(chunk: Uint8Array): MrtRecord[] {
    const out: MrtRecord[] = [];
    if (this.stopped) return out;
    const q = this.q;
    q.push(chunk);
    while (q.length >= MRT_HEADER) {
      const len = q.u32(8);
      const at = q.offset;
      if (len > this.max) {
        this.stopped = true;
        out.push(inputError('bad-length', `MRT record Length ${len} exceeds the ${this.max}-octet bound`, at + 8, true));
        return out;
      }
      if (q.length < MRT_HEADER + len) break;
      const ts = q.u32(0);
      const type = q.u16(4);
      const subtype = q.u16(6);
      q.skip(MRT_HEADER);
      const body = q.take(len);
      this.count++;
      out.push(parseRecord(at, ts, type, subtype, body));
    }
    return out;
  }

  /** The end of the input: an error if it ends inside a record. */
  end(): MrtRecord[] {
    if (this.stopped || this.q.length === 0) return [];
    this.stopped = true;
    const left = this.q.length;
    return [inputError('truncated', `the file ends ${left} octet${left === 1 ? '' : 's'} into an MRT record`, this.q.offset, true)];
  }
}

function parseRecord(at: number, ts: number, type: number, subtype: number, body: Uint8Array): MrtRecord {
  const r = new Reader(body);
  try {
    let timestamp = ts;
    if (type === MRT_BGP4MP_ET || type === 33 || type === 49) {
      // RFC 6396 §3: the Microsecond Timestamp, counted in Length.
      const us = r.u32('Microsecond Timestamp');
      timestamp = ts + us / 1e6;
    }
    const base = { offset: at, timestamp, type, subtype };
    if (type === MRT_TABLE_DUMP_V2) {
      if (subtype === 1) return peerIndex(r, base);
      if ((subtype >= 2 && subtype <= 6) || (subtype >= 8 && subtype <= 12)) return rib(r, base, at + MRT_HEADER);
    } else if (type === MRT_TABLE_DUMP && (subtype === 1 || subtype === 2)) {
      return tableDump(r, base, at + MRT_HEADER);
    } else if (type === MRT_BGP4MP || type === MRT_BGP4MP_ET) {
      if (BGP4MP_NAMES[subtype] !== undefined) return bgp4mp(r, base, at + MRT_HEADER);
    }
    return { kind: 'other', ...base, length: body.length };
  } catch (e) {
    if (e instanceof NlriError) {
      return inputError(e.code, `${mrtTypeName(type, subtype)}: ${e.message}`, at + MRT_HEADER + Math.max(0, e.offset), false);
    }
    throw e;
  }
}

function peerIndex(r: Reader, base: Omit<Base, never>): MrtPeerIndex {
  const collectorId = ipv4ToString(r.bytes(4, 'Collector BGP ID'));
  const nameLen = r.u16('View Name Length');
  const viewName = new TextDecoder().decode(r.bytes(nameLen, 'View Name'));
  const count = r.u16('Peer Count');
  const peers: MrtPeer[] = [];
  for (let i = 0; i < count; i++) {
    const t = r.u8('Peer Type');
    const bgpId = ipv4ToString(r.bytes(4, 'Peer BGP ID'));
    const v6 = (t & 1) !== 0;
    const address = ipToString(v6, r.bytes(v6 ? 16 : 4, 'Peer IP Address'));
    const as4 = (t & 2) !== 0;
    const as = as4 ? r.u32('Peer AS') : r.u16('Peer AS');
    peers.push({ bgpId, address, as, as4 });
  }
  if (!r.atEnd()) r.fail('trailing-bytes', `${r.remaining} octets after the ${count} peer entries`);
  return { kind: 'peer-index', ...base, collectorId, viewName, peers };
}

function rib(r: Reader, base: Base, bodyAt: number): MrtRib {
  const st = base.subtype;
  const addPath = st >= 8;
  const sequence = r.u32('Sequence Number');
  const k = addPath ? st - 6 : st;
  if (k === 6) {
    const afi = r.u16('AFI');
    const safi = r.u8('SAFI');
    const restAt = r.pos;
    // The NLRI's length is the family's: the caller finds it with the codec (ribGenericEntries).
    return { kind: 'rib', ...base, sequence, afi, safi, addPath, nlri: r.buf.subarray(restAt, restAt), generic: true, entries: [], rest: r.buf.subarray(restAt), nlriOffset: bodyAt + restAt };
  }
  const afi = k <= 3 ? 1 : 2;
  const safi = k === 2 || k === 4 ? 1 : 2;
  const nlriAt = r.pos;
  const bits = r.u8('Prefix Length');
  if (bits > (afi === 1 ? 32 : 128)) r.fail('bad-value', `Prefix Length ${bits} exceeds ${afi === 1 ? 32 : 128}`, nlriAt);
  r.skip((bits + 7) >> 3, 'Prefix');
  const nlri = r.buf.subarray(nlriAt, r.pos);
  const entries = ribEntries(r, addPath, bodyAt);
  return { kind: 'rib', ...base, sequence, afi, safi, addPath, nlri, generic: false, entries, rest: nlri, nlriOffset: bodyAt + nlriAt };
}

/** RFC 6396 §4.3.4: Entry Count, then the entries; `r` at the Entry Count. */
export function ribEntries(r: Reader, addPath: boolean, bodyAt: number): MrtRibEntry[] {
  const count = r.u16('Entry Count');
  const entries: MrtRibEntry[] = [];
  for (let i = 0; i < count; i++) {
    const offset = bodyAt + r.pos;
    const peerIndex = r.u16('Peer Index');
    const originated = r.u32('Originated Time');
    const pathId = addPath ? r.u32('Path Identifier') : undefined;
    const len = r.u16('Attribute Length');
    const attributes = r.bytes(len, 'BGP Attributes');
    entries.push({ peerIndex, originated, pathId, attributes, offset });
  }
  if (!r.atEnd()) r.fail('trailing-bytes', `${r.remaining} octets after the ${count} RIB entries`);
  return entries;
}

/** §4.2 TABLE_DUMP: View Number, Sequence Number, Prefix, Prefix Length, Status, Originated Time, Peer IP, Peer AS, Attribute Length, BGP Attributes. */
function tableDump(r: Reader, base: Base, bodyAt: number): MrtRib {
  const v6 = base.subtype === 2;
  r.u16('View Number');
  const sequence = r.u16('Sequence Number');
  const addr = r.bytes(v6 ? 16 : 4, 'Prefix');
  const lenAt = r.pos;
  const bits = r.u8('Prefix Length');
  if (bits > (v6 ? 128 : 32)) r.fail('bad-value', `Prefix Length ${bits} exceeds ${v6 ? 128 : 32}`, lenAt);
  r.u8('Status');
  const originated = r.u32('Originated Time');
  const peerIp = ipToString(v6, r.bytes(v6 ? 16 : 4, 'Peer IP Address'));
  const peerAs = r.u16('Peer AS');
  const entryAt = r.pos;
  const len = r.u16('Attribute Length');
  const attributes = r.bytes(len, 'BGP Attributes');
  if (!r.atEnd()) r.fail('trailing-bytes', `${r.remaining} octets after the attributes`);
  // The NLRI in wire form: Prefix Length, then only the octets it covers.
  const n = (bits + 7) >> 3;
  const nlri = new Uint8Array(1 + n);
  nlri[0] = bits;
  nlri.set(addr.subarray(0, n), 1);
  const entries = [{ peerIndex: 0, originated, pathId: undefined, attributes, offset: bodyAt + entryAt }];
  return {
    kind: 'rib',
    ...base,
    sequence,
    afi: v6 ? 2 : 1,
    safi: 1,
    addPath: false,
    nlri,
    generic: false,
    entries,
    rest: nlri,
    nlriOffset: bodyAt + 4,
    peer: { bgpId: '', address: peerIp, as: peerAs, as4: false },
  };
}

function bgp4mp(r: Reader, base: Base, bodyAt: number): MrtBgp4mp {
  const st = base.subtype;
  const as4 = st === 4 || st === 5 || st === 7 || st === 9 || st === 11;
  const state = st === 0 || st === 5;
  const peerAs = as4 ? r.u32('Peer AS Number') : r.u16('Peer AS Number');
  const localAs = as4 ? r.u32('Local AS Number') : r.u16('Local AS Number');
  const ifIndex = r.u16('Interface Index');
  const afiAt = r.pos;
  const afi = r.u16('Address Family');
  if (afi !== 1 && afi !== 2) r.fail('bad-value', `Address Family ${afi} is neither IPv4 (1) nor IPv6 (2)`, afiAt);
  const v6 = afi === 2;
  const peerAddress = ipToString(v6, r.bytes(v6 ? 16 : 4, 'Peer IP Address'));
  const localAddress = ipToString(v6, r.bytes(v6 ? 16 : 4, 'Local IP Address'));
  const common = { ...base, peerAs, localAs, ifIndex, afi, peerAddress, localAddress, as4, addPath: st >= 8, local: st === 6 || st === 7 || st === 10 || st === 11 };
  if (state) {
    const oldState = r.u16('Old State');
    const newState = r.u16('New State');
    return { kind: 'bgp4mp', ...common, message: undefined, oldState, newState, messageOffset: bodyAt + r.pos };
  }
  const messageOffset = bodyAt + r.pos;
  return { kind: 'bgp4mp', ...common, message: r.bytes(r.remaining), messageOffset };
}
