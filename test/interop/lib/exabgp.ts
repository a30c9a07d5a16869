/**
 * ExaBGP 4.2.21's UPDATE parser as a decoder: `exabgp --decode <hex> … <config>` parses each
 * message with a session negotiated from the config's families and logs, per UPDATE, its API
 * JSON (`update json {…}`). One process decodes a whole batch.
 *
 * ExaBGP 4.2.21 has no MUP (SAFI 85) nor MVPN (SAFI 5); its config refuses `ipv4 rtc`; it has a
 * BGP-LS-VPN (SAFI 72) NLRI reader but no next-hop length for it, so SAFI 72 is sent in
 * MP_UNREACH only (no next hop there).
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { EXABGP, run, tempDir } from './tools.js';

/** Ze family → ExaBGP `afi safi` words. */
export const EXA_FAMILY: Record<string, string> = {
  'ipv4/flow': 'ipv4 flow',
  'ipv6/flow': 'ipv6 flow',
  'ipv4/flow-vpn': 'ipv4 flow-vpn',
  'ipv6/flow-vpn': 'ipv6 flow-vpn',
  'l2vpn/evpn': 'l2vpn evpn',
  'l2vpn/vpls': 'l2vpn vpls',
  'ipv4/mpls-vpn': 'ipv4 mpls-vpn',
  'ipv6/mpls-vpn': 'ipv6 mpls-vpn',
  'ipv4/mpls-label': 'ipv4 nlri-mpls',
  'ipv6/mpls-label': 'ipv6 nlri-mpls',
  'bgp-ls/bgp-ls': 'bgp-ls bgp-ls',
  'bgp-ls/bgp-ls-vpn': 'bgp-ls bgp-ls-vpn',
};

const config = (): string => `neighbor 127.0.0.1 {
    router-id 192.0.2.2;
    local-address 127.0.0.1;
    local-as 65000;
    peer-as 65000;
    family {
        ipv4 unicast;
${Object.values(EXA_FAMILY).map((f) => `        ${f};`).join('\n')}
    }
}
`;

export interface ExaResult {
  /** ExaBGP's `message.update` object, or undefined when it logged no JSON for the UPDATE. */
  update?: Record<string, any>;
  error?: string;
}

function decodeBatch(dir: string, updates: readonly Uint8Array[], timeoutMs: number): string[] {
  const args = updates.flatMap((u) => ['--decode', Buffer.from(u).toString('hex')]);
  // (one argument per UPDATE: ExaBGP decodes them in order and logs one JSON message for each)
  const r = run(EXABGP!, [...args, join(dir, 'exabgp.conf')], {
    timeoutMs,
    cwd: dir,
    env: { ...process.env, 'exabgp.log.destination': 'stdout', 'exabgp.log.all': 'false', HOME: dir },
  });
  return (r.stdout + r.stderr).split('\n');
}

/** The JSON lines ExaBGP logged, in order, with the error lines in between. */
function parse(lines: readonly string[]): { json: Record<string, any>[]; errors: string[] } {
  const json: Record<string, any>[] = [];
  const errors: string[] = [];
  for (const l of lines) {
    const i = l.indexOf('update json ');
    if (i >= 0) json.push(JSON.parse(l.slice(i + 12)).neighbor.message.update);
    else if (/error|notify|exception|traceback|invalid/i.test(l) && !/named pipes|cli/.test(l)) errors.push(l.trim());
  }
  return { json, errors };
}

/**
 * Decode every UPDATE: one ExaBGP run for the batch; when it logged fewer JSON messages than
 * UPDATEs (one was refused), each UPDATE is decoded alone to pair results with inputs.
 */
export function exabgpDecode(updates: readonly Uint8Array[], timeoutMs = 30_000): ExaResult[] {
  if (!EXABGP) throw new Error('exabgp not installed');
  if (updates.length === 0) return [];
  const t = tempDir('ze-nlri-exabgp-');
  try {
    writeFileSync(join(t.dir, 'exabgp.conf'), config());
    // halve the batch until each part decodes whole, so a refused UPDATE costs log2(n) runs
    const solve = (list: readonly Uint8Array[]): ExaResult[] => {
      const got = parse(decodeBatch(t.dir, list, timeoutMs));
      if (got.json.length === list.length) return got.json.map((update) => ({ update }));
      if (list.length === 1) return [{ error: got.errors.join(' | ') || 'no update json logged' }];
      const mid = list.length >> 1;
      return [...solve(list.slice(0, mid)), ...solve(list.slice(mid))];
    };
    return solve(updates);
  } finally {
    t.remove();
  }
}

/** ExaBGP's NLRI objects for one family in an UPDATE (announce: under the next hop; withdraw: a list). */
export function exaNlris(update: Record<string, any> | undefined, family: string, withdraw: boolean): Record<string, any>[] {
  const key = EXA_FAMILY[family]!;
  if (!update) return [];
  if (withdraw) return (update.withdraw?.[key] as Record<string, any>[] | undefined) ?? [];
  const byNh = update.announce?.[key] as Record<string, Record<string, any>[]> | undefined;
  return byNh ? Object.values(byNh).flat() : [];
}
