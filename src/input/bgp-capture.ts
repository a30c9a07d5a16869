/**
 * BGP sessions out of a packet capture: the TCP segments of port 179 (RFC 4271 §8.2.1: BGP runs
 * over TCP port 179) are put back in order per direction (RFC 9293 §3.4 sequence numbers: a
 * retransmitted or overlapping segment is trimmed to its new octets; an early one waits, up to
 * `maxPending` octets per direction (256 KiB), after which the gap is reported and skipped), then cut into
 * BGP messages by their header (RFC 4271 §4.1: Marker, Length 19..65535 with RFC 8654, Type).
 * The OPEN of each direction (RFC 4271 §4.2) says how the other direction's UPDATEs read:
 * 4-octet AS (RFC 6793 §4) and ADD-PATH (RFC 7911 §5), see `negotiate`.
 *
 * Errors: the capture's own framing errors stop the reader (see PcapReader); a lost TCP segment
 * or a BGP header with no marker or an impossible length is reported (not fatal) and the
 * direction looks for the next marker. A capture that starts mid-connection is read from the
 * first marker of each direction.
 */
import type { Registry } from '../registry/registry.js';
import { inputError, type InputError } from './errors.js';
import { negotiate, parseOpen, type Negotiated, type OpenInfo, BGP_OPEN } from './open.js';
import { tcpSegment, type TcpSegment } from './packet.js';
import { PcapReader, type PcapPacket } from './pcap.js';
import { ByteQueue } from './queue.js';
import { NlriError } from '../core/errors.js';

export const BGP_PORT = 179;
/** Directions tracked at once (the oldest is forgotten past it): with `maxPending`, bounds the memory. */
const MAX_FLOWS = 1024;

export interface CaptureMessage {
  readonly kind: 'bgp';
  /** File offset of the packet that carried the message's first octet. */
  readonly offset: number;
  readonly timestamp: number;
  readonly src: string;
  readonly dst: string;
  readonly srcPort: number;
  readonly dstPort: number;
  /** BGP message type (1 OPEN, 2 UPDATE, 3 NOTIFICATION, 4 KEEPALIVE, 5 ROUTE-REFRESH). */
  readonly type: number;
  /** The whole message, header included (view). */
  readonly message: Uint8Array;
  /** How this direction's UPDATEs read, from the OPENs seen so far (defaults before). */
  readonly session: Negotiated;
  /** The OPEN's content, for type 1. */
  readonly open?: OpenInfo | undefined;
}

export type CaptureRecord = CaptureMessage | InputError;

export interface CaptureOptions {
  /** Family registry, to name the ADD-PATH families of the OPENs. */
  families: Registry;
  /** What to assume before (or without) the OPENs: default 4-octet AS, no ADD-PATH. */
  defaults?: Negotiated;
  /** TCP ports taken as BGP (default [179]). */
  ports?: readonly number[];
  /** Out-of-order octets kept per direction before a gap is given up (default 256 KiB). */
  maxPending?: number;
}

interface Mark {
  pos: number;
  offset: number;
  ts: number;
}

class Direction {
  next: number | undefined;
  pending: { seq: number; data: Uint8Array; offset: number; ts: number }[] = [];
  pendingBytes = 0;
  q = new ByteQueue();
  synced = false;
  marks: Mark[] = [];
  open: OpenInfo | undefined;
  session: Negotiated | undefined;
  constructor(
    readonly key: string,
    readonly reverse: string,
    readonly seg: TcpSegment,
  ) {}
}

export class CaptureReader {
  private readonly pcap = new PcapReader();
  private readonly flows = new Map<string, Direction>();
  private readonly ports: ReadonlySet<number>;
  private readonly defaults: Negotiated;
  private readonly maxPending: number;
  /** Counts of what was seen, for a summary. */
  readonly stats = { packets: 0, segments: 0, skipped: 0, retransmitted: 0, gaps: 0 };

  constructor(private readonly opts: CaptureOptions) {
    this.ports = new Set(opts.ports ?? [BGP_PORT]);
    this.defaults = opts.defaults ?? { as4: true, addPath: [] };
    this.maxPending = opts.maxPending ?? 1 << 18;
  }

  get done(): boolean {
    return this.pcap.done;
  }

  push(chunk: Uint8Array): CaptureRecord[] {
    const out: CaptureRecord[] = [];
    for (const p of this.pcap.push(chunk)) {
      if (p.kind === 'error') out.push(p);
      else this.packet(p, out);
    }
    return out;
  }

  end(): CaptureRecord[] {
    const out: CaptureRecord[] = [];
    for (const p of this.pcap.end()) if (p.kind === 'error') out.push(p);
    for (const d of this.flows.values()) {
      if (d.q.length > 0 && d.synced) {
        out.push(inputError('truncated', `${flowName(d.seg)}: the capture ends ${d.q.length} octets into a BGP message`, d.marks[0]?.offset ?? 0, false));
      }
    }
    return out;
  }

  private packet(p: PcapPacket, out: CaptureRecord[]): void {
    this.stats.packets++;
    const s = tcpSegment(p.linkType, p.data);
    if (typeof s === 'string' || (!this.ports.has(s.srcPort) && !this.ports.has(s.dstPort))) {
      this.stats.skipped++;
      return;
    }
    this.stats.segments++;
    const key = `${s.src}|${s.srcPort}|${s.dst}|${s.dstPort}`;
    let d = this.flows.get(key);
    if (!d || s.syn) {
      if (this.flows.size >= MAX_FLOWS && !d) this.flows.delete(this.flows.keys().next().value!);
      d = new Direction(key, `${s.dst}|${s.dstPort}|${s.src}|${s.srcPort}`, s);
      this.flows.set(key, d);
      // A new connection: what the other side said before is stale.
      const other = this.flows.get(d.reverse);
      if (s.syn && other) {
        other.open = undefined;
        other.session = undefined;
      }
    }
    if (s.syn) {
      d.next = (s.seq + 1) >>> 0;
      d.synced = true;
      return;
    }
    if (d.next === undefined) d.next = s.seq;
    this.segment(d, s.seq, s.payload, p.offset, p.timestamp, out);
  }

