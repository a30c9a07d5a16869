/**
 * A JSON text writer that produces exactly what Go's `encoding/json` produces.
 *
 * - Compact: no spaces, no newline.
 * - Strings escaped like Go (with HTML escaping on, as `json.Marshal` does): `<`, `>`, `&` become
 *   `\u003c`, `\u003e`, `\u0026`; U+2028/U+2029 are escaped; control characters use `\n`, `\r`,
 *   `\t`, `\b`, `\f` (Go 1.22+) or `\u00XX`; a lone surrogate becomes `\ufffd`.
 * - Integers of any size from `bigint`, so 64-bit identifiers print exactly.
 *
 * The writer appends to one string (V8 ropes make this cheap) and tracks only whether the next
 * value needs a comma: no intermediate objects are built, so families write their JSON straight
 * from the model.
 *
 * Key injection: `inject(key, value)` asks the writer to place `"key":value` inside the next
 * object that is opened, at its byte-wise sorted position among the keys the family writes.
 * This is how the core adds `path-id` (ADD-PATH) to every family's JSON with one mechanism.
 */

// Characters that need escaping in Go's HTML-safe JSON output.
// eslint-disable-next-line no-control-regex
const NEEDS_ESCAPE = /["\\<>&\u0000-\u001f\u2028\u2029\ud800-\udfff]/;

function escapeSlow(s: string): string {
  let out = '"';
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    switch (c) {
      case 0x22: out += '\\"'; continue;
      case 0x5c: out += '\\\\'; continue;
      case 0x0a: out += '\\n'; continue;
      case 0x0d: out += '\\r'; continue;
      case 0x09: out += '\\t'; continue;
      case 0x08: out += '\\b'; continue;
      case 0x0c: out += '\\f'; continue;
      case 0x3c: out += '\\u003c'; continue;
      case 0x3e: out += '\\u003e'; continue;
      case 0x26: out += '\\u0026'; continue;
      case 0x2028: out += '\\u2028'; continue;
      case 0x2029: out += '\\u2029'; continue;
    }
    if (c < 0x20) {
      out += '\\u00' + c.toString(16).padStart(2, '0');
    } else if (c >= 0xd800 && c <= 0xdbff) {
      const d = i + 1 < s.length ? s.charCodeAt(i + 1) : 0;
      if (d >= 0xdc00 && d <= 0xdfff) {
        out += s[i]! + s[i + 1]!;
        i++;
      } else {
        out += '\\ufffd';
      }
    } else if (c >= 0xdc00 && c <= 0xdfff) {
      out += '\\ufffd';
    } else {
      out += s[i];
    }
  }
  return out + '"';
}

/** A JSON string literal exactly as Go's `json.Marshal` writes it. */
export function goQuote(s: string): string {
  return NEEDS_ESCAPE.test(s) ? escapeSlow(s) : '"' + s + '"';
}

export interface Injection {
  key: string;
  /** JSON text of the value. */
  value: string;
  /** Depth of the object it goes into. */
  depth: number;
}

export class JsonWriter {
  /** The text written so far. */
  out = '';
  protected comma = false;
  protected depth = 0;
  protected injection: Injection | null = null;

  protected sep(): void {
    if (this.comma) this.out += ',';
  }

  /** Place `"key":<valueJson>` in the next object opened, at its sorted position. */
  inject(key: string, valueJson: string): this {
    this.injection = { key, value: valueJson, depth: this.depth + 1 };
    return this;
  }

  protected flushInjection(beforeKey: string | null): void {
    const inj = this.injection;
    if (inj === null || inj.depth !== this.depth) return;
    if (beforeKey !== null && !(inj.key < beforeKey)) return;
    this.injection = null;
    this.sep();
    this.out += goQuote(inj.key) + ':' + inj.value;
    this.comma = true;
  }

  beginObject(): this {
    this.sep();
    this.out += '{';
    this.depth++;
    this.comma = false;
    return this;
  }

  endObject(): this {
    if (this.injection !== null) this.flushInjection(null);
    this.out += '}';
    this.depth--;
    this.comma = true;
    return this;
  }

