/**
 * A minimal in-memory engine for in-process tests and benchmarks of `ZePlugin`: the plugin's
 * `connect` hook gets one end of an in-memory duplex, this class plays Ze's side on the other
 * (auth, the five stages of ze-plugin-protocol.md §4.1, then run-time requests). No TLS, no child
 * process: what is measured or tested is the plugin's own work.
 *
 * Run-time calls from the plugin are answered by `answer(method, params)`: return `undefined` to
 * answer a bare `ok`, `{ ok }` / `{ error }` for a payload, or `'silent'` to never answer (an
 * engine that drops the request, §3.5).
 */
import { Duplex } from 'node:stream';

class End extends Duplex {
  other!: End;
  override _read(): void {}
  override _write(chunk: Buffer, _enc: BufferEncoding, cb: (e?: Error | null) => void): void {
    this.other.push(chunk);
    cb();
  }
  override _final(cb: (e?: Error | null) => void): void {
    this.other.push(null);
    cb();
  }
}

export type Answer = { ok?: unknown; error?: string } | 'silent' | undefined;

export class FakeEngine {
  readonly pluginEnd = new End();
  private readonly engineEnd = new End();
  private buf = '';
  private nextId = 1;
  private readonly waiting = new Map<string, (line: string) => void>();
  /** Every request line the plugin sent after auth (method and raw line). */
  readonly requests: Array<{ id: string; method: string; params: any }> = [];
  answer: (method: string, params: any) => Answer = () => undefined;
  private readyDone!: () => void;
  /** Resolves once `ready` is answered (the plugin is running). */
  readonly ready = new Promise<void>((r) => (this.readyDone = r));

  constructor() {
    this.pluginEnd.other = this.engineEnd;
    this.engineEnd.other = this.pluginEnd;
    this.engineEnd.setEncoding('utf8');
    this.engineEnd.on('data', (d: string) => {
      this.buf += d;
      let nl: number;
      while ((nl = this.buf.indexOf('\n')) >= 0) {
        const line = this.buf.slice(0, nl);
        this.buf = this.buf.slice(nl + 1);
        this.onLine(line);
      }
    });
  }

  /** `ZePluginOptions.connect` and the env it needs. */
  get pluginOptions(): { connect: () => Promise<Duplex>; env: NodeJS.ProcessEnv } {
    return {
      connect: async () => this.pluginEnd,
      env: { ZE_PLUGIN_HUB_TOKEN: 'x'.repeat(64), ZE_PLUGIN_NAME: 'ze-nlri', ZE_PLUGIN_CERT_FP: '' },
    };
  }

  private onLine(line: string): void {
    const m = /^#(\d+) (\S+)(?: (.*))?$/s.exec(line);
    if (!m) return;
    const [, id, verb, payload] = m as unknown as [string, string, string, string | undefined];
    if (verb === 'ok' || verb === 'error') {
      const w = this.waiting.get(id);
      if (w) {
        this.waiting.delete(id);
        w(line);
      }
      return;
    }
    const params = payload === undefined ? undefined : JSON.parse(payload);
    this.requests.push({ id, method: verb, params });
    switch (verb) {
      case 'auth':
      case 'ze-plugin-engine:declare-capabilities':
        this.send(`#${id} ok`);
        if (verb !== 'auth') void this.request('ze-plugin-callback:share-registry', { commands: [] });
        return;
      case 'ze-plugin-engine:declare-registration':
        this.send(`#${id} ok`);
        void this.request('ze-plugin-callback:configure', { sections: null });
        return;
      case 'ze-plugin-engine:ready':
        this.send(`#${id} ok`);
        this.readyDone();
        return;
    }
    const a = this.answer(verb, params);
    if (a === 'silent') return;
    if (a?.error !== undefined) this.send(`#${id} error ${JSON.stringify({ code: 'error', message: a.error })}`);
    else this.send(a?.ok === undefined ? `#${id} ok` : `#${id} ok ${JSON.stringify(a.ok)}`);
  }

  /** Write one raw line (a newline is added). */
  send(text: string): void {
    this.engineEnd.write(text + '\n');
  }

  /** Send an engine request; resolves with the plugin's answer line. */
  request(method: string, params?: unknown): Promise<string> {
    const id = String(this.nextId++);
    return this.requestLine(`#${id} ${method}${params === undefined ? '' : ' ' + JSON.stringify(params)}`, id);
  }

  /** Send a prepared request line with its id; resolves with the answer line. */
  requestLine(line: string, id: string): Promise<string> {
    return new Promise((resolve) => {
      this.waiting.set(id, resolve);
      this.send(line);
    });
  }

  /** EOF for the plugin. */
  close(): void {
    this.engineEnd.end();
  }
}
