/**
 * The ze-nlri family plugin: claims registry families in Ze, decodes the raw NLRI of every
 * received UPDATE (ze-plugin-protocol.md §5.6) into a per-peer route table, answers the
 * encode-nlri/decode-nlri callbacks (§5.1-5.2, dormant in Ze at f09f9ac2 but answered
 * correctly), serves its commands through execute-command (§5.4) and originates routes with
 * `update hex` (§6.1).
 */
import { claimable } from './engine-families.js';
import { NlriError } from '../../core/errors.js';
import { fromHex, hexBytesInto, toHex } from '../../core/hex.js';
import { Reader } from '../../core/reader.js';
import type { FamilyCodec, NlriBase } from '../../registry/family.js';
import { decodeNext, toJson, writeJson } from '../../registry/ops.js';
import type { Registry } from '../../registry/registry.js';
import { Logger, errorText } from '../log.js';
import { MAX_LINE } from '../framing.js';
import { AnswerError } from '../rpc.js';
import { decodeHexBounded } from './bounded-json.js';
import { CommandError, ZePlugin, type ZePluginOptions } from '../plugin.js';
import { BatchScanner, EVENT_UNSURE, E_NLRI, E_WITHDRAWN, F_RAW, F_RECEIVED, sameSpan } from './event-scan.js';
import { DEFAULT_ATTRIBUTES, defaultNextHop, updateHexCommand, zeCanSelf, type OriginateOptions } from './originate.js';
import { parseRouteArgs } from '../../route/args.js';
import { PluginStats } from './stats.js';
import { StoredRoute, loadRoute, storeRoute } from './stored-route.js';
import { RouteTable } from './table.js';
import { skimEvent } from './event-skim.js';
import { NO_RECORD, RecordDecoder, hexAt, makeRecord, mpNextHopSpan, type ByteAt } from './route-attrs.js';
import { routesAnswer, routesCount } from './routes-cmd.js';

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
  routes:
    'routes [count] [peer <p>] [family <f>] [rt <rt>] [community <c>] [limit <n>] [after <cursor>]: the routes each peer announces, with next hop and attributes (JSON)',
  stats: 'stats: events, NLRI decoded, errors by code (JSON)',
  update: 'update <peer-selector> <family> add|del <nlri args…> [attribute args…]: originate a route with update hex (next-hop, origin, as-path, med, local-preference, community, large-community, extended-community, rt, then discard|rate-limit|redirect|redirect-ip|mark|action, esi-label, mac-mobility, router-mac, encapsulation, pmsi, color, prefix-sid, tunnel-encap)',
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

/** Bytes a..b of `buf` are the characters of `s` (ASCII only: any other byte does not match). */
function sameText(buf: Uint8Array, a: number, b: number, s: string): boolean {
  if (b - a !== s.length) return false;
  for (let k = 0; k < s.length; k++) if (buf[a + k] !== s.charCodeAt(k)) return false;
  return true;
}

/** Refusal of a decode whose JSON would not fit one line to the engine (§3.6). */
function tooLarge(family: string): string {
  return `${family}: the JSON of these NLRIs is longer than ${MAX_LINE} characters, too large for one answer line (the engine's limit is ${MAX_LINE} bytes); decode fewer NLRIs at a time`;
}

export class NlriPlugin {
  readonly plugin: ZePlugin;
  readonly table = new RouteTable<StoredRoute>();
  /** Decodes the attribute records of routes when they are shown. */
  readonly records: RecordDecoder;
  /** The last attribute record made (consecutive UPDATEs with the same attributes share it). */
  private lastRecord = NO_RECORD;
  /** Events read by the fallback of event-skim.ts (not valid JSON: Ze's attr bug). */
  private warnedSkim = false;
  /** Peers seen in state events: their `peer` object (address, name, local.address). */
  private readonly peersSeen = new Map<string, any>();
  /** The bytes of the field being decoded (reused: models are not kept, see stored-route.ts). */
  private scratch = new Uint8Array(4096);
  readonly stats = new PluginStats();
  readonly log: Logger;
  private readonly claimed = new Map<string, FamilyCodec<any>>();
  private readonly warnedKinds = new Set<string>();
  /** Scanners of deliver-batch payloads and of events given as text. */
  private readonly batchScanner = new BatchScanner();
  private readonly textScanner = new BatchScanner();
  /** The last peer and family names read from bytes (most events repeat them). */
  private lastPeer = '';
  private readonly famNames: string[] = ['', '', '', ''];
  private readonly famCodecs: Array<FamilyCodec<any> | undefined> = [undefined, undefined, undefined, undefined];
  /** Decode options by [addPath][withdraw], made once (strict is fixed for the plugin's life). */
  private readonly decodeOpts: ReadonlyArray<ReadonlyArray<{ addPath: boolean; strict: boolean; withdraw: boolean }>>;

