/**
 * Family names as users type them on the command line, resolved to Ze's canonical names
 * (ze-plugin-protocol.md §4.2, lower-case `afi/safi`) without loading any codec:
 *
 *   ipv4/flow            Ze's name (canonical; any case, spaces or `_` for the `/`)
 *   1/133                AFI/SAFI numbers (RFC 4760 §3)
 *   ipv4-flowspec        GoBGP's names (`l2vpn-evpn`, `l3vpn-ipv4-unicast`, `ls`, `rtc`, …)
 *   ipv4 flow            ExaBGP's `<afi> <safi>` (`ipv4 nlri-mpls`, `ipv4 mcast-vpn`, …)
 *
 * BUILTIN lists the families shipped in families/ with their group, so that the CLI imports only
 * the group a command names (test/cli/family-names.test.ts checks it against the registry).
 */

export interface FamilyEntry {
  readonly name: string;
  readonly afi: number;
  readonly safi: number;
  readonly group: string;
}

const e = (name: string, afi: number, safi: number, group: string): FamilyEntry => ({ name, afi, safi, group });

export const BUILTIN: readonly FamilyEntry[] = [
  e('bgp-ls/bgp-ls', 16388, 71, 'bgp-ls'),
  e('bgp-ls/bgp-ls-spf', 16388, 80, 'bgp-ls'),
  e('bgp-ls/bgp-ls-vpn', 16388, 72, 'bgp-ls'),
  e('ipv4/car', 1, 83, 'car'),
  e('ipv4/classful-transport', 1, 76, 'ct'),
  e('ipv4/flow', 1, 133, 'flowspec'),
  e('ipv4/flow-vpn', 1, 134, 'flowspec'),
  e('ipv4/mdt', 1, 66, 'mdt'),
  e('ipv4/mpls-label', 1, 4, 'labeled'),
  e('ipv4/mpls-vpn', 1, 128, 'vpn'),
  e('ipv4/mpls-vpn-multicast', 1, 129, 'vpn-multicast'),
  e('ipv4/multicast', 1, 2, 'unicast'),
  e('ipv4/mup', 1, 85, 'mup'),
  e('ipv4/mvpn', 1, 5, 'mvpn'),
  e('ipv4/rtc', 1, 132, 'rtc'),
  e('ipv4/sr-policy', 1, 73, 'sr-policy'),
  e('ipv4/unicast', 1, 1, 'unicast'),
  e('ipv4/vpn-car', 1, 84, 'car'),
  e('ipv6/car', 2, 83, 'car'),
  e('ipv6/classful-transport', 2, 76, 'ct'),
  e('ipv6/flow', 2, 133, 'flowspec'),
  e('ipv6/flow-vpn', 2, 134, 'flowspec'),
  e('ipv6/mpls-label', 2, 4, 'labeled'),
  e('ipv6/mpls-vpn', 2, 128, 'vpn'),
  e('ipv6/mpls-vpn-multicast', 2, 129, 'vpn-multicast'),
  e('ipv6/multicast', 2, 2, 'unicast'),
  e('ipv6/mup', 2, 85, 'mup'),
  e('ipv6/mvpn', 2, 5, 'mvpn'),
  e('ipv6/sr-policy', 2, 73, 'sr-policy'),
  e('ipv6/unicast', 2, 1, 'unicast'),
  e('ipv6/vpn-car', 2, 84, 'car'),
  e('l2vpn/evpn', 25, 70, 'evpn'),
  e('l2vpn/vpls', 25, 65, 'vpls'),
];

export const GROUPS: readonly string[] = [...new Set(BUILTIN.map((f) => f.group))].sort();

/** AFI spellings (Ze, ExaBGP, GoBGP, IANA) → AFI number. */
const AFI: Record<string, number> = {
  ipv4: 1, inet: 1, ip4: 1, ip: 1,
  ipv6: 2, inet6: 2, ip6: 2,
  l2vpn: 25,
  'bgp-ls': 16388, bgpls: 16388, ls: 16388, 'link-state': 16388, linkstate: 16388,
};

/** SAFI spellings (Ze, ExaBGP, GoBGP, IANA) → SAFI number. */
const SAFI: Record<string, number> = {
  unicast: 1, uni: 1,
  multicast: 2, mcast: 2,
  'mpls-label': 4, 'nlri-mpls': 4, 'labelled-unicast': 4, 'labeled-unicast': 4, labelled: 4, labeled: 4, label: 4, mpls: 4,
  mvpn: 5, 'mcast-vpn': 5,
  vpls: 65,
  evpn: 70,
  'bgp-ls': 71, ls: 71, 'link-state': 71, linkstate: 71,
  'bgp-ls-vpn': 72, 'ls-vpn': 72, 'link-state-vpn': 72,
  'bgp-ls-spf': 80, 'ls-spf': 80, spf: 80,
  mdt: 66,
  'classful-transport': 76, ct: 76,
  car: 83,
  'vpn-car': 84,
  mup: 85,
  'mpls-vpn-multicast': 129, 'vpn-multicast': 129, 'l3vpn-multicast': 129,
  'sr-policy': 73, srpolicy: 73, 'sr-te': 73,
  'mpls-vpn': 128, vpn: 128, l3vpn: 128, 'vpn-unicast': 128,
  rtc: 132, 'route-target': 132, 'rt-constraint': 132, rtconstraint: 132,
  flow: 133, flowspec: 133, 'flow-spec': 133,
  'flow-vpn': 134, 'flowspec-vpn': 134, 'flow-spec-vpn': 134, 'vpn-flowspec': 134, 'vpn-flow': 134,
};

