/**
 * `ZePlugin`: a Ze external plugin in a few lines of TypeScript.
 *
 * It does the transport (env, TLS 1.3 + pinning, auth), the five start-up stages strictly in
 * order (ze-plugin-protocol.md §4), the default answers of every callback (§5), event delivery,
 * commands served through `execute-command`, and timed calls to the engine (§6). Nothing is sent
 * to the engine before `ready` is answered except the stage requests themselves.
 *
 * ```ts
 * const p = new ZePlugin({ families: [{ name: 'ipv4/flow', afi: 1, safi: 133 }],
 *                          subscribe: { events: ['update direction received'], format: 'full' } });
 * p.onEvent((ev) => { … });
 * p.onCommand('my-plugin status', () => JSON.stringify({ ok: true }), 'show status');
 * process.exitCode = await p.run();
 * ```
 */
import type { Duplex } from 'node:stream';
import { readPluginEnv, type PluginEnv } from './env.js';
import { Logger, errorText } from './log.js';
import { AnswerError, NOT_HANDLED, RpcConnection, RpcError } from './rpc.js';
import { PinMismatchError, connectEngine } from './transport.js';

export const ENGINE = 'ze-plugin-engine:';
export const CALLBACK = 'ze-plugin-callback:';

export interface FamilyDecl {
  /** Lower-case `afi/safi`, consistent with Ze's name tables (§4.2). */
  name: string;
  afi: number;
  safi: number;
  /** Default `both`: the only mode that makes the engine use the claim (§4.2). */
  mode?: 'decode' | 'encode' | 'both';
}

export interface CommandDecl {
  name: string;
  description?: string;
  args?: string[];
  completable?: boolean;
}

export interface SubscribeSpec {
  /** e.g. `update direction received`, `state`. */
  events: string[];
  /** Only the first entry is used by the engine; default all peers. */
  peers?: string[];
  format?: 'parsed' | 'full' | 'hex' | 'raw' | 'summary';
  encoding?: 'json' | 'text';
}

/** `execute-command` parameters (§5.4). */
export interface CommandRequest {
  serial: string;
  command: string;
  args: string[];
  peer: string;
}

export type CommandResult = string | { status: 'done' | 'error'; data: string };
export type CommandHandler = (args: string[], req: CommandRequest) => CommandResult | Promise<CommandResult>;
/** Called for each delivered event: the parsed JSON (text encoding: the string) and its text. */
export type EventHandler = (event: any, text: string) => void;
/** Called for each delivered event with its text only (trimmed, not parsed). */
export type EventTextHandler = (text: string) => void;
/**
 * Reads a whole `deliver-batch` from its payload bytes (`{"events":[…]}` as the engine wrote it,
 * valid only during the call). Returns true when it handled the batch, false to leave it to the
 * runtime (JSON.parse, then the `onEvent`/`onEventText` handlers, event by event).
 */
export type EventBatchBytesHandler = (payload: Buffer) => boolean;
/** A callback handler: `params` in, the `ok` result out (throw `AnswerError` for `error`). */
export type CallbackHandler = (params: any) => unknown | Promise<unknown>;

/** A command failure reported as `ok {"status":"error","data":…}` (§5.4). */
export class CommandError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'CommandError';
  }
}

export interface ZePluginOptions {
  families?: FamilyDecl[];
  commands?: CommandDecl[];
  /** Event subscription sent with `ready` (registered before any event can be missed). */
  subscribe?: SubscribeSpec;
  /** Config roots to receive in stage 2 (§4.2); leave out unless needed. */
  wantsConfig?: string[];
  dependencies?: string[];
  logger?: Logger;
  /** Environment to read `ZE_PLUGIN_*` from (default `process.env`; the token is removed). */
  env?: NodeJS.ProcessEnv;
  /** Longest wait for each start-up step (barriers can hold the `ok` back). Default 60 s. */
  stageTimeoutMs?: number;
  /** Default timeout of run-time calls to the engine. Default 5 s. */
  callTimeoutMs?: number;
  /** Test hook: use this stream instead of the TLS connect-back. */
  connect?: (env: PluginEnv) => Promise<Duplex>;
}

