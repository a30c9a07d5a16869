/**
 * The ze-nlri family plugin: claims registry families in Ze, decodes the raw NLRI of every
 * received UPDATE (ze-plugin-protocol.md §5.6) into a per-peer route table, answers the
 * encode-nlri/decode-nlri callbacks (§5.1-5.2, dormant in Ze at f09f9ac2 but answered
 * correctly), serves its commands through execute-command (§5.4) and originates routes with
 * `update hex` (§6.1).
 */
import { NlriError } from '../../core/errors.js';
import { fromHex } from '../../core/hex.js';
import { Reader } from '../../core/reader.js';
import type { FamilyCodec, NlriBase } from '../../registry/family.js';
import { decodeNext, toJson } from '../../registry/ops.js';
import type { Registry } from '../../registry/registry.js';
import { Logger, errorText } from '../log.js';
import { AnswerError } from '../rpc.js';
import { CommandError, ZePlugin, type ZePluginOptions } from '../plugin.js';
import { EventScanner } from './event-scan.js';
import { updateHexCommand, type OriginateOptions } from './originate.js';
import { PluginStats } from './stats.js';
import { RouteTable } from './table.js';

export interface NlriPluginOptions {
  registry: Registry;
  /** Families to claim (default: every family of the registry). */
  families?: readonly FamilyCodec<any>[];
  /** Command prefix, normally the plugin name (ZE_PLUGIN_NAME). */
  name: string;
  logger?: Logger;
  /** Log every announced/withdrawn route at WARN (so Ze relays it). */
  logRoutes?: boolean;
  /** Decode in strict RFC mode. */
  strict?: boolean;
  /** Routes to send whenever a matching peer comes up: `<selector> <family> add <args…>` tokens. */
  announce?: string[][];
  /** Defaults for origination. */
  originate?: OriginateOptions;
  /** Passed to ZePlugin (tests: env, connect; timeouts). */
  plugin?: Partial<ZePluginOptions>;
}

export const COMMANDS = {
  decode: 'decode <family> <hex> [add-path]: Ze JSON of the NLRI(s)',
  encode: 'encode <family> <args…>: hex of one NLRI',
  families: 'families: the families this plugin claims (JSON)',
  routes: 'routes [peer] [family]: the routes each peer announces (JSON)',
  stats: 'stats: events, NLRI decoded, errors by code (JSON)',
  update: 'update <peer-selector> <family> add|del <args…>: originate a route with update hex',
} as const;

function peerKey(peer: any): string {
  if (peer && typeof peer === 'object') {
    if (typeof peer.address === 'string') return peer.address;
    if (typeof peer.name === 'string') return peer.name;
  }
  return typeof peer === 'string' ? peer : 'unknown';
}

function selectorMatches(sel: string, peer: any): boolean {
  if (sel === '*') return true;
  const addr = peer?.address;
  const name = peer?.name;
  if (sel.startsWith('!')) return sel.slice(1) !== addr && sel.slice(1) !== name;
  return sel === addr || sel === name;
}

export class NlriPlugin {
  readonly plugin: ZePlugin;
  readonly table = new RouteTable();
  readonly stats = new PluginStats();
  readonly log: Logger;
  private readonly claimed = new Map<string, FamilyCodec<any>>();
  private readonly warnedKinds = new Set<string>();
  private readonly scanner = new EventScanner();
  /** Decode options by [addPath][withdraw], made once (strict is fixed for the plugin's life). */
  private readonly decodeOpts: ReadonlyArray<ReadonlyArray<{ addPath: boolean; strict: boolean; withdraw: boolean }>>;

  constructor(private readonly opts: NlriPluginOptions) {
    this.log = opts.logger ?? new Logger();
    const strict = opts.strict ?? false;
    this.decodeOpts = [false, true].map((addPath) => [false, true].map((withdraw) => ({ addPath, strict, withdraw })));
    for (const c of opts.families ?? opts.registry.list()) this.claimed.set(c.name, c);
    const p = new ZePlugin({
      families: [...this.claimed.values()].map((c) => ({ name: c.name, afi: c.afi, safi: c.safi, mode: 'both' as const })),
      subscribe: { events: ['update direction received', 'state'], peers: ['*'], format: 'full', encoding: 'json' },
      logger: this.log,
      ...opts.plugin,
    });
    this.plugin = p;
    const n = opts.name;
    p.onCommand(`${n} decode`, (a) => this.cmdDecode(a), COMMANDS.decode);
    p.onCommand(`${n} encode`, (a) => this.cmdEncode(a), COMMANDS.encode);
    p.onCommand(`${n} families`, () => this.cmdFamilies(), COMMANDS.families);
    p.onCommand(`${n} routes`, (a) => this.cmdRoutes(a), COMMANDS.routes);
    p.onCommand(`${n} stats`, () => JSON.stringify(this.stats.toJSON(this.table.count())), COMMANDS.stats);
    p.onCommand(`${n} update`, (a) => this.cmdUpdate(a), COMMANDS.update);
    p.handle('decode-nlri', (params) => this.cbDecode(params));
    p.handle('encode-nlri', (params) => this.cbEncode(params));
    p.onEventText((t) => this.handleEventText(t));
  }