/** Whole names that do not split into `<afi><sep><safi>` (GoBGP's). */
const WHOLE: Record<string, string> = {
  rtc: 'ipv4/rtc',
  ls: 'bgp-ls/bgp-ls',
  'bgp-ls': 'bgp-ls/bgp-ls',
  evpn: 'l2vpn/evpn',
  vpls: 'l2vpn/vpls',
  'l3vpn-ipv4-unicast': 'ipv4/mpls-vpn',
  'l3vpn-ipv6-unicast': 'ipv6/mpls-vpn',
  'l3vpn-ipv4-flowspec': 'ipv4/flow-vpn',
  'l3vpn-ipv6-flowspec': 'ipv6/flow-vpn',
  'vpnv4': 'ipv4/mpls-vpn',
  'vpnv6': 'ipv6/mpls-vpn',
  'ipv4-labelled-unicast': 'ipv4/mpls-label',
  'l3vpn-ipv4-multicast': 'ipv4/mpls-vpn-multicast',
  'l3vpn-ipv6-multicast': 'ipv6/mpls-vpn-multicast',
  'ipv6-labelled-unicast': 'ipv6/mpls-label',
};

/** A name's family: `{afi, safi}` from any accepted spelling, or undefined. */
export function parseFamilyName(input: string): { afi: number; safi: number } | { name: string } | undefined {
  const s = input.trim().toLowerCase().replace(/[\s_]+/g, '/').replace(/\/+/g, '/');
  const nums = /^(\d{1,5})\/(\d{1,3})$/.exec(s);
  if (nums) return { afi: Number(nums[1]), safi: Number(nums[2]) };
  if (WHOLE[s]) return { name: WHOLE[s] };
  const slash = s.indexOf('/');
  if (slash > 0) {
    const afi = AFI[s.slice(0, slash)];
    const safi = SAFI[s.slice(slash + 1)];
    if (afi !== undefined && safi !== undefined) return { afi, safi };
    return { name: s };
  }
  // GoBGP: <afi>-<safi> (ipv4-flowspec, l2vpn-evpn, ipv6-mup).
  for (const [a, afi] of Object.entries(AFI)) {
    if (s.startsWith(a + '-')) {
      const safi = SAFI[s.slice(a.length + 1)];
      if (safi !== undefined) return { afi, safi };
    }
  }
  return undefined;
}

export interface KnownFamily {
  readonly name: string;
  readonly afi: number;
  readonly safi: number;
}

/** The canonical name of `input` among `known`, or undefined. */
export function resolveFamily(input: string, known: readonly KnownFamily[]): string | undefined {
  if (known.some((f) => f.name === input)) return input;
  const p = parseFamilyName(input);
  if (!p) return undefined;
  if ('name' in p) return known.find((f) => f.name === p.name)?.name;
  return known.find((f) => f.afi === p.afi && f.safi === p.safi)?.name;
}

function distance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let prev = row[0]!;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const cur = row[j]!;
      row[j] = Math.min(row[j]! + 1, row[j - 1]! + 1, prev + (a[i - 1] === b[j - 1] ? 0 : 1));
      prev = cur;
    }
  }
  return row[b.length]!;
}

/** The known name closest to `input` when it is close enough to be a typo. */
export function suggestFamily(input: string, known: readonly KnownFamily[]): string | undefined {
  const s = input.trim().toLowerCase().replace(/[\s_]+/g, '/');
  let best: string | undefined;
  let bestD = Infinity;
  for (const f of known) {
    const d = distance(s, f.name);
    if (d < bestD) {
      bestD = d;
      best = f.name;
    }
  }
  return best !== undefined && bestD <= Math.max(2, Math.floor(s.length / 4)) ? best : undefined;
}

/** The message for a family name that resolves to nothing: a suggestion, then every name. */
export function unknownFamilyMessage(input: string, known: readonly KnownFamily[]): string {
  const hint = suggestFamily(input, known);
  return `unsupported family: ${input}${hint ? ` (did you mean ${hint}?)` : ''}; families: ${known.map((f) => f.name).join(', ')}`;
}