type Stage = 'connect' | 'auth' | 'declare-registration' | 'configure' | 'declare-capabilities' | 'share-registry' | 'ready' | 'running';

export class ZePlugin {
  readonly log: Logger;
  /** The plugin's name (ZE_PLUGIN_NAME), known once `run` has read the environment. */
  name = '';
  private conn: RpcConnection | undefined;
  private stage: Stage = 'connect';
  private readonly families: FamilyDecl[];
  private readonly commands = new Map<string, { decl: CommandDecl; handler: CommandHandler }>();
  private readonly callbacks = new Map<string, CallbackHandler>();
  private readonly eventHandlers: EventHandler[] = [];
  private readonly eventTextHandlers: EventTextHandler[] = [];
  private batchBytesHandler: EventBatchBytesHandler | undefined;
  private readonly startedHandlers: Array<() => void | Promise<void>> = [];
  private readonly postStartupHandlers: Array<() => void> = [];
  private readonly stageWaiters = new Map<string, () => void>();
  private readonly stageSeen = new Set<string>();
  private stopReason: string | undefined;
  private configSections: unknown = null;
  private readonly warnedKinds = new Set<string>();
  /** Deliveries (`deliver-batch`, `deliver-event`) or events in them that were malformed: acked, logged once per kind, ignored. */
  ignoredDeliveries = 0;

  constructor(private readonly opts: ZePluginOptions = {}) {
    this.log = opts.logger ?? new Logger();
    this.families = (opts.families ?? []).map((f) => ({ ...f, mode: f.mode ?? 'both' }));
    for (const c of opts.commands ?? []) this.commands.set(c.name.toLowerCase(), { decl: c, handler: () => unknownCommand(c.name) });
  }

  /** Handle delivered events (deliver-batch / deliver-event). */
  onEvent(handler: EventHandler): this {
    this.eventHandlers.push(handler);
    return this;
  }

  /**
   * Handle delivered events as text, unparsed (trimmed). For handlers that read only part of each
   * event and parse it themselves; when every handler is a text handler, the runtime parses
   * nothing and does not log invalid JSON (the handler does).
   */
  onEventText(handler: EventTextHandler): this {
    this.eventTextHandlers.push(handler);
    return this;
  }

  /**
   * Low level, for speed: read each `deliver-batch` from its bytes before the runtime makes a
   * string or an object of it (one handler; set it before `run`). When the handler returns true
   * the batch is answered `ok` and nothing else sees it; when it returns false the runtime parses
   * the batch and delivers its events to the `onEvent`/`onEventText` handlers as usual. The ze-nlri
   * plugin uses it to read 1000-event batches without `JSON.parse` (docs/PLUGIN.md §4).
   */
  onEventBatchBytes(handler: EventBatchBytesHandler): this {
    if (this.stage !== 'connect') throw new Error('the batch handler must be set before run()');
    this.batchBytesHandler = handler;
    return this;
  }

  /** Declare a command (stage 1) and serve it through `execute-command`. */
  onCommand(name: string, handler: CommandHandler, description?: string, extra: Omit<CommandDecl, 'name' | 'description'> = {}): this {
    if (this.stage !== 'connect') throw new Error('commands must be declared before run()');
    this.commands.set(name.toLowerCase(), { decl: { name, ...(description ? { description } : {}), ...extra }, handler });
    return this;
  }

  /** Answer a callback yourself (`encode-nlri`, `decode-nlri`, `validate-open`, …; no prefix). */
  handle(method: string, handler: CallbackHandler): this {
    this.callbacks.set(method.startsWith(CALLBACK) ? method.slice(CALLBACK.length) : method, handler);
    return this;
  }

  /** Run once `ready` is answered: the earliest point where calls to the engine are allowed. */
  onStarted(handler: () => void | Promise<void>): this {
    this.startedHandlers.push(handler);
    return this;
  }

  onPostStartup(handler: () => void): this {
    this.postStartupHandlers.push(handler);
    return this;
  }

  /** The `sections` of stage 2 (null unless `wantsConfig`). */
  get config(): unknown {
    return this.configSections;
  }

