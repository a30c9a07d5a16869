// The benchmark: `npm run bench [-- --family <name>]... [-- --quick]`.
//
// For every built-in sample NLRI (families/*/samples.ts), through the built package (dist/):
//   bytes→model   decodeAll(codec, bytes)            ns per NLRI, one input per call
//   ×100          the same over 100 copies back to back (an MP_REACH field of 100 NLRIs):
//                 the steady-state cost per NLRI, without the per-call set-up
//   model→JSON    toJson(codec, model)               ns per NLRI
//   hex→JSON      registry.decodeHex(family, hex)    ns per NLRI (the decode-nlri work)
//   model→bytes   encode(codec, model)               ns per NLRI
//   args→hex      registry.encodeArgs(family, args)  ns per NLRI (the encode-nlri work)
//   stream        the same 100, handed one by one to a callback (forEachNlri), no result array:
//                 the codec's own cost per NLRI
//   alloc         bytes allocated per NLRI by the ×100 decode, measured with the young generation large enough
//                 that no scavenge runs during the loop.
//   into          encodeInto(codec, model, buf, 0): the same bytes written into a caller's buffer, no allocation
//   ×10k          decodeAll over 10 000 copies back to back: per NLRI, to compare with ×100 (garbage collection)
// Each figure is CPU time, the median of 5 timed batches (3 with --quick) after a warm-up. Results print as a Markdown table
// (paste into docs/BENCHMARKS.md) and go to bench/.results/latest.md.
import { measurer } from './measure.mjs';
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { join } from 'node:path';
// ZE_NLRI_ENTRY=<file>: time another build of the package instead of dist/ (to compare two builds).
const { createDefaultRegistry, decodeAll, encode, encodeInto, forEachNlri, samples, toJson } = await import(process.env.ZE_NLRI_ENTRY ?? '../dist/index.js');

const argv = process.argv.slice(2);
const quick = argv.includes('--quick');
const families = argv.flatMap((a, i) => (argv[i - 1] === '--family' ? [a] : []));
// --quick: short batches, 3 of them (about 20 s for every sample); the full run: 5 of 60 ms.
const BATCH_MS = quick ? 3 : 60;
const BATCHES = quick ? 3 : 5;
const reg = createDefaultRegistry();
let sink = 0;

const measure = measurer(BATCH_MS, BATCHES);

function allocated(fn, N) {
  // N calls, few enough that their garbage fits the (pre-sized) young generation: no scavenge
  // runs between the two readings.
  if (!globalThis.gc) return NaN;
  for (let i = 0; i < 1000; i++) fn();
  globalThis.gc();
  const before = process.memoryUsage().heapUsed;
  for (let i = 0; i < N; i++) fn();
  const after = process.memoryUsage().heapUsed;
  return Math.max(0, (after - before) / N);
}

const rows = [];
for (const s of samples) {
  if (families.length && !families.includes(s.family)) continue;
  const codec = reg.require(s.family);
  const bytes = Uint8Array.from(Buffer.from(s.hex, 'hex'));
  const models = decodeAll(codec, bytes);
  const k = models.length;
  const decode = () => {
    sink += decodeAll(codec, bytes).length;
  };
  const batch = new Uint8Array(bytes.length * 100);
  for (let i = 0; i < 100; i++) batch.set(bytes, i * bytes.length);
  const big = new Uint8Array(bytes.length * 10000);
  for (let i = 0; i < 10000; i++) big.set(bytes, i * bytes.length);
  const scratch = new Uint8Array(bytes.length + 64);
  const decodeBatch = () => {
    sink += decodeAll(codec, batch).length;
  };
  const keep = (m) => {
    if (m === null) sink++;
  };
  const streamBatch = () => {
    sink += forEachNlri(codec, batch, keep);
  };
  const row = {
    family: s.family,
    note: s.note,
    bytes: bytes.length,
    decode: measure(decode) / k,
    batch: measure(decodeBatch) / (k * 100),
    big: measure(() => {
      sink += decodeAll(codec, big).length;
    }) / (k * 10000),
    stream: measure(streamBatch) / (k * 100),
    json: measure(() => {
      sink += toJson(codec, models).length;
    }) / k,
    hexJson: measure(() => {
      sink += reg.decodeHex(s.family, s.hex).length;
    }) / k,
    encode: measure(() => {
      sink += encode(codec, models).length;
    }) / k,
    into: measure(() => {
      sink += encodeInto(codec, models, scratch, 0);
    }) / k,
    args: s.args
      ? measure(() => {
          sink += reg.encodeArgs(s.family, s.args).length;
        })
      : NaN,
    alloc: allocated(decodeBatch, 100) / (k * 100),
  };
  rows.push(row);
  process.stderr.write('.');
}
process.stderr.write('\n');

const f = (x) => (Number.isNaN(x) ? '–' : x < 100 ? x.toFixed(1) : Math.round(x).toString());
const head = `Node ${process.version}, ${cpus()[0]?.model ?? 'unknown CPU'} (${cpus().length} cores), ${new Date().toISOString().slice(0, 10)}${quick ? ', --quick' : ''}`;
const lines = [
  head,
  '',
  '| family | sample | bytes | bytes→model ns | ×100 ns | ×10k ns | stream ns | model→JSON ns | hex→JSON ns | model→bytes ns | into ns | args→hex ns | NLRI/s (hex→JSON) | alloc B/NLRI |',
  '|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|',
  ...rows.map(
    (r) =>
      `| ${r.family} | ${r.note.replace(/\|/g, '/').slice(0, 60)} | ${r.bytes} | ${f(r.decode)} | ${f(r.batch)} | ${f(r.big)} | ${f(r.stream)} | ${f(r.json)} | ${f(r.hexJson)} | ${f(r.encode)} | ${f(r.into)} | ${f(r.args)} | ${Math.round(1e9 / r.hexJson).toLocaleString('en')} | ${f(r.alloc)} |`,
  ),
];
const text = lines.join('\n') + '\n';
process.stdout.write(text);
mkdirSync(join(import.meta.dirname, '.results'), { recursive: true });
writeFileSync(join(import.meta.dirname, '.results', 'latest.md'), text);
if (sink === 42) console.log('');
