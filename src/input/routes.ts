/**
 * Routes out of field inputs: every reader of `src/input` behind one push interface, and every
 * UPDATE it yields decoded whole (RFC 4271 §4.3 with RFC 7606, through `decodeUpdateWith`) and
 * cut into routes (`updateRoutes`: family, NLRI, next hop, the UPDATE's attributes). A TABLE_DUMP_V2
 * RIB entry (RFC 6396 §4.3.4) is not an UPDATE: its attributes carry MP_REACH_NLRI in the short
 * form "Next Hop Length + Next Hop" and the NLRI stands in the record header, so each entry is
 * turned into the UPDATE body it stands for (MP_REACH_NLRI rebuilt with the record's AFI / SAFI
 * and NLRI, RFC 4760 §3; the IPv4 unicast NLRI in the NLRI field when there is no MP_REACH_NLRI)
 * and decoded as one. The AS_PATH of a RIB entry is 4-octet (RFC 6396 §4.3.4); of a BGP4MP
 * message as its subtype says (§4.4.2-§4.4.3); of BMP as the A flag says (RFC 7854 §4.2).
 */
import { NlriError } from '../core/errors.js';
import type { AttributeRegistry } from '../attributes/registry.js';
import { createSession, type Session } from '../index.js';
import type { Registry } from '../registry/registry.js';
import { decodeNext } from '../registry/ops.js';
import { Reader } from '../core/reader.js';
import { Slab } from '../core/slab.js';
import { decodeUpdateWith, hasMarker } from '../update/decode.js';
import type { BgpUpdate, UpdateRoute } from '../update/model.js';
import { updateRoutes } from '../update/routes.js';
import { BmpReader, type BmpPeer, type BmpRecord } from './bmp.js';
import { CaptureReader, type CaptureRecord } from './bgp-capture.js';
import type { InputFormat } from './detect.js';
import { inputError, type InputError } from './errors.js';
import { HexLineReader, type HexRecord } from './hex-lines.js';
import { MrtReader, mrtTypeName, ribEntries, type MrtPeer, type MrtRecord, type MrtRib, type MrtRibEntry } from './mrt.js';
import { negotiate, parseOpen, type Negotiated } from './open.js';
import { be16 } from './queue.js';

/** Where a route came from. */
export interface RouteSource {
  readonly format: InputFormat;
  /** File offset of the record (RIB entry, BMP message, captured packet, hex line). */
  readonly offset: number;
  /** Seconds since the epoch (RIB entries: the Originated Time), when the input has one. */
  readonly timestamp?: number | undefined;
  /** The record's kind (`TABLE_DUMP_V2/RIB_IPV4_UNICAST`, `route-monitoring`, `update`). */
  readonly record: string;
  readonly peer?: SourcePeer | undefined;
  /** pcap: the receiving side of the TCP connection. */
  readonly to?: { readonly address: string; readonly port: number } | undefined;
  /** hex: the 1-based line number. */
  readonly line?: number | undefined;
}

export interface SourcePeer {
  readonly address: string;
  readonly as?: number | undefined;
  readonly bgpId?: string | undefined;
  readonly port?: number | undefined;
  /** BMP: the per-peer header. */
  readonly bmp?: BmpPeer | undefined;
}

export interface FileRoute {
  readonly kind: 'route';
  readonly route: UpdateRoute;
  readonly update: BgpUpdate;
  readonly source: RouteSource;
}

/** An UPDATE that gave no routes for RFC 7606 reasons (session reset, AFI/SAFI disable). */
export interface FileBadUpdate {
  readonly kind: 'bad-update';
  readonly update: BgpUpdate;
  readonly source: RouteSource;
}

export type FileItem = FileRoute | FileBadUpdate | InputError;

export interface RouteReaderOptions {
  format: InputFormat;
  families: Registry;
  attributes: AttributeRegistry;
  /** What to assume where the input does not say (BGP4MP and BMP without peer up, pcap before the OPENs, hex): default 4-octet AS, no ADD-PATH. */
  defaults?: Negotiated;
  /** Only these families' routes are handed out (and only their NLRIs formatted by the caller). */
  families_filter?: ReadonlySet<string> | undefined;
  /** pcap: the TCP ports taken as BGP (default 179). */
  ports?: readonly number[];
}

type Inner = { push(c: Uint8Array): (MrtRecord | BmpRecord | CaptureRecord | HexRecord)[]; end(): (MrtRecord | BmpRecord | CaptureRecord | HexRecord)[]; readonly done: boolean };

const NEXT_HOP = 3;
const MP_REACH = 14;

