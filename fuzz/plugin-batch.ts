/**
 * Fuzz target for the plugin's deliver-batch path (src/plugin/nlri/event-scan.ts, NlriPlugin.
 * handleBatch): `npm run fuzz:plugin -- [--seconds <n>] [--seed <n>]`.
 *
 * Each input is a deliver-batch payload of 1-4 generated Ze update events (fuzz/arbitraries/
 * plugin-events.ts: reordered, repeated, missing and mistyped parts, whitespace, escapes, broken
 * characters), serialised as Ze does, then sometimes damaged at the byte level (a byte removed,
 * doubled or replaced, including non-ASCII and control bytes, or Go's \u003c-style escapes). The
 * check, against JSON.parse of the whole payload and the object path (fuzz/plugin-oracle.ts):
 * - handleBatch never throws;
 * - when it takes the payload, JSON.parse reads it as exactly {"events":[<strings>]} and the plugin
 *   did what the object path does with those events (routes, counters, log lines);
 * - when it leaves it, it applied nothing, and the runtime's path (JSON.parse, then handleEventText
 *   per event) does what the object path does.
 * Findings go to fuzz/.findings/plugin-batch-<n>.json; exit 1 if any.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import fc from 'fast-check';
import { eventText } from './arbitraries/plugin-events.js';
import { oraclePlugin, outcome, viaJsonParse } from './plugin-oracle.js';

function parseArgs(argv: string[]): { seconds: number; seed: number } {
  const o = { seconds: 10, seed: Date.now() % 2 ** 31 };
  for (let i = 0; i < argv.length; i++) {
    const v = argv[i + 1];
    if (argv[i] === '--seconds' && v) (o.seconds = Number(v), i++);
    else if (argv[i] === '--seed' && v) (o.seed = Number(v), i++);
    else {
      console.error('usage: npm run fuzz:plugin -- [--seconds <n>] [--seed <n>]');
      process.exit(2);
    }
  }
  return o;
}

const damage = fc.option(
  fc.oneof(
    fc.tuple(fc.nat(), fc.constantFrom<number | string>('del', 'dup', 0x22, 0x5c, 0x2c, 0x5d, 0x7d, 0x75, 0x20, 0x01, 0x0a, 0xc3, 0xff, 0x80)),
    fc.constant<[number, string]>([0, 'go-escapes']),
  ),
  { freq: 2 },
);
const input = fc.tuple(fc.array(eventText, { minLength: 1, maxLength: 4 }), damage);

/** The payload's bytes, as Ze's encoder writes them (each event ends with a newline), maybe damaged. */
function payloadOf(texts: string[], d: [number, number | string] | null): Buffer {
  let json = JSON.stringify({ events: texts.map((t) => t + '\n') });
  if (d && d[1] === 'go-escapes') json = json.replace(/</g, '\\u003c').replace(/>/g, '\\u003e').replace(/&/g, '\\u0026');
  const b = Buffer.from(json);
  if (!d || d[1] === 'go-escapes' || b.length === 0) return b;
  const i = d[0] % b.length;
  if (d[1] === 'del') return Buffer.concat([b.subarray(0, i), b.subarray(i + 1)]);
  if (d[1] === 'dup') return Buffer.concat([b.subarray(0, i + 1), b.subarray(i)]);
  const c = Buffer.from(b);
  c[i] = d[1] as number;
  return c;
}

/** What the runtime does with a payload the scanner leaves: JSON.parse, then each string event as text. */
function viaRuntime(payload: Buffer): unknown {
  let params: any;
  try {
    params = JSON.parse(payload.toString('utf8'));
  } catch {
    return 'invalid';
  }
  const events: string[] = Array.isArray(params?.events) ? params.events.filter((e: unknown) => typeof e === 'string').map((e: string) => e.trim()) : [];
  const { p, lines } = oraclePlugin();
  for (const t of events) p.handleEventText(t);
  return { events, out: outcome(p, lines) };
}

/** The problem with this payload, if any, and whether the scanner took it. */
function check(payload: Buffer): { problem?: string; taken: boolean } {
  const { p, lines } = oraclePlugin();
  let taken: boolean;
  try {
    taken = p.handleBatch(payload);
  } catch (e) {
    return { problem: `handleBatch threw: ${(e as Error).stack ?? e}`, taken: false };
  }
  if (taken) {
    let parsed: any;
    try {
      parsed = JSON.parse(payload.toString('utf8'));
    } catch {
      return { problem: 'taken, but JSON.parse rejects the payload', taken };
    }
    if (!isDeepStrictEqual(Object.keys(parsed ?? {}), ['events']) || !Array.isArray(parsed.events) || !parsed.events.every((e: unknown) => typeof e === 'string')) {
      return { problem: 'taken, but the payload is not {"events":[<strings>]}', taken };
    }
    const events = (parsed.events as string[]).map((e) => e.trim());
    if (!isDeepStrictEqual(outcome(p, lines), viaJsonParse(events))) return { problem: 'taken: the plugin did not do what JSON.parse + the object path does', taken };
    return { taken };
  }
  if (p.stats.events + p.stats.fullParses + p.table.count() !== 0) return { problem: 'left to the runtime, but something was applied', taken };
  const r = viaRuntime(payload);
  if (r !== 'invalid') {
    const { events, out } = r as { events: string[]; out: unknown };
    if (!isDeepStrictEqual(out, viaJsonParse(events))) return { problem: 'runtime path: handleEventText did not do what JSON.parse + the object path does', taken };
  }
  return { taken };
}

const opts = parseArgs(process.argv.slice(2));
const end = Date.now() + opts.seconds * 1000;
let execs = 0;
let taken = 0;
const findings: Array<{ problem: string; payload: string }> = [];
let seed = opts.seed;
while (Date.now() < end) {
  const samples = fc.sample(input, { numRuns: 200, seed: seed++ });
  for (const [texts, d] of samples) {
    const payload = payloadOf(texts, d as [number, number | string] | null);
    const r = check(payload);
    execs++;
    if (r.taken) taken++;
    if (r.problem) findings.push({ problem: r.problem, payload: payload.toString('base64') });
  }
}
console.log(`plugin-batch: ${execs} payloads in ${opts.seconds} s (${Math.round(execs / opts.seconds)}/s), ${((100 * taken) / Math.max(1, execs)).toFixed(1)} % taken by the scanner, ${findings.length} findings, seeds ${opts.seed}..${seed - 1}`);
if (findings.length > 0) {
  const dir = join(import.meta.dirname, '.findings');
  mkdirSync(dir, { recursive: true });
  findings.slice(0, 20).forEach((f, k) => writeFileSync(join(dir, `plugin-batch-${k}.json`), JSON.stringify(f, null, 1) + '\n'));
  for (const f of findings.slice(0, 5)) console.log(`  ${f.problem}`);
  process.exit(1);
}
