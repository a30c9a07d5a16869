/**
 * The runtime's byte-level request path: `parseFrameBytes` agrees with `parseFrame`, a raw
 * request handler sees the payload bytes before any JSON.parse and can hand a request back, and
 * `ZePlugin.onEventBatchBytes` takes deliver-batch payloads or leaves them to the event handlers
 * (in-process, against the fake engine).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { LineSplitter, parseFrame, parseFrameBytes } from '../../src/plugin/framing.js';
import { Logger } from '../../src/plugin/log.js';
import { ZePlugin } from '../../src/plugin/plugin.js';
import { AnswerError, NOT_HANDLED, RpcConnection } from '../../src/plugin/rpc.js';
import { FakeEngine } from './fake-engine.js';

describe('parseFrameBytes', () => {
  const lines = [
    '#7 ze-plugin-callback:post-startup',
    '#18446744073709551615 ok {"a":1}',
    '#3 error {"code":"error","message":"x y"}\r',
    '#3 deliver-batch {"events":["é \\u00e9"]}',
    '#3 m \r',
    '#3 \r',
    '#3 ',
    '3 ok',
    '#3',
    '#x ok',
    '#18446744073709551616 ok',
    '#١ ok',
    '#3 m\u00e9thod {}',
    '\r',
  ];
  it('reads what parseFrame reads from the same line, the payload left as bytes', () => {
    for (const l of lines) expect(norm(parseFrameBytes(Buffer.from(l)))).toEqual(parseFrame(l));
  });
  it('agrees with parseFrame on generated lines', () => {
    const part = fc.constantFrom('#', ' ', '1', '12', 'ok', 'error', 'x', '\r', '{}', 'é', '\u0000');
    fc.assert(
      fc.property(fc.array(part, { maxLength: 8 }), (ps) => {
        const l = ps.join('');
        expect(norm(parseFrameBytes(Buffer.from(l)))).toEqual(parseFrame(l));
      }),
    );
  });
  function norm(f: ReturnType<typeof parseFrameBytes>) {
    return typeof f === 'string' ? f : { ...f, payload: f.payload.toString('utf8') };
  }
});

describe('LineSplitter.pushBytes', () => {
  it('hands lines as bytes, joined across chunks, and refuses an over-long line', () => {
    const out: string[] = [];
    const s = new LineSplitter(10);
    expect(s.pushBytes(Buffer.from('#1 ok\n#2 o'), (l) => out.push(l.toString('latin1')))).toBeUndefined();
    expect(s.pushBytes(Buffer.from('k'), (l) => out.push(l.toString('latin1')))).toBeUndefined();
    expect(s.pushBytes(Buffer.from('\n'), (l) => out.push(l.toString('latin1')))).toBeUndefined();
    expect(out).toEqual(['#1 ok', '#2 ok']);
    expect(s.pushBytes(Buffer.from('0123456789A'), () => undefined)).toBe('line longer than 10 bytes');
  });
});

describe('RpcConnection raw request handlers', () => {
  it('answer from the payload bytes, hand requests back with NOT_HANDLED, and turn a throw into an error answer', async () => {
    const engine = new FakeEngine();
    const conn = new RpcConnection(engine.pluginEnd, new Logger({ write: () => undefined }));
    const seen: string[] = [];
    conn.rawHandlers.set('m', (payload) => {
      const t = payload.toString('utf8');
      seen.push(t);
      if (t === '{"pass":1}') return NOT_HANDLED;
      if (t === '{"fail":1}') throw new AnswerError('refused', 'bad');
      return { bytes: payload.length };
    });
    conn.onRequest = async (method, params) => ({ parsed: params, method });
    expect(await engine.request("m", { a: "é" })).toBe('#1 ok {"bytes":10}');
    expect(await engine.request('m', { pass: 1 })).toBe('#2 ok {"parsed":{"pass":1},"method":"m"}');
    expect(await engine.request('m', { fail: 1 })).toBe('#3 error {"code":"bad","message":"refused"}');
    expect(await engine.request('other', { x: 1 })).toBe('#4 ok {"parsed":{"x":1},"method":"other"}');
    expect(seen).toEqual(['{"a":"é"}', '{"pass":1}', '{"fail":1}']);
    expect(conn.stats.requestsIn).toBe(4);
    conn.close();
  });
});

describe('ZePlugin.onEventBatchBytes', () => {
  it('takes the batches it accepts; the others reach the event handlers as before', async () => {
    const engine = new FakeEngine();
    const p = new ZePlugin({ logger: new Logger({ write: () => undefined }), ...engine.pluginOptions });
    const raw: string[] = [];
    const texts: string[] = [];
    p.onEventBatchBytes((payload) => {
      const t = payload.toString('utf8');
      raw.push(t);
      return !t.includes('leave');
    });
    p.onEventText((t) => texts.push(t));
    const done = p.run();
    await engine.ready;
    expect(await engine.request('ze-plugin-callback:deliver-batch', { events: ['{"a":1}\n'] })).toBe('#3 ok');
    expect(await engine.request('ze-plugin-callback:deliver-batch', { events: ['{"leave":1}\n', ' x '] })).toBe('#4 ok');
    expect(raw).toEqual(['{"events":["{\\"a\\":1}\\n"]}', '{"events":["{\\"leave\\":1}\\n"," x "]}']);
    expect(texts).toEqual(['{"leave":1}', 'x']);
    expect(() => p.onEventBatchBytes(() => true)).toThrow('before run()');
    engine.close();
    expect(await done).toBe(0);
  });
});
