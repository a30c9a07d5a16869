/**
 * An engine simulator: plays Ze's side of the external-plugin protocol as
 * docs ze-plugin-protocol.md describes it (§1-§6), and runs `ze-nlri plugin` as a real child
 * process with the engine's environment.
 *
 * - TLS 1.3 listener on 127.0.0.1:0 with a throwaway ECDSA P-256 certificate (§2.1);
 * - per-plugin token (32 random bytes, 64 hex) and the certificate fingerprint in the env (§1.3);
 * - auth checked in Ze's order (§2.3), stages enforced strictly (§4.1): any other request in a
 *   stage gets `expected <x>, got <m>` and ends the session;
 * - engine ids counted from 1 per connection, answers matched by id string (§3.2);
 * - run-time plugin→engine calls (update-route, dispatch-command, …) answered by handlers.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { once } from 'node:events';
import * as tls from 'node:tls';
import { fileURLToPath } from 'node:url';
import { defaultRegistry } from '../../src/index.js';
import { decodeAll, toJson } from '../../src/registry/ops.js';
import { makeCert, type TestCert } from './cert.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
export const PLUGIN_ENTRY = ['--import', 'tsx', '--import', './test/plugin/alias-ze-nlri.mjs', 'src/cli/plugin-entry.ts'];

export interface Line {
  id: string;
  verb: string;
  payload: any;
  raw: string;
}

function parse(line: string): Line | undefined {
  const m = /^#(\d+) (\S+)(?: (.*))?$/s.exec(line);
  if (!m) return undefined;
  let payload: any;
  if (m[3] !== undefined) {
    try {
      payload = JSON.parse(m[3]);
    } catch {
      payload = m[3];
    }
  }
  return { id: m[1]!, verb: m[2]!, payload, raw: line };
}

export interface SimOptions {
  name?: string;
  /** Override what goes in the env (wrong token, wrong fingerprint, …). */
  env?: Record<string, string | undefined>;
  args?: string[];
  /** Don't run the stages automatically (abuse tests drive them). */
  manualStages?: boolean;
  cert?: TestCert;
  /** Node arguments of the plugin process (default: PLUGIN_ENTRY, `ze-nlri plugin`). */
  entry?: string[];
}

type Handler = (payload: any) => { ok?: unknown; error?: string } | undefined;

export class EngineSim {
  readonly cert: TestCert;
  readonly token = randomBytes(32).toString('hex');
  readonly name: string;
  server!: tls.Server;
  port = 0;
  child?: ChildProcess;
  sock?: tls.TLSSocket;
  stderr = '';
  /** Every line the plugin sent after auth. */
  readonly received: Line[] = [];
  registration: any;
  readyParams: any;
  stageError: string | undefined;
  authResult: string | undefined;
  private nextId = 1;
  private buf = '';
  private readonly waiting = new Map<string, (l: Line) => void>();
  private lineWaiters: Array<{ pred: (l: Line) => boolean; resolve: (l: Line) => void }> = [];
  readonly handlers = new Map<string, Handler>();
  private connected!: Promise<void>;
  private onConnected!: () => void;
  exitCode: Promise<number | null>;
  private setExit!: (c: number | null) => void;

  constructor(private readonly opts: SimOptions = {}) {
    this.cert = opts.cert ?? makeCert();
    this.name = opts.name ?? 'ze-nlri';
    this.connected = new Promise((r) => (this.onConnected = r));
    this.exitCode = new Promise((r) => (this.setExit = r));
  }

  async listen(): Promise<void> {
    this.server = tls.createServer({ key: this.cert.keyPem, cert: this.cert.certPem, minVersion: 'TLSv1.3', maxVersion: 'TLSv1.3' }, (s) => this.accept(s));
    this.server.listen(0, '127.0.0.1');
    await once(this.server, 'listening');
    this.port = (this.server.address() as { port: number }).port;
  }

  /** Start the plugin child process with the engine's environment. */
  spawn(): ChildProcess {
    const env: Record<string, string | undefined> = {
      ...process.env,
      ZE_PLUGIN_HUB_HOST: '127.0.0.1',
      ZE_PLUGIN_HUB_PORT: String(this.port),
      ZE_PLUGIN_HUB_TOKEN: this.token,
      ZE_PLUGIN_CERT_FP: this.cert.fingerprint,
      ZE_PLUGIN_NAME: this.name,
      ...this.opts.env,
    };
    for (const k of Object.keys(env)) if (env[k] === undefined) delete env[k];
    const child = spawn(process.execPath, [...(this.opts.entry ?? PLUGIN_ENTRY), ...(this.opts.args ?? [])], { cwd: ROOT, env: env as NodeJS.ProcessEnv, stdio: ['ignore', 'pipe', 'pipe'] });
    child.stderr!.setEncoding('utf8').on('data', (d: string) => (this.stderr += d));
    child.stdout!.setEncoding('utf8').on('data', (d: string) => (this.stdout += d));
    child.on('exit', (code) => this.setExit(code));
    this.child = child;
    return child;
  }
  stdout = '';

