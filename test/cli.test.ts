/**
 * The built `ze-nlri` command, run as a user runs it (node dist/cli.js), with expected outputs
 * taken from Ze's vectors. `npm test` builds before running vitest.
 */
import { spawnSync, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';

const CLI = join(import.meta.dirname, '..', 'dist', 'cli.js');

function run(args: string[], input?: string): { code: number; out: string; err: string } {
  const r = spawnSync(process.execPath, [CLI, ...args], { input, encoding: 'utf8', timeout: 30_000 });
  return { code: r.status ?? -1, out: r.stdout, err: r.stderr };
}

beforeAll(() => {
  if (!existsSync(CLI)) throw new Error('dist/cli.js is missing: run `npm run build` (npm test does)');
});

describe('ze-nlri decode / encode', () => {
  it('decodes to Ze\'s exact JSON text (flowspec-001)', () => {
    const r = run(['decode', 'ipv4/flow', '0801180A0000038106']);
    expect(r).toEqual({ code: 0, out: '{"destination":[["10.0.0.0/24/0"]],"protocol":[["=tcp"]]}\n', err: '' });
  });

  it('encodes Ze args to upper-case hex (flowspec.md §6.8 example)', () => {
    const r = run(['encode', 'ipv4/flow', 'destination-port', '=80', '=443', '=8080']);
    expect(r).toEqual({ code: 0, out: '090501505101BBD11F90\n', err: '' });
  });

  it('puts an ADD-PATH path id in front with --path-id and reads it back with --add-path', () => {
    const enc = run(['encode', '--path-id', '7', 'ipv4/flow', 'destination', '10.0.0.0/24']);
    expect(enc.out).toBe('000000070501180A0000\n');
    const dec = run(['decode', '--add-path', 'ipv4/flow', '000000070501180A0000']);
    expect(dec.out).toBe('{"destination":[["10.0.0.0/24/0"]],"path-id":7}\n');
  });

  it('codec errors: exit 1 and error: <message> (code <code>, offset <n>) on stderr, nothing on stdout', () => {
    const u = run(['decode', 'ipv4/nope', '00']);
    expect(u).toMatchObject({ code: 1, out: '' });
    expect(u.err).toMatch(/^error: unsupported family: ipv4\/nope; families: bgp-ls\/bgp-ls, .* \(code unsupported-family\)\n$/);
    expect(run(['decode', 'ipv4/flow', '0Z'])).toEqual({ code: 1, out: '', err: "error: invalid hex: encoding/hex: invalid byte: U+005A 'Z' (code invalid-hex, offset 0)\n" });
    const r = run(['encode', 'ipv4/flow', 'bogus']);
    expect(r.code).toBe(1);
    expect(r.err).toBe('error: unknown component: bogus (code invalid-args)\n');
  });

  it('usage errors: exit 2 with the command\'s usage line, not the global help', () => {
    const r = run(['decode', 'ipv4/flow']);
    expect(r.code).toBe(2);
    expect(r.err).toContain('error: decode takes <family> <hex>');
    expect(r.err).toContain('usage: ze-nlri decode [options] <family> <hex|->');
    expect(r.err).not.toContain('Usage:');
    expect(run(['frobnicate']).code).toBe(2);
    expect(run([]).code).toBe(2);
  });
});

describe('ze-nlri families / samples', () => {
  it('lists every family with AFI, SAFI and modes', () => {
    const r = run(['families', '--json']);
    expect(r.code).toBe(0);
    const list = JSON.parse(r.out) as Array<{ name: string; afi: number; safi: number; modes: string[] }>;
    expect(list.find((f) => f.name === 'ipv4/flow')).toMatchObject({ afi: 1, safi: 133, modes: ['decode', 'encode'] });
    expect(list.find((f) => f.name === 'ipv6/flow-vpn')).toMatchObject({ afi: 2, safi: 134 });
    expect(run(['families']).out).toMatch(/^ipv4\/flow\s+afi 1\s+safi 133/m);
  });

  it('decodes the built-in samples (the README\'s first command)', () => {
    const r = run(['samples', 'ipv4/flow']);
    expect(r.code).toBe(0);
    expect(r.out).toContain('ipv4/flow  ');
    expect(r.err).toMatch(/^\d+ sample NLRIs decoded from 1 families\n$/);
  });
});

describe('ze-nlri --decode (Ze\'s plugin line protocol)', () => {
  it('answers one line per request line, exactly as Ze\'s --decode mode', () => {
    const input = [
      'decode nlri ipv4/flow 0801180A0000038106',
      'decode json nlri IPV4/FLOW 0501180A0000',
      'decode nlri ipv4/flow zz',
      'decode nlri ipv4/nope 00',
      '',
      'encode nlri ipv4/flow destination 10.0.0.0/24',
      'encode text nlri ipv4/flow bogus',
      'encode nlri ipv4/nope x',
      'decode x',
      'encode json nlri',
    ].join('\n');
    const r = run(['--decode'], input + '\n');
    expect(r.code).toBe(0);
    expect(r.out.split('\n')).toEqual([
      'decoded json {"destination":[["10.0.0.0/24/0"]],"protocol":[["=tcp"]]}',
      'decoded json {"destination":[["10.0.0.0/24/0"]]}',
      'decoded unknown',
      'decoded unknown',
      'decoded unknown',
      'encoded hex 0501180A0000',
      'encoded error unknown component: bogus',
      'encoded error unsupported family: ipv4/nope',
      'decoded unknown',
      'encoded error missing arguments',
      '',
    ]);
  });

  it('streams: answers before stdin is closed', async () => {
    const child = spawn(process.execPath, [CLI, '--decode'], { stdio: ['pipe', 'pipe', 'inherit'] });
    const first = new Promise<string>((resolve) => child.stdout.once('data', (d: Buffer) => resolve(d.toString())));
    child.stdin.write('decode nlri ipv4/flow 0501180A0000\n');
    expect(await first).toBe('decoded json {"destination":[["10.0.0.0/24/0"]]}\n');
    child.stdin.end();
    const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
    expect(code).toBe(0);
  });
});

describe('ze-nlri decode-attr / plugin (wired from src/cli/extra-commands.ts)', () => {
  it('decodes a BGP-LS attribute value to Ze\'s JSON (bgpls-attr-001)', () => {
    expect(run(['decode-attr', 'bgp-ls', '04470003000001'])).toEqual({ code: 0, out: '{"igp-metric":1}\n', err: '' });
  });

  it('decode-attr: unknown attribute is a usage error, bad hex a codec error', () => {
    expect(run(['decode-attr', 'foo', '00'])).toMatchObject({ code: 2, out: '' });
    expect(run(['decode-attr', 'foo', '00']).err).toMatch(/^error: decode-attr takes origin\|as-path\|.*\|bgp-ls\|.* <hex>\n$/);
    expect(run(['decode-attr', 'bgp-ls', '0Z'])).toMatchObject({ code: 1, err: "error: invalid hex: encoding/hex: invalid byte: U+005A 'Z' (code invalid-hex, offset 0)\n" });
  });

  it('plugin --help prints the plugin\'s options; without Ze\'s environment it fails with an ERROR line', () => {
    const help = run(['plugin', '--help']);
    expect(help.code).toBe(0);
    expect(help.out).toContain('--family-module <file>');
    const env = Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.toUpperCase().startsWith('ZE_PLUGIN')));
    const r = spawnSync(process.execPath, [CLI, 'plugin'], { encoding: 'utf8', timeout: 30_000, env });
    expect(r.status).not.toBe(0);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/level=ERROR msg="/);
  });
});