  beginArray(): this {
    this.sep();
    this.out += '[';
    this.depth++;
    this.comma = false;
    return this;
  }

  endArray(): this {
    this.out += ']';
    this.depth--;
    this.comma = true;
    return this;
  }

  key(k: string): this {
    if (this.injection !== null) this.flushInjection(k);
    this.sep();
    this.out += goQuote(k) + ':';
    this.comma = false;
    return this;
  }

  /** A key known to need no escaping (plain ASCII names): skips the escape test. */
  keyRaw(k: string): this {
    if (this.injection !== null) this.flushInjection(k);
    this.sep();
    this.out += '"' + k + '":';
    this.comma = false;
    return this;
  }

  string(s: string): this {
    this.sep();
    this.out += goQuote(s);
    this.comma = true;
    return this;
  }

  /** A string known to need no escaping. */
  stringRaw(s: string): this {
    this.sep();
    this.out += '"' + s + '"';
    this.comma = true;
    return this;
  }

  /** A finite number as Go prints integers and simple floats. */
  number(n: number): this {
    this.sep();
    this.out += Number.isInteger(n) ? String(n) : goFloat(n);
    this.comma = true;
    return this;
  }

  bigint(n: bigint): this {
    this.sep();
    this.out += n.toString();
    this.comma = true;
    return this;
  }

  bool(b: boolean): this {
    this.sep();
    this.out += b ? 'true' : 'false';
    this.comma = true;
    return this;
  }

  null(): this {
    this.sep();
    this.out += 'null';
    this.comma = true;
    return this;
  }

  /** Already-encoded JSON text, pasted as one value. */
  raw(json: string): this {
    this.sep();
    this.out += json;
    this.comma = true;
    return this;
  }

  /** `"k":"v"` shorthand. */
  field(k: string, v: string): this {
    return this.key(k).string(v);
  }

  /** `"k":n` shorthand. */
  fieldNumber(k: string, n: number): this {
    return this.key(k).number(n);
  }

  /** An array of numbers. */
  numbers(ns: readonly number[]): this {
    this.sep();
    this.out += '[' + ns.join(',') + ']';
    this.comma = true;
    return this;
  }

  /** An array of strings. */
  strings(ss: readonly string[]): this {
    this.beginArray();
    for (const s of ss) this.string(s);
    return this.endArray();
  }

  /** Take the text and reset the writer for reuse. */
  take(): string {
    const s = this.out;
    this.out = '';
    this.comma = false;
    this.depth = 0;
    this.injection = null;
    return s;
  }
}

/**
 * Go's `strconv.FormatFloat(f, 'f' or 'e', -1, 64)` as `encoding/json` uses it: plain notation
 * for 1e-6 <= |f| < 1e21, exponent form otherwise, with a two-digit minimum exponent.
 */
export function goFloat(n: number): string {
  if (!Number.isFinite(n)) return 'null';
  const abs = Math.abs(n);
  if (abs !== 0 && (abs < 1e-6 || abs >= 1e21)) {
    // JS: 1e+21, 1.5e-7; Go: 1e+21, 1.5e-07
    return n.toExponential().replace(/e([+-])(\d)$/, 'e$10$2');
  }
  return String(n);
}

/** Serialise a plain JS value (objects with sorted keys, like a Go map) the Go way. Slow path. */
export function goMarshal(v: unknown): string {
  if (v === null || v === undefined) return 'null';
  switch (typeof v) {
    case 'string': return goQuote(v);
    case 'number': return Number.isInteger(v) ? String(v) : goFloat(v);
    case 'bigint': return v.toString();
    case 'boolean': return v ? 'true' : 'false';
  }
  if (Array.isArray(v)) return '[' + v.map(goMarshal).join(',') + ']';
  if (v instanceof Uint8Array) return goQuote(Buffer.from(v).toString('base64'));
  const o = v as Record<string, unknown>;
  const keys = Object.keys(o).filter((k) => o[k] !== undefined).sort(byteCompare);
  return '{' + keys.map((k) => goQuote(k) + ':' + goMarshal(o[k])).join(',') + '}';
}