  static async start(opts: SimOptions = {}): Promise<EngineSim> {
    const sim = new EngineSim(opts);
    await sim.listen();
    sim.spawn();
    return sim;
  }

  private accept(s: tls.TLSSocket): void {
    s.setNoDelay(true);
    s.setEncoding('utf8');
    let authed = false;
    s.on('data', (d: string) => {
      this.buf += d;
      let nl: number;
      while ((nl = this.buf.indexOf('\n')) >= 0) {
        const line = this.buf.slice(0, nl);
        this.buf = this.buf.slice(nl + 1);
        if (!authed) {
          authed = this.auth(s, line);
          continue;
        }
        this.onLine(line);
      }
    });
    s.on('error', () => undefined);
  }

  /** Ze's auth checks, in its order (§2.3). */
  private auth(s: tls.TLSSocket, line: string): boolean {
    const l = parse(line);
    const fail = (id: string, message: string) => {
      this.authResult = message;
      s.end(`#${id} error ${JSON.stringify({ code: 'error', message })}\n`);
      return false;
    };
    if (!l) return fail('0', 'malformed auth request');
    if (l.verb !== 'auth') return fail(l.id, 'expected auth');
    if (typeof l.payload !== 'object') return fail(l.id, 'malformed auth params');
    if (!/^[a-zA-Z0-9][a-zA-Z0-9-]{0,63}$/.test(String(l.payload.name))) return fail(l.id, 'invalid plugin name');
    if (l.payload.name !== this.name || l.payload.token !== this.token) return fail(l.id, 'auth failed');
    this.authResult = 'ok';
    s.write(`#${l.id} ok\n`);
    this.sock = s;
    this.onConnected();
    if (!this.opts.manualStages) this.runStages().catch((e) => (this.stageError = String(e)));
    return true;
  }

  private onLine(line: string): void {
    const l = parse(line);
    if (!l) {
      this.received.push({ id: '', verb: '', payload: undefined, raw: line });
      return;
    }
    this.received.push(l);
    if (l.verb === 'ok' || l.verb === 'error') {
      const w = this.waiting.get(l.id);
      if (w) {
        this.waiting.delete(l.id);
        w(l);
      }
      return;
    }
    const lw = this.lineWaiters.find((w) => w.pred(l));
    if (lw) {
      this.lineWaiters = this.lineWaiters.filter((w) => w !== lw);
      lw.resolve(l);
      return;
    }
    // Run time: the engine's RPC handlers (§6).
    const h = this.handlers.get(l.verb);
    if (h) {
      const r = h(l.payload) ?? {};
      if (r.error !== undefined) this.send(`#${l.id} error ${JSON.stringify({ code: 'error', message: r.error })}`);
      else this.send(r.ok === undefined ? `#${l.id} ok` : `#${l.id} ok ${JSON.stringify(r.ok)}`);
    } else this.send(`#${l.id} error ${JSON.stringify({ code: 'error', message: `unknown method: ${l.verb}` })}`);
  }

  /** Wait for the next plugin request matching `pred`. */
  nextRequest(pred: (l: Line) => boolean, timeoutMs = 10_000): Promise<Line> {
    return new Promise((resolve, reject) => {
      const t = setTimeout(() => reject(new Error(`no matching request from the plugin within ${timeoutMs} ms`)), timeoutMs);
      this.lineWaiters.push({
        pred,
        resolve: (l) => {
          clearTimeout(t);
          resolve(l);
        },
      });
    });
  }

  /** Expect exactly this method as the plugin's next request (a stage). */
  private async expectStage(method: string): Promise<Line> {
    const l = await this.nextRequest(() => true);
    if (l.verb !== method) {
      const short = method.replace('ze-plugin-engine:', '');
      this.stageError = `expected ${short}, got ${l.verb}`;
      this.send(`#${l.id} error ${JSON.stringify({ code: 'error', message: this.stageError })}`);
      this.sock?.end();
      throw new Error(this.stageError);
    }
    return l;
  }

