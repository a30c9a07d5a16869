/**
 * A streaming reader of packet captures: the pcap file format (draft-ietf-opsawg-pcap §4 File
 * Header, §5 Packet Record; either byte order, microsecond magic 0xA1B2C3D4 and nanosecond magic
 * 0xA1B23C4D) and pcapng (draft-ietf-opsawg-pcapng §3.1 block structure, §4.1 Section Header
 * Block with its byte-order magic, §4.2 Interface Description Block with the if_tsresol option
 * §4.2.2, §4.3 Enhanced Packet Block, §4.4 Simple Packet Block, Appendix A obsolete Packet Block).
 * Push bytes in, take packets out (views, with their link type and timestamp).
 *
 * Errors: a bad magic, a pcap record length over the bound (the larger of the snap length and
 * 256 KiB, at most 16 MiB) or a pcapng block length that is not a multiple of 4, under 12, over
 * 16 MiB or not repeated at the block's end stops the reader (`fatal`); a packet block too short
 * for its fields is reported and skipped.
 */
import { inputError, type InputError } from './errors.js';
import { ByteQueue } from './queue.js';

export const PCAP_MAX_RECORD = 16 << 20;

export interface PcapPacket {
  readonly kind: 'packet';
  /** File offset of the packet record (pcap) or block (pcapng). */
  readonly offset: number;
  /** Seconds since the epoch (fraction: sub-second part), 0 when the block has none. */
  readonly timestamp: number;
  /** LINKTYPE_* value of the packet's interface. */
  readonly linkType: number;
  /** The captured octets (view). */
  readonly data: Uint8Array;
  /** The packet's length on the wire (more than `data.length` when the capture cut it). */
  readonly originalLength: number;
}

export type PcapRecord = PcapPacket | InputError;

interface Iface {
  linkType: number;
  /** Seconds per timestamp unit. */
  unit: number;
  /** The if_tsresol is a power of ten: units per second (exact division). */
  perSecond: number;
}

export function isPcapMagic(b: Uint8Array): boolean {
  if (b.length < 4) return false;
  const be = ((b[0]! << 24) | (b[1]! << 16) | (b[2]! << 8) | b[3]!) >>> 0;
  const le = (b[0]! | (b[1]! << 8) | (b[2]! << 16) | (b[3]! << 24)) >>> 0;
  return be === 0xa1b2c3d4 || be === 0xa1b23c4d || le === 0xa1b2c3d4 || le === 0xa1b23c4d;
}

export function isPcapngMagic(b: Uint8Array): boolean {
  return b.length >= 4 && b[0] === 0x0a && b[1] === 0x0d && b[2] === 0x0d && b[3] === 0x0a;
}

export class PcapReader {
  private readonly q = new ByteQueue();
  private stopped = false;
  /** undefined until the first 4 octets say which format. */
  private ng: boolean | undefined;
  private little = false;
  private started = false;
  // pcap
  private nano = false;
  private linkType = 0;
  private maxRecord = 262144;
  // pcapng
  private ifaces: Iface[] = [];
  count = 0;

  get done(): boolean {
    return this.stopped;
  }

  get offset(): number {
    return this.q.offset;
  }

  private u16(i: number): number {
    return this.little ? this.q.at(i) | (this.q.at(i + 1) << 8) : this.q.u16(i);
  }

  private u32(i: number): number {
    return this.little ? this.q.u32le(i) : this.q.u32(i);
  }

  private fatal(out: PcapRecord[], code: 'bad-value' | 'bad-length' | 'truncated', msg: string, at: number): PcapRecord[] {
    this.stopped = true;
    out.push(inputError(code, msg, at, true));
    return out;
  }

  push(chunk: Uint8Array): PcapRecord[] {
    const out: PcapRecord[] = [];
    if (this.stopped) return out;
    const q = this.q;
    q.push(chunk);
    if (this.ng === undefined) {
      if (q.length < 4) return out;
      const head = q.buf.subarray(q.pos, q.pos + 4);
      if (isPcapngMagic(head)) this.ng = true;
      else if (isPcapMagic(head)) this.ng = false;
      else return this.fatal(out, 'bad-value', 'neither a pcap magic number nor a pcapng Section Header Block', q.offset);
    }
    return this.ng ? this.pushNg(out) : this.pushPcap(out);
  }

  private pushPcap(out: PcapRecord[]): PcapRecord[] {
    const q = this.q;
    if (!this.started) {
      if (q.length < 24) return out;
      const be = q.u32(0);
      this.little = be !== 0xa1b2c3d4 && be !== 0xa1b23c4d;
      this.nano = this.u32(0) === 0xa1b23c4d;
      const snap = this.u32(16);
      this.maxRecord = Math.min(PCAP_MAX_RECORD, Math.max(snap, 262144));
      this.linkType = this.u32(20) & 0x0fffffff;
      q.skip(24);
      this.started = true;
    }
    while (q.length >= 16) {
      const at = q.offset;
      const incl = this.u32(8);
      if (incl > this.maxRecord) return this.fatal(out, 'bad-length', `pcap record captured length ${incl} exceeds the ${this.maxRecord}-octet bound`, at + 8);
      if (q.length < 16 + incl) break;
      const sec = this.u32(0);
      const frac = this.u32(4);
      const orig = this.u32(12);
      q.skip(16);
      const data = q.take(incl);
      this.count++;
      out.push({ kind: 'packet', offset: at, timestamp: sec + frac / (this.nano ? 1e9 : 1e6), linkType: this.linkType, data, originalLength: orig });
    }
    return out;
  }

