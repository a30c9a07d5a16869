/**
 * encode-nlri arguments for MCAST-VPN (RFC 6514 §4). Ze has no MVPN encoder: it builds
 * types 5-7 only from its configuration (`shared-join rp <ip> group <ip> rd <rd> source-as <n>`,
 * `source-join source … group … rd … source-as …`, `source-ad source … group … rd …`). This
 * grammar is that configuration's, extended in the same style to all seven route types:
 *
 *   args       = route-type { key value }
 *   route-type = intra-as-i-pmsi-ad | inter-as-i-pmsi-ad | s-pmsi-ad | leaf-ad
 *              | source-active | source-ad | shared-tree-join | shared-join
 *              | source-tree-join | source-join | type-<0..255>
 *   key        = rd <RD> | originator <IP> | source-as <u32> | source <IP|*> | rp <IP|*>
 *              | group <IP|*> | route-key <HEX of a whole MCAST-VPN NLRI> | raw <HEX>
 *
 * `*` is the RFC 6625 wildcard (length 0). `raw` gives the route-type-specific bytes as they
 * are (any route type; the only form for `type-N`). A repeated key: the last one wins.
 */
import { argsError } from '../../src/core/errors.js';
import { fromHex, toHex } from '../../src/core/hex.js';
import { parseAddr } from '../../src/core/ip.js';
import { parseRd, rdToString } from '../../src/core/rd.js';
import { Reader } from '../../src/core/reader.js';
import { uintArg } from '../../src/core/bgp.js';
import { Writer } from '../../src/core/writer.js';
import type { MvpnNlri, MvpnRoute } from './model.js';
import { decodeMvpn, encodeMvpn, mvpnEncodingLength } from './wire.js';
import { mvpnAddrToString } from './json.js';

/** Route type tokens: Ze's display names and Ze's configuration names. */
const TYPE_TOKENS: ReadonlyMap<string, number> = new Map([
  ['intra-as-i-pmsi-ad', 1],
  ['inter-as-i-pmsi-ad', 2],
  ['s-pmsi-ad', 3],
  ['leaf-ad', 4],
  ['source-active', 5],
  ['source-ad', 5],
  ['shared-tree-join', 6],
  ['shared-join', 6],
  ['source-tree-join', 7],
  ['source-join', 7],
]);

/** Keys each route type takes (besides `raw`), all required; `rp` is type 6's name for `source`. */
const KEYS: Record<number, readonly string[]> = {
  1: ['rd', 'originator'],
  2: ['rd', 'source-as'],
  3: ['rd', 'source', 'group', 'originator'],
  4: ['route-key', 'originator'],
  5: ['rd', 'source', 'group'],
  6: ['rd', 'source-as', 'source', 'group'],
  7: ['rd', 'source-as', 'source', 'group'],
};

const ALL_KEYS = new Set(['rd', 'originator', 'source-as', 'source', 'rp', 'group', 'route-key', 'raw']);

function addr(key: string, v: string, wildcard: boolean): Uint8Array {
  if (wildcard && v === '*') return new Uint8Array(0);
  const a = parseAddr(v);
  if (typeof a === 'string') argsError(`invalid MVPN ${key} "${v}": ${a}`);
  return a.bytes;
}

function hexArg(key: string, v: string): Uint8Array {
  try {
    return fromHex(v);
  } catch (e) {
    return argsError(`invalid MVPN ${key} "${v}": ${(e as Error).message}`);
  }
}

