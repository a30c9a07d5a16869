/**
 * The package shape: one `exports` subpath per family folder (so `ze-nlri/<group>` loads that group
 * alone), each with ESM and CJS types and code; `bin` points at the built CLI. `attw` (in npm test)
 * checks that every listed path resolves for Node and bundlers.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '..');
const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as {
  exports: Record<string, unknown>;
  bin: Record<string, string>;
  dependencies: Record<string, string>;
  devDependencies: Record<string, string>;
  files: string[];
  repository?: { type: string; url: string };
  keywords?: string[];
  sideEffects?: boolean;
  license: string;
  scripts: Record<string, string>;
};
const groups = readdirSync(join(ROOT, 'families')).filter((d) => existsSync(join(ROOT, 'families', d, 'index.ts'))).sort();

describe('package.json', () => {
  it('exports the root, the plugin runtime, the file readers, every family group and nothing else', () => {
    const subpaths = Object.keys(pkg.exports).filter((k) => k !== '.' && k !== './package.json' && k !== './plugin' && k !== './input').sort();
    expect(subpaths).toEqual(groups.map((g) => `./${g}`));
  });

  it.each([...groups, 'plugin', 'input'])('./%s has ESM and CJS entries with types', (g) => {
    expect(pkg.exports[`./${g}`]).toEqual({
      import: { types: `./dist/${g}.d.ts`, default: `./dist/${g}.js` },
      require: { types: `./dist/${g}.d.cts`, default: `./dist/${g}.cjs` },
    });
  });

  it('pins exact dev versions, takes runtime dependencies as caret ranges, and keeps banned packages out', () => {
    for (const [name, v] of Object.entries(pkg.devDependencies)) expect(v, name).toMatch(/^\d+\.\d+\.\d+$/);
    // A library pinning its dependencies exactly forces duplicates on its users (issue 17 §4).
    for (const [name, v] of Object.entries(pkg.dependencies)) expect(v, name).toMatch(/^\^\d+\.\d+\.\d+$/);
    expect(pkg.dependencies['bigint-buffer']).toBeUndefined();
    expect(pkg.devDependencies['bigint-buffer']).toBeUndefined();
    expect(pkg.dependencies['binary-parser']).toBeUndefined();
  });

  it('the bin is the built CLI', () => {
    expect(pkg.bin['ze-nlri']).toBe('dist/cli.js');
  });

  it('names its repository, keywords and license, ships LICENSE and examples/, and has no side effects', () => {
    expect(pkg.repository?.type).toBe('git');
    expect(pkg.keywords).toEqual(expect.arrayContaining(['bgp', 'nlri', 'flowspec', 'evpn']));
    expect(pkg.sideEffects).toBe(false);
    expect(pkg.files).toEqual(expect.arrayContaining(['dist', 'docs', 'examples', 'README.md', 'LICENSE']));
    expect(pkg.license).toBe('MIT');
    const license = readFileSync(join(ROOT, 'LICENSE'), 'utf8');
    expect(license).toMatch(/^MIT License\n\nCopyright \(c\) \d{4} ze-nlri contributors\n/);
    expect(readFileSync(join(ROOT, 'README.md'), 'utf8')).toContain('(examples/');
  });

  it('npm run demo prints the samples, not the build output', () => {
    expect(pkg.scripts.demo).toMatch(/^\(npm run build --silent >\/dev\/null 2>&1 \|\| npm run build\) && node dist\/cli\.js samples$/);
  });

  it('the lock file records every platform\'s optional binaries, so npm ci works wherever the registry serves them', () => {
    const lock = JSON.parse(readFileSync(join(ROOT, 'package-lock.json'), 'utf8')) as { packages: Record<string, { optionalDependencies?: Record<string, string> }> };
    expect(lock.packages['']).toMatchObject({ dependencies: pkg.dependencies, devDependencies: pkg.devDependencies });
    for (const [path, p] of Object.entries(lock.packages)) {
      for (const dep of Object.keys(p.optionalDependencies ?? {})) {
        const nested = `${path}/node_modules/${dep}`;
        expect(lock.packages[nested] ?? lock.packages[`node_modules/${dep}`], `${path} → ${dep}`).toBeDefined();
      }
    }
  });
});
