/**
 * A plugin → engine call that the engine never answers times out (ze-plugin-protocol.md §3.5:
 * the engine may drop a request without answering), in-process against a minimal fake engine
 * (fake-engine.ts); the connection stays usable afterwards.
 */
import { describe, expect, it } from 'vitest';
import { Logger } from '../../src/plugin/log.js';
import { ZePlugin } from '../../src/plugin/plugin.js';
import { RpcTimeoutError } from '../../src/plugin/rpc.js';
import { FakeEngine } from './fake-engine.js';

describe('plugin → engine calls the engine never answers', () => {
  it('reject with RpcTimeoutError after the timeout, and later calls still work', async () => {
    const engine = new FakeEngine();
    engine.answer = (method) => (method === 'ze-plugin-engine:update-route' ? 'silent' : { ok: { status: 'done', data: 'x' } });
    const lines: string[] = [];
    const p = new ZePlugin({ logger: new Logger({ write: (l) => lines.push(l) }), callTimeoutMs: 150, ...engine.pluginOptions });
    const started = new Promise<void>((r) => p.onStarted(() => r()));
    const done = p.run();
    await started;
    const t0 = Date.now();
    const err = await p.updateRoute('*', 'update hex nlri ipv4/flow add 0501180a0000').then(
      () => undefined,
      (e: unknown) => e,
    );
    const waited = Date.now() - t0;
    expect(err).toBeInstanceOf(RpcTimeoutError);
    expect((err as RpcTimeoutError).method).toBe('ze-plugin-engine:update-route');
    expect((err as Error).message).toBe('ze-plugin-engine:update-route: no answer from the engine within 150 ms');
    expect(waited).toBeGreaterThanOrEqual(140);
    // The request did reach the engine, which kept silent.
    expect(engine.requests.some((r) => r.method === 'ze-plugin-engine:update-route')).toBe(true);
    // A per-call timeout overrides the default.
    await expect(p.updateRoute('*', 'x', { timeoutMs: 50 })).rejects.toThrow('no answer from the engine within 50 ms');
    // The connection is still up: an answered call resolves.
    await expect(p.dispatchCommand('peer list')).resolves.toEqual({ status: 'done', data: 'x' });
    expect(p.running).toBe(true);
    engine.close();
    expect(await done).toBe(0);
  });
});