  private segment(d: Direction, seq: number, data: Uint8Array, offset: number, ts: number, out: CaptureRecord[]): void {
    if (data.length === 0) return;
    const diff = (seq - d.next!) | 0;
    if (diff > 0) {
      // Early: keep a copy (not a view that would pin the whole chunk) until the gap fills.
      if (d.pending.some((x) => x.seq === seq)) return;
      d.pending.push({ seq, data: data.slice(), offset, ts });
      d.pendingBytes += data.length;
      if (d.pendingBytes > this.maxPending) {
        // Give the gap up: jump to the earliest waiting segment and look for a marker.
        d.pending.sort((a, b) => ((a.seq - d.next!) | 0) - ((b.seq - d.next!) | 0));
        const first = d.pending[0]!;
        this.stats.gaps++;
        out.push(inputError('truncated', `${flowName(d.seg)}: ${(first.seq - d.next!) >>> 0} octets of the TCP stream never arrived`, first.offset, false));
        d.next = first.seq;
        d.q = new ByteQueue();
        d.marks = [];
        d.synced = false;
        this.drain(d, out);
      }
      return;
    }
    if (diff < 0) {
      if (-diff >= data.length) {
        this.stats.retransmitted++;
        return;
      }
      data = data.subarray(-diff);
    }
    this.deliver(d, data, offset, ts, out);
    this.drain(d, out);
  }

  private drain(d: Direction, out: CaptureRecord[]): void {
    for (let again = true; again && d.pending.length > 0; ) {
      again = false;
      for (let i = 0; i < d.pending.length; i++) {
        const x = d.pending[i]!;
        const diff = (x.seq - d.next!) | 0;
        if (diff <= 0) {
          d.pending.splice(i, 1);
          d.pendingBytes -= x.data.length;
          if (-diff < x.data.length) this.deliver(d, x.data.subarray(-diff), x.offset, x.ts, out);
          again = true;
          break;
        }
      }
    }
  }

  private deliver(d: Direction, data: Uint8Array, offset: number, ts: number, out: CaptureRecord[]): void {
    d.next = (d.next! + data.length) >>> 0;
    const q = d.q;
    const pos = q.offset + q.length;
    d.marks.push({ pos, offset, ts });
    q.push(data);
    for (;;) {
      if (!d.synced && !this.resync(d)) {
        // Nothing to frame yet: forget the packets whose octets were all dropped.
        while (d.marks.length > 1 && d.marks[1]!.pos <= q.offset) d.marks.shift();
        return;
      }
      if (q.length < 19) return;
      let bad = '';
      for (let i = 0; i < 16; i++) if (q.at(i) !== 0xff) bad = 'no BGP marker (RFC 4271 §4.1)';
      const len = q.u16(16);
      const type = q.at(18);
      if (!bad && (len < 19 || len > 65535)) bad = `BGP Length ${len} under 19`;
      if (!bad && (type < 1 || type > 5)) bad = `BGP message type ${type} unknown`;
      const start = q.offset;
      while (d.marks.length > 1 && d.marks[1]!.pos <= start) d.marks.shift();
      const mark = d.marks[0]!;
      if (bad) {
        out.push(inputError('bad-value', `${flowName(d.seg)}: ${bad} at TCP stream octet ${start}; looking for the next marker`, mark.offset, false));
        q.skip(1);
        d.synced = false;
        continue;
      }
      if (q.length < len) return;
      const message = q.take(len);
      out.push(this.message(d, type, message, mark, out));
    }
  }

  /** Drop octets up to the next 16-octet marker; false when none is in the buffer yet. */
  private resync(d: Direction): boolean {
    const q = d.q;
    const b = q.buf;
    let run = 0;
    for (let i = q.pos; i < b.length; i++) {
      if (b[i] === 0xff) {
        if (++run === 16) {
          // The marker may be longer than 16 (0xff bytes before it): take the last 16 + header.
          let s = i - 15;
          while (i + 1 < b.length && b[i + 1] === 0xff) {
            i++;
            s++;
          }
          q.skip(s - q.pos);
          d.synced = true;
          return true;
        }
      } else run = 0;
    }
    q.skip(Math.max(0, b.length - q.pos - run));
    return false;
  }

  private message(d: Direction, type: number, message: Uint8Array, mark: Mark, out: CaptureRecord[]): CaptureMessage {
    const s = d.seg;
    let open: OpenInfo | undefined;
    const other = this.flows.get(d.reverse);
    if (type === BGP_OPEN) {
      try {
        open = parseOpen(message);
        d.open = open;
        d.session = undefined;
        if (other) other.session = undefined;
      } catch (e) {
        if (!(e instanceof NlriError)) throw e;
        out.push(inputError(e.code, `${flowName(s)}: OPEN: ${e.message}`, mark.offset, false));
      }
    }
    const session = (d.session ??= negotiate(d.open, other?.open, this.opts.families, this.defaults));
    return { kind: 'bgp', offset: mark.offset, timestamp: mark.ts, src: s.src, dst: s.dst, srcPort: s.srcPort, dstPort: s.dstPort, type, message, session, open };
  }
}

function flowName(s: TcpSegment): string {
  const a = (ip: string, port: number): string => (ip.includes(':') ? `[${ip}]:${port}` : `${ip}:${port}`);
  return `${a(s.src, s.srcPort)} > ${a(s.dst, s.dstPort)}`;
}
