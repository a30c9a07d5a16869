/**
 * Ze's own output for UPDATEs carrying the basic path attributes
 * (test/vectors/ze-update/path-attrs.jsonl: `ze bgp decode --update --json` at f09f9ac2).
 * Each attribute value is decoded with attributes/path (with the session's `as4`) and its JSON
 * compared with the value Ze prints under `update.attr` (NEXT_HOP: the ipv4/unicast `next-hop`).
 * Where ze-nlri differs, the difference is listed below with its reason (docs/attributes/path.md).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { NlriError } from '../../../src/core/errors.js';
import { fromHex } from '../../../src/core/hex.js';
import { goMarshal, JsonWriter } from '../../../src/core/json.js';
import { Reader } from '../../../src/core/reader.js';
import { codecs } from '../../../attributes/path/index.js';
import { AttributeRegistry, attrContext } from '../../../src/attributes/registry.js';
import { builtinAttributes } from '../../../src/attributes-builtin.js';
import { builtinCodecs } from '../../../src/families.js';
import { Registry } from '../../../src/registry/registry.js';
import { decodeUpdateWith, updateToJson } from '../../../src/update/index.js';
import { ctx } from './helpers.js';

interface Vector {
  id: string;
  hex: string;
  json_text: string;
  note: string;
  as4: boolean;
}

const vectors: Vector[] = readFileSync(new URL('../../vectors/ze-update/path-attrs.jsonl', import.meta.url), 'utf8')
  .split('\n')
  .filter((l) => l.trim() !== '')
  .map((l) => JSON.parse(l) as Vector);

/** ze-nlri's value where it is not Ze's (undefined: ze-nlri has no such key), by vector id and key. */
const DEVIATIONS: Record<string, Record<string, string | undefined>> = {
  // RFC 7606 §7.1: undefined ORIGIN values are malformed but still rendered (Ze drops the key).
  'path-origin-undefined': { origin: '5' },
  // An empty AS_PATH is a value (RFC 4271 §5.1.2, iBGP); Ze drops the key.
  'path-as-path-empty': { 'as-path': '[]' },
  // Superset: the segments beside Ze's flat array.
  'path-as-path-set-as4': {
    'as-path': '{"flat":[65000,65002,65003],"segments":[{"asns":[65000],"type":"as-sequence"},{"asns":[65002,65003],"type":"as-set"}]}',
  },
  // RFC 6793 §3: a 2-octet session carries 2-octet ASNs; Ze guesses 4 octets from the lengths.
  'path-as-path-confed-as2': {
    'as-path': '{"flat":[65000,65001,65002,1],"segments":[{"asns":[65000,65001],"type":"as-confed-sequence"},{"asns":[65002],"type":"as-confed-set"},{"asns":[1],"type":"as-sequence"}]}',
  },
  'path-as-path-as2-misread': {
    'as-path': '{"flat":[65000,65001],"segments":[{"asns":[65000],"type":"as-sequence"},{"asns":[65001],"type":"as-sequence"}]}',
  },
  // Ze has no parser for AS4_PATH, AS4_AGGREGATOR, AIGP, OTC.
  'path-as-path-as2-trans': { 'as4-path': '[4200000000]', 'as4-aggregator': '"4200000000:192.0.2.1"' },
  'path-aigp-otc': { aigp: '{"metric":100,"tlvs":[{"metric":100,"type":1},{"raw":"ABCD","type":5}]}', otc: '65000' },
  // RFC 7606 §7.6 / §7.7: malformed lengths are errors (the update layer discards the attribute).
  'path-atomic-aggregate-bad-length': { 'atomic-aggregate': undefined },
  'path-aggregator-as4-on-as2': { aggregator: undefined },
};

/** The errors behind the `undefined` deviations: [key, code, offset in the value]. */
const ERRORS: Record<string, [string, string, number]> = {
  'path-atomic-aggregate-bad-length': ['atomic-aggregate', 'bad-length', 0],
  'path-aggregator-as4-on-as2': ['aggregator', 'bad-length', 0],
};

/** Walk the path attributes of a whole UPDATE (RFC 4271 §4.3: flags, type, 1- or 2-octet length). */
function attributesOf(msg: Uint8Array): { code: number; start: number; end: number }[] {
  let p = 19;
  const wl = (msg[p]! << 8) | msg[p + 1]!;
  p += 2 + wl;
  const al = (msg[p]! << 8) | msg[p + 1]!;
  p += 2;
  const end = p + al;
  const out: { code: number; start: number; end: number }[] = [];
  while (p < end) {
    const flags = msg[p]!;
    const code = msg[p + 1]!;
    const ext = (flags & 0x10) !== 0;
    const len = ext ? (msg[p + 2]! << 8) | msg[p + 3]! : msg[p + 2]!;
    const start = p + (ext ? 4 : 3);
    out.push({ code, start, end: start + len });
    p = start + len;
  }
  return out;
}

describe('attributes/path against ze bgp decode --update --json', () => {
  it('reads the vectors', () => expect(vectors.length).toBeGreaterThan(10));
  for (const v of vectors) {
    it(`${v.id}: ${v.note}`, () => {
      const ze = JSON.parse(v.json_text).bgp.update;
      const msg = fromHex(v.hex);
      const c = ctx({ as4: v.as4 });
      const ours: Record<string, string> = {};
      const errors: Record<string, NlriError> = {};
      for (const a of attributesOf(msg)) {
        const k = codecs.find((x) => x.code === a.code);
        if (!k) continue;
        const r = new Reader(msg.subarray(a.start, a.end));
        try {
          const m = k.decode(r, c, k.flags);
          const j = new JsonWriter();
          k.json(m, j);
          ours[k.name] = j.take();
        } catch (e) {
          if (!(e instanceof NlriError)) throw e;
          errors[k.name] = e;
        }
      }
      const want: Record<string, string> = {};
      for (const [key, val] of Object.entries(ze.attr ?? {})) want[key] = goMarshal(val);
      want['next-hop'] = goMarshal(ze['ipv4/unicast'][0]['next-hop']);
      for (const [key, val] of Object.entries(DEVIATIONS[v.id] ?? {})) {
        if (val === undefined) delete want[key];
        else want[key] = val;
      }
      expect(ours).toEqual(want);
      const e = ERRORS[v.id];
      if (e) {
        expect(Object.keys(errors)).toEqual([e[0]]);
        expect([errors[e[0]]!.code, errors[e[0]]!.offset]).toEqual([e[1], e[2]]);
      } else {
        expect(errors).toEqual({});
      }
    });
  }
});

describe('whole UPDATEs through src/update with attributes/path', () => {
  // The default attributes with this group's codecs in place of any of the same code.
  const attrs = new AttributeRegistry([...builtinAttributes.filter((b) => !codecs.some((k) => k.code === b.code)), ...codecs]);
  const families = new Registry(builtinCodecs);
  for (const v of vectors.filter((x) => DEVIATIONS[x.id] === undefined)) {
    it(`${v.id}: byte-identical to Ze`, () => {
      const u = decodeUpdateWith(fromHex(v.hex), attrContext({ as4: v.as4 }, families), attrs);
      expect(updateToJson(u)).toBe(v.json_text);
    });
  }
});
