/**
 * Args for the unicast / multicast families. Ze's `update text` names a unicast NLRI by its
 * prefix alone (`nlri ipv4/unicast add 10.0.0.0/24`); Ze's other families spell it
 * `prefix <P>`. Both are accepted:
 *
 *   [prefix] <PREFIX> [path-id <N>]
 *
 * `<PREFIX>` is Go `netip.ParsePrefix` text of the family's address family; host bits are
 * kept (they are written as given: `10.0.1.0/23` encodes 17 0A 00 01). `path-id` sets the
 * model's RFC 7911 path id (written only with ADD-PATH).
 *
 * Also here: `fromZeJson`, the model from Ze's JSON of one NLRI (`"10.0.0.0/24"` or
 * `{"prefix":"10.0.0.0/24","path-id":N}`).
 */
import { uintArg } from '../../src/core/bgp.js';
import { argsError, modelError } from '../../src/core/errors.js';
import { parsePrefix } from '../../src/core/ip.js';
import { prefixToString, type Prefix } from '../../src/core/prefix.js';
import type { UnicastNlri } from './model.js';

function prefixOf(text: string, v6: boolean, family: string, fail: (m: string) => never): Prefix {
  const p = parsePrefix(text);
  if (typeof p === 'string') fail(p);
  if (p.v6 !== v6) fail(`prefix ${text} is not an ${v6 ? 'IPv6' : 'IPv4'} prefix (family ${family})`);
  return { v6, len: p.len, addr: p.bytes };
}

export function unicastFromArgs(args: readonly string[], v6: boolean, family: string): UnicastNlri {
  const fail = (m: string): never => argsError(m, family);
  let prefix: Prefix | undefined;
  let pathId: number | undefined;
  for (let i = 0; i < args.length; i++) {
    const t = args[i]!;
    if (t === 'prefix' || t === 'path-id') {
      const v = args[++i];
      if (v === undefined) fail(`${t} needs a value`);
      if (t === 'path-id') pathId = uintArg(v!, 32, 'path-id', family);
      else {
        if (prefix !== undefined) fail('prefix given twice');
        prefix = prefixOf(v!, v6, family, fail);
      }
    } else if (t.includes('/') && prefix === undefined) {
      prefix = prefixOf(t, v6, family, fail);
    } else {
      fail(`unexpected token: ${t}`);
    }
  }
  if (prefix === undefined) fail(`prefix required for ${family}`);
  const m: { prefix: Prefix; pathId?: number } = { prefix: prefix! };
  if (pathId !== undefined) m.pathId = pathId;
  return m;
}

/** Tokens that `unicastFromArgs` turns back into the same bytes (host bits kept). */
export function unicastToArgs(m: UnicastNlri): string[] {
  const out = ['prefix', prefixToString(m.prefix)];
  if (m.pathId !== undefined) out.push('path-id', String(m.pathId));
  return out;
}

/** Ze's JSON of one unicast NLRI (parsed) → model. */
export function unicastFromZeJson(value: unknown, v6: boolean, family: string): UnicastNlri {
  const fail = (m: string): never => modelError(`${family} NLRI: ${m}`, family);
  if (typeof value === 'string') return { prefix: prefixOf(value, v6, family, fail) };
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return fail('want a prefix string or {"prefix":…}');
  const o = value as Record<string, unknown>;
  for (const k of Object.keys(o)) if (k !== 'prefix' && k !== 'path-id') fail(`unknown key ${JSON.stringify(k)}`);
  if (typeof o.prefix !== 'string') fail('"prefix" must be a string');
  const m: { prefix: Prefix; pathId?: number } = { prefix: prefixOf(o.prefix as string, v6, family, fail) };
  const id = o['path-id'];
  if (id !== undefined) {
    if (typeof id !== 'number' || !Number.isInteger(id) || id < 0 || id > 0xffffffff) fail('"path-id" must be an integer 0..4294967295');
    m.pathId = id as number;
  }
  return m;
}
