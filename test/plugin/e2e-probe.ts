/**
 * A helper plugin for e2e-ze.test.ts: it runs under the real Ze next to `ze-nlri plugin` and lets
 * the test call Ze's `dispatch-command` (ze-plugin-protocol.md §6): each line written to the unix
 * socket E2E_PROBE_SOCK is a command; the probe sends it to Ze, which dispatches it to the plugin
 * that registered it (ze-nlri's `routes`, `update`, …, through execute-command, §5.4), and the
 * answer `{status, data}` comes back as one JSON line.
 */
import { createServer } from 'node:net';
import { ZePlugin, runPluginMain } from '../../src/plugin/index.js';

const sock = process.env.E2E_PROBE_SOCK;
if (!sock) throw new Error('E2E_PROBE_SOCK is not set');
const p = new ZePlugin({ families: [] });
p.onCommand('e2e-probe ping', () => 'pong', 'e2e test helper');
const server = createServer((c) => {
  let buf = '';
  c.setEncoding('utf8').on('data', (d: string) => {
    buf += d;
    for (let i = buf.indexOf('\n'); i >= 0; i = buf.indexOf('\n')) {
      const line = buf.slice(0, i);
      buf = buf.slice(i + 1);
      p.dispatchCommand(line, { timeoutMs: 15_000 }).then(
        (r) => c.write(JSON.stringify(r) + '\n'),
        (e) => c.write(JSON.stringify({ status: 'probe-error', data: String(e?.message ?? e) }) + '\n'),
      );
    }
  });
  c.on('error', () => undefined);
});
server.listen(sock);
process.on('exit', () => server.close());
await runPluginMain(p);
