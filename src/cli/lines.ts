/**
 * Read a stream line by line with a bound: a line longer than `max` octets is reported once as
 * too long and skipped without being kept whole; every other line is given to `fn`. Answers are
 * written in batches, waiting for the output to drain (one listener at a time).
 */
import type { Readable, Writable } from 'node:stream';

export async function forEachLine(
  input: Readable,
  max: number,
  fn: (line: string, tooLong: boolean) => string,
  output: Writable,
): Promise<void> {
  let pending: Buffer[] = [];
  let pendingLen = 0;
  let skipping = false;
  let out = '';
  const flush = async (): Promise<void> => {
    if (out === '') return;
    const ok = output.write(out);
    out = '';
    if (!ok) await new Promise<void>((resolve) => output.once('drain', resolve));
  };
  const answer = (s: string): void => {
    out += s + '\n';
  };
  const line = (buf: Buffer): void => {
    let text = buf.toString('utf8');
    if (text.endsWith('\r')) text = text.slice(0, -1);
    const a = fn(text, false);
    if (a !== '') answer(a);
  };
  for await (const chunk of input as AsyncIterable<Buffer>) {
    let start = 0;
    for (;;) {
      const nl = chunk.indexOf(0x0a, start);
      if (nl < 0) break;
      if (skipping) skipping = false;
      else if (pendingLen + (nl - start) > max) answer(fn('', true));
      else if (pendingLen === 0) line(chunk.subarray(start, nl));
      else {
        pending.push(chunk.subarray(start, nl));
        line(Buffer.concat(pending));
      }
      pending = [];
      pendingLen = 0;
      start = nl + 1;
    }
    if (start < chunk.length && !skipping) {
      const rest = chunk.subarray(start);
      if (pendingLen + rest.length > max) {
        answer(fn('', true));
        skipping = true;
        pending = [];
        pendingLen = 0;
      } else {
        pending.push(Buffer.from(rest));
        pendingLen += rest.length;
      }
    }
    if (out.length > 65536) await flush();
  }
  if (!skipping && pendingLen > 0) line(Buffer.concat(pending));
  await flush();
}