/** Go's map-key order: byte-wise on UTF-8 (for ASCII, code-unit order). */
export function byteCompare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * Re-order the keys of every object in a compact JSON text byte-wise, as a Go program that
 * unmarshals the text into `map[string]any` and marshals it again would (Ze does that with the
 * NLRI JSON its plugins return). Number literals and string escapes are kept exactly as written
 * (Go's float64 round trip would round integers above 2^53; ze-nlri keeps them exact).
 * Input must be valid compact JSON as JsonWriter writes it; text that is already sorted is
 * returned unchanged.
 */
export function sortJsonKeys(text: string): string {
  return keysSorted(text) ? text : resortJsonKeys(text);
}

/**
 * Are the keys of every object of this compact JSON text already in byte-wise order? One scan,
 * nothing built: keys are compared where they stand in the text (a key is a string directly
 * after `{` or `,` inside an object).
 */
function keysSorted(text: string): boolean {
  // Per open container: -1 for an array, else the index where the object's last key starts.
  const lastKey: number[] = [];
  const lastEnd: number[] = [];
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x22) {
      const start = i;
      i++;
      while (i < text.length && text.charCodeAt(i) !== 0x22) i += text.charCodeAt(i) === 0x5c ? 2 : 1;
      const d = lastKey.length - 1;
      const before = text.charCodeAt(start - 1);
      if (d >= 0 && lastKey[d]! !== -1 && (before === 0x7b || before === 0x2c) && text.charCodeAt(i + 1) === 0x3a) {
        const prev = lastKey[d]!;
        if (prev >= 0 && byteCompare(text.slice(prev, lastEnd[d]!), text.slice(start + 1, i)) > 0) return false;
        lastKey[d] = start + 1;
        lastEnd[d] = i;
      }
    } else if (c === 0x7b) {
      lastKey.push(-2);
      lastEnd.push(0);
    } else if (c === 0x5b) {
      lastKey.push(-1);
      lastEnd.push(0);
    } else if (c === 0x7d || c === 0x5d) {
      lastKey.pop();
      lastEnd.pop();
    }
  }
  return true;
}

function resortJsonKeys(text: string): string {
  let i = 0;
  const value = (): string => {
    const c = text.charCodeAt(i);
    if (c === 0x7b /* { */) {
      i++;
      if (text.charCodeAt(i) === 0x7d) {
        i++;
        return '{}';
      }
      const members: [string, string][] = [];
      let sorted = true;
      for (;;) {
        const ks = i;
        skipString();
        const key = text.slice(ks, i);
        i++; // ':'
        const v = value();
        if (members.length > 0 && byteCompare(members[members.length - 1]![0], key) > 0) sorted = false;
        members.push([key, v]);
        if (text.charCodeAt(i) === 0x2c) {
          i++;
          continue;
        }
        i++; // '}'
        break;
      }
      if (!sorted) members.sort((a, b) => byteCompare(a[0], b[0]));
      let out = '{';
      for (let k = 0; k < members.length; k++) out += (k ? ',' : '') + members[k]![0] + ':' + members[k]![1];
      return out + '}';
    }
    if (c === 0x5b /* [ */) {
      i++;
      if (text.charCodeAt(i) === 0x5d) {
        i++;
        return '[]';
      }
      let out = '[';
      for (;;) {
        out += value();
        if (text.charCodeAt(i) === 0x2c) {
          i++;
          out += ',';
          continue;
        }
        i++;
        return out + ']';
      }
    }
    const s = i;
    if (c === 0x22) skipString();
    else while (i < text.length && !',]}'.includes(text[i]!)) i++;
    return text.slice(s, i);
  };
  const skipString = (): void => {
    i++; // opening quote
    while (i < text.length) {
      const ch = text.charCodeAt(i);
      if (ch === 0x5c) i += 2;
      else if (ch === 0x22) {
        i++;
        return;
      } else i++;
    }
  };
  return value();
}
