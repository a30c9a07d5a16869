/**
 * The auth token and the initial environment (ze-plugin-protocol.md §1.3; issue 15 §4): Linux
 * shows a process's start-up environment in /proc/<pid>/environ whatever `process.env` becomes,
 * so removing the token from `process.env` is not enough. The plugin overwrites the token's value
 * there too. Checked on the running `ze-nlri plugin` child of the engine simulator, from outside
 * (as another process of the same user would read it).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { EngineSim } from './engine-sim.js';

const LINUX = process.platform === 'linux' && existsSync('/proc/self/environ');

function environOf(pid: number): string[] {
  return readFileSync(`/proc/${pid}/environ`, 'latin1').split('\0');
}

describe.runIf(LINUX)('/proc/<pid>/environ of the running plugin', () => {
  let sim: EngineSim | undefined;
  afterAll(async () => sim && (await sim.close()));

  it('holds no token (every spelling), keeps everything else, and auth still worked', async () => {
    const stale = 'a'.repeat(64);
    sim = await EngineSim.start({ args: ['--family-module', 'examples/colored-prefix.mjs'], env: { 'ze.plugin.hub.token': stale, XZE_PLUGIN_HUB_TOKEN: 'keep-me', ZE_TEST_MARK: 'still-here' } });
    await sim.whenConnected();
    await sim.started;
    expect(sim.authResult).toBe('ok');
    const env = environOf(sim.child!.pid!);
    const all = env.join('\n');
    expect(all).not.toContain(sim.token);
    expect(all).not.toContain(stale);
    expect(env).toContain(`ZE_PLUGIN_HUB_TOKEN=${'x'.repeat(64)}`);
    expect(env).toContain(`ze.plugin.hub.token=${'x'.repeat(64)}`);
    expect(env).toContain('XZE_PLUGIN_HUB_TOKEN=keep-me');
    expect(env).toContain('ZE_TEST_MARK=still-here');
    expect(env).toContain('ZE_PLUGIN_NAME=ze-nlri');
    // And the plugin still works after the write to its own memory.
    expect((await sim.command('ze-nlri families')).status).toBe('done');
  });

  it('scrubInitialEnvironment alone: overwrites exactly the named keys of a fresh process', () => {
    const script = `import { scrubInitialEnvironment } from './src/plugin/env.ts';
      delete process.env.TOK; delete process.env.tok;
      const r = scrubInitialEnvironment(['TOK', 'tok']);
      const env = require('node:fs').readFileSync('/proc/self/environ', 'latin1').split('\\0').filter((e) => /^(TOK|tok|ATOK|TOKEN)=/.test(e)).sort();
      console.log(JSON.stringify({ r, env, again: scrubInitialEnvironment(['NOPE']) }));`;
    const p = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script.replace("require('node:fs')", '(await import("node:fs"))')], {
      encoding: 'utf8',
      env: { PATH: process.env.PATH, TOK: 'secret1', tok: 'se', ATOK: 'secret3', TOKEN: 'secret4' },
      timeout: 30_000,
    });
    expect(p.stderr).toBe('');
    expect(JSON.parse(p.stdout)).toEqual({ r: 'scrubbed', env: ['ATOK=secret3', 'TOK=xxxxxxx', 'TOKEN=secret4', 'tok=xx'], again: 'absent' });
  });
});
