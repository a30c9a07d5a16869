/**
 * A private GoBGP 3.10 daemon on loopback, driven through its CLI (`gobgp -p <api port> …`),
 * for the interop tests: gobgpd listens on 127.0.0.1 only, on free ports for BGP and gRPC (never
 * 179 / 50051), with dynamic iBGP neighbours in 127.1.0.0/16 (AS 65001, passive on its side), its
 * config and log in a temporary directory. It is stopped by its pid (SIGTERM, SIGKILL after 3 s);
 * every wait is bounded.
 *
 * Facts about GoBGP 3.10 used here (checked against the Debian package): its config names and CLI
 * `-a` names per family below; no CLI name for l2vpn-vpls; no MVPN (SAFI 5) nor BGP-LS-VPN
 * (SAFI 72); it panics on some malformed NLRI (so only inputs ze-nlri decodes are sent).
 */
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { openSync, closeSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { GOBGP, GOBGPD, tempDir } from './tools.js';

export const GOBGP_AS = 65001;

/** Ze family → [gobgpd config afi-safi-name, gobgp CLI `-a` name]. */
export const GOBGP_FAMILY: Record<string, readonly [string, string | undefined]> = {
  'ipv4/unicast': ['ipv4-unicast', 'ipv4'],
  'ipv4/flow': ['ipv4-flowspec', 'ipv4-flowspec'],
  'ipv6/flow': ['ipv6-flowspec', 'ipv6-flowspec'],
  'ipv4/flow-vpn': ['l3vpn-ipv4-flowspec', 'ipv4-l3vpn-flowspec'],
  'ipv6/flow-vpn': ['l3vpn-ipv6-flowspec', 'ipv6-l3vpn-flowspec'],
  'l2vpn/evpn': ['l2vpn-evpn', 'evpn'],
  'ipv4/mpls-vpn': ['l3vpn-ipv4-unicast', 'vpnv4'],
  'ipv6/mpls-vpn': ['l3vpn-ipv6-unicast', 'vpnv6'],
  'ipv4/mpls-label': ['ipv4-labelled-unicast', 'ipv4-mpls'],
  'ipv6/mpls-label': ['ipv6-labelled-unicast', 'ipv6-mpls'],
  'ipv4/mup': ['ipv4-mup', 'ipv4-mup'],
  'ipv6/mup': ['ipv6-mup', 'ipv6-mup'],
  'ipv4/rtc': ['rtc', 'rtc'],
  'l2vpn/vpls': ['l2vpn-vpls', undefined],
};

const AFI: Record<string, number> = { ipv4: 1, ipv6: 2, l2vpn: 25 };
const SAFI: Record<string, number> = { unicast: 1, 'mpls-label': 4, vpls: 65, evpn: 70, mup: 85, 'mpls-vpn': 128, rtc: 132, flow: 133, 'flow-vpn': 134 };

/** AFI/SAFI of a Ze family name (RFC 4760 §5, IANA registries). */
export function afiSafi(family: string): readonly [number, number] {
  const [a, s] = family.split('/') as [string, string];
  return [AFI[a]!, SAFI[s]!];
}

/** A free TCP port on 127.0.0.1 (listen on port 0, read it, close). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const a = s.address();
      const port = typeof a === 'object' && a ? a.port : 0;
      s.close(() => resolve(port));
    });
  });
}

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

export interface CliResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

export class GoBgpd {
  bgpPort = 0;
  apiPort = 0;
  private proc?: ChildProcess;
  private dir?: { dir: string; remove: () => void };
  private exited = false;
  exitInfo = '';

  constructor(readonly families: readonly string[]) {}

  get pid(): number | undefined {
    return this.proc?.pid;
  }

  get alive(): boolean {
    return !!this.proc && !this.exited;
  }

  private config(): string {
    const fams = this.families.map((f) => `  [[peer-groups.afi-safis]]\n    [peer-groups.afi-safis.config]\n      afi-safi-name = "${GOBGP_FAMILY[f]![0]}"`);
    return `[global.config]
  as = ${GOBGP_AS}
  router-id = "192.0.2.254"
  port = ${this.bgpPort}
  local-address-list = ["127.0.0.1"]

[[peer-groups]]
  [peer-groups.config]
    peer-group-name = "interop"
    peer-as = ${GOBGP_AS}
  [peer-groups.timers.config]
    hold-time = 90
    keepalive-interval = 30
${fams.join('\n')}

[[dynamic-neighbors]]
  [dynamic-neighbors.config]
    prefix = "127.1.0.0/16"
    peer-group = "interop"
`;
  }

  /** Start and wait (at most `timeoutMs`) until the gRPC API answers. */
  async start(timeoutMs = 10_000): Promise<this> {
    if (!GOBGPD || !GOBGP) throw new Error('gobgpd / gobgp not installed');
    this.dir = tempDir('ze-nlri-gobgp-');
    this.bgpPort = await freePort();
    this.apiPort = await freePort();
    const conf = join(this.dir.dir, 'gobgpd.toml');
    writeFileSync(conf, this.config());
    const log = openSync(join(this.dir.dir, 'gobgpd.log'), 'w');
    this.exited = false;
    this.proc = spawn(GOBGPD, ['-f', conf, '--api-hosts', `127.0.0.1:${this.apiPort}`, '--pprof-disable', '-p', '-l', 'debug'], {
      stdio: ['ignore', log, log],
    });
    closeSync(log);
    // should the test process end without afterAll (killed runner), take the daemon with it
    const pid = this.proc.pid;
    const onExit = (): void => {
      try {
        if (pid && !this.exited) process.kill(pid, 'SIGKILL');
      } catch {
        /* already gone */
      }
    };
    process.once('exit', onExit);
    this.proc.once('exit', (code, sig) => {
      process.removeListener('exit', onExit);
      this.exited = true;
      this.exitInfo = `gobgpd exited (code ${code}, signal ${sig})`;
    });
    const deadline = Date.now() + timeoutMs;
    while (Date.now() < deadline) {
      if (this.exited) throw new Error(`${this.exitInfo}: ${this.logTail()}`);
      const r = await this.cli(['global'], 2_000).catch(() => undefined);
      if (r && r.code === 0 && r.stdout.includes('AS')) return this;
      await sleep(50);
    }
    await this.stop();
    throw new Error(`gobgpd did not answer within ${timeoutMs} ms`);
  }

  /** Stop by pid: SIGTERM, then SIGKILL after 3 s; remove the temporary directory. */
  async stop(): Promise<void> {
    const p = this.proc;
    if (p?.pid && !this.exited) {
      const gone = new Promise<void>((r) => p.once('exit', () => r()));
      try {
        process.kill(p.pid, 'SIGTERM');
      } catch {
        /* already gone */
      }
      const t = setTimeout(() => {
        try {
          if (!this.exited) process.kill(p.pid!, 'SIGKILL');
        } catch {
          /* already gone */
        }
      }, 3_000);
      await Promise.race([gone, sleep(6_000)]);
      clearTimeout(t);
    }
    this.proc = undefined;
    if (!process.env.INTEROP_KEEP_TMP) this.dir?.remove();
  }

  /** gobgp CLI against this daemon, with a timeout. */
  cli(args: readonly string[], timeoutMs = 5_000): Promise<CliResult> {
    return new Promise((resolve) => {
      execFile(GOBGP!, ['-u', '127.0.0.1', '-p', String(this.apiPort), ...args], { timeout: timeoutMs, killSignal: 'SIGKILL', maxBuffer: 64 << 20 }, (err, stdout, stderr) => {
        const code = err ? (typeof (err as any).code === 'number' ? (err as any).code : null) : 0;
        resolve({ code, stdout: String(stdout), stderr: String(stderr) + (err && code === null ? err.message : '') });
      });
    });
  }

  /** `gobgp … -j` parsed (undefined when empty or not JSON). */
  async cliJson(args: readonly string[], timeoutMs = 5_000): Promise<any> {
    const r = await this.cli([...args, '-j'], timeoutMs);
    const out = r.stdout.trim();
    if (!out) return undefined;
    try {
      return JSON.parse(out);
    } catch {
      return { _raw: out, _stderr: r.stderr };
    }
  }

  /** Adj-RIB-In of one neighbour for one family: `{ <route key>: [path, …] }`. */
  adjIn(neighbor: string, family: string): Promise<Record<string, any[]> | undefined> {
    return this.cliJson(['neighbor', neighbor, 'adj-in', '-a', GOBGP_FAMILY[family]![1]!]);
  }

  log(): string {
    try {
      return readFileSync(join(this.dir!.dir, 'gobgpd.log'), 'utf8');
    } catch {
      return '';
    }
  }

  logTail(n = 1500): string {
    return this.log().slice(-n);
  }

  /** The panic text gobgpd printed, if it died. */
  panic(): string | undefined {
    const l = this.log();
    const i = l.search(/panic:|fatal error:/);
    return i >= 0 ? l.slice(i, i + 600) : undefined;
  }
}

/** gobgpd's `version` line, or undefined. */
export async function gobgpVersion(): Promise<string | undefined> {
  const bin = GOBGPD;
  if (!bin) return undefined;
  return new Promise((r) => execFile(bin, ['--version'], { timeout: 5_000 }, (_e, out) => r(String(out).trim() || undefined)));
}
