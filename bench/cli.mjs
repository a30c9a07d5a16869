// The CLI as a process: `npm run bench:cli [-- --quick] [-- --lines N] [-- --rounds N] [-- --family <name>]...`
//
// Two measurements of the built CLI (dist/cli.js), each run as a child process:
//   start-up  `ze-nlri decode <family> <hex>` for one NLRI (node, the CLI entry, one family group)
//   lines     `ze-nlri --decode` (Ze's plugin line protocol) answering N request lines
//             `decode nlri <family> <hex>` (the family's first built-in sample; the form every Ze plugin reads), stdin from a file
// For each: wall time and CPU time (user + system of the child, from bash's `times`), median of
// the rounds with the range. With ZE_BIN=<a ze binary> the same work is timed through Ze's own
// `ze plugin bgp-nlri-<x> --decode` in the same rounds, interleaved (the order alternates per
// round), and the ratio ze-nlri : Ze is printed per round's median; below 1 means ze-nlri is faster.
// Ze is not installed by this script and not built by it: give a binary you built yourself.
// Nothing here is a test; no timing is asserted anywhere.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';

const argv = process.argv.slice(2);
const quick = argv.includes('--quick');
const opt = (name) => argv.flatMap((a, i) => (argv[i - 1] === name ? [a] : []));
const LINES = Number(opt('--lines')[0] ?? (quick ? 20_000 : 100_000));
const ROUNDS = Number(opt('--rounds')[0] ?? (quick ? 3 : 7));
const here = import.meta.dirname;
/** ZE_NLRI_CLI: another build's cli.js to time (e.g. an older commit's). */
const cli = process.env.ZE_NLRI_CLI ?? join(here, '..', 'dist', 'cli.js');
const ze = process.env.ZE_BIN;

// Ze's in-tree family plugins (ze plugin bgp-nlri-<x>) and the family each is timed on.
const ZE_PLUGIN = {
  'ipv4/rtc': 'rtc',
  'l2vpn/vpls': 'vpls',
  'ipv4/mup': 'mup',
  'ipv4/mvpn': 'mvpn',
  'ipv4/mpls-vpn': 'vpn',
  'ipv4/flow': 'flowspec',
  'l2vpn/evpn': 'evpn',
  'ipv4/mpls-label': 'labeled',
  'bgp-ls/bgp-ls': 'ls',
};
const { samples } = await import('../dist/index.js');
const chosen = opt('--family').length ? opt('--family') : Object.keys(ZE_PLUGIN);
const dir = mkdtempSync(join(tmpdir(), 'ze-nlri-bench-cli-'));

