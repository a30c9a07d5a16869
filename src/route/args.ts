/**
 * The origination argument grammar (docs/attributes/route-args.md): one route as tokens,
 *
 *   <nlri args…> [--|attributes] [<attribute keyword> <value…>]…
 *
 * The NLRI part is the family codec's `fromArgs` grammar; the attribute part is Ze's `update text`
 * words (RFC 4271 §4.3 / §5.1 attributes, RFC 1997, RFC 4360, RFC 8092 communities) with GoBGP's
 * shortcuts for extended communities (RFC 8955 §7 FlowSpec actions, RFC 7432 §7 EVPN, RFC 9012
 * §4 encapsulation / color), PMSI_TUNNEL (RFC 6514 §5), Prefix-SID (RFC 8669, RFC 9252) and
 * TUNNEL_ENCAPSULATION (RFC 9012, RFC 9830). The result carries the NLRI hex and the path
 * attributes hex of Ze's `update hex attr set <attrs> nhop set <nh>|self nlri <family> add <nlri>`
 * (ze-plugin-protocol.md §6.1): no MP_REACH / MP_UNREACH / NEXT_HOP, Ze builds those.
 */
import { NlriError, argsError } from '../core/errors.js';
import { toHex } from '../core/hex.js';
import { ipToString, parseAddr } from '../core/ip.js';
import type { FamilyCodec, NlriBase } from '../registry/family.js';
import type { Registry } from '../registry/registry.js';
import { encode } from '../registry/ops.js';
import type { AttributeRegistry } from '../attributes/registry.js';
import type { AttrContext, AttributeCodec } from '../attributes/attribute.js';
import type { PathAttribute } from '../update/model.js';
import { createSession, defaultAttributes, defaultRegistry, type Session } from '../index.js';
import type { ExtendedCommunity, Ipv6ExtendedCommunity } from '../../attributes/communities/model.js';
import { CODEC_KEYWORDS, EXTENDED_SHORTCUTS, NLRI_WORDS, NO_VALUE, OWN_WORDS, ROUTE_WORDS, SEPARATORS, depthDelta, keywordList, keywordOf } from './keywords.js';
import { addExtended } from './extended.js';
import { encodeAttributes, type BuiltValue } from './encode.js';

export interface RouteSpec {
  /** The Ze family name. */
  family: string;
  codec: FamilyCodec<any>;
  nlri: NlriBase;
  /** UPPER-case hex of the NLRI, its 4-octet path id first with ADD-PATH (RFC 7911 §3). */
  nlriHex: string;
  /** `self`, an address (canonical text), or undefined (no next hop: FlowSpec, RFC 8955 §4). */
  nextHop: 'self' | string | undefined;
  /** UPPER-case hex of the path attributes, headers included, in type-code order. */
  attributesHex: string;
  attributes: PathAttribute[];
}

export interface RouteArgsOptions {
  /** Write the path id in front of the NLRI (RFC 7911); default: the session's ADD-PATH for the family. */
  addPath?: boolean;
  /**
   * The next hop when none is given: true `self`, false none. Default: `self`, except for FlowSpec
   * (SAFI 133/134), which has none (RFC 8955 §4).
   */
  nextHopSelf?: boolean;
  families?: Registry;
  attributes?: AttributeRegistry;
  /** The session the attributes are encoded for (4-octet AS, ADD-PATH); default: a default session. */
  session?: Session;
}

const LIST_ATTRIBUTES: ReadonlySet<string> = new Set(['community', 'large-community', 'extended-community', 'ipv6-extended-community']);
/** Attributes of one value token: a second token is named as unexpected (as Ze does). */
const SINGLE: ReadonlySet<string> = new Set(['origin', 'med', 'local-preference', 'originator-id', 'otc']);
/** Attributes whose codec wants the run without one outer pair of brackets. */
const UNBRACKET: ReadonlySet<string> = new Set(['pmsi-tunnel', 'tunnel-encapsulation', 'prefix-sid']);

function isFlowSpec(c: FamilyCodec<any>): boolean {
  return c.safi === 133 || c.safi === 134;
}

/** Turn any error of a parser into `invalid-args` for `family` (and `attribute`), naming `kw`. */
function rethrow(e: unknown, family: string, kw: string, attribute = ''): never {
  if (e instanceof NlriError) {
    const msg = kw === '' || e.message.includes(kw) ? e.message : `${kw}: ${e.message}`;
    throw new NlriError('invalid-args', msg, family, -1, attribute || e.attribute);
  }
  const msg = e instanceof Error ? e.message : String(e);
  throw new NlriError('invalid-args', kw ? `${kw}: ${msg}` : msg, family, -1, attribute);
}

