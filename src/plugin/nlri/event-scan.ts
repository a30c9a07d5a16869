/**
 * A validating scanner for Ze's `full` update events (ze-plugin-protocol.md §5.6): it reads the
 * few values the route table needs — `bgp.message.type`/`direction`, `bgp.peer.address`/`name`,
 * and `bgp.raw.nlri`, `bgp.raw.withdrawn`, `bgp.raw.add-path` — without building the event's
 * objects, and only checks the rest (Ze's own decoding in `bgp.update`, the attributes, the
 * UPDATE body hex) for JSON validity (RFC 8259 grammar: strings, escapes, numbers, literals,
 * nesting, nothing after the value).
 *
 * It answers only when it is sure its reading equals what `JSON.parse` then the object path would
 * give; otherwise `scan` returns undefined and the caller parses the event in full, so malformed
 * or unusual events behave exactly as before. "Unsure" covers: any grammar error; a key or a
 * value it needs that holds an escape (`"r\u0061w"`); a repeated key on the way (JSON.parse keeps
 * the last value but the first position); a `bgp`, `message`, `peer`, `raw`, `nlri`, `withdrawn`
 * or `add-path` that is not an object; a `message.type`, `direction`, that is not a string; an
 * event that is not an update; an integer-like family key (Object.keys would put it first);
 * nesting deeper than 256.
 */

/** What `scan` read; reused by the next call (copy anything kept). */
export class ScannedUpdate {
  /** `message.direction` is absent or `received`. */
  received = true;
  /** As the object path reads it: peer.address, else peer.name (strings), else 'unknown'. */
  peer = 'unknown';
  /** `raw` is present (an object). */
  hasRaw = false;
  /** `raw.withdrawn`: family, hex, family, hex, … (string values only, in text order); `nWithdrawn` entries used. */
  readonly withdrawn: string[] = [];
  nWithdrawn = 0;
  /** `raw.nlri`, the same way. */
  readonly nlri: string[] = [];
  nNlri = 0;
  /** Families whose `raw.add-path` value is `true`; `nAddPath` entries used. */
  readonly addPath: string[] = [];
  nAddPath = 0;

  /** `family`'s raw.add-path flag is `true`. */
  hasAddPath(family: string): boolean {
    for (let k = 0; k < this.nAddPath; k++) if (this.addPath[k] === family) return true;
    return false;
  }
}

const MAX_DEPTH = 256;
// Parts of the event a container can be (OTHER: anywhere else, only checked).
const OTHER = 0;
const TOP = 1;
const BGP = 2;
const MESSAGE = 3;
const PEER = 4;
const RAW = 5;
const NLRI = 6;
const WITHDRAWN = 7;
const ADDPATH = 8;
// Bits of what the walk has met.
const S_BGP = 1;
const S_MESSAGE = 2;
const S_PEER = 4;
const S_RAW = 8;
const S_TYPE = 16;
const S_DIRECTION = 32;
const S_ADDRESS = 64;
const S_NAME = 128;
const S_NLRI = 256;
const S_WITHDRAWN = 512;
const S_ADDPATH = 1024;
const QUOTE = 0x22;
const BACKSLASH = 0x5c;

/** Hex digit table for `\uXXXX` checks. */
const HEX = new Uint8Array(128);
const CONTROL = /[\x00-\x1f]/;
for (const c of '0123456789abcdefABCDEF') HEX[c.charCodeAt(0)] = 1;

export class EventScanner {
  private s = '';
  private i = 0;
  private n = 0;
  /** The last string read: content from `sa` to `sb` (the closing quote), `esc` when it had escapes. */
  private sa = 0;
  private sb = 0;
  private esc = false;
  /** Index of the next backslash at or after `i` (n when none): strings without one are skipped with indexOf. */
  private bs = 0;
  private readonly out = new ScannedUpdate();
  /** Keys of the object being read (repeat detection), reused. */
  private readonly keys: string[] = [];
  /** Recent key and peer strings, reused when the text holds them again (no allocation). */
  private readonly names: string[] = ['', '', '', ''];
  private lastPeer = 'unknown';

