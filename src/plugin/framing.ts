/**
 * Line framing of Ze's plugin RPC (ze-plugin-protocol.md §3.1-3.2, §3.6).
 *
 *   request : "#" <id> SP <method> [ SP <json> ] LF
 *   success : "#" <id> SP "ok"     [ SP <json> ] LF
 *   failure : "#" <id> SP "error"  [ SP <json> ] LF
 *
 * Ids are decimal uint64 values kept as strings (answers must echo them digit for digit). Lines
 * are at most 16 MiB; a longer one is a fatal framing error, as in the engine.
 */

/** 16 MiB, the engine's maximum line length (without the newline). */
export const MAX_LINE = 16 * 1024 * 1024;

export interface Frame {
  id: string;
  /** `ok`, `error`, or a method name. */
  verb: string;
  /** The raw JSON text after the verb ('' when absent). */
  payload: string;
}

const ID = /^[0-9]{1,20}$/;

/** Parse one line (without its newline). Returns an error text for a malformed line. */
export function parseFrame(line: string): Frame | string {
  if (line.endsWith('\r')) line = line.slice(0, -1);
  if (line.charCodeAt(0) !== 0x23) return 'line does not start with #';
  const sp = line.indexOf(' ');
  if (sp < 0) return 'no space after the id';
  const id = line.slice(1, sp);
  if (!ID.test(id) || BigInt(id) > 0xffffffffffffffffn) return 'bad id';
  const sp2 = line.indexOf(' ', sp + 1);
  const verb = sp2 < 0 ? line.slice(sp + 1) : line.slice(sp + 1, sp2);
  if (verb === '') return 'empty method';
  return { id, verb, payload: sp2 < 0 ? '' : line.slice(sp2 + 1) };
}

/** One line of compact JSON text: `#<id> <verb>[ <json>]\n`. */
export function formatFrame(id: string, verb: string, payload?: unknown): string {
  if (payload === undefined || payload === null) return `#${id} ${verb}\n`;
  return `#${id} ${verb} ${JSON.stringify(payload)}\n`;
}

/** A frame read from a line's bytes: the payload stays bytes (`payload` is a view of the line). */
export interface ByteFrame {
  id: string;
  verb: string;
  /** The bytes after the verb and its space (empty when absent). */
  payload: Buffer;
}

/**
 * `parseFrame` on the line's bytes (without its newline): the id and the verb are decoded, the
 * payload is left as bytes, so a caller can read a large payload without making a string of it.
 * Accepts and rejects exactly what `parseFrame(line.toString('utf8'))` does.
 */
export function parseFrameBytes(line: Buffer): ByteFrame | string {
  let end = line.length;
  if (end > 0 && line[end - 1] === 0x0d) end--;
  if (line[0] !== 0x23) return 'line does not start with #';
  const sp = line.indexOf(0x20);
  if (sp < 0 || sp >= end) return 'no space after the id';
  const id = line.toString('latin1', 1, sp);
  if (!ID.test(id) || BigInt(id) > 0xffffffffffffffffn) return 'bad id';
  let sp2 = line.indexOf(0x20, sp + 1);
  if (sp2 >= end) sp2 = -1;
  const verb = line.toString('utf8', sp + 1, sp2 < 0 ? end : sp2);
  if (verb === '') return 'empty method';
  return { id, verb, payload: sp2 < 0 ? line.subarray(end, end) : line.subarray(sp2 + 1, end) };
}

/**
 * Splits a byte stream into lines. Keeps partial data across chunks; fails (returns an error
 * text) when a line grows beyond `maxLine` bytes.
 */
export class LineSplitter {
  private parts: Buffer[] = [];
  private size = 0;

  constructor(private readonly maxLine = MAX_LINE) {}

  /** Feed a chunk; calls `onLine` for each complete line (as text). Returns an error text on overflow. */
  push(chunk: Buffer, onLine: (line: string) => void): string | undefined {
    return this.pushBytes(chunk, (line) => onLine(line.toString('utf8')));
  }

  /**
   * Feed a chunk; calls `onLine` for each complete line as bytes (a view of the chunk, or of one
   * buffer joining the chunks of a long line: valid until `onLine` returns unless copied).
   * Returns an error text on overflow.
   */
  pushBytes(chunk: Buffer, onLine: (line: Buffer) => void): string | undefined {
    let start = 0;
    for (;;) {
      const nl = chunk.indexOf(0x0a, start);
      if (nl < 0) break;
      let line: Buffer;
      if (this.size === 0) {
        if (nl - start > this.maxLine) return `line longer than ${this.maxLine} bytes`;
        line = chunk.subarray(start, nl);
      } else {
        if (this.size + nl - start > this.maxLine) return `line longer than ${this.maxLine} bytes`;
        this.parts.push(chunk.subarray(start, nl));
        line = Buffer.concat(this.parts, this.size + nl - start);
        this.parts = [];
        this.size = 0;
      }
      onLine(line);
      start = nl + 1;
    }
    if (start < chunk.length) {
      this.size += chunk.length - start;
      if (this.size > this.maxLine) return `line longer than ${this.maxLine} bytes`;
      this.parts.push(chunk.subarray(start));
    }
    return undefined;
  }

  /** Bytes of an unfinished line. */
  get pending(): number {
    return this.size;
  }
}
