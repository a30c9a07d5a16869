/**
 * `ze-nlri plugin`: run as a Ze external plugin (started by ze, see docs/PLUGIN.md).
 *
 *   plugin { external ze-nlri { run "exec npx ze-nlri plugin --family ipv4/flow"; } }
 *
 * Logs go to stderr as slog lines; stdout is never written while running under ze.
 */
import { createDefaultRegistry } from '../index.js';
import { claimable, isEngineFamily } from '../plugin/nlri/engine-families.js';
import type { FamilyCodec } from '../registry/family.js';
import { Logger, errorText, parseLogLevel, type LogLevel } from '../plugin/log.js';
import { NlriPlugin } from '../plugin/nlri/app.js';
import { loadFamilyModule } from '../plugin/nlri/modules.js';

export const PLUGIN_USAGE = `usage: ze-nlri plugin [options]   (started by ze: plugin { external <name> { run "exec ze-nlri plugin …"; } })

  --family <afi/safi>        claim this family (repeatable, or comma-separated; default: every registered family)
  --family-module <file>     load families built with defineFamily() from this module (repeatable)
  --name <prefix>            command prefix (default: ZE_PLUGIN_NAME)
  --announce "<sel> <family> add <nlri args…> [attribute args…]"
                             send this route whenever a matching peer comes up (repeatable); the
                             attributes by name, as for the update command (docs/PLUGIN.md)
  --attributes <hex>         path attributes for originated routes that give none (default: ORIGIN IGP + empty AS_PATH)
  --next-hop <ip|self|none>  next hop for originated routes that give none (default: self; FlowSpec: the
                             zero address, as Ze needs one)
  --log-level <level>        debug, info, warn or error (default: info, or ZE_NLRI_LOG_LEVEL)
  --log-routes               log every received route at WARN (Ze relays WARN and above)
  --strict                   decode with strict RFC checks
  --help                     this text
`;

interface PluginArgs {
  families: string[];
  modules: string[];
  name?: string;
  announce: string[][];
  attributes?: string;
  nextHop?: string;
  logLevel?: LogLevel;
  logRoutes: boolean;
  strict: boolean;
  help: boolean;
}

export function parsePluginArgs(argv: readonly string[]): PluginArgs | string {
  const a: PluginArgs = { families: [], modules: [], announce: [], logRoutes: false, strict: false, help: false };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    const eq = arg.startsWith('--') ? arg.indexOf('=') : -1;
    const flag = eq > 0 ? arg.slice(0, eq) : arg;
    const value = (): string | undefined => (eq > 0 ? arg.slice(eq + 1) : argv[++i]);
    const need = (): string => {
      const v = value();
      if (v === undefined || v === '') throw new Error(`${flag} needs a value`);
      return v;
    };
    try {
      switch (flag) {
        case '--family':
          a.families.push(...need().split(',').map((s) => s.trim()).filter(Boolean));
          break;
        case '--family-module':
          a.modules.push(need());
          break;
        case '--name':
          a.name = need();
          break;
        case '--announce':
          a.announce.push(need().trim().split(/\s+/));
          break;
        case '--attributes':
          a.attributes = need();
          break;
        case '--next-hop':
          a.nextHop = need();
          break;
        case '--log-level': {
          const v = need();
          const l = parseLogLevel(v);
          if (!l) return `--log-level: unknown level ${v}`;
          a.logLevel = l;
          break;
        }
        case '--log-routes':
          a.logRoutes = true;
          break;
        case '--strict':
          a.strict = true;
          break;
        case '-h':
        case '--help':
          a.help = true;
          break;
        default:
          return `unknown option: ${arg}`;
      }
    } catch (e) {
      return errorText(e);
    }
  }
  return a;
}

function envName(env: NodeJS.ProcessEnv): string | undefined {
  return env.ZE_PLUGIN_NAME || env.ze_plugin_name || env['ze.plugin.name'] || undefined;
}

/** Run the plugin; resolves with the process exit code. */
export async function runPluginCommand(argv: string[]): Promise<number> {
  const parsed = parsePluginArgs(argv);
  const level = (typeof parsed === 'object' ? parsed.logLevel : undefined) ?? parseLogLevel(process.env.ZE_NLRI_LOG_LEVEL ?? '') ?? 'INFO';
  const log = new Logger({ level });
  if (typeof parsed === 'string') {
    log.error('ze-nlri plugin: bad arguments', { error: parsed });
    process.stderr.write(PLUGIN_USAGE);
    return 2;
  }
  if (parsed.help) {
    process.stdout.write(PLUGIN_USAGE);
    return 0;
  }
  const fatal = (kind: string) => (e: unknown) => {
    log.error(kind, { error: errorText(e), stack: e instanceof Error ? e.stack?.split('\n').slice(1, 4).join(' | ') : undefined });
    process.exit(1);
  };
  process.on('uncaughtException', fatal('uncaught exception'));
  process.on('unhandledRejection', fatal('unhandled rejection'));

  let app: NlriPlugin;
  try {
    const registry = createDefaultRegistry();
    const fromModules: FamilyCodec<any>[] = [];
    for (const m of parsed.modules) fromModules.push(...(await loadFamilyModule(registry, m)));
    let families: FamilyCodec<any>[];
    if (parsed.families.length > 0) {
      families = parsed.families.map((n) => {
        if (n !== n.toLowerCase()) throw new Error(`family ${n}: names are lower-case afi/safi`);
        const c = registry.get(n);
        if (!c) throw new Error(`unknown family ${n} (registered: ${claimable(registry.list()).map((x) => x.name).join(', ') || 'none'})`);
        if (isEngineFamily(c.name)) throw new Error(`family ${n} is Ze's own (the engine decodes it); a plugin cannot claim it`);
        return c;
      });
      // Families from modules are always claimed: loading a module means "serve these".
      for (const c of fromModules) if (!families.includes(c)) families.push(c);
    } else families = claimable(registry.list());
    if (families.length === 0) throw new Error('no family to claim: the registry is empty and no --family-module was given');
    const name = parsed.name ?? envName(process.env) ?? 'ze-nlri';
    for (const a of parsed.announce) {
      if (a.length < 4 || (a[2] !== 'add' && a[2] !== 'del')) throw new Error(`--announce "${a.join(' ')}": expected "<selector> <family> add <nlri args…> [attribute args…]"`);
      if (!families.some((c) => c.name === a[1])) throw new Error(`--announce: family ${a[1]} is not claimed`);
    }
    app = new NlriPlugin({
      registry,
      families,
      name,
      logger: log,
      logRoutes: parsed.logRoutes,
      strict: parsed.strict,
      announce: parsed.announce,
      originate: { ...(parsed.attributes ? { attributes: parsed.attributes } : {}), ...(parsed.nextHop ? { nextHop: parsed.nextHop } : {}) },
    });
  } catch (e) {
    log.error('ze-nlri plugin: cannot start', { error: errorText(e) });
    return 1;
  }
  const stop = (sig: string) => () => app.plugin.stop(sig);
  process.once('SIGTERM', stop('SIGTERM'));
  process.once('SIGINT', stop('SIGINT'));
  return app.run();
}