  get running(): boolean {
    return this.stage === 'running' && this.stopReason === undefined;
  }

  /**
   * Call the engine (`ze-plugin-engine:` is added when `method` has no prefix). Only after
   * `ready` (§6); every call times out (default `callTimeoutMs`). Rejects with `RpcError` on an
   * `error` answer.
   */
  call(method: string, params?: unknown, opts: { timeoutMs?: number } = {}): Promise<any> {
    if (this.stage !== 'running' || !this.conn) return Promise.reject(new Error(`${method}: calls to the engine are allowed only after ready`));
    const full = method.includes(':') ? method : ENGINE + method;
    return this.conn.call(full, params, opts.timeoutMs ?? this.opts.callTimeoutMs ?? 5000);
  }

  /** `update-route` (§6): e.g. `update hex attr set … nlri <family> add <hex>`. */
  updateRoute(peerSelector: string, command: string, opts?: { timeoutMs?: number }): Promise<{ 'peers-affected'?: number; 'routes-sent'?: number }> {
    return this.call('update-route', { 'peer-selector': peerSelector, command }, opts);
  }

  /** `dispatch-command` (§6): run any Ze command as `plugin:<name>`. */
  dispatchCommand(command: string, opts?: { timeoutMs?: number }): Promise<{ status: string; data: string }> {
    return this.call('dispatch-command', { command }, opts);
  }

  /** Close the connection; `run` then resolves. */
  stop(reason = 'stopped'): void {
    if (this.stopReason !== undefined) return;
    this.stopReason = reason;
    this.conn?.close(reason);
    for (const w of this.stageWaiters.values()) w();
  }

  /**
   * Connect, authenticate, go through the five stages, then serve until the connection ends.
   * Resolves with the exit code: 0 after a normal end (EOF, `bye`, `stop`), 1 when start-up
   * failed (the reason is logged at ERROR).
   */
  async run(): Promise<number> {
    let env: PluginEnv;
    try {
      env = readPluginEnv(this.opts.env ?? process.env);
    } catch (e) {
      this.log.error('cannot start plugin', { error: errorText(e) });
      return 1;
    }
    this.name = env.name;
    if (env.environ === 'scrubbed') this.log.debug('token overwritten in the initial environment (/proc/self/environ)');
    else if (env.environ?.startsWith('unsupported')) {
      this.log.info('token still readable in /proc/<pid>/environ by the same user and root', { pid: process.pid, reason: env.environ });
    }
    try {
      let stream: Duplex;
      if (this.opts.connect) stream = await this.opts.connect(env);
      else {
        if (env.certFp === '') this.log.warn('ZE_PLUGIN_CERT_FP is empty: engine certificate not pinned');
        stream = await connectEngine({ host: env.host, port: env.port, certFp: env.certFp });
      }
      if (this.stopReason !== undefined) {
        stream.destroy();
        return 0;
      }
      const conn = new RpcConnection(stream, this.log);
      this.conn = conn;
      conn.onRequest = (method, params) => this.onRequest(method, params);
      // The engine expects `ok` to every delivery (an error is logged as "event delivery failed").
      conn.ackBadJson.add(CALLBACK + 'deliver-batch');
      conn.ackBadJson.add(CALLBACK + 'deliver-event');
      // A command answer too large for one line: a command failure, as any other (§5.4).
      conn.oversizeAnswer = (method, message) => (method === CALLBACK + 'execute-command' ? { status: 'error', data: message } : undefined);
      const batch = this.batchBytesHandler;
      if (batch) conn.rawHandlers.set(CALLBACK + 'deliver-batch', (payload) => (batch(payload) ? undefined : NOT_HANDLED));
      const closed = conn.whenClosed().then((r) => {
        throw new Error(`engine closed the connection during start-up (stage ${this.stage}): ${r}`);
      });
      closed.catch(() => undefined);
      const step = <T>(p: Promise<T>): Promise<T> => Promise.race([p, closed]);
      const t = this.opts.stageTimeoutMs ?? 60_000;

      this.stage = 'auth';
      await step(conn.call('auth', { token: env.token, name: env.name }, Math.min(t, 15_000)));
      this.stage = 'declare-registration';
      await step(conn.call(ENGINE + 'declare-registration', this.registration(), t));
      this.stage = 'configure';
      await step(this.waitStage('configure', t));
      this.stage = 'declare-capabilities';
      await step(conn.call(ENGINE + 'declare-capabilities', { capabilities: [] }, t));
      this.stage = 'share-registry';
      await step(this.waitStage('share-registry', t));
      this.stage = 'ready';
      await step(conn.call(ENGINE + 'ready', this.opts.subscribe ? { subscribe: this.readySubscribe() } : {}, t));
      this.stage = 'running';
      this.log.debug('plugin ready', { plugin: env.name, families: this.families.map((f) => f.name).join(',') });
      for (const h of this.startedHandlers) {
        try {
          await h();
        } catch (e) {
          this.log.error('start handler failed', { error: errorText(e) });
        }
      }
      const reason = await conn.whenClosed();
      this.log.debug('connection ended', { reason });
      return 0;
    } catch (e) {
      if (this.stopReason !== undefined && this.stage !== 'running') {
        this.log.warn('plugin stopped during start-up', { stage: this.stage, reason: this.stopReason });
        return 1;
      }
      const attrs = { stage: this.stage, error: errorText(e) };
      if (e instanceof PinMismatchError) this.log.error('refusing engine connection: certificate fingerprint mismatch', { expected: e.expected, got: e.got });
      else if (e instanceof RpcError && this.stage === 'auth') this.log.error('authentication refused by the engine', attrs);
      else this.log.error('plugin start-up failed', attrs);
      this.conn?.close('start-up failed');
      return 1;
    }
  }

