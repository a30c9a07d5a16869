/**
 * The path-attribute and whole-UPDATE fuzz campaign:
 * `npm run fuzz:update -- [--attribute <name>|update]… [--seconds <n>] [--execs <n>] [--seed <n>]`.
 *
 * Targets: every attribute codec of the default attribute registry (its value bytes), and
 * `decodeUpdate` (whole messages). Inputs, in rotation: random bytes (biased short), mutations of
 * the attribute samples and of every attribute value and UPDATE in test/vectors/ze-update/, with
 * 2- and 4-octet AS and ADD-PATH on or off. Hostile shapes are seeded too: attribute length past
 * the message, duplicate MP_REACH, Extended Length on short attributes, zero-length next hops,
 * unknown sub-TLVs in a loop. The checks are fuzz/attr-checks.ts. A decode (alone, without the
 * checks' re-encodes) of <= 4 KiB taking over 1 ms (best of up to 23 re-runs) is a finding. Findings go to fuzz/.findings/; exit 1 if any.
 */
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { attributeSamples, createSession, decodeUpdate, defaultAttributes, type Session } from '../src/index.js';
import type { AttributeCodec } from '../src/attributes/attribute.js';
import fc from 'fast-check';
import { Reader } from '../src/core/reader.js';
import { Writer } from '../src/core/writer.js';
import { checkAttribute, checkAttributeModel, checkUpdate, type AttrFinding } from './attr-checks.js';
import { attributeArbitraries } from './arbitraries/attributes/index.js';
import { mutate } from './checks.js';

const args = process.argv.slice(2);
const opt = { targets: [] as string[], seconds: 10, execs: Infinity, seed: Date.now() % 2 ** 31 };
for (let i = 0; i < args.length; i++) {
  const a = args[i]!;
  const v = args[i + 1];
  if (a === '--attribute' && v) (opt.targets.push(v), i++);
  else if (a === '--seconds' && v) (opt.seconds = Number(v), i++);
  else if (a === '--execs' && v) (opt.execs = Number(v), i++);
  else if (a === '--seed' && v) (opt.seed = Number(v), i++);
  else {
    console.error('usage: npm run fuzz:update -- [--attribute <name>|update]... [--seconds <n>] [--execs <n>] [--seed <n>]');
    process.exit(2);
  }
}

let x = opt.seed | 1;
const rnd = (): number => {
  x ^= x << 13;
  x ^= x >>> 17;
  x ^= x << 5;
  return (x >>> 0) / 4294967296;
};

const VECTORS = join(import.meta.dirname, '..', 'test', 'vectors', 'ze-update');
const updates: Uint8Array[] = [];
for (const f of readdirSync(VECTORS).filter((n) => n.endsWith('.jsonl'))) {
  for (const line of readFileSync(join(VECTORS, f), 'utf8').split('\n')) {
    if (!line.trim()) continue;
    const v = JSON.parse(line) as { hex?: string };
    if (v.hex && /^([0-9A-Fa-f]{2})+$/.test(v.hex)) updates.push(Uint8Array.from(Buffer.from(v.hex, 'hex')));
  }
}
// Hostile shapes (issue classes seen in other BGP codecs).
const hdr = (body: number[]): Uint8Array => Uint8Array.from([...new Array(16).fill(0xff), (body.length + 19) >> 8, (body.length + 19) & 0xff, 2, ...body]);
updates.push(
  hdr([0, 0, 0, 4, 0x40, 1, 9, 0]), // attribute length past the message
  hdr([0, 0, 0, 14, 0x80, 14, 4, 0, 1, 1, 0, 0x80, 14, 4, 0, 1, 1, 0]), // duplicate MP_REACH
  hdr([0, 0, 0, 5, 0x50, 1, 0, 1, 0]), // Extended Length on ORIGIN
  hdr([0, 0, 0, 13, 0x80, 14, 10, 0, 1, 128, 0, 0, 0x58, 0, 0, 0, 0, 0]), // zero-length VPN next hop
);

const sessions: Session[] = [createSession({}), createSession({ as4: false }), createSession({ addPath: true }), createSession({ strict: true })];

const seedsByCode = new Map<number, Uint8Array[]>();
for (const s of attributeSamples) {
  const l = seedsByCode.get(s.code) ?? [];
  l.push(Uint8Array.from(Buffer.from(s.hex, 'hex')));
  seedsByCode.set(s.code, l);
}
for (const b of updates) {
  for (const a of decodeUpdate(b, sessions[0]).attributes.list) {
    const l = seedsByCode.get(a.code) ?? [];
    if (l.length < 200) l.push(a.raw);
    seedsByCode.set(a.code, l);
  }
}

