/**
 * The transport of `ze-nlri --decode` (line-protocol.ts): request lines from a byte stream,
 * answer lines to another, with bounded memory and time whatever the input.
 *
 * - Lines end at LF; one CR before it is dropped (CR LF). Nothing else ends a line, so a CR or
 *   any binary byte inside a line never makes two requests of one. A last line without LF is
 *   served at end of input.
 * - A line longer than `MAX_REQUEST_LINE` (16 MiB, without its line end; Ze's scanner stops at
 *   64 KiB and ends the loop) is not kept: its bytes are dropped as they arrive, it is answered
 *   `encoded error request line longer than … bytes` when it starts with `encode`, `decoded
 *   unknown` otherwise, a note goes to stderr, and the next line is served.
 * - Answers are collected and written in batches of about 64 KiB, each batch at the end of every
 *   input chunk at the latest (so a tool that writes one line and waits gets its answer); when
 *   the output is full, reading stops until it drains (one listener at a time, no pile-up).
 */
import type { Readable, Writable } from 'node:stream';
import type { Registry } from '../registry/registry.js';
import { JsonByteWriter } from '../core/json-bytes.js';
import { UNKNOWN, answerParts, requestFamily, writeDecodeBytes } from './line-protocol.js';

/** 16 MiB: the longest request line served (bytes, without the line end). */
export const MAX_REQUEST_LINE = 16 * 1024 * 1024;
const BATCH = 64 * 1024;
/** A batch buffer: a full batch and the longest usual answer line. */
const OUT_SIZE = 2 * BATCH;

export interface ServeOptions {
  /** Longest request line in bytes (default `MAX_REQUEST_LINE`). */
  maxLine?: number;
  /** Told of each line that was too long (1-based line number); default: a note on stderr. */
  onOverlong?: (lineNo: number) => void;
  /**
   * Called before a request naming a family not in `registry` is answered: a promise that
   * registers it (then the request is answered once it settles), or undefined. Default: none,
   * `registry` has every family.
   */
  load?: (family: string) => Promise<void> | undefined;
}

/** Wait until `w` drains (or closes; rejects when it fails). One listener of each kind, removed after. */
function drained(w: Writable): Promise<void> {
  return new Promise((resolve, reject) => {
    const done = (e?: Error): void => {
      w.off('drain', ok);
      w.off('close', ok);
      w.off('error', bad);
      if (e) reject(e);
      else resolve();
    };
    const ok = (): void => done();
    const bad = (e: Error): void => done(e);
    w.on('drain', ok);
    w.on('close', ok);
    w.on('error', bad);
  });
}

/** The first `n` bytes of a line given in pieces, as latin1 text (copies at most `n` bytes). */
function headOf(pieces: Buffer[], n: number): string {
  let s = '';
  for (const p of pieces) {
    if (s.length >= n) break;
    s += p.toString('latin1', 0, Math.min(p.length, n - s.length));
  }
  return s;
}

