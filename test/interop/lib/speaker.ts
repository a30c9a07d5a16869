/**
 * A small BGP speaker on loopback for talking to a test daemon (RFC 4271 §4, §8): it connects
 * from a given 127.x address, sends OPEN with Multiprotocol capabilities for the families
 * (RFC 4760 §8), answers the peer's OPEN with KEEPALIVE, then sends UPDATEs and collects what
 * the peer sends. Every wait has a deadline; `close` sends a Cease first (RFC 4486 §4,
 * Administrative Shutdown).
 */
import { connect, type Socket } from 'node:net';
import { concat, keepalive, MSG, notification, open, splitMessages } from './bgp.js';

export class Speaker {
  private sock?: Socket;
  private buf: Uint8Array = new Uint8Array(0);
  private queue: Uint8Array[] = [];
  private waiter?: () => void;
  closed = '';
  /** Every message received (KEEPALIVEs included), in order. */
  readonly received: Uint8Array[] = [];

  constructor(
    readonly localAddress: string,
    readonly myAs: number,
    readonly families: readonly (readonly [number, number])[],
  ) {}

  connect(port: number, timeoutMs: number): Promise<void> {
    return new Promise((resolve, reject) => {
      const s = connect({ host: '127.0.0.1', port, localAddress: this.localAddress });
      const t = setTimeout(() => {
        s.destroy();
        reject(new Error(`connect to 127.0.0.1:${port} from ${this.localAddress}: timed out`));
      }, timeoutMs);
      s.once('connect', () => {
        clearTimeout(t);
        this.sock = s;
        resolve();
      });
      s.once('error', (e) => {
        clearTimeout(t);
        this.closed ||= e.message;
        reject(e);
      });
      s.on('data', (d: Buffer) => {
        this.buf = concat([this.buf, d]);
        const { messages, rest } = splitMessages(this.buf);
        this.buf = Uint8Array.from(rest);
        for (const m of messages) {
          const c = Uint8Array.from(m);
          this.received.push(c);
          this.queue.push(c);
        }
        this.waiter?.();
      });
      s.on('close', () => {
        this.closed ||= 'peer closed the connection';
        this.waiter?.();
      });
    });
  }

  send(msg: Uint8Array): void {
    this.sock?.write(msg);
  }

  /** Wait until every queued write is handed to the kernel. */
  flush(): Promise<void> {
    return new Promise((r) => (this.sock ? this.sock.write(new Uint8Array(0), () => r()) : r()));
  }

  /** The next message (KEEPALIVEs skipped unless asked), or undefined at the deadline / on close. */
  async next(deadline: number, keepalives = false): Promise<Uint8Array | undefined> {
    for (;;) {
      while (this.queue.length) {
        const m = this.queue.shift()!;
        if (keepalives || m[18] !== MSG.KEEPALIVE) return m;
      }
      const left = deadline - Date.now();
      if (left <= 0 || this.closed) return undefined;
      await new Promise<void>((r) => {
        const t = setTimeout(r, left);
        this.waiter = () => {
          clearTimeout(t);
          r();
        };
      });
      this.waiter = undefined;
    }
  }

  /** OPEN, the peer's OPEN, KEEPALIVE, the peer's KEEPALIVE; throws with the reason otherwise. */
  async establish(port: number, timeoutMs = 5_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    await this.connect(port, timeoutMs);
    this.send(open(this.myAs, this.localAddress, this.families));
    let gotOpen = false;
    for (;;) {
      const m = await this.next(deadline, true);
      if (!m) throw new Error(`session from ${this.localAddress} not established: ${this.closed || 'timed out'}`);
      if (m[18] === MSG.OPEN) {
        gotOpen = true;
        this.send(keepalive());
      } else if (m[18] === MSG.KEEPALIVE && gotOpen) return;
      else if (m[18] === MSG.NOTIFICATION) throw new Error(`NOTIFICATION ${m[19]}/${m[20]} while establishing`);
    }
  }

  /** Send a Cease and close; never throws. */
  async close(): Promise<void> {
    const s = this.sock;
    if (!s) return;
    this.sock = undefined;
    try {
      if (!s.destroyed) s.write(notification(6, 2));
    } catch {
      /* closed already */
    }
    await new Promise<void>((r) => {
      const t = setTimeout(() => {
        s.destroy();
        r();
      }, 500);
      s.end(() => {
        clearTimeout(t);
        s.destroy();
        r();
      });
    });
  }
}