/** Where the NLRI tokens end and the attributes begin (the separator, if any, is skipped). */
export function splitRouteArgs(codec: FamilyCodec<any>, tokens: readonly string[], attributes: AttributeRegistry): { nlri: string[]; attrs: string[] } {
  // An explicit separator wins over keywords: a family whose own NLRI words are attribute
  // keywords too (the example ipv4/colored's `color`) is written `<nlri…> -- <attributes…>`.
  const sep = tokens.findIndex((t) => SEPARATORS.has(t));
  if (sep >= 0) return { nlri: tokens.slice(0, sep), attrs: tokens.slice(sep + 1) };
  const own = NLRI_WORDS[codec.group];
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    if (own?.has(t)) continue;
    if (keywordOf(t, attributes) !== undefined) return { nlri: tokens.slice(0, i), attrs: tokens.slice(i) };
  }
  return { nlri: [...tokens], attrs: [] };
}

function unbracket(run: readonly string[]): readonly string[] {
  if (run.length >= 2 && run[0] === '[' && run[run.length - 1] === ']') return run.slice(1, -1);
  return run;
}

function nextHopArg(run: readonly string[]): string | null {
  if (run.length === 0) argsError('next-hop requires a value (address or self)');
  if (run.length > 1) argsError(`unexpected token '${run[1]}' after next-hop ${run[0]}`);
  const v = run[0]!;
  if (v === 'self') return 'self';
  if (v === 'none' || v === 'no-nexthop') return null;
  const a = parseAddr(v);
  if (typeof a === 'string') argsError(`invalid next-hop: ${v} (address or self)`);
  return ipToString(a.v6, a.bytes);
}

function pathIdArg(run: readonly string[]): number {
  if (run.length !== 1) argsError(run.length === 0 ? 'missing value for path-information' : `unexpected token '${run[1]}' after path-information ${run[0]}`);
  const v = run[0]!;
  if (/^[0-9]+$/.test(v) && Number(v) <= 0xffffffff) return Number(v);
  const a = parseAddr(v);
  if (typeof a !== 'string' && !a.v6) return ((a.bytes[0]! << 24) >>> 0) + ((a.bytes[1]! << 16) | (a.bytes[2]! << 8) | a.bytes[3]!);
  return argsError(`invalid path-information "${v}": expected integer or IPv4 address`);
}

let defaultCtx: AttrContext | undefined;

/** The context of a default session over these registries (made once for the default ones). */
function contextFor(families: Registry, attributes: AttributeRegistry): AttrContext {
  if (families !== defaultRegistry || attributes !== defaultAttributes) return createSession({ families, attributes }).ctx;
  return (defaultCtx ??= createSession().ctx);
}

