// Side by side with GoBGP: `npm run bench:compare [-- --quick] [-- --rounds N] [-- --family <name>]...`
//
// Builds the Go module in bench/compare/ (GoBGP v4.8.0 and v3.37.0, pinned in its go.mod/go.sum,
// fetched from the Go module proxy on first use), then runs ROUNDS rounds; each round times every
// built-in sample GoBGP decodes in both programs, one after the other (the order alternates per
// round), so both see the same machine load:
//   decode   bytes → model: GoBGP's NLRIFromSlice (v4) / DecodeFromBytes (v3); ze-nlri decodeAll(codec, bytes)
//   encode   model → new bytes: GoBGP's Serialize(); ze-nlri encode(codec, model)
//   into     ze-nlri encodeInto(codec, model, buf, 0), no allocation (shown against GoBGP's Serialize)
// and prints, per sample and operation, the ratio ze-nlri : GoBGP as the median over the rounds
// with its range. Times are CPU time per call (getrusage in Go, process.cpuUsage in Node), each
// the median of 3 batches after calibration and a warm-up. A ratio below 1 means ze-nlri is faster. Without `go` on PATH it prints one line
// and exits 0. ZE_NLRI_ENTRY=<file> times another build of the package instead of dist/. Samples GoBGP refuses, or re-encodes to other bytes, are listed and not timed.
import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';

const argv = process.argv.slice(2);
const quick = argv.includes('--quick');
const opt = (name) => argv.flatMap((a, i) => (argv[i - 1] === name ? [a] : []));
const families = opt('--family');
const ROUNDS = Number(opt('--rounds')[0] ?? (quick ? 3 : 7));
const BATCH_MS = quick ? 5 : 10;
const here = import.meta.dirname;

const go = spawnSync('go', ['version'], { encoding: 'utf8' });
if (go.error || go.status !== 0) {
  console.log('bench:compare: skipped, no `go` on PATH (Go 1.26 builds bench/compare against GoBGP)');
  process.exit(0);
}

const { createDefaultRegistry, decodeAll, encode, encodeInto, samples } = await import(process.env.ZE_NLRI_ENTRY ?? '../dist/index.js');
const reg = createDefaultRegistry();
const results = join(here, '.results');
mkdirSync(results, { recursive: true });
const bin = join(results, 'compare-gobgp');
const build = spawnSync('go', ['build', '-o', bin, '.'], { cwd: join(here, 'compare'), stdio: ['ignore', 'inherit', 'inherit'], env: { ...process.env, CGO_ENABLED: '0' } });
if (build.status !== 0) {
  console.error('bench:compare: go build failed in bench/compare');
  process.exit(1);
}

const chosen = samples.filter((s) => !families.length || families.includes(s.family));
const input = JSON.stringify(chosen.map((s) => ({ family: s.family, afi: reg.require(s.family).afi, safi: reg.require(s.family).safi, hex: s.hex })));

function runGo(args = ['-batch', `${BATCH_MS}ms`]) {
  const r = spawnSync(bin, args, { input, encoding: 'utf8', maxBuffer: 1 << 26 });
  if (r.status !== 0) throw new Error(`compare-gobgp failed: ${r.stderr}`);
  return r.stdout.trim().split('\n').map((l) => JSON.parse(l));
}

let sink = 0;
// CPU time of this process (user + system), as the Go side measures it: on a shared machine a
// process is descheduled for whole milliseconds, which wall time counts and CPU time does not.
const cpuMs = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};
function measure(fn) {
  let n = 1;
  for (;;) {
    const t = cpuMs();
    for (let i = 0; i < n; i++) fn();
    if (cpuMs() - t > BATCH_MS / 4) break;
    n *= 2;
  }
  n *= 4;
  for (let i = 0; i < n; i++) fn();
  const runs = [];
  for (let k = 0; k < 3; k++) {
    const t = cpuMs();
    for (let i = 0; i < n; i++) fn();
    runs.push(((cpuMs() - t) * 1e6) / n);
  }
  return runs.sort((a, b) => a - b)[1];
}

const scratch = new Uint8Array(65536);
const ze = chosen.map((s) => {
  const codec = reg.require(s.family);
  const bytes = Uint8Array.from(Buffer.from(s.hex, 'hex'));
  const model = decodeAll(codec, bytes)[0];
  return {
    decode: () => (sink += decodeAll(codec, bytes).length),
    encode: () => (sink += encode(codec, model).length),
    into: () => (sink += encodeInto(codec, model, scratch, 0)),
  };
});

