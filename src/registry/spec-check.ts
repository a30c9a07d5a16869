/**
 * The shape check of a user-supplied definition (`defineFamily`, `defineAttribute`), in plain
 * code: every built-in family and attribute is defined through it at module load, so loading one
 * must not load zod (issue 16 start-up; issue 17 §3: zod's types stay out of the public surface).
 * Rules are checked in order; the first problem is returned as `<path>: <message>`.
 */

export type SpecRule =
  | { readonly kind: 'function'; readonly optional?: boolean }
  | { readonly kind: 'int'; readonly min: number; readonly max: number }
  | { readonly kind: 'string'; readonly optional?: boolean; readonly nonEmpty?: boolean; readonly pattern?: RegExp; readonly message?: string }
  | { readonly kind: 'strings'; readonly optional?: boolean }
  | { readonly kind: 'boolean'; readonly optional?: boolean }
  | { readonly kind: 'oneOf'; readonly values: readonly string[]; readonly optional?: boolean };

function problem(v: unknown, rule: SpecRule): string | undefined {
  if (v === undefined && 'optional' in rule && rule.optional) return undefined;
  switch (rule.kind) {
    case 'function':
      return typeof v === 'function' ? undefined : 'must be a function';
    case 'int':
      if (typeof v !== 'number' || !Number.isInteger(v)) return `expected an integer, got ${typeof v === 'number' ? v : typeof v}`;
      if (v < rule.min) return `must be >= ${rule.min}`;
      if (v > rule.max) return `must be <= ${rule.max}`;
      return undefined;
    case 'string':
      if (typeof v !== 'string') return `expected a string, got ${typeof v}`;
      if (rule.nonEmpty && v === '') return 'must not be empty';
      if (rule.pattern && !rule.pattern.test(v)) return rule.message ?? `must match ${rule.pattern}`;
      return undefined;
    case 'strings':
      return Array.isArray(v) && v.every((x) => typeof x === 'string') ? undefined : 'expected an array of strings';
    case 'boolean':
      return typeof v === 'boolean' ? undefined : `expected a boolean, got ${typeof v}`;
    case 'oneOf':
      return typeof v === 'string' && rule.values.includes(v) ? undefined : `expected one of ${rule.values.map((x) => `'${x}'`).join(', ')}`;
  }
}

/** The first problem of `spec` against `rules`, as `<path>: <message>`, or undefined. */
export function checkSpec(spec: unknown, rules: Readonly<Record<string, SpecRule>>): string | undefined {
  if (typeof spec !== 'object' || spec === null) return 'spec: expected an object';
  const s = spec as Record<string, unknown>;
  for (const key of Object.keys(rules)) {
    const p = problem(s[key], rules[key]!);
    if (p) return `${key}: ${p}`;
  }
  return undefined;
}
