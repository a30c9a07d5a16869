/**
 * A `JsonWriter` that writes UTF-8 bytes into a buffer instead of building a string: the same
 * text, octet for octet (Go's `encoding/json` output, see json.ts), for a caller that sends the
 * text on as bytes anyway (the `--decode` line server's output batch). No string is made for
 * the JSON itself: keys, punctuation and integers are written as bytes; only the pieces a family
 * hands over as strings (an address, a route distinguisher) exist as strings.
 *
 * The buffer grows (doubling, copied) when a write does not fit; `buf` is then a new array, so a
 * caller that lends its own buffer reads `buf` and `pos` back after writing. `take()` gives the
 * text written since the last `take`/`reset` as a string (tests, callers that want text).
 */
import { JsonWriter, goFloat, goQuote } from './json.js';

/** ASCII code units that `goQuote` escapes (", \, <, >, &, controls): 1. */
const ESCAPED = new Uint8Array(128);
for (let c = 0; c < 0x20; c++) ESCAPED[c] = 1;
for (const c of [0x22, 0x5c, 0x3c, 0x3e, 0x26]) ESCAPED[c] = 1;

const decoder = new TextDecoder();

export class JsonByteWriter extends JsonWriter {
  /** The bytes: text is written at `pos`. */
  buf: Uint8Array;
  pos: number;
  /** Where the text `take()` returns starts. */
  private mark: number;

  constructor(buf: Uint8Array = new Uint8Array(256), pos = 0) {
    super();
    this.buf = buf;
    this.pos = pos;
    this.mark = pos;
  }

  /** Write into `buf` from `pos` on (nothing else is reset but the text mark). */
  point(buf: Uint8Array, pos: number): this {
    this.buf = buf;
    this.pos = pos;
    this.mark = pos;
    return this;
  }

  /** Forget the nesting state and any injection (after a write that failed half-way). */
  clear(): this {
    this.comma = false;
    this.depth = 0;
    this.injection = null;
    return this;
  }

  private room(n: number): void {
    if (this.pos + n <= this.buf.length) return;
    const next = new Uint8Array(Math.max(this.buf.length * 2, this.pos + n));
    next.set(this.buf.subarray(0, this.pos));
    this.buf = next;
  }

  private byte(c: number): void {
    if (this.pos >= this.buf.length) this.room(1);
    this.buf[this.pos++] = c;
  }

  /** Text as UTF-8 (any string: code points above U+007F take 2-4 octets; `goQuote` output has no lone surrogate). */
  private text(s: string): void {
    const n = s.length;
    this.room(n);
    const b = this.buf;
    let p = this.pos;
    for (let i = 0; i < n; i++) {
      const c = s.charCodeAt(i);
      if (c >= 0x80) {
        this.pos = p;
        return this.textWide(s, i);
      }
      b[p++] = c;
    }
    this.pos = p;
  }

