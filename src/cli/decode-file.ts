/**
 * `ze-nlri decode-file <file|->`: the routes of an MRT dump (RFC 6396, RFC 8050), a BMP stream
 * (RFC 7854, RFC 9069), a pcap / pcapng capture of BGP sessions, or a file of hex lines, one JSON
 * route per line (NDJSON). Streaming: the file is read in 1 MiB chunks and each chunk's routes
 * are written (waiting for stdout to drain) before the next is read, so memory does not grow
 * with the file. See docs/decode-file.md.
 */
import { createReadStream, statSync } from 'node:fs';
import { parseArgs } from 'node:util';
import type { Readable } from 'node:stream';
import { NlriError } from '../core/errors.js';
import { defaultAttributes } from '../index.js';
import type { Registry } from '../registry/registry.js';
import { detectFormat, INPUT_FORMATS, type InputFormat } from '../input/detect.js';
import { RouteJson } from '../input/json.js';
import { RouteReader, type FileItem } from '../input/routes.js';
import type { ExtraCommand } from './extra-commands.js';

const CHUNK = 1 << 20;
/**
 * Each read chunk is pushed to the reader in slices of this size, and output is written as it
 * grows past it: the routes of a slice die young (a scavenge frees them) instead of a whole
 * chunk's routes surviving into the old generation.
 */
const SLICE = 1 << 16;
const PROGRESS_MIN = 4 << 20;

