/**
 * `ze-nlri decode-attr <attribute> <hex>`: path attributes that carry family data.
 * Today: `bgp-ls` (BGP-LS attribute, type 29, RFC 9552 §5.3): the attribute value (no flags,
 * type or length header) → Ze's JSON text.
 */
import { decodeBgpLsAttributeHex } from '../../families/bgp-ls/index.js';
import type { ExtraCommand } from './extra-commands.js';

const decoders: Record<string, (hex: string, opts: { strict?: boolean }) => string> = {
  'bgp-ls': decodeBgpLsAttributeHex,
};

export const decodeAttrCommand: ExtraCommand = {
  name: 'decode-attr',
  help: `  ze-nlri decode-attr [--strict] bgp-ls <hex>
        Decode a BGP-LS attribute value (path attribute 29, without its header) to Ze's JSON.
`,
  run(argv) {
    const strict = argv[0] === '--strict';
    const rest = strict ? argv.slice(1) : argv;
    const decode = rest.length === 2 ? decoders[rest[0]!] : undefined;
    if (!decode) {
      process.stderr.write(`error: decode-attr takes ${Object.keys(decoders).join('|')} <hex>\n`);
      return 2;
    }
    process.stdout.write(decode(rest[1]!, { strict }) + '\n');
    return 0;
  },
};
