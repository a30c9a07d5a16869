/**
 * One RPC connection to the engine, both directions (ze-plugin-protocol.md §3).
 *
 * - Our requests get ids from our own counter; their answers (`ok`/`error`) are matched by the
 *   id string. Every call has a timeout: the engine may drop a request without answering (§3.5).
 * - The engine's requests (any verb other than ok/error) go to `onRequest`; every one is
 *   answered, `unknown method: <m>` when nobody handles it, `error` when the handler throws.
 * - Malformed lines are logged (once per kind, then counted) and survived; a line over 16 MiB
 *   is fatal, as it is for the engine.
 */
import type { Duplex } from 'node:stream';
import { LineSplitter, MAX_LINE, formatFrame, parseFrame } from './framing.js';
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

  constructor(
    private readonly stream: Duplex,
    private readonly log: Logger,
    opts: { maxLine?: number; firstId?: bigint } = {},
  ) {
    this.splitter = new LineSplitter(opts.maxLine ?? MAX_LINE);
    this.nextId = opts.firstId ?? 0n;
    stream.on('data', (chunk: Buffer) => {
      if (this.closedReason) return;
      const err = this.splitter.push(chunk, (line) => this.onLine(line));
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
    const id = String(this.nextId++);
    this.stats.requestsOut++;
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.pending.delete(id);
        reject(new RpcTimeoutError(method, timeoutMs));
      }, timeoutMs);
      this.pending.set(id, { method, resolve, reject, timer });
      this.write(formatFrame(id, method, params));
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

  private malformed(kind: string, line: string): void {
    this.stats.malformed++;
    if (!this.warned.has(kind)) {
      this.warned.add(kind);
      this.log.warn('malformed line from the engine, ignored', { error: kind, line: line.slice(0, 200) });
    }
  }

  private onLine(line: string): void {
    if (line === '' || line === '\r') return;
    const f = parseFrame(line);
    if (typeof f === 'string') return this.malformed(f, line);
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
        this.malformed('request with bad JSON', line);
        this.write(formatFrame(f.id, 'error', { code: 'error', message: `invalid params: bad JSON for ${f.verb}` }));
        return;
      }
    }
    if (params === null) params = {};
    this.dispatch(f.id, f.verb, params);
  }

  private dispatch(id: string, method: string, params: unknown): void {
    let result: Promise<unknown>;
    try {
      result = Promise.resolve(this.onRequest(method, params, id));
    } catch (e) {
      result = Promise.reject(e);
    }
    result.then(
      (v) => this.write(formatFrame(id, 'ok', v)),
      (e) => {
        const code = e instanceof AnswerError ? e.code : 'error';
        if (!(e instanceof AnswerError)) this.log.warn('request handler failed', { method, error: errorText(e) });
        this.write(formatFrame(id, 'error', { code, message: errorText(e) }));
      },
    );
  }
}
