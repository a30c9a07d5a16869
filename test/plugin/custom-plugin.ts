/** A plugin written by "another author" with the public runtime only (used by runtime-api.test.ts). */
import { CommandError, ZePlugin, runPluginMain } from '../../src/plugin/index.js';

const p = new ZePlugin({
  families: [{ name: 'ipv6/flow', afi: 2, safi: 133 }],
  subscribe: { events: ['update direction received'], format: 'full' },
});
let updates = 0;
p.onEvent((ev) => {
  if (ev?.bgp?.message?.type === 'update') updates++;
});
p.onCommand('counter count', () => JSON.stringify({ updates }), 'updates seen');
p.onCommand('counter fail', () => {
  throw new CommandError('nope');
});
p.onCommand('counter dispatch', async (args) => JSON.stringify(await p.dispatchCommand(args.join(' '))));
p.handle('validate-open', () => ({ accept: false, reason: 'test' }));
await runPluginMain(p);
