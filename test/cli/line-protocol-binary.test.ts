/**
 * `node dist/cli.js --decode` as tools run it (build first: `npm run build`): a 50 MB line and a
 * 5 MB line of 2.5 M NLRIs in bounded memory (peak RSS read from /proc while it runs), the line
 * after them still served, and 100k answers through a pipe without MaxListenersExceededWarning.
 */
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';

/** ZE_NLRI_CLI: another build to check (e.g. an older one, to see these tests fail without the fix). */
const CLI = process.env.ZE_NLRI_CLI ?? join(import.meta.dirname, '..', '..', 'dist', 'cli.js');
const HAS_PROC = existsSync('/proc/self/status');

beforeAll(() => {
  if (!existsSync(CLI)) throw new Error('dist/cli.js is missing: run `npm run build` (npm test does)');
});

function rssKb(pid: number): number {
  try {
    const m = /VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Number(m[1]) : 0;
  } catch {
    return 0;
  }
}

/** Run `--decode`, feeding `chunks` with backpressure; the answers, stderr and the peak RSS seen. */
async function runDecode(chunks: Iterable<Buffer>): Promise<{ out: string; err: string; code: number | null; peakKb: number }> {
  const child = spawn(process.execPath, ['--max-old-space-size=512', CLI, '--decode'], { stdio: ['pipe', 'pipe', 'pipe'] });
  let out = '';
  let err = '';
  child.stdout.setEncoding('utf8').on('data', (d: string) => (out += d));
  child.stderr.setEncoding('utf8').on('data', (d: string) => (err += d));
  let peakKb = 0;
  const poll = setInterval(() => (peakKb = Math.max(peakKb, rssKb(child.pid!))), 20);
  const exited = new Promise<number | null>((resolve) => child.on('exit', resolve));
  child.stdin.on('error', () => undefined);
  for (const c of chunks) {
    if (!child.stdin.write(c)) await new Promise((r) => child.stdin.once('drain', r));
    peakKb = Math.max(peakKb, rssKb(child.pid!));
  }
  child.stdin.end();
  const code = await exited;
  clearInterval(poll);
  return { out, err, code, peakKb };
}

function* bigLine(head: string, bytes: number, fill: number, tail: string): Generator<Buffer> {
  yield Buffer.from(head);
  const mb = Buffer.alloc(1 << 20, fill);
  for (let left = bytes; left > 0; left -= mb.length) yield left >= mb.length ? mb : mb.subarray(0, left);
  yield Buffer.from(tail);
}

describe('ze-nlri --decode, built binary', () => {
  it('a 50 MB line: answered without being kept, peak RSS small, the next line served', { timeout: 120_000 }, async () => {
    const r = await runDecode(bigLine('decode nlri ipv4/rtc ', 50 * 1000 * 1000, 0x30, '\ndecode nlri ipv4/flow 0501180A0000\n'));
    expect(r.code).toBe(0);
    expect(r.out).toBe('decoded unknown\ndecoded json {"destination":[["10.0.0.0/24/0"]]}\n');
    expect(r.err).toMatch(/line 1 is longer than 16777216 bytes/);
    if (HAS_PROC) expect(r.peakKb).toBeLessThan(300 * 1024);
  });

  it('a 5 MB line of 2.5 M NLRIs: a 137 MB answer in bounded memory', { timeout: 120_000 }, async () => {
    const r = await runDecode(bigLine('decode nlri ipv4/rtc ', 5_000_000, 0x30, '\ndecode nlri ipv4/flow 0501180A0000\n'));
    expect(r.code).toBe(0);
    const lines = r.out.split('\n');
    expect(lines.length).toBe(3);
    const one = '{"is-default":true,"origin-as":0,"route-target":"0:0"}';
    expect(lines[0]!.length).toBe('decoded json ['.length + 2_500_000 * (one.length + 1));
    expect(lines[0]!.startsWith(`decoded json [${one},${one},`)).toBe(true);
    expect(lines[1]).toBe('decoded json {"destination":[["10.0.0.0/24/0"]]}');
    if (HAS_PROC) expect(r.peakKb).toBeLessThan(500 * 1024);
  });

  it('100k lines through a pipe: 100k answers, no MaxListenersExceededWarning', { timeout: 120_000 }, async () => {
    const line = Buffer.from('decode nlri ipv4/rtc 600000FDE90002FDE900000064\n');
    const r = await runDecode([Buffer.concat(Array(100_000).fill(line))]);
    expect(r.code).toBe(0);
    expect(r.err).not.toMatch(/MaxListenersExceededWarning/);
    const lines = r.out.split('\n');
    expect(lines.length).toBe(100_001);
    expect(new Set(lines.slice(0, -1)).size).toBe(1);
  });
});