/** Streams a file into routes: `push` chunks, take the items; `end` at the end of the input. */
export class RouteReader {
  private readonly inner: Inner;
  private readonly sessions = new Map<string, Session>();
  private readonly defaults: Negotiated;
  private peers: readonly MrtPeer[] = [];
  private readonly bmpPeers = new Map<string, Negotiated>();
  /** What was read and not turned into routes, by kind (`BGP4MP/STATE_CHANGE`, `keepalive`, …). */
  readonly skipped = new Map<string, number>();
  records = 0;
  updates = 0;
  /**
   * RIB entry bodies are carved from 256 KiB slabs (core/slab.ts): one backing store per slab instead of one per
   * entry (small ArrayBuffers each cost an allocation the GC must track). A slab is never written
   * again once handed out, so the views stay valid; it is freed with the last route using it.
   */
  private readonly slab = new Slab(1 << 18, 65536);
  private readonly alloc = (n: number): Uint8Array => this.slab.alloc(n);

  constructor(private readonly opts: RouteReaderOptions) {
    this.defaults = opts.defaults ?? { as4: true, addPath: [] };
    switch (opts.format) {
      case 'mrt':
        this.inner = new MrtReader();
        break;
      case 'bmp':
        this.inner = new BmpReader();
        break;
      case 'pcap':
        this.inner = new CaptureReader({ families: opts.families, defaults: this.defaults, ...(opts.ports ? { ports: opts.ports } : {}) });
        break;
      case 'hex':
        this.inner = new HexLineReader();
        break;
    }
  }

  /** True once the reader stopped on a fatal error. */
  get done(): boolean {
    return this.inner.done;
  }

  push(chunk: Uint8Array): FileItem[] {
    const out: FileItem[] = [];
    for (const r of this.inner.push(chunk)) this.record(r, out);
    return out;
  }

  end(): FileItem[] {
    const out: FileItem[] = [];
    for (const r of this.inner.end()) this.record(r, out);
    return out;
  }

  private skip(what: string): void {
    this.skipped.set(what, (this.skipped.get(what) ?? 0) + 1);
  }

  private readonly byList = [new WeakMap<readonly string[], Session>(), new WeakMap<readonly string[], Session>()];

  private session(as4: boolean, addPath: boolean | readonly string[]): Session {
    // The same family list object comes back for every message of a peer: look it up by identity first.
    const cache = typeof addPath === 'boolean' ? undefined : this.byList[as4 ? 1 : 0]!;
    const hit = cache?.get(addPath as readonly string[]);
    if (hit) return hit;
    const s = this.sessionByKey(as4, addPath);
    cache?.set(addPath as readonly string[], s);
    return s;
  }

  private sessionByKey(as4: boolean, addPath: boolean | readonly string[]): Session {
    const key = `${as4 ? 4 : 2}|${addPath === true ? '*' : addPath === false ? '' : addPath.join(',')}`;
    let s = this.sessions.get(key);
    if (!s) {
      s = createSession({ as4, addPath, extendedMessage: true, families: this.opts.families, attributes: this.opts.attributes });
      this.sessions.set(key, s);
    }
    return s;
  }

  private record(r: MrtRecord | BmpRecord | CaptureRecord | HexRecord, out: FileItem[]): void {
    this.records++;
    switch (r.kind) {
      case 'error':
        out.push(r);
        return;
      case 'peer-index':
        this.peers = r.peers;
        return;
      case 'rib':
        this.rib(r, out);
        return;
      case 'bgp4mp': {
        const name = mrtTypeName(r.type, r.subtype);
        if (!r.message) return this.skip(name);
        const source: RouteSource = { format: 'mrt', offset: r.offset, timestamp: r.timestamp, record: name, peer: { address: r.peerAddress, as: r.peerAs } };
        this.message(r.message, this.session(r.as4, r.addPath), source, out);
        return;
      }
      case 'peer-up': {
        try {
          const sent = parseOpen(r.sentOpen);
          const received = parseOpen(r.receivedOpen);
          // Route Monitoring carries what the peer sent the monitored router.
          this.bmpPeers.set(r.peer.key, negotiate(received, sent, this.opts.families, this.defaults));
        } catch (e) {
          if (!(e instanceof NlriError)) throw e;
          out.push(inputError(e.code, `BMP peer up: OPEN: ${e.message}`, r.offset, false));
        }
        this.skip('bmp/peer-up');
        return;
      }
      case 'route-monitoring': {
        const p = r.peer;
        const n = this.bmpPeers.get(p.key);
        const source: RouteSource = { format: 'bmp', offset: r.offset, timestamp: p.timestamp, record: 'route-monitoring', peer: { address: p.address, as: p.as, bgpId: p.bgpId, bmp: p } };
        this.message(r.message, this.session(p.as4, n ? n.addPath : this.defaults.addPath), source, out);
        return;
      }
      case 'bgp': {
        if (r.type !== 2) return this.skip(`bgp/${BGP_TYPES[r.type] ?? r.type}`);
        const source: RouteSource = { format: 'pcap', offset: r.offset, timestamp: r.timestamp, record: 'update', peer: { address: r.src, port: r.srcPort }, to: { address: r.dst, port: r.dstPort } };
        this.message(r.message, this.session(r.session.as4, r.session.addPath), source, out);
        return;
      }
      case 'hex': {
        const source: RouteSource = { format: 'hex', offset: r.offset, record: 'update', line: r.line };
        this.message(r.bytes, this.session(this.defaults.as4, this.defaults.addPath), source, out);
        return;
      }
      case 'other':
        // RFC 7854 §4.9: after a Peer Down, what its Peer Up said no longer holds.
        if ('peer' in r && r.type === 2 && r.peer) this.bmpPeers.delete(r.peer.key);
        if ('peer' in r) return this.skip(`bmp/${['route-monitoring', 'statistics', 'peer-down', 'peer-up', 'initiation', 'termination', 'route-mirroring'][r.type] ?? r.type}`);
        return this.skip(mrtTypeName(r.type, r.subtype));
    }
  }

