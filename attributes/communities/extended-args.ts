/**
 * Extended communities (RFC 4360 and the sub-types of extended-wire.ts) as argument tokens,
 * the tokens after `extended-community` in Ze's `update text`, with Ze's, GoBGP's and ExaBGP's
 * words:
 *
 *   target:65000:100  target:1.2.3.4:5  target:4200000000:5  target:65000L:5   (rt: too)
 *   origin:65000:100  origin:1.2.3.4:5  origin:65000:1.2.3.4                   (soo: too)
 *   target4:ASN:N origin4:ASN:N         4-octet AS form (RFC 5668) whatever the ASN
 *   rate-limit:1000  rate-limit:ID:1000  rate-limit-packets:100  discard       (RFC 8955 §7.1-7.2)
 *   traffic-rate <id> <rate>            Ze's function form;  rate-limit <rate>  GoBGP's / ExaBGP's
 *   action:sample|terminal|sample-terminal   action <flags>   traffic-action   (RFC 8955 §7.3)
 *   redirect:65000:1  redirect:1.2.3.4:1  redirect:4200000000:1  redirect <asn> <n> (Ze)
 *   redirect <rt> (GoBGP, ExaBGP: redirect 65000:1, redirect 1.2.3.4:1)                  (§7.4)
 *   mark:10  mark <dscp>  traffic-marking <dscp>                                (§7.5)
 *   redirect-ip:1.2.3.4  copy-ip:1.2.3.4  redirect-to-nexthop <ip>   (draft-ietf-idr-flowspec-redirect-ip)
 *   redirect-to-nexthop-draft  copy-to-nexthop                      (draft-simpson-idr-flowspec-redirect)
 *   mac-mobility:SEQ[:sticky]  esi-label:LABEL[:single-active]  es-import:MAC  router-mac:MAC
 *   l2-attributes:MTU[:CFPB]  default-gateway  encapsulation:vxlan|mpls|N  color:N[:CO]
 *   mup:G:L  link-bandwidth:ASN:BYTES_PER_S  l2info:ENCAPS:CONTROL:MTU:PREF
 *   0x0601:000000000064  0x0601000000000064   any 8 octets (Ze's generic text or Ze's config hex)
 *
 * Lists may be bracketed (`[ a b ]`, `[a,b]`). `toArgs` writes one canonical token per community
 * and falls back to the generic hex token whenever the canonical one would not give the same octets.
 */
import { argsError, NlriError } from '../../src/core/errors.js';
import { fromHex, toHex } from '../../src/core/hex.js';
import { parseAddr } from '../../src/core/ip.js';
import { macFromString } from '../../src/core/bgp.js';
import { TUNNEL_TYPES, type AdminValue, type ExtendedCommunities, type ExtendedCommunity } from './model.js';
import { decodeExtended, encodeExtended, extendedBytes } from './extended-wire.js';
import { float32Text } from './extended-json.js';

/**
 * Split tokens on white space and commas, a `[` opening or `]` closing a token as a token of its
 * own (`origin:[2001:db8::1]:1` keeps its brackets); drop one outer pair.
 */
export function listTokens(args: readonly string[], what: string): string[] {
  const out: string[] = [];
  for (const a of args) {
    for (let t of a.split(/[\s,]+/)) {
      let close = 0;
      while (t.startsWith('[')) {
        out.push('[');
        t = t.slice(1);
      }
      while (t.endsWith(']') && !/\[[^\]]*\]$/.test(t)) {
        close++;
        t = t.slice(0, -1);
      }
      if (t) out.push(t);
      for (; close > 0; close--) out.push(']');
    }
  }
  if (out[0] === '[') {
    if (out[out.length - 1] !== ']') argsError(`${what}: missing ]`);
    out.shift();
    out.pop();
  }
  if (out.includes('[') || out.includes(']')) argsError(`${what}: brackets must enclose the whole list`);
  if (out.length === 0) argsError(`${what}: missing value`);
  return out;
}

