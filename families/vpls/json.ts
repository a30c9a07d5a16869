/**
 * VPLS route → Ze's JSON (vpls.md §3): `{"label-base","rd","ve-block-offset","ve-block-size","ve-id"}`,
 * keys sorted, numbers plain, RD as Ze prints it. An RFC 6074 §3.2.2 BGP auto-discovery NLRI,
 * which Ze cannot decode, is `{"pe-address":"<IPv4>","rd":"<RD>"}` (ze-nlri's keys, Ze's style).
 */
import { ipv4ToString } from '../../src/core/ip.js';
import type { JsonWriter } from '../../src/core/json.js';
import { rdToString } from '../../src/core/rd.js';
import type { VplsRoute } from './model.js';

export function writeVplsJson(m: VplsRoute, j: JsonWriter): void {
  j.beginObject();
  if (m.autoDiscovery) {
    j.keyRaw('pe-address').stringRaw(ipv4ToString(m.buf, m.start + 10, 4));
    j.keyRaw('rd').stringRaw(rdToString(m.buf, m.start + 2));
    j.endObject();
    return;
  }
  j.keyRaw('label-base').number(m.labelBase);
  j.keyRaw('rd').stringRaw(rdToString(m.buf, m.start + 2));
  j.keyRaw('ve-block-offset').number(m.veBlockOffset);
  j.keyRaw('ve-block-size').number(m.veBlockSize);
  j.keyRaw('ve-id').number(m.veId);
  j.endObject();
}