  /**
   * The update event in `text` (already trimmed), or undefined when `text` is not a valid update
   * event of the plain shape (the caller then parses it in full).
   */
  scan(text: string): ScannedUpdate | undefined {
    this.s = text;
    this.i = 0;
    this.n = text.length;
    // A control character is valid JSON only as whitespace between tokens; Ze's events are
    // compact, so any one sends the event to JSON.parse, and strings need no per-character check.
    if (CONTROL.test(text)) return undefined;
    const b = text.indexOf('\\');
    this.bs = b < 0 ? this.n : b;
    const o = this.out;
    o.received = true;
    o.peer = 'unknown';
    o.hasRaw = false;
    o.nWithdrawn = 0;
    o.nNlri = 0;
    o.nAddPath = 0;
    this.a0 = this.a1 = this.n0 = this.n1 = -1;
    const ok = this.top();
    this.s = '';
    return ok ? o : undefined;
  }

  // ---- one validating walk; `where` says which part of the event a container is ----

  private top(): boolean {
    this.ws();
    if (this.s.charCodeAt(this.i) !== 0x7b) return false;
    this.type = 0;
    this.seen = 0;
    if (!this.object(TOP, 0)) return false;
    this.ws();
    if (this.i !== this.n || (this.seen & (S_BGP | S_MESSAGE)) !== (S_BGP | S_MESSAGE) || this.type !== 2) return false;
    const o = this.out;
    if (this.a0 >= 0) o.peer = this.peerText(this.a0, this.a1);
    else if (this.n0 >= 0) o.peer = this.peerText(this.n0, this.n1);
    return true;
  }

  /** message.type: 0 absent, 1 another type, 2 update. */
  private type = 0;
  /** Which of the containers and values the walk has met (repeats are unsure). */
  private seen = 0;
  /** Spans of peer.address and peer.name when they are strings (-1: not seen). */
  private a0 = -1;
  private a1 = -1;
  private n0 = -1;
  private n1 = -1;

  /** An object at `i` (at its `{`), in part `where` of the event. */
  private object(where: number, depth: number): boolean {
    if (depth > MAX_DEPTH) return false;
    const s = this.s;
    this.i++;
    this.ws();
    if (s.charCodeAt(this.i) === 0x7d) {
      this.i++;
      return true;
    }
    let nk = 0; // family keys seen (NLRI/WITHDRAWN/ADDPATH), for repeats
    for (;;) {
      if (s.charCodeAt(this.i) !== QUOTE || !this.key()) return false;
      if (where === OTHER) {
        if (!this.value(depth + 1)) return false;
      } else {
        // A key the walk compares must read as it is written.
        if (this.esc) return false;
        if (!this.member(where, depth, nk)) return false;
        if (where >= NLRI) nk++;
      }
      this.ws();
      const d = s.charCodeAt(this.i++);
      if (d === 0x7d) return true;
      if (d !== 0x2c) return false;
      this.ws();
    }
  }

