/**
 * Start-up of the built CLI (issue 16: lazy loading of families and zod): which modules one
 * command loads, seen through a module resolve hook. No timing is asserted; README.md's
 * "Package" section has the measurements and the hyperfine command.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CLI, ROOT, ensureBuilt } from './cli-run.js';

let dir = '';

beforeAll(() => {
  ensureBuilt();
  dir = mkdtempSync(join(tmpdir(), 'ze-nlri-startup-'));
  writeFileSync(join(dir, 'hooks.mjs'), `export async function resolve(s, c, next) { const r = await next(s, c); process._rawDebug('LOAD ' + r.url); return r; }\n`);
  writeFileSync(join(dir, 'register.mjs'), `import { register } from 'node:module'; register(${JSON.stringify(new URL(`file://${join(dir, 'hooks.mjs')}`).href)});\n`);
}, 600_000);

afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

function loaded(args: string[], input?: string): { code: number; out: string; files: string[] } {
  const r = spawnSync(process.execPath, ['--import', join(dir, 'register.mjs'), CLI, ...args], { cwd: ROOT, encoding: 'utf8', timeout: 60_000, input });
  const files = r.stderr
    .split('\n')
    .filter((l) => l.startsWith('LOAD '))
    .map((l) => l.slice(5).replace(/^file:\/\/.*\/(dist|node_modules)\//, '$1/'));
  return { code: r.status ?? -1, out: r.stdout, files };
}

describe('one decode loads one family group', () => {
  it('decode ipv4/mpls-vpn: the vpn entry, no other group, not the package root, not zod', () => {
    const r = loaded(['decode', 'ipv4/mpls-vpn', '70003E810000FDE8000000640A0000']);
    expect(r.code).toBe(0);
    expect(r.out).toBe('{"labels":[[1000]],"prefix":"10.0.0.0/24","rd":"0:65000:100"}\n');
    expect(r.files).toContain('dist/vpn.js');
    for (const other of ['dist/index.js', 'dist/flowspec.js', 'dist/evpn.js', 'dist/bgp-ls.js', 'dist/plugin.js']) expect(r.files).not.toContain(other);
    expect(r.files.filter((f) => f.includes('zod'))).toEqual([]);
  });

  it('a decode of any group loads no zod (the first sample of each group)', async () => {
    const { builtinSamples } = await import('../../src/families.js');
    const { BUILTIN } = await import('../../src/cli/family-names.js');
    const seen = new Set<string>();
    for (const s of builtinSamples) {
      const group = BUILTIN.find((f) => f.name === s.family)?.group;
      if (!group || seen.has(group)) continue;
      seen.add(group);
      const r = loaded(['decode', s.family, s.hex]);
      expect(r.code, `${s.family} ${s.hex}`).toBe(0);
      expect(r.files.filter((f) => f.includes('zod')), s.family).toEqual([]);
    }
    expect(seen.size).toBeGreaterThanOrEqual(15);
  }, 120_000);

  it('--decode loads the group a request names, not every family', () => {
    const r = loaded(['--decode'], 'decode nlri ipv4/mpls-vpn 70003E810000FDE8000000640A0000\n');
    expect(r.code).toBe(0);
    expect(r.out).toBe('decoded json {"labels":[[1000]],"prefix":"10.0.0.0/24","rd":"0:65000:100"}\n');
    expect(r.files).toContain('dist/vpn.js');
    for (const other of ['dist/index.js', 'dist/flowspec.js', 'dist/evpn.js', 'dist/bgp-ls.js']) expect(r.files).not.toContain(other);
    expect(r.files.filter((f) => f.includes('zod'))).toEqual([]);
  });

  it('--version loads nothing of the library', () => {
    const r = loaded(['--version']);
    expect(r.code).toBe(0);
    expect(r.files.filter((f) => /dist\/(index|vpn|flowspec|evpn|codec-commands)/.test(f) || f.includes('zod'))).toEqual([]);
  });

  it('decode-update (an extra command) gets the whole library', () => {
    const r = loaded(['decode-update', '--help']);
    expect(r.code).toBe(0);
    expect(r.files).toContain('dist/index.js');
  });
});
