import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ensureBuilt, ROOT } from '../cli/cli-run.js';

// Issue 17 §3: zod's types stay out of the public surface; issue 16: loading a family does not load zod.
describe('zod stays at the boundary', () => {
  it('no built declaration file imports zod', () => {
    ensureBuilt();
    const dist = join(ROOT, 'dist');
    const leaks = readdirSync(dist)
      .filter((f) => f.endsWith('.d.ts') || f.endsWith('.d.cts'))
      .filter((f) => /from ['"]zod['"]|import\(['"]zod['"]\)|require\(['"]zod['"]\)/.test(readFileSync(join(dist, f), 'utf8')));
    expect(leaks).toEqual([]);
  });

  it('loading a family group (defineFamily at module load) and the registry does not load zod', () => {
    ensureBuilt();
    const groups = ['vpn', 'flowspec', 'evpn', 'labeled', 'vpls', 'rtc', 'mvpn', 'mup'];
    const src = `for (const g of ${JSON.stringify(groups)}) require('./dist/' + g + '.cjs');
process.stdout.write(String(Object.keys(require.cache).filter((k) => k.includes('zod')).length));`;
    const r = spawnSync(process.execPath, ['-e', src], { cwd: ROOT, encoding: 'utf8', timeout: 60_000 });
    expect(r.stderr).toBe('');
    expect(r.stdout).toBe('0');
  });

  it('importing the package root (every family, the attributes, whole UPDATEs) does not load zod', () => {
    ensureBuilt();
    const src = `const m = require('./dist/index.cjs');
m.decodeUpdate(Uint8Array.from([255,255,255,255,255,255,255,255,255,255,255,255,255,255,255,255,0,23,2,0,0,0,0]));
process.stdout.write(String(Object.keys(require.cache).filter((k) => k.includes('zod')).length));`;
    const r = spawnSync(process.execPath, ['-e', src], { cwd: ROOT, encoding: 'utf8', timeout: 60_000 });
    expect(r.stderr).toBe('');
    expect(r.stdout).toBe('0');
  });
});