  /** The value of one member of a container the walk follows (the key is at sa..sb). */
  private member(where: number, depth: number, nk: number): boolean {
    const s = this.s;
    const a = this.sa;
    const len = this.sb - a;
    const c = s.charCodeAt(this.i);
    switch (where) {
      case TOP:
        if (this.same(a, len, 'bgp')) return this.part(S_BGP, BGP, depth);
        break;
      case BGP:
        if (this.same(a, len, 'message')) return this.part(S_MESSAGE, MESSAGE, depth);
        if (this.same(a, len, 'peer')) return this.part(S_PEER, PEER, depth);
        if (this.same(a, len, 'raw')) {
          this.out.hasRaw = true;
          return this.part(S_RAW, RAW, depth);
        }
        break;
      case MESSAGE:
        if (this.same(a, len, 'type')) {
          if (this.seen & S_TYPE || c !== QUOTE || !this.plainString()) return false;
          this.seen |= S_TYPE;
          this.type = this.same(this.sa, this.sb - this.sa, 'update') ? 2 : 1;
          return true;
        }
        if (this.same(a, len, 'direction')) {
          if (this.seen & S_DIRECTION || c !== QUOTE || !this.plainString()) return false;
          this.seen |= S_DIRECTION;
          this.out.received = this.same(this.sa, this.sb - this.sa, 'received');
          return true;
        }
        break;
      case PEER: {
        const isA = this.same(a, len, 'address');
        if (isA || (this.same(a, len, 'name'))) {
          const bit = isA ? S_ADDRESS : S_NAME;
          if (this.seen & bit) return false;
          this.seen |= bit;
          if (c !== QUOTE) break; // not a string: ignored, as the object path ignores it
          if (!this.plainString()) return false;
          if (isA) {
            this.a0 = this.sa;
            this.a1 = this.sb;
          } else {
            this.n0 = this.sa;
            this.n1 = this.sb;
          }
          return true;
        }
        break;
      }
      case RAW:
        if (this.same(a, len, 'nlri')) return this.part(S_NLRI, NLRI, depth);
        if (this.same(a, len, 'withdrawn')) return this.part(S_WITHDRAWN, WITHDRAWN, depth);
        if (this.same(a, len, 'add-path')) return this.part(S_ADDPATH, ADDPATH, depth);
        break;
      default: {
        // A family of raw.nlri / raw.withdrawn / raw.add-path. An integer-like key would come
        // first in Object.keys: leave such events to JSON.parse.
        const k0 = s.charCodeAt(a);
        if (k0 >= 0x30 && k0 <= 0x39) return false;
        const fam = this.keyText();
        const keys = this.keys;
        for (let k = 0; k < nk; k++) if (keys[k] === fam) return false;
        keys[nk] = fam;
        const o = this.out;
        if (where === ADDPATH) {
          if (c === 0x74 /* t */ && this.same(this.i, 4, 'true')) {
            this.i += 4;
            o.addPath[o.nAddPath++] = fam;
            return true;
          }
        } else if (c === QUOTE) {
          if (!this.plainString()) return false;
          const hex = s.slice(this.sa, this.sb);
          if (where === NLRI) {
            o.nlri[o.nNlri++] = fam;
            o.nlri[o.nNlri++] = hex;
          } else {
            o.withdrawn[o.nWithdrawn++] = fam;
            o.withdrawn[o.nWithdrawn++] = hex;
          }
          return true;
        }
      }
    }
    return this.value(depth + 1);
  }

  /** A container the walk follows: once only, and an object. */
  private part(bit: number, where: number, depth: number): boolean {
    if (this.seen & bit || this.s.charCodeAt(this.i) !== 0x7b) return false;
    this.seen |= bit;
    return this.object(where, depth + 1);
  }

  /** The text's `len` characters at `a` are `name` (character by character: no call, no allocation). */
  private same(a: number, len: number, name: string): boolean {
    if (len !== name.length) return false;
    const s = this.s;
    for (let k = 0; k < len; k++) if (s.charCodeAt(a + k) !== name.charCodeAt(k)) return false;
    return true;
  }

  /** The text from a to b, the previous peer's string when it is the same. */
  private peerText(a: number, b: number): string {
    const last = this.lastPeer;
    if (this.same(a, b - a, last)) return last;
    return (this.lastPeer = this.s.slice(a, b));
  }

  /** The last key's text, from a small cache of recent keys when it is one of them. */
  private keyText(): string {
    const s = this.s;
    const a = this.sa;
    const len = this.sb - a;
    const names = this.names;
    for (let k = 0; k < names.length; k++) {
      const v = names[k]!;
      if (this.same(a, len, v)) return v;
    }
    const v = s.slice(a, this.sb);
    for (let k = names.length - 1; k > 0; k--) names[k] = names[k - 1]!;
    names[0] = v;
    return v;
  }

  /** A key and its colon (at its opening quote); leaves `i` at the value. The key is sa..sb, `esc` set. */
  private key(): boolean {
    if (!this.string()) return false;
    this.ws();
    if (this.s.charCodeAt(this.i) !== 0x3a) return false;
    this.i++;
    this.ws();
    return true;
  }

  /** A string without escapes at `i` (at its quote). */
  private plainString(): boolean {
    return this.string() && !this.esc;
  }