/** Go's `strconv.ParseUint(s, 10, bits)` or an args error naming `what` and the token. */
export function uintTok(s: string, bits: number, what: string, tok: string): number {
  if (!/^[0-9]+$/.test(s)) argsError(`invalid ${what} in ${tok}: ${JSON.stringify(s)}`);
  const v = Number(s);
  if (!Number.isSafeInteger(v) || v > 2 ** bits - 1) argsError(`invalid ${what} in ${tok}: ${s} is out of range (max ${2 ** bits - 1})`);
  return v;
}

/** A non-negative decimal rate that fits an IEEE single. */
export function rateTok(s: string, tok: string): number {
  if (!/^[+]?([0-9]+\.?[0-9]*|\.[0-9]+)([eE][+-]?[0-9]+)?$/.test(s)) argsError(`invalid rate in ${tok}: ${JSON.stringify(s)}`);
  const v = Number(s);
  if (!Number.isFinite(Math.fround(v))) argsError(`invalid rate in ${tok}: ${s} does not fit a 32-bit float`);
  return v;
}

export function ipv4Tok(s: string, tok: string): string {
  const a = parseAddr(s);
  if (typeof a === 'string' || a.v6) argsError(`invalid IPv4 address in ${tok}: ${typeof a === 'string' ? a : s}`);
  return s;
}

function dotted(s: string): number | undefined {
  const a = parseAddr(s);
  if (typeof a === 'string' || a.v6) return undefined;
  const b = a.bytes;
  return b[0]! * 0x1000000 + ((b[1]! << 16) | (b[2]! << 8) | b[3]!);
}

/** `ASN:N` / `IP:N` / `ASNL:N` as an administrator form (RFC 4360 §3.1-3.2, RFC 5668 §2). */
function adminTok(a: string, n: string, tok: string, force4 = false): AdminValue {
  if (a.includes('.')) return { form: 'ipv4', ip: ipv4Tok(a, tok), local: uintTok(n, 16, 'number', tok) };
  let s = a;
  if (s.endsWith('L') || s.endsWith('l')) {
    s = s.slice(0, -1);
    force4 = true;
  }
  const asn = uintTok(s, 32, 'ASN', tok);
  if (!force4 && asn <= 0xffff) {
    const d = n.includes('.') ? dotted(n) : undefined;
    return { form: 'as2', asn, local: d ?? uintTok(n, 32, 'number', tok) };
  }
  return { form: 'as4', asn, local: uintTok(n, 16, 'number', tok) };
}

function hexTok(tok: string): ExtendedCommunity {
  const m = /^0[xX]([0-9a-fA-F]{4}):?([0-9a-fA-F]{12})$/.exec(tok);
  if (!m) argsError(`invalid extended-community ${tok}: hex form is 0xTTSS:<12 hex digits> or 0x<16 hex digits>`);
  return decodeExtended(fromHex(m[1]! + m[2]!), 0);
}

function actionTok(s: string, tok: string): ExtendedCommunity {
  const f = s.toLowerCase();
  const ok = /^(sample|terminal|sample-terminal|terminal-sample|none)$/.test(f);
  if (!ok) argsError(`invalid traffic action in ${tok}: expected sample, terminal or sample-terminal`);
  return { kind: 'traffic-action', sample: f.includes('sample'), terminal: f.includes('terminal') };
}

function markTok(s: string, tok: string): ExtendedCommunity {
  return { kind: 'traffic-marking', dscp: uintTok(s, 6, 'DSCP', tok) };
}

function macTok(s: string, tok: string): string {
  const m = macFromString(s);
  if (!m) argsError(`invalid MAC address in ${tok}: ${s}`);
  return s.toLowerCase().replace(/-/g, ':');
}

function need(args: readonly string[], i: number, n: number, usage: string): void {
  if (i + n >= args.length) argsError(`${usage}: missing value`);
}

