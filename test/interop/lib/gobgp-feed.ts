/**
 * Feeding one family's inputs to a private gobgpd and reading back its Adj-RIB-In (RFC 4271
 * §3.2: the routes as received, before policy). All inputs of a family go in one session from
 * one fresh 127.1.x.y address, one UPDATE each, tagged with a distinct MULTI_EXIT_DISC
 * (RFC 4271 §5.1.4) so each Adj-RIB-In path is paired with its input whatever GoBGP's table
 * order; a sentinel IPv4 route sent last proves the UPDATEs before it were processed.
 *
 * When an input makes GoBGP reset the session, disable the family (RFC 7606 §5.3 AFI/SAFI
 * disable) or crash, the inputs after it are lost: the first input missing in wire order is
 * then sent alone on a new session (a fresh daemon after a crash) to find who caused it, and the
 * rest go again. Rounds are bounded.
 */
import { attribute, concat, defaultNextHop, message, MSG, updateIpv4 } from './bgp.js';
import { afiSafi, GOBGP_AS, GOBGP_FAMILY, GoBgpd } from './gobgp.js';
import type { Input } from './inputs.js';
import { Speaker } from './speaker.js';

const u16 = (v: number): Uint8Array => Uint8Array.of((v >> 8) & 0xff, v & 0xff);
const u32 = (v: number): Uint8Array => Uint8Array.of((v >>> 24) & 0xff, (v >> 16) & 0xff, (v >> 8) & 0xff, v & 0xff);

/** The interop UPDATE (ORIGIN, empty AS_PATH, LOCAL_PREF, MP_REACH) plus MED = tag. */
export function updateReachTagged(afi: number, safi: number, nlri: Uint8Array, tag: number): Uint8Array {
  const nh = defaultNextHop(afi, safi);
  const mp = concat([u16(afi), Uint8Array.of(safi, nh.length), nh, Uint8Array.of(0), nlri]);
  const attrs = concat([
    attribute(0x40, 1, Uint8Array.of(0)),
    attribute(0x40, 2, new Uint8Array(0)),
    attribute(0x80, 4, u32(tag)),
    attribute(0x40, 5, u32(100)),
    attribute(0x90, 14, mp),
  ]);
  return message(MSG.UPDATE, concat([u16(0), u16(attrs.length), attrs]));
}

export function updateUnreachOf(afi: number, safi: number, nlri: Uint8Array): Uint8Array {
  const attrs = attribute(0x90, 15, concat([u16(afi), Uint8Array.of(safi), nlri]));
  return message(MSG.UPDATE, concat([u16(0), u16(attrs.length), attrs]));
}

export interface FedResult {
  /** GoBGP's Adj-RIB-In path for the input (its `nlri` JSON and route key). */
  path?: { key: string; nlri: any };
  /** Why GoBGP has no path for it: its log line, the panic, or "dropped". */
  error?: string;
  crashed?: boolean;
  /** Withdrawing the same bytes in MP_UNREACH removed the route (undefined: not tried). */
  withdrawn?: boolean;
}

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

let addrCounter = 0;
const nextAddr = (): string => {
  const k = addrCounter++;
  return `127.1.${((k / 250) | 0) % 256}.${(k % 250) + 1}`;
};

const SENTINEL = [Uint8Array.of(32, 198, 51, 100, 77), Uint8Array.of(32, 198, 51, 100, 78)] as const;

/** Wait until the sentinel route is in the neighbour's IPv4 Adj-RIB-In; false at the deadline / on close / crash. */
async function sentinelSeen(d: GoBgpd, sp: Speaker, addr: string, which: string, deadline: number): Promise<boolean> {
  while (Date.now() < deadline) {
    const a = await d.adjIn(addr, 'ipv4/unicast');
    if (a && typeof a === 'object' && Object.keys(a).some((k) => k.startsWith(which))) return true;
    if (!d.alive || sp.closed) return false;
    await sleep(20);
  }
  return false;
}

/** Adj-RIB-In paths of a family keyed by their MED tag. */
async function pathsByTag(d: GoBgpd, addr: string, family: string): Promise<Map<number, { key: string; nlri: any }>> {
  const out = new Map<number, { key: string; nlri: any }>();
  const adj = await d.adjIn(addr, family);
  if (!adj || typeof adj !== 'object' || 'error' in adj || '_raw' in adj) return out;
  for (const [key, paths] of Object.entries(adj)) {
    for (const p of paths as any[]) {
      const med = (p.attrs as any[] | null)?.find((a) => a.type === 4)?.metric;
      if (typeof med === 'number') out.set(med, { key, nlri: p.nlri });
    }
  }
  return out;
}

/** gobgpd's warnings for one neighbour since `from` (log offset). */
function warnings(d: GoBgpd, addr: string, from: number): string[] {
  return d
    .log()
    .slice(from)
    .split('\n')
    .filter((l) => l.includes(`Key=${addr}`) && /level=(warning|error)/.test(l) && !/received notification|Peer Down/.test(l))
    .map((l) => /msg="([^"]*)"/.exec(l)?.[1] + ': ' + (/(?:Error|error)="([^"]*)"/.exec(l)?.[1] ?? ''));
}

