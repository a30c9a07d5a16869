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
};
const groups = readdirSync(join(ROOT, 'families')).filter((d) => existsSync(join(ROOT, 'families', d, 'index.ts'))).sort();

describe('package.json', () => {
  it('exports the root, the plugin runtime, every family group and nothing else', () => {
    const subpaths = Object.keys(pkg.exports).filter((k) => k !== '.' && k !== './package.json' && k !== './plugin').sort();
    expect(subpaths).toEqual(groups.map((g) => `./${g}`));
  });

  it.each([...groups, 'plugin'])('./%s has ESM and CJS entries with types', (g) => {
    expect(pkg.exports[`./${g}`]).toEqual({
      import: { types: `./dist/${g}.d.ts`, default: `./dist/${g}.js` },
      require: { types: `./dist/${g}.d.cts`, default: `./dist/${g}.cjs` },
    });
  });

  it('pins exact versions and keeps banned packages out', () => {
    for (const [name, v] of Object.entries({ ...pkg.dependencies, ...pkg.devDependencies })) {
      expect(v, name).toMatch(/^\d+\.\d+\.\d+$/);
    }
    expect(pkg.dependencies['bigint-buffer']).toBeUndefined();
    expect(pkg.devDependencies['bigint-buffer']).toBeUndefined();
    expect(pkg.dependencies['binary-parser']).toBeUndefined();
  });

  it('the bin is the built CLI', () => {
    expect(pkg.bin['ze-nlri']).toBe('dist/cli.js');
  });
});
