/**
 * encode-nlri args for `l2vpn/vpls` (vpls.md §4), Ze's grammar:
 * `rd R`, `ve-id N`, `ve-block-offset N`, `ve-block-size N` (u16), `label-base N` or `label N`
 * (u32 decimal), any order, the last of a key wins; any other token is skipped on its own, as Ze
 * does; no `rd` → `rd required for VPLS`. ze-nlri's addition: `pe-address A` (an IPv4 address)
 * makes the RFC 6074 §3.2.2 BGP auto-discovery NLRI (RD and PE address); it takes no VE or label
 * keys.
 *
 * Deliberate differences (docs/ze-compat.md, section vpls): an explicit RD type is honoured
 * (`2:65000:1` is a type-2 RD, Ze makes it type 0); a label base above 2^20-1 is refused instead of
 * silently truncated.
 */
import { parseUintDec } from '../../src/core/bgp.js';
import { argsError, NlriError } from '../../src/core/errors.js';
import { ipv4ToString, parseAddr } from '../../src/core/ip.js';
import { parseRd, rdToString } from '../../src/core/rd.js';
import type { VplsRoute, VplsFields } from './model.js';
import { buildVpls, FAMILY } from './wire.js';

function fail(message: string): never {
  return argsError(message, FAMILY);
}

function uint(s: string, bits: number, key: string): number {
  const v = parseUintDec(s, bits);
  if (typeof v === 'string') fail(`invalid ${key}: ${v}`);
  return v;
}

export function vplsFromArgs(args: readonly string[]): VplsRoute {
  let rd: Uint8Array | undefined;
  let pe: Uint8Array | undefined;
  const f: Omit<VplsFields, 'rd'> = {};
  for (let i = 0; i < args.length; i++) {
    const key = args[i]!;
    const value = (name: string): string => {
      if (i + 1 >= args.length) fail(`${name} requires value`);
      return args[++i]!;
    };
    switch (key) {
      case 'rd': {
        const v = value('rd');
        try {
          rd = parseRd(v, FAMILY);
        } catch (e) {
          fail(`invalid rd: ${(e as NlriError).message}`);
        }
        break;
      }
      case 've-id':
        f.veId = uint(value(key), 16, key);
        break;
      case 've-block-offset':
        f.veBlockOffset = uint(value(key), 16, key);
        break;
      case 've-block-size':
        f.veBlockSize = uint(value(key), 16, key);
        break;
      case 'label-base':
      case 'label': {
        const v = uint(value('label'), 32, 'label');
        if (v > 0xfffff) fail(`invalid label: ${v} exceeds the 20-bit MPLS label range`);
        f.labelBase = v;
        break;
      }
      case 'pe-address': {
        const v = value(key);
        const a = parseAddr(v);
        if (typeof a === 'string') fail(`invalid pe-address: ${a}`);
        if (a.v6) fail(`invalid pe-address: ${v} is not an IPv4 address (RFC 6074 §3.2.2)`);
        pe = a.bytes;
        break;
      }
      default:
        break; // Ze skips unknown tokens one at a time
    }
  }
  if (rd === undefined) fail('rd required for VPLS');
  if (pe !== undefined) {
    if (Object.keys(f).length > 0) fail('pe-address (RFC 6074 auto-discovery) takes no ve-id, ve-block-offset, ve-block-size or label');
    return buildVpls({ rd, peAddress: pe });
  }
  return buildVpls({ rd, ...f });
}

/** Tokens that rebuild `m`; only routes Ze's layout can say (17 octets, BOS set, TC 0). */
export function vplsToArgs(m: VplsRoute): string[] {
  if (m.autoDiscovery) return ['rd', rdToString(m.buf, m.start + 2), 'pe-address', ipv4ToString(m.buf, m.start + 10, 4)];
  if (m.extra !== 0 || (m.labelField & 0xf) !== 1) {
    throw new NlriError('invalid-model', 'this VPLS route has octets the args grammar cannot write (extra octets or label TC/BOS bits)', FAMILY, -1);
  }
  return [
    'rd', rdToString(m.buf, m.start + 2),
    've-id', String(m.veId),
    've-block-offset', String(m.veBlockOffset),
    've-block-size', String(m.veBlockSize),
    'label-base', String(m.labelBase),
  ];
}