interface Daemon {
  d: GoBgpd;
}

/** One session: send the inputs (tags = their indices + 1), then withdraw what was found. */
async function session(h: Daemon, family: string, items: readonly [number, Input][], withdraw: boolean, timeoutMs: number): Promise<{ found: Map<number, { key: string; nlri: any }>; gone: Set<number>; problem?: string; crashed?: boolean }> {
  const d = h.d;
  const addr = nextAddr();
  const from = d.log().length;
  const sp = new Speaker(addr, GOBGP_AS, d.families.map(afiSafi));
  const gone = new Set<number>();
  let found = new Map<number, { key: string; nlri: any }>();
  try {
    await sp.establish(d.bgpPort, 5_000);
    for (const [k, i] of items) sp.send(updateReachTagged(i.afi, i.safi, i.bytes, k + 1));
    sp.send(updateIpv4(SENTINEL[0]));
    await sp.flush();
    const ok = await sentinelSeen(d, sp, addr, '198.51.100.77', Date.now() + timeoutMs);
    if (!ok) {
      const crashed = !d.alive;
      return { found, gone, crashed, problem: crashed ? `gobgpd crashed: ${d.panic() ?? d.exitInfo}` : warnings(d, addr, from).join('; ') || `sentinel not seen (${sp.closed || 'timeout'})` };
    }
    found = await pathsByTag(d, addr, family);
    if (withdraw && found.size) {
      for (const [k, i] of items) if (found.has(k + 1) && i.unreach) sp.send(updateUnreachOf(i.afi, i.safi, i.bytes));
      sp.send(updateIpv4(SENTINEL[1]));
      await sp.flush();
      if (await sentinelSeen(d, sp, addr, '198.51.100.78', Date.now() + timeoutMs)) {
        const left = await pathsByTag(d, addr, family);
        for (const [k, i] of items) if (found.has(k + 1) && i.unreach && !left.has(k + 1)) gone.add(k);
      }
    }
    const w = warnings(d, addr, from);
    return { found, gone, problem: w.length ? w.join('; ') : undefined };
  } catch (e) {
    return { found, gone, crashed: !d.alive, problem: !d.alive ? `gobgpd crashed: ${d.panic() ?? d.exitInfo}` : String((e as Error).message) };
  } finally {
    await sp.close();
  }
}

/**
 * Send every input of one family; returns one result per input (same order). `h.d` is replaced
 * by a fresh daemon when one crashes (the caller stops whatever `h.d` is at the end).
 */
export async function feedFamily(h: Daemon, family: string, inputs: readonly Input[], opts: { timeoutMs?: number; maxRounds?: number } = {}): Promise<FedResult[]> {
  const timeoutMs = opts.timeoutMs ?? 5_000;
  const out: FedResult[] = inputs.map(() => ({}));
  let pending: [number, Input][] = inputs.map((i, k) => [k, i]);
  const restart = async (): Promise<void> => {
    const fams = h.d.families;
    await h.d.stop();
    h.d = await new GoBgpd(fams).start();
  };
  for (let round = 0; pending.length && round < (opts.maxRounds ?? 12); round++) {
    const r = await session(h, family, pending, true, timeoutMs);
    for (const [k] of pending) {
      const p = r.found.get(k + 1);
      if (p) out[k] = { path: p, withdrawn: inputs[k]!.unreach ? r.gone.has(k) : undefined };
    }
    const missing = pending.filter(([k]) => !out[k]!.path);
    if (r.crashed) await restart();
    if (!missing.length) break;
    if (!r.problem && !r.crashed) {
      // no error and no crash: another input had the same GoBGP route key and replaced it
      // (RFC 4271 §9: an UPDATE replaces the route it names), or GoBGP dropped it; again, on
      // a new session, as long as that brings routes back
      if (missing.length === pending.length) {
        for (const [k] of missing) out[k] = { error: 'no path in Adj-RIB-In (treat-as-withdraw, no log line)' };
        pending = [];
        break;
      }
      pending = missing;
      continue;
    }
    // the first missing one caused it: alone on its own session
    const [k0, i0] = missing[0]!;
    const alone = await session(h, family, [[k0, i0]], true, timeoutMs);
    const p = alone.found.get(k0 + 1);
    if (p) out[k0] = { path: p, withdrawn: i0.unreach ? alone.gone.has(k0) : undefined };
    else out[k0] = { error: alone.problem ?? 'no path in Adj-RIB-In when sent alone (treat-as-withdraw, no log line)', crashed: alone.crashed };
    if (alone.crashed) await restart();
    pending = missing.slice(1);
  }
  for (const [k] of pending) if (!out[k]!.path && !out[k]!.error) out[k] = { error: 'not tried: round limit' };
  return out;
}

export const gobgpFamilies = (): string[] => Object.keys(GOBGP_FAMILY);