/** Parse the community at `args[i]`; returns it and how many tokens it used. */
export function extendedTok(args: readonly string[], i: number): [ExtendedCommunity, number] {
  const tok = args[i]!;
  if (/^0[xX]/.test(tok)) return [hexTok(tok), 1];
  const colon = tok.indexOf(':');
  const kw = (colon < 0 ? tok : tok.slice(0, colon)).toLowerCase();
  const rest = colon < 0 ? '' : tok.slice(colon + 1);
  const parts = colon < 0 ? [] : rest.split(':');
  const two = (what: string): [string, string] => {
    if (parts.length !== 2) argsError(`invalid extended-community ${tok}: expected ${kw}:${what}`);
    return [parts[0]!, parts[1]!];
  };
  switch (kw) {
    case 'target': case 'rt': case 'origin': case 'soo': case 'target4': case 'origin4': {
      const [a, n] = two('ADMIN:NUMBER');
      const kind = kw === 'target' || kw === 'rt' || kw === 'target4' ? 'route-target' : 'route-origin';
      return [{ kind, transitive: true, ...adminTok(a, n, tok, kw.endsWith('4')) }, 1];
    }
    case 'redirect':
      if (colon < 0) {
        need(args, i, 1, 'redirect <asn> <target>');
        const next = args[i + 1]!;
        if (next.includes(':')) {
          // GoBGP's `redirect <rt>`
          const k = next.lastIndexOf(':');
          return [{ kind: 'redirect', ...adminTok(next.slice(0, k), next.slice(k + 1), `redirect ${next}`) }, 2];
        }
        need(args, i, 2, 'redirect <asn> <target>');
        return [{ kind: 'redirect', ...adminTok(args[i + 1]!, args[i + 2]!, `redirect ${args[i + 1]} ${args[i + 2]}`) }, 3];
      }
      return [{ kind: 'redirect', ...adminTok(...two('ADMIN:NUMBER'), tok) }, 1];
    case 'rate-limit': case 'rate-limit-packets': {
      const kind = kw === 'rate-limit' ? 'traffic-rate-bytes' : 'traffic-rate-packets';
      if (colon < 0) {
        // GoBGP's and ExaBGP's `rate-limit <rate>`
        need(args, i, 1, `${kw} <rate>`);
        return [{ kind, id: 0, rate: rateTok(args[i + 1]!, `${kw} ${args[i + 1]}`) }, 2];
      }
      if (parts.length === 1) return [{ kind, id: 0, rate: rateTok(parts[0]!, tok) }, 1];
      const [id, rate] = two('[ID:]RATE');
      return [{ kind, id: uintTok(id, 16, 'id', tok), rate: rateTok(rate, tok) }, 1];
    }
    case 'traffic-rate':
      need(args, i, 2, 'traffic-rate <asn> <rate>');
      return [{ kind: 'traffic-rate-bytes', id: uintTok(args[i + 1]!, 16, 'ASN', tok), rate: rateTok(args[i + 2]!, tok) }, 3];
    case 'discard':
      return [{ kind: 'traffic-rate-bytes', id: 0, rate: 0 }, 1];
    case 'action':
      if (colon >= 0) return [actionTok(rest, tok), 1];
      need(args, i, 1, 'action <sample|terminal|sample-terminal>');
      return [actionTok(args[i + 1]!, `action ${args[i + 1]}`), 2];
    case 'traffic-action':
      return [colon < 0 ? { kind: 'traffic-action', sample: false, terminal: false } : actionTok(rest, tok), 1];
    case 'mark':
      if (colon >= 0) return [markTok(rest, tok), 1];
      need(args, i, 1, 'mark <dscp>');
      return [markTok(args[i + 1]!, `mark ${args[i + 1]}`), 2];
    case 'traffic-marking':
      need(args, i, 1, 'traffic-marking <dscp>');
      return [markTok(args[i + 1]!, `traffic-marking ${args[i + 1]}`), 2];
    case 'redirect-ip': case 'copy-ip':
      return [{ kind: 'redirect-ip', ip: ipv4Tok(rest, tok), copy: kw === 'copy-ip' }, 1];
    case 'redirect-to-nexthop':
      need(args, i, 1, 'redirect-to-nexthop <ip>');
      return [{ kind: 'redirect-ip', ip: ipv4Tok(args[i + 1]!, tok), copy: false }, 2];
    case 'redirect-to-nexthop-draft': case 'redirect-next-hop':
      return [{ kind: 'redirect-next-hop', copy: false }, 1];
    case 'copy-to-nexthop': case 'copy-next-hop':
      return [{ kind: 'redirect-next-hop', copy: true }, 1];
    case 'mac-mobility': {
      if (parts.length < 1 || parts.length > 2 || (parts.length === 2 && parts[1]!.toLowerCase() !== 'sticky')) {
        argsError(`invalid extended-community ${tok}: expected mac-mobility:SEQUENCE[:sticky]`);
      }
      return [{ kind: 'mac-mobility', sequence: uintTok(parts[0]!, 32, 'sequence', tok), sticky: parts.length === 2 }, 1];
    }
    case 'esi-label': {
      if (parts.length < 1 || parts.length > 2 || (parts.length === 2 && parts[1]!.toLowerCase() !== 'single-active')) {
        argsError(`invalid extended-community ${tok}: expected esi-label:LABEL[:single-active]`);
      }
      return [{ kind: 'esi-label', label: uintTok(parts[0]!, 20, 'label', tok), singleActive: parts.length === 2 }, 1];
    }
    case 'es-import': case 'es-import-rt':
      return [{ kind: 'es-import-rt', mac: macTok(rest, tok) }, 1];
    case 'router-mac':
      return [{ kind: 'router-mac', mac: macTok(rest, tok) }, 1];
    case 'l2-attributes': {
      if (parts.length < 1 || parts.length > 2) argsError(`invalid extended-community ${tok}: expected l2-attributes:MTU[:FLAGS]`);
      const f = (parts[1] ?? '').toUpperCase();
      if (!/^[CFPB]*$/.test(f)) argsError(`invalid extended-community ${tok}: flags are letters among C F P B`);
      return [{ kind: 'l2-attributes', mtu: uintTok(parts[0]!, 16, 'MTU', tok), controlWord: f.includes('C'), flowLabel: f.includes('F'), primary: f.includes('P'), backup: f.includes('B') }, 1];
    }
    case 'default-gateway':
      return [{ kind: 'default-gateway' }, 1];
    case 'encapsulation': case 'encap':
      return [{ kind: 'encapsulation', tunnelType: tunnelTok(rest, tok) }, 1];
    case 'color': {
      if (parts.length < 1 || parts.length > 2) argsError(`invalid extended-community ${tok}: expected color:COLOR[:CO]`);
      return [{ kind: 'color', color: uintTok(parts[0]!, 32, 'color', tok), colorOnly: parts.length === 2 ? uintTok(parts[1]!, 2, 'CO bits', tok) : 0 }, 1];
    }
    case 'mup': {
      const [g, l] = two('G:L');
      return [{ kind: 'mup-segment-id', global: uintTok(g, 16, 'segment id', tok), local: uintTok(l, 32, 'segment id', tok) }, 1];
    }
    case 'link-bandwidth': {
      const [a, bw] = two('ASN:BYTES_PER_SECOND');
      return [{ kind: 'link-bandwidth', asn: uintTok(a, 16, 'ASN', tok), bandwidth: rateTok(bw, tok) }, 1];
    }
    case 'l2info': {
      if (parts.length !== 4) argsError(`invalid extended-community ${tok}: expected l2info:ENCAPS:CONTROL:MTU:PREFERENCE`);
      return [{ kind: 'l2-info', encaps: uintTok(parts[0]!, 8, 'encaps', tok), control: uintTok(parts[1]!, 8, 'control', tok), mtu: uintTok(parts[2]!, 16, 'MTU', tok), preference: uintTok(parts[3]!, 16, 'preference', tok) }, 1];
    }
  }
  return argsError(`unknown extended-community ${tok}`);
}