  constructor(private readonly opts: NlriPluginOptions) {
    this.log = opts.logger ?? new Logger();
    const strict = opts.strict ?? false;
    this.records = new RecordDecoder(opts.registry, strict);
    this.decodeOpts = [false, true].map((addPath) => [false, true].map((withdraw) => ({ addPath, strict, withdraw })));
    for (const c of opts.families ?? claimable(opts.registry.list())) this.claimed.set(c.name, c);
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
    p.onEventBatchBytes((payload) => this.handleBatch(payload));
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
   * Handle a deliver-batch from its payload bytes (event-scan.ts): plain update events are read
   * without making strings or objects of them; any other event is parsed in full and goes through
   * `handleEvent`, as it always did. False when the payload is not the plain `{"events":[…]}`: the
   * runtime then parses it and hands each event to `handleEventText`.
   */
  handleBatch(payload: Buffer): boolean {
    const sc = this.batchScanner;
    if (!sc.scan(payload)) return false;
    this.apply(sc, payload);
    return true;
  }

  /** Handle one delivered event as text (trimmed): the same reading as in a batch. */
  handleEventText(t: string): void {
    // Only JSON text can be an update event (the text encoding is parsed as before).
    if (t.charCodeAt(0) === 0x7b) {
      const json = Buffer.from(JSON.stringify(t));
      if (this.textScanner.scanString(json)) return this.apply(this.textScanner, json);
    }
    this.parseEvent(t);
  }

  /** An event the scanner is not sure of: JSON.parse, then the object path. */
  private parseEvent(t: string): void {
    this.stats.fullParses++;
    let ev: unknown = t;
    if (t.startsWith('{')) {
      try {
        ev = JSON.parse(t);
      } catch {
        this.handleInvalidJson(t);
        return;
      }
    }
    this.handleEvent(ev);
  }

  /**
   * An event that is not valid JSON. Ze f09f9ac2 writes `update.attr` with a stray comma when an
   * UPDATE has extended communities (docs/ze-compat.md "The plugin under Ze f09f9ac2"): the parts the table
   * needs (message, peer, state, raw) are read all the same (event-skim.ts); an event even that
   * cannot read is logged and ignored. Public: the fuzz oracle (fuzz/plugin-oracle.ts) calls it.
   */
  handleInvalidJson(t: string): void {
    const ev = skimEvent(t);
    if (ev === undefined) {
      this.log.warn('event is not valid JSON, ignored', { event: t.slice(0, 200) });
      return;
    }
    this.stats.skimmed++;
    if (!this.warnedSkim) {
      this.warnedSkim = true;
      this.log.info('event is not valid JSON (Ze bug, see docs/ze-compat.md): routes read from raw all the same (logged once)', { event: t.slice(0, 200) });
    }
    this.handleEvent(ev);
  }

  /** Apply the scanner's records of the events in `buf`, in order. */
  private apply(sc: BatchScanner, buf: Buffer): void {
    const t = sc.tape;
    let p = 0;
    for (let k = 0; k < sc.count; k++) {
      if (t[p] === EVENT_UNSURE) {
        // The span is a valid JSON string: the event text exactly as JSON.parse of the batch gives it.
        const text = JSON.parse(buf.toString('utf8', t[p + 1]! - 1, t[p + 2]! + 1)) as string;
        p += 3;
        this.parseEvent(text.trim());
        continue;
      }
      const flags = t[p + 3]!;
      const pa = t[p + 4]!;
      const pb = t[p + 5]!;
      const ne = t[p + 6]!;
      const na = t[p + 7]!;
      const ents = p + 8;
      const aps = ents + ne * 5;
      const ra = t[aps + na * 2]!;
      const rb = t[aps + na * 2 + 1]!;
      const ua = t[aps + na * 2 + 2]!;
      const ub = t[aps + na * 2 + 3]!;
      p = aps + na * 2 + 4;
      this.stats.events++;
      if (!(flags & F_RECEIVED)) continue;
      this.stats.updates++;
      if (!(flags & F_RAW)) continue;
      const peer = pa < 0 ? 'unknown' : this.peerAt(buf, pa, pb);
      let record = NO_RECORD;
      for (let q = 0; q < ne; q++) {
        if (t[ents + q * 5] !== E_NLRI) continue;
        record = this.record(ra < 0 ? undefined : hexAt(buf, ra), ra < 0 ? 0 : (rb - ra) >>> 1, ua < 0 ? undefined : hexAt(buf, ua), ua < 0 ? 0 : (ub - ua) >>> 1);
        break;
      }
      // RFC 4271 §9.1: withdrawn routes first, then the announced ones.
      for (let kind = E_WITHDRAWN; kind <= E_NLRI; kind++) {
        for (let q = 0; q < ne; q++) {
          const o = ents + q * 5;
          if (t[o] !== kind) continue;
          const fa = t[o + 1]!;
          const fb = t[o + 2]!;
          const codec = this.codecAt(buf, fa, fb);
          if (!codec) continue;
          let addPath = false;
          for (let r = 0; r < na && !addPath; r++) addPath = sameSpan(buf, fa, fb, t[aps + 2 * r]!, t[aps + 2 * r + 1]!);
          const ha = t[o + 3]!;
          const hb = t[o + 4]!;
          const len = (hb - ha) >>> 1;
          if (len > this.scratch.length) this.scratch = new Uint8Array(Math.max(len, this.scratch.length * 2));
          // Not hex: the text path gives the exact error.
          if (!hexBytesInto(buf, ha, hb, this.scratch)) this.decodeField(peer, codec.name, buf.toString('utf8', ha, hb), addPath, kind === E_NLRI, record);
          else this.decodeBytes(peer, codec, this.scratch, len, addPath, kind === E_NLRI, record);
        }
      }
    }
  }

  /**
   * The attribute record of an UPDATE (route-attrs.ts) from `raw.attributes` and the next hop of
   * MP_REACH_NLRI in `raw.update`; the previous record when it holds the same octets.
   */
  private record(attrs: ByteAt | undefined, na: number, update: ByteAt | undefined, nu: number): string {
    const span = update ? mpNextHopSpan(update, nu) : undefined;
    const r = makeRecord(attrs ?? (() => -1), attrs ? na : 0, span ? update : undefined, span?.[0] ?? 0, span?.[1] ?? 0);
    if (r === undefined) return NO_RECORD;
    if (r === this.lastRecord) return this.lastRecord;
    return (this.lastRecord = r);
  }

  /** The peer's name from the bytes a..b (a plain JSON string), the previous one when the same. */
  private peerAt(buf: Buffer, a: number, b: number): string {
    const last = this.lastPeer;
    if (sameText(buf, a, b, last)) return last;
    return (this.lastPeer = buf.toString('utf8', a, b));
  }

  /** The claimed codec of the family named by the bytes a..b (undefined when not claimed). */
  private codecAt(buf: Buffer, a: number, b: number): FamilyCodec<any> | undefined {
    const names = this.famNames;
    for (let k = 0; k < names.length; k++) if (sameText(buf, a, b, names[k]!)) return this.famCodecs[k];
    const name = buf.toString('utf8', a, b);
    for (let k = names.length - 1; k > 0; k--) {
      names[k] = names[k - 1]!;
      this.famCodecs[k] = this.famCodecs[k - 1];
    }
    names[0] = name;
    return (this.famCodecs[0] = this.claimed.get(name));
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
    if (a && typeof a === 'object') {
      const bytesOf = (v: unknown): Uint8Array | undefined => {
        if (typeof v !== 'string' || v.length % 2 !== 0) return undefined;
        const b = Buffer.from(v, 'latin1');
        return b;
      };
      const ab = bytesOf(raw.attributes);
      const ub = bytesOf(raw.update);
      const record = this.record(ab ? hexAt(ab, 0) : undefined, ab ? ab.length >>> 1 : 0, ub ? hexAt(ub, 0) : undefined, ub ? ub.length >>> 1 : 0);
      for (const f of Object.keys(a)) this.decodeField(peer, f, a[f], ap[f] === true, true, record);
    }
  }

  private onState(b: any): void {
    this.stats.stateEvents++;
    const peer = peerKey(b.peer);
    if (b.peer && typeof b.peer === 'object') this.peersSeen.set(peer, b.peer);
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

  private decodeField(peer: string, family: string, hex: unknown, addPath: boolean, announce: boolean, record = NO_RECORD): void {
    const codec = this.claimed.get(family);
    if (!codec || typeof hex !== 'string') return;
    let bytes: Uint8Array;
    try {
      bytes = fromHex(hex.toLowerCase(), family);
    } catch (e) {
      this.decodeFailed(peer, family, e, hex.toLowerCase());
      return;
    }
    this.decodeBytes(peer, codec, bytes, bytes.length, addPath, announce, record);
  }

  /** Decode one NLRI field (`len` bytes of `bytes`) into the table. */
  private decodeBytes(peer: string, codec: FamilyCodec<any>, bytes: Uint8Array, len: number, addPath: boolean, announce: boolean, record = NO_RECORD): void {
    const family = codec.name;
    try {
      const r = new Reader(bytes, family, 0, len);
      // `withdraw` tells labeled families that a 0x800000 label field is RFC 8277 §2.4's.
      const opts = this.decodeOpts[addPath ? 1 : 0]![announce ? 0 : 1]!;
      let n = 0;
      while (r.pos < r.end) {
        const start = r.pos;
        const m: NlriBase = decodeNext(codec, r, opts);
        // The route's identity: the family's key (a withdrawal carries no labels) or the bytes.
        const route = codec.routeKey && !announce ? '' : storeRoute(bytes, start, r.pos, addPath);
        const key = codec.routeKey ? `${m.pathId ?? ''}|${codec.routeKey(m)}` : route;
        n++;
        if (announce) this.table.announce(peer, family, key, new StoredRoute(route, record));
        else this.table.withdraw(peer, family, key);
        if (this.opts.logRoutes) this.logRoute(peer, codec, m, announce, record);
      }
      if (announce) this.stats.announced += n;
      else this.stats.withdrawn += n;
      this.stats.nlri(family, n);
    } catch (e) {
      this.decodeFailed(peer, family, e, toHex(bytes, 0, len).toLowerCase());
    }
  }

  /** `--log-routes`: the route at WARN (Ze relays WARN and above), with next hop and attributes. */
  private logRoute(peer: string, codec: FamilyCodec<any>, m: NlriBase, announce: boolean, record: string): void {
    const family = codec.name;
    if (!announce) {
      this.log.warn('route withdrawn', { peer, family, nlri: toJson(codec, m) });
      return;
    }
    const v = this.records.view(record, codec.safi);
    const nh = v.nextHop === '' ? undefined : (JSON.parse(`{${v.nextHop.slice(0, -1)}}`) as Record<string, string>)['next-hop'];
    this.log.warn('route announced', {
      peer,
      family,
      nlri: toJson(codec, m),
      ...(nh !== undefined ? { 'next-hop': nh } : {}),
      ...(v.attrText !== '' ? { attr: v.attrText } : {}),
    });
  }

  /** Count a decode error; log it once per family and error code. */
  private decodeFailed(peer: string, family: string, e: unknown, lower: string): void {
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

  // ---- callbacks (§5.1, §5.2) ----

  private cbDecode(params: any): { json: string } {
    const family = String(params?.family ?? '');
    const hex = String(params?.hex ?? '');
    let json: string | undefined;
    try {
      json = decodeHexBounded(this.opts.registry, family, hex, MAX_LINE);
    } catch (e) {
      throw new AnswerError(errorText(e));
    }
    if (json === undefined) throw new AnswerError(tooLarge(family));
    return { json };
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
    const json = decodeHexBounded(this.opts.registry, family, hex, MAX_LINE, { addPath: flag === 'add-path' });
    if (json === undefined) throw new CommandError(tooLarge(family));
    return json;
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
    const strict = this.opts.strict ?? false;
    if (args[0] === 'count') return routesCount(this.table, this.records, this.claimed, args.slice(1));
    return routesAnswer(this.table, this.records, this.claimed, args, strict);
  }

  /** The NLRIs of the route table as JSON: `{"<peer>":{"<family>":[<Ze JSON of the NLRI>,…]}}`. */
  routesJson(peer?: string, family?: string): string {
    const strict = this.opts.strict ?? false;
    return this.table.toJson(
      (f, route, j) => {
        const codec = this.claimed.get(f);
        if (!codec) return false;
        writeJson(codec, loadRoute(codec, route.nlri, strict), j);
        return true;
      },
      peer,
      family,
    );
  }

  private async cmdUpdate(args: string[]): Promise<string> {
    return JSON.stringify(await this.originate(args));
  }

  /**
   * `<selector> <family> add|del <nlri args…> [attribute args…]` → update-route; resolves with
   * Ze's answer. The arguments go through the origination grammar (src/route/args.ts: the NLRI
   * by the family's codec, the attributes by name, docs/attributes/route-args.md); any error
   * names the token and nothing is sent. `--attributes <hex>` / `--next-hop` stay the defaults
   * for a route that gives no attribute / no next hop of its own.
   */
  async originate(args: string[]): Promise<Record<string, unknown>> {
    const [sel, family, action, ...rest] = args;
    if (!sel || !family || (action !== 'add' && action !== 'del')) throw new CommandError(`usage: ${this.opts.name} ${COMMANDS.update}`);
    const codec = this.claimed.get(family) ?? this.opts.registry.require(family);
    const o = this.opts.originate ?? {};
    let nlri: Uint8Array;
    let attrs: string | undefined;
    let nextHop: string | undefined;
    try {
      const spec = parseRouteArgs(codec.name, rest, { families: this.opts.registry, ...(o.addPath !== undefined ? { addPath: o.addPath } : {}) });
      nlri = fromHex(spec.nlriHex, family);
      attrs = spec.attributes.length === 2 && spec.attributesHex === DEFAULT_ATTRIBUTES.toUpperCase() && o.attributes ? o.attributes : spec.attributesHex;
      const ownNextHop = rest.some((t) => t === 'next-hop' || t === 'nexthop');
      nextHop = !ownNextHop && o.nextHop !== undefined ? o.nextHop : (spec.nextHop ?? (ownNextHop ? 'none' : defaultNextHop(codec)));
    } catch (e) {
      // A family whose own NLRI words are also attribute keywords (the example ipv4/colored's
      // `color`): the whole argument list as NLRI arguments, with the default attributes, as
      // before the grammar. Otherwise the grammar's error, naming the token.
      let hex: string;
      try {
        hex = this.opts.registry.encodeArgs(family, rest);
      } catch {
        throw e;
      }
      nlri = fromHex(hex, family);
      attrs = o.attributes;
      nextHop = o.nextHop;
    }
    if (action === 'add' && (nextHop ?? defaultNextHop(codec)) === 'self' && !zeCanSelf(codec)) nextHop = this.localAddressFor(sel, codec);
    const command = updateHexCommand(codec, action, nlri, { attributes: attrs, nextHop, ...(o.addPath !== undefined ? { addPath: o.addPath } : {}) });
    // Through dispatch-command (§6) rather than update-route: Ze f09f9ac2's update-route answers
    // `ok` with zero counts whatever happened, while the command's own answer says whether the
    // route was sent (`{"announced":1,…}`) or why not (a `warning`), docs/ze-compat.md.
    const res = await this.plugin.dispatchCommand(`peer ${sel} ${command}`);
    let data: unknown = res?.data;
    try {
      data = typeof data === 'string' && data.startsWith('{') ? JSON.parse(data) : data;
    } catch {
      // kept as text
    }
    if (res?.status !== 'done') throw new CommandError(`Ze did not send the route (${res?.status ?? 'no status'}): ${typeof data === 'string' ? data : JSON.stringify(data)}; command: ${command}`);
    return { command, ...(data && typeof data === 'object' ? (data as Record<string, unknown>) : { result: data }) };
  }

  /**
   * The address Ze uses towards the peers `sel` selects (`peer.local.address` of their state
   * events), for a family whose `self` Ze cannot resolve (zeCanSelf). One address, or an error.
   */
  private localAddressFor(sel: string, codec: FamilyCodec<any>): string {
    const locals = new Set<string>();
    for (const p of this.peersSeen.values()) {
      const l = p?.local?.address;
      if (selectorMatches(sel, p) && typeof l === 'string') locals.add(l);
    }
    if (locals.size === 1) return [...locals][0]!;
    throw new CommandError(
      `next-hop self: Ze cannot use its own address as the next hop of ${codec.name} (AFI ${codec.afi}), and ${locals.size === 0 ? 'no peer matching ' + sel + ' is known yet' : 'the peers matching ' + sel + ' use different local addresses'}; give next-hop <address>`,
    );
  }
}