  /** The five stages (§4.1), then post-startup (§4.7). */
  async runStages(): Promise<void> {
    const reg = await this.expectStage('ze-plugin-engine:declare-registration');
    this.registration = reg.payload;
    this.send(`#${reg.id} ok`);
    await this.request('ze-plugin-callback:configure', { sections: null });
    const caps = await this.expectStage('ze-plugin-engine:declare-capabilities');
    this.send(`#${caps.id} ok`);
    const commands = (this.registration?.commands ?? []).map((c: any) => ({ name: c.name, plugin: this.name, encoding: 'text' }));
    await this.request('ze-plugin-callback:share-registry', { commands });
    const ready = await this.expectStage('ze-plugin-engine:ready');
    this.readyParams = ready.payload;
    this.send(`#${ready.id} ok`);
    await this.request('ze-plugin-callback:post-startup');
    this.readyDone();
  }
  private readyDone!: () => void;
  /** Resolves once post-startup is answered. */
  readonly started: Promise<void> = new Promise((r) => (this.readyDone = r));

  send(text: string): void {
    this.sock?.write(text + '\n');
  }

  async whenConnected(timeoutMs = 15_000): Promise<void> {
    let t: NodeJS.Timeout | undefined;
    await Promise.race([this.connected, new Promise((_, rej) => (t = setTimeout(() => rej(new Error(`plugin did not connect: ${this.stderr}`)), timeoutMs)))]);
    clearTimeout(t);
  }

  /** Send an engine request; resolves with the plugin's answer line. */
  request(method: string, params?: unknown, timeoutMs = 10_000): Promise<Line> {
    const id = String(this.nextId++);
    return this.requestWithId(id, method, params, timeoutMs);
  }

  requestWithId(id: string, method: string, params?: unknown, timeoutMs = 10_000): Promise<Line> {
    return this.requestText(id, method, params === undefined ? undefined : JSON.stringify(params), timeoutMs);
  }

  /**
   * Send an engine request whose params are already JSON (bytes or text, as Ze's encoder wrote
   * them), so a benchmark measures the plugin and not the simulator's JSON.stringify.
   */
  requestPayload(method: string, payload: Buffer | string, timeoutMs = 10_000): Promise<Line> {
    return this.requestText(String(this.nextId++), method, payload, timeoutMs);
  }

  private requestText(id: string, method: string, payload: Buffer | string | undefined, timeoutMs: number): Promise<Line> {
    return new Promise((resolve, reject) => {
      const t = setTimeout(() => {
        this.waiting.delete(id);
        reject(new Error(`no answer to #${id} ${method} within ${timeoutMs} ms`));
      }, timeoutMs);
      this.waiting.set(id, (l) => {
        clearTimeout(t);
        resolve(l);
      });
      if (payload === undefined) this.send(`#${id} ${method}`);
      else if (typeof payload === 'string') this.send(`#${id} ${method} ${payload}`);
      else {
        this.sock?.write(`#${id} ${method} `);
        this.sock?.write(payload);
        this.sock?.write('\n');
      }
    });
  }

  /** execute-command (§5.4): returns the `ok` payload ({status, data}). */
  async command(command: string, args: string[] = []): Promise<{ status: string; data: string }> {
    const l = await this.request('ze-plugin-callback:execute-command', { serial: '', command, args, peer: '*' });
    if (l.verb !== 'ok') throw new Error(`execute-command answered ${l.raw}`);
    return l.payload;
  }

  /** deliver-batch (§5.6) of event objects, each sent as a JSON string ending in a newline. */
  deliver(events: unknown[], timeoutMs = 10_000): Promise<Line> {
    return this.request('ze-plugin-callback:deliver-batch', { events: events.map((e) => JSON.stringify(e) + '\n') }, timeoutMs);
  }

  /** Close the connection (EOF for the plugin). */
  eof(): void {
    this.sock?.end();
  }

  /** Wait for the child to exit; returns its code (kills it and fails after `timeoutMs`). */
  async waitExit(timeoutMs = 5000): Promise<number | null> {
    let t: NodeJS.Timeout | undefined;
    const timeout = new Promise<'timeout'>((r) => (t = setTimeout(() => r('timeout'), timeoutMs)));
    const r = await Promise.race([this.exitCode, timeout]);
    clearTimeout(t);
    if (r === 'timeout') {
      this.kill();
      throw new Error(`plugin did not exit within ${timeoutMs} ms; stderr:\n${this.stderr}`);
    }
    return r;
  }

  kill(): void {
    if (this.child && this.child.exitCode === null && this.child.pid) {
      try {
        process.kill(this.child.pid, 'SIGKILL');
      } catch {
        /* already gone */
      }
    }
  }

  async close(): Promise<void> {
    this.sock?.destroy();
    this.kill();
    await new Promise<void>((r) => this.server.close(() => r()));
  }
}

/** AFI/SAFI of a family for the simulated UPDATE body: the registry's, or the example module's. */
function afiSafi(family: string): [number, number] {
  const c = defaultRegistry.get(family);
  if (c) return [c.afi, c.safi];
  if (family === 'ipv4/colored') return [1, 241];
  return [family.startsWith('ipv6/') ? 2 : 1, 0xfe];
}