  /** Any JSON value at `i`, checked, not kept. */
  private value(depth: number): boolean {
    const c = this.s.charCodeAt(this.i);
    switch (c) {
      case QUOTE:
        return this.string();
      case 0x7b: // {
        return this.object(OTHER, depth);
      case 0x5b: {
        // [
        if (depth > MAX_DEPTH) return false;
        const s = this.s;
        this.i++;
        this.ws();
        if (s.charCodeAt(this.i) === 0x5d) {
          this.i++;
          return true;
        }
        for (;;) {
          if (!this.value(depth + 1)) return false;
          this.ws();
          const d = s.charCodeAt(this.i++);
          if (d === 0x5d) return true;
          if (d !== 0x2c) return false;
          this.ws();
        }
      }
      case 0x74:
        return this.literal('true');
      case 0x66:
        return this.literal('false');
      case 0x6e:
        return this.literal('null');
      default:
        return this.number();
    }
  }

  /**
   * A string at `i` (RFC 8259 §7): no raw control characters (none in the text: `scan` checked),
   * only the defined escapes.
   */
  private string(): boolean {
    const s = this.s;
    const n = this.n;
    let i = this.i + 1;
    this.sa = i;
    const q = s.indexOf('"', i);
    if (q < 0) return false;
    if (q < this.bs) {
      // No backslash before the closing quote: no escapes.
      this.sb = q;
      this.esc = false;
      this.i = q + 1;
      return true;
    }
    let esc = false;
    for (;;) {
      if (i >= n) return false;
      const c = s.charCodeAt(i);
      if (c === QUOTE) break;
      if (c === BACKSLASH) {
        esc = true;
        const d = s.charCodeAt(i + 1);
        if (d === 0x75) {
          // \uXXXX
          for (let k = i + 2; k < i + 6; k++) {
            const h = s.charCodeAt(k);
            if (!(h < 128 && HEX[h] === 1)) return false;
          }
          i += 6;
          continue;
        }
        if (d === QUOTE || d === BACKSLASH || d === 0x2f || d === 0x62 || d === 0x66 || d === 0x6e || d === 0x72 || d === 0x74) {
          i += 2;
          continue;
        }
        return false;
      }
      if (c < 0x20) return false;
      i++;
    }
    this.sb = i;
    this.esc = esc;
    this.i = i + 1;
    if (this.bs <= i) {
      const b = s.indexOf('\\', i + 1);
      this.bs = b < 0 ? n : b;
    }
    return true;
  }

  private literal(word: string): boolean {
    if (!this.s.startsWith(word, this.i)) return false;
    this.i += word.length;
    return true;
  }

  /** RFC 8259 §6: `-? (0 | [1-9][0-9]*) (. [0-9]+)? ([eE] [+-]? [0-9]+)?`. */
  private number(): boolean {
    const s = this.s;
    let i = this.i;
    if (s.charCodeAt(i) === 0x2d) i++;
    let c = s.charCodeAt(i);
    if (c === 0x30) i++;
    else if (c >= 0x31 && c <= 0x39) {
      do i++;
      while (isDigit(s.charCodeAt(i)));
    } else return false;
    if (s.charCodeAt(i) === 0x2e) {
      i++;
      if (!isDigit(s.charCodeAt(i))) return false;
      do i++;
      while (isDigit(s.charCodeAt(i)));
    }
    c = s.charCodeAt(i);
    if (c === 0x65 || c === 0x45) {
      i++;
      c = s.charCodeAt(i);
      if (c === 0x2b || c === 0x2d) i++;
      if (!isDigit(s.charCodeAt(i))) return false;
      do i++;
      while (isDigit(s.charCodeAt(i)));
    }
    this.i = i;
    return true;
  }

  /** JSON whitespace only (space, tab, LF, CR). */
  private ws(): void {
    const s = this.s;
    const n = this.n;
    let i = this.i;
    // (Bounded: reading past the end makes V8 deoptimize the character reads.)
    while (i < n) {
      const c = s.charCodeAt(i);
      if (c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09) i++;
      else break;
    }
    this.i = i;
  }
}

function isDigit(c: number): boolean {
  return c >= 0x30 && c <= 0x39;
}