  private registration(): Record<string, unknown> {
    const r: Record<string, unknown> = {
      families: this.families.map((f) => ({ name: f.name, mode: f.mode, afi: f.afi, safi: f.safi })),
      commands: [...this.commands.values()].map((c) => c.decl),
    };
    if (this.opts.wantsConfig?.length) r['wants-config'] = this.opts.wantsConfig;
    if (this.opts.dependencies?.length) r.dependencies = this.opts.dependencies;
    return r;
  }

  private readySubscribe(): Record<string, unknown> {
    const s = this.opts.subscribe!;
    return { events: s.events, peers: s.peers ?? ['*'], format: s.format ?? 'full', encoding: s.encoding ?? 'json' };
  }

  private waitStage(name: string, timeoutMs: number): Promise<void> {
    if (this.stageSeen.has(name)) return Promise.resolve();
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no ${name} from the engine within ${timeoutMs} ms`)), timeoutMs);
      this.stageWaiters.set(name, () => {
        clearTimeout(timer);
        if (this.stopReason !== undefined) reject(new Error(`stopped: ${this.stopReason}`));
        else resolve();
      });
    });
  }

  private markStage(name: string): void {
    this.stageSeen.add(name);
    const w = this.stageWaiters.get(name);
    if (w) {
      this.stageWaiters.delete(name);
      w();
    }
  }

  private async onRequest(method: string, params: any): Promise<unknown> {
    if (!method.startsWith(CALLBACK)) throw new AnswerError(`unknown method: ${method}`);
    const m = method.slice(CALLBACK.length);
    const custom = this.callbacks.get(m);
    switch (m) {
      case 'configure':
        this.configSections = params?.sections ?? null;
        if (custom) await custom(params);
        // Answer first, then let stage 3 go (the engine reads our `ok` before our next request).
        setImmediate(() => this.markStage('configure'));
        return undefined;
      case 'share-registry':
        if (custom) await custom(params);
        setImmediate(() => this.markStage('share-registry'));
        return undefined;
      case 'deliver-batch': {
        // Acked whatever it holds (§5.6); what is not `{"events":["…",…]}` is logged once per kind.
        const events = params?.events;
        if (Array.isArray(events)) {
          for (let k = 0; k < events.length; k++) {
            const ev = events[k];
            if (typeof ev === 'string') this.deliver(ev);
            else this.ignoredDelivery('deliver-batch event is not a string, ignored', ev);
          }
        } else this.ignoredDelivery('deliver-batch without an events array, acked and ignored', params);
        return undefined;
      }
      case 'deliver-event':
        if (typeof params?.event === 'string') this.deliver(params.event);
        else this.ignoredDelivery('deliver-event without an event string, acked and ignored', params);
        return undefined;
      case 'post-startup':
        for (const h of this.postStartupHandlers) h();
        return custom ? custom(params) : undefined;
      case 'execute-command':
        return this.executeCommand(params);
      case 'bye':
        if (custom) await custom(params);
        this.log.debug('bye from the engine', { reason: params?.reason });
        setImmediate(() => this.stop('bye'));
        return undefined;
    }
    if (custom) return custom(params);
    switch (m) {
      case 'config-verify':
      case 'config-apply':
        return { status: 'ok' };
      case 'config-rollback':
        return undefined;
      case 'validate-open':
        return { accept: true };
    }
    throw new AnswerError(`unknown method: ${method}`);
  }

  /** Count a malformed delivery; log it at WARN the first time of each kind. */
  private ignoredDelivery(kind: string, what: unknown): void {
    this.ignoredDeliveries++;
    if (this.warnedKinds.has(kind)) return;
    this.warnedKinds.add(kind);
    let text: string;
    try {
      text = JSON.stringify(what) ?? String(what);
    } catch {
      text = String(what);
    }
    this.log.warn(kind, { payload: text.slice(0, 200), note: 'logged once' });
  }

  private deliver(text: string): void {
    const t = text.trim();
    const th = this.eventTextHandlers;
    for (let k = 0; k < th.length; k++) {
      try {
        th[k]!(t);
      } catch (e) {
        this.log.error('event handler failed', { error: errorText(e) });
      }
    }
    if (this.eventHandlers.length === 0) return;
    const ev = parseEventText(t, this.log);
    if (ev === undefined) return;
    for (const h of this.eventHandlers) {
      try {
        h(ev, t);
      } catch (e) {
        this.log.error('event handler failed', { error: errorText(e) });
      }
    }
  }

  private async executeCommand(params: any): Promise<{ status: string; data: string }> {
    const req: CommandRequest = {
      serial: typeof params?.serial === 'string' ? params.serial : '',
      command: typeof params?.command === 'string' ? params.command : '',
      args: Array.isArray(params?.args) ? params.args.map(String) : [],
      peer: typeof params?.peer === 'string' ? params.peer : '',
    };
    const c = this.commands.get(req.command.toLowerCase());
    if (!c) return { status: 'error', data: `unknown command: ${req.command}` };
    try {
      const r = await c.handler(req.args, req);
      return typeof r === 'string' ? { status: 'done', data: r } : r;
    } catch (e) {
      return { status: 'error', data: errorText(e) };
    }
  }
}

/**
 * An event's text as handlers get it: JSON text (it starts with `{`) parsed, any other text (the
 * `text` encoding) as it is. Undefined for invalid JSON, which is logged at WARN.
 */
export function parseEventText(t: string, log: Logger): unknown {
  if (!t.startsWith('{')) return t;
  try {
    return JSON.parse(t);
  } catch {
    log.warn('event is not valid JSON, ignored', { event: t.slice(0, 200) });
    return undefined;
  }
}

function unknownCommand(name: string): never {
  throw new CommandError(`command ${name} has no handler`);
}

/**
 * For a plugin's `main`: log uncaught errors at ERROR (Ze relays only slog lines at WARN and
 * above), stop on SIGTERM/SIGINT, and exit with `run`'s code. Exits within about 1 s.
 */
export async function runPluginMain(plugin: ZePlugin): Promise<never> {
  const fatal = (kind: string) => (e: unknown) => {
    plugin.log.error(kind, { error: errorText(e), stack: e instanceof Error ? e.stack?.split('\n').slice(1, 4).join(' | ') : undefined });
    process.exit(1);
  };
  process.on('uncaughtException', fatal('uncaught exception'));
  process.on('unhandledRejection', fatal('unhandled rejection'));
  for (const sig of ['SIGTERM', 'SIGINT'] as const) process.once(sig, () => plugin.stop(sig));
  const code = await plugin.run();
  process.exit(code);
}
