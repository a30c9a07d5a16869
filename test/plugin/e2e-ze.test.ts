/**
 * End to end against the real Ze daemon (ze-plugin-protocol.md §4.9, §5.6, §6.1): ze runs
 * `ze-nlri plugin` from its config; a BGP speaker on 127.0.0.1 (speaker.ts) peers with ze
 * without a `family` block, so ze's OPEN carries the families our plugin claims; the speaker
 * sends an UPDATE of a family Ze knows (ipv4/flow, when registered) and one of a family Ze does
 * not know (ipv4/colored, SAFI 241, from the example module); the test sees our decoding in the
 * plugin's stderr relayed by ze, and the route the plugin originates reaches the speaker with
 * exactly the bytes our codec produced.
 *
 * Needs a `ze` binary: ZE_BIN, or `ze` on PATH. Skipped otherwise.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { defaultRegistry } from '../../src/index.js';
import { PLUGIN_ENTRY } from './engine-sim.js';
import { Speaker, mpReachOf, mpReachUpdate } from './speaker.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

function findZe(): string | undefined {
  if (process.env.ZE_BIN) return process.env.ZE_BIN;
  const r = spawnSync('sh', ['-c', 'command -v ze'], { encoding: 'utf8' });
  const p = r.status === 0 ? r.stdout.trim() : '';
  return p === '' ? undefined : p;
}

const ZE = findZe();
const HAS_FLOW = defaultRegistry.has('ipv4/flow');
if (!ZE) console.log('e2e-ze: skipped: no ze binary (set ZE_BIN or put ze on PATH)');

function waitFor(pred: () => boolean, timeoutMs: number, what: () => string): Promise<void> {
  return new Promise((resolve, reject) => {
    const t0 = Date.now();
    const tick = setInterval(() => {
      if (pred()) {
        clearInterval(tick);
        resolve();
      } else if (Date.now() - t0 > timeoutMs) {
        clearInterval(tick);
        reject(new Error(what()));
      }
    }, 50);
  });
}

describe.skipIf(!ZE)('ze-nlri plugin under the real ze', () => {
  let speaker: Speaker | undefined;
  let ze: ChildProcess | undefined;
  let dir = '';
  let zeErr = '';
  afterAll(async () => {
    if (ze?.pid && ze.exitCode === null) {
      process.kill(ze.pid, 'SIGTERM');
      await waitFor(() => ze!.exitCode !== null || ze!.signalCode !== null, 5000, () => 'ze did not stop').catch(() => process.kill(ze!.pid!, 'SIGKILL'));
    }
    await speaker?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('claims families, decodes what the peer sends, and originates a route with exact bytes', async () => {
    speaker = new Speaker(65000);
    await speaker.listen();
    dir = mkdtempSync(join(tmpdir(), 'ze-nlri-e2e-'));
    const shq = (s: string) => `'${s.replace(/'/g, `'\\''`)}'`;
    const args = [
      ...(HAS_FLOW ? ['--family', 'ipv4/flow'] : []),
      '--family-module',
      'examples/colored-prefix.mjs',
      '--log-routes',
      '--announce',
      '* ipv4/colored add color 300 prefix 10.3.0.0/16',
    ];
    const run = `cd ${shq(ROOT)} && exec ${shq(process.execPath)} ${[...PLUGIN_ENTRY, ...args].map(shq).join(' ')}`;
    const conf = `plugin {
    external ze-nlri {
        run ${JSON.stringify(run)}
        timeout 20s
    }
}
bgp {
    peer peer1 {
        connection {
            remote {
                ip 127.0.0.1
                port ${speaker.port}
            }
            local {
                ip 127.0.0.1
                accept false
            }
        }
        session {
            asn {
                local 65000
                remote 65000
            }
            router-id 10.0.0.1
        }
    }
}
`;
    writeFileSync(join(dir, 'ze.conf'), conf);
    ze = spawn(ZE!, [join(dir, 'ze.conf')], { cwd: dir, env: { ...process.env, ze_plugin_stage_timeout: '20s' }, stdio: ['ignore', 'pipe', 'pipe'] });
    ze.stderr!.setEncoding('utf8').on('data', (d: string) => (zeErr += d));
    ze.stdout!.setEncoding('utf8').on('data', (d: string) => (zeErr += d));

    await speaker.whenEstablished(30_000).catch((e) => {
      throw new Error(`${e.message}\nze output:\n${zeErr}`);
    });
    // ze's OPEN advertises the families the plugin claimed (no family block: §4.9).
    const mp = speaker.openCaps.filter(([c]) => c === 1).map(([, v]) => `${v.readUInt16BE(0)}/${v[3]}`);
    expect(mp).toContain('1/241');
    if (HAS_FLOW) expect(mp).toContain('1/133');

    // A family Ze does not know: color 100, 10.0.0.0/24 (examples/colored-prefix.mjs).
    speaker.send(mpReachUpdate(1, 241, Buffer.from([127, 0, 0, 1]), Buffer.from('2800640a0000', 'hex')));
    if (HAS_FLOW) speaker.send(mpReachUpdate(1, 133, Buffer.alloc(0), Buffer.from('0501180a0000', 'hex')));
    await waitFor(
      () => /route announced[^\n]*ipv4\/colored[^\n]*10\.0\.0\.0\/24/.test(zeErr) && (!HAS_FLOW || /route announced[^\n]*ipv4\/flow[^\n]*10\.0\.0\.0\/24\/0/.test(zeErr)),
      20_000,
      () => `decoded routes not seen in ze's relayed stderr:\n${zeErr}`,
    );
    expect(zeErr).toMatch(/level=WARN msg="route announced"[^\n]*plugin=ze-nlri[^\n]*family=ipv4\/colored[^\n]*color\W+100\W+prefix\W+10\.0\.0\.0\/24/);

    // The plugin originated color 300 10.3.0.0/16 when the peer came up: 20 012C 0A03.
    const upd = await speaker
      .waitUpdate((m) => mpReachOf(m).some((r) => r.afi === 1 && r.safi === 241), 20_000)
      .catch((e) => {
        throw new Error(`${e.message}\nze output:\n${zeErr}`);
      });
    const r = mpReachOf(upd).find((x) => x.afi === 1 && x.safi === 241)!;
    expect(r.nlri.toString('hex')).toBe('20012c0a03');
    expect(r.nextHop.length).toBe(4);
  });
});
