/**
 * Size limits and malformed deliveries (issue 15 §4): no line the plugin writes exceeds the
 * engine's 16 MiB frame (ze-plugin-protocol.md §3.6; Ze's pkg/plugin/rpc/framing.go drops the
 * connection on a longer one), `decode-nlri` of a huge field is refused without building it, and
 * malformed `deliver-batch` payloads are acked `ok` (the engine expects it, §5.6) and logged once
 * at WARN.
 */
import { describe, expect, it } from 'vitest';
import { createDefaultRegistry, samples } from '../../src/index.js';
import { MAX_LINE, formatFrame } from '../../src/plugin/framing.js';
import { Logger } from '../../src/plugin/log.js';
import { NlriPlugin } from '../../src/plugin/nlri/app.js';
import { decodeHexBounded } from '../../src/plugin/nlri/bounded-json.js';
import { ZePlugin } from '../../src/plugin/plugin.js';
import { AnswerError, RpcConnection, RpcError } from '../../src/plugin/rpc.js';
import { FakeEngine } from './fake-engine.js';

function logSink(): { logger: Logger; lines: string[] } {
  const lines: string[] = [];
  return { logger: new Logger({ write: (l) => lines.push(l) }), lines };
}

describe('the runtime never writes a line over the limit', () => {
  const LIMIT = 1000;

  function conn(): { engine: FakeEngine; rpc: RpcConnection; lines: string[] } {
    const engine = new FakeEngine();
    const { logger, lines } = logSink();
    const rpc = new RpcConnection(engine.pluginEnd, logger, { maxLine: LIMIT });
    return { engine, rpc, lines };
  }

  it('an answer of exactly the limit goes out; one byte more becomes an error answer', async () => {
    const { engine, rpc, lines } = conn();
    // `#1 ok "xxx…"`: 8 bytes around the string.
    rpc.onRequest = async (_m, p: any) => 'x'.repeat(p.n);
    const fits = await engine.request('m', { n: LIMIT - 8 });
    expect(fits.length).toBe(LIMIT);
    expect(fits).toBe(formatFrame('1', 'ok', 'x'.repeat(LIMIT - 8)).trimEnd());
    const over = await engine.request('m', { n: LIMIT - 7 });
    expect(over).toBe(`#2 error {"code":"error","message":"answer to m too large: ${LIMIT + 1} bytes, over the engine's ${LIMIT}-byte line limit"}`);
    expect(lines.join('\n')).toMatch(/level=WARN msg="answer too large for the engine, answered with an error" method=m bytes=1001 limit=1000/);
  });

  it('counts bytes, not characters (UTF-8)', async () => {
    const { engine, rpc } = conn();
    rpc.onRequest = async () => 'é'.repeat(600); // 600 characters, 1200 bytes
    expect(await engine.request('m')).toMatch(/^#1 error \{"code":"error","message":"answer to m too large: 1208 bytes/);
  });

  it('error answers and callback results too; the hook may answer ok instead', async () => {
    const { engine, rpc } = conn();
    rpc.onRequest = async (m) => {
      if (m === 'fail') throw new AnswerError('e'.repeat(2000));
      return { status: 'done', data: 'd'.repeat(2000) };
    };
    expect(await engine.request('fail')).toMatch(/^#1 error \{"code":"error","message":"answer to fail too large: \d+ bytes/);
    rpc.oversizeAnswer = (method, message) => (method === 'cmd' ? { status: 'error', data: message } : undefined);
    expect(await engine.request('cmd')).toMatch(/^#2 ok \{"status":"error","data":"answer to cmd too large: \d+ bytes, over the engine's 1000-byte line limit"\}$/);
    expect(await engine.request('other')).toMatch(/^#3 error /);
  });

  it('a result JSON.stringify cannot write (BigInt) is an error answer, not a crash', async () => {
    const { engine, rpc } = conn();
    rpc.onRequest = async () => ({ n: 1n });
    expect(await engine.request('m')).toMatch(/^#1 error \{"code":"error","message":"answer to m cannot be sent: .*BigInt/);
  });

  it('a request over the limit is refused before it is sent', async () => {
    const { engine, rpc } = conn();
    await expect(rpc.call('ze-plugin-engine:update-route', { command: 'x'.repeat(2000) })).rejects.toThrow(RpcError);
    await expect(rpc.call('ze-plugin-engine:update-route', { command: 'x'.repeat(2000) })).rejects.toThrow(/request too large: \d+ bytes, over the engine's 1000-byte line limit \(not sent\)/);
    await new Promise((r) => setImmediate(r));
    expect(engine.requests).toEqual([]);
    // The id counter is not used up: the next request is #0.
    await rpc.call('small', {});
    expect(engine.requests.map((r) => r.id)).toEqual(['0']);
  });
});

describe('ZePlugin and the ze-nlri plugin at 16 MiB', () => {
  async function started(): Promise<{ engine: FakeEngine; app: NlriPlugin; lines: string[]; done: Promise<number> }> {
    const engine = new FakeEngine();
    const { logger, lines } = logSink();
    const app = new NlriPlugin({ registry: createDefaultRegistry(), name: 'ze-nlri', logger, plugin: engine.pluginOptions });
    app.plugin.onCommand('ze-nlri huge', (a) => 'h'.repeat(Number(a[0])));
    const done = app.run();
    await engine.ready;
    return { engine, app, lines, done };
  }

  it('a command answer over 16 MiB is a command failure; one just under goes out', async () => {
    const { engine, done } = await started();
    const over = await engine.request('ze-plugin-callback:execute-command', { serial: '1', command: 'ze-nlri huge', args: [String(MAX_LINE)], peer: '*' });
    expect(over).toMatch(/^#\d+ ok \{"status":"error","data":"answer to ze-plugin-callback:execute-command too large: \d+ bytes, over the engine's 16777216-byte line limit"\}$/);
    const n = MAX_LINE - '#2 ok {"status":"done","data":""}'.length;
    const fits = await engine.request('ze-plugin-callback:execute-command', { serial: '2', command: 'ze-nlri huge', args: [String(n)], peer: '*' });
    expect(fits.length).toBe(MAX_LINE);
    engine.close();
    expect(await done).toBe(0);
  });

  it('decode-nlri of a field of 2 M NLRIs is refused while decoding, in bounded memory and time', async () => {
    const { engine, done } = await started();
    const hex = '00'.repeat(2_000_000); // 2 M one-octet RTC NLRIs: 110 MB of JSON
    const before = process.memoryUsage().rss;
    const t0 = Date.now();
    const a = await engine.request('ze-plugin-callback:decode-nlri', { family: 'ipv4/rtc', hex });
    expect(a).toMatch(/^#\d+ error \{"code":"error","message":"ipv4\/rtc: the JSON of these NLRIs is longer than 16777216 characters, too large for one answer line/);
    const cmd = await engine.request('ze-plugin-callback:execute-command', { serial: '1', command: 'ze-nlri decode', args: ['ipv4/rtc', hex], peer: '*' });
    expect(cmd).toMatch(/^#\d+ ok \{"status":"error","data":"ipv4\/rtc: the JSON of these NLRIs is longer than/);
    expect(Date.now() - t0).toBeLessThan(10_000);
    expect(process.memoryUsage().rss - before).toBeLessThan(600 * 1024 * 1024);
    // Small ones still decode.
    expect(await engine.request('ze-plugin-callback:decode-nlri', { family: 'ipv4/rtc', hex: '00' })).toMatch(/^#\d+ ok \{"json":"\{\\"is-default\\":true/);
    engine.close();
    expect(await done).toBe(0);
  });
});

describe('decodeHexBounded', () => {
  const reg = createDefaultRegistry();
  it('is decodeHex under the bound, for every sample, alone and doubled, with and without ADD-PATH', () => {
    for (const s of samples) {
      for (const hex of [s.hex, s.hex + s.hex]) expect(decodeHexBounded(reg, s.family, hex, MAX_LINE)).toBe(reg.decodeHex(s.family, hex));
      const ap = '00000007' + s.hex;
      expect(decodeHexBounded(reg, s.family, ap, MAX_LINE, { addPath: true })).toBe(reg.decodeHex(s.family, ap, { addPath: true }));
    }
  });
  it('throws what decodeHex throws', () => {
    for (const [f, h] of [['ipv4/rtc', ''], ['ipv4/rtc', '0'], ['ipv4/rtc', 'zz'], ['ipv4/nope', '00'], ['ipv4/flow', '05'], ['ipv4/rtc', '0001']]) {
      let want: unknown;
      try {
        reg.decodeHex(f!, h!);
      } catch (e) {
        want = e;
      }
      expect(want).toBeDefined();
      expect(() => decodeHexBounded(reg, f!, h!, MAX_LINE)).toThrow(want as Error);
    }
  });
  it('undefined past the bound', () => {
    const one = reg.decodeHex('ipv4/rtc', '00');
    expect(decodeHexBounded(reg, 'ipv4/rtc', '00', one.length)).toBe(one);
    expect(decodeHexBounded(reg, 'ipv4/rtc', '00', one.length - 1)).toBeUndefined();
    expect(decodeHexBounded(reg, 'ipv4/rtc', '0000', 2 * one.length + 3)).toBe(reg.decodeHex('ipv4/rtc', '0000'));
    expect(decodeHexBounded(reg, 'ipv4/rtc', '0000', 2 * one.length + 2)).toBeUndefined();
  });
});

describe('malformed deliveries: acked ok, logged once at WARN', () => {
  it('events not an array, events that are not strings, bad JSON, deliver-event without an event', async () => {
    const engine = new FakeEngine();
    const { logger, lines } = logSink();
    const p = new ZePlugin({ logger, ...engine.pluginOptions });
    const texts: string[] = [];
    p.onEventText((t) => texts.push(t));
    const done = p.run();
    await engine.ready;
    const bad = ['{"events":5}', '{}', '{"events":[5,"{\\"a\\":1}",null]}', '{"events":[', 'null'];
    for (let round = 0; round < 2; round++) {
      for (const payload of bad) {
        const id = String(100 + round * 10 + bad.indexOf(payload));
        expect(await engine.requestLine(`#${id} ze-plugin-callback:deliver-batch ${payload}`, id)).toBe(`#${id} ok`);
      }
      const id = String(200 + round);
      expect(await engine.requestLine(`#${id} ze-plugin-callback:deliver-event {"event":5}`, id)).toBe(`#${id} ok`);
    }
    expect(texts).toEqual(['{"a":1}', '{"a":1}']);
    const warn = lines.filter((l) => l.includes('level=WARN'));
    const count = (re: RegExp) => warn.filter((l) => re.test(l)).length;
    expect(count(/msg="deliver-batch without an events array, acked and ignored" payload="\{\\"events\\":5\}"/)).toBe(1);
    expect(count(/msg="deliver-batch without an events array/)).toBe(1);
    expect(count(/msg="deliver-batch event is not a string, ignored" payload=5/)).toBe(1);
    expect(count(/deliver-batch with bad JSON \(acked\)/)).toBe(1);
    expect(count(/msg="deliver-event without an event string, acked and ignored"/)).toBe(1);
    expect(warn.length).toBe(4);
    expect(p.ignoredDeliveries).toBe(2 * (2 + 2 + 1 + 1));
    engine.close();
    expect(await done).toBe(0);
  });
});
