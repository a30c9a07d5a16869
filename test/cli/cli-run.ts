/**
 * Runs the built `ze-nlri` (dist/cli.js) as a user does; builds once (`npm run build`) when the
 * build is missing. Shared by the test/cli/*.test.ts files.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';

export const ROOT = join(import.meta.dirname, '..', '..');
export const CLI = join(ROOT, 'dist', 'cli.js');

export function ensureBuilt(): void {
  if (existsSync(CLI)) return;
  const r = spawnSync('npm', ['run', 'build', '--silent'], { cwd: ROOT, encoding: 'utf8', timeout: 600_000 });
  if (r.status !== 0 || !existsSync(CLI)) throw new Error(`npm run build failed:\n${r.stdout}\n${r.stderr}`);
}

export interface Run {
  code: number;
  out: string;
  err: string;
}

export function run(args: readonly string[], input?: string, cwd = ROOT): Run {
  const r = spawnSync(process.execPath, [CLI, ...args], { input, cwd, encoding: 'utf8', timeout: 60_000 });
  return { code: r.status ?? -1, out: r.stdout, err: r.stderr };
}
