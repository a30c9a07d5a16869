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
import { digits } from '../../src/core/digits.js';
import { argsError, NlriError } from '../../src/core/errors.js';
import { ipv4ToString, parseAddr } from '../../src/core/ip.js';
import { parseRd, rdToString } from '../../src/core/rd.js';
import type { VplsRoute } from './model.js';
import { adRoute, FAMILY, vplsRoute } from './wire.js';

function fail(message: string): never {
  return argsError(message, FAMILY);
}

/** The value after the key at `i - 1`: `args[i]`, or Ze's `<name> requires value`. */
function valueAt(args: readonly string[], i: number, name: string): string {
  if (i >= args.length) fail(`${name} requires value`);
  return args[i]!;
}

/** A decimal of at most `bits` bits (Go's `strconv.ParseUint`); `invalid <key>: <Go's error>` otherwise. */
function uint(s: string, bits: 16 | 32, key: string): number {
  const v = digits(s);
  if (v >= 0 && v <= (bits === 16 ? 0xffff : 0xffffffff)) return v;
  return fail(`invalid ${key}: ${parseUintDec(s, bits) as string}`);
}

function rdArg(s: string): Uint8Array {
  try {
    return parseRd(s, FAMILY);
  } catch (e) {
    return fail(`invalid rd: ${(e as NlriError).message}`);
  }
}

function labelArg(s: string): number {
  const v = uint(s, 32, 'label');
  if (v > 0xfffff) fail(`invalid label: ${v} exceeds the 20-bit MPLS label range`);
  return v;
}

function peArg(s: string): Uint8Array {
  const a = parseAddr(s);
  if (typeof a === 'string') fail(`invalid pe-address: ${a}`);
  if (a.v6) fail(`invalid pe-address: ${s} is not an IPv4 address (RFC 6074 §3.2.2)`);
  return a.bytes;
}

/**
 * One pass over the tokens into locals (no per-token closure or object), then the NLRI bytes
 * written directly (the values are checked here, so `buildVpls`' model checks are not needed).
 */
export function vplsFromArgs(args: readonly string[]): VplsRoute {
  let rd: Uint8Array | undefined;
  let pe: Uint8Array | undefined;
  let veId = 0;
  let veBlockOffset = 0;
  let veBlockSize = 0;
  let labelBase = 0;
  let vpnKeys = false; // a VE or label key was given (BGP-AD takes none)
  for (let i = 0; i < args.length; i++) {
    const key = args[i]!;
    switch (key) {
      case 'rd':
        rd = rdArg(valueAt(args, ++i, 'rd'));
        break;
      case 've-id':
        veId = uint(valueAt(args, ++i, key), 16, key);
        vpnKeys = true;
        break;
      case 've-block-offset':
        veBlockOffset = uint(valueAt(args, ++i, key), 16, key);
        vpnKeys = true;
        break;
      case 've-block-size':
        veBlockSize = uint(valueAt(args, ++i, key), 16, key);
        vpnKeys = true;
        break;
      case 'label-base':
      case 'label':
        labelBase = labelArg(valueAt(args, ++i, 'label'));
        vpnKeys = true;
        break;
      case 'pe-address':
        pe = peArg(valueAt(args, ++i, key));
        break;
      default:
        break; // Ze skips unknown tokens one at a time
    }
  }
  if (rd === undefined) fail('rd required for VPLS');
  if (pe !== undefined) {
    if (vpnKeys) fail('pe-address (RFC 6074 auto-discovery) takes no ve-id, ve-block-offset, ve-block-size or label');
    return adRoute(rd, pe);
  }
  return vplsRoute(rd, veId, veBlockOffset, veBlockSize, labelBase);
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
