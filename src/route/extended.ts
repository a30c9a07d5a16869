/**
 * The keywords that add extended communities (RFC 4360), written with the communities group's own
 * token parser (`extendedTok`, attributes/communities/extended-args.ts):
 *
 *   rt <rt>...                 route targets (RFC 4360 §4, RFC 5668)        target:<rt>
 *   soo <x>...                 route origins (RFC 4360 §5)                  origin:<x>
 *                              (an IPv6 administrator `2001:db8::1:5`: attribute 25, RFC 5701)
 *   discard                    traffic-rate 0 (RFC 8955 §7.1)
 *   rate-limit <bytes/s>       traffic-rate-bytes (RFC 8955 §7.1)
 *   rate-limit-packets <pps>   traffic-rate-packets (RFC 8955 §7.2)
 *   traffic-rate <id> <rate>   Ze's form of traffic-rate-bytes
 *   redirect <rt>              rt-redirect (RFC 8955 §7.4); Ze's `redirect <asn> <n>` too;
 *                              `redirect <ipv6>:<n>` rt-redirect-ipv6 in attribute 25 (RFC 8956 §6.1)
 *   redirect-ip <ip>           redirect to IP (draft-ietf-idr-flowspec-redirect-ip); IPv6 in attribute 25
 *   mark <dscp>                traffic-marking (RFC 8955 §7.5); also traffic-marking <dscp>
 *   action sample|terminal|sample-terminal   traffic-action (RFC 8955 §7.3); traffic-action: no flags
 *   esi-label <label> [single-active|all-active]   RFC 7432 §7.5
 *   mac-mobility <seq> [sticky]                    RFC 7432 §7.7
 *   router-mac <mac>           RFC 9135 §8.1
 *   es-import <mac>            RFC 7432 §7.6
 *   default-gateway            RFC 7432 §7.8
 *   encapsulation vxlan|mpls|<name>|<N>            RFC 9012 §4.1 (encap too)
 *   color <N>[:<CO>]           RFC 9012 §4.3 (CO bits, RFC 9256 §8.8.1)
 */
import { argsError } from '../core/errors.js';
import { ipv6ToString, parseAddr } from '../core/ip.js';
import type { ExtendedCommunity, Ipv6ExtendedCommunity } from '../../attributes/communities/model.js';
import { extendedTok } from '../../attributes/communities/extended-args.js';
import { ipv6ExtendedsFromArgs } from '../../attributes/communities/ipv6.js';

/** Where a keyword's communities go: the EXTENDED_COMMUNITIES list or the IPv6 one. */
export interface ExtendedOut {
  readonly ext: ExtendedCommunity[];
  readonly ipv6: Ipv6ExtendedCommunity[];
}

function one(kw: string, run: readonly string[]): string {
  if (run.length === 0) argsError(`missing value for ${kw}`);
  if (run.length > 1) argsError(`unexpected token '${run[1]}' after ${kw} ${run[0]}`);
  return run[0]!;
}

/** `<ipv6>:<n>` (RFC 5701, RFC 8956 §6.1): an IPv6 administrator has two colons or more. */
function isIpv6Admin(v: string): boolean {
  return v.indexOf(':') !== v.lastIndexOf(':') || v.startsWith('[');
}

/** One community from one token of the communities grammar. */
function tok(t: string): ExtendedCommunity {
  return extendedTok([t], 0)[0];
}

/** The words as the communities grammar takes them (`rate-limit 100`): all of `run` must be used. */
function spaced(kw: string, run: readonly string[]): ExtendedCommunity {
  const all = [kw, ...run];
  const [c, n] = extendedTok(all, 0);
  if (n < all.length) argsError(`unexpected token '${all[n]}' after ${all.slice(0, n).join(' ')}`);
  return c;
}

function flagged(kw: string, run: readonly string[], flags: Readonly<Record<string, string>>): string {
  if (run.length === 0) argsError(`missing value for ${kw}`);
  if (run.length > 2) argsError(`unexpected token '${run[2]}' after ${kw} ${run[0]} ${run[1]}`);
  let s = `${kw}:${run[0]}`;
  if (run.length === 2) {
    const f = flags[run[1]!];
    if (f === undefined) argsError(`unexpected token '${run[1]}' after ${kw} ${run[0]}; valid: ${Object.keys(flags).join(', ')}`);
    s += f;
  }
  return s;
}

/** Add what keyword `kw` (canonical) with value tokens `run` says to `out`. */
export function addExtended(kw: string, run: readonly string[], out: ExtendedOut): void {
  switch (kw) {
    case 'rt':
    case 'soo':
      if (run.length === 0) argsError(`missing value for ${kw}`);
      for (const v of run) {
        const t = (kw === 'rt' ? 'target:' : 'origin:') + v;
        if (isIpv6Admin(v)) out.ipv6.push(...ipv6ExtendedsFromArgs([t]).communities);
        else out.ext.push(tok(t));
      }
      return;
    case 'redirect-ip': {
      const ip = one(kw, run);
      const a = parseAddr(ip);
      if (typeof a === 'string') argsError(`invalid redirect-ip: ${ip}: ${a}`);
      if (a.v6) out.ipv6.push({ kind: 'redirect-ip', ip: ipv6ToString(a.bytes), copy: false });
      else out.ext.push(tok('redirect-ip:' + ip));
      return;
    }
    case 'esi-label':
      out.ext.push(tok(flagged(kw, run, { 'single-active': ':single-active', 'all-active': '' })));
      return;
    case 'mac-mobility':
      out.ext.push(tok(flagged(kw, run, { sticky: ':sticky' })));
      return;
    case 'router-mac':
    case 'es-import':
    case 'encapsulation':
    case 'color':
      out.ext.push(tok(`${kw}:${one(kw, run)}`));
      return;
    case 'redirect':
      if (run.length === 1 && isIpv6Admin(run[0]!)) {
        out.ipv6.push(...ipv6ExtendedsFromArgs(['redirect:' + run[0]]).communities);
        return;
      }
      out.ext.push(spaced(kw, run));
      return;
    case 'discard':
    case 'default-gateway':
    case 'traffic-action':
    case 'rate-limit':
    case 'rate-limit-packets':
    case 'traffic-rate':
    case 'mark':
    case 'traffic-marking':
    case 'action':
      if (run.length === 0 && kw !== 'discard' && kw !== 'default-gateway' && kw !== 'traffic-action') argsError(`missing value for ${kw}`);
      out.ext.push(spaced(kw, run));
      return;
  }
  argsError(`unexpected token '${kw}'`);
}
