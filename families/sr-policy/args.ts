/**
 * encode-nlri args for SR Policy (Ze has no grammar for SAFI 73; this one is in Ze's style:
 * kebab-case keywords, one value token each; docs/families/sr-policy.md):
 *
 *   distinguisher <N> color <N> endpoint <IP> [path-id <N>]
 *
 * All of distinguisher, color and endpoint are required (RFC 9830 §2.1: every NLRI has them);
 * numbers are decimal 0..4294967295; the endpoint must be of the family's address family
 * (IPv4 for ipv4/sr-policy, IPv6 for ipv6/sr-policy). Tokens are read left to right, a later
 * keyword overrides an earlier one, unknown tokens are refused (a misspelt keyword would
 * otherwise silently drop a field). `path-id` sets the model's path id (written only with ADD-PATH).
 */
import { uintArg } from '../../src/core/bgp.js';
import { argsError, NlriError } from '../../src/core/errors.js';
import { ipToString, parseAddr } from '../../src/core/ip.js';
import type { SrPolicyNlri } from './model.js';

export function srPolicyFromArgs(args: readonly string[], v6: boolean, family: string): SrPolicyNlri {
  let distinguisher: number | undefined;
  let color: number | undefined;
  let endpoint: Uint8Array | undefined;
  let pathId: number | undefined;
  for (let i = 0; i < args.length; i++) {
    const t = args[i]!;
    if (t !== 'distinguisher' && t !== 'color' && t !== 'endpoint' && t !== 'path-id') argsError(`unknown token ${JSON.stringify(t)} (expected distinguisher, color, endpoint, path-id)`, family);
    const v = args[++i];
    if (v === undefined) argsError(`${t} requires value`, family);
    switch (t) {
      case 'distinguisher':
        distinguisher = uintArg(v, 32, 'distinguisher', family);
        break;
      case 'color':
        color = uintArg(v, 32, 'color', family);
        break;
      case 'endpoint': {
        const a = parseAddr(v);
        if (typeof a === 'string') argsError(`invalid endpoint: ${a}`, family);
        if (a.v6 !== v6) argsError(`endpoint ${v} is not an ${v6 ? 'IPv6' : 'IPv4'} address (family ${family}, RFC 9830 §2.1)`, family);
        endpoint = a.bytes;
        break;
      }
      case 'path-id':
        pathId = uintArg(v, 32, 'path-id', family);
        break;
    }
  }
  if (distinguisher === undefined) argsError('distinguisher required for SR Policy', family);
  if (color === undefined) argsError('color required for SR Policy', family);
  if (endpoint === undefined) argsError('endpoint required for SR Policy', family);
  const m: { -readonly [K in keyof SrPolicyNlri]: SrPolicyNlri[K] } = { distinguisher, color, endpoint };
  if (pathId !== undefined) m.pathId = pathId;
  return m;
}

/** Tokens that `srPolicyFromArgs` turns back into the same bytes. */
export function srPolicyToArgs(m: SrPolicyNlri, v6: boolean): string[] {
  const e = m.endpoint;
  if (e.length !== (v6 ? 16 : 4)) {
    throw new NlriError('invalid-model', `not expressible in encode-nlri args: a ${e.length}-octet endpoint under AFI ${v6 ? 2 : 1} (RFC 9830 §2.1)`, '', -1);
  }
  const out = ['distinguisher', String(m.distinguisher), 'color', String(m.color), 'endpoint', ipToString(v6, e, 0, e.length)];
  if (m.pathId !== undefined) out.push('path-id', String(m.pathId));
  return out;
}