  private textWide(s: string, from: number): void {
    for (let i = from; i < s.length; i++) {
      let c = s.charCodeAt(i);
      this.room(4);
      const b = this.buf;
      if (c < 0x80) b[this.pos++] = c;
      else if (c < 0x800) {
        b[this.pos++] = 0xc0 | (c >> 6);
        b[this.pos++] = 0x80 | (c & 0x3f);
      } else {
        if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length) {
          const d = s.charCodeAt(i + 1);
          if (d >= 0xdc00 && d <= 0xdfff) {
            c = 0x10000 + ((c - 0xd800) << 10) + (d - 0xdc00);
            i++;
            b[this.pos++] = 0xf0 | (c >> 18);
            b[this.pos++] = 0x80 | ((c >> 12) & 0x3f);
            b[this.pos++] = 0x80 | ((c >> 6) & 0x3f);
            b[this.pos++] = 0x80 | (c & 0x3f);
            continue;
          }
        }
        // A lone surrogate is written as U+FFFD, as a UTF-8 encoder of the string would.
        if (c >= 0xd800 && c <= 0xdfff) c = 0xfffd;
        b[this.pos++] = 0xe0 | (c >> 12);
        b[this.pos++] = 0x80 | ((c >> 6) & 0x3f);
        b[this.pos++] = 0x80 | (c & 0x3f);
      }
    }
  }

  /** A JSON string literal, escaped as `goQuote` escapes it. */
  private quoted(s: string): void {
    const n = s.length;
    this.room(n + 2);
    const b = this.buf;
    const start = this.pos;
    let p = start;
    b[p++] = 0x22;
    for (let i = 0; i < n; i++) {
      const c = s.charCodeAt(i);
      if (c >= 0x80 || ESCAPED[c]) {
        this.pos = start;
        return this.text(goQuote(s));
      }
      b[p++] = c;
    }
    b[p++] = 0x22;
    this.pos = p;
  }

  /** A string known to need no escaping, in quotes. */
  private quotedRaw(s: string): void {
    this.byte(0x22);
    this.text(s);
    this.byte(0x22);
  }

  /** A non-negative safe integer's digits. */
  private digits(n: number): void {
    if (n < 10) return this.byte(0x30 + n);
    let len = 1;
    for (let t = n; t >= 10; t = Math.floor(t / 10)) len++;
    this.room(len);
    const b = this.buf;
    let p = this.pos + len;
    this.pos = p;
    do {
      const q = Math.floor(n / 10);
      b[--p] = 0x30 + (n - q * 10);
      n = q;
    } while (n > 0);
  }

  protected override sep(): void {
    if (this.comma) this.byte(0x2c);
  }

  protected override flushInjection(beforeKey: string | null): void {
    const inj = this.injection;
    if (inj === null || inj.depth !== this.depth) return;
    if (beforeKey !== null && !(inj.key < beforeKey)) return;
    this.injection = null;
    this.sep();
    this.quoted(inj.key);
    this.byte(0x3a);
    this.text(inj.value);
    this.comma = true;
  }

  override beginObject(): this {
    this.sep();
    this.byte(0x7b);
    this.depth++;
    this.comma = false;
    return this;
  }

  override endObject(): this {
    if (this.injection !== null) this.flushInjection(null);
    this.byte(0x7d);
    this.depth--;
    this.comma = true;
    return this;
  }

  override beginArray(): this {
    this.sep();
    this.byte(0x5b);
    this.depth++;
    this.comma = false;
    return this;
  }

  override endArray(): this {
    this.byte(0x5d);
    this.depth--;
    this.comma = true;
    return this;
  }

  override key(k: string): this {
    if (this.injection !== null) this.flushInjection(k);
    this.sep();
    this.quoted(k);
    this.byte(0x3a);
    this.comma = false;
    return this;
  }

  override keyRaw(k: string): this {
    if (this.injection !== null) this.flushInjection(k);
    this.sep();
    this.quotedRaw(k);
    this.byte(0x3a);
    this.comma = false;
    return this;
  }

  override string(s: string): this {
    this.sep();
    this.quoted(s);
    this.comma = true;
    return this;
  }

  override stringRaw(s: string): this {
    this.sep();
    this.quotedRaw(s);
    this.comma = true;
    return this;
  }

  override number(n: number): this {
    this.sep();
    if (Number.isSafeInteger(n)) {
      if (n < 0) {
        this.byte(0x2d);
        this.digits(-n);
      } else this.digits(n);
    } else this.text(Number.isInteger(n) ? String(n) : goFloat(n));
    this.comma = true;
    return this;
  }

  override bigint(n: bigint): this {
    this.sep();
    this.text(n.toString());
    this.comma = true;
    return this;
  }

  override bool(b: boolean): this {
    this.sep();
    this.text(b ? 'true' : 'false');
    this.comma = true;
    return this;
  }

  override null(): this {
    this.sep();
    this.text('null');
    this.comma = true;
    return this;
  }

  override raw(json: string): this {
    this.sep();
    this.text(json);
    this.comma = true;
    return this;
  }

  /** As the string writer: `[` + the numbers as `String` prints them, comma-separated + `]`. */
  override numbers(ns: readonly number[]): this {
    this.sep();
    this.byte(0x5b);
    for (let i = 0; i < ns.length; i++) {
      if (i > 0) this.byte(0x2c);
      const n = ns[i]!;
      if (Number.isSafeInteger(n) && n >= 0) this.digits(n);
      else this.text(String(n));
    }
    this.byte(0x5d);
    this.comma = true;
    return this;
  }

  /** Plain ASCII text outside the JSON structure (an answer's prefix): no separator, no state change. */
  ascii(s: string): this {
    this.text(s);
    return this;
  }

  /** The text written since the last `take`/`point`, as a string; the writer is reset and writes on from there. */
  override take(): string {
    const s = decoder.decode(this.buf.subarray(this.mark, this.pos));
    this.mark = this.pos;
    this.clear();
    return s;
  }
}
