/**
 * An independent second reading of MDT (RFC 6037) and VPN multicast (SAFI 129, RFC 6513 §5.1.1)
 * NLRIs: Wireshark's BGP dissector (tshark, skipped when it is not installed). Each sample and
 * a set of generated models goes into an UPDATE (MP_REACH_NLRI, or MP_UNREACH_NLRI for the
 * withdrawal sample), one tshark PDML run dissects them all, and the fields are compared with
 * ze-nlri's model: RD octets, PE address and group (MDT); prefix length, labels, RD and prefix
 * (SAFI 129, IPv4).
 *
 * Known tshark 4.0.17 limits (not compared, see docs/families/mdt.md): it flags SAFI 66 as
 * "Unknown SAFI (66)" and any next hop of SAFI 66 as of unknown length while still dissecting
 * the NLRI; for AFI 2 / SAFI 129 it shows the whole NLRI as one label-stack field, so only AFI 1
 * is compared.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeAll } from '../../../src/registry/ops.js';
import { toHex } from '../../../src/core/hex.js';
import { ipv4ToString } from '../../../src/core/ip.js';
import { ipv4Mdt, samples as mdtSamples, type MdtNlri } from '../../../families/mdt/index.js';
import { ipv4MplsVpnMulticast, samples as vmSamples, type VpnNlri } from '../../../families/vpn-multicast/index.js';
import { encode } from '../../../src/registry/ops.js';
import { mdtArb } from '../../../fuzz/arbitraries/mdt.js';
import { vpnArb } from '../../../fuzz/arbitraries/vpn.js';
import { TSHARK } from '../../interop/lib/tools.js';
import { tsharkDecode, type TsField } from '../../interop/lib/tshark.js';
import { updateReach, updateUnreach } from '../../interop/lib/bgp.js';
import { bytes } from '../../support/helpers.js';

const KNOWN = [/^expert: Unknown SAFI \(66\) for AFI 1$/, /^expert: Unknown Next Hop length \(\d+ bytes\)$/];
const VPN_NH = Uint8Array.of(0, 0, 0, 0, 0, 0, 0, 0, 192, 0, 2, 254);

interface Job {
  name: string;
  nlri: Uint8Array;
  safi: number;
  withdraw: boolean;
}

function fieldsOf(fs: readonly TsField[], name: string): string[] {
  return fs.filter((f) => f.name === name).map((f) => f.show);
}

describe.skipIf(!TSHARK)('tshark reads MDT and SAFI 129 NLRIs as ze-nlri does', () => {
  it('samples and generated models', () => {
    const jobs: Job[] = [];
    for (const s of mdtSamples) jobs.push({ name: s.hex, nlri: bytes(s.hex), safi: 66, withdraw: false });
    for (const s of vmSamples.filter((x) => x.family.startsWith('ipv4/'))) jobs.push({ name: s.hex, nlri: bytes(s.hex), safi: 129, withdraw: s.args?.includes('withdraw') ?? false });
    for (const m of fc.sample(mdtArb, { numRuns: 40, seed: 6037 })) jobs.push({ name: 'mdt model', nlri: encode(ipv4Mdt, m), safi: 66, withdraw: false });
    const vm = vpnArb(false).filter((m) => !m.withdraw && m.labels.length === 1 && m.tc === undefined && m.rd[0] === 0 && m.rd[1]! <= 1);
    for (const m of fc.sample(vm, { numRuns: 40, seed: 6513 })) jobs.push({ name: 'vpn model', nlri: encode(ipv4MplsVpnMulticast, m), safi: 129, withdraw: false });

    const res = tsharkDecode(
      jobs.map((j) => ({
        update: j.withdraw ? updateUnreach(1, j.safi, j.nlri) : updateReach(1, j.safi, j.nlri, j.safi === 129 ? VPN_NH : Uint8Array.of(192, 0, 2, 254)),
        withdraw: j.withdraw,
        nlriLen: j.nlri.length,
      })),
    );
    res.forEach((r, i) => {
      const j = jobs[i]!;
      const ctx = `${j.name} ${toHex(j.nlri)}`;
      expect(r.problems.filter((p) => !KNOWN.some((k) => k.test(p))), ctx).toEqual([]);
      const fs = r.nlri.flatMap((n) => n.fields);
      if (j.safi === 66) {
        const m = decodeAll(ipv4Mdt, j.nlri, { strict: false })[0] as MdtNlri;
        expect(fieldsOf(fs, 'bgp.mdt_safi_rd'), ctx).toEqual([[...m.rd].map((b) => b.toString(16).padStart(2, '0')).join(':')]);
        expect(fieldsOf(fs, 'bgp.mdt_safi_ipv4_addr'), ctx).toEqual([ipv4ToString(m.source)]);
        expect(fieldsOf(fs, 'bgp.mdt_safi_group_addr'), ctx).toEqual([ipv4ToString(m.group)]);
      } else {
        const m = decodeAll(ipv4MplsVpnMulticast, j.nlri, { withdraw: j.withdraw })[0] as VpnNlri;
        const len = 24 * m.labels.length + 64 + m.prefix.len;
        expect(fieldsOf(fs, 'bgp.prefix_length'), ctx).toEqual([String(len)]);
        const stack = fieldsOf(fs, 'bgp.label_stack');
        expect(stack, ctx).toEqual([j.withdraw ? '0 (withdrawn)' : `${m.labels.join(' ')} (bottom)`]);
        const rd = m.rd;
        const admin = rd[1] === 0 ? String((rd[2]! << 8) | rd[3]!) : ipv4ToString(rd, 2);
        const assigned = rd[1] === 0 ? String(((rd[4]! << 24) >>> 0) + ((rd[5]! << 16) | (rd[6]! << 8) | rd[7]!)) : String((rd[6]! << 8) | rd[7]!);
        expect(fieldsOf(fs, 'bgp.rd'), ctx).toEqual([`${admin}:${assigned}`]);
        const pfx = fieldsOf(fs, j.withdraw ? 'bgp.mp_unreach_nlri_ipv4_prefix' : 'bgp.mp_reach_nlri_ipv4_prefix');
        const masked = new Uint8Array(4);
        masked.set(m.prefix.addr.subarray(0, (m.prefix.len + 7) >>> 3));
        if (m.prefix.len & 7) masked[m.prefix.len >>> 3]! &= 0xff << (8 - (m.prefix.len & 7));
        expect(pfx, ctx).toEqual([ipv4ToString(masked)]);
      }
    });
  });
});
