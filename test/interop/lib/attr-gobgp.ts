/**
 * Feeding whole UPDATEs to a private gobgpd (lib/gobgp.ts) and reading each path's attributes
 * back from its Adj-RIB-In (RFC 4271 §3.2: as received, before policy): `gobgp neighbor <addr>
 * adj-in -a ipv4 -j`. Every input carries an IPv4 prefix of its own (lib/attr-inputs.ts), so
 * the path of each input is found by its prefix whatever GoBGP's table order; a sentinel route
 * sent last proves the UPDATEs before it were processed.
 *
 * An input GoBGP refuses by resetting the session (RFC 7606 §3 session reset) loses the inputs
 * after it: the first input missing in wire order is then sent alone on a new session, and the
 * rest again; an input GoBGP treats as withdrawn (RFC 7606 §2) just has no path. Rounds are
 * bounded; a crashed daemon is replaced by a fresh one.
 */
import { updateIpv4 } from './bgp.js';
import { afiSafi, GOBGP_AS, GoBgpd } from './gobgp.js';
import { Speaker } from './speaker.js';

export interface GoAttrResult {
  /** GoBGP's `attrs` list for the input's path. */
  attrs?: any[];
  /** Why there is no path: GoBGP's log lines, or that none was found. */
  error?: string;
  crashed?: boolean;
}

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

let addrCounter = 0;
/** 127.2.x.y: apart from gobgp-feed.ts's 127.1.x.y, in the daemon's dynamic-neighbour prefix. */
const nextAddr = (): string => {
  const k = addrCounter++;
  return `127.1.${200 + (((k / 250) | 0) % 50)}.${(k % 250) + 1}`;
};

const SENTINEL = Uint8Array.of(32, 198, 51, 100, 99);

/**
 * The neighbour's IPv4 Adj-RIB-In; 64-bit AIGP metrics kept as decimal strings (JSON.parse would
 * round them). A string: the listing failed (the CLI's error), which no wait mends.
 */
async function adjIn(d: GoBgpd, addr: string): Promise<Record<string, any[]> | string> {
  const r = await d.cli(['neighbor', addr, 'adj-in', '-a', 'ipv4', '-j']);
  const text = r.stdout.trim();
  if (r.code !== 0 && d.alive) return `adj-in listing failed: ${(r.stderr || text).trim().slice(0, 200)}`;
  try {
    const a = JSON.parse(text.replace(/("metric":)(\d{16,})/g, '$1"$2"')) as unknown;
    return a && typeof a === 'object' ? (a as Record<string, any[]>) : {};
  } catch {
    return text ? `adj-in listing failed: ${text.slice(0, 200)}` : {};
  }
}

function warnings(d: GoBgpd, addr: string, from: number): string[] {
  return d
    .log()
    .slice(from)
    .split('\n')
    .filter((l) => l.includes(`Key=${addr}`) && /level=(warning|error)/.test(l) && !/received notification|Peer Down/.test(l))
    .map((l) => /msg="([^"]*)"/.exec(l)?.[1] + ': ' + (/(?:Error|error)="([^"]*)"/.exec(l)?.[1] ?? ''));
}

interface Item {
  update: Uint8Array;
  prefix: string;
}

async function session(h: { d: GoBgpd }, items: readonly [number, Item][], timeoutMs: number): Promise<{ found: Map<number, any[] | null>; problem?: string; crashed?: boolean }> {
  const d = h.d;
  const addr = nextAddr();
  const from = d.log().length;
  const sp = new Speaker(addr, GOBGP_AS, [afiSafi('ipv4/unicast')]);
  const found = new Map<number, any[] | null>();
  try {
    await sp.establish(d.bgpPort, 5_000);
    for (const [, i] of items) sp.send(i.update);
    sp.send(updateIpv4(SENTINEL));
    await sp.flush();
    const deadline = Date.now() + timeoutMs;
    let table: Record<string, any[]> = {};
    for (;;) {
      const t = await adjIn(d, addr);
      if (typeof t === 'string') return { found, problem: `sentinel not seen (${t})` };
      table = t;
      if ('198.51.100.99/32' in table) break;
      if (!d.alive || sp.closed || Date.now() > deadline) {
        const crashed = !d.alive;
        return { found, crashed, problem: crashed ? `gobgpd crashed: ${d.panic() ?? d.exitInfo}` : `sentinel not seen (${sp.closed || 'timeout'}): ${warnings(d, addr, from).join('; ')}` };
      }
      await sleep(20);
    }
    for (const [k, i] of items) {
      const p = table[i.prefix]?.[0];
      // `"attrs": null` or `[]` (every UPDATE sent has ORIGIN, AS_PATH, NEXT_HOP): the path is
      // there but the CLI could not convert one of its attributes
      if (p) found.set(k, Array.isArray(p.attrs) && p.attrs.length ? p.attrs : null);
    }
    const w = warnings(d, addr, from);
    return { found, problem: w.length ? w.join('; ') : undefined };
  } catch (e) {
    return { found, crashed: !d.alive, problem: !d.alive ? `gobgpd crashed: ${d.panic() ?? d.exitInfo}` : String((e as Error).message) };
  } finally {
    await sp.close();
  }
}

/**
 * Send every UPDATE; one result per input, same order. A session that dies (reset, crash) loses
 * the whole Adj-RIB-In of that peer, so its inputs are halved and sent again until the one that
 * kills it is alone; `isolate` names inputs sent alone from the start (known to kill it).
 * `h.d` is replaced after a crash.
 */
export async function feedUpdates(h: { d: GoBgpd }, inputs: readonly Item[], opts: { timeoutMs?: number; maxSessions?: number; isolate?: (k: number) => boolean } = {}): Promise<GoAttrResult[]> {
  const timeoutMs = opts.timeoutMs ?? 5_000;
  const out: GoAttrResult[] = inputs.map(() => ({}));
  let budget = opts.maxSessions ?? 200;
  const restart = async (): Promise<void> => {
    const fams = h.d.families;
    await h.d.stop();
    h.d = await new GoBgpd(fams).start();
  };
  const solve = async (items: [number, Item][]): Promise<void> => {
    if (!items.length) return;
    if (budget-- <= 0) {
      for (const [k] of items) out[k] = { error: 'not tried: session limit' };
      return;
    }
    const r = await session(h, items, timeoutMs);
    if (r.crashed) await restart();
    const died = r.crashed || /sentinel not seen|not established|ECONN|NOTIFICATION/.test(r.problem ?? '');
    if (!died) {
      for (const [k] of items) {
        const a = r.found.get(k);
        out[k] = a ? { attrs: a } : a === null ? { error: 'path listed with no attributes ("attrs": null or [])' } : { error: `no path in Adj-RIB-In (treat-as-withdraw)${r.problem ? `: ${r.problem}` : ''}` };
      }
      return;
    }
    if (items.length === 1) {
      out[items[0]![0]] = { error: r.problem ?? 'session died', crashed: r.crashed };
      return;
    }
    const mid = items.length >> 1;
    await solve(items.slice(0, mid));
    await solve(items.slice(mid));
  };
  const all: [number, Item][] = inputs.map((i, k) => [k, i]);
  // inputs known to reset the session or crash gobgpd go alone, so they cost one session each
  const alone = all.filter(([k]) => opts.isolate?.(k));
  await solve(all.filter(([k]) => !opts.isolate?.(k)));
  for (const a of alone) await solve([a]);
  return out;
}