  /** The families this plugin claims. */
  get families(): FamilyCodec<any>[] {
    return [...this.claimed.values()];
  }

  run(): Promise<number> {
    this.log.info('ze-nlri plugin starting', { families: this.families.map((c) => c.name).join(',') });
    return this.plugin.run();
  }

  // ---- events (§5.6) ----

  /**
   * Handle one delivered event as text (trimmed). A plain update event is read by the scanner
   * (event-scan.ts) without building its objects; anything else — other event types, unusual
   * shapes, invalid JSON — is parsed in full and goes through `handleEvent`, as it always did.
   */
  handleEventText(t: string): void {
    const u = t.charCodeAt(0) === 0x7b ? this.scanner.scan(t) : undefined;
    if (u === undefined) {
      this.stats.fullParses++;
      let ev: unknown = t;
      if (t.startsWith('{')) {
        try {
          ev = JSON.parse(t);
        } catch {
          this.log.warn('event is not valid JSON, ignored', { event: t.slice(0, 200) });
          return;
        }
      }
      this.handleEvent(ev);
      return;
    }
    this.stats.events++;
    if (!u.received) return;
    this.stats.updates++;
    if (!u.hasRaw) return;
    const peer = u.peer;
    // RFC 4271 §9.1: withdrawn routes first, then the announced ones.
    const w = u.withdrawn;
    for (let k = 0; k < u.nWithdrawn; k += 2) this.decodeField(peer, w[k]!, w[k + 1], u.hasAddPath(w[k]!), false);
    const a = u.nlri;
    for (let k = 0; k < u.nNlri; k += 2) this.decodeField(peer, a[k]!, a[k + 1], u.hasAddPath(a[k]!), true);
  }

  /** Handle one delivered event (parsed JSON). Public for benchmarks and tests. */
  handleEvent(ev: any): void {
    this.stats.events++;
    const b = ev && typeof ev === 'object' ? (ev.bgp ?? ev) : undefined;
    const type = b?.message?.type;
    if (type === 'update') this.onUpdate(b);
    else if (type === 'state') this.onState(b);
  }

  private onUpdate(b: any): void {
    const dir = b.message.direction;
    if (dir !== undefined && dir !== 'received') return;
    this.stats.updates++;
    const raw = b.raw;
    if (!raw || typeof raw !== 'object') return;
    const peer = peerKey(b.peer);
    const ap = raw['add-path'] && typeof raw['add-path'] === 'object' ? raw['add-path'] : {};
    // RFC 4271 §9.1: withdrawn routes first, then the announced ones.
    const w = raw.withdrawn;
    if (w && typeof w === 'object') for (const f of Object.keys(w)) this.decodeField(peer, f, w[f], ap[f] === true, false);
    const a = raw.nlri;
    if (a && typeof a === 'object') for (const f of Object.keys(a)) this.decodeField(peer, f, a[f], ap[f] === true, true);
  }

  private onState(b: any): void {
    this.stats.stateEvents++;
    const peer = peerKey(b.peer);
    if (b.state === 'down') {
      const n = this.table.clearPeer(peer);
      this.log.info('peer down: routes cleared', { peer, routes: n });
    } else if (b.state === 'up') {
      for (const a of this.opts.announce ?? []) {
        if (!selectorMatches(a[0] ?? '', b.peer)) continue;
        this.originate([peer, ...a.slice(1)]).then(
          (r) => this.log.info('route sent', { peer, route: a.slice(1).join(' '), result: JSON.stringify(r) }),
          (e) => this.log.error('cannot send route', { peer, route: a.slice(1).join(' '), error: errorText(e) }),
        );
      }
    }
  }