/** One path attribute as hex: flags, type, length (extended length over 255 bytes). */
function attrHex(flags: number, type: number, valueHex: string): string {
  const len = valueHex.length / 2;
  const h2 = (n: number) => n.toString(16).padStart(2, '0');
  // (A field over 65535 bytes cannot be in an UPDATE; the oversized-line tests only need the size.)
  return len > 255 ? h2(flags | 0x10) + h2(type) + (len & 0xffff).toString(16).padStart(4, '0') + valueHex : h2(flags) + h2(type) + h2(len) + valueHex;
}

/**
 * Ze's own decoding of one family's NLRI field for `update.nlri` (§5.6): families built into
 * Ze are decoded (here with our registry, byte-compatible with Ze's JSON); a family Ze does not
 * know shows one `wire[<family>](<n> bytes)` placeholder per attribute.
 */
function zeDecoded(family: string, hex: string, addPath: boolean): unknown[] {
  const c = defaultRegistry.get(family);
  if (c && /^(?:[0-9a-f]{2})*$/i.test(hex)) {
    try {
      return decodeAll(c, Buffer.from(hex, 'hex'), { addPath }).map((m) => JSON.parse(toJson(c, m)));
    } catch {
      /* Ze keeps what it cannot decode as wire bytes */
    }
  }
  return [{ prefix: `wire[${family}](${hex.length >> 1} bytes)` }];
}

/**
 * A `full`-format received update event (§5.6), as Ze builds it (text_update.go
 * appendFullFromResult): message, peer, Ze's decoded `update` (attributes and per-family NLRI),
 * then `raw` with the attributes, the NLRI and withdrawn fields per family, the ADD-PATH flags
 * and the whole UPDATE body (with its MP_REACH/MP_UNREACH attributes).
 */
export function updateEvent(opts: {
  peer?: string;
  id?: number;
  nlri?: Record<string, string>;
  withdrawn?: Record<string, string>;
  addPath?: Record<string, boolean>;
  zeNlri?: Record<string, unknown>;
}): unknown {
  const attributes = '4001010040020040050400000064';
  const ap = opts.addPath ?? {};
  let mp = '';
  const zeNlri: Record<string, unknown[]> = {};
  for (const [f, hex] of Object.entries(opts.nlri ?? {})) {
    const [afi, safi] = afiSafi(f);
    // MP_REACH_NLRI (RFC 4760 §3): AFI, SAFI, next hop (none for FlowSpec, else 127.0.0.1), reserved.
    const nh = safi === 133 || safi === 134 ? '00' : afi === 2 ? '10' + '00'.repeat(15) + '01' : '047f000001';
    mp += attrHex(0x80, 14, afi.toString(16).padStart(4, '0') + safi.toString(16).padStart(2, '0') + nh + '00' + hex);
    (zeNlri[f] ??= []).push({ ...(nh === '00' ? {} : { 'next-hop': afi === 2 ? '::1' : '127.0.0.1' }), action: 'add', nlri: zeDecoded(f, hex, ap[f] === true) });
  }
  for (const [f, hex] of Object.entries(opts.withdrawn ?? {})) {
    const [afi, safi] = afiSafi(f);
    mp += attrHex(0x80, 15, afi.toString(16).padStart(4, '0') + safi.toString(16).padStart(2, '0') + hex);
    (zeNlri[f] ??= []).push({ action: 'del', nlri: zeDecoded(f, hex, ap[f] === true) });
  }
  const pathAttrs = attributes + mp;
  const raw: Record<string, unknown> = { attributes };
  if (opts.nlri) raw.nlri = opts.nlri;
  if (opts.withdrawn) raw.withdrawn = opts.withdrawn;
  if (opts.addPath) raw['add-path'] = opts.addPath;
  raw.update = '0000' + ((pathAttrs.length / 2) & 0xffff).toString(16).padStart(4, '0') + pathAttrs;
  return {
    type: 'bgp',
    bgp: {
      message: { type: 'update', id: opts.id ?? 1, direction: 'received' },
      peer: { address: opts.peer ?? '127.0.0.1', local: { address: '127.0.0.1', as: 65000 }, name: 'peer1', remote: { as: 65000 } },
      update: { attr: { origin: 'igp', 'local-preference': 100 }, nlri: opts.zeNlri ?? zeNlri },
      raw,
    },
  };
}

export function stateEvent(peer: string, state: 'up' | 'down', local?: string): unknown {
  return {
    type: 'bgp',
    bgp: {
      message: { type: 'state' },
      peer: { address: peer, ...(local ? { local: { address: local, as: 65000 } } : {}), name: 'peer1', remote: { as: 65000 } },
      state,
      ...(state === 'down' ? { reason: 'test' } : {}),
    },
  };
}
