/**
 * The connect-back settings the engine hands a plugin (ze-plugin-protocol.md §1.3).
 *
 * The engine sets the upper-case keys; Ze's own lookups also accept lower case with `_` or `.`,
 * and the child inherits whatever ze had, so: upper case first, then `ze_plugin_hub_host`,
 * then `ze.plugin.hub.host`. The token is removed from `process.env` (every spelling) once
 * read, so nothing the plugin starts inherits it.
 *
 * Linux also keeps the environment the process was started with, as it was, and shows it in
 * `/proc/<pid>/environ` (to the same user and root) whatever `process.env` becomes. When the
 * token is read from `process.env`, its value is also overwritten there (`scrubInitialEnvironment`:
 * the process writes its own memory through `/proc/self/mem`, the only way Node 20 has, as it has
 * no execve). docs/PLUGIN.md §1 says what is left (a launcher such as `npx` that stays the parent).
 */
import { closeSync, openSync, readFileSync, readSync, writeSync } from 'node:fs';

export interface PluginEnv {
  host: string;
  port: number;
  token: string;
  /** Expected SHA-256 of the engine's leaf certificate DER, lower-case hex; '' when unset. */
  certFp: string;
  name: string;
  /**
   * What became of the token in the initial environment block (`/proc/self/environ`): `scrubbed`,
   * `absent`, or why it could not be done (`unsupported: …`); undefined when not tried (an
   * environment other than `process.env`, or `scrub: false`).
   */
  environ?: string;
}

function spellings(key: string): string[] {
  const lower = key.toLowerCase();
  return [key, lower, lower.replace(/_/g, '.')];
}

function lookup(env: NodeJS.ProcessEnv, key: string): string | undefined {
  for (const k of spellings(key)) {
    const v = env[k];
    if (v !== undefined && v !== '') return v;
  }
  return undefined;
}

export class PluginEnvError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'PluginEnvError';
  }
}

/**
 * Read the `ZE_PLUGIN_*` variables. Missing host/port fall back to the Go SDK's defaults
 * (127.0.0.1:12700); a missing token or name is an error (the engine always sets both).
 */
export function readPluginEnv(env: NodeJS.ProcessEnv = process.env, opts: { scrub?: boolean } = {}): PluginEnv {
  const host = lookup(env, 'ZE_PLUGIN_HUB_HOST') ?? '127.0.0.1';
  const portText = lookup(env, 'ZE_PLUGIN_HUB_PORT') ?? '12700';
  const token = lookup(env, 'ZE_PLUGIN_HUB_TOKEN');
  const certFp = (lookup(env, 'ZE_PLUGIN_CERT_FP') ?? '').trim().toLowerCase();
  const name = lookup(env, 'ZE_PLUGIN_NAME');
  let environ: string | undefined;
  if (opts.scrub ?? true) {
    for (const k of spellings('ZE_PLUGIN_HUB_TOKEN')) delete env[k];
    if (env === process.env) environ = scrubInitialEnvironment(spellings('ZE_PLUGIN_HUB_TOKEN'));
  }
  const port = Number(portText);
  if (!/^\d+$/.test(portText) || port < 1 || port > 65535) throw new PluginEnvError(`ZE_PLUGIN_HUB_PORT is not a port: ${portText}`);
  if (!token) throw new PluginEnvError('ZE_PLUGIN_HUB_TOKEN is not set: this program must be started by ze (plugin { external … })');
  if (!name) throw new PluginEnvError('ZE_PLUGIN_NAME is not set: this program must be started by ze (plugin { external … })');
  if (!/^[a-zA-Z0-9][a-zA-Z0-9-]{0,63}$/.test(name)) {
    throw new PluginEnvError(`ZE_PLUGIN_NAME ${JSON.stringify(name)} cannot authenticate: use letters, digits and '-' only`);
  }
  if (certFp !== '' && !/^[0-9a-f]{64}$/.test(certFp)) throw new PluginEnvError('ZE_PLUGIN_CERT_FP is not 64 hex digits');
  return { host, port, token, certFp, name, ...(environ !== undefined ? { environ } : {}) };
}

/**
 * Overwrite (with `x`, same length) the values of `keys` in this process's initial environment
 * block, the memory `/proc/self/environ` shows (Linux: from `env_start` to `env_end`, fields 50-51
 * of `/proc/self/stat`). Call it only once the keys are gone from `process.env` (libc's
 * `unsetenv` drops the pointers, the bytes stay): nothing reads that memory after that. Returns
 * `scrubbed` (at least one value overwritten), `absent`, or `unsupported: <why>`; never throws.
 */
export function scrubInitialEnvironment(keys: readonly string[]): string {
  if (process.platform !== 'linux') return `unsupported: ${process.platform} has no /proc/self/environ`;
  let fd: number | undefined;
  try {
    const stat = readFileSync('/proc/self/stat', 'latin1');
    // Fields after the command name, which is in parentheses and may hold spaces: field 3 first.
    const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const start = Number(f[50 - 3]);
    const end = Number(f[51 - 3]);
    if (!Number.isSafeInteger(start) || !Number.isSafeInteger(end) || start <= 0 || end <= start || end - start > 1 << 24) {
      return 'unsupported: no environment range in /proc/self/stat';
    }
    fd = openSync('/proc/self/mem', 'r+');
    const block = Buffer.alloc(end - start);
    const got = readSync(fd, block, 0, block.length, start);
    let done = 0;
    for (let p = 0; p < got; ) {
      let z = block.indexOf(0, p);
      if (z < 0 || z > got) z = got;
      const eq = block.indexOf(0x3d, p);
      if (eq > p && eq < z && keys.includes(block.toString('latin1', p, eq)) && z > eq + 1) {
        const x = Buffer.alloc(z - eq - 1, 0x78);
        if (writeSync(fd, x, 0, x.length, start + eq + 1) !== x.length) return 'unsupported: short write to /proc/self/mem';
        done++;
      }
      p = z + 1;
    }
    return done > 0 ? 'scrubbed' : 'absent';
  } catch (e) {
    return `unsupported: ${e instanceof Error ? e.message : String(e)}`;
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}
