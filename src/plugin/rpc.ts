/**
 * One RPC connection to the engine, both directions (ze-plugin-protocol.md §3).
 *
 * - Our requests get ids from our own counter; their answers (`ok`/`error`) are matched by the
 *   id string. Every call has a timeout: the engine may drop a request without answering (§3.5).
 * - The engine's requests (any verb other than ok/error) go to `onRequest`; every one is
 *   answered, `unknown method: <m>` when nobody handles it, `error` when the handler throws.
 * - Malformed lines are logged (once per kind, then counted) and survived; a line over 16 MiB
 *   is fatal, as it is for the engine.
 * - No line we write exceeds that limit either (the engine would drop the connection): an answer
 *   that would becomes an `error` answer saying so (or what `oversizeAnswer` makes of it), and a
 *   request that would is refused before it is sent.
 */
import type { Duplex } from 'node:stream';
import { LineSplitter, MAX_LINE, formatFrame, parseFrameBytes } from './framing.js';
import { type Logger, errorText } from './log.js';

/** An `error` answer from the engine. */
export class RpcError extends Error {
  constructor(
    readonly method: string,
    message: string,
    readonly code = 'error',
  ) {
    super(message);
    this.name = 'RpcError';
  }
}

export class RpcTimeoutError extends Error {
  constructor(
    readonly method: string,
    readonly timeoutMs: number,
  ) {
    super(`${method}: no answer from the engine within ${timeoutMs} ms`);
    this.name = 'RpcTimeoutError';
  }
}

export class RpcClosedError extends Error {
  constructor(readonly method: string) {
    super(`${method}: connection closed`);
    this.name = 'RpcClosedError';
  }
}

/** Returned by a raw request handler that leaves the request to the usual path (JSON.parse, `onRequest`). */
export const NOT_HANDLED: unique symbol = Symbol('not handled');

/**
 * Handles an engine request from its payload bytes (a view of the line, valid during the call),
 * before any string or `JSON.parse` is made of it. Returns the `ok` result (as `onRequest` does),
 * or `NOT_HANDLED` to let the request take the usual path.
 */
export type RawRequestHandler = (payload: Buffer, method: string, id: string) => unknown;

/** What a request handler returns: the `ok` result (undefined: bare `ok`). */
export type RequestHandler = (params: any, method: string, id: string) => unknown | Promise<unknown>;

/** Throw this from a handler to answer `error {"code":…,"message":…}`. */
export class AnswerError extends Error {
  constructor(
    message: string,
    readonly code = 'error',
  ) {
    super(message);
    this.name = 'AnswerError';
  }
}

interface Pending {
  method: string;
  resolve: (v: unknown) => void;
  reject: (e: Error) => void;
  timer: NodeJS.Timeout;
}

export interface RpcStats {
  requestsIn: number;
  requestsOut: number;
  malformed: number;
  unmatchedAnswers: number;
}

export class RpcConnection {
  private readonly splitter: LineSplitter;
  private readonly pending = new Map<string, Pending>();
  private nextId = 0n;
  private closedReason: string | undefined;
  private readonly warned = new Set<string>();
  private readonly closeWaiters: Array<(reason: string) => void> = [];
  readonly stats: RpcStats = { requestsIn: 0, requestsOut: 0, malformed: 0, unmatchedAnswers: 0 };

  /** Handler for engine requests (set by the plugin). */
  onRequest: (method: string, params: unknown, id: string) => Promise<unknown> = async (method) => {
    throw new AnswerError(`unknown method: ${method}`);
  };

  /** Raw handlers by method, tried before the payload is parsed (see `RawRequestHandler`). */
  readonly rawHandlers = new Map<string, RawRequestHandler>();

  /**
   * Requests answered `ok` even when their payload is not JSON (logged once, then counted), for
   * methods where the engine expects an ack whatever it sent (`deliver-batch`, §5.6).
   */
  readonly ackBadJson = new Set<string>();

