/**
 * Interop: GoBGP 3.10 as an independent encoder. Routes are added to a private gobgpd's global
 * RIB with `gobgp global rib -a <family> add <args> med <k>` (one of every route type the 3.10
 * CLI can add), our speaker opens an iBGP session to it, and the NLRI of each UPDATE gobgpd sends
 * (paired with its route by the MED) is decoded by ze-nlri and compared with what the arguments
 * say, written here in Ze's JSON (docs/families/*.md). RTC, VPLS, BGP-LS and MVPN cannot be added
 * with the 3.10 CLI.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultRegistry } from '../../src/index.js';
import { MSG } from './lib/bgp.js';
import { afiSafi, GOBGP_AS, GOBGP_FAMILY, GoBgpd } from './lib/gobgp.js';
import { decodeOurs } from './lib/inputs.js';
import { bugById } from './lib/known.js';
import './lib/known-gobgp.js';
import { Report } from './lib/report.js';
import { Speaker } from './lib/speaker.js';
import { GOBGP, GOBGPD } from './lib/tools.js';

interface Case {
  family: string;
  args: string;
  /** Ze's JSON keys the arguments determine (RFC reading of each argument). */
  expect: Record<string, unknown>;
  /** A known GoBGP encoder bug these arguments hit. */
  bug?: string;
}

