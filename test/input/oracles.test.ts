/**
 * Cross-checks with independent readers, each skipped when absent (as test/interop does):
 * tshark (Wireshark's BGP dissector, TCP reassembly) reads the pcap files built here, Python's
 * mrtparse (PyPI) reads the MRT files; both must find the same prefixes, next hops and AS paths
 * as decode-file's readers. Install: `apt-get install -y tshark`, `pip install mrtparse`.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import * as B from './build.js';
import { decodeBytes } from './run.js';

const has = (cmd: string, args: string[]): boolean => {
  const r = spawnSync(cmd, args, { encoding: 'utf8', timeout: 20_000 });
  return r.status === 0;
};
const TSHARK = has('tshark', ['--version']);
const MRTPARSE = has('python3', ['-c', 'import mrtparse']);

const dir = mkdtempSync(join(tmpdir(), 'ze-nlri-input-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A deterministic generator of routes: IPv4 and IPv6 prefixes, AS paths of 1-5 4-octet ASNs. */
function* routes(n: number, seed = 1): Generator<{ v6: boolean; prefix: string; asPath: number[]; nh: string }> {
  let s = seed;
  const rnd = (m: number): number => {
    s = (Math.imul(s, 1103515245) + 12345) >>> 0;
    return (s >>> 8) % m;
  };
  for (let i = 0; i < n; i++) {
    const v6 = rnd(3) === 0;
    const asPath = Array.from({ length: 1 + rnd(5) }, () => 1 + rnd(4294967294));
    if (v6) {
      const len = 16 + rnd(49);
      const g = [0x2001, 0x0db8, rnd(65536), rnd(65536)].map((x) => x.toString(16));
      // Zero the host bits past `len` so the prefix text is canonical.
      const full = B.ip6(`${g.join(':')}::`);
      const bytes = full.map((b, k) => (k * 8 >= len ? 0 : k * 8 + 8 > len ? b & (0xff << (8 - (len - k * 8))) & 0xff : b));
      const text = ipv6Text(bytes);
      yield { v6, prefix: `${text}/${len}`, asPath, nh: `2001:db8::${(1 + rnd(200)).toString(16)}` };
    } else {
      const len = 8 + rnd(25);
      const a = [1 + rnd(223), rnd(256), rnd(256), rnd(256)];
      const m = a.map((b, k) => (k * 8 >= len ? 0 : k * 8 + 8 > len ? b & (0xff << (8 - (len - k * 8))) & 0xff : b));
      yield { v6, prefix: `${m.join('.')}/${len}`, asPath, nh: `192.0.2.${1 + rnd(200)}` };
    }
  }
}

function ipv6Text(b: number[]): string {
  const g: number[] = [];
  for (let i = 0; i < 16; i += 2) g.push((b[i]! << 8) | b[i + 1]!);
  let best = -1;
  let bestLen = 1;
  for (let i = 0; i < 8; ) {
    if (g[i] !== 0) {
      i++;
      continue;
    }
    let j = i;
    while (j < 8 && g[j] === 0) j++;
    if (j - i > bestLen) {
      best = i;
      bestLen = j - i;
    }
    i = j;
  }
  const h = g.map((x) => x.toString(16));
  if (best < 0) return h.join(':');
  return `${h.slice(0, best).join(':')}::${h.slice(best + bestLen).join(':')}`;
}

const key = (prefix: string, nh: string, asPath: (number | string)[]): string => `${prefix} ${nh} ${asPath.join(' ')}`;

