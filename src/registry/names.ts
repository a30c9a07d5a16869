/**
 * Ze's AFI and SAFI name tables (ze-plugin-protocol.md §4.2). Ze keeps one name per AFI number
 * and one per SAFI number for the whole engine; a plugin that declares `inet` for AFI 1 or
 * `flowspec` for SAFI 133 is refused. The registry checks every family against these tables, so
 * a name that Ze would refuse is refused at registration, with Ze's wording.
 */
export const ZE_AFI_NAMES: ReadonlyMap<number, string> = new Map([
  [1, 'ipv4'],
  [2, 'ipv6'],
  [25, 'l2vpn'],
  [16388, 'bgp-ls'],
]);

export const ZE_SAFI_NAMES: ReadonlyMap<number, string> = new Map([
  [1, 'unicast'],
  [2, 'multicast'],
  [4, 'mpls-label'],
  [5, 'mvpn'],
  [65, 'vpls'],
  [70, 'evpn'],
  [71, 'bgp-ls'],
  [72, 'bgp-ls-vpn'],
  [85, 'mup'],
  [128, 'mpls-vpn'],
  [132, 'rtc'],
  [133, 'flow'],
  [134, 'flow-vpn'],
]);

function inverse(m: ReadonlyMap<number, string>): Map<string, number> {
  return new Map([...m].map(([k, v]) => [v, k]));
}

const AFI_BY_NAME = inverse(ZE_AFI_NAMES);
const SAFI_BY_NAME = inverse(ZE_SAFI_NAMES);

/**
 * Check `name` against `afi`/`safi` and the tables (plus `extraAfi`/`extraSafi`, the names other
 * registered families gave to numbers Ze does not know). Returns an error text or undefined.
 */
export function checkFamilyName(
  name: string,
  afi: number,
  safi: number,
  extraAfi: ReadonlyMap<number, string> = new Map(),
  extraSafi: ReadonlyMap<number, string> = new Map(),
): string | undefined {
  const slash = name.indexOf('/');
  const afiName = name.slice(0, slash);
  const safiName = name.slice(slash + 1);
  const knownAfi = ZE_AFI_NAMES.get(afi) ?? extraAfi.get(afi);
  if (knownAfi !== undefined && knownAfi !== afiName) return `AFI name conflict: AFI ${afi} is "${knownAfi}", got "${afiName}"`;
  const knownSafi = ZE_SAFI_NAMES.get(safi) ?? extraSafi.get(safi);
  if (knownSafi !== undefined && knownSafi !== safiName) return `SAFI name conflict: SAFI ${safi} is "${knownSafi}", got "${safiName}"`;
  const afiNum = AFI_BY_NAME.get(afiName) ?? [...extraAfi].find(([, v]) => v === afiName)?.[0];
  if (afiNum !== undefined && afiNum !== afi) return `AFI name conflict: "${afiName}" is AFI ${afiNum}, got ${afi}`;
  const safiNum = SAFI_BY_NAME.get(safiName) ?? [...extraSafi].find(([, v]) => v === safiName)?.[0];
  if (safiNum !== undefined && safiNum !== safi) return `SAFI name conflict: "${safiName}" is SAFI ${safiNum}, got ${safi}`;
  return undefined;
}