const CASES: Case[] = [
  { family: 'ipv4/flow', args: 'match destination 10.0.0.0/24 protocol tcp destination-port ==80 then accept', expect: { destination: [['10.0.0.0/24/0']], protocol: [['=tcp']], 'destination-port': [['=80']] } },
  {
    family: 'ipv4/flow',
    args: "match destination 10.0.0.0/24 source 192.0.2.1/32 protocol ==tcp ==udp port >=1024&<=65535 source-port ==1234 icmp-type ==8 icmp-code ==0 tcp-flags =S packet-length ==1500 dscp ==46 fragment =is-fragment then accept",
    expect: {
      destination: [['10.0.0.0/24/0']], source: [['192.0.2.1/32/0']], protocol: [['=tcp'], ['=udp']], port: [['>=1024', '<=65535']],
      'source-port': [['=1234']], 'icmp-type': [['=8']], 'icmp-code': [['=0']], 'tcp-flags': [['=syn']], 'packet-length': [['=1500']],
      dscp: [['=46']], fragment: [['=is-fragment']],
    },
  },
  {
    family: 'ipv6/flow',
    args: 'match destination 2001:db8::/64 source 2001:db8:1::/48 protocol ==58 destination-port ==443 label ==74565 then accept',
    expect: { 'destination-ipv6': [['2001:db8::/64/0']], 'source-ipv6': [['2001:db8:1::/48/0']], 'next-header': [['=icmpv6']], 'destination-port': [['=443']], 'flow-label': [['=74565']] },
  },
  { family: 'ipv4/flow-vpn', args: 'rd 65000:1 match destination 10.0.0.0/24 protocol udp then accept', expect: { rd: '0:65000:1', destination: [['10.0.0.0/24/0']], protocol: [['=udp']] } },
  { family: 'ipv6/flow-vpn', args: 'rd 192.0.2.1:7 match destination 2001:db8::/32 protocol tcp then accept', expect: { rd: '1:192.0.2.1:7', 'destination-ipv6': [['2001:db8::/32/0']], 'next-header': [['=tcp']] } },
  {
    family: 'l2vpn/evpn',
    args: 'a-d esi ARBITRARY 11:22:33:44:55:66:77:88:99 etag 4294967295 label 0 rd 192.0.2.1:1 nexthop 192.0.2.1',
    expect: { code: 1, rd: '1:192.0.2.1:1', esi: '00:11:22:33:44:55:66:77:88:99', 'ethernet-tag': 4294967295, label: [[0]] },
  },
  {
    family: 'l2vpn/evpn',
    args: 'macadv 00:11:22:33:44:aa 10.0.0.1 etag 0 label 100 rd 65000:1 nexthop 192.0.2.1',
    expect: { code: 2, rd: '0:65000:1', 'ethernet-tag': 0, mac: '00:11:22:33:44:aa', ip: '10.0.0.1', label: [[100]] },
    bug: 'gobgp-encode-evpn-label-raw',
  },
  {
    family: 'l2vpn/evpn',
    args: 'macadv 00:11:22:33:44:aa 2001:db8::10 etag 10 label 100,5000 rd 65000:1 nexthop 192.0.2.1',
    expect: { code: 2, rd: '0:65000:1', 'ethernet-tag': 10, mac: '00:11:22:33:44:aa', ip: '2001:db8::10', label: [[100], [5000]] },
    bug: 'gobgp-encode-evpn-label-raw',
  },
  { family: 'l2vpn/evpn', args: 'multicast 192.0.2.1 etag 0 rd 65000:1 nexthop 192.0.2.1', expect: { code: 3, rd: '0:65000:1', 'ethernet-tag': 0, originator: '192.0.2.1' } },
  {
    family: 'l2vpn/evpn',
    args: 'esi 192.0.2.1 esi ARBITRARY 11:22:33:44:55:66:77:88:99 rd 192.0.2.1:1 nexthop 192.0.2.1',
    expect: { code: 4, rd: '1:192.0.2.1:1', esi: '00:11:22:33:44:55:66:77:88:99', originator: '192.0.2.1' },
  },
  {
    family: 'l2vpn/evpn',
    args: 'prefix 10.1.1.0/24 gw 0.0.0.0 etag 0 label 200 rd 65000:1 nexthop 192.0.2.1',
    expect: { code: 5, rd: '0:65000:1', 'ethernet-tag': 0, prefix: '10.1.1.0/24', label: [[200]] },
    bug: 'gobgp-encode-evpn-label-raw',
  },
  { family: 'ipv4/mpls-vpn', args: '10.1.0.0/16 label 100 rd 65000:1 rt 65000:1 nexthop 192.0.2.1', expect: { prefix: '10.1.0.0/16', labels: [[100]], rd: '0:65000:1' } },
  { family: 'ipv6/mpls-vpn', args: '2001:db8:1::/48 label 200 rd 192.0.2.1:5 nexthop 2001:db8::1', expect: { prefix: '2001:db8:1::/48', labels: [[200]], rd: '1:192.0.2.1:5' } },
  { family: 'ipv4/mpls-label', args: '10.2.0.0/16 16 nexthop 192.0.2.1', expect: { prefix: '10.2.0.0/16', labels: [16] } },
  { family: 'ipv6/mpls-label', args: '2001:db8::/32 17 nexthop 2001:db8::1', expect: { prefix: '2001:db8::/32', labels: [17] } },
  {
    family: 'ipv4/mup',
    args: 'isd 10.0.0.0/24 rd 65000:1 prefix 2001:db8:1::/48 locator-node-length 24 function-length 16 behavior ENDM_GTP4E rt 65000:100 nexthop 2001:db8::1',
    expect: { 'arch-type': 1, 'route-type': 1, rd: '0:65000:1', prefix: '10.0.0.0/24' },
  },
  {
    family: 'ipv4/mup',
    args: 'dsd 192.0.2.1 rd 65000:1 prefix 2001:db8:2::/48 locator-node-length 24 function-length 16 behavior END_DT4 rt 65000:100 mup 10:10 nexthop 2001:db8::1',
    expect: { 'arch-type': 1, 'route-type': 2, rd: '0:65000:1', address: '192.0.2.1' },
  },
  {
    family: 'ipv4/mup',
    args: 't1st 10.0.0.1/32 rd 65000:1 teid 12345 qfi 9 endpoint 192.0.2.1 rt 65000:100 nexthop 192.0.2.1',
    expect: { 'arch-type': 1, 'route-type': 3, rd: '0:65000:1', prefix: '10.0.0.1/32', teid: 12345, qfi: 9, endpoint: '192.0.2.1' },
  },
  {
    family: 'ipv4/mup',
    args: 't2st 192.0.2.1 rd 65000:1 rt 65000:100 teid 12345 mup 10:10 nexthop 192.0.2.1',
    expect: { 'arch-type': 1, 'route-type': 4, rd: '0:65000:1', endpoint: '192.0.2.1', teid: 12345, 'teid-length': 32 },
  },
  {
    family: 'ipv6/mup',
    args: 'isd 2001:db8::/64 rd 65000:1 prefix 2001:db8:1::/48 locator-node-length 24 function-length 16 behavior ENDM_GTP6E rt 65000:100 nexthop 2001:db8::1',
    expect: { 'arch-type': 1, 'route-type': 1, rd: '0:65000:1', prefix: '2001:db8::/64' },
  },
  {
    family: 'ipv6/mup',
    args: 't2st 2001:db8::1 rd 65000:1 rt 65000:100 teid 12345 mup 10:10 nexthop 2001:db8::1',
    expect: { 'arch-type': 1, 'route-type': 4, rd: '0:65000:1', endpoint: '2001:db8::1', teid: 12345, 'teid-length': 32 },
  },
];

const cases = CASES.filter((c) => defaultRegistry.get(c.family));
const families = [...new Set(cases.map((c) => c.family))];

