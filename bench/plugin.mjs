// Event-path numbers of `ze-nlri plugin` (issue 3 §4), measured through the engine simulator
// (test/plugin/engine-sim.ts) with the plugin as a real child process over TLS 1.3:
//
//   1. NLRI decoded per second from deliver-batch (the plugin is one Node process: one core),
//      wall clock and per CPU second of the plugin process (/proc/<pid>/stat: the simulator,
//      which builds and encrypts the batches, shares the machine's cores with the plugin);
//   2. acknowledgement time of a 1000-event deliver-batch (p50/p99);
//   3. decode-nlri round trips per second over TLS (1 in flight, and 64 in flight).
//
// Run: node bench/plugin.mjs   (uses tsx to load the TypeScript sources; no build needed)
//      BENCH_FAMILY=ipv4/colored node bench/plugin.mjs   (the example module's family)
//
// The events are those Ze sends in `full` format (engine-sim.ts updateEvent): message, peer,
// Ze's own decoding in update.nlri, and raw (attributes, nlri, the whole UPDATE body). Each batch
// payload is serialised once before the timed loop (Ze's encoder is not what is measured); the
// simulator still encrypts every batch, on the same machine.
import { readFileSync } from 'node:fs';
import { register } from 'tsx/esm/api';

register();
const { EngineSim, updateEvent } = await import('../test/plugin/engine-sim.ts');
const { defaultRegistry } = await import('../src/index.ts');

const useFlow = defaultRegistry.has('ipv4/flow') && process.env.BENCH_FAMILY !== 'ipv4/colored';
// ipv4/flow: destination 10.0.0.0/24 (Ze's vector, spec §8); else the example family.
const family = useFlow ? 'ipv4/flow' : 'ipv4/colored';
const one = useFlow ? '0501180a0000' : '2800640a0000';
const args = useFlow ? ['--family', 'ipv4/flow'] : ['--family-module', 'examples/colored-prefix.mjs'];

const sim = await EngineSim.start({ args });
await sim.whenConnected();
await sim.started;

/** One deliver-batch payload, serialised once (as Ze's encoder would write it) so the timed loop measures the plugin. */
function batch(events, nlriPerEvent, base = 0) {
  return Buffer.from(JSON.stringify({ events: batchEvents(events, nlriPerEvent, base) }));
}

function batchEvents(events, nlriPerEvent, base = 0) {
  const out = [];
  for (let i = 0; i < events; i++) {
    // Distinct routes: vary the prefix's second octet / third octet.
    let hex = '';
    for (let k = 0; k < nlriPerEvent; k++) {
      const n = (base + i * nlriPerEvent + k) & 0xffff;
      const b = (n >> 8).toString(16).padStart(2, '0') + (n & 0xff).toString(16).padStart(2, '0');
      hex += useFlow ? `050118${'0a'}${b}` : `280064${'0a'}${b}`;
    }
    out.push(JSON.stringify(updateEvent({ id: i + 1, nlri: { [family]: hex } })) + '\n');
  }
  return out;
}

/** CPU time (ms) the plugin process has used: utime + stime from /proc (Linux). */
function pluginCpuMs() {
  try {
    const stat = readFileSync(`/proc/${sim.child.pid}/stat`, 'utf8');
    const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return ((Number(f[11]) + Number(f[12])) * 1000) / 100; // clock ticks (USER_HZ = 100)
  } catch {
    return NaN;
  }
}

async function deliverRaw(payload) {
  const t0 = process.hrtime.bigint();
  const ans = await sim.requestPayload('ze-plugin-callback:deliver-batch', payload, 30_000);
  if (ans.verb !== 'ok') throw new Error(ans.raw);
  return Number(process.hrtime.bigint() - t0) / 1e6;
}

const pct = (xs, p) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))];
};

const results = {};
results['bytes per event (1 NLRI)'] = batchEvents(1, 1)[0].length;
// Warm-up (JIT).
for (let i = 0; i < 20; i++) await deliverRaw(batch(1000, 1, i * 1000));

