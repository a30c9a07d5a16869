/**
 * The token scan shared by Ze's encode-nlri grammars for labeled prefixes (mpls-label, mpls-vpn):
 * `rd <RD>` (when the family has an RD), `label <N>` (repeatable), `prefix <PREFIX>`,
 * `path-id <N>`, `withdraw 0x<6 hex digits>`; scanned left to right, unknown tokens skipped as in
 * Ze, a keyword as the last token is `<keyword> requires value`. Each family checks the result in
 * its own order (the order of Ze's error messages differs between them).
 */
import { uintArg } from './bgp.js';
import { argsError, NlriError } from './errors.js';
import { labelArg, withdrawArg } from './label-scan.js';
import { prefixFromString, type Prefix } from './prefix.js';
import { parseRd } from './rd.js';

export interface LabeledArgs {
  rd?: Uint8Array;
  prefix?: Prefix;
  pathId?: number;
  /** The RFC 8277 §2.4 Compatibility field's 24 bits, when `withdraw` was given. */
  withdraw?: number;
  labels: number[];
}

/** An args error naming what was being read (`invalid rd: …`) in place of a parser's error. */
function rethrow(e: unknown, prefix: string, family: string): never {
  if (e instanceof NlriError) argsError(`${prefix}: ${e.message}`, family);
  throw e;
}

export function scanLabeledArgs(args: readonly string[], family: string, withRd: boolean): LabeledArgs {
  const out: LabeledArgs = { labels: [] };
  for (let i = 0; i < args.length; i++) {
    const t = args[i]!;
    if (t !== 'label' && t !== 'prefix' && t !== 'path-id' && t !== 'withdraw' && !(withRd && t === 'rd')) continue;
    const v = args[++i];
    if (v === undefined) argsError(`${t} requires value`, family);
    switch (t) {
      case 'rd':
        try {
          out.rd = parseRd(v, family);
        } catch (e) {
          rethrow(e, 'invalid rd', family);
        }
        break;
      case 'label':
        out.labels.push(labelArg(v, family));
        break;
      case 'prefix':
        try {
          out.prefix = prefixFromString(v, family);
        } catch (e) {
          rethrow(e, 'invalid prefix', family);
        }
        break;
      case 'path-id':
        out.pathId = uintArg(v, 32, 'path-id', family);
        break;
      case 'withdraw':
        out.withdraw = withdrawArg(v, family);
        break;
    }
  }
  return out;
}
