/**
 * encode-nlri args for ipv4/mdt (Ze has no MDT family; the grammar is ze-nlri's, in Ze's style:
 * kebab-case keywords, one value token each), RFC 6037:
 *
 *   rd <RD> source <IPv4> group <IPv4> [path-id <N>]
 *
 * All three of rd, source and group are required; a keyword without a value, an unknown keyword
 * and a repeated keyword are errors. `rd` takes the RD text ze-nlri prints (core rd.ts
 * `parseRd`: `T:A:B` keeps type T, `A:B` derives it like Ze, `rd-typeN:<12 hex>`). `path-id`
 * sets the model's path id (written only with ADD-PATH, RFC 7911).
 */
import { argsError, NlriError } from '../../src/core/errors.js';
import { uintArg } from '../../src/core/bgp.js';
import { ipv4ToString, parseAddr } from '../../src/core/ip.js';
import { parseRd, rdToString } from '../../src/core/rd.js';
import { isUnparsed, type MdtNlri, type MdtRoute } from './model.js';

const KEYWORDS = new Set(['rd', 'source', 'group', 'path-id']);

function ipv4Arg(s: string, what: string, family: string): Uint8Array {
  const a = parseAddr(s);
  if (typeof a === 'string') argsError(`invalid ${what}: ${a}`, family);
  if (a.v6) argsError(`${what} ${s} is not an IPv4 address (RFC 6037 MDT NLRI)`, family);
  return a.bytes;
}

export function mdtFromArgs(args: readonly string[], family: string): MdtNlri {
  const seen = new Map<string, string>();
  for (let i = 0; i < args.length; i += 2) {
    const k = args[i]!;
    if (!KEYWORDS.has(k)) argsError(`unknown keyword ${JSON.stringify(k)} (expected rd, source, group, path-id)`, family);
    if (i + 1 >= args.length) argsError(`${k} needs a value`, family);
    if (seen.has(k)) argsError(`${k} given twice`, family);
    seen.set(k, args[i + 1]!);
  }
  const rdText = seen.get('rd');
  const src = seen.get('source');
  const grp = seen.get('group');
  if (rdText === undefined) argsError('rd required for MDT', family);
  if (src === undefined) argsError('source required for MDT', family);
  if (grp === undefined) argsError('group required for MDT', family);
  const m: { -readonly [K in keyof MdtNlri]: MdtNlri[K] } = {
    rd: parseRd(rdText, family),
    source: ipv4Arg(src, 'source', family),
    group: ipv4Arg(grp, 'group', family),
  };
  const pid = seen.get('path-id');
  if (pid !== undefined) m.pathId = uintArg(pid, 32, 'path-id', family);
  return m;
}

export function mdtToArgs(m: MdtRoute): string[] {
  if (isUnparsed(m)) throw new NlriError('invalid-model', 'an unparsed record has no args form', '', -1);
  const out = ['rd', rdToString(m.rd), 'source', ipv4ToString(m.source), 'group', ipv4ToString(m.group)];
  if (m.pathId !== undefined) out.push('path-id', String(m.pathId));
  return out;
}
