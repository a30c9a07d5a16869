/**
 * The package as users get it (issue 17 §4): `npm pack` the built tree, install the tarball into
 * a fresh directory, then import it (ESM and CJS), run its bin, and type-check a consumer file
 * with tsc under `strict` + `exactOptionalPropertyTypes` without `skipLibCheck` against the
 * shipped declarations. Needs the build (`npm run build`) and the npm cache or registry for zod.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureBuilt, ROOT } from './cli/cli-run.js';

let dir = '';
let files: string[] = [];
let installed = '';

function sh(cmd: string, args: string[], cwd: string, timeout = 300_000) {
  const r = spawnSync(cmd, args, { cwd, encoding: 'utf8', timeout, env: { ...process.env, npm_config_audit: 'false', npm_config_fund: 'false', npm_config_update_notifier: 'false' } });
  return { code: r.status ?? -1, out: r.stdout ?? '', err: r.stderr ?? '' };
}

const groups = Object.keys((JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { exports: Record<string, unknown> }).exports)
  .filter((k) => k !== '.' && k !== './package.json')
  .map((k) => k.slice(2));

beforeAll(() => {
  ensureBuilt();
  dir = mkdtempSync(join(tmpdir(), 'ze-nlri-pack-'));
  const pack = sh('npm', ['pack', '--json', '--ignore-scripts', '--pack-destination', dir], ROOT);
  if (pack.code !== 0) throw new Error(`npm pack failed: ${pack.err}`);
  const info = JSON.parse(pack.out) as { filename: string; files: { path: string }[] }[];
  files = info[0]!.files.map((f) => f.path);
  const app = join(dir, 'app');
  sh('mkdir', ['-p', app], dir);
  writeFileSync(join(app, 'package.json'), JSON.stringify({ name: 'consumer', version: '1.0.0', type: 'module', private: true }));
  const inst = sh('npm', ['install', '--prefer-offline', '--no-package-lock', '--ignore-scripts', join(dir, info[0]!.filename)], app);
  if (inst.code !== 0) throw new Error(`npm install of the tarball failed: ${inst.err}`);
  installed = app;
}, 600_000);

afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('the tarball', () => {
  it('holds dist, docs, examples, README and LICENSE, and no sources or tests', () => {
    for (const f of ['LICENSE', 'README.md', 'package.json', 'dist/index.js', 'dist/index.cjs', 'dist/cli.js', 'examples/colored-prefix.mjs', 'docs/families/vpn.md']) expect(files, f).toContain(f);
    expect(files.filter((f) => /^(src|test|fuzz|bench|families)\//.test(f))).toEqual([]);
  });

  it('the CLI is not a second copy of the library: a small entry importing the library build', () => {
    const cli = readFileSync(join(ROOT, 'dist', 'cli.js'), 'utf8');
    expect(cli.length).toBeLessThan(16 * 1024);
    expect(cli).toMatch(/from '\.\/chunk-[A-Z0-9]+\.js'/);
    expect(cli).not.toContain('FlowSpec');
  });
});

describe('installed from the tarball', () => {
  it('imports (ESM and CJS) and decodes', () => {
    const esm = sh(process.execPath, ['--input-type=module', '-e', "import { decodeHex } from 'ze-nlri'; import { codecs } from 'ze-nlri/vpn'; console.log(decodeHex('ipv4/flow', '0801180A0000038106'), codecs.length)"], installed);
    expect(esm).toMatchObject({ code: 0, out: '{"destination":[["10.0.0.0/24/0"]],"protocol":[["=tcp"]]} 2\n' });
    const cjs = sh(process.execPath, ['-e', "const { encodeArgs } = require('ze-nlri'); console.log(encodeArgs('ipv4/flow', ['destination', '10.0.0.0/24']))"], installed);
    expect(cjs).toMatchObject({ code: 0, out: '0501180A0000\n' });
  });

  it('runs the bin (node_modules/.bin/ze-nlri), with the example module from the package', () => {
    const bin = join(installed, 'node_modules', '.bin', 'ze-nlri');
    expect(existsSync(bin)).toBe(true);
    expect(sh(bin, ['decode', 'ipv4/flow', '0801180A0000038106'], installed)).toMatchObject({ code: 0, out: '{"destination":[["10.0.0.0/24/0"]],"protocol":[["=tcp"]]}\n' });
    expect(sh(bin, ['--version'], installed).code).toBe(0);
    expect(sh(bin, ['encode', 'ipv4/mpls-vpn', '--help'], installed).out).toContain('rd <RD> label <N>');
    const m = sh(bin, ['decode', '--family-module', 'node_modules/ze-nlri/examples/colored-prefix.mjs', 'ipv4/colored', '2800640A0000'], installed);
    expect(m).toMatchObject({ code: 0, out: '{"color":100,"prefix":"10.0.0.0/24"}\n' });
  });

  it('its declarations type-check under strict + exactOptionalPropertyTypes without skipLibCheck', () => {
    const imports = groups.map((g, i) => `import * as g${i} from 'ze-nlri/${g}';`).join('\n');
    writeFileSync(
      join(installed, 'consumer.ts'),
      `import { decodeHex, decodeAll, defaultRegistry, NlriError, type FamilyCodec, type DecodeOptions } from 'ze-nlri';
${imports}
const opts: DecodeOptions = { addPath: false, strict: true };
const c: FamilyCodec = defaultRegistry.require('ipv4/flow');
const models = decodeAll(c, new Uint8Array([5, 1, 24, 10, 0, 0]), opts);
const text: string = decodeHex('ipv4/flow', '0501180A0000');
const e: NlriError | undefined = undefined;
console.log(models.length, text, e, ${groups.map((_, i) => `g${i}`).join(', ')});
`,
    );
    writeFileSync(join(installed, 'consumer-cjs.cts'), `import zn = require('ze-nlri');
import vpn = require('ze-nlri/vpn');
const hex: string = zn.encodeArgs('ipv4/flow', ['destination', '10.0.0.0/24']);
console.log(hex, vpn.codecs.length);
`);
    writeFileSync(
      join(installed, 'tsconfig.json'),
      JSON.stringify({
        compilerOptions: {
          strict: true,
          exactOptionalPropertyTypes: true,
          skipLibCheck: false,
          noEmit: true,
          module: 'nodenext',
          moduleResolution: 'nodenext',
          target: 'es2022',
          types: ['node'],
          typeRoots: [join(ROOT, 'node_modules', '@types')],
        },
        files: ['consumer.ts', 'consumer-cjs.cts'],
      }),
    );
    const tsc = sh(process.execPath, [join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', '.'], installed);
    expect(tsc.out + tsc.err).toBe('');
    expect(tsc.code).toBe(0);
  }, 120_000);
});
