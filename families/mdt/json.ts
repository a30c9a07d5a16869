/**
 * MDT model → Ze-style JSON text (kebab-case keys, byte-wise sorted like Go's map marshalling):
 *
 *   {"group":"239.1.1.1","rd":"0:65000:100","source":"192.0.2.1"}
 *
 * - `rd`: RFC 4364 §4.2 types 0/1/2 as `T:A:B`, others `rd-type<T>:<hex>` (core rd.ts).
 * - `source`, `group`: dotted quads (RFC 6037 "RD:IPv4-address", "Group Address").
 * - `{"parsed":false,"raw":"<HEX>"}` for what did not parse (lossless decodes).
 */
import { toHex } from '../../src/core/hex.js';
import { ipv4ToString } from '../../src/core/ip.js';
import type { JsonWriter } from '../../src/core/json.js';
import { rdToString } from '../../src/core/rd.js';
import { isUnparsed, type MdtRoute } from './model.js';

export function mdtJson(m: MdtRoute, j: JsonWriter): void {
  j.beginObject();
  if (isUnparsed(m)) {
    j.keyRaw('parsed').bool(false);
    j.keyRaw('raw').stringRaw(toHex(m.raw));
  } else {
    j.keyRaw('group').stringRaw(ipv4ToString(m.group));
    j.keyRaw('rd').stringRaw(rdToString(m.rd));
    j.keyRaw('source').stringRaw(ipv4ToString(m.source));
  }
  j.endObject();
}

/** One line: `rd 0:65000:100 source 192.0.2.1 group 239.1.1.1`. */
export function mdtText(m: MdtRoute): string {
  if (isUnparsed(m)) return `unparsed ${toHex(m.raw)}`;
  return `rd ${rdToString(m.rd)} source ${ipv4ToString(m.source)} group ${ipv4ToString(m.group)}`;
}
