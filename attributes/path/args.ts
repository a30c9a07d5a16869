/**
 * Argument tokens (the ones after the attribute's keyword, as in Ze's `update text`) <-> models.
 *
 *   origin igp|egp|incomplete|?        (Ze; any case)   origin 3..255 (ze-nlri: undefined values)
 *   as-path [ 65001 65002 ]            (Ze: also [65001,65002], [65001 65002], 65001, 65001 65002)
 *   as-path [ 65001 { 65002 65003 } ( 65010 ) ( { 65011 65012 } ) ]
 *                                       ze-nlri: { } an AS_SET, ( ) a confederation (RFC 5065):
 *                                       numbers in ( ) an AS_CONFED_SEQUENCE, { } in ( ) an AS_CONFED_SET
 *   med 100   local-preference 200      (unsigned 32 bits)
 *   atomic-aggregate                    (no tokens)
 *   aggregator 65000:192.0.2.1          (also as4-aggregator)
 *   originator-id 192.0.2.1
 *   cluster-list [ 192.0.2.1 192.0.2.2 ] (also a single address, or a,b)
 *   as4-path ...                        (as as-path)
 *   aigp 100                            (the AIGP TLV, RFC 7311 §3.1; the metric is 64 bits)
 *   aigp 100 tlv 5 0102                 (ze-nlri: a TLV of another type, its value in hex, in order)
 *   otc 65000
 * RFC 4271 §4.3, RFC 5065 §3, RFC 4456 §8, RFC 6793 §3, RFC 7311 §3, RFC 9234 §5.
 */
import { argsError } from '../../src/core/errors.js';
import { fromHex, toHex } from '../../src/core/hex.js';
import { ipv4ToString } from '../../src/core/ip.js';
import { uintArg } from '../../src/core/bgp.js';
import {
  AIGP_TLV_METRIC,
  AS_CONFED_SEQUENCE,
  AS_CONFED_SET,
  AS_SEQUENCE,
  AS_SET,
  isAigpMetric,
  type Aggregator,
  type Aigp,
  type AigpTlv,
  type AsPath,
  type AsPathSegment,
  type ClusterList,
  type Origin,
} from './model.js';
import { aggregatorFromText, aggregatorText, ipv4FromText, ORIGIN_NAMES } from './json.js';

const err = (m: string): never => argsError(m);

/** Split tokens on white space and commas, with `[ ] { } ( )` as tokens of their own. */
export function listTokens(args: readonly string[]): string[] {
  const out: string[] = [];
  for (const a of args) {
    for (const t of a.split(/([[\]{}()])|[\s,]+/)) if (t) out.push(t);
  }
  return out;
}

/** Drop one pair of outer brackets, if the list has them. */
function unbracket(t: string[], what: string): string[] {
  if (t[0] !== '[') {
    if (t.includes('[') || t.includes(']')) err(`${what}: brackets must enclose the whole list`);
    return t;
  }
  if (t[t.length - 1] !== ']') err(`${what}: missing ]`);
  const inner = t.slice(1, -1);
  if (inner.includes('[') || inner.includes(']')) err(`${what}: nested [ ]`);
  return inner;
}

function one(args: readonly string[], what: string): string {
  if (args.length !== 1) err(`${what}: expected one value, got ${args.length === 0 ? 'none' : args.join(' ')}`);
  return args[0]!;
}

export function originFromArgs(args: readonly string[]): Origin {
  const s = one(args, 'origin');
  const l = s.toLowerCase();
  if (l === '?') return { value: 2 };
  const i = ORIGIN_NAMES.indexOf(l);
  if (i >= 0) return { value: i };
  if (/^[0-9]+$/.test(s) && Number(s) <= 255) return { value: Number(s) };
  return err(`invalid origin: ${s} (valid: igp, egp, incomplete)`);
}

export function originToArgs(m: Origin): string[] {
  return [ORIGIN_NAMES[m.value] ?? String(m.value)];
}