/** MED and MP_REACH NLRI of an UPDATE (RFC 4271 §4.3, RFC 4760 §3). */
function medAndNlri(m: Uint8Array): { med?: number; afi?: number; safi?: number; nlri?: Uint8Array } {
  const b = m.subarray(19);
  const wl = (b[0]! << 8) | b[1]!;
  const al = (b[2 + wl]! << 8) | b[3 + wl]!;
  const attrs = b.subarray(4 + wl, 4 + wl + al);
  const out: { med?: number; afi?: number; safi?: number; nlri?: Uint8Array } = {};
  for (let i = 0; i < attrs.length; ) {
    const ext = (attrs[i]! & 0x10) !== 0;
    const code = attrs[i + 1]!;
    const len = ext ? (attrs[i + 2]! << 8) | attrs[i + 3]! : attrs[i + 2]!;
    const v = attrs.subarray(i + (ext ? 4 : 3), i + (ext ? 4 : 3) + len);
    i += (ext ? 4 : 3) + len;
    if (code === 4) out.med = ((v[0]! << 24) | (v[1]! << 16) | (v[2]! << 8) | v[3]!) >>> 0;
    if (code === 14) {
      out.afi = (v[0]! << 8) | v[1]!;
      out.safi = v[2]!;
      out.nlri = v.subarray(5 + v[3]!);
    }
  }
  return out;
}

// Skipped where gobgpd / gobgp are not installed (.ci/install-oracles installs them; CI runs this).
describe.skipIf(!GOBGPD || !GOBGP)('GoBGP 3.10 encodes, ze-nlri decodes (gobgp global rib add)', () => {
  const report = new Report('gobgp-encode');
  const d = new GoBgpd(families);
  const added = new Map<number, string>();
  const nlriByTag = new Map<number, Uint8Array>();
  let sessionError = '';

  beforeAll(async () => {
    await d.start();
    for (const [k, c] of cases.entries()) {
      const r = await d.cli(['global', 'rib', '-a', GOBGP_FAMILY[c.family]![1]!, 'add', ...c.args.split(' '), 'med', String(k + 1)]);
      added.set(k, r.code === 0 && !/error/i.test(r.stdout + r.stderr) ? '' : `gobgp refused the route: ${(r.stdout + r.stderr).trim()}`);
    }
    const sp = new Speaker('127.1.200.1', GOBGP_AS, families.map(afiSafi));
    try {
      await sp.establish(d.bgpPort, 5_000);
      const want = cases.filter((_, k) => !added.get(k)).length;
      const deadline = Date.now() + 5_000;
      while (nlriByTag.size < want) {
        const m = await sp.next(deadline);
        if (!m) break;
        if (m[18] !== MSG.UPDATE) continue;
        const u = medAndNlri(m);
        if (u.med !== undefined && u.nlri?.length) nlriByTag.set(u.med, u.nlri);
      }
    } catch (e) {
      sessionError = (e as Error).message;
    } finally {
      await sp.close();
    }
  }, 30_000);
  afterAll(async () => {
    await d.stop();
    report.flush();
  });

  it('established a session and got UPDATEs', () => {
    expect(sessionError).toBe('');
    expect(nlriByTag.size).toBeGreaterThan(0);
  });

  for (const family of families) {
    it(family, () => {
      const row = report.row(family, 'fields');
      const problems: string[] = [];
      cases.forEach((c, k) => {
        if (c.family !== family) return;
        row.inputs++;
        const diff: string[] = [];
        const nlri = nlriByTag.get(k + 1);
        let hex = '';
        if (added.get(k)) diff.push(added.get(k)!);
        else if (!nlri) diff.push('gobgpd sent no UPDATE for it within 5 s');
        else {
          hex = Buffer.from(nlri).toString('hex').toUpperCase();
          let ours: Record<string, unknown>[] = [];
          try {
            ours = decodeOurs(defaultRegistry.require(family), nlri, false);
          } catch (e) {
            diff.push(`ze-nlri cannot decode GoBGP's NLRI: ${(e as Error).message}`);
          }
          if (ours.length !== 1 && !diff.length) diff.push(`ze-nlri decoded ${ours.length} NLRIs`);
          for (const [key, v] of Object.entries(c.expect)) {
            if (ours.length === 1 && JSON.stringify(ours[0]![key]) !== JSON.stringify(v)) diff.push(`${key}: args say ${JSON.stringify(v)}, ze-nlri decodes ${JSON.stringify(ours[0]![key])}`);
          }
        }
        const bug = c.bug ? bugById(c.bug) : undefined;
        if (bug) {
          row.knownBugs++;
          if (!diff.length) problems.push(`${c.args} (${hex}): known GoBGP encoder bug no longer shows: ${bug.reason}`);
        } else if (diff.length) {
          row.mismatches++;
          problems.push(`gobgp global rib -a ${GOBGP_FAMILY[family]![1]} add ${c.args} → ${hex}: ${diff.join('; ')}`);
        } else row.agree++;
      });
      expect(problems).toEqual([]);
    });
  }
});