  /**
   * What to answer instead of a result whose line would exceed the limit: an `ok` result, or
   * undefined for `error {"code":"error","message":<message>}` (the default).
   */
  oversizeAnswer: (method: string, message: string) => unknown = () => undefined;

  private readonly maxLine: number;

  constructor(
    private readonly stream: Duplex,
    private readonly log: Logger,
    opts: { maxLine?: number; firstId?: bigint } = {},
  ) {
    this.maxLine = opts.maxLine ?? MAX_LINE;
    this.splitter = new LineSplitter(this.maxLine);
    this.nextId = opts.firstId ?? 0n;
    stream.on('data', (chunk: Buffer) => {
      if (this.closedReason) return;
      const err = this.splitter.pushBytes(chunk, (line) => this.onLine(line));
      if (err) {
        this.log.error('framing error from the engine, closing', { error: err });
        this.close(err);
      }
    });
    stream.on('end', () => this.close('end of stream'));
    stream.on('close', () => this.close('connection closed'));
    stream.on('error', (e) => this.close(`socket error: ${e.message}`));
  }

  get closed(): boolean {
    return this.closedReason !== undefined;
  }

  /** Resolves with the reason once the connection is closed. */
  whenClosed(): Promise<string> {
    if (this.closedReason !== undefined) return Promise.resolve(this.closedReason);
    return new Promise((resolve) => this.closeWaiters.push(resolve));
  }

