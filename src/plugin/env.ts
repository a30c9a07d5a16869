/**
 * The connect-back settings the engine hands a plugin (ze-plugin-protocol.md §1.3).
 *
 * The engine sets the upper-case keys; Ze's own lookups also accept lower case with `_` or `.`,
 * and the child inherits whatever ze had, so: upper case first, then `ze_plugin_hub_host`,
 * then `ze.plugin.hub.host`. The token is removed from `process.env` (every spelling) once
 * read, so nothing the plugin starts inherits it.
 */

export interface PluginEnv {
  host: string;
  port: number;
  token: string;
  /** Expected SHA-256 of the engine's leaf certificate DER, lower-case hex; '' when unset. */
  certFp: string;
  name: string;
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
  if (opts.scrub ?? true) for (const k of spellings('ZE_PLUGIN_HUB_TOKEN')) delete env[k];
  const port = Number(portText);
  if (!/^\d+$/.test(portText) || port < 1 || port > 65535) throw new PluginEnvError(`ZE_PLUGIN_HUB_PORT is not a port: ${portText}`);
  if (!token) throw new PluginEnvError('ZE_PLUGIN_HUB_TOKEN is not set: this program must be started by ze (plugin { external … })');
  if (!name) throw new PluginEnvError('ZE_PLUGIN_NAME is not set: this program must be started by ze (plugin { external … })');
  if (!/^[a-zA-Z0-9][a-zA-Z0-9-]{0,63}$/.test(name)) {
    throw new PluginEnvError(`ZE_PLUGIN_NAME ${JSON.stringify(name)} cannot authenticate: use letters, digits and '-' only`);
  }
  if (certFp !== '' && !/^[0-9a-f]{64}$/.test(certFp)) throw new PluginEnvError('ZE_PLUGIN_CERT_FP is not 64 hex digits');
  return { host, port, token, certFp, name };
}
