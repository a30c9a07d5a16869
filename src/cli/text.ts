/**
 * `decode --text`: one line of text per NLRI, for every family. The family's own `text` where it
 * has one (FlowSpec, BGP-LS, unicast: Ze's `decode text nlri` forms); else its encode-nlri
 * args (`toArgs`: a line that `ze-nlri encode` reads back); else a rendering of its Ze JSON as
 * `key value` pairs (lossless records, user families).
 */
import type { FamilyCodec, NlriBase } from '../registry/family.js';

export function textOf(codec: FamilyCodec<any>, m: NlriBase, json: string): string {
  const id = m.pathId !== undefined ? `path-id ${m.pathId} ` : '';
  if (codec.text) {
    try {
      return id + codec.text(m);
    } catch {
      // a lossless record the family's text does not cover: fall through
    }
  }
  if (codec.toArgs) {
    try {
      const args = codec.toArgs(m).filter((t, i, a) => !(t === 'path-id' || a[i - 1] === 'path-id'));
      if (args.length) return id + args.join(' ');
    } catch {
      // as above
    }
  }
  return genericText(JSON.parse(json) as unknown);
}

/** `{"rd":"0:1:2","labels":[1,2]}` → `rd 0:1:2 labels 1,2`; nested objects in brackets. */
export function genericText(v: unknown): string {
  if (v === null || typeof v !== 'object') return String(v);
  if (Array.isArray(v)) return v.map((x) => (x !== null && typeof x === 'object' && !Array.isArray(x) ? `[${genericText(x)}]` : genericText(x))).join(',');
  return Object.entries(v as Record<string, unknown>)
    .map(([k, x]) => `${k} ${x !== null && typeof x === 'object' && !Array.isArray(x) ? `[ ${genericText(x)} ]` : genericText(x)}`)
    .join(' ');
}