export function asPathFromArgs(args: readonly string[], what: string): AsPath {
  const t = unbracket(listTokens(args), what);
  const segments: AsPathSegment[] = [];
  let confed = false;
  let set = false;
  let cur: number[] | null = null;
  let openedAt = 0;
  const end = (): void => {
    cur = null;
  };
  for (const tok of t) {
    switch (tok) {
      case '{':
        if (set) err(`${what}: nested {`);
        set = true;
        openedAt = segments.length;
        end();
        continue;
      case '}':
        if (!set) err(`${what}: } without {`);
        if (segments.length === openedAt) err(`${what}: empty { }`);
        set = false;
        end();
        continue;
      case '(':
        if (confed || set) err(`${what}: ( inside ${set ? '{ }' : '( )'}`);
        confed = true;
        openedAt = segments.length;
        end();
        continue;
      case ')':
        if (!confed || set) err(`${what}: ) without (`);
        if (segments.length === openedAt) err(`${what}: empty ( )`);
        confed = false;
        end();
        continue;
    }
    if (!/^[0-9]+$/.test(tok) || Number(tok) > 0xffffffff) err(`invalid ASN in ${what}: ${tok}`);
    const type = set ? (confed ? AS_CONFED_SET : AS_SET) : confed ? AS_CONFED_SEQUENCE : AS_SEQUENCE;
    const c: number[] | null = cur;
    if (c === null || c.length === 255) {
      if (c !== null && set) err(`${what}: a set holds at most 255 ASNs`);
      const asns = [Number(tok)];
      cur = asns;
      segments.push({ type, asns });
    } else {
      c.push(Number(tok));
    }
  }
  if (set) err(`${what}: missing }`);
  if (confed) err(`${what}: missing )`);
  return { segments };
}

export function asPathToArgs(m: AsPath): string[] {
  const out = ['['];
  for (const s of m.segments) {
    const nums = s.asns.map(String);
    switch (s.type) {
      case AS_SET:
        out.push('{', ...nums, '}');
        break;
      case AS_CONFED_SEQUENCE:
        out.push('(', ...nums, ')');
        break;
      case AS_CONFED_SET:
        out.push('(', '{', ...nums, '}', ')');
        break;
      default:
        // Two sequences in a row stay two only when the first is full (255): the canonical form.
        out.push(...nums);
    }
  }
  out.push(']');
  return out;
}

export function u32FromArgs(args: readonly string[], what: string): number {
  return uintArg(one(args, what), 32, what);
}

export function aggregatorFromArgs(args: readonly string[], what: string): Aggregator {
  // `65000:1.2.3.4`, or `65000 1.2.3.4`
  const s = args.length === 2 ? args[0] + ':' + args[1] : one(args, what);
  return aggregatorFromText(s, what, err);
}

export function aggregatorToArgs(m: Aggregator): string[] {
  return [aggregatorText(m)];
}

export function ipv4FromArgs(args: readonly string[], what: string): Uint8Array {
  return ipv4FromText(one(args, what), what, err);
}

export function clusterListFromArgs(args: readonly string[]): ClusterList {
  const t = unbracket(listTokens(args), 'cluster-list');
  if (t.length === 0) err('cluster-list: at least one CLUSTER_ID (RFC 7606 §7.10: length a non-zero multiple of 4)');
  return { ids: t.map((s) => ipv4FromText(s, 'cluster-list', err)) };
}

export function clusterListToArgs(m: ClusterList): string[] {
  return ['[', ...m.ids.map((b) => ipv4ToString(b)), ']'];
}

export function aigpFromArgs(args: readonly string[]): Aigp {
  const tlvs: AigpTlv[] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (a === 'tlv') {
      if (i + 2 >= args.length) err('aigp: tlv <type> <hex value>');
      const type = uintArg(args[i + 1]!, 8, 'aigp tlv type');
      if (type === AIGP_TLV_METRIC) err('aigp: tlv 1 is the AIGP TLV: give its metric as a number');
      const h = args[i + 2]!.replace(/^0x/i, '');
      let raw: Uint8Array;
      try {
        raw = fromHex(h);
      } catch (e) {
        return err(`aigp tlv ${type} value: ${e instanceof Error ? e.message : String(e)}`);
      }
      if (raw.length > 0xffff - 3) err(`aigp tlv ${type}: value longer than 65532 octets`);
      tlvs.push({ type, raw });
      i += 2;
      continue;
    }
    if (!/^[0-9]+$/.test(a) || BigInt(a) > 0xffffffffffffffffn) err(`invalid aigp metric: ${a} (unsigned 64 bits)`);
    tlvs.push({ type: AIGP_TLV_METRIC, metric: BigInt(a) });
  }
  if (tlvs.length === 0) err('aigp: missing metric');
  return { tlvs };
}

export function aigpToArgs(m: Aigp): string[] {
  const out: string[] = [];
  for (const t of m.tlvs) {
    if (isAigpMetric(t)) out.push(t.metric.toString());
    else out.push('tlv', String(t.type), '0x' + toHex(t.raw));
  }
  return out;
}
