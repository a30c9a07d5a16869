/**
 * JSON comparison for tests, written independently of src/: a parser that keeps number literals
 * exactly (Ze prints 64-bit values), the list of leaves of a document as (path, literal), and
 * path patterns (`*` one segment, `**` any number) for documented deviations.
 */
export type Exact = string | { n: string } | boolean | null | Exact[] | { [k: string]: Exact };

export function parseExact(text: string): Exact {
  let i = 0;
  const ws = (): void => {
    while (i < text.length && ' \t\n\r'.includes(text[i]!)) i++;
  };
  const value = (): Exact => {
    ws();
    const c = text[i];
    if (c === '{') {
      i++;
      const o: { [k: string]: Exact } = {};
      ws();
      if (text[i] === '}') return (i++, o);
      for (;;) {
        ws();
        const k = value() as string;
        ws();
        if (text[i++] !== ':') throw new Error(`expected : at ${i}`);
        o[k] = value();
        ws();
        const d = text[i++];
        if (d === '}') return o;
        if (d !== ',') throw new Error(`expected , or } at ${i}`);
      }
    }
    if (c === '[') {
      i++;
      const a: Exact[] = [];
      ws();
      if (text[i] === ']') return (i++, a);
      for (;;) {
        a.push(value());
        ws();
        const d = text[i++];
        if (d === ']') return a;
        if (d !== ',') throw new Error(`expected , or ] at ${i}`);
      }
    }
    if (c === '"') {
      const s = i;
      i++;
      while (text[i] !== '"') i += text[i] === '\\' ? 2 : 1;
      i++;
      return JSON.parse(text.slice(s, i)) as string;
    }
    const m = /^(true|false|null|-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?)/.exec(text.slice(i, i + 64));
    if (!m) throw new Error(`bad JSON at ${i}: ${text.slice(i, i + 20)}`);
    i += m[0].length;
    if (m[0] === 'true') return true;
    if (m[0] === 'false') return false;
    if (m[0] === 'null') return null;
    return { n: m[0] };
  };
  const v = value();
  ws();
  if (i !== text.length) throw new Error(`trailing text at ${i}`);
  return v;
}

function isNum(v: Exact): v is { n: string } {
  return typeof v === 'object' && v !== null && !Array.isArray(v) && Object.keys(v).length === 1 && typeof (v as { n?: unknown }).n === 'string';
}

/** Every leaf as [path, literal]; empty containers are leaves too. */
export function leaves(v: Exact, path: string[] = [], out: [string[], string][] = []): [string[], string][] {
  if (Array.isArray(v)) {
    if (v.length === 0) out.push([path, '[]']);
    v.forEach((e, k) => leaves(e, [...path, String(k)], out));
  } else if (v !== null && typeof v === 'object' && !isNum(v)) {
    const keys = Object.keys(v);
    if (keys.length === 0) out.push([path, '{}']);
    for (const k of keys) leaves(v[k]!, [...path, k], out);
  } else {
    out.push([path, isNum(v) ? v.n : JSON.stringify(v)]);
  }
  return out;
}

export function at(v: Exact, path: readonly string[]): Exact | undefined {
  let cur: Exact | undefined = v;
  for (const p of path) {
    if (cur === null || typeof cur !== 'object') return undefined;
    cur = Array.isArray(cur) ? cur[Number(p)] : (cur as { [k: string]: Exact })[p];
    if (cur === undefined) return undefined;
  }
  return cur;
}

/** Does `path` match `pattern` (dot-separated; `*` one segment, `**` zero or more)? */
export function pathMatches(pattern: string, path: readonly string[]): boolean {
  const pat = pattern.split('.');
  const go = (i: number, j: number): boolean => {
    if (i === pat.length) return j === path.length;
    if (pat[i] === '**') return go(i + 1, j) || (j < path.length && go(i, j + 1));
    if (j === path.length) return false;
    return (pat[i] === '*' || pat[i] === path[j]) && go(i + 1, j + 1);
  };
  return go(0, 0);
}

/** The literal of a leaf value, or '<container>' for a non-empty array or object. */
function literal(v: Exact): string {
  const l = leaves(v);
  return l.length === 1 && l[0]![0].length === 0 ? l[0]![1] : '<container>';
}

/** Leaves of `ze` that `ours` does not have with the same literal, as dotted paths. */
export function missingLeaves(ze: Exact, ours: Exact): string[] {
  const bad: string[] = [];
  for (const [p, lit] of leaves(ze)) {
    const o = at(ours, p);
    if (o === undefined) bad.push(p.join('.'));
    // An empty object or list in Ze's JSON is matched by one of the same kind holding more (superset).
    else if (lit === '{}' ? !(o !== null && typeof o === 'object' && !Array.isArray(o) && !isNum(o)) : lit === '[]' ? !Array.isArray(o) : literal(o) !== lit) bad.push(p.join('.'));
  }
  return bad;
}

/** Parse JSON into plain values, integers above 2^53 as bigint (what `fromJson` codecs accept). */
export function parseWithBigints(text: string): unknown {
  const conv = (v: Exact): unknown => {
    if (Array.isArray(v)) return v.map(conv);
    if (v !== null && typeof v === 'object') {
      if (isNum(v)) {
        const n = Number(v.n);
        return Number.isSafeInteger(n) || !/^-?\d+$/.test(v.n) ? n : BigInt(v.n);
      }
      return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, conv(x)]));
    }
    return v;
  };
  return conv(parseExact(text));
}