  /** Send a request; resolves with the parsed `ok` payload (undefined when bare). */
  call(method: string, params?: unknown, timeoutMs = 5000): Promise<any> {
    if (this.closedReason !== undefined) return Promise.reject(new RpcClosedError(method));
    let text: string;
    const id = String(this.nextId);
    try {
      text = formatFrame(id, method, params);
    } catch (e) {
      return Promise.reject(new RpcError(method, `request cannot be sent: ${errorText(e)}`));
    }
    const over = this.overLimit(text);
    if (over > 0) return Promise.reject(new RpcError(method, `request too large: ${over} bytes, over the engine's ${this.maxLine}-byte line limit (not sent)`));
    this.nextId++;
    this.stats.requestsOut++;
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.pending.delete(id);
        reject(new RpcTimeoutError(method, timeoutMs));
      }, timeoutMs);
      this.pending.set(id, { method, resolve, reject, timer });
      this.write(text);
    });
  }

  /** Close the connection (idempotent); fails every pending call. */
  close(reason = 'closed'): void {
    if (this.closedReason !== undefined) return;
    this.closedReason = reason;
    for (const [, p] of this.pending) {
      clearTimeout(p.timer);
      p.reject(new RpcClosedError(p.method));
    }
    this.pending.clear();
    // end() flushes what is queued (e.g. the `ok` to `bye`); destroy() soon after in any case.
    this.stream.end();
    setTimeout(() => this.stream.destroy(), 100).unref();
    for (const w of this.closeWaiters.splice(0)) w(reason);
  }

  /** Write an answer or any raw frame text. */
  private write(text: string): void {
    if (this.closedReason !== undefined) return;
    this.stream.write(text);
  }

  /** Bytes of a frame's line (without its newline) beyond the limit; 0 when it fits. */
  private overLimit(text: string): number {
    // A UTF-16 unit is at most 3 UTF-8 bytes: short texts need no count.
    if ((text.length - 1) * 3 <= this.maxLine) return 0;
    const n = Buffer.byteLength(text, 'utf8') - 1;
    return n > this.maxLine ? n : 0;
  }

  private malformed(kind: string, line: Buffer): void {
    this.stats.malformed++;
    if (!this.warned.has(kind)) {
      this.warned.add(kind);
      this.log.warn('malformed line from the engine, ignored', { error: kind, line: line.toString('utf8', 0, 800).slice(0, 200) });
    }
  }

  private onLine(line: Buffer): void {
    if (line.length === 0 || (line.length === 1 && line[0] === 0x0d)) return;
    const bf = parseFrameBytes(line);
    if (typeof bf === 'string') return this.malformed(bf, line);
    if (bf.verb !== 'ok' && bf.verb !== 'error') {
      const raw = this.rawHandlers.get(bf.verb);
      if (raw !== undefined) {
        let r: unknown;
        try {
          r = raw(bf.payload, bf.verb, bf.id);
        } catch (e) {
          this.stats.requestsIn++;
          this.answer(bf.id, bf.verb, Promise.reject(e));
          return;
        }
        if (r !== NOT_HANDLED) {
          this.stats.requestsIn++;
          this.answer(bf.id, bf.verb, r);
          return;
        }
      }
    }
    const f = { id: bf.id, verb: bf.verb, payload: bf.payload.toString('utf8') };
    if (f.verb === 'ok' || f.verb === 'error') {
      const p = this.pending.get(f.id);
      if (!p) {
        this.stats.unmatchedAnswers++;
        this.malformed('answer to an id we are not waiting for', line);
        return;
      }
      this.pending.delete(f.id);
      clearTimeout(p.timer);
      let value: any;
      if (f.payload !== '') {
        try {
          value = JSON.parse(f.payload);
        } catch {
          if (f.verb === 'ok') {
            p.reject(new RpcError(p.method, `bad JSON in the answer: ${f.payload.slice(0, 200)}`));
            return;
          }
          value = { message: f.payload };
        }
      }
      if (f.verb === 'ok') p.resolve(value);
      else {
        const msg = value && typeof value === 'object' && typeof value.message === 'string' ? value.message : f.payload || 'error';
        const code = value && typeof value === 'object' && typeof value.code === 'string' ? value.code : 'error';
        p.reject(new RpcError(p.method, msg, code));
      }
      return;
    }
    this.stats.requestsIn++;
    let params: unknown = {};
    if (f.payload !== '') {
      try {
        params = JSON.parse(f.payload);
      } catch {
        if (this.ackBadJson.has(f.verb)) {
          this.malformed(`${f.verb} with bad JSON (acked)`, line);
          this.write(formatFrame(f.id, 'ok'));
          return;
        }
        this.malformed('request with bad JSON', line);
        this.write(formatFrame(f.id, 'error', { code: 'error', message: `invalid params: bad JSON for ${f.verb}` }));
        return;
      }
    }
    if (params === null) params = {};
    this.dispatch(f.id, f.verb, params);
  }

  private dispatch(id: string, method: string, params: unknown): void {
    let result: unknown;
    try {
      result = this.onRequest(method, params, id);
    } catch (e) {
      result = Promise.reject(e);
    }
    this.answer(id, method, result);
  }

  /** Answer request `id` with `result` (a value or a promise of one): `ok`, or `error` when it rejects. */
  private answer(id: string, method: string, result: unknown): void {
    Promise.resolve(result).then(
      (v) => this.send(id, method, 'ok', v),
      (e) => {
        const code = e instanceof AnswerError ? e.code : 'error';
        if (!(e instanceof AnswerError)) this.log.warn('request handler failed', { method, error: errorText(e) });
        this.send(id, method, 'error', { code, message: errorText(e) });
      },
    );
  }

  /** Write an answer frame, or an error answer in its place when it cannot be sent or is too large. */
  private send(id: string, method: string, verb: string, payload: unknown): void {
    let text: string;
    try {
      text = formatFrame(id, verb, payload);
    } catch (e) {
      // JSON.stringify fails: a BigInt, a cycle, or a string over V8's maximum length.
      this.log.warn('answer cannot be sent', { method, error: errorText(e) });
      this.write(formatFrame(id, 'error', { code: 'error', message: `answer to ${method} cannot be sent: ${errorText(e)}` }));
      return;
    }
    const over = this.overLimit(text);
    if (over === 0) return this.write(text);
    const message = `answer to ${method} too large: ${over} bytes, over the engine's ${this.maxLine}-byte line limit`;
    this.log.warn('answer too large for the engine, answered with an error', { method, bytes: over, limit: this.maxLine });
    const alt = this.oversizeAnswer(method, message);
    this.write(alt === undefined ? formatFrame(id, 'error', { code: 'error', message }) : formatFrame(id, 'ok', alt));
  }
}