  /** A whole BGP message (or an UPDATE body): UPDATEs give routes, other types are counted. */
  private message(bytes: Uint8Array, s: Session, source: RouteSource, out: FileItem[]): void {
    if (hasMarker(bytes) && bytes[18] !== 2) return this.skip(`${source.format}/${BGP_TYPES[bytes[18]!] ?? `type-${bytes[18]}`}`);
    this.update(decodeUpdateWith(bytes, s.ctx, s.attributes, s.extras), source, out);
  }

  private update(u: BgpUpdate, source: RouteSource, out: FileItem[]): void {
    this.updates++;
    if (u.action === 'session-reset' || u.action === 'afi-safi-disable') {
      out.push({ kind: 'bad-update', update: u, source });
      return;
    }
    const filter = this.opts.families_filter;
    for (const route of updateRoutes(u)) {
      if (filter && !filter.has(route.family)) continue;
      out.push({ kind: 'route', route, update: u, source });
    }
  }

  /** One SourcePeer per MRT peer (reused, so its JSON is made once). */
  private readonly peerSources = new WeakMap<MrtPeer, SourcePeer>();

  private mrtPeer(own: MrtPeer | undefined, index: number): SourcePeer {
    const peer = own ?? this.peers[index];
    if (!peer) return { address: `peer-index-${index}` };
    let p = this.peerSources.get(peer);
    if (!p) {
      p = peer.bgpId ? { address: peer.address, as: peer.as, bgpId: peer.bgpId } : { address: peer.address, as: peer.as };
      this.peerSources.set(peer, p);
    }
    return p;
  }

  private rib(r: MrtRib, out: FileItem[]): void {
    const name = mrtTypeName(r.type, r.subtype);
    const codec = this.opts.families.byAfiSafi(r.afi, r.safi);
    let nlri = r.nlri;
    let entries: readonly MrtRibEntry[] = r.entries;
    if (r.generic) {
      // RFC 6396 §4.3.3: one NLRI of the family, its end known only to the family codec.
      if (!codec) {
        this.skip(`${name} (afi ${r.afi} safi ${r.safi})`);
        return;
      }
      const rd = new Reader(r.rest, codec.name);
      try {
        decodeNext(codec, rd, {});
        nlri = r.rest.subarray(0, rd.pos);
        entries = ribEntries(rd, r.addPath, r.nlriOffset);
      } catch (e) {
        if (!(e instanceof NlriError)) throw e;
        out.push(inputError(e.code, `${name}: ${e.message}`, r.nlriOffset + Math.max(0, e.offset), false));
        return;
      }
    }
    if (this.opts.families_filter && codec && !this.opts.families_filter.has(codec.name)) return;
    const family = codec?.name;
    // RFC 6396 §4.3.4: 4-octet AS_PATH in TABLE_DUMP_V2; §4.2 TABLE_DUMP has 2-octet ones.
    const s = this.session(r.peer === undefined, r.addPath && family ? [family] : []);
    for (const e of entries) {
      const source: RouteSource = { format: 'mrt', offset: e.offset, timestamp: e.originated, record: name, peer: this.mrtPeer(r.peer, e.peerIndex) };
      const body = ribUpdateBody(r.afi, r.safi, nlri, e.pathId, e.attributes, this.alloc);
      this.update(decodeUpdateWith(body, s.ctx, s.attributes, s.extras), source, out);
    }
  }
}

