/**
 * The attribute keywords of the origination grammar (docs/attributes/route-args.md) and the rule
 * that finds where the NLRI tokens end. Keyword words follow Ze's `update text` (its textparse
 * keywords and aliases: `next`, `nhop`, `pref`, `path`, `s-com`, `l-com`, `x-com`, `e-com`,
 * `info`) and GoBGP's `gobgp global rib add` words (`nexthop`, `aspath`, `local-pref`, `rt`, `then`, `discard`, `rate-limit`,
 * `redirect`, `mark`, `action`, `esi-label`, `router-mac`, `encap`, `pmsi`, `color`, …).
 * RFC 4271 §4.3 (the attributes), RFC 8955 §7 (FlowSpec actions), RFC 7432 §7 (EVPN).
 */
import type { AttributeRegistry } from '../attributes/registry.js';

/** Ze's aliases → the canonical keyword. */
export const ALIASES: Readonly<Record<string, string>> = {
  next: 'next-hop',
  nhop: 'next-hop',
  nexthop: 'next-hop',
  pref: 'local-preference',
  'local-pref': 'local-preference',
  path: 'as-path',
  aspath: 'as-path',
  's-com': 'community',
  'short-community': 'community',
  'l-com': 'large-community',
  'x-com': 'extended-community',
  'e-com': 'extended-community',
  info: 'path-information',
  'tunnel-encapsulation': 'tunnel-encap',
  'pmsi-tunnel': 'pmsi',
  'bgp-prefix-sid': 'prefix-sid',
  'bgp-prefix-sid-srv6': 'prefix-sid',
  encap: 'encapsulation',
  'es-import-rt': 'es-import',
};

/**
 * Keywords that add one or more extended communities to the one EXTENDED_COMMUNITIES attribute
 * (or, for an IPv6 `redirect-ip`, to the IPv6 Address Specific one), in order.
 */
export const EXTENDED_SHORTCUTS: ReadonlySet<string> = new Set([
  'rt',
  'soo',
  'discard',
  'rate-limit',
  'rate-limit-packets',
  'traffic-rate',
  'redirect',
  'redirect-ip',
  'mark',
  'traffic-marking',
  'action',
  'traffic-action',
  'esi-label',
  'mac-mobility',
  'router-mac',
  'es-import',
  'default-gateway',
  'encapsulation',
  'color',
]);

/** Keywords of the grammar itself (not attributes). */
export const ROUTE_WORDS: ReadonlySet<string> = new Set(['next-hop', 'path-information', 'then', 'accept']);

/** Keywords naming an attribute whose codec parses the run (JSON name when it differs). */
export const CODEC_KEYWORDS: Readonly<Record<string, string>> = {
  pmsi: 'pmsi-tunnel',
  'tunnel-encap': 'tunnel-encapsulation',
};

/** Keywords that take no value. */
export const NO_VALUE: ReadonlySet<string> = new Set(['then', 'accept', 'discard', 'default-gateway', 'traffic-action', 'atomic-aggregate']);

/** Attributes never given by keyword: Ze builds MP_REACH / MP_UNREACH; NEXT_HOP is `next-hop`. */
const NOT_KEYWORDS: ReadonlySet<string> = new Set(['mp-reach-nlri', 'mp-unreach-nlri', 'next-hop']);

/**
 * Words of an attribute's own grammar that are also top-level keywords: inside that attribute's
 * run they stay its own. TUNNEL_ENCAPSULATION has `color <N>` (RFC 9012 §3.4.2 Color sub-TLV) and
 * `prefix-sid <index>` (RFC 9012 §3.7 Prefix-SID sub-TLV) items, so they belong to `tunnel-encap` once it
 * has started: give the Color extended community / Prefix-SID attribute before `tunnel-encap`.
 */
export const OWN_WORDS: Readonly<Record<string, ReadonlySet<string>>> = {
  'tunnel-encap': new Set(['color', 'prefix-sid']),
};

/**
 * NLRI words of a family group that are also attribute keywords: they never end the NLRI part.
 * Checked against every built-in family's `fromArgs` grammar (EVPN's `label`, `rd`, `mac`, `esi`,
 * FlowSpec's components, RTC's `origin-as` / `route-target` are no attribute keywords): only
 * `color` clashes, below. A family added later that uses such a word lists it here; the route
 * test runs every sample's args through the split, so a missing entry fails it.
 */
export const NLRI_WORDS: Readonly<Record<string, ReadonlySet<string>>> = {
  // RFC 9830 §2.1 SR Policy NLRI `distinguisher N color N endpoint IP`, RFC 9857 candidate paths, CAR (RFC 9871),
  // and the shipped example family ipv4/colored (`color N prefix P`): `color` is theirs, not the
  // Color extended community's (after `--` it is the attribute again).
  'sr-policy': new Set(['color']),
  'bgp-ls': new Set(['color']),
  car: new Set(['color']),
  example: new Set(['color']),
};

/** The explicit separators between the NLRI and the attributes (dropped). */
export const SEPARATORS: ReadonlySet<string> = new Set(['--', 'attributes']);

/** The canonical keyword of `tok`, or undefined when it is no keyword. */
export function keywordOf(tok: string, attributes: AttributeRegistry): string | undefined {
  const k = ALIASES[tok] ?? tok;
  if (ROUTE_WORDS.has(k) || EXTENDED_SHORTCUTS.has(k) || k in CODEC_KEYWORDS) return k;
  const c = attributes.byJsonName(k);
  if (c && c.fromArgs && !NOT_KEYWORDS.has(k)) return k;
  return undefined;
}

/** Every keyword, for error messages. */
export function keywordList(attributes: AttributeRegistry): string[] {
  const out = new Set<string>(['next-hop (next)', 'path-information (info)']);
  for (const c of attributes.list()) {
    if (!c.fromArgs || NOT_KEYWORDS.has(c.name) || c.name === 'pmsi-tunnel' || c.name === 'tunnel-encapsulation') continue;
    const alias = Object.keys(ALIASES).find((a) => ALIASES[a] === c.name && a.length < c.name.length);
    out.add(alias ? `${c.name} (${alias})` : c.name);
  }
  for (const k of Object.keys(CODEC_KEYWORDS)) out.add(k);
  for (const k of EXTENDED_SHORTCUTS) out.add(k);
  out.add('then');
  out.add('accept');
  return [...out];
}

/** Net bracket depth change of a token: `[`, `(`, `{` open, `]`, `)`, `}` close. */
export function depthDelta(tok: string): number {
  let d = 0;
  for (let i = 0; i < tok.length; i++) {
    const c = tok.charCodeAt(i);
    if (c === 0x5b || c === 0x28 || c === 0x7b) d++;
    else if (c === 0x5d || c === 0x29 || c === 0x7d) d--;
  }
  return d;
}
