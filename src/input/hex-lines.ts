/**
 * A streaming reader of hex text: one BGP message (RFC 4271 §4.1, marker and header) or one
 * UPDATE body (RFC 4271 §4.3, from the Withdrawn Routes Length on) per line, hex as users type
 * it (spaces, colons, a `0x` prefix, either case). Empty lines and lines starting with `#` are
 * skipped. Errors (a line that is not hex, a line over `maxLine` octets) are reported for that
 * line and the reader goes on; a line too long is never kept whole.
 */
import { NlriError } from '../core/errors.js';
import { fromHex } from '../core/hex.js';
import { inputError, type InputError } from './errors.js';

/** A 65535-octet message as hex with a separator after every octet, and room to spare. */
export const HEX_MAX_LINE = 1 << 20;

export interface HexLine {
  readonly kind: 'hex';
  /** 1-based line number. */
  readonly line: number;
  /** File offset of the line's first character. */
  readonly offset: number;
  readonly bytes: Uint8Array;
}

export type HexRecord = HexLine | InputError;

const decoder = new TextDecoder();

export class HexLineReader {
  private parts: Uint8Array[] = [];
  private partLen = 0;
  private skipping = false;
  private lineNo = 0;
  private lineStart = 0;
  private pos = 0;
  private readonly max: number;
  count = 0;

  constructor(opts: { maxLine?: number } = {}) {
    this.max = opts.maxLine ?? HEX_MAX_LINE;
  }

  get done(): boolean {
    return false;
  }

  push(chunk: Uint8Array): HexRecord[] {
    const out: HexRecord[] = [];
    let start = 0;
    for (;;) {
      const nl = chunk.indexOf(0x0a, start);
      if (nl < 0) break;
      this.lineNo++;
      if (this.skipping) this.skipping = false;
      else if (this.partLen + (nl - start) > this.max) out.push(this.tooLong());
      else {
        const piece = chunk.subarray(start, nl);
        this.line(this.partLen === 0 ? piece : concat([...this.parts, piece]), out);
      }
      this.parts = [];
      this.partLen = 0;
      this.pos += nl + 1 - start;
      this.lineStart = this.pos;
      start = nl + 1;
    }
    if (start < chunk.length) {
      const rest = chunk.subarray(start);
      this.pos += rest.length;
      if (!this.skipping) {
        if (this.partLen + rest.length > this.max) {
          out.push(this.tooLong(this.lineNo + 1));
          this.skipping = true;
          this.parts = [];
          this.partLen = 0;
        } else {
          this.parts.push(rest.slice());
          this.partLen += rest.length;
        }
      }
    }
    return out;
  }

  end(): HexRecord[] {
    const out: HexRecord[] = [];
    if (!this.skipping && this.partLen > 0) {
      this.lineNo++;
      this.line(concat(this.parts), out);
    }
    this.parts = [];
    this.partLen = 0;
    return out;
  }

  private tooLong(line = this.lineNo): InputError {
    return inputError('bad-length', `line ${line} is longer than ${this.max} octets`, this.lineStart, false);
  }

  private line(b: Uint8Array, out: HexRecord[]): void {
    let text = decoder.decode(b).trim();
    if (text === '' || text.startsWith('#')) return;
    text = text.replace(/^0x/i, '').replace(/[\s:]/g, '');
    this.count++;
    try {
      out.push({ kind: 'hex', line: this.lineNo, offset: this.lineStart, bytes: fromHex(text, 'update') });
    } catch (e) {
      if (!(e instanceof NlriError)) throw e;
      out.push(inputError(e.code, `line ${this.lineNo}: ${e.message}`, this.lineStart, false));
    }
  }
}

function concat(parts: Uint8Array[]): Uint8Array {
  let n = 0;
  for (const p of parts) n += p.length;
  const b = new Uint8Array(n);
  let o = 0;
  for (const p of parts) {
    b.set(p, o);
    o += p.length;
  }
  return b;
}
