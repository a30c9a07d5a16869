/**
 * `ze-nlri decode-update` / `encode-update` through the built binary (node dist/cli.js), with
 * expected outputs from Ze's own test suite (test/vectors/ze-update/ze-tests.jsonl, Ze's
 * `ze bgp decode --update --json` output) and messages built here from RFC 4271 §4.3.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadUpdateVectors } from '../support/update-vectors.js';

const CLI = join(import.meta.dirname, '..', '..', 'dist', 'cli.js');

function run(args: string[], input?: string): { code: number; out: string; err: string } {
  const r = spawnSync(process.execPath, [CLI, ...args], { input, encoding: 'utf8', timeout: 30_000, maxBuffer: 64 << 20 });
  return { code: r.status ?? -1, out: r.stdout, err: r.stderr };
}

const zeVector = (id: string) => {
  const v = loadUpdateVectors().find((x) => x.id === id);
  if (!v) throw new Error(`vector ${id} missing`);
  return v;
};

beforeAll(() => {
  if (!existsSync(CLI)) throw new Error('dist/cli.js is missing: run `npm run build` (npm test does)');
});

// ORIGIN igp, AS_PATH [65001], NEXT_HOP 192.0.2.1, NLRI 10.0.0.0/24 (RFC 4271 §4.3, built by hand).
const PLAIN = 'FFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFF' + '002F' + '02' + '0000' + '0014' + '40010100' + '4002060201' + '0000FDE9' + '400304C0000201' + '180A0000';
const PLAIN_JSON =
  '{"bgp":{"message":{"direction":"received","id":0,"type":"update"},"peer":{"address":"127.0.0.1","remote":{"as":65533}},"update":{"attr":{"as-path":[65001],"origin":"igp"},"ipv4/unicast":[{"action":"add","next-hop":"192.0.2.1","nlri":["10.0.0.0/24"]}]}},"type":"bgp"}';

describe('ze-nlri decode-update', () => {
  it("prints Ze's exact JSON for an UPDATE of Ze's own tests (ze-decode-ipv4-unicast-2-1)", () => {
    const v = zeVector('ze-decode-ipv4-unicast-2-1');
    expect(run(['decode-update', v.hex])).toEqual({ code: 0, out: v.json_text + '\n', err: '' });
  });

  it('takes hex as users type it: spaces, colons, 0x, lower case', () => {
    const typed = '0x' + PLAIN.toLowerCase().match(/.{2}/g)!.join(':').replace(/:(..):/, ' $1 ');
    expect(run(['decode-update', typed]).out).toBe(PLAIN_JSON + '\n');
  });

  it('--body drops the envelope; without the marker the UPDATE body is read', () => {
    const r = run(['decode-update', '--body', PLAIN.slice(38)]);
    expect(r.code).toBe(0);
    expect(r.out).toBe('{"update":' + PLAIN_JSON.slice(PLAIN_JSON.indexOf('"update":') + 9, -'},"type":"bgp"}'.length) + '}\n');
  });

  it('- reads one message per line and answers one line per message, errors included', () => {
    const r = run(['decode-update', '-'], `${PLAIN}\n\nZZ\n${PLAIN}\r\n`);
    const lines = r.out.split('\n');
    expect(lines.length).toBe(4);
    expect(lines[0]).toBe(PLAIN_JSON);
    expect(JSON.parse(lines[1]!)).toMatchObject({ parsed: false });
    expect(lines[2]).toBe(PLAIN_JSON);
    expect(r.code).toBe(1);
  });

  it('RFC 7606: a malformed ORIGIN (value 5) is treat-as-withdraw, shown under errors, exit 0', () => {
    const bad = PLAIN.replace('40010100', '40010105');
    const r = run(['decode-update', bad]);
    expect(r.code).toBe(0);
    const j = JSON.parse(r.out) as { bgp: { update: { errors: { action: string; attribute: string; offset: number }[] } } };
    expect(j.bgp.update.errors[0]).toMatchObject({ action: 'treat-as-withdraw', attribute: 'origin', offset: 26 });
  });

  it('a header error is a session reset: exit 1, the reason under errors', () => {
    const r = run(['decode-update', PLAIN.slice(0, 32) + '0030' + PLAIN.slice(36)]);
    expect(r.code).toBe(1);
    expect(r.out).toContain('"action":"session-reset"');
  });

  it('--as2 reads 2-octet AS numbers (RFC 6793)', () => {
    // AS_PATH 2-octet: one AS_SEQUENCE of 65001 and 65002.
    const msg = 'FFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFF' + '002F' + '02' + '0000' + '0014' + '40010100' + '4002060202FDE9FDEA' + '400304C0000201' + '180A0000';
    expect(run(['decode-update', '--as2', msg]).out).toContain('"as-path":[65001,65002]');
  });

  it('invalid hex: exit 1 with error: on stderr', () => {
    const r = run(['decode-update', 'FFX']);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/^error: .*invalid hex/);
  });

  it('usage errors exit 2; --help prints the command help', () => {
    expect(run(['decode-update']).code).toBe(2);
    expect(run(['decode-update', '--nope', 'AA']).code).toBe(2);
    const h = run(['decode-update', '--help']);
    expect(h.code).toBe(0);
    expect(h.out).toContain('--add-path');
  });
});

describe('ze-nlri encode-update', () => {
  it('encodes the JSON decode-update printed back to the same message', () => {
    expect(run(['encode-update', PLAIN_JSON])).toEqual({ code: 0, out: PLAIN + '\n', err: '' });
  });

  it("round-trips Ze's FlowSpec UPDATE through JSON to the same JSON", () => {
    const v = zeVector('hand-flow-reach');
    const json = run(['decode-update', v.hex]).out.trim();
    const hex = run(['encode-update', json]);
    expect(hex.code).toBe(0);
    expect(run(['decode-update', hex.out.trim()]).out.trim()).toBe(json);
  });

  it('refuses an unknown attribute name with a clear error', () => {
    const r = run(['encode-update', '{"update":{"attr":{"colour":1}}}']);
    expect(r.code).toBe(1);
    expect(r.err).toContain('unknown attribute "colour"');
  });
});