const OPTIONS = {
  format: { type: 'string' },
  family: { type: 'string', multiple: true },
  'add-path': { type: 'string', multiple: true },
  as2: { type: 'boolean' },
  port: { type: 'string', multiple: true },
  summary: { type: 'boolean' },
  progress: { type: 'boolean' },
  'no-progress': { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
} as const;

const HELP = `  ze-nlri decode-file [--format mrt|bmp|pcap|hex] [--family <f>]... [options] <file|->
        The routes of an MRT file (TABLE_DUMP_V2 incl. RFC 8050 ADD-PATH, BGP4MP / BGP4MP_ET), a
        BMP stream (route monitoring, RFC 9069 Loc-RIB), a pcap / pcapng capture of BGP (TCP 179,
        ADD-PATH and 4-octet AS learned from the OPENs) or hex lines (one message per line), as
        one JSON route per line: action, family, nlri, next-hop, attr, source (offset, peer, time).
        The format is detected unless given; "-" reads stdin. Streams: memory stays flat.
        --family <f>     only routes of family f (repeatable)
        --add-path <f>|all  ADD-PATH where the input does not say (hex, BGP4MP, BMP without peer up, pcap before the OPENs)
        --as2            2-octet AS_PATH where the input does not say (hex lines, pcap before the OPENs)
        --port <n>       pcap: TCP port taken as BGP (default 179; repeatable)
        --summary        counts on stderr at the end
        --progress / --no-progress  progress line on stderr (default: files over 4 MiB, stderr a terminal)
        Errors go to stderr as "error: <message> (code <code>, offset <n>)"; exit 1 if any.
`;

function errorLine(e: NlriError): string {
  return `error: ${e.message} (code ${e.code}${e.offset >= 0 ? `, offset ${e.offset}` : ''})\n`;
}

/** The first octets of the input, to detect the format, and the stream to read the rest from. */
async function* chunks(input: Readable): AsyncGenerator<Uint8Array> {
  for await (const c of input as AsyncIterable<Buffer>) yield new Uint8Array(c.buffer, c.byteOffset, c.length);
}

async function run(argv: string[], registry: Registry): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({ args: argv, options: OPTIONS, allowPositionals: true, strict: true });
  } catch (e) {
    process.stderr.write(`error: ${(e as Error).message}\n\n${HELP}`);
    return 2;
  }
  const v = parsed.values;
  if (v.help) {
    process.stdout.write(HELP);
    return 0;
  }
  const usage = (msg: string): number => {
    process.stderr.write(`error: ${msg}\n\n${HELP}`);
    return 2;
  };
  if (parsed.positionals.length !== 1) return usage('decode-file takes one <file> or -');
  const file = parsed.positionals[0]!;
  let format = v.format as InputFormat | undefined;
  if (format !== undefined && !INPUT_FORMATS.includes(format)) return usage(`unknown --format ${format}: one of ${INPUT_FORMATS.join(', ')}`);
  for (const f of v.family ?? []) if (!registry.get(f)) return usage(`unknown family ${f}`);
  const ports: number[] = [];
  for (const p of v.port ?? []) {
    const n = Number(p);
    if (!Number.isInteger(n) || n < 1 || n > 65535) return usage(`--port ${p} is not a TCP port`);
    ports.push(n);
  }
  const ap = v['add-path'] ?? [];
  for (const f of ap) if (f !== 'all' && !registry.get(f)) return usage(`unknown family ${f} for --add-path`);
  const addPath = ap.includes('all') ? registry.list().map((c) => c.name) : ap;

  let size = 0;
  let input: Readable;
  if (file === '-') input = process.stdin;
  else {
    try {
      size = statSync(file).size;
    } catch (e) {
      process.stderr.write(`error: ${(e as Error).message}\n`);
      return 1;
    }
    input = createReadStream(file, { highWaterMark: CHUNK });
  }
  const progress = v['no-progress'] ? false : v.progress ? true : size > PROGRESS_MIN && process.stderr.isTTY === true;

  const it = chunks(input);
  // Detection needs a few octets: gather up to 4 KiB (stdin may come in small pieces).
  const head: Uint8Array[] = [];
  let headLen = 0;
  let ended = false;
  while (headLen < 4096) {
    const n = await it.next();
    if (n.done) {
      ended = true;
      break;
    }
    head.push(n.value);
    headLen += n.value.length;
  }
  if (format === undefined) {
    const first = new Uint8Array(Math.min(headLen, 4096));
    let o = 0;
    for (const h of head) {
      if (o >= first.length) break;
      first.set(h.subarray(0, first.length - o), o);
      o += Math.min(h.length, first.length - o);
    }
    const d = detectFormat(first);
    if (d === undefined) {
      process.stderr.write(headLen === 0 ? 'error: the input is empty\n' : 'error: not an MRT, BMP, pcap, pcapng or hex-lines file (give --format)\n');
      return 1;
    }
    format = d;
  }

  const reader = new RouteReader({
    format,
    families: registry,
    attributes: defaultAttributes,
    defaults: { as4: !v.as2, addPath },
    families_filter: v.family && v.family.length > 0 ? new Set(v.family) : undefined,
    ...(ports.length > 0 ? { ports } : {}),
  });
  const json = new RouteJson();
  let routes = 0;
  let errors = 0;
  let read = 0;
  let lastProgress = 0;
  const out = process.stdout;
  const handle = async (items: FileItem[]): Promise<void> => {
    let s = '';
    let err = '';
    for (const item of items) {
      if (item.kind === 'route') {
        s += json.route(item) + '\n';
        routes++;
        if (s.length > SLICE) {
          out.write(s);
          s = '';
        }
      } else if (item.kind === 'error') {
        errors++;
        err += errorLine(item.error);
      } else {
        errors++;
        const q = item.update.problems.find((p) => p.action === item.update.action) ?? item.update.problems[0];
        err += `error: ${item.source.record} at offset ${item.source.offset}: UPDATE ${item.update.action}: ${q ? `${q.error.message} (code ${q.error.code})` : ''}\n`;
      }
    }
    if (err) process.stderr.write(err);
    if (s && !out.write(s)) await new Promise<void>((resolve) => out.once('drain', resolve));
  };
  const feed = async (c: Uint8Array): Promise<void> => {
    read += c.length;
    for (let o = 0; o < c.length; o += SLICE) await handle(reader.push(c.subarray(o, o + SLICE)));
    if (progress) {
      const now = Date.now();
      if (now - lastProgress > 250) {
        lastProgress = now;
        const pct = size ? `${Math.floor((read / size) * 100)}% ` : '';
        process.stderr.write(`\r${pct}${(read / 1048576).toFixed(0)}${size ? `/${(size / 1048576).toFixed(0)}` : ''} MiB, ${routes} routes\x1b[K`);
      }
    }
  };
  for (const h of head) {
    if (reader.done) break;
    await feed(h);
  }
  if (!ended) {
    for (;;) {
      if (reader.done) break;
      const n = await it.next();
      if (n.done) break;
      await feed(n.value);
    }
  }
  if (reader.done) input.destroy();
  await handle(reader.end());
  if (progress) process.stderr.write('\r\x1b[K');
  if (v.summary) {
    const skipped = [...reader.skipped].map(([k, n]) => `${k} ${n}`).join(', ');
    process.stderr.write(`decode-file: ${format}: ${reader.records} records, ${reader.updates} UPDATEs, ${routes} routes, ${errors} errors${skipped ? `; skipped: ${skipped}` : ''}\n`);
  }
  return errors > 0 ? 1 : 0;
}

export const decodeFileCommand: ExtraCommand = {
  name: 'decode-file',
  help: HELP,
  run,
};