/** A tunnel type by name (TUNNEL_TYPES) or number. */
export function tunnelTok(s: string, tok: string): number {
  const l = s.toLowerCase();
  for (const [n, name] of TUNNEL_TYPES) if (name === l) return n;
  return uintTok(s, 16, 'tunnel type', tok);
}

export function extendedFromArgs(args: readonly string[]): ExtendedCommunities {
  const t = listTokens(args, 'extended-community');
  const out: ExtendedCommunity[] = [];
  for (let i = 0; i < t.length; ) {
    const [c, n] = extendedTok(t, i);
    out.push(c);
    i += n;
  }
  return { communities: out };
}

function adminText(a: AdminValue): string {
  switch (a.form) {
    case 'as2': return a.asn + ':' + a.local;
    case 'ipv4': return a.ip + ':' + a.local;
    case 'as4': return (a.asn > 0xffff ? String(a.asn) : a.asn + 'L') + ':' + a.local;
  }
}

function canonical(c: ExtendedCommunity): string {
  switch (c.kind) {
    case 'route-target': return 'target:' + adminText(c);
    case 'route-origin': return 'origin:' + adminText(c);
    case 'redirect': return 'redirect:' + adminText(c);
    case 'traffic-rate-bytes':
    case 'traffic-rate-packets': {
      const kw = c.kind === 'traffic-rate-bytes' ? 'rate-limit:' : 'rate-limit-packets:';
      return kw + (c.id ? c.id + ':' : '') + float32Text(Math.fround(c.rate));
    }
    case 'traffic-action':
      return c.sample || c.terminal ? 'action:' + (c.sample ? (c.terminal ? 'sample-terminal' : 'sample') : 'terminal') : 'traffic-action';
    case 'traffic-marking': return 'mark:' + c.dscp;
    case 'redirect-ip': return (c.copy ? 'copy-ip:' : 'redirect-ip:') + c.ip;
    case 'redirect-next-hop': return c.copy ? 'copy-to-nexthop' : 'redirect-to-nexthop-draft';
    case 'mac-mobility': return 'mac-mobility:' + c.sequence + (c.sticky ? ':sticky' : '');
    case 'esi-label': return 'esi-label:' + c.label + (c.singleActive ? ':single-active' : '');
    case 'es-import-rt': return 'es-import:' + c.mac;
    case 'router-mac': return 'router-mac:' + c.mac;
    case 'l2-attributes': {
      const f = (c.controlWord ? 'C' : '') + (c.flowLabel ? 'F' : '') + (c.primary ? 'P' : '') + (c.backup ? 'B' : '');
      return 'l2-attributes:' + c.mtu + (f ? ':' + f : '');
    }
    case 'default-gateway': return 'default-gateway';
    case 'encapsulation': return 'encapsulation:' + (TUNNEL_TYPES.get(c.tunnelType) ?? String(c.tunnelType));
    case 'color': return 'color:' + c.color + (c.colorOnly ? ':' + c.colorOnly : '');
    case 'mup-segment-id': return 'mup:' + c.global + ':' + c.local;
    case 'link-bandwidth': return 'link-bandwidth:' + c.asn + ':' + float32Text(Math.fround(c.bandwidth));
    case 'l2-info': return `l2info:${c.encaps}:${c.control}:${c.mtu}:${c.preference}`;
    case 'raw': return '';
  }
}

function same(a: Uint8Array, b: Uint8Array): boolean {
  for (let i = 0; i < 8; i++) if (a[i] !== b[i]) return false;
  return true;
}

/** One token for `c`: the canonical word form, or the generic hex when that would not give the same octets. */
export function extendedToken(c: ExtendedCommunity): string {
  const bytes = extendedBytes(c);
  const tok = canonical(c);
  if (tok) {
    try {
      const [back, n] = extendedTok([tok], 0);
      if (n === 1) {
        const b2 = new Uint8Array(8);
        encodeExtended(back, b2, 0);
        if (same(bytes, b2)) return tok;
      }
    } catch (e) {
      if (!(e instanceof NlriError)) throw e;
    }
  }
  return '0x' + toHex(bytes, 0, 2).toLowerCase() + ':' + toHex(bytes, 2, 8).toLowerCase();
}

export function extendedToArgs(m: ExtendedCommunities): string[] {
  return m.communities.map(extendedToken);
}