export function mvpnFromArgs(args: readonly string[]): MvpnNlri {
  const first = args[0];
  if (first === undefined || first === '') argsError('MVPN route type required');
  let type = TYPE_TOKENS.get(first);
  const numbered = /^type-(0|[1-9][0-9]{0,2})$/.exec(first);
  if (type === undefined && numbered) type = Number(numbered[1]);
  if (type === undefined || type > 255) argsError(`unknown MVPN route type: ${first}`);
  const vals = new Map<string, string>();
  for (let i = 1; i < args.length; i += 2) {
    const k = args[i]!;
    if (!ALL_KEYS.has(k)) argsError(`unknown MVPN argument: ${k}`);
    if (i + 1 >= args.length) argsError(`${k} requires value`);
    if (k === 'rp' && type !== 6) argsError(`MVPN ${first} does not take rp`);
    vals.set(k === 'rp' ? 'source' : k, args[i + 1]!);
  }
  const raw = vals.get('raw');
  const keys = KEYS[type];
  if (raw !== undefined || keys === undefined) {
    if (raw === undefined) argsError(`MVPN ${first} requires raw`);
    for (const k of vals.keys()) if (k !== 'raw') argsError(`MVPN ${first} raw does not take ${k}`);
    const bytes = hexArg('raw', raw);
    if (bytes.length > 255) argsError(`invalid MVPN raw: ${bytes.length} bytes exceed 255`);
    return { kind: 'raw', type, raw: bytes };
  }
  for (const k of vals.keys()) if (!keys.includes(k)) argsError(`MVPN ${first} does not take ${k}`);
  for (const k of keys) if (!vals.has(k)) argsError(`MVPN ${first} requires ${type === 6 && k === 'source' ? 'rp' : k}`);
  const get = (k: string): string => vals.get(k)!;
  const rd = (): Uint8Array => {
    const v = get('rd');
    try {
      return parseRd(v);
    } catch (e) {
      return argsError(`invalid RD "${v}": ${(e as Error).message}`);
    }
  };
  const asn = (): number => uintArg(get('source-as'), 32, 'source-as');
  switch (type) {
    case 1:
      return { kind: 'intra-as-i-pmsi-ad', type: 1, rd: rd(), originator: addr('originator', get('originator'), false) };
    case 2:
      return { kind: 'inter-as-i-pmsi-ad', type: 2, rd: rd(), sourceAs: asn() };
    case 3:
      return {
        kind: 's-pmsi-ad', type: 3, rd: rd(),
        source: addr('source', get('source'), true), group: addr('group', get('group'), true),
        originator: addr('originator', get('originator'), false),
      };
    case 4: {
      const v = get('route-key');
      const bytes = hexArg('route-key', v);
      const r = new Reader(bytes);
      let routeKey: MvpnRoute;
      try {
        routeKey = decodeMvpn(r, {});
      } catch (e) {
        return argsError(`invalid MVPN route-key "${v}": ${(e as Error).message}`);
      }
      if (r.pos !== r.end) argsError(`invalid MVPN route-key "${v}": ${r.end - r.pos} bytes after the NLRI`);
      const m: MvpnNlri = { kind: 'leaf-ad', type: 4, routeKey, originator: addr('originator', get('originator'), false) };
      if (mvpnEncodingLength(routeKey) + m.originator.length > 255) argsError('invalid MVPN route-key: leaf-ad route exceeds 255 bytes');
      return m;
    }
    case 5:
      return { kind: 'source-active', type: 5, rd: rd(), source: addr('source', get('source'), true), group: addr('group', get('group'), true) };
    default:
      return {
        kind: type === 6 ? 'shared-tree-join' : 'source-tree-join', type: type as 6 | 7, rd: rd(), sourceAs: asn(),
        source: addr(type === 6 ? 'rp' : 'source', get('source'), true), group: addr('group', get('group'), true),
      };
  }
}

function routeHex(m: MvpnRoute): string {
  const w = new Writer(mvpnEncodingLength(m));
  encodeMvpn(m, w);
  return toHex(w.finish());
}

/** Tokens that `mvpnFromArgs` turns back into `m` (Ze's configuration order for types 5-7). */
export function mvpnToArgs(m: MvpnRoute): string[] {
  switch (m.kind) {
    case 'intra-as-i-pmsi-ad':
      return [m.kind, 'rd', rdToString(m.rd), 'originator', mvpnAddrToString(m.originator)];
    case 'inter-as-i-pmsi-ad':
      return [m.kind, 'rd', rdToString(m.rd), 'source-as', String(m.sourceAs)];
    case 's-pmsi-ad':
      return [m.kind, 'rd', rdToString(m.rd), 'source', mvpnAddrToString(m.source), 'group', mvpnAddrToString(m.group), 'originator', mvpnAddrToString(m.originator)];
    case 'leaf-ad':
      return [m.kind, 'route-key', routeHex(m.routeKey), 'originator', mvpnAddrToString(m.originator)];
    case 'source-active':
      return ['source-ad', 'source', mvpnAddrToString(m.source), 'group', mvpnAddrToString(m.group), 'rd', rdToString(m.rd)];
    case 'shared-tree-join':
      return ['shared-join', 'rp', mvpnAddrToString(m.source), 'group', mvpnAddrToString(m.group), 'rd', rdToString(m.rd), 'source-as', String(m.sourceAs)];
    case 'source-tree-join':
      return ['source-join', 'source', mvpnAddrToString(m.source), 'group', mvpnAddrToString(m.group), 'rd', rdToString(m.rd), 'source-as', String(m.sourceAs)];
    case 'raw':
      return [`type-${m.type}`, 'raw', toHex(m.raw)];
  }
}