  private decodeField(peer: string, family: string, hex: unknown, addPath: boolean, announce: boolean): void {
    const codec = this.claimed.get(family);
    if (!codec || typeof hex !== 'string') return;
    const lower = hex.toLowerCase();
    let r: Reader | undefined;
    try {
      // A fresh buffer per field: the models kept in the table are views into it.
      const bytes = fromHex(lower, family);
      r = new Reader(bytes, family);
      // `withdraw` tells labeled families that a 0x800000 label field is RFC 8277 §2.4's.
      const opts = this.decodeOpts[addPath ? 1 : 0]![announce ? 0 : 1]!;
      let n = 0;
      while (r.pos < r.end) {
        const start = r.pos;
        const m: NlriBase = decodeNext(codec, r, opts);
        // The route's identity: the family's key (a withdrawal carries no labels) or the bytes.
        const key = codec.routeKey ? `${m.pathId ?? ''}|${codec.routeKey(m)}` : lower.slice(start * 2, r.pos * 2);
        n++;
        if (announce) this.table.announce(peer, family, key, m);
        else this.table.withdraw(peer, family, key);
        if (this.opts.logRoutes) this.log.warn(announce ? 'route announced' : 'route withdrawn', { peer, family, nlri: toJson(codec, m) });
      }
      if (announce) this.stats.announced += n;
      else this.stats.withdrawn += n;
      this.stats.nlri(family, n);
    } catch (e) {
      const code = e instanceof NlriError ? e.code : 'internal';
      this.stats.error(code, family);
      const kind = `${family} ${code}`;
      if (!this.warnedKinds.has(kind)) {
        this.warnedKinds.add(kind);
        this.log.warn('cannot decode NLRI (logged once per family and error code)', {
          peer,
          family,
          code,
          offset: e instanceof NlriError ? e.offset : undefined,
          error: errorText(e),
          hex: lower.length > 256 ? lower.slice(0, 256) + '…' : lower,
        });
      }
    }
  }

  // ---- callbacks (§5.1, §5.2) ----

  private cbDecode(params: any): { json: string } {
    const family = String(params?.family ?? '');
    const hex = String(params?.hex ?? '');
    try {
      return { json: this.opts.registry.decodeHex(family, hex) };
    } catch (e) {
      throw new AnswerError(errorText(e));
    }
  }

  private cbEncode(params: any): { hex: string } {
    const family = String(params?.family ?? '');
    const args = Array.isArray(params?.args) ? params.args.map(String) : [];
    try {
      return { hex: this.opts.registry.encodeArgs(family, args) };
    } catch (e) {
      throw new AnswerError(errorText(e));
    }
  }

  // ---- commands (§5.4) ----

  private cmdDecode(args: string[]): string {
    const [family, hex, flag] = args;
    if (!family || !hex) throw new CommandError(`usage: ${this.opts.name} ${COMMANDS.decode}`);
    if (flag !== undefined && flag !== 'add-path') throw new CommandError(`unknown option: ${flag}`);
    return this.opts.registry.decodeHex(family, hex, { addPath: flag === 'add-path' });
  }

  private cmdEncode(args: string[]): string {
    const [family, ...rest] = args;
    if (!family) throw new CommandError(`usage: ${this.opts.name} ${COMMANDS.encode}`);
    return this.opts.registry.encodeArgs(family, rest);
  }

  private cmdFamilies(): string {
    return JSON.stringify(
      this.opts.registry.list().map((c) => ({ name: c.name, afi: c.afi, safi: c.safi, group: c.group, rfcs: c.rfcs, claimed: this.claimed.has(c.name) })),
    );
  }

  private cmdRoutes(args: string[]): string {
    let [peer, family] = args;
    if (peer !== undefined && family === undefined && peer.includes('/')) [peer, family] = [undefined, peer];
    return this.table.toJson((f) => this.claimed.get(f), peer, family);
  }

  private async cmdUpdate(args: string[]): Promise<string> {
    return JSON.stringify(await this.originate(args));
  }

  /** `<selector> <family> add|del <args…>` → update-route; resolves with Ze's answer. */
  async originate(args: string[]): Promise<Record<string, unknown>> {
    const [sel, family, action, ...rest] = args;
    if (!sel || !family || (action !== 'add' && action !== 'del')) throw new CommandError(`usage: ${this.opts.name} ${COMMANDS.update}`);
    const codec = this.claimed.get(family) ?? this.opts.registry.require(family);
    const nlri = fromHex(this.opts.registry.encodeArgs(family, rest), family);
    // As Ze's own plugin helper does: the selector goes in `peer-selector`, the command without
    // `peer <sel>` (the engine prefixes it, §6).
    const command = updateHexCommand(codec, action, nlri, this.opts.originate);
    const res = await this.plugin.updateRoute(sel, command);
    return { command, ...(res ?? {}) };
  }
}
