/**
 * A small passive BGP speaker for the end-to-end test (RFC 4271 §4): listens on 127.0.0.1,
 * answers the OPEN it receives with the same Multiprotocol capabilities (RFC 4760 §8) plus
 * 4-octet AS (RFC 6793), keeps the session alive, records every UPDATE, and sends the UPDATEs
 * the test gives it.
 */
import { once } from 'node:events';
import * as net from 'node:net';

export const MARKER = Buffer.alloc(16, 0xff);

export function message(type: number, body: Buffer): Buffer {
  const h = Buffer.alloc(19);
  MARKER.copy(h);
  h.writeUInt16BE(19 + body.length, 16);
  h[18] = type;
  return Buffer.concat([h, body]);
}

export function attr(flags: number, code: number, value: Buffer): Buffer {
  if (value.length > 255) {
    const h = Buffer.from([flags | 0x10, code, 0, 0]);
    h.writeUInt16BE(value.length, 2);
    return Buffer.concat([h, value]);
  }
  return Buffer.concat([Buffer.from([flags, code, value.length]), value]);
}

/** ORIGIN IGP, empty AS_PATH, LOCAL_PREF 100 (iBGP). */
export const BASE_ATTRS = Buffer.concat([attr(0x40, 1, Buffer.from([0])), attr(0x40, 2, Buffer.alloc(0)), attr(0x40, 5, Buffer.from([0, 0, 0, 100]))]);

/** An UPDATE with one MP_REACH_NLRI (RFC 4760 §3). */
export function mpReachUpdate(afi: number, safi: number, nextHop: Buffer, nlri: Buffer): Buffer {
  const v = Buffer.alloc(5);
  v.writeUInt16BE(afi, 0);
  v[2] = safi;
  v[3] = nextHop.length;
  const mp = Buffer.concat([v.subarray(0, 4), nextHop, Buffer.from([0]), nlri]);
  const attrs = Buffer.concat([BASE_ATTRS, attr(0x80, 14, mp)]);
  const body = Buffer.alloc(4 + attrs.length);
  body.writeUInt16BE(0, 0);
  body.writeUInt16BE(attrs.length, 2);
  attrs.copy(body, 4);
  return message(2, body);
}

/** An UPDATE message of these path attributes (RFC 4271 §4.3: no withdrawn routes, no NLRI field). */
export function updateOf(attrs: Buffer[]): Buffer {
  const a = Buffer.concat(attrs);
  const body = Buffer.alloc(4 + a.length);
  body.writeUInt16BE(a.length, 2);
  a.copy(body, 4);
  return message(2, body);
}

/** MP_REACH_NLRI (RFC 4760 §3): AFI, SAFI, next hop, reserved 0, NLRI. */
export function mpReachAttr(afi: number, safi: number, nextHop: Buffer, nlri: Buffer): Buffer {
  const h = Buffer.alloc(4);
  h.writeUInt16BE(afi, 0);
  h[2] = safi;
  h[3] = nextHop.length;
  return attr(0x80, 14, Buffer.concat([h, nextHop, Buffer.from([0]), nlri]));
}

/** MP_UNREACH_NLRI (RFC 4760 §4): AFI, SAFI, withdrawn routes. */
export function mpUnreachAttr(afi: number, safi: number, nlri: Buffer): Buffer {
  const h = Buffer.alloc(3);
  h.writeUInt16BE(afi, 0);
  h[2] = safi;
  return attr(0x80, 15, Buffer.concat([h, nlri]));
}

/** EXTENDED COMMUNITIES (RFC 4360 §2: optional transitive, type 16) of 8-octet values in hex. */
export function extCommunities(hex: string): Buffer {
  return attr(0xc0, 16, Buffer.from(hex.replace(/\s/g, ''), 'hex'));
}

export interface MpReach {
  afi: number;
  safi: number;
  nextHop: Buffer;
  nlri: Buffer;
}

/** The MP_REACH_NLRI attributes of an UPDATE message (whole message, with header). */
export function mpReachOf(msg: Buffer): MpReach[] {
  const out: MpReach[] = [];
  let p = 19;
  const wl = msg.readUInt16BE(p);
  p += 2 + wl;
  const al = msg.readUInt16BE(p);
  p += 2;
  const end = p + al;
  while (p < end) {
    const flags = msg[p]!;
    const code = msg[p + 1]!;
    const ext = (flags & 0x10) !== 0;
    const len = ext ? msg.readUInt16BE(p + 2) : msg[p + 2]!;
    const v = msg.subarray(p + (ext ? 4 : 3), p + (ext ? 4 : 3) + len);
    if (code === 14) {
      const nhl = v[3]!;
      out.push({ afi: v.readUInt16BE(0), safi: v[2]!, nextHop: v.subarray(4, 4 + nhl), nlri: v.subarray(5 + nhl) });
    }
    p += (ext ? 4 : 3) + len;
  }
  return out;
}

export class Speaker {
  server!: net.Server;
  port = 0;
  sock?: net.Socket;
  /** Capabilities of the OPEN received, as [code, value] pairs. */
  openCaps: Array<[number, Buffer]> = [];
  readonly updates: Buffer[] = [];
  established = false;
  private buf = Buffer.alloc(0);
  private keepalive?: NodeJS.Timeout;
  private estWaiters: Array<() => void> = [];
  private updWaiters: Array<{ pred: (m: Buffer) => boolean; resolve: (m: Buffer) => void }> = [];

