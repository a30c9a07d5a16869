/**
 * The fallback reading of an event that is not valid JSON (ze-plugin-protocol.md §5.6; the Ze
 * bug of docs/ze-compat.md "The plugin under Ze f09f9ac2"): Ze at f09f9ac2 writes `update.attr` with a
 * stray comma where its formatter skipped the extended communities (`…"attr-14":"…",,"origin"…`
 * or `…"attr-14":"…",}`), so every UPDATE with a route target or a FlowSpec action arrives as
 * an event JSON.parse refuses. The route table needs none of Ze's decoding: this reader takes
 * `bgp.message`, `bgp.peer`, `bgp.state` and `bgp.raw` (RFC 8259 values, read strictly) and
 * only skips every other value by its brackets and strings, so garbage inside Ze's own decoding
 * (`bgp.update`) does not lose the route. Stray commas are also tolerated in the objects it reads.
 *
 * Returns the same shape JSON.parse would give for those parts, or undefined when even that
 * cannot be read (unbalanced brackets, an unterminated string, bad values in the parts kept).
 */

const MAX_DEPTH = 256;

class Skim {
  i = 0;
  constructor(readonly s: string) {}

  ws(): void {
    const s = this.s;
    let i = this.i;
    for (;;) {
      const c = s.charCodeAt(i);
      if (c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09) i++;
      else break;
    }
    this.i = i;
  }

  /** A JSON string at `i` (strict RFC 8259 §7), via JSON.parse of its exact text. */
  str(): string {
    const s = this.s;
    if (s[this.i] !== '"') throw 0;
    let j = this.i + 1;
    for (;;) {
      const c = s.charCodeAt(j);
      if (Number.isNaN(c) || c < 0x20) throw 0;
      if (c === 0x22) break;
      j += c === 0x5c ? 2 : 1;
    }
    const v = JSON.parse(s.slice(this.i, j + 1)) as string;
    this.i = j + 1;
    return v;
  }

  /** Skip any value: strings respected, brackets balanced, nothing else checked. */
  skip(): void {
    const s = this.s;
    const c0 = s.charCodeAt(this.i);
    if (c0 === 0x22) {
      this.str();
      return;
    }
    if (c0 === 0x7b || c0 === 0x5b) {
      let depth = 0;
      for (;;) {
        const c = s.charCodeAt(this.i);
        if (Number.isNaN(c)) throw 0;
        if (c === 0x22) {
          this.str();
          continue;
        }
        this.i++;
        if (c === 0x7b || c === 0x5b) {
          if (++depth > MAX_DEPTH) throw 0;
        } else if ((c === 0x7d || c === 0x5d) && --depth === 0) return;
      }
    }
    // A number or literal: up to the next delimiter.
    const a = this.i;
    for (;;) {
      const c = s.charCodeAt(this.i);
      if (Number.isNaN(c) || c === 0x2c || c === 0x7d || c === 0x5d || c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09) break;
      this.i++;
    }
    if (this.i === a) throw 0;
  }

  /**
   * An object at `i`; `each(key)` reads the value (`i` at its first character). Stray commas are
   * tolerated. A repeated key: the last one wins (as JSON.parse).
   */
  object(each: (key: string) => void): void {
    const s = this.s;
    if (s[this.i] !== '{') throw 0;
    this.i++;
    for (;;) {
      this.ws();
      const c = s[this.i];
      if (c === '}') {
        this.i++;
        return;
      }
      if (c === ',') {
        this.i++;
        continue;
      }
      const k = this.str();
      this.ws();
      if (s[this.i] !== ':') throw 0;
      this.i++;
      this.ws();
      each(k);
      this.ws();
      const d = s[this.i];
      if (d === ',') this.i++;
      else if (d !== '}') throw 0;
    }
  }

  /** A whole value read strictly with JSON.parse (its extent found by `skip`). */
  value(): unknown {
    const a = this.i;
    this.skip();
    return JSON.parse(this.s.slice(a, this.i));
  }

  /** An object of plain values (raw.nlri, raw.withdrawn, raw.add-path). */
  flat(): Record<string, unknown> {
    const o: Record<string, unknown> = {};
    this.object((k) => (o[k] = this.value()));
    return o;
  }
}

/** The parts of an update/state event the plugin uses, read without needing valid JSON elsewhere. */
export function skimEvent(text: string): { bgp: Record<string, unknown> } | undefined {
  const sk = new Skim(text);
  try {
    let bgp: Record<string, unknown> | undefined;
    sk.ws();
    sk.object((k) => {
      if (k !== 'bgp') return sk.skip();
      const b: Record<string, unknown> = {};
      sk.object((bk) => {
        if (bk === 'message' || bk === 'peer' || bk === 'state') b[bk] = sk.value();
        else if (bk === 'raw') {
          const raw: Record<string, unknown> = {};
          sk.object((rk) => {
            if (rk === 'nlri' || rk === 'withdrawn' || rk === 'add-path') raw[rk] = sk.s[sk.i] === '{' ? sk.flat() : sk.value();
            else raw[rk] = sk.value();
          });
          b.raw = raw;
        } else sk.skip();
      });
      bgp = b;
    });
    sk.ws();
    if (sk.i !== text.length || bgp === undefined) return undefined;
    return { bgp };
  } catch (e) {
    if (e === 0 || e instanceof SyntaxError) return undefined;
    throw e;
  }
}