function runZe(accepted) {
  const out = new Map();
  for (const i of accepted) out.set(i, { decode: measure(ze[i].decode), encode: measure(ze[i].encode), into: measure(ze[i].into) });
  return out;
}

// Which samples GoBGP takes, from a first quick pass (also warms the binary's page cache).
const first = runGo(['-check']);
const refused = first.filter((r) => r.error);
const accepted = [...new Set(first.filter((r) => !r.error).map((r) => r.index))];
const libs = [...new Set(first.map((r) => r.lib))];

// Warm up ze-nlri's side (the JIT) before the first timed round; Go is compiled ahead of time.
for (const i of accepted) for (const fn of Object.values(ze[i])) for (let k = 0; k < 20000; k++) fn();

const ratios = new Map(); // `${index} ${lib} ${op}` → ratios per round
const absolute = new Map(); // same key → [ze ns, go ns] per round
const push = (m, k, v) => (m.get(k) ?? m.set(k, []).get(k)).push(v);
const started = Date.now();
for (let round = 0; round < ROUNDS; round++) {
  let g, z;
  if (round % 2 === 0) {
    g = runGo();
    z = runZe(accepted);
  } else {
    z = runZe(accepted);
    g = runGo();
  }
  for (const r of g) {
    if (r.error || !z.has(r.index)) continue;
    const mine = z.get(r.index);
    const ops = r.op === 'decode' ? [['decode', mine.decode]] : [['encode', mine.encode], ['into', mine.into]];
    for (const [op, ns] of ops) {
      push(ratios, `${r.index} ${r.lib} ${op}`, ns / r.ns);
      push(absolute, `${r.index} ${r.lib} ${op}`, [ns, r.ns]);
    }
  }
  process.stderr.write(`round ${round + 1}/${ROUNDS}\n`);
}

const median = (a) => [...a].sort((x, y) => x - y)[a.length >> 1];
const f = (x) => (x < 10 ? x.toFixed(2) : x < 100 ? x.toFixed(1) : Math.round(x).toString());
const head = `ze-nlri : GoBGP, node ${process.version}, ${cpus()[0]?.model ?? 'unknown CPU'} (${cpus().length} cores), load ${loadavg()
  .map((x) => x.toFixed(1))
  .join(' ')} at the end, ${ROUNDS} interleaved rounds, CPU time, ${Math.round((Date.now() - started) / 1000)} s, ${new Date().toISOString().slice(0, 16)}Z`;
const lines = [head, '', `| family | sample | op | ${libs.map((l) => `${l} ns | ratio (range)`).join(' | ')} | ze-nlri ns |`, `|---|---|---|${libs.map(() => '---:|---:|').join('')}---:|`];
const summary = new Map(); // `${lib} ${op}` → median ratios per sample
for (const i of accepted) {
  const s = chosen[i];
  for (const op of ['decode', 'encode', 'into']) {
    const cells = [];
    let mine = NaN;
    for (const lib of libs) {
      const k = `${i} ${lib} ${op}`;
      const rs = ratios.get(k);
      if (!rs) {
        cells.push('–', '–');
        continue;
      }
      const abs = absolute.get(k);
      mine = median(abs.map((a) => a[0]));
      cells.push(f(median(abs.map((a) => a[1]))), `${f(median(rs))} (${f(Math.min(...rs))}-${f(Math.max(...rs))})`);
      push(summary, `${lib} ${op}`, median(rs));
    }
    lines.push(`| ${s.family} | ${s.note.replace(/\|/g, '/').slice(0, 50)} | ${op === 'into' ? 'encodeInto vs Serialize' : op} | ${cells.join(' | ')} | ${f(mine)} |`);
  }
}
lines.push('', '| library | op | samples | median ratio | range of the per-sample medians |', '|---|---|---:|---:|---|');
for (const [k, v] of summary) {
  const [lib, op] = k.split(' ');
  lines.push(`| ${lib} | ${op} | ${v.length} | ${f(median(v))} | ${f(Math.min(...v))}-${f(Math.max(...v))} |`);
}
if (refused.length) {
  lines.push('', 'Not timed (GoBGP refuses the sample or writes other bytes):', '');
  for (const r of refused) lines.push(`- ${r.lib}: ${chosen[r.index].family}, ${chosen[r.index].note.slice(0, 60)}: ${r.error.slice(0, 100)}`);
}
const text = lines.join('\n') + '\n';
process.stdout.write(text);
writeFileSync(join(results, 'compare.md'), text);
if (sink === 42) console.log('');
