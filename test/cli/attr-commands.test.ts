/**
 * `ze-nlri decode-attr` / `encode-attr` through the built binary, with values laid out by hand
 * from the RFCs: RFC 1997 (COMMUNITIES, NO_EXPORT = 0xFFFFFF01), RFC 4360 §4 (two-octet-AS route
 * target: type 0x00, sub-type 0x02), RFC 6514 §5 with RFC 7432 §11.2 (PMSI ingress replication).
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const CLI = join(import.meta.dirname, '..', '..', 'dist', 'cli.js');
const run = (args: string[]) => {
  const r = spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8', timeout: 30_000 });
  return { code: r.status ?? -1, out: r.stdout, err: r.stderr };
};

describe('decode-attr / encode-attr', () => {
  it('decode-attr by name and by type code', () => {
    expect(run(['decode-attr', 'community', 'FDE80001FFFFFF01'])).toEqual({ code: 0, out: '["65000:1","no-export"]\n', err: '' });
    expect(run(['decode-attr', '8', 'fde8:0001:ffff:ff01']).out).toBe('["65000:1","no-export"]\n');
    const rt = JSON.parse(run(['decode-attr', 'extended-community', '0002FDE800000064']).out) as { string: string; kind: string }[];
    expect(rt[0]).toMatchObject({ kind: 'route-target', string: 'target:65000:100' });
    const pmsi = JSON.parse(run(['decode-attr', 'pmsi-tunnel', '0006000000C0000201']).out) as Record<string, unknown>;
    expect(pmsi).toMatchObject({ 'tunnel-type': 6, endpoint: '192.0.2.1' });
  });

  it('encode-attr from args tokens', () => {
    expect(run(['encode-attr', 'community', '65000:1', 'no-export'])).toEqual({ code: 0, out: 'FDE80001FFFFFF01\n', err: '' });
    expect(run(['encode-attr', 'extended-community', 'target:65000:100']).out).toBe('0002FDE800000064\n');
  });

  it('malformed values exit 1 with the error, unknown attributes are usage errors', () => {
    const bad = run(['decode-attr', 'community', 'FDE800']);
    expect(bad.code).toBe(1);
    expect(bad.err).toMatch(/^error: /);
    expect(run(['decode-attr', 'colour', '00']).code).toBe(2);
    expect(run(['encode-attr', 'mp-reach-nlri', 'x']).code).toBe(2);
  });
});
