/**
 * How a lazy decoded model (a view over the input bytes: buffer, offsets) prints and serialises:
 * as the plain object of its public fields and getters, never its internals (`_b`, `_p`, the
 * buffer and offsets). Shared by every lazy model class (issue 17 §3): `plainOf` is the plain
 * object, `toJSON` and the `util.inspect.custom` hook return it.
 */
import { toHex } from '../core/hex.js';

/** Node's `util.inspect.custom`, reached by its registered name (no `node:util` import: works in browsers). */
export const INSPECT: unique symbol = Symbol.for('nodejs.util.inspect.custom') as never;

/** Names a lazy model keeps for itself: the input buffer and its offsets. */
const INTERNAL = new Set(['constructor', 'buf', 'src', 'start', 'end', 'at', 'size', 'a', 'b', 'p']);

/**
 * The public fields and getters of `m` (own fields first, then getters from the most derived
 * class up), leaving out internals (names starting with `_`, the buffer and offsets) and
 * undefined values. A getter that throws is left out.
 */
export function plainOf(m: object): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const k of Object.keys(m)) {
    if (k.charCodeAt(0) === 95 || INTERNAL.has(k)) continue;
    const v = (m as Record<string, unknown>)[k];
    if (v !== undefined) out[k] = v;
  }
  for (let p = Object.getPrototypeOf(m); p && p !== Object.prototype; p = Object.getPrototypeOf(p)) {
    for (const k of Object.getOwnPropertyNames(p)) {
      if (k.charCodeAt(0) === 95 || INTERNAL.has(k) || k in out) continue;
      const d = Object.getOwnPropertyDescriptor(p, k);
      if (!d || typeof d.get !== 'function') continue;
      let v: unknown;
      try {
        v = d.get.call(m);
      } catch {
        continue;
      }
      if (v !== undefined) out[k] = v;
    }
  }
  return out;
}

function jsonValue(v: unknown): unknown {
  if (v instanceof Uint8Array) return toHex(v);
  if (typeof v === 'bigint') return v.toString();
  if (Array.isArray(v)) return v.map(jsonValue);
  if (v !== null && typeof v === 'object' && Object.getPrototypeOf(v) === Object.prototype) {
    const o: Record<string, unknown> = {};
    for (const [k, x] of Object.entries(v)) o[k] = jsonValue(x);
    return o;
  }
  return v;
}

/**
 * `plainOf(m)` for `JSON.stringify`: byte fields (`Uint8Array`) become upper-case hex strings
 * (a typed array would serialise as `{"0":…}`), bigints decimal strings (`JSON.stringify` throws on
 * them); nested lazy models use their own `toJSON`.
 */
export function plainJson(m: object): Record<string, unknown> {
  return jsonValue(plainOf(m)) as Record<string, unknown>;
}

/** The inspect hook's body: the plain object, printed with Node's own options (depth, colours). */
export function inspectPlain(m: object, depth: number, options: object, inspect: (v: unknown, o: object) => string): string {
  const name = (m.constructor as { name?: string } | undefined)?.name ?? 'Object';
  if (depth < 0) return `[${name}]`;
  const d = (options as { depth?: number | null }).depth;
  return `${name} ${inspect(plainOf(m), { ...options, depth: d === null || d === undefined ? d : d - 1 })}`;
}
