/**
 * `ze-nlri decode-file` through the built binary (node dist/cli.js; build first: `npm run build`;
 * ZE_NLRI_CLI=<path> points at another build), on files built byte by byte from the RFC figures
 * (test/input/build.ts). Expected lines are written from the fields put in.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as B from '../input/build.js';

const CLI = process.env.ZE_NLRI_CLI ?? join(import.meta.dirname, '..', '..', 'dist', 'cli.js');
const dir = mkdtempSync(join(tmpdir(), 'ze-nlri-decode-file-'));

function run(args: string[], input?: string | Uint8Array): { code: number; out: string; err: string } {
  const r = spawnSync(process.execPath, [CLI, ...args], { input, encoding: 'utf8', timeout: 30_000, maxBuffer: 64 << 20 });
  return { code: r.status ?? -1, out: r.stdout, err: r.stderr };
}

function file(name: string, bytes: B.Bytes | string): string {
  const p = join(dir, name);
  writeFileSync(p, typeof bytes === 'string' ? bytes : B.buf(bytes));
  return p;
}

beforeAll(() => {
  if (!existsSync(CLI)) throw new Error('dist/cli.js is missing: run `npm run build` (npm test does)');
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const PEERS = B.mrt(1700000000, 13, 1, B.peerIndexTable('192.0.2.100', 'v', [{ bgpId: '192.0.2.1', ip: '192.0.2.1', as: 65001 }]));
const ATTRS = B.cat(B.ORIGIN_IGP, B.asPath([65001, 4200000000]), B.nextHop('192.0.2.1'));
const ATTRS6 = B.cat(B.ORIGIN_IGP, B.asPath([65001]), B.mpReachShort(B.ip6('2001:db8::1')));
const RIB4 = B.mrt(1700000001, 13, 2, B.ribAfi(1, B.prefix4('198.51.100.0/24'), [{ peer: 0, originated: 1600000000, attrs: ATTRS }]));
const RIB6 = B.mrt(1700000001, 13, 4, B.ribAfi(2, B.prefix6('2001:db8:1::/48'), [{ peer: 0, originated: 1600000001, attrs: ATTRS6 }]));
const E4 = PEERS.length + 12 + 4 + 4 + 2;
const E6 = PEERS.length + RIB4.length + 12 + 4 + 7 + 2;
const LINE4 = `{"action":"add","attr":{"as-path":[65001,4200000000],"origin":"igp"},"family":"ipv4/unicast","next-hop":"192.0.2.1","nlri":"198.51.100.0/24","source":{"format":"mrt","offset":${E4},"peer":{"address":"192.0.2.1","as":65001,"bgp-id":"192.0.2.1"},"record":"TABLE_DUMP_V2/RIB_IPV4_UNICAST","timestamp":1600000000}}`;
const LINE6 = `{"action":"add","attr":{"as-path":[65001],"origin":"igp"},"family":"ipv6/unicast","next-hop":"2001:db8::1","nlri":"2001:db8:1::/48","source":{"format":"mrt","offset":${E6},"peer":{"address":"192.0.2.1","as":65001,"bgp-id":"192.0.2.1"},"record":"TABLE_DUMP_V2/RIB_IPV6_UNICAST","timestamp":1600000001}}`;

describe('ze-nlri decode-file', () => {
  it('an MRT RIB dump: one JSON route per line, format detected', () => {
    expect(run(['decode-file', file('rib.mrt', B.cat(PEERS, RIB4, RIB6))])).toEqual({ code: 0, out: `${LINE4}\n${LINE6}\n`, err: '' });
  });

  it('--family filters; --summary counts on stderr', () => {
    const r = run(['decode-file', '--family', 'ipv6/unicast', '--summary', file('rib2.mrt', B.cat(PEERS, RIB4, RIB6))]);
    expect(r).toEqual({ code: 0, out: `${LINE6}\n`, err: 'decode-file: mrt: 3 records, 1 UPDATEs, 1 routes, 0 errors\n' });
  });

  it('- reads stdin (hex lines, spaces and 0x allowed)', () => {
    const upd = B.update(ATTRS, B.prefix4('10.0.0.0/24'));
    const r = run(['decode-file', '-'], `0x${Buffer.from(upd).toString('hex').match(/../g)!.join(' ')}\n`);
    expect(r).toEqual({
      code: 0,
      out: '{"action":"add","attr":{"as-path":[65001,4200000000],"origin":"igp"},"family":"ipv4/unicast","next-hop":"192.0.2.1","nlri":"10.0.0.0/24","source":{"format":"hex","line":1,"offset":0,"record":"update"}}\n',
      err: '',
    });
  });

  it('- reads a binary MRT stream from stdin too', () => {
    const r = spawnSync(process.execPath, [CLI, 'decode-file', '-'], { input: Buffer.from(B.buf(B.cat(PEERS, RIB4))), encoding: 'utf8' });
    expect(r.stdout).toBe(`${LINE4}\n`);
  });

  it('--format forces the reader (the MRT timestamp 1700000000 starts with 0x65: version 101)', () => {
    const r = run(['decode-file', '--format', 'bmp', file('notbmp.mrt', B.cat(PEERS, RIB4))]);
    expect(r.code).toBe(1);
    expect(r.err).toBe('error: BMP Version 101 is not 3 (RFC 7854 §4.1) (code bad-value, offset 0)\n');
  });

  it('a BMP file and a pcap file', () => {
    const upd = B.update(ATTRS, B.prefix4('203.0.113.0/24'));
    const rm = B.bmp(0, B.cat(B.perPeer({ ip: '192.0.2.1', as: 65001, bgpId: '192.0.2.1', sec: 1700000000 }), upd));
    expect(run(['decode-file', file('x.bmp', rm)]).out).toBe(
      '{"action":"add","attr":{"as-path":[65001,4200000000],"origin":"igp"},"family":"ipv4/unicast","next-hop":"192.0.2.1","nlri":"203.0.113.0/24","source":{"format":"bmp","offset":0,"peer":{"address":"192.0.2.1","as":65001,"bgp-id":"192.0.2.1","post-policy":false,"type":"global"},"record":"route-monitoring","timestamp":1700000000}}\n',
    );
    const pk = B.ipTcp({ src: '192.0.2.1', dst: '192.0.2.2', sport: 179, dport: 40000, seq: 1, payload: upd });
    expect(run(['decode-file', file('x.pcap', B.pcap(1, [{ sec: 1700000000, usec: 5, data: B.ethernet(pk) }]))]).out).toBe(
      '{"action":"add","attr":{"as-path":[65001,4200000000],"origin":"igp"},"family":"ipv4/unicast","next-hop":"192.0.2.1","nlri":"203.0.113.0/24","source":{"format":"pcap","offset":24,"peer":{"address":"192.0.2.1","port":179},"record":"update","timestamp":1700000000.000005,"to":{"address":"192.0.2.2","port":40000}}}\n',
    );
  });

  it('a corrupt record Length: the routes before it, the error with its file offset, exit 1', () => {
    const bad = B.cat(B.u32(0), B.u16(13), B.u16(2), B.u32(0xffffffff));
    const r = run(['decode-file', file('bad.mrt', B.cat(PEERS, RIB4, bad, RIB6))]);
    expect(r).toEqual({ code: 1, out: `${LINE4}\n`, err: `error: MRT record Length 4294967295 exceeds the 16777216-octet bound (code bad-length, offset ${PEERS.length + RIB4.length + 8})\n` });
  });

  it('a malformed UPDATE (session reset) is an error line naming its record and offset', () => {
    const bad = B.bgpMessage(2, B.cat(B.u16(0), B.u16(40), B.ORIGIN_IGP));
    const r = run(['decode-file', file('bad4mp.mrt', B.mrt(5, 16, 4, B.bgp4mpMessage(true, 65001, 65000, '192.0.2.9', '192.0.2.10', bad)))]);
    expect(r.code).toBe(1);
    expect(r.out).toBe('');
    expect(r.err).toBe('error: BGP4MP/MESSAGE_AS4 at offset 0: UPDATE session-reset: Total Path Attribute Length 40 exceeds the 4 octets left (malformed attribute list) (code bad-length)\n');
  });

  it('--progress writes a progress line on stderr and clears it', () => {
    const r = run(['decode-file', '--progress', file('p.mrt', B.cat(PEERS, RIB4))]);
    expect(r.code).toBe(0);
    expect(r.err).toMatch(/^\r100% 0\/0 MiB, \d+ routes\x1b\[K.*\r\x1b\[K$/s);
  });

  it('usage errors exit 2; a missing file or an unknown format exits 1', () => {
    expect(run(['decode-file']).code).toBe(2);
    expect(run(['decode-file', '--format', 'zip', 'x']).err).toMatch(/^error: unknown --format zip: one of mrt, bmp, pcap, hex\n/);
    expect(run(['decode-file', '--family', 'ipv9/unicast', 'x']).code).toBe(2);
    expect(run(['decode-file', '--bogus', 'x']).code).toBe(2);
    expect(run(['decode-file', join(dir, 'nope')]).code).toBe(1);
    expect(run(['decode-file', file('zip', [0x50, 0x4b, 3, 4, 0, 0, 0, 0, 0, 0, 0, 0])])).toEqual({ code: 1, out: '', err: 'error: not an MRT, BMP, pcap, pcapng or hex-lines file (give --format)\n' });
    expect(run(['decode-file', file('empty', [])])).toEqual({ code: 1, out: '', err: 'error: the input is empty\n' });
  });

  it('--help prints the command help; the global help lists decode-file', () => {
    const h = run(['decode-file', '--help']);
    expect(h.code).toBe(0);
    expect(h.out).toMatch(/^ {2}ze-nlri decode-file \[--format mrt\|bmp\|pcap\|hex\]/);
    expect(run(['--help']).out).toContain('ze-nlri decode-file');
  });
});