/** Parse one route: NLRI args, then attribute args. Errors: `NlriError('invalid-args')`. */
export function parseRouteArgs(family: string, tokens: readonly string[], opts: RouteArgsOptions = {}): RouteSpec {
  const session = opts.session;
  const families = opts.families ?? session?.ctx.families ?? defaultRegistry;
  const attributes = opts.attributes ?? session?.attributes ?? defaultAttributes;
  const ctx = session?.ctx ?? contextFor(families, attributes);
  const codec = families.require(family);
  if (!Array.isArray(tokens) || tokens.some((t) => typeof t !== 'string')) argsError('tokens must be an array of strings', family);

  const split = splitRouteArgs(codec, tokens, attributes);
  let nlriArgs = split.nlri;
  if (isFlowSpec(codec) && nlriArgs[0] === 'match') nlriArgs = nlriArgs.slice(1); // GoBGP's `match … then …`
  if (nlriArgs.length === 0) argsError(`missing ${family} NLRI arguments before ${tokens[0] === undefined ? 'the end' : `'${tokens[0]}'`}`, family);
  let nlri: NlriBase;
  try {
    nlri = codec.fromArgs(nlriArgs);
  } catch (e) {
    rethrow(e, family, '');
  }

  // The attribute part: keyword, then its value tokens up to the next keyword outside brackets.
  const a = split.attrs;
  const values: BuiltValue[] = [];
  const seen = new Set<string>();
  const ext: ExtendedCommunity[] = [];
  const ipv6: Ipv6ExtendedCommunity[] = [];
  const lists = new Map<string, unknown[]>();
  let nextHop: string | null | undefined;
  let pathId: number | undefined;
  for (let i = 0; i < a.length; ) {
    const word = a[i]!;
    const kw = keywordOf(word, attributes);
    if (kw === undefined) argsError(`unexpected token '${word}'; valid: ${keywordList(attributes).join(', ')}`, family);
    const own = OWN_WORDS[kw];
    let j = i + 1;
    let depth = 0;
    // A run that opens with `[` ends where that bracket closes (`tunnel-encap [ … ] color 5`).
    // The first token after a keyword that takes a value is always its value, keyword or not
    // (`extended-community discard`, and `med rt` names `rt` as the bad value).
    const bracketed = a[j]?.startsWith('[') === true;
    const absorb = !NO_VALUE.has(kw);
    while (j < a.length) {
      const t = a[j]!;
      if (!(absorb && j === i + 1) && depth <= 0 && !own?.has(t) && keywordOf(t, attributes) !== undefined) break;
      depth += depthDelta(t);
      j++;
      if (bracketed && depth <= 0) break;
    }
    const run = a.slice(i + 1, j);
    i = j;
    try {
      if (NO_VALUE.has(kw)) {
        if (run.length > 0) argsError(`unexpected token '${run[0]}' after ${word}`);
      } else if (run.length === 0 && kw !== 'next-hop') argsError(`missing value for ${word}`);
      if (kw === 'then' || kw === 'accept') continue;
      if (kw === 'next-hop') {
        if (nextHop !== undefined) argsError('next-hop given twice');
        nextHop = nextHopArg(run);
        continue;
      }
      if (kw === 'path-information') {
        if (pathId !== undefined) argsError('path-information given twice');
        pathId = pathIdArg(run);
        continue;
      }
      if (EXTENDED_SHORTCUTS.has(kw)) {
        addExtended(kw, run, { ext, ipv6 });
        continue;
      }
      const name = CODEC_KEYWORDS[kw] ?? kw;
      const c = attributes.byJsonName(name) as AttributeCodec<any>;
      if (c.code === 16 || c.code === 25) {
        const m = c.fromArgs!(run) as { communities: readonly never[] };
        (c.code === 16 ? ext : ipv6).push(...m.communities);
        continue;
      }
      if (LIST_ATTRIBUTES.has(name)) {
        const m = c.fromArgs!(run) as { communities: readonly unknown[] };
        const l = lists.get(name);
        if (l) l.push(...m.communities);
        else lists.set(name, [...m.communities]);
        continue;
      }
      if (SINGLE.has(name) && run.length > 1 && c.fromArgs!([run[0]!]) !== undefined) argsError(`unexpected token '${run[1]}' after ${word} ${run[0]}`);
      if (seen.has(name)) argsError(`${word} given twice`);
      seen.add(name);
      const value = c.fromArgs!(kw === 'prefix-sid' ? [word, ...unbracket(run)] : UNBRACKET.has(name) ? unbracket(run) : run);
      values.push({ codec: c, value });
    } catch (e) {
      rethrow(e, family, word, attributeName(kw, attributes));
    }
  }

  for (const [name, l] of lists) values.push({ codec: attributes.byJsonName(name)!, value: { communities: l } });
  const extCodec = attributes.get(16);
  if (ext.length > 0) {
    if (!extCodec) argsError('no extended-community codec registered', family);
    values.push({ codec: extCodec, value: { communities: ext } });
  }
  const v6Codec = attributes.get(25);
  if (ipv6.length > 0) {
    if (!v6Codec) argsError('no ipv6-extended-community codec registered', family);
    values.push({ codec: v6Codec, value: { communities: ipv6 } });
  }
  // ORIGIN IGP and an empty AS_PATH unless given (RFC 4271 §5.1.1-5.1.2, well-known mandatory).
  if (!seen.has('origin')) values.push({ codec: attributes.get(1)!, value: { value: 0 } });
  if (!seen.has('as-path')) values.push({ codec: attributes.get(2)!, value: { segments: [] } });

  if (pathId !== undefined) {
    if (nlri.pathId !== undefined && nlri.pathId !== pathId) argsError(`path-information ${pathId} and path-id ${nlri.pathId} disagree`, family);
    nlri.pathId = pathId;
  }
  const addPath = opts.addPath ?? ctx.addPath(family);
  let nlriHex: string;
  try {
    nlriHex = toHex(encode(codec, nlri, { addPath }));
  } catch (e) {
    rethrow(e, family, '');
  }
  const { list, hex } = encodeAttributes(values, ctx, family);
  const dflt = opts.nextHopSelf ?? !isFlowSpec(codec);
  const nh = nextHop === undefined ? (dflt ? 'self' : undefined) : nextHop === null ? undefined : nextHop;
  return { family, codec, nlri, nlriHex, nextHop: nh, attributesHex: hex, attributes: list };
}

function attributeName(kw: string, attributes: AttributeRegistry): string {
  if (ROUTE_WORDS.has(kw)) return '';
  if (EXTENDED_SHORTCUTS.has(kw)) return 'extended-community';
  const name = CODEC_KEYWORDS[kw] ?? kw;
  return attributes.byJsonName(name) ? name : '';
}
