/**
 * `ze-nlri decode-attr [--strict] [--as2] <attribute> <hex>`: one path attribute VALUE (no flags,
 * type or length header) → its JSON, for every attribute in the registry: by JSON name
 * (`extended-community`, `bgp-ls`, …) or type code (`16`). `bgp-ls` keeps Ze's own errors
 * (decodeBgpLsAttributeHex). `encode-attr <attribute> <args…>` is the way back from args tokens.
 */
import { fromHex, toHex } from '../core/hex.js';
import { JsonWriter } from '../core/json.js';
import { Reader } from '../core/reader.js';
import { Writer } from '../core/writer.js';
import { decodeBgpLsAttributeHex } from '../../families/bgp-ls/attribute.js';
import { createSession, defaultAttributes, normalizeHex } from '../index.js';
import type { AttributeCodec } from '../attributes/attribute.js';
import type { ExtraCommand } from './extra-commands.js';

function codecOf(name: string): AttributeCodec<any> | undefined {
  return /^\d{1,3}$/.test(name) ? defaultAttributes.get(Number(name)) : defaultAttributes.byJsonName(name);
}

function names(): string {
  return defaultAttributes.list().map((c) => c.name).join('|');
}

export const decodeAttrCommand: ExtraCommand = {
  name: 'decode-attr',
  help: `  ze-nlri decode-attr [--strict] [--as2] <attribute> <hex>
        Decode one path attribute value (without its header) to JSON; <attribute> is a JSON name
        (community, extended-community, pmsi-tunnel, tunnel-encapsulation, prefix-sid, bgp-ls, …) or a type code.
`,
  run(argv) {
    const flags = new Set(argv.filter((a) => a.startsWith('--')));
    const rest = argv.filter((a) => !a.startsWith('--'));
    const unknown = [...flags].filter((f) => f !== '--strict' && f !== '--as2');
    const codec = rest.length === 2 ? codecOf(rest[0]!) : undefined;
    if (unknown.length || !codec) {
      process.stderr.write(`error: decode-attr takes ${names()} <hex>\n`);
      return 2;
    }
    const strict = flags.has('--strict');
    if (codec.code === 29) {
      process.stdout.write(decodeBgpLsAttributeHex(rest[1]!, { strict }) + '\n');
      return 0;
    }
    const s = createSession({ strict, as4: !flags.has('--as2') });
    const bytes = fromHex(normalizeHex(rest[1]!), codec.name);
    const r = new Reader(bytes, '');
    const v = codec.decode(r, s.ctx, codec.flags);
    if (r.pos !== r.end) r.fail('trailing-bytes', `${r.end - r.pos} octets after the ${codec.name} value`);
    const j = new JsonWriter();
    codec.json(v, j);
    process.stdout.write(j.take() + '\n');
    return 0;
  },
};

export const encodeAttrCommand: ExtraCommand = {
  name: 'encode-attr',
  help: `  ze-nlri encode-attr [--as2] <attribute> <args...>
        Encode one path attribute value from its argument tokens (docs/attributes/<group>.md); prints UPPER-case hex.
`,
  run(argv) {
    const as2 = argv[0] === '--as2';
    const rest = as2 ? argv.slice(1) : argv;
    const codec = rest.length >= 1 ? codecOf(rest[0]!) : undefined;
    if (!codec || !codec.fromArgs) {
      process.stderr.write(`error: encode-attr takes ${defaultAttributes.list().filter((c) => c.fromArgs).map((c) => c.name).join('|')} <args...>\n`);
      return 2;
    }
    const s = createSession({ as4: !as2 });
    const m = codec.fromArgs(rest.slice(1));
    const w = new Writer(codec.encodingLength(m, s.ctx));
    codec.encode(m, w, s.ctx);
    process.stdout.write(toHex(w.finish()) + '\n');
    return 0;
  },
};