/** Serve request lines from `input` until it ends; resolves once every answer is written. */
export async function serveLineProtocol(registry: Registry, input: Readable, output: Writable, opts: ServeOptions = {}): Promise<void> {
  const maxLine = opts.maxLine ?? MAX_REQUEST_LINE;
  const onOverlong = opts.onOverlong ?? ((n: number) => process.stderr.write(`ze-nlri --decode: line ${n} is longer than ${maxLine} bytes: not read\n`));
  // The answers not yet written, as UTF-8 bytes: `out[0..outPos)`. A batch handed to `output`
  // is the stream's from then on, so each flush starts a new buffer.
  let out: Buffer = Buffer.allocUnsafe(OUT_SIZE);
  let outPos = 0;
  const w = new JsonByteWriter(out, 0);
  let lineNo = 0;
  // The unfinished line: its chunks, or (skipping) the first bytes of a line too long to keep.
  let parts: Buffer[] = [];
  let size = 0;
  let skipping = false;
  let skipHead = '';

  /** Set when `output` asked to wait (a write returned false): the next flush waits for it to drain. */
  let full = false;
  const send = (chunk: Uint8Array | string): void => {
    if (!output.destroyed && !output.write(chunk)) full = true;
  };
  const sendBatch = (): void => {
    if (outPos === 0) return;
    const bytes = out.subarray(0, outPos);
    out = Buffer.allocUnsafe(OUT_SIZE);
    outPos = 0;
    send(bytes);
  };
  const flush = async (): Promise<void> => {
    sendBatch();
    if (full) {
      full = false;
      await drained(output);
    }
  };
  /** Queue answer text; true when the batch is full (then `await flush()`: no promise per piece). */
  const put = (s: string): boolean => {
    // At most 3 octets per UTF-16 unit: a piece that may not fit goes after the batch, alone.
    if (outPos + s.length * 3 > out.length) {
      sendBatch();
      if (s.length * 3 > out.length) {
        send(s);
        return true;
      }
    }
    outPos += out.write(s, outPos);
    return outPos >= BATCH || full;
  };
  const serve = async (line: Buffer): Promise<void> => {
    let text = line.toString('utf8');
    if (opts.load) {
      const family = requestFamily(text);
      const loading = family !== undefined && !registry.has(family) ? opts.load(family) : undefined;
      if (loading) {
        await loading;
        if (served(line, 0, line.length)) {
          if (outPos >= BATCH) await flush();
          return;
        }
      }
    }
    lineNo++;
    if (text.endsWith('\r')) text = text.slice(0, -1);
    let started = false;
    try {
      for (const p of answerParts(registry, text)) {
        started = true;
        if (put(p)) await flush();
      }
    } catch (e) {
      // A bug in a codec (never an NlriError): still one answer line.
      if (!started) put(text.trimStart().startsWith('encode') ? `encoded error ${e instanceof Error ? e.message : String(e)}`.replace(/[\r\n]+/g, ' ') : UNKNOWN);
    }
    if (put('\n')) await flush();
  };
  /** A `decode … nlri` line answered from its bytes (line-protocol.ts); false: use `serve`. */
  const served = (b: Buffer, start: number, end: number): boolean => {
    w.point(out, outPos);
    const answer = writeDecodeBytes(registry, b, start, end, w);
    // UNKNOWN: maybe a family still to load (`serve` loads it and asks again).
    if (answer === undefined || (answer === UNKNOWN && opts.load)) return false;
    if (answer === UNKNOWN) w.ascii(UNKNOWN);
    w.ascii('\n');
    lineNo++;
    // A long answer grew the writer's buffer (a copy of the batch and the answer): it is the batch now.
    if (w.buf !== out) out = Buffer.from(w.buf.buffer, w.buf.byteOffset, w.buf.length);
    outPos = w.pos;
    return true;
  };
  const overlong = async (): Promise<void> => {
    lineNo++;
    onOverlong(lineNo);
    if (put(/^[ \t\v\f\r]*encode(?:[ \t\v\f\r]|$)/.test(skipHead) ? `encoded error request line longer than ${maxLine} bytes\n` : UNKNOWN + '\n')) await flush();
  };

  for await (const chunk of input as AsyncIterable<Buffer | string>) {
    const buf = typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
    let start = 0;
    for (;;) {
      const nl = buf.indexOf(0x0a, start);
      const end = nl < 0 ? buf.length : nl;
      if (!skipping && size + end - start > maxLine) {
        // Too long: keep the first bytes only (to tell encode from decode), drop the rest as it comes.
        skipHead = headOf([...parts, buf.subarray(start, end)], 64);
        parts = [];
        size = 0;
        skipping = true;
      }
      if (nl < 0) {
        if (!skipping && end > start) {
          parts.push(buf.subarray(start, end));
          size += end - start;
        }
        break;
      }
      if (skipping) {
        skipping = false;
        await overlong();
        skipHead = '';
      } else if (size === 0) {
        if (!served(buf, start, end)) await serve(buf.subarray(start, end));
        else if (outPos >= BATCH) await flush();
      }
      else {
        parts.push(buf.subarray(start, end));
        const line = Buffer.concat(parts, size + end - start);
        parts = [];
        size = 0;
        await serve(line);
      }
      start = nl + 1;
    }
    await flush();
  }
  if (skipping) await overlong();
  else if (size > 0) await serve(Buffer.concat(parts, size));
  await flush();
}