  /**
   * `addPath`: AFI/SAFI pairs this speaker offers RFC 7911 ADD-PATH for (send/receive, §4), when
   * the OPEN received offers it for them too.
   */
  constructor(
    private readonly as = 65000,
    private readonly addPath: ReadonlyArray<readonly [number, number]> = [],
  ) {}

  async listen(): Promise<void> {
    this.server = net.createServer((s) => this.accept(s));
    this.server.listen(0, '127.0.0.1');
    await once(this.server, 'listening');
    this.port = (this.server.address() as net.AddressInfo).port;
  }

  private accept(s: net.Socket): void {
    if (this.sock) {
      s.destroy();
      return;
    }
    this.sock = s;
    this.buf = Buffer.alloc(0);
    s.on('data', (d: Buffer) => {
      this.buf = Buffer.concat([this.buf, d]);
      while (this.buf.length >= 19) {
        const len = this.buf.readUInt16BE(16);
        if (this.buf.length < len) break;
        const m = this.buf.subarray(0, len);
        this.buf = this.buf.subarray(len);
        this.onMessage(Buffer.from(m));
      }
    });
    s.on('error', () => undefined);
    s.on('close', () => {
      this.sock = undefined;
      this.established = false;
      clearInterval(this.keepalive);
    });
  }

  private onMessage(m: Buffer): void {
    const type = m[18];
    if (type === 1) {
      // OPEN: version, my AS, hold time, BGP id, optional parameters (RFC 5492).
      const optLen = m[28]!;
      let p = 29;
      const end = 29 + optLen;
      while (p < end) {
        const ptype = m[p]!;
        const plen = m[p + 1]!;
        if (ptype === 2) {
          let q = p + 2;
          while (q < p + 2 + plen) {
            this.openCaps.push([m[q]!, m.subarray(q + 2, q + 2 + m[q + 1]!)]);
            q += 2 + m[q + 1]!;
          }
        }
        p += 2 + plen;
      }
      this.sendOpen();
      this.sock!.write(message(4, Buffer.alloc(0)));
      this.keepalive = setInterval(() => this.sock?.write(message(4, Buffer.alloc(0))), 5000);
    } else if (type === 4) {
      if (!this.established) {
        this.established = true;
        for (const w of this.estWaiters.splice(0)) w();
      }
    } else if (type === 2) {
      this.updates.push(m);
      const w = this.updWaiters.find((x) => x.pred(m));
      if (w) {
        this.updWaiters = this.updWaiters.filter((x) => x !== w);
        w.resolve(m);
      }
    }
  }

  private sendOpen(): void {
    const caps: Buffer[] = [];
    for (const [code, value] of this.openCaps) if (code === 1) caps.push(Buffer.concat([Buffer.from([1, value.length]), value]));
    const as4 = Buffer.alloc(6);
    as4[0] = 65;
    as4[1] = 4;
    as4.writeUInt32BE(this.as, 2);
    caps.push(as4);
    if (this.addPath.length > 0) {
      const v = Buffer.alloc(4 * this.addPath.length);
      this.addPath.forEach(([afi, safi], k) => {
        v.writeUInt16BE(afi, 4 * k);
        v[4 * k + 2] = safi;
        v[4 * k + 3] = 3; // send/receive
      });
      caps.push(Buffer.concat([Buffer.from([69, v.length]), v]));
    }
    const capBytes = Buffer.concat(caps);
    const params = Buffer.concat([Buffer.from([2, capBytes.length]), capBytes]);
    const body = Buffer.alloc(10);
    body[0] = 4;
    body.writeUInt16BE(this.as > 0xffff ? 23456 : this.as, 1);
    body.writeUInt16BE(90, 3);
    Buffer.from([10, 0, 0, 2]).copy(body, 5);
    body[9] = params.length;
    this.sock!.write(message(1, Buffer.concat([body, params])));
  }

  send(msg: Buffer): void {
    this.sock?.write(msg);
  }

  whenEstablished(timeoutMs: number): Promise<void> {
    if (this.established) return Promise.resolve();
    return new Promise((resolve, reject) => {
      const t = setTimeout(() => reject(new Error('BGP session not established in time')), timeoutMs);
      this.estWaiters.push(() => {
        clearTimeout(t);
        resolve();
      });
    });
  }

  waitUpdate(pred: (m: Buffer) => boolean, timeoutMs: number): Promise<Buffer> {
    const have = this.updates.find(pred);
    if (have) return Promise.resolve(have);
    return new Promise((resolve, reject) => {
      const t = setTimeout(() => reject(new Error('expected UPDATE not received in time')), timeoutMs);
      this.updWaiters.push({
        pred,
        resolve: (m) => {
          clearTimeout(t);
          resolve(m);
        },
      });
    });
  }

  /** Drop the BGP session (the TCP connection) but keep listening: the peer goes down for Ze. */
  drop(): void {
    clearInterval(this.keepalive);
    this.sock?.destroy();
  }

  async close(): Promise<void> {
    clearInterval(this.keepalive);
    this.sock?.destroy();
    await new Promise<void>((r) => this.server.close(() => r()));
  }
}