/** Run `cmd` with stdin from `input` (a file or /dev/null), stdout to /dev/null: wall and CPU seconds. */
function timed(cmd, input) {
  const q = (s) => `'${s.replace(/'/g, `'\\''`)}'`;
  const script = `start=$(date +%s%N); ${cmd.map(q).join(' ')} < ${q(input)} > /dev/null 2>&1; rc=$?; end=$(date +%s%N); times; echo "$rc $start $end"`;
  const r = spawnSync('bash', ['-c', script], { encoding: 'utf8' });
  const lines = r.stdout.trim().split('\n');
  const [rc, start, end] = lines[lines.length - 1].split(' ').map(Number);
  if (rc !== 0) throw new Error(`${cmd.join(' ')} exited ${rc}`);
  // `times`: the shell's own line, then the children's user and system time (e.g. 0m0.071s 0m0.010s).
  const sec = (t) => {
    const m = /^(\d+)m([\d.]+)s$/.exec(t);
    return Number(m[1]) * 60 + Number(m[2]);
  };
  const [u, s] = lines[1].trim().split(/\s+/);
  return { wall: (end - start) / 1e9, cpu: sec(u) + sec(s) };
}

const median = (xs) => [...xs].sort((a, b) => a - b)[xs.length >> 1];
const range = (xs) => `${Math.min(...xs).toFixed(3)}-${Math.max(...xs).toFixed(3)}`;
const fmt = (x) => (x < 10 ? x.toFixed(3) : x.toFixed(1));

const rows = [];
function series(name, runs) {
  // runs: [{ label, cmd, input }], interleaved over ROUNDS, order alternating per round.
  const res = runs.map(() => ({ wall: [], cpu: [] }));
  for (let round = 0; round < ROUNDS; round++) {
    const order = runs.map((_, i) => i);
    if (round % 2) order.reverse();
    for (const i of order) {
      const t = timed(runs[i].cmd, runs[i].input);
      res[i].wall.push(t.wall);
      res[i].cpu.push(t.cpu);
    }
  }
  const row = { name };
  runs.forEach((r, i) => (row[r.label] = res[i]));
  if (runs.length === 2) {
    row.ratioWall = res[0].wall.map((w, k) => w / res[1].wall[k]);
    row.ratioCpu = res[0].cpu.map((c, k) => c / res[1].cpu[k]);
  }
  rows.push(row);
  const parts = runs.map((r, i) => `${r.label} wall ${fmt(median(res[i].wall))} s (${range(res[i].wall)}) cpu ${fmt(median(res[i].cpu))} s`);
  if (row.ratioWall) parts.push(`ratio wall ${median(row.ratioWall).toFixed(2)} (${range(row.ratioWall)}) cpu ${median(row.ratioCpu).toFixed(2)} (${range(row.ratioCpu)})`);
  console.log(`${name}: ${parts.join(' | ')}`);
}

try {
  console.log(`bench:cli: node ${process.version}, ${cpus()[0]?.model ?? '?'} (${cpus().length} cores), load ${loadavg().map((l) => l.toFixed(1)).join(' ')}, ${ROUNDS} rounds, ${LINES} lines${ze ? `, Ze: ${ze}` : ', no ZE_BIN: ze-nlri alone'}`);
  const base = [{ label: 'node -e 0', cmd: [process.execPath, '-e', '0'], input: '/dev/null' }];
  series('node itself', base);
  for (const family of chosen) {
    const s = samples.find((x) => x.family === family);
    if (!s) throw new Error(`no sample of ${family}`);
    const one = join(dir, 'one.txt');
    writeFileSync(one, `decode nlri ${family} ${s.hex}\n`);
    const many = join(dir, 'many.txt');
    writeFileSync(many, `decode nlri ${family} ${s.hex}\n`.repeat(LINES));
    const zeRun = (input) => (ze && ZE_PLUGIN[family] ? [{ label: 'ze', cmd: [ze, 'plugin', `bgp-nlri-${ZE_PLUGIN[family]}`, '--decode'], input }] : []);
    // Both must really decode the sample (a 'decoded unknown' would time nothing).
    for (const r of [{ label: 'ze-nlri', cmd: [process.execPath, cli, '--decode'] }, ...zeRun(one)]) {
      const a = spawnSync(r.cmd[0], r.cmd.slice(1), { input: `decode nlri ${family} ${s.hex}\n`, encoding: 'utf8' }).stdout;
      if (!a.startsWith('decoded json ')) throw new Error(`${r.label} answers ${JSON.stringify(a)} for ${family} ${s.hex}`);
    }
    series(`${family} start-up (decode, one NLRI)`, [{ label: 'ze-nlri', cmd: [process.execPath, cli, 'decode', family, s.hex], input: '/dev/null' }, ...zeRun(one)]);
    series(`${family} --decode, one line`, [{ label: 'ze-nlri', cmd: [process.execPath, cli, '--decode'], input: one }, ...zeRun(one)]);
    series(`${family} --decode, ${LINES} lines`, [{ label: 'ze-nlri', cmd: [process.execPath, cli, '--decode'], input: many }, ...zeRun(many)]);
  }
  console.log(`load at the end ${loadavg().map((l) => l.toFixed(1)).join(' ')}`);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
