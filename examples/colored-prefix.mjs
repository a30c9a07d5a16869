// An example user-defined family for `ze-nlri plugin --family-module`, built with the public
// `defineFamily()`: `ipv4/colored` on the private SAFI 241 (RFC 4760 §9 leaves 241-254 for
// private use).
//
// Wire format, one NLRI (prefix-shaped on purpose, so Ze can split it: docs/PLUGIN.md):
//
//   +-----------------+---------------------+----------------------------+
//   | length (1 byte) | color (2 bytes, BE) | prefix (ceil((len-16)/8))  |
//   +-----------------+---------------------+----------------------------+
//
//   length = 16 + prefix length, in bits (16..48).
//
// JSON: {"color":100,"prefix":"10.0.0.0/24"}      args: color 100 prefix 10.0.0.0/24
//
// From the repository root (or node_modules/ze-nlri), every command that names a family takes it:
//
//   ze-nlri plugin --family-module examples/colored-prefix.mjs
//   ze-nlri decode --family-module examples/colored-prefix.mjs ipv4/colored 2800640A0000
//   ze-nlri decode --family-module examples/colored-prefix.mjs --text 1/241 2800640A0000
//   ze-nlri encode --family-module examples/colored-prefix.mjs ipv4/colored color 100 prefix 10.0.0.0/24
//   ze-nlri families --family-module examples/colored-prefix.mjs
import { defineFamily, argsError, uintArg, prefixFromString, prefixToString, writePrefixOctets } from 'ze-nlri';

const NAME = 'ipv4/colored';

export default defineFamily({
  name: NAME,
  afi: 1,
  safi: 241,
  group: 'example',
  rfcs: ['RFC 4760'],

  /** Read exactly one NLRI at r.pos (the core handles ADD-PATH and loops). */
  decode(r) {
    const at = r.pos;
    const bits = r.u8('length');
    if (bits < 16 || bits > 48) r.fail('bad-length', `length ${bits} is not 16..48 bits`, at);
    const color = r.u16('color');
    const len = bits - 16;
    const addr = r.bytes((len + 7) >>> 3, 'prefix');
    return { color, prefix: { v6: false, len, addr } };
  },

  encodingLength(m) {
    return 3 + ((m.prefix.len + 7) >>> 3);
  },

  encode(m, w) {
    w.u8(16 + m.prefix.len);
    w.u16(m.color);
    writePrefixOctets(w, m.prefix);
  },

  /** Ze JSON: keys sorted byte-wise, as Go's encoding/json writes maps. */
  json(m, j) {
    j.beginObject().keyRaw('color').number(m.color).keyRaw('prefix').stringRaw(prefixToString(m.prefix)).endObject();
  },

  /** `color <n> prefix <a.b.c.d/len>`, in any order. */
  fromArgs(args) {
    let color, prefix;
    for (let i = 0; i < args.length; i += 2) {
      const k = args[i];
      const v = args[i + 1];
      if (v === undefined) argsError(`missing value for ${k}`, NAME);
      if (k === 'color') color = uintArg(v, 16, 'color', NAME);
      else if (k === 'prefix') {
        prefix = prefixFromString(v, NAME);
        if (prefix.v6) argsError(`not an IPv4 prefix: ${v}`, NAME);
      } else argsError(`unknown keyword: ${k}`, NAME);
    }
    if (color === undefined) argsError('color is required', NAME);
    if (prefix === undefined) argsError('prefix is required', NAME);
    return { color, prefix };
  },

  toArgs(m) {
    return ['color', String(m.color), 'prefix', prefixToString(m.prefix)];
  },
});