describe.skipIf(!TSHARK)('tshark reads the pcap captures as decode-file does', () => {
  it('UPDATEs spread over TCP segments cut at every size, IPv4 and MP_REACH IPv6', () => {
    const list = [...routes(120, 7)];
    const msgs: B.Bytes[] = list.map((r) =>
      r.v6
        ? B.update(B.cat(B.ORIGIN_IGP, B.asPath(r.asPath), B.mpReach(2, 1, B.ip6(r.nh), B.prefix6(r.prefix))))
        : B.update(B.cat(B.ORIGIN_IGP, B.asPath(r.asPath), B.nextHop(r.nh)), B.prefix4(r.prefix)),
    );
    const stream = B.cat(...msgs);
    const segs: B.Bytes[] = [B.ipTcp({ src: '192.0.2.1', dst: '192.0.2.2', sport: 50000, dport: 179, seq: 999, flags: 0x02, payload: [] })];
    for (let p = 0, k = 0; p < stream.length; k++) {
      const n = 1 + ((k * 37) % 400);
      segs.push(B.ipTcp({ src: '192.0.2.1', dst: '192.0.2.2', sport: 50000, dport: 179, seq: 1000 + p, payload: stream.slice(p, p + n) }));
      p += n;
    }
    const file = join(dir, 'session.pcap');
    const bytes = B.buf(B.pcap(1, segs.map((s, i) => ({ sec: 1700000000, usec: i, data: B.ethernet(s) }))));
    writeFileSync(file, bytes);
    const t = spawnSync('tshark', ['-r', file, '-Y', 'bgp.type == 2', '-T', 'fields', '-E', 'separator=|', '-e', 'bgp.nlri_prefix', '-e', 'bgp.mp_reach_nlri_ipv6_prefix', '-e', 'bgp.prefix_length', '-e', 'bgp.update.path_attribute.next_hop', '-e', 'bgp.update.path_attribute.mp_reach_nlri.next_hop.ipv6', '-e', 'bgp.update.path_attribute.as_path_segment.as4'], { encoding: 'utf8', timeout: 60_000 });
    expect(t.status).toBe(0);
    const d = decodeBytes('pcap', bytes);
    expect(d.errors).toEqual([]);
    // decode-file against the generator: every route, in order.
    expect(d.routes.map((r) => key(r.nlri as string, r['next-hop'] as string, (r.attr as { 'as-path': number[] })['as-path']))).toEqual(list.map((r) => key(r.prefix, r.nh, r.asPath)));
    // tshark, frame by frame (one frame may complete several UPDATEs: each field's values joined
    // by commas, IPv4 and IPv6 in separate fields): the same prefixes, lengths, next hops. Not the
    // AS numbers: tshark guesses 2- or 4-octet AS per AS_PATH (no OPEN here) and shows some
    // 4-octet paths without their segments; the generator check above covers the AS paths.
    const sorted = (xs: (string | number)[]): string => xs.map(String).sort().join(',');
    const split = (f: string | undefined): string[] => (f ? f.split(',') : []);
    const frames = t.stdout.trim().split('\n').map((l) => l.split('|'));
    const theirs = frames.map(([p4, p6, lens, nh4, nh6]) => [sorted([...split(p4), ...split(p6)]), sorted(split(lens)), sorted([...split(nh4), ...split(nh6)])].join(' | '));
    const ours: string[] = [];
    let k = 0;
    for (const f of frames) {
      const n = split(f[0]).length + split(f[1]).length;
      const group = d.routes.slice(k, k + n);
      k += n;
      const pre = group.map((r) => String(r.nlri).split('/'));
      ours.push([sorted(pre.map((x) => x[0]!)), sorted(pre.map((x) => x[1]!)), sorted(group.map((r) => r['next-hop'] as string))].join(' | '));
    }
    expect(k).toBe(d.routes.length);
    expect(ours).toEqual(theirs);
  });
});

const MRTPARSE_SCRIPT = `
import json, sys, mrtparse
out = []
peers = []
def attrs(pa):
    nh, asp = None, []
    for a in pa:
        t = list(a['type'].keys())[0]
        if t == 2:
            for seg in a['value']: asp += [int(x) for x in seg['value']]
        elif t == 3: nh = a['value']
        elif t == 14: nh = a['value']['next_hop'][0]
    return nh, asp
for e in mrtparse.Reader(sys.argv[1]):
    d = e.data
    t = list(d['type'].keys())[0]
    if t == 13:
        if 'peer_entries' in d:
            peers = d['peer_entries']; continue
        for r in d['rib_entries']:
            nh, asp = attrs(r['path_attributes'])
            out.append({'prefix': '%s/%d' % (d['prefix'], d['length']), 'nh': nh, 'as': asp, 'peer': peers[r['peer_index']]['peer_ip'], 'path_id': r.get('path_id')})
    elif t == 12:
        nh, asp = attrs(d['path_attributes'])
        out.append({'prefix': '%s/%d' % (d['prefix'], d['length']), 'nh': nh, 'as': asp, 'peer': d['peer_ip'], 'path_id': None})
    elif t in (16, 17):
        m = d['bgp_message']
        nh, asp = attrs(m.get('path_attributes', []))
        for w in m.get('withdrawn_routes', []):
            out.append({'prefix': '%s/%d' % (w['prefix'], w['length']), 'nh': None, 'as': [], 'peer': d['peer_ip'], 'path_id': w.get('path_id')})
        for n in m.get('nlri', []):
            out.append({'prefix': '%s/%d' % (n['prefix'], n['length']), 'nh': nh, 'as': asp, 'peer': d['peer_ip'], 'path_id': n.get('path_id')})
print(json.dumps(out))
`;