  private pushNg(out: PcapRecord[]): PcapRecord[] {
    const q = this.q;
    while (q.length >= 12) {
      const at = q.offset;
      const isShb = q.u32(0) === 0x0a0d0d0a;
      if (isShb) {
        // §4.1: the byte-order magic decides how this section's numbers read.
        const bom = q.u32(8);
        if (bom === 0x1a2b3c4d) this.little = false;
        else if (bom === 0x4d3c2b1a) this.little = true;
        else return this.fatal(out, 'bad-value', `pcapng Byte-Order Magic 0x${bom.toString(16)} is not 0x1a2b3c4d`, at + 8);
      } else if (!this.started) {
        return this.fatal(out, 'bad-value', 'pcapng file does not start with a Section Header Block', at);
      }
      const type = this.u32(0);
      const len = this.u32(4);
      if (len < 12 || len % 4 !== 0 || len > PCAP_MAX_RECORD) {
        return this.fatal(out, 'bad-length', `pcapng Block Total Length ${len} is not a multiple of 4 in 12..${PCAP_MAX_RECORD}`, at + 4);
      }
      if (q.length < len) break;
      if (this.u32(len - 4) !== len) return this.fatal(out, 'bad-length', `pcapng block's trailing Block Total Length ${this.u32(len - 4)} differs from ${len}`, at + len - 4);
      this.count++;
      const rec = this.block(type, len, at);
      q.skip(len);
      if (rec) out.push(rec);
    }
    return out;
  }

  /** One whole block at the queue's front, `len` octets. */
  private block(type: number, len: number, at: number): PcapRecord | undefined {
    const q = this.q;
    const body = len - 12;
    const short = (want: number, what: string): PcapRecord => inputError('truncated', `pcapng ${what} of ${len} octets is too short for its ${want}-octet fields`, at, false);
    if (type === 0x0a0d0d0a) {
      this.started = true;
      this.ifaces = [];
      return undefined;
    }
    if (type === 1) {
      // §4.2 Interface Description Block.
      if (body < 8) return short(8, 'Interface Description Block');
      const iface: Iface = { linkType: this.u16(8), unit: 1e-6, perSecond: 1e6 };
      let p = 16;
      while (p + 4 <= len - 4) {
        const code = this.u16(p);
        const olen = this.u16(p + 2);
        if (code === 0) break;
        if (p + 4 + olen > len - 4) break;
        if (code === 9 && olen >= 1) {
          // §4.2.2 if_tsresol: MSB clear: 10^-v seconds; set: 2^-v.
          const v = q.at(p + 4);
          if (v & 0x80) {
            iface.unit = 2 ** -(v & 0x7f);
            iface.perSecond = 0;
          } else {
            iface.unit = 10 ** -v;
            iface.perSecond = 10 ** v;
          }
        }
        p += 4 + ((olen + 3) & ~3);
      }
      this.ifaces.push(iface);
      return undefined;
    }
    if (type === 6 || type === 2) {
      // §4.3 Enhanced Packet Block; Appendix A Packet Block (2-octet interface id and drops count).
      if (body < 20) return short(20, type === 6 ? 'Enhanced Packet Block' : 'Packet Block');
      const ifId = type === 6 ? this.u32(8) : this.u16(8);
      const hi = this.u32(12);
      const lo = this.u32(16);
      const cap = this.u32(20);
      const orig = this.u32(24);
      if (cap > body - 20) return inputError('bad-length', `pcapng Captured Packet Length ${cap} exceeds the ${body - 20} octets of the block`, at + 20, false);
      const iface = this.ifaces[ifId];
      if (!iface) return inputError('bad-value', `pcapng packet names Interface ID ${ifId}, not described`, at + 8, false);
      const units = hi * 4294967296 + lo;
      const timestamp = iface.perSecond ? Math.floor(units / iface.perSecond) + (units % iface.perSecond) / iface.perSecond : units * iface.unit;
      return { kind: 'packet', offset: at, timestamp, linkType: iface.linkType, data: q.buf.subarray(q.pos + 28, q.pos + 28 + cap), originalLength: orig };
    }
    if (type === 3) {
      // §4.4 Simple Packet Block: interface 0, no timestamp.
      if (body < 4) return short(4, 'Simple Packet Block');
      const iface = this.ifaces[0];
      if (!iface) return inputError('bad-value', 'pcapng Simple Packet Block without an Interface Description Block', at, false);
      const orig = this.u32(8);
      const cap = Math.min(orig, body - 4);
      return { kind: 'packet', offset: at, timestamp: 0, linkType: iface.linkType, data: q.buf.subarray(q.pos + 12, q.pos + 12 + cap), originalLength: orig };
    }
    return undefined;
  }

  end(): PcapRecord[] {
    if (this.stopped || this.q.length === 0) return [];
    this.stopped = true;
    const left = this.q.length;
    return [inputError('truncated', `the file ends ${left} octet${left === 1 ? '' : 's'} into a ${this.ng ? 'pcapng block' : 'pcap record'}`, this.q.offset, true)];
  }
}
