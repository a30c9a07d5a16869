/**
 * Memory per route of the plugin's table (docs/PLUGIN.md "Routes with their attributes"):
 *   node --expose-gc --import tsx test/plugin/bench-route-memory.ts <repo root> flow|vpn <N> same|distinct
 * One route per UPDATE; `same`: every UPDATE with the same attributes, `distinct`: each its own.
 * Run it on an older checkout (its root as the first argument) to compare.
 */
const [root = '.', fam = 'flow', nStr = '100000', mode = 'distinct'] = process.argv.slice(2);
const N = Number(nStr);
const { defaultRegistry } = await import(root + '/src/index.ts');
const { Logger } = await import(root + '/src/plugin/log.ts');
const { NlriPlugin } = await import(root + '/src/plugin/nlri/app.ts');
const families = [defaultRegistry.require(fam === 'flow' ? 'ipv4/flow' : 'ipv4/mpls-vpn')];
const p = new NlriPlugin({ registry: defaultRegistry, families, name: 'ze-nlri', logger: new Logger({ write: () => undefined }) });
const h = (n: number, w: number) => n.toString(16).padStart(w, '0');
function event(i: number): string {
  const a = (i >> 16) & 255, b = (i >> 8) & 255, c = i & 255;
  let nlri: string, mp: string, ext: string;
  const local = mode === 'same' ? 100 : i;
  if (fam === 'flow') {
    nlri = '0801' + '20' + h(10, 2) + h(a, 2) + h(b, 2) + h(c, 2);
    nlri = h(nlri.length / 2 - 1, 2) + nlri.slice(2);
    ext = 'c01008' + '80060000' + h(0x447a0000 + (mode === 'same' ? 0 : i), 8);
    mp = '800e' + h(5 + nlri.length / 2, 2) + '0001850000' + nlri;
  } else {
    nlri = '70' + '000641' + '0000fde8' + h(1, 8) + h(a, 2) + h(b, 2) + h(c, 2);
    ext = 'c01008' + '0002fde8' + h(local, 8);
    mp = '800e' + h(5 + 12 + nlri.length / 2, 2) + '0001800c' + '0000000000000000' + '7f000001' + '00' + nlri;
  }
  const attrs = '4001010040020040050400000064' + ext;
  const body = attrs + mp;
  const update = '0000' + h(body.length / 2, 4) + body;
  const f = fam === 'flow' ? 'ipv4/flow' : 'ipv4/mpls-vpn';
  return `{"type":"bgp","bgp":{"message":{"type":"update","id":${i},"direction":"received"},"peer":{"address":"127.0.0.1","name":"peer1"},"update":{"attr":{"origin":"igp"}},"raw":{"attributes":"${attrs}","nlri":{"${f}":"${nlri}"},"update":"${update}"}}}`;
}
const gc = (globalThis as any).gc as () => void;
gc(); gc();
const before = process.memoryUsage().heapUsed;
for (let i = 0; i < N; i += 1000) {
  const evs: string[] = [];
  for (let k = i; k < Math.min(N, i + 1000); k++) evs.push(event(k) + '\n');
  if (!p.handleBatch(Buffer.from(JSON.stringify({ events: evs })))) throw new Error('not scanned');
}
gc(); gc();
const after = process.memoryUsage().heapUsed;
if (p.table.count() !== N) throw new Error(`count ${p.table.count()}`);
console.log(JSON.stringify({ root: root, fam, N, mode, bytesPerRoute: Math.round((after - before) / N) }));