const BGP_TYPES: Record<number, string> = { 1: 'open', 2: 'update', 3: 'notification', 4: 'keepalive', 5: 'route-refresh' };

/**
 * The UPDATE body (RFC 4271 §4.3) a RIB entry stands for. `attrs` are the entry's attributes;
 * a short-form MP_REACH_NLRI (RFC 6396 §4.3.4: Next Hop Length, Next Hop) is rebuilt in full
 * (RFC 4760 §3) with the record's AFI, SAFI and NLRI; an MP_REACH_NLRI in the full form (some
 * writers) keeps its next hop and takes the record's NLRI; one of neither form is replaced with
 * no next hop. Without MP_REACH_NLRI, a non-unicast IPv4 entry takes NEXT_HOP as its next hop.
 */
export function ribUpdateBody(afi: number, safi: number, nlri: Uint8Array, pathId: number | undefined, attrs: Uint8Array, alloc: (n: number) => Uint8Array = (n) => new Uint8Array(n)): Uint8Array {
  const nl = pathId === undefined ? nlri.length : nlri.length + 4;
  // Find MP_REACH_NLRI among the attributes (headers only; the decoder checks the rest).
  let mpAt = -1;
  let mpEnd = -1;
  let nh: Uint8Array | undefined;
  let nextHop: Uint8Array | undefined;
  for (let p = 0; p + 3 <= attrs.length; ) {
    const flags = attrs[p]!;
    const ext = (flags & 0x10) !== 0;
    const hdr = ext ? 4 : 3;
    if (p + hdr > attrs.length) break;
    const len = ext ? be16(attrs, p + 2) : attrs[p + 2]!;
    if (p + hdr + len > attrs.length) break;
    if (attrs[p + 1] === NEXT_HOP && len === 4) nextHop = attrs.subarray(p + hdr, p + hdr + 4);
    if (attrs[p + 1] === MP_REACH) {
      const v = attrs.subarray(p + hdr, p + hdr + len);
      if (len >= 1 && v[0] === len - 1) nh = v.subarray(1);
      else if (len >= 5 && be16(v, 0) === afi && v[2] === safi && 4 + v[3]! <= len) nh = v.subarray(4, 4 + v[3]!);
      // Replaced whatever its form: an MP_REACH_NLRI of neither form gives no next hop.
      if (mpAt < 0) {
        mpAt = p;
        mpEnd = p + hdr + len;
      }
    }
    p += hdr + len;
  }
  const legacy = afi === 1 && safi === 1 && mpAt < 0;
  if (legacy) {
    const b = alloc(4 + attrs.length + nl);
    b[0] = 0;
    b[1] = 0;
    b[2] = attrs.length >> 8;
    b[3] = attrs.length & 0xff;
    b.set(attrs, 4);
    writeNlri(b, 4 + attrs.length, nlri, pathId);
    return b;
  }
  // No MP_REACH_NLRI (an IPv4 multicast entry with NEXT_HOP, say): NEXT_HOP is the next hop.
  const nhb = nh ?? (afi === 1 && nextHop ? nextHop : new Uint8Array(0));
  const vlen = 5 + nhb.length + nl;
  const ext = vlen > 255;
  const mplen = (ext ? 4 : 3) + vlen;
  const rest = mpAt < 0 ? attrs.length : attrs.length - (mpEnd - mpAt);
  const total = rest + mplen;
  const b = alloc(4 + total);
  b[0] = 0;
  b[1] = 0;
  b[2] = (total >> 8) & 0xff;
  b[3] = total & 0xff;
  let o = 4;
  if (mpAt < 0) {
    b.set(attrs, o);
    o += attrs.length;
  } else {
    b.set(attrs.subarray(0, mpAt), o);
    o += mpAt;
  }
  b[o++] = ext ? 0x90 : 0x80;
  b[o++] = MP_REACH;
  if (ext) {
    b[o++] = vlen >> 8;
    b[o++] = vlen & 0xff;
  } else b[o++] = vlen;
  b[o++] = afi >> 8;
  b[o++] = afi & 0xff;
  b[o++] = safi;
  b[o++] = nhb.length;
  b.set(nhb, o);
  o += nhb.length;
  b[o++] = 0;
  o = writeNlri(b, o, nlri, pathId);
  if (mpAt >= 0) b.set(attrs.subarray(mpEnd), o);
  return b;
}

function writeNlri(b: Uint8Array, o: number, nlri: Uint8Array, pathId: number | undefined): number {
  if (pathId !== undefined) {
    b[o++] = pathId >>> 24;
    b[o++] = (pathId >>> 16) & 0xff;
    b[o++] = (pathId >>> 8) & 0xff;
    b[o++] = pathId & 0xff;
  }
  b.set(nlri, o);
  return o + nlri.length;
}