describe.skipIf(!MRTPARSE)('mrtparse reads the MRT files as decode-file does', () => {
  it('TABLE_DUMP_V2 RIB_IPV4/IPV6_UNICAST (+ ADD-PATH), BGP4MP_MESSAGE_AS4, TABLE_DUMP v1', () => {
    const peers = [
      { bgpId: '192.0.2.1', ip: '192.0.2.1', as: 65001 },
      { bgpId: '192.0.2.2', ip: '2001:db8::2', as: 4200000000 },
    ];
    const parts: B.Bytes[] = [B.mrt(1700000000, 13, 1, B.peerIndexTable('192.0.2.100', 'v', peers))];
    let seq = 0;
    for (const r of routes(150, 3)) {
      const ap = seq % 5 === 0;
      const attrs = r.v6 ? B.cat(B.ORIGIN_IGP, B.asPath(r.asPath), B.mpReachShort(B.ip6(r.nh))) : B.cat(B.ORIGIN_IGP, B.asPath(r.asPath), B.nextHop(r.nh));
      const sub = (r.v6 ? 4 : 2) + (ap ? 6 : 0);
      const entries = [0, 1].map((peer) => ({ peer, originated: 1600000000 + seq, attrs, ...(ap ? { pathId: seq } : {}) }));
      parts.push(B.mrt(1700000000, 13, sub, B.ribAfi(seq++, r.v6 ? B.prefix6(r.prefix) : B.prefix4(r.prefix), entries)));
    }
    for (const r of routes(40, 9)) {
      if (r.v6) continue;
      const upd = B.update(B.cat(B.ORIGIN_IGP, B.asPath(r.asPath), B.nextHop(r.nh)), B.prefix4(r.prefix), B.prefix4('10.9.0.0/16'));
      parts.push(B.mrt(1700000001, 16, 4, B.bgp4mpMessage(true, 65001, 65000, '192.0.2.1', '192.0.2.9', upd)));
    }
    // TABLE_DUMP v1: IPv4 only (mrtparse 2.2.0 reads no field of an AFI_IPv6 TABLE_DUMP record).
    for (const r of routes(30, 11)) {
      if (r.v6) continue;
      const asPath = r.asPath.map((a) => 1 + (a % 65534));
      const attrs = r.v6 ? B.cat(B.ORIGIN_IGP, B.asPath(asPath, false), B.mpReachShort(B.ip6(r.nh))) : B.cat(B.ORIGIN_IGP, B.asPath(asPath, false), B.nextHop(r.nh));
      parts.push(B.mrt(1000000000, 12, r.v6 ? 2 : 1, B.tableDump(0, seq++, r.prefix, r.v6 ? '2001:db8::77' : '192.0.2.77', 64500, 999999999, attrs)));
    }
    const bytes = B.buf(B.cat(...parts));
    const file = join(dir, 'rib.mrt');
    writeFileSync(file, bytes);
    const py = spawnSync('python3', ['-c', MRTPARSE_SCRIPT, file], { encoding: 'utf8', timeout: 60_000, maxBuffer: 64 << 20 });
    expect(py.stderr).toBe('');
    const theirs = (JSON.parse(py.stdout) as { prefix: string; nh: string | null; as: number[]; peer: string; path_id: number | null }[]).map((x) =>
      JSON.stringify([x.prefix, x.nh ?? '', x.as, x.peer, x.path_id ?? null]),
    );
    const d = decodeBytes('mrt', bytes, 4096);
    expect(d.errors).toEqual([]);
    const ours = d.routes.map((r) => {
      const n = r.nlri as string | { prefix: string; 'path-id': number };
      const prefix = typeof n === 'string' ? n : n.prefix;
      const attr = r.attr as { 'as-path'?: number[] } | undefined;
      const src = r.source as { peer: { address: string } };
      return JSON.stringify([prefix, (r['next-hop'] as string | undefined) ?? '', attr?.['as-path'] ?? [], src.peer.address, typeof n === 'string' ? null : n['path-id']]);
    });
    expect(ours.length).toBeGreaterThan(300);
    expect(ours).toEqual(theirs);
  });
});
