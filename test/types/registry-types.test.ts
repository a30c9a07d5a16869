import { describe, expect, it } from 'vitest';
import { builtinCodecs } from '../../src/families.js';
import type { FamilyModels } from '../../src/index.js';
import { typeCheck } from './consumer-check.js';

// Exactly the built-in names: a missing key or an extra one does not compile.
const NAMES: { [K in keyof FamilyModels]: true } = {
  'ipv4/mup': true, 'ipv6/mup': true, 'ipv4/rtc': true, 'ipv4/mpls-label': true, 'ipv6/mpls-label': true,
  'ipv4/mvpn': true, 'ipv6/mvpn': true, 'ipv4/flow': true, 'ipv6/flow': true, 'ipv4/flow-vpn': true,
  'ipv6/flow-vpn': true, 'ipv4/mpls-vpn': true, 'ipv6/mpls-vpn': true, 'bgp-ls/bgp-ls': true,
  'bgp-ls/bgp-ls-vpn': true, 'bgp-ls/bgp-ls-spf': true, 'l2vpn/evpn': true, 'l2vpn/vpls': true,
  'ipv4/unicast': true, 'ipv6/unicast': true, 'ipv4/multicast': true, 'ipv6/multicast': true,
  'ipv4/sr-policy': true, 'ipv6/sr-policy': true, 'ipv4/classful-transport': true,
  'ipv6/classful-transport': true, 'ipv4/mdt': true, 'ipv4/mpls-vpn-multicast': true,
  'ipv6/mpls-vpn-multicast': true, 'ipv4/car': true, 'ipv6/car': true, 'ipv4/vpn-car': true, 'ipv6/vpn-car': true,
};

describe('registry lookups typed by family name (issue 17 §3)', () => {
  it('FamilyModels has a key for every built-in family and no other', () => {
    expect(Object.keys(NAMES).sort()).toEqual(builtinCodecs.map((c) => c.name).sort());
  });

  it('the built .d.ts: require/get of a built-in name give the typed codec, other names FamilyCodec<any>', () => {
    const ok = `import { decodeAll, defaultRegistry, type FamilyCodec, type FamilyModels, type FamilyRoutes } from 'ze-nlri';
import type { FlowSpecNlri } from 'ze-nlri/flowspec';
import type { VpnNlri, VpnRoute, VpnUnparsed } from 'ze-nlri/vpn';
import type { BitmaskOpText } from 'ze-nlri/flowspec';
type Equal<A, B> = (<T>() => T extends A ? 1 : 2) extends (<T>() => T extends B ? 1 : 2) ? true : false;
const assert = <T extends true>(t: T): T => t;
const flow = defaultRegistry.require('ipv4/flow');
assert<Equal<typeof flow, FamilyCodec<FlowSpecNlri>>>(true);
const [f] = decodeAll(flow, new Uint8Array([5, 1, 24, 10, 0, 0]));
const kinds: number[] = f ? f.components.map((c) => c.type) : [];
const vpn = defaultRegistry.get('ipv4/mpls-vpn');
assert<Equal<typeof vpn, FamilyCodec<VpnRoute, VpnNlri> | undefined>>(true);
assert<Equal<FamilyModels['ipv6/mpls-vpn'], VpnRoute>>(true);
assert<Equal<FamilyRoutes['ipv6/mpls-vpn'], VpnNlri>>(true);
// Parsed routes and the lossless record are apart: without lossless, no record can come back.
const l3 = defaultRegistry.require('ipv4/mpls-vpn');
const parsed = decodeAll(l3, new Uint8Array(0));
assert<Equal<typeof parsed, VpnNlri[]>>(true);
const parsedToo = decodeAll(l3, new Uint8Array(0), { addPath: true, lossless: false });
assert<Equal<typeof parsedToo, VpnNlri[]>>(true);
const both = decodeAll(l3, new Uint8Array(0), { lossless: true });
assert<Equal<typeof both, VpnRoute[]>>(true);
const built = l3.fromArgs(['rd', '0:1:1', 'prefix', '10.0.0.0/8', 'label', '16']);
assert<Equal<typeof built, VpnNlri>>(true);
for (const m of both) {
  if (m.parsed === false) { const u: VpnUnparsed = m; console.log(u.raw); } else { const n: VpnNlri = m; console.log(n.rd); }
}
const [flowRoute] = decodeAll(flow, new Uint8Array(0));
for (const c of flowRoute?.components ?? []) {
  if (c.type === 9 || c.type === 12) { const op: BitmaskOpText | undefined = c.terms[0]?.op; console.log(op); }
}
const other = defaultRegistry.require('x/my-family');
assert<Equal<typeof other, FamilyCodec<any>>>(true);
const dyn: string = 'ipv4/flow';
const any2 = defaultRegistry.require(dyn);
assert<Equal<typeof any2, FamilyCodec<any>>>(true);
console.log(kinds, other, any2);
`;
    // Misuse is caught: a FlowSpec model has no 'labels'.
    const bad = `import { decodeAll, defaultRegistry } from 'ze-nlri';
const [f] = decodeAll(defaultRegistry.require('ipv4/flow'), new Uint8Array(0));
console.log(f?.labels);
`;
    // A parsed route has no lossless record's raw bytes.
    const bad2 = `import { decodeAll, defaultRegistry } from 'ze-nlri';
const [m] = decodeAll(defaultRegistry.require('ipv4/mpls-vpn'), new Uint8Array(0));
console.log(m?.raw);
`;
    expect(typeCheck({ 'ok.ts': ok })).toBe('');
    expect(typeCheck({ 'bad2.ts': bad2 })).toMatch(/bad2\.ts\(3,\d+\): error TS2339: Property 'raw' does not exist/);
    expect(typeCheck({ 'bad.ts': bad })).toMatch(/bad\.ts\(3,\d+\): error TS2339: Property 'labels' does not exist/);
  }, 120_000);
});
