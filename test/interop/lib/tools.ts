/**
 * Finding and running the independent BGP implementations the interop suite compares against
 * (Debian bookworm packages: tshark 4.0.17, ExaBGP 4.2.21, GoBGP 3.10.0). Every run has a
 * timeout; nothing here starts a process that outlives the call.
 */
import { spawnSync } from 'node:child_process';
import { accessSync, constants, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';

/** Absolute path of an executable on PATH (or in /usr/sbin, /usr/bin), or undefined. */
export function which(cmd: string): string | undefined {
  const dirs = [...(process.env.PATH ?? '').split(delimiter), '/usr/sbin', '/usr/bin'];
  for (const d of dirs) {
    if (!d) continue;
    const p = join(d, cmd);
    try {
      accessSync(p, constants.X_OK);
      return p;
    } catch {
      /* not here */
    }
  }
  return undefined;
}

export const TSHARK = which('tshark');
export const EXABGP = which('exabgp');
export const GOBGPD = which('gobgpd');
export const GOBGP = which('gobgp');

export interface RunResult {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** Run a command to completion with a hard timeout (ms); throws when it cannot start or times out. */
export function run(cmd: string, args: readonly string[], opts: { input?: string; timeoutMs: number; env?: NodeJS.ProcessEnv; cwd?: string }): RunResult {
  const r = spawnSync(cmd, args, {
    input: opts.input,
    timeout: opts.timeoutMs,
    killSignal: 'SIGKILL',
    env: opts.env ?? process.env,
    cwd: opts.cwd,
    encoding: 'utf8',
    maxBuffer: 256 * 1024 * 1024,
  });
  if (r.error) throw new Error(`${cmd} ${args.slice(0, 3).join(' ')}…: ${r.error.message}`);
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** A fresh temporary directory, removed by the returned function. */
export function tempDir(prefix: string): { dir: string; remove: () => void } {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

/** How many random inputs per family: INTEROP_RUNS overrides the default. */
export function runsPerFamily(dflt: number): number {
  const v = Number(process.env.INTEROP_RUNS);
  return Number.isInteger(v) && v > 0 ? v : dflt;
}