// Five timed runs per shape (this is a shared VM: runs differ by up to a third); the median and
// the range are printed.
const RUNS = 5;
const fmt = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return `${Math.round(s[s.length >> 1])} (${Math.round(s[0])}-${Math.round(s[s.length - 1])})`;
};
for (const per of [1, 10]) {
  const batches = [];
  for (let i = 0; i < 10; i++) batches.push(batch(1000, per, i * 1000 * per));
  const wall = [];
  const cpuRate = [];
  for (let run = 0; run < RUNS; run++) {
    let ms = 0;
    const rounds = per === 1 ? 100 : 20;
    const cpu0 = pluginCpuMs();
    for (let r = 0; r < rounds; r++) ms += await deliverRaw(batches[r % batches.length]);
    const cpu = pluginCpuMs() - cpu0;
    const nlri = rounds * 1000 * per;
    wall.push(nlri / (ms / 1000));
    cpuRate.push(nlri / (cpu / 1000));
  }
  results[`nlri/s (${per} NLRI per event), median (range)`] = fmt(wall);
  results[`nlri per plugin CPU second (${per} NLRI per event)`] = fmt(cpuRate);
}

{
  const b = batch(1000, 1);
  const lat = [];
  for (let i = 0; i < 200; i++) lat.push(await deliverRaw(b));
  results['1000-event batch ack p50 ms'] = +pct(lat, 50).toFixed(2);
  results['1000-event batch ack p99 ms'] = +pct(lat, 99).toFixed(2);
}

{
  const n = 3000;
  let t0 = process.hrtime.bigint();
  for (let i = 0; i < n; i++) await sim.request('ze-plugin-callback:decode-nlri', { family, hex: one });
  results['decode-nlri round trips/s (1 in flight)'] = Math.round(n / (Number(process.hrtime.bigint() - t0) / 1e9));
  t0 = process.hrtime.bigint();
  const inflight = 64;
  let sent = 0;
  const worker = async () => {
    while (sent < n * 4) {
      sent++;
      await sim.request('ze-plugin-callback:decode-nlri', { family, hex: one });
    }
  };
  await Promise.all(Array.from({ length: inflight }, worker));
  results[`decode-nlri round trips/s (${inflight} in flight)`] = Math.round(sent / (Number(process.hrtime.bigint() - t0) / 1e9));
}

{
  // The plugin's own work on a batch, in this process: payload bytes -> scanner -> decode -> route
  // table (no TLS, no socket, no simulator), per event.
  const { NlriPlugin } = await import('../src/plugin/nlri/app.ts');
  const { Logger } = await import('../src/plugin/log.ts');
  const { loadFamilyModule } = await import('../src/plugin/nlri/modules.ts');
  const { Registry } = await import('../src/registry/registry.ts');
  const codecs = useFlow ? [defaultRegistry.require('ipv4/flow')] : await loadFamilyModule(new Registry(), 'examples/colored-prefix.mjs');
  const p = new NlriPlugin({ registry: defaultRegistry, families: codecs, name: 'ze-nlri', logger: new Logger({ write: () => undefined }) });
  const batches = [];
  for (let i = 0; i < 10; i++) batches.push(batch(1000, 1, i * 1000));
  for (let i = 0; i < 200; i++) p.handleBatch(batches[i % 10]);
  const per = [];
  for (let run = 0; run < RUNS; run++) {
    const t0 = process.hrtime.bigint();
    for (let i = 0; i < 100; i++) if (!p.handleBatch(batches[i % 10])) throw new Error('batch not taken');
    per.push(Number(process.hrtime.bigint() - t0) / 100 / 1000);
  }
  if (p.stats.decodeErrors !== 0 || p.stats.fullParses !== 0) throw new Error(`in-process: ${JSON.stringify(p.stats.toJSON(0))}`);
  results['in-process handleBatch ns per event (1 NLRI), median (range)'] = fmt(per);
}

const stats = JSON.parse((await sim.command('ze-nlri stats')).data);
if (stats['decode-errors'] !== 0) throw new Error(`decode errors during the bench: ${JSON.stringify(stats)}`);
await sim.close();
console.log(`ze-nlri plugin event path (${family}, node ${process.version}, plugin = 1 child process)`);
for (const [k, v] of Object.entries(results)) console.log(`  ${k.padEnd(58)} ${v}`);
process.exit(0);