// Generated valid models (fuzz/arbitraries/attributes/): each is checked (model → bytes → model),
// and its bytes join the seeds, so mutations start from every structure the codec knows.
const modelFindings: AttrFinding[] = [];
for (const [code, arb] of Object.entries(attributeArbitraries)) {
  const codec = defaultAttributes.get(Number(code));
  if (!codec) continue;
  const l = seedsByCode.get(codec.code) ?? [];
  for (const m of fc.sample(arb, { seed: opt.seed, numRuns: 300 })) {
    const f = checkAttributeModel(codec, m, sessions[0]!.ctx);
    if (f) modelFindings.push(f);
    try {
      const w = new Writer(codec.encodingLength(m, sessions[0]!.ctx));
      codec.encode(m, w, sessions[0]!.ctx);
      l.push(w.finish());
    } catch {
      // reported by checkAttributeModel
    }
  }
  seedsByCode.set(codec.code, l);
}

function randomBytes(): Uint8Array {
  const n = rnd() < 0.7 ? Math.floor(rnd() * 40) : Math.floor(rnd() * 4096);
  const b = new Uint8Array(n);
  for (let i = 0; i < n; i++) b[i] = Math.floor(rnd() * 256);
  return b;
}

interface Target {
  name: string;
  run(b: Uint8Array, s: Session): { finding?: AttrFinding; ok: boolean };
  /** The decode alone, for the slowness check (the checks around it re-encode several times). */
  decode(b: Uint8Array, s: Session): void;
  seeds: Uint8Array[];
}

function quietly(fn: () => unknown): void {
  try {
    fn();
  } catch {
    // errors are the checks' business; only the time counts here
  }
}

const targets: Target[] = defaultAttributes.list().map((c: AttributeCodec<any>) => ({
  name: c.name,
  seeds: seedsByCode.get(c.code) ?? [],
  run: (b, s) => {
    const r = checkAttribute(c, b, s.ctx);
    return { finding: r.finding, ok: r.decoded };
  },
  decode: (b, s) => quietly(() => c.decode(new Reader(b, ''), s.ctx, c.flags)),
}));
targets.push({
  name: 'update',
  seeds: updates,
  run: (b, s) => {
    const r = checkUpdate(b, s);
    return { finding: r.finding, ok: r.clean };
  },
  decode: (b, s) => quietly(() => decodeUpdate(b, s)),
});
const chosen = opt.targets.length ? targets.filter((t) => opt.targets.includes(t.name)) : targets;
if (chosen.length === 0) {
  console.error(`no such target; targets: ${targets.map((t) => t.name).join(' ')}`);
  process.exit(2);
}

const findings: AttrFinding[] = [...modelFindings];
const budgetMs = opt.seconds * 1000;
console.log(`fuzz:update seed ${opt.seed}, ${opt.seconds} s per target, ${chosen.length} targets`);
for (const t of chosen) {
  const start = performance.now();
  let execs = 0;
  let ok = 0;
  let slowest = 0;
  const gc = (globalThis as { gc?: () => void }).gc;
  gc?.();
  const heap0 = process.memoryUsage().heapUsed;
  while (execs < opt.execs && performance.now() - start < budgetMs) {
    for (let k = 0; k < 256 && execs < opt.execs; k++, execs++) {
      const pick = rnd();
      const b = pick < 0.25 || t.seeds.length === 0 ? randomBytes() : mutate(t.seeds[Math.floor(rnd() * t.seeds.length)]!, rnd);
      const s = sessions[Math.floor(rnd() * sessions.length)]!;
      const r = t.run(b, s);
      if (r.ok) ok++;
      if (r.finding) findings.push(r.finding);
      const t0 = performance.now();
      t.decode(b, s);
      const dt = performance.now() - t0;
      if (dt > slowest && b.length <= 4096) {
        // Re-time: the best of up to 23 runs is the cost, not a GC pause or another process.
        let best = dt;
        for (let q = 0; q < 22 && best > Math.max(slowest, 0.05); q++) {
          const t1 = performance.now();
          t.decode(b, s);
          best = Math.min(best, performance.now() - t1);
        }
        slowest = Math.max(slowest, best);
        if (best > 1) findings.push({ attribute: t.name, hex: Buffer.from(b).toString('hex'), problem: `slow: ${best.toFixed(2)} ms` });
      }
    }
  }
  const secs = (performance.now() - start) / 1000;
  gc?.();
  const heap1 = process.memoryUsage().heapUsed;
  console.log(`${t.name.padEnd(24)} ${String(execs).padStart(10)} execs ${String(Math.round(execs / secs)).padStart(8)}/s  decoded ${((100 * ok) / Math.max(execs, 1)).toFixed(0).padStart(3)}%  slowest ${slowest.toFixed(3)} ms  heap ${(heap0 / 2 ** 20).toFixed(0)}→${(heap1 / 2 ** 20).toFixed(0)} MiB`);
}
if (findings.length) {
  const dir = join(import.meta.dirname, '.findings');
  mkdirSync(dir, { recursive: true });
  findings.slice(0, 100).forEach((f, i) => writeFileSync(join(dir, `${f.attribute}-${i}.json`), JSON.stringify(f, null, 2) + '\n'));
  console.log(`${findings.length} findings (first: ${findings[0]!.attribute}: ${findings[0]!.problem} ${findings[0]!.hex.slice(0, 80)})`);
  process.exit(1);
}
console.log('no findings');
