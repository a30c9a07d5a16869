/**
 * Ze's decode JSON back to a model: the line protocol's `encode json nlri <family> <json>`
 * (flowspec.md §8). The JSON object (§5.1) is turned into the encode-nlri tokens Ze's plugin
 * builds from it, which `flowFromArgs` (§6) then parses, so every error is an args error.
 *
 * The token rules, as in Ze: keys in a fixed order (`rd` first, then the component keys in
 * type order), unknown keys and non-array values ignored, non-string members ignored; a
 * prefix's `/0` offset is dropped (`10.0.0.0/24/0` → `10.0.0.0/24`; another offset is kept and
 * refused by the prefix parser); a protocol / next-header value loses its `=` (`=tcp` → `tcp`).
 * Two places where Ze's converter changes what the JSON says are done by the JSON's meaning:
 * each OR group becomes its own keyword (`port [["=80"],["=443"]]` → `port =80 port =443`, an OR;
 * Ze writes `port =80 =443`, which the args grammar reads as AND), and the members of one bitmask
 * group are the flags of ONE pair, so they are joined (`["=fin","push"]` → `=fin&push`; Ze makes
 * two OR-ed pairs of them). The protocol keyword OR-s its values (Ze), so the later members of
 * a protocol AND group get a `&`. ze-nlri's JSON carries every operator bit (json.ts: `&` for a
 * bitmask AND, no operator for bitmask m = 0, `true:` / `false:`), and the args grammar reads the
 * same forms, so args → bytes → JSON → args gives the same bytes.
 */
import { argsError } from '../../src/core/errors.js';
import { COMPONENTS } from './components.js';
import type { FlowSpecNlri } from './model.js';
import { flowFromArgs } from './args.js';
import type { FlowShape } from './wire.js';

/** Ze's key order: `rd`, then both families' keys by component type. */
const KEY_ORDER: readonly string[] = [
  'rd',
  ...COMPONENTS.flatMap((c) => (c === undefined ? [] : c.keyV4 === c.keyV6 ? [c.keyV4] : [c.keyV4, c.keyV6])),
];
const KIND = new Map<string, string>(
  COMPONENTS.flatMap((c) => (c === undefined ? [] : [[c.keyV4, c.kind] as [string, string], [c.keyV6, c.kind] as [string, string]])),
);

function isProtocolKey(key: string): boolean {
  return key === 'protocol' || key === 'next-header';
}

function memberToken(key: string, kind: string, s: string): string {
  if (kind === 'prefix') {
    const parts = s.split('/');
    return parts.length === 3 && parts[2] === '0' ? parts[0] + '/' + parts[1] : s;
  }
  if (isProtocolKey(key) && s.startsWith('=')) return s.slice(1);
  return s;
}

/** The encode-nlri tokens for Ze's decode JSON object. */
export function zeJsonToArgs(value: unknown, family: string): string[] {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    argsError('invalid JSON: expected an object', family);
  }
  const o = value as Record<string, unknown>;
  const args: string[] = [];
  for (const key of KEY_ORDER) {
    if (!Object.hasOwn(o, key)) continue;
    const v = o[key];
    if (key === 'rd') {
      if (typeof v === 'string') args.push('rd', v);
      continue;
    }
    if (!Array.isArray(v)) continue;
    const kind = KIND.get(key)!;
    let bitmaskOpen = false;
    for (const group of v) {
      const members = (Array.isArray(group) ? group : [group]).filter((s): s is string => typeof s === 'string');
      if (members.length === 0) continue;
      const tokens = members.map((s, k) => (k > 0 && isProtocolKey(key) ? '&' : '') + memberToken(key, kind, s));
      if (kind !== 'bitmask') args.push(key, ...tokens);
      // One keyword for all the pairs: a repeated keyword would OR a pair that has the AND bit.
      else {
        if (!bitmaskOpen) args.push(key);
        bitmaskOpen = true;
        args.push(tokens.join('&'));
      }
    }
  }
  if (args.length === 0) argsError('no valid components in JSON', family);
  return args;
}

/** `fromZeJson` of the FlowSpec codecs. */
export function flowFromZeJson(value: unknown, shape: FlowShape, family: string): FlowSpecNlri {
  return flowFromArgs(zeJsonToArgs(value, family), shape, family);
}
